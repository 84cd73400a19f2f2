/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests: writing TOML, equality, round trips, and parsing every prefix of a document. */
#include <math.h>
#include <stdio.h>

#include "harness.h"
#include "toml_helpers.h"

static const char *write_doc(struct arena *a, const struct toml_table *t)
{
	struct sb sb = SB_INIT;
	toml_write(&sb, t);
	const char *r = arena_strndup(a, sb_str(&sb), sb.len);
	sb_release(&sb);
	return r;
}

/* parse -> write -> parse gives an equal tree; returns the written text. */
static const char *round_trip(struct arena *a, const char *text)
{
	const char *msg;
	struct toml_table *t1 = th_parse(a, text, &msg);
	if (!t1) {
		harness_fail(__FILE__, __LINE__, "does not parse: %s", msg);
		return "";
	}
	const char *out = write_doc(a, t1);
	struct toml_table *t2 = th_parse(a, out, &msg);
	if (!t2) {
		harness_fail(__FILE__, __LINE__, "written form does not parse: %s\n%s", msg, out);
		return out;
	}
	if (!toml_table_equal(t1, t2) || !toml_table_equal(t2, t1))
		harness_fail(__FILE__, __LINE__, "round trip differs:\n%s", out);
	return out;
}

static const char *key_text(struct arena *a, const char *key, size_t len)
{
	struct sb sb = SB_INIT;
	toml_write_key(&sb, key, len);
	const char *r = arena_strndup(a, sb_str(&sb), sb.len);
	sb_release(&sb);
	return r;
}

static const char *string_text(struct arena *a, const char *s, size_t len)
{
	struct sb sb = SB_INIT;
	toml_write_string(&sb, s, len);
	const char *r = arena_strndup(a, sb_str(&sb), sb.len);
	sb_release(&sb);
	return r;
}

TEST(test_toml__write_keys_bare_when_possible)
{
	struct arena *a = arena_new();
	CHECK_STR_EQ(key_text(a, "plain_key-1", 11), "plain_key-1");
	CHECK_STR_EQ(key_text(a, "", 0), "\"\"");
	CHECK_STR_EQ(key_text(a, "a.b", 3), "\"a.b\"");
	CHECK_STR_EQ(key_text(a, "with space", 10), "\"with space\"");
	CHECK_STR_EQ(key_text(a, "\xc3\xa9", 2), "\"\xc3\xa9\"");
	arena_free(a);
}

TEST(test_toml__write_string_escapes)
{
	struct arena *a = arena_new();
	CHECK_STR_EQ(string_text(a, "q\"b\\", 4), "\"q\\\"b\\\\\"");
	CHECK_STR_EQ(string_text(a, "\t\n\r\b\f", 5), "\"\\t\\n\\r\\b\\f\"");
	CHECK_STR_EQ(string_text(a, "\x01\x7f", 2), "\"\\u0001\\u007F\"");
	CHECK_STR_EQ(string_text(a, "a\0b", 3), "\"a\\u0000b\"");
	CHECK_STR_EQ(string_text(a, "\xe2\x82\xac", 3), "\"\xe2\x82\xac\"");
	arena_free(a);
}

TEST(test_toml__write_values_inline)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a,
					"i = -42\nf = 0.1\ng = 1e300\nh = 3.0\nn = -nan\np = -inf\nz = -0.0\nb = true\n"
					"d = 1979-05-27T07:32:00.000001+00:00\nl = 07:32:00\nar = [1, [\"x\"], {k = 'v'}]\n"
					"e = {}\nhex = 0xff\n",
					&msg);
	CHECK(t != NULL);
	if (t) {
		CHECK_STR_EQ(th_value_text(a, th_get(t, "i")), "-42");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "f")), "0.1");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "g")), "1e+300");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "h")), "3.0");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "n")), "nan");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "p")), "-inf");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "z")), "-0.0");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "b")), "true");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "d")), "1979-05-27T07:32:00.000001Z");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "l")), "07:32:00");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "ar")), "[1, [\"x\"], { k = \"v\" }]");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "e")), "{}");
		CHECK_STR_EQ(th_value_text(a, th_get(t, "hex")), "255");
	}
	arena_free(a);
}

TEST(test_toml__write_floats_full_precision)
{
	struct arena *a = arena_new();
	double vals[] = { 0.1 + 0.2, 1.0 / 3.0, 5e-324, 1.7976931348623157e308, 123456789012345678.0, -2.5e-10 };
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		struct toml_value v = { .kind = TOML_FLOAT, .u.f = vals[i] };
		const char *text = arena_printf(a, "x = %s\n", th_value_text(a, &v));
		const char *msg;
		struct toml_table *t = th_parse(a, text, &msg);
		CHECK(t && th_get(t, "x")->kind == TOML_FLOAT && th_get(t, "x")->u.f == vals[i]);
	}
	arena_free(a);
}

TEST(test_toml__write_document_layout)
{
	struct arena *a = arena_new();
	const char *out = round_trip(a, "[t]\nk = 1\n[[aot]]\nx = 1\n[[aot]]\nx = 2\n[aot.sub]\ny = 3\n");
	CHECK_STR_EQ(out, "[t]\nk = 1\n\n[[aot]]\nx = 1\n\n[[aot]]\nx = 2\n\n[aot.sub]\ny = 3\n");
	out = round_trip(a, "top = 'v'\na.b.c = 1\n");
	CHECK_STR_EQ(out, "top = \"v\"\n\n[a]\n\n[a.b]\nc = 1\n");
	arena_free(a);
}

TEST(test_toml__round_trips)
{
	static const char *docs[] = {
		"",
		"a = 1\n",
		"\"key with spaces\" = \"and \\\"quotes\\\"\"\n\"\" = ''\n'a.b' = 1\n",
		"s = \"ctl \\u0001 nul \\u0000 del \\u007f tab\\t nl\\n \\U0001F600\"\n",
		"ml = '''\nraw \\ text\n'''\n",
		"[a.b.c]\nx = 1\n[a]\ny = 2\n",
		"[[x]]\n[[x]]\nk = 1\n[[x.y]]\nz = [1, 2]\n[x.y.w]\nq = {}\n",
		"arr = [{a = 1}, {b = [{c = 2}]}]\n",
		"aot_static = [{}, {}]\n",
		"mixed = [1, 'a', 2.5, true, 1979-05-27, 07:32:00, [], {}]\n",
		"dt = [1979-05-27T07:32:00.999999999-08:00, 1979-05-27T07:32:00Z, 1979-05-27T07:32:00]\n",
		"f = [0.0, -0.0, inf, -inf, nan, 1e-7, 6.02e23, 3.141592653589793]\n",
		"i = [0, -9223372036854775808, 9223372036854775807, 0o777, 0b1]\n",
		"[t]\nin.line = { a.b = 1 }\n[t.sub]\n",
		"[\"\\n\"]\n\"\\u0000\" = 1\n",
		"x = { y = [ { z = { } } ] }\n",
	};
	struct arena *a = arena_new();
	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++)
		round_trip(a, docs[i]);
	arena_free(a);
}

TEST(test_toml__equality)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t1 = th_parse(a, "a = 1\nb = nan\nc = [1, {x = 2}]\nd = 1979-05-27T07:32:00Z\n", &msg);
	struct toml_table *t2 = th_parse(a, "d = 1979-05-27T07:32:00+00:00\nc = [1, {x = 2}]\nb = -nan\na = 1\n", &msg);
	struct toml_table *t3 = th_parse(a, "a = 1\nb = nan\nc = [1, {x = 3}]\nd = 1979-05-27T07:32:00Z\n", &msg);
	struct toml_table *t4 = th_parse(a, "a = 1.0\nb = nan\nc = [1, {x = 2}]\nd = 1979-05-27T07:32:00Z\n", &msg);
	struct toml_table *t5 = th_parse(a, "a = 1\nb = nan\nc = [1, {x = 2}]\nd = 1979-05-27T07:32:00+01:00\n", &msg);
	CHECK(t1 && t2 && t3 && t4 && t5);
	if (t1 && t2 && t3 && t4 && t5) {
		CHECK(toml_table_equal(t1, t2));
		CHECK(!toml_table_equal(t1, t3));
		CHECK(!toml_table_equal(t1, t4));
		CHECK(!toml_table_equal(t1, t5));
		CHECK(toml_value_equal(th_get(t1, "c"), th_get(t2, "c")));
		CHECK(!toml_value_equal(th_get(t1, "a"), th_get(t4, "a")));
	}
	/* Big tables compare by sorted keys. */
	struct sb d1 = SB_INIT, d2 = SB_INIT;
	for (int i = 0; i < 50; i++) {
		sb_addf(&d1, "k%d = %d\n", i, i);
		sb_addf(&d2, "k%d = %d\n", 49 - i, 49 - i);
	}
	struct toml_table *b1 = th_parse(a, sb_str(&d1), &msg), *b2 = th_parse(a, sb_str(&d2), &msg);
	CHECK(b1 && b2 && toml_table_equal(b1, b2));
	sb_adds(&d2, "extra = 1\n");
	b2 = th_parse(a, sb_str(&d2), &msg);
	CHECK(b1 && b2 && !toml_table_equal(b1, b2));
	sb_release(&d1);
	sb_release(&d2);
	arena_free(a);
}

/* Robustness: every prefix of a document exercising every construct either parses (and then
 * round-trips) or fails with a positioned message; nothing crashes. */
TEST(test_toml__every_prefix_parses_or_fails_cleanly)
{
	static const char doc[] = "\xef\xbb\xbf# header comment\r\n"
				  "title = \"T\\u00e9st \\\"x\\\"\"\n"
				  "lit = 'C:\\path'\n"
				  "ml = \"\"\"\nline \\\n  joined\"\"\"\n"
				  "mll = '''\nraw'''\n"
				  "ints = [ +1, 0x1F, 0o7, 0b1, 1_000 ]\n"
				  "floats = [ 1.5, -2e-3, inf, nan ]\n"
				  "dates = [ 1979-05-27T07:32:00.5-07:00, 1979-05-27 07:32:00, 1979-05-27, 07:32:00 ]\n"
				  "inline = { a = 1, b.c = [ {d = true} ] }\n"
				  "[table.sub]\n"
				  "\"quoted key\" = 1\n"
				  "[[aot]]\n"
				  "x = 1 # comment\n"
				  "[[aot]]\n"
				  "y.z = \"\xe2\x82\xac\"\n";
	struct arena *a = arena_new();
	size_t n = sizeof(doc) - 1, parsed = 0;
	for (size_t len = 0; len <= n; len++) {
		char *copy = arena_strndup(a, doc, len);
		struct toml_error err;
		struct toml_table *t = toml_parse(a, copy, len, &err);
		if (!t) {
			CHECK(err.msg != NULL && err.pos.line >= 1 && err.pos.col >= 1);
			continue;
		}
		parsed++;
		const char *out = write_doc(a, t);
		struct toml_table *t2 = toml_parse(a, out, strlen(out), &err);
		CHECK(t2 && toml_table_equal(t, t2));
	}
	CHECK(parsed > 20);
	struct toml_error err;
	CHECK(toml_parse(a, doc, n, &err) != NULL);
	arena_free(a);
}
