/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests: every kind of TOML value, as parsed. */
#include <math.h>

#include "harness.h"
#include "toml_helpers.h"

TEST(test_toml__basic_string_escapes)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a, "s = \"a\\tb\\n\\\"c\\\\ \\u00e9\\U0001F600 \\b\\f\\r\"\n", &msg);
	CHECK(t != NULL);
	const struct toml_value *v = th_get(t, "s");
	CHECK(v && v->kind == TOML_STRING);
	if (v)
		CHECK_STR_EQ(v->u.s.ptr, "a\tb\n\"c\\ \xc3\xa9\xf0\x9f\x98\x80 \b\f\r");
	arena_free(a);
}

TEST(test_toml__string_with_nul_keeps_length)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a, "s = \"x\\u0000y\"\n", &msg);
	const struct toml_value *v = t ? th_get(t, "s") : NULL;
	CHECK(v != NULL);
	if (v) {
		CHECK_INT_EQ(v->u.s.len, 3);
		CHECK(memcmp(v->u.s.ptr, "x\0y", 3) == 0);
	}
	arena_free(a);
}

TEST(test_toml__literal_and_multiline_strings)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a,
					"lit = 'C:\\dir\\n'\n"
					"ml = \"\"\"\nfirst\nsecond\"\"\"\n"
					"trim = \"\"\"one \\\n     two \\\n\n  three\"\"\"\n"
					"mll = '''\n  keep \\n this\n'''\n"
					"quotes = \"\"\"he said \"hi\"\"\"\"\n"
					"lq = ''''two'''''\n"
					"crlf = \"\"\"a\r\nb\"\"\"\n",
					&msg);
	CHECK(t != NULL);
	if (!t) {
		CHECK_STR_EQ(msg, "");
		arena_free(a);
		return;
	}
	CHECK_STR_EQ(th_get(t, "lit")->u.s.ptr, "C:\\dir\\n");
	CHECK_STR_EQ(th_get(t, "ml")->u.s.ptr, "first\nsecond");
	CHECK_STR_EQ(th_get(t, "trim")->u.s.ptr, "one two three");
	CHECK_STR_EQ(th_get(t, "mll")->u.s.ptr, "  keep \\n this\n");
	CHECK_STR_EQ(th_get(t, "quotes")->u.s.ptr, "he said \"hi\"");
	CHECK_STR_EQ(th_get(t, "lq")->u.s.ptr, "'two''");
	CHECK_STR_EQ(th_get(t, "crlf")->u.s.ptr, "a\nb");
	arena_free(a);
}

TEST(test_toml__integers_all_bases)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a,
					"a = 42\nb = +17\nc = -0\nd = 1_000_000\ne = 0xDEAD_beef\nf = 0o755\n"
					"g = 0b1010\nh = 9223372036854775807\ni = -9223372036854775808\n"
					"j = 0x7FFFFFFFFFFFFFFF\n",
					&msg);
	CHECK(t != NULL);
	if (t) {
		CHECK_INT_EQ(th_get(t, "a")->u.i, 42);
		CHECK_INT_EQ(th_get(t, "b")->u.i, 17);
		CHECK_INT_EQ(th_get(t, "c")->u.i, 0);
		CHECK_INT_EQ(th_get(t, "d")->u.i, 1000000);
		CHECK_INT_EQ(th_get(t, "e")->u.i, 0xDEADBEEF);
		CHECK_INT_EQ(th_get(t, "f")->u.i, 0755);
		CHECK_INT_EQ(th_get(t, "g")->u.i, 10);
		CHECK(th_get(t, "h")->u.i == INT64_MAX);
		CHECK(th_get(t, "i")->u.i == INT64_MIN);
		CHECK(th_get(t, "j")->u.i == INT64_MAX);
		CHECK(th_get(t, "a")->kind == TOML_INTEGER);
	}
	arena_free(a);
}

TEST(test_toml__floats_and_specials)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a,
					"a = 3.14\nb = -0.01\nc = 5e+22\nd = 1e06\ne = -2E-2\nf = 6.626e-34\n"
					"g = 224_617.445_991\nh = inf\ni = +inf\nj = -inf\nk = nan\nl = -nan\nm = -0.0\n"
					"n = 0e0\n",
					&msg);
	CHECK(t != NULL);
	if (t) {
		CHECK(th_get(t, "a")->kind == TOML_FLOAT);
		CHECK(th_get(t, "a")->u.f == 3.14);
		CHECK(th_get(t, "b")->u.f == -0.01);
		CHECK(th_get(t, "c")->u.f == 5e22);
		CHECK(th_get(t, "d")->u.f == 1e6);
		CHECK(th_get(t, "e")->u.f == -2e-2);
		CHECK(th_get(t, "f")->u.f == 6.626e-34);
		CHECK(th_get(t, "g")->u.f == 224617.445991);
		CHECK(isinf(th_get(t, "h")->u.f) && th_get(t, "h")->u.f > 0);
		CHECK(isinf(th_get(t, "i")->u.f) && th_get(t, "i")->u.f > 0);
		CHECK(isinf(th_get(t, "j")->u.f) && th_get(t, "j")->u.f < 0);
		CHECK(isnan(th_get(t, "k")->u.f));
		CHECK(isnan(th_get(t, "l")->u.f));
		CHECK(th_get(t, "m")->u.f == 0 && signbit(th_get(t, "m")->u.f));
		CHECK(th_get(t, "n")->u.f == 0);
	}
	arena_free(a);
}

TEST(test_toml__booleans)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a, "t = true\nf = false\n", &msg);
	CHECK(t && th_get(t, "t")->kind == TOML_BOOL && th_get(t, "t")->u.b);
	CHECK(t && th_get(t, "f")->kind == TOML_BOOL && !th_get(t, "f")->u.b);
	arena_free(a);
}

TEST(test_toml__datetimes_of_every_kind)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a,
					"odt = 1979-05-27T07:32:00Z\n"
					"odt2 = 1979-05-27 00:32:00.999999-07:00\n"
					"odt3 = 1979-05-27t07:32:00.1234567891+05:30\n"
					"ldt = 1979-05-27T07:32:00\n"
					"ld = 2000-02-29\n"
					"lt = 00:32:00.5\n",
					&msg);
	CHECK(t != NULL);
	if (!t) {
		arena_free(a);
		return;
	}
	const struct toml_value *v = th_get(t, "odt");
	CHECK(v->kind == TOML_DATETIME);
	CHECK_INT_EQ(v->u.dt.year, 1979);
	CHECK_INT_EQ(v->u.dt.month, 5);
	CHECK_INT_EQ(v->u.dt.day, 27);
	CHECK_INT_EQ(v->u.dt.hour, 7);
	CHECK_INT_EQ(v->u.dt.minute, 32);
	CHECK_INT_EQ(v->u.dt.offset_minutes, 0);
	v = th_get(t, "odt2");
	CHECK_INT_EQ(v->u.dt.nanosecond, 999999000);
	CHECK_INT_EQ(v->u.dt.offset_minutes, -420);
	v = th_get(t, "odt3");
	CHECK_INT_EQ(v->u.dt.nanosecond, 123456789);
	CHECK_INT_EQ(v->u.dt.offset_minutes, 330);
	CHECK(th_get(t, "ldt")->kind == TOML_DATETIME_LOCAL);
	CHECK(th_get(t, "ld")->kind == TOML_DATE_LOCAL);
	CHECK_INT_EQ(th_get(t, "ld")->u.dt.day, 29);
	CHECK(th_get(t, "lt")->kind == TOML_TIME_LOCAL);
	CHECK_INT_EQ(th_get(t, "lt")->u.dt.nanosecond, 500000000);
	CHECK_STR_EQ(th_value_text(a, th_get(t, "odt2")), "1979-05-27T00:32:00.999999-07:00");
	CHECK_STR_EQ(th_value_text(a, th_get(t, "lt")), "00:32:00.5");
	arena_free(a);
}

TEST(test_toml__arrays_mixed_and_nested)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a,
					"a = [ 1, 'two', 3.0, [4, [5]], { six = 6 }, ]\n"
					"b = [\n  # comment\n  1,\n  2 # two\n]\n"
					"c = []\n",
					&msg);
	CHECK(t != NULL);
	if (!t) {
		arena_free(a);
		return;
	}
	const struct toml_value *v = th_get(t, "a");
	CHECK(v->kind == TOML_ARRAY);
	CHECK_INT_EQ(v->u.arr->len, 5);
	CHECK(!v->u.arr->of_tables);
	CHECK(v->u.arr->items[1].kind == TOML_STRING);
	CHECK(v->u.arr->items[3].u.arr->items[1].kind == TOML_ARRAY);
	CHECK(v->u.arr->items[4].kind == TOML_TABLE);
	CHECK_INT_EQ(th_get(t, "b")->u.arr->len, 2);
	CHECK_INT_EQ(th_get(t, "c")->u.arr->len, 0);
	arena_free(a);
}

TEST(test_toml__inline_tables)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a, "p = { x = 1, y.z = 2, s = \"\"\"multi\nline\"\"\" }\ne = {}\n", &msg);
	CHECK(t != NULL);
	if (t) {
		CHECK_INT_EQ(th_get(t, "p.x")->u.i, 1);
		CHECK_INT_EQ(th_get(t, "p.y.z")->u.i, 2);
		CHECK_STR_EQ(th_get(t, "p.s")->u.s.ptr, "multi\nline");
		CHECK(th_get(t, "e")->kind == TOML_TABLE);
		CHECK_INT_EQ(th_get(t, "e")->u.tab->len, 0);
	}
	arena_free(a);
}

TEST(test_toml__value_and_key_positions)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a, "# c\n\"\xc3\xa9t\xc3\xa9\" = \"v\"\n  [tab]\n\tk =   [1,\n 2]\n", &msg);
	CHECK(t != NULL);
	if (t) {
		const struct toml_entry *e = toml_table_find(t, "\xc3\xa9t\xc3\xa9");
		CHECK(e != NULL);
		if (e) {
			CHECK_INT_EQ(e->key_pos.line, 2);
			CHECK_INT_EQ(e->key_pos.col, 1);
			CHECK_INT_EQ(e->value.pos.line, 2);
			CHECK_INT_EQ(e->value.pos.col, 9); /* columns count characters, not bytes */
		}
		const struct toml_value *tab = th_get(t, "tab");
		CHECK_INT_EQ(tab->pos.line, 3);
		CHECK_INT_EQ(tab->pos.col, 3);
		const struct toml_value *k = th_get(t, "tab.k");
		CHECK_INT_EQ(k->pos.line, 4);
		CHECK_INT_EQ(k->pos.col, 8);
		CHECK_INT_EQ(k->u.arr->items[1].pos.line, 5);
		CHECK_INT_EQ(k->u.arr->items[1].pos.col, 2);
	}
	arena_free(a);
}

TEST(test_toml__bom_crlf_and_empty_documents)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a, "\xef\xbb\xbf" "a = 1\r\n[b]\r\nc = 2 # x\r\n", &msg);
	CHECK(t != NULL);
	CHECK(t && th_get(t, "b.c")->u.i == 2);
	t = th_parse(a, "", &msg);
	CHECK(t && t->len == 0);
	t = th_parse(a, "  \t\n\n# only a comment", &msg);
	CHECK(t && t->len == 0);
	CHECK(toml_parse(a, NULL, 0, NULL) != NULL);
	arena_free(a);
}

TEST(test_toml__kind_names)
{
	CHECK_STR_EQ(toml_kind_name(TOML_STRING), "string");
	CHECK_STR_EQ(toml_kind_name(TOML_BOOL), "boolean");
	CHECK_STR_EQ(toml_kind_name(TOML_DATETIME), "offset date-time");
	CHECK_STR_EQ(toml_kind_name(TOML_DATETIME_LOCAL), "local date-time");
	CHECK_STR_EQ(toml_kind_name(TOML_DATE_LOCAL), "local date");
	CHECK_STR_EQ(toml_kind_name(TOML_TIME_LOCAL), "local time");
	CHECK_STR_EQ(toml_kind_name(TOML_TABLE), "table");
}
