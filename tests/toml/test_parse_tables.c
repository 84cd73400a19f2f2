/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests: tables, arrays of tables, dotted keys and which redefinitions are allowed. */
#include <stdio.h>

#include "harness.h"
#include "toml_helpers.h"

TEST(test_toml__entries_keep_document_order)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a, "z = 1\na = 2\n[m]\n[b]\n", &msg);
	CHECK(t && t->len == 4);
	if (t && t->len == 4) {
		CHECK_STR_EQ(t->items[0].key.ptr, "z");
		CHECK_STR_EQ(t->items[1].key.ptr, "a");
		CHECK_STR_EQ(t->items[2].key.ptr, "m");
		CHECK_STR_EQ(t->items[3].key.ptr, "b");
	}
	arena_free(a);
}

TEST(test_toml__headers_dotted_and_quoted_keys)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a,
					"[a . \"b.c\" . 'd']\nx = 1\n"
					"[\"\"]\ne = 2\n"
					"[site]\n\"google.com\" = true\n1234 = 'numeric key'\n",
					&msg);
	CHECK(t != NULL);
	if (t) {
		const struct toml_value *a1 = th_get(t, "a");
		CHECK(a1 && a1->kind == TOML_TABLE);
		const struct toml_value *bc = a1 ? toml_table_get(a1->u.tab, "b.c") : NULL;
		CHECK(bc && toml_table_get(bc->u.tab, "d"));
		CHECK(toml_table_get(toml_table_get(t, "")->u.tab, "e")->u.i == 2);
		CHECK(toml_table_get(th_get(t, "site")->u.tab, "google.com")->u.b);
		CHECK_STR_EQ(th_get(t, "site.1234")->u.s.ptr, "numeric key");
	}
	arena_free(a);
}

TEST(test_toml__implicit_tables_defined_later)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a, "[x.y.z]\nw = 1\n[x]\nv = 2\n[x.y]\nu = 3\n", &msg);
	CHECK(t != NULL);
	CHECK(t && th_get(t, "x.y.z.w")->u.i == 1 && th_get(t, "x.v")->u.i == 2 && th_get(t, "x.y.u")->u.i == 3);
	arena_free(a);
}

TEST(test_toml__arrays_of_tables_with_subtables)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t = th_parse(a,
					"[[f]]\nname = 'apple'\n[f.phys]\ncolor = 'red'\n[[f.v]]\nn = 1\n[[f.v]]\nn = 2\n"
					"[[f]]\nname = 'banana'\n[[f.v]]\nn = 3\n",
					&msg);
	CHECK(t != NULL);
	if (!t) {
		arena_free(a);
		return;
	}
	const struct toml_value *f = th_get(t, "f");
	CHECK(f->kind == TOML_ARRAY && f->u.arr->of_tables);
	CHECK_INT_EQ(f->u.arr->len, 2);
	const struct toml_table *apple = f->u.arr->items[0].u.tab, *banana = f->u.arr->items[1].u.tab;
	CHECK_STR_EQ(th_get(apple, "phys.color")->u.s.ptr, "red");
	CHECK_INT_EQ(th_get(apple, "v")->u.arr->len, 2);
	CHECK_INT_EQ(th_get(banana, "v")->u.arr->len, 1);
	CHECK_INT_EQ(th_get(banana, "v")->u.arr->items[0].u.tab->items[0].value.u.i, 3);
	arena_free(a);
}

TEST(test_toml__dotted_keys_then_subtable_header)
{
	struct arena *a = arena_new();
	const char *msg;
	struct toml_table *t =
		th_parse(a, "[fruit]\napple.color = 'red'\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n",
			 &msg);
	CHECK(t != NULL);
	CHECK(t && th_get(t, "fruit.apple.texture.smooth")->u.b && th_get(t, "fruit.apple.taste.sweet")->u.b);
	/* A table made by a header's path may be entered by dotted keys later. */
	t = th_parse(a, "[a.b.c]\n[a]\nb.d = 1\n", &msg);
	CHECK(t && th_get(t, "a.b.d")->u.i == 1);
	arena_free(a);
}

TEST(test_toml__big_table_uses_index)
{
	struct arena *a = arena_new();
	struct sb doc = SB_INIT;
	for (int i = 0; i < 2000; i++)
		sb_addf(&doc, "k%d = %d\n", i, i);
	sb_adds(&doc, "[t]\n");
	for (int i = 0; i < 100; i++)
		sb_addf(&doc, "s%d.x = %d\n", i, i);
	const char *msg;
	struct toml_table *t = th_parse(a, sb_str(&doc), &msg);
	CHECK(t != NULL);
	if (t) {
		CHECK_INT_EQ(t->len, 2001);
		CHECK_INT_EQ(th_get(t, "k1999")->u.i, 1999);
		CHECK_INT_EQ(th_get(t, "t.s99.x")->u.i, 99);
	}
	sb_adds(&doc, "s42.y = 1\ns7 = 1\n");
	CHECK_STR_EQ(th_error(a, sb_str(&doc)), "2103:1: duplicate key 's7' (first defined at line 2009)");
	sb_release(&doc);
	/* The same key in a different big table is not a duplicate. */
	struct sb two = SB_INIT;
	for (int tab = 0; tab < 2; tab++) {
		sb_addf(&two, "[t%d]\n", tab);
		for (int i = 0; i < 40; i++)
			sb_addf(&two, "k%d = %d\n", i, i);
	}
	CHECK(th_parse(a, sb_str(&two), &msg) != NULL);
	sb_release(&two);
	arena_free(a);
}

TEST(test_toml__deep_nesting_is_bounded)
{
	struct arena *a = arena_new();
	struct sb doc = SB_INIT;
	sb_adds(&doc, "a = ");
	for (int i = 0; i < 100000; i++)
		sb_addch(&doc, '[');
	CHECK_STR_CONTAINS(th_error(a, sb_str(&doc)), "nesting too deep");
	sb_reset(&doc);
	sb_adds(&doc, "a = ");
	for (int i = 0; i < 100; i++)
		sb_adds(&doc, "[{x=");
	sb_adds(&doc, "1");
	for (int i = 0; i < 100; i++)
		sb_adds(&doc, "}]");
	const char *msg;
	CHECK(th_parse(a, sb_str(&doc), &msg) != NULL);
	sb_release(&doc);
	arena_free(a);
}

/* Depth is counted the same for dotted keys, headers and inline values, so a deep document
 * written back out (as headers) still parses. */
TEST(test_toml__deep_dotted_key_round_trips)
{
	struct arena *a = arena_new();
	struct sb doc = SB_INIT;
	sb_adds(&doc, "[[z]]\n");
	for (int i = 0; i < 390; i++)
		sb_adds(&doc, "a.");
	sb_adds(&doc, "b = 1\n");
	const char *msg;
	struct toml_table *t = th_parse(a, sb_str(&doc), &msg);
	CHECK(t != NULL);
	if (t) {
		struct sb out = SB_INIT;
		toml_write(&out, t);
		struct toml_table *t2 = th_parse(a, sb_str(&out), &msg);
		CHECK(t2 && toml_table_equal(t, t2));
		sb_release(&out);
	}
	sb_release(&doc);
	arena_free(a);
}

TEST(test_toml__many_keys_parse_in_linear_time)
{
	/* 200k keys and a 200k-element one-line array: quadratic behaviour would time out. */
	struct arena *a = arena_new();
	struct sb doc = SB_INIT;
	for (int i = 0; i < 200000; i++)
		sb_addf(&doc, "key%d = %d\n", i, i);
	sb_adds(&doc, "arr = [");
	for (int i = 0; i < 200000; i++)
		sb_addf(&doc, "%d,", i);
	sb_adds(&doc, "]\n");
	const char *msg;
	struct toml_table *t = th_parse(a, sb_str(&doc), &msg);
	CHECK(t && t->len == 200001);
	CHECK(t && th_get(t, "arr")->u.arr->len == 200000);
	sb_release(&doc);
	arena_free(a);
}
