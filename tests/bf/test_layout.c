/* SPDX-License-Identifier: BSD-2-Clause */
/* Layout: fields placed from the most significant bit down, words, tag positions and classes. */
#include <string.h>

#include "bf_helpers.h"
#include "harness.h"

TEST(test_bf__fields_fill_from_the_top)
{
	struct arena *a = arena_new();
	struct bf_file *f = bf_test_load(a, "base 32\n"
					    "block M {\n"
					    "  field label 20\n  field caps 3\n  field extra 2\n  field length 7\n"
					    "  field hi 32\n"
					    "  padding 31\n  field flag 1\n"
					    "}\n", NULL);
	CHECK(f != NULL);
	const struct bf_block *M = bf_test_block(f, "M");
	CHECK_INT_EQ(M->size, 96);
	CHECK_INT_EQ(M->nwords, 3);
	/* the last-declared field is bit 0 of words[0] */
	CHECK_INT_EQ(bf_test_field(M, "flag")->offset, 0);
	CHECK_INT_EQ(bf_test_field(M, "hi")->offset, 32);
	CHECK_INT_EQ(bf_test_field(M, "length")->offset, 64);
	CHECK_INT_EQ(bf_test_field(M, "extra")->offset, 71);
	CHECK_INT_EQ(bf_test_field(M, "caps")->offset, 73);
	CHECK_INT_EQ(bf_test_field(M, "label")->offset, 76);
	CHECK_INT_EQ(M->nparams, 6);
	CHECK_STR_EQ(M->params[0], "label");
	CHECK_STR_EQ(M->params[5], "flag");
	CHECK(!M->tagged);
	arena_free(a);
}

TEST(test_bf__parameter_order_follows_the_declaration)
{
	struct arena *a = arena_new();
	struct bf_file *f = bf_test_load(a, "base 64\nblock O(b, a) { field a 32 field b 32 }\n", NULL);
	const struct bf_block *O = bf_test_block(f, "O");
	CHECK(O != NULL);
	CHECK_INT_EQ(O->nparams, 2);
	CHECK_STR_EQ(O->params[0], "b");
	CHECK_STR_EQ(O->params[1], "a");
	CHECK_INT_EQ(bf_test_field(O, "a")->offset, 32);
	arena_free(a);
}

TEST(test_bf__union_variants_share_the_tag)
{
	struct arena *a = arena_new();
	struct bf_file *f = bf_test_load(a, "base 64\n"
					    "block Zero { padding 64 padding 60 field kind 4 }\n"
					    "block One { field x 64 padding 60 field kind 4 }\n"
					    "block Lone { field y 64 }\n"
					    "tagged_union U kind { tag Zero 0 tag One 1 }\n", NULL);
	CHECK(f != NULL);
	const struct bf_union *U = f->unions[0];
	CHECK(bf_test_block(f, "Zero")->tagged);
	CHECK(bf_test_block(f, "One")->tagged);
	CHECK(!bf_test_block(f, "Lone")->tagged);
	CHECK_INT_EQ(U->size, 128);
	CHECK_INT_EQ(U->nwords, 2);
	CHECK_INT_EQ(U->tag_index, 0);
	CHECK_INT_EQ(U->nparts, 1);
	CHECK_INT_EQ(U->parts[0].width, 4);
	CHECK_INT_EQ(U->parts[0].offset, 0);
	CHECK(!U->sliced);
	CHECK_INT_EQ(U->tags[1].value, 1);
	CHECK(U->tags[1].block == bf_test_block(f, "One"));
	arena_free(a);
}

TEST(test_bf__variable_width_tags_get_classes)
{
	struct arena *a = arena_new();
	/* 4-bit tags at bit 2, 8-bit tags at bit 0: the class offset is 0 and the 4-bit mask
	 * moves up by two bits to compare with the 8-bit one. */
	struct bf_file *f = bf_test_load(a, "base 32\n"
					    "block N { padding 26 field t 4 padding 2 }\n"
					    "block W { padding 24 field t 8 }\n"
					    "tagged_union U t { mask 4 0xc mask 8 0x30 tag N 1 tag W 0x31 }\n", NULL);
	CHECK(f != NULL);
	const struct bf_union *U = f->unions[0];
	CHECK_INT_EQ(U->class_offset, 0);
	CHECK_INT_EQ(U->nparts, 2);
	CHECK_INT_EQ(U->parts[0].width, 4);
	CHECK_INT_EQ(U->parts[0].offset, 2);
	CHECK_INT_EQ(U->parts[0].classmask, 0x30);
	CHECK_INT_EQ(U->parts[1].width, 8);
	CHECK_INT_EQ(U->parts[1].classmask, 0x30);
	arena_free(a);
}

TEST(test_bf__sliced_tags_pack_their_values)
{
	struct arena *a = arena_new();
	struct bf_file *f = bf_test_load(a, "base 64\n"
					    "block P { field addr 52 field sw 2 padding 8 field hw 2 }\n"
					    "block Q { field other 52 field sw 2 padding 8 field hw 2 }\n"
					    "tagged_union E kind (hw, sw) { tag P (3, 1) tag Q 6 }\n", NULL);
	CHECK(f != NULL);
	const struct bf_union *E = f->unions[0];
	CHECK(E->sliced);
	CHECK_INT_EQ(E->nparts, 2);
	CHECK_INT_EQ(E->parts[0].offset, 0);
	CHECK_INT_EQ(E->parts[1].offset, 10);
	CHECK_INT_EQ(E->tags[0].value, 3 | 1 << 2);
	CHECK_INT_EQ(E->tags[1].value, 6);
	CHECK_INT_EQ(E->tag_mask, 0xc03);
	arena_free(a);
}

TEST(test_bf__high_fields_and_pointers)
{
	struct arena *a = arena_new();
	struct bf_file *f = bf_test_load(a, "base 64(48,1)\n"
					    "block H { field_high top 20 padding 44 field_ptr(4) p 64 }\n", NULL);
	CHECK(f != NULL);
	const struct bf_block *H = bf_test_block(f, "H");
	CHECK_INT_EQ(H->nwords, 2);
	CHECK_INT_EQ(bf_test_field(H, "top")->offset, 108);
	CHECK(bf_test_field(H, "p")->high);
	CHECK_INT_EQ(bf_test_field(H, "p")->size, 44);
	CHECK_INT_EQ(bf_test_field(H, "p")->offset, 0);
	arena_free(a);
}
