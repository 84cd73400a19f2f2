/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests: the error catalogue, with exact positions and messages. */
#include "harness.h"
#include "toml_helpers.h"

struct err_case {
	const char *text, *want;
};

static const struct err_case cases[] = {
	/* keys and lines */
	{ "name \"x\"\n", "1:6: expected '=' after key 'name', found '\"'" },
	{ "a.b 1\n", "1:5: expected '=' after key 'a.b', found '1'" },
	{ "= 1\n", "1:1: expected a key, found '='" },
	{ "a..b = 1\n", "1:3: expected a key, found '.'" },
	{ "a = 1 b = 2\n", "1:7: expected newline after value, found 'b'" },
	{ "a =\n", "1:4: expected a value, found newline" },
	{ "a = \"\"\"x\"\"\"\n\"\"\"k\"\"\" = 1\n", "2:1: multi-line strings cannot be used as keys" },
	{ "a = 1 # bad \x01 comment\n", "1:13: control character U+0001 not allowed in a comment" },
	{ "a = 1\rb = 2\n", "1:6: carriage return not followed by a newline" },
	{ "\r\n\r", "2:1: carriage return not followed by a newline" },
	/* duplicates and redefinitions */
	{ "a = 1\n\nb = 2\na = 3\n", "4:1: duplicate key 'a' (first defined at line 1)" },
	{ "[a]\nx = 1\n[a]\n", "3:1: table 'a' already defined at line 1" },
	{ "a.b = 1\n[a]\n", "2:1: table 'a' already defined by dotted keys at line 1" },
	{ "a = {}\n[a]\n", "2:1: table 'a' already defined as an inline table at line 1" },
	{ "a = { b = 1 }\na.c = 2\n", "2:1: cannot add keys to inline table 'a' (defined at line 1)" },
	{ "a = { b = 1 }\n[a.c]\n", "2:2: cannot extend inline table 'a' (defined at line 1)" },
	{ "a = [1]\n[[a]]\n", "2:1: cannot append to static array 'a' (defined at line 1)" },
	{ "a = [{}]\n[a.b]\n", "2:2: cannot extend static array 'a' (defined at line 1)" },
	{ "[[a]]\n[a]\n", "2:1: table 'a' already defined as an array of tables at line 1" },
	{ "[a]\n[[a]]\n", "2:1: key 'a' already defined as a table at line 1" },
	{ "a = true\n[a.b]\n", "2:2: key 'a' is a boolean, not a table (defined at line 1)" },
	{ "a = 1\na.b = 2\n", "2:1: key 'a' is an integer, not a table (defined at line 1)" },
	{ "[x]\ny.z = 1\n[x.y]\n", "3:1: table 'x.y' already defined by dotted keys at line 2" },
	{ "[x.y]\n[x]\ny.z = 1\n", "3:1: cannot add keys to table 'y' with dotted keys (defined by a header at line 1)" },
	{ "[a.b]\nc = 1\n[a]\nb.d = 2\n", "4:1: cannot add keys to table 'b' with dotted keys (defined by a header at line 1)" },
	{ "t = { a = 1, a = 2 }\n", "1:14: duplicate key 'a' (first defined at line 1)" },
	/* integers */
	{ "n = 9223372036854775808\n", "1:5: integer 9223372036854775808 does not fit in 64 bits" },
	{ "n = -9223372036854775809\n", "1:5: integer -9223372036854775809 does not fit in 64 bits" },
	{ "n = 0x8000000000000000\n", "1:5: integer 0x8000000000000000 does not fit in 64 bits" },
	{ "n = 0123\n", "1:5: invalid integer '0123' (leading zeros are not allowed)" },
	{ "n = 1__2\n", "1:5: invalid number '1__2' ('_' must be between digits)" },
	{ "n = _1\n", "1:5: expected a value, found '_1'" },
	{ "n = 0x\n", "1:5: invalid integer '0x' (expected hex digits)" },
	{ "n = 0b102\n", "1:5: invalid integer '0b102' (expected binary digits)" },
	{ "n = +0x1\n", "1:5: invalid integer '+0x1' (a sign is not allowed with a base prefix)" },
	/* floats */
	{ "f = 1.\n", "1:5: invalid float '1.' (expected digits after '.')" },
	{ "f = .5\n", "1:5: expected a value, found '.5'" },
	{ "f = 1e\n", "1:5: invalid float '1e' (expected digits in the exponent)" },
	{ "f = 03.5\n", "1:5: invalid float '03.5' (leading zeros are not allowed)" },
	{ "f = 1e400\n", "1:5: float 1e400 is out of range" },
	{ "f = Inf\n", "1:5: expected a value, found 'Inf'" },
	/* booleans */
	{ "b = True\n", "1:5: expected a value, found 'True'" },
	/* strings */
	{ "s = \"abc\n", "1:9: expected closing '\"' of string, found newline" },
	{ "s = 'abc", "1:9: expected closing \"'\" of string, found end of file" },
	{ "s = \"\"\"abc\n", "1:5: unterminated multi-line string (missing closing '\"\"\"')" },
	{ "s = \"a\\qb\"\n", "1:7: invalid escape sequence '\\q'" },
	{ "s = \"\\uD800\"\n", "1:6: invalid unicode escape '\\uD800' (not a unicode scalar value)" },
	{ "s = \"\\U00110000\"\n", "1:6: invalid unicode escape '\\U00110000' (not a unicode scalar value)" },
	{ "s = \"\\u12\"\n", "1:6: invalid unicode escape '\\u12' (expected 4 hex digits)" },
	{ "s = \"a\x7f\"\n", "1:7: control character U+007F not allowed in a string" },
	{ "s = '''a\x01'''\n", "1:9: control character U+0001 not allowed in a string" },
	{ "s = \"\"\"a \\ b\"\"\"\n", "1:10: invalid escape sequence: ' ' after '\\'" },
	/* date-times */
	{ "d = 2023-02-29\n", "1:5: invalid date '2023-02-29' (day out of range)" },
	{ "d = 2023-13-01T00:00:00\n", "1:5: invalid date-time '2023-13-01T00:00:00' (month out of range)" },
	{ "d = 24:00:00\n", "1:5: invalid time '24:00:00' (hour out of range)" },
	{ "d = 12:30\n", "1:5: invalid time '12:30' (expected HH:MM:SS)" },
	{ "d = 2023-01-01T10:00:00+1:00\n", "1:5: invalid date-time '2023-01-01T10:00:00+1:00' (expected offset as +HH:MM)" },
	{ "d = 2023-01-01x\n", "1:5: invalid date-time '2023-01-01x' (expected 'T' between date and time)" },
	/* arrays and inline tables */
	{ "a = [1 2]\n", "1:8: expected ',' or ']' after array element, found '2'" },
	{ "a = [,]\n", "1:6: expected a value or ']' in array, found ','" },
	{ "a = [1,\n2,\n", "1:5: unterminated array (missing ']')" },
	{ "t = { a = 1, }\n", "1:14: trailing comma not allowed in inline table" },
	{ "t = { a = 1\n}\n", "1:12: newline not allowed in inline table" },
	{ "t = { a = 1 b = 2 }\n", "1:13: expected ',' or '}' in inline table, found 'b'" },
	/* headers */
	{ "[a\n", "1:3: expected ']' to close header 'a', found newline" },
	{ "[[a]\n", "1:4: expected ']]' to close header 'a', found ']'" },
	{ "[]\n", "1:2: expected a key, found ']'" },
	{ "[a] x\n", "1:5: expected newline after table header, found 'x'" },
	/* encoding */
	{ "a = \"\xc3\x28\"\n", "1:6: invalid UTF-8" },
	{ "a = \"\xed\xa0\x80\"\n", "1:6: invalid UTF-8" },
	{ "a = \"\xc0\xaf\"\n", "1:6: invalid UTF-8" },
	{ "a = \"\xf4\x90\x80\x80\"\n", "1:6: invalid UTF-8" },
	{ "\xc3\xa9\xc3\xa9 = 1\n", "1:1: expected a key, found U+00E9" },
	{ "x = 1\n\xe3\x80\x80 = 1\n", "2:1: expected a key, found U+3000" },
};

TEST(test_toml__error_catalogue)
{
	struct arena *a = arena_new();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = th_error(a, cases[i].text);
		if (strcmp(got, cases[i].want) != 0)
			harness_fail(__FILE__, __LINE__, "case %zu:\n  got:      \"%s\"\n  expected: \"%s\"", i, got,
				     cases[i].want);
	}
	arena_free(a);
}

TEST(test_toml__error_messages_are_lowercase_without_full_stop)
{
	struct arena *a = arena_new();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct toml_error err;
		CHECK(toml_parse(a, cases[i].text, strlen(cases[i].text), &err) == NULL);
		CHECK(err.msg && ((err.msg[0] >= 'a' && err.msg[0] <= 'z') || strncmp(err.msg, "invalid UTF-8", 13) == 0));
		CHECK(err.msg && err.msg[strlen(err.msg) - 1] != '.');
		CHECK(err.pos.line >= 1 && err.pos.col >= 1);
	}
	arena_free(a);
}

TEST(test_toml__error_column_counts_characters)
{
	struct arena *a = arena_new();
	/* "é" and the euro sign are one column each; a tab is one column too. */
	CHECK_STR_EQ(th_error(a, "s = \"\xc3\xa9\xe2\x82\xac\" x\n"), "1:10: expected newline after value, found 'x'");
	CHECK_STR_EQ(th_error(a, "\tk = 1 2\n"), "1:8: expected newline after value, found '2'");
	/* A byte order mark is not a column. */
	CHECK_STR_EQ(th_error(a, "\xef\xbb\xbfk = 1 2\n"), "1:7: expected newline after value, found '2'");
	CHECK_STR_EQ(th_error(a, "a = 1\r\nb = 1 2\r\n"), "2:7: expected newline after value, found '2'");
	arena_free(a);
}

TEST(test_toml__parse_without_error_struct)
{
	struct arena *a = arena_new();
	CHECK(toml_parse(a, "a = ", 4, NULL) == NULL);
	arena_free(a);
}
