/* SPDX-License-Identifier: BSD-2-Clause */
/* The pure parts of abi-facts: the fact text format, canonical order, comparison. */
#include <stdlib.h>

#include "harness.h"
#include "lib/extract.h"
#include "lib/facts.h"
#include "util/diag.h"

static char *canonical_text(struct facts *f)
{
	struct sb out = SB_INIT;
	facts_write(f, &out);
	return sb_detach(&out);
}

TEST(test_abi__facts_are_written_sorted_with_each_key_once)
{
	struct facts f = FACTS_INIT;
	facts_add(&f, "type", "struct b", "size 8 align 8");
	facts_add(&f, "enum", "Z", "1");
	facts_add(&f, "enum", "A", "2");
	facts_add(&f, "enum", "Z", "3"); /* a later fact of the same key loses */
	char *text = canonical_text(&f);
	CHECK_STR_EQ(text, "enum A = 2\nenum Z = 1\ntype struct b = size 8 align 8\n");
	CHECK_STR_EQ(facts_find(&f, "enum Z"), "1");
	CHECK(facts_find(&f, "enum Y") == NULL);
	free(text);
	facts_free(&f);
}

TEST(test_abi__fact_text_reads_back_to_the_same_set)
{
	const char *text = "# a comment\n"
			   "macro M = 4 (unsigned long)\n"
			   "\n"
			   "function f = static inline int (int); abi int (int)\n"
			   "member struct s.a.b = offset 8 size 4 type int\n"
			   "typedef t = void (*)(int); size 8 align 8\n";
	struct facts f = FACTS_INIT;
	CHECK_INT_EQ(facts_parse(&f, text, "x.facts"), 0);
	CHECK_INT_EQ(f.n, 4);
	CHECK_STR_EQ(facts_find(&f, "typedef t"), "void (*)(int); size 8 align 8");
	CHECK_STR_EQ(facts_find(&f, "member struct s.a.b"), "offset 8 size 4 type int");
	char *out = canonical_text(&f);
	struct facts g = FACTS_INIT;
	CHECK_INT_EQ(facts_parse(&g, out, "y.facts"), 0);
	char *again = canonical_text(&g);
	CHECK_STR_EQ(again, out);
	free(again);
	free(out);
	facts_free(&g);
	facts_free(&f);
}

TEST(test_abi__malformed_fact_lines_are_errors_with_their_line)
{
	struct sb errors = SB_INIT;
	struct facts f = FACTS_INIT;
	diag_capture(&errors);
	CHECK_INT_EQ(facts_parse(&f, "enum A = 1\nnonsense\nenum = 3\n", "bad.facts"), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&errors), "bad.facts:2:1: error: not a fact");
	CHECK_STR_CONTAINS(sb_str(&errors), "bad.facts:3:1: error: not a fact");
	facts_free(&f);
	sb_release(&errors);
}

TEST(test_abi__a_key_given_twice_in_a_file_is_an_error)
{
	struct sb errors = SB_INIT;
	struct facts f = FACTS_INIT;
	diag_capture(&errors);
	CHECK_INT_EQ(facts_parse(&f, "enum A = 1\nenum B = 1\nenum A = 1\n", "twice.facts"), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&errors), "twice.facts: error: fact \"enum A\" given twice");
	facts_free(&f);
	sb_release(&errors);
}

TEST(test_abi__compare_lists_every_difference_and_counts_them)
{
	struct facts a = FACTS_INIT, b = FACTS_INIT;
	CHECK_INT_EQ(facts_parse(&a, "enum A = 1\nenum B = 2\nenum C = 3\ntype struct s = size 4 align 4\n", "a"), 0);
	CHECK_INT_EQ(facts_parse(&b, "enum B = 2\nenum C = 4\nenum D = 5\ntype struct s = size 4 align 4\n", "b"), 0);
	struct sb report = SB_INIT;
	struct facts_diff_count count;
	size_t n = facts_compare(&a, &b, "tree", "snapshot", &report, &count);
	CHECK_INT_EQ(n, 3);
	CHECK_INT_EQ(count.compared, 5);
	CHECK_INT_EQ(count.only_a, 1);
	CHECK_INT_EQ(count.only_b, 1);
	CHECK_INT_EQ(count.different, 1);
	CHECK_STR_EQ(sb_str(&report), "only in tree: enum A = 1\n"
				      "different: enum C\n    tree: 3\n    snapshot: 4\n"
				      "only in snapshot: enum D = 5\n");
	sb_release(&report);
	facts_free(&a);
	facts_free(&b);
}

TEST(test_abi__equal_sets_compare_with_no_difference)
{
	struct facts a = FACTS_INIT, b = FACTS_INIT;
	CHECK_INT_EQ(facts_parse(&a, "enum B = 2\nenum A = 1\n", "a"), 0);
	CHECK_INT_EQ(facts_parse(&b, "enum A = 1\nenum B = 2\n", "b"), 0);
	struct sb report = SB_INIT;
	struct facts_diff_count count;
	CHECK_INT_EQ(facts_compare(&a, &b, "a", "b", &report, &count), 0);
	CHECK_INT_EQ(count.compared, 2);
	CHECK_STR_EQ(sb_str(&report), "");
	/* an empty side: everything is missing there */
	struct facts none = FACTS_INIT;
	facts_canonicalize(&none);
	CHECK_INT_EQ(facts_compare(&a, &none, "a", "none", &report, &count), 2);
	CHECK_INT_EQ(count.only_a, 2);
	sb_release(&report);
	facts_free(&a);
	facts_free(&b);
}

TEST(test_abi__anonymous_type_names_lose_their_location)
{
	char *s = abi_clean_type_name("struct (unnamed struct at /some/where/x.h:3:5)");
	CHECK_STR_EQ(s, "struct (anonymous)");
	free(s);
	s = abi_clean_type_name("union (anonymous union at a.h:1:1 (x))[4]");
	CHECK_STR_EQ(s, "union (anonymous)[4]");
	free(s);
	s = abi_clean_type_name("void (*)(int)");
	CHECK_STR_EQ(s, "void (*)(int)");
	free(s);
}
