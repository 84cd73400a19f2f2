/* SPDX-License-Identifier: BSD-2-Clause */
/* The .bf parser: every construct of the language, comments, cpp leftovers and line markers. */
#include <string.h>

#include "bf_helpers.h"
#include "harness.h"

static struct bf_file *parse(struct arena *a, const char *text)
{
	struct sb errors = SB_INIT;
	diag_capture(&errors);
	struct bf_file *f = bf_parse(a, "t.bf", text, strlen(text));
	diag_capture(NULL);
	if (errors.len)
		harness_fail(__FILE__, __LINE__, "unexpected diagnostics:\n%s", sb_str(&errors));
	sb_release(&errors);
	return f;
}

TEST(test_bf__parse_bases_and_blocks)
{
	struct arena *a = arena_new();
	struct bf_file *f = parse(a, "base 32\n"
				     "block A { field x 4 padding 28 }\n"
				     "base 64(48, 1)\n"
				     "block B(y, x) {\n  field_high x 16\n  field y word_size - 16\n}\n");
	CHECK(f != NULL);
	CHECK_INT_EQ(f->nbases, 2);
	CHECK_INT_EQ(f->bases[0]->size, 32);
	CHECK_INT_EQ(f->bases[0]->bits, 32);
	CHECK_INT_EQ(f->bases[0]->sign_extend, 0);
	CHECK_INT_EQ(f->bases[1]->size, 64);
	CHECK_INT_EQ(f->bases[1]->bits, 48);
	CHECK_INT_EQ(f->bases[1]->sign_extend, 1);
	CHECK_INT_EQ(f->nblocks, 2);
	const struct bf_block *A = f->blocks[0], *B = f->blocks[1];
	CHECK_STR_EQ(A->name, "A");
	CHECK(A->base == f->bases[0]);
	CHECK_INT_EQ(A->nfields, 2);
	CHECK_STR_EQ(A->fields[0].name, "x");
	CHECK(A->fields[1].name == NULL);
	CHECK(!A->has_order);
	CHECK(B->base == f->bases[1]);
	CHECK(B->has_order);
	CHECK_INT_EQ(B->norder, 2);
	CHECK_STR_EQ(B->order[0], "y");
	CHECK_STR_EQ(B->order[1], "x");
	CHECK(B->fields[0].high);
	CHECK(!B->fields[1].high);
	CHECK_INT_EQ(B->fields[1].at.line, 6);
	CHECK_INT_EQ(B->fields[1].at.col, 9);
	CHECK_INT_EQ(B->fields[1].size_expr->kind, BF_EXPR_BINARY);
	arena_free(a);
}

TEST(test_bf__parse_field_ptr_is_padding_and_high_field)
{
	struct arena *a = arena_new();
	struct bf_file *f = bf_test_load(a, "base 64(48,1)\n"
					    "block P { field_ptr p 64 field_ptr(4) q 64 }\n", NULL);
	CHECK(f != NULL);
	const struct bf_block *P = f->blocks[0];
	CHECK_INT_EQ(P->nfields, 4);
	CHECK(P->fields[0].name == NULL && P->fields[0].from_ptr);
	CHECK_INT_EQ(P->fields[0].size, 16);
	CHECK_STR_EQ(P->fields[1].name, "p");
	CHECK(P->fields[1].high);
	CHECK_INT_EQ(P->fields[1].size, 48);
	CHECK_INT_EQ(P->fields[2].size, 20);
	CHECK_INT_EQ(P->fields[3].size, 44);
	CHECK_INT_EQ(P->fields[3].offset, 0);
	arena_free(a);
}

TEST(test_bf__parse_expressions)
{
	struct arena *a = arena_new();
	/* precedence, left associativity, unary minus, floor division and modulo */
	struct bf_file *f = bf_test_load(a, "base 64\n"
					    "block E {\n"
					    "  field a 2 + 3 * 4\n"        /* 14 */
					    "  field b (2 + 3) * 4\n"      /* 20 */
					    "  field c 20 - 4 - 2\n"       /* 14 */
					    "  field d -7 / 2 + 5\n"       /* 1: -7 // 2 is -4 */
					    "  field e -7 % 3 + 1\n"       /* 3: -7 mod 3 is 2 */
					    "  field f 0x4 + 0b1 + 0o2\n"  /* 7 */
					    "  padding word_size - 59\n"   /* 5 */
					    "}\n", NULL);
	CHECK(f != NULL);
	const struct bf_block *E = bf_test_block(f, "E");
	CHECK_INT_EQ(bf_test_field(E, "a")->size, 14);
	CHECK_INT_EQ(bf_test_field(E, "b")->size, 20);
	CHECK_INT_EQ(bf_test_field(E, "c")->size, 14);
	CHECK_INT_EQ(bf_test_field(E, "d")->size, 1);
	CHECK_INT_EQ(bf_test_field(E, "e")->size, 3);
	CHECK_INT_EQ(bf_test_field(E, "f")->size, 7);
	CHECK_INT_EQ(E->fields[6].size, 5);
	CHECK_INT_EQ(E->size, 64);
	arena_free(a);
}

TEST(test_bf__parse_tagged_unions)
{
	struct arena *a = arena_new();
	struct bf_file *f = parse(a, "base 64\n"
				     "tagged_union U kind {\n  mask 4 0xe\n  mask 8 0x0e\n"
				     "  tag A 0\n  tag B (1) + 1\n  tag C 0x1e\n}\n"
				     "tagged_union S kind (lo, hi) {\n  tag X (1, 2)\n  tag Y 3\n}\n");
	CHECK(f != NULL);
	CHECK_INT_EQ(f->nunions, 2);
	const struct bf_union *U = f->unions[0], *S = f->unions[1];
	CHECK_STR_EQ(U->tagname, "kind");
	CHECK_INT_EQ(U->nmasks, 2);
	CHECK_INT_EQ(U->masks[1].width, 8);
	CHECK_INT_EQ(U->masks[1].mask, 0x0e);
	CHECK_INT_EQ(U->ntags, 3);
	CHECK_INT_EQ(U->tags[1].nvalues, 1);
	CHECK_INT_EQ(U->tags[1].values[0], 2);
	CHECK_INT_EQ(U->tags[2].values[0], 0x1e);
	CHECK_INT_EQ(S->nslices, 2);
	CHECK_STR_EQ(S->slices[1], "hi");
	CHECK_INT_EQ(S->tags[0].nvalues, 2);
	CHECK_INT_EQ(S->tags[0].values[1], 2);
	CHECK_INT_EQ(S->tags[1].nvalues, 1);
	arena_free(a);
}

TEST(test_bf__parse_comments_and_cpp_leftovers)
{
	struct arena *a = arena_new();
	struct bf_file *f = parse(a, "-- a comment\n"
				     "#pragma whatever\n"
				     "base 32 -- trailing comment\n"
				     "block A { # mid-line hash comment\n"
				     "  field x 32\r\n"
				     "}\n");
	CHECK(f != NULL);
	CHECK_INT_EQ(f->nblocks, 1);
	CHECK_INT_EQ(f->blocks[0]->fields[0].at.line, 5);
	arena_free(a);
}

TEST(test_bf__line_markers_name_the_original_file)
{
	struct arena *a = arena_new();
	struct bf_file *f = parse(a, "# 1 \"<built-in>\"\n"
				     "# 10 \"dir/types.bf\"\n"
				     "base 64\n"
				     "# 1 \"dir/arch/shared.bf\" 1\n"
				     "\n"
				     "block A { field x 64 }\n"
				     "#line 40 \"dir/types.bf\"\n"
				     "block B { field y 64 }\n");
	CHECK(f != NULL);
	CHECK_STR_EQ(f->bases[0]->at.path, "dir/types.bf");
	CHECK_INT_EQ(f->bases[0]->at.line, 10);
	CHECK_STR_EQ(f->blocks[0]->at.path, "dir/arch/shared.bf");
	CHECK_INT_EQ(f->blocks[0]->at.line, 2);
	CHECK_INT_EQ(f->blocks[0]->at.col, 7);
	CHECK_STR_EQ(f->blocks[1]->at.path, "dir/types.bf");
	CHECK_INT_EQ(f->blocks[1]->at.line, 40);
	arena_free(a);
}

TEST(test_bf__empty_input_is_an_empty_file)
{
	struct arena *a = arena_new();
	struct bf_file *f = bf_test_load(a, "-- nothing\n", NULL);
	CHECK(f != NULL);
	CHECK_INT_EQ(f->nblocks + f->nunions + f->nbases, 0);
	struct sb out = SB_INIT;
	bf_emit_libsel4(&out, f, NULL);
	CHECK_STR_EQ(sb_str(&out), "#pragma once\n\n#include <sel4/config.h>\n#include <sel4/simple_types.h>\n"
				   "#include <sel4/debug_assert.h>\n");
	sb_release(&out);
	arena_free(a);
}
