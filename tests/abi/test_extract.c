/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * abi-facts' extraction through libclang on tests/abi/fixture: an include tree of ours whose
 * facts are known by construction, for a 64-bit and a 32-bit target.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "lib/extract.h"
#include "lib/facts.h"
#include "util/diag.h"

static int extract_fixture(const char *tree, const char *target, struct facts *f)
{
	struct sb dir = SB_INIT;
	sb_addf(&dir, "%s/abi/fixture/%s", harness_data_dir(), tree);
	const char *dirs[] = { sb_str(&dir) };
	struct extract_options o = { target, "fx/fx.h", dirs, 1, NULL, 0, NULL, 0 };
	int rc = abi_extract(&o, f);
	sb_release(&dir);
	return rc;
}

#define CHECK_FACT(f, key, value) CHECK_STR_EQ(facts_find(&(f), key), value)

TEST(test_abi__extracts_enumerators_and_integer_macros_with_their_types)
{
	struct facts f = FACTS_INIT;
	CHECK_INT_EQ(extract_fixture("include", "x86_64-linux-gnu", &f), 0);
	CHECK_FACT(f, "enum FX_RED", "0");
	CHECK_FACT(f, "enum FX_BLUE", "6");
	CHECK_FACT(f, "enum FX_NEGATIVE", "-3");
	CHECK_FACT(f, "enum FX_BIG", "9223372036854775807");
	CHECK_FACT(f, "macro FX_ANSWER", "42 (int)");
	CHECK_FACT(f, "macro FX_MINUS", "-7 (int)");
	CHECK_FACT(f, "macro FX_ALL_ONES", "18446744073709551615 (unsigned long long)");
	CHECK_FACT(f, "macro FX_SHIFTED", "16 (unsigned long)");
	CHECK_FACT(f, "macro FX_SIZE", "16 (unsigned long)");
	/* not integer constant expressions: their tokens; empty; function-like: the parameters */
	CHECK_FACT(f, "macro FX_NAME", "tokens \"fixture\"");
	CHECK_FACT(f, "macro FX_RIGHTS", "tokens fx_make ( 1 , 2 )");
	CHECK_FACT(f, "macro FX_EMPTY", "empty");
	CHECK_FACT(f, "macro FX_TWICE", "function (a, b)");
	/* include guards are no interface */
	CHECK(facts_find(&f, "macro FX_FX_H") == NULL);
	CHECK(facts_find(&f, "macro FX_TYPES_H") == NULL);
	/* nor are macros #undef'd by the end */
	CHECK(facts_find(&f, "macro FX_LOCAL_HELPER") == NULL);
	CHECK(facts_find(&f, "macro FX_LOCAL_CONSTANT") == NULL);
	facts_free(&f);
}

TEST(test_abi__extracts_layouts_of_records_members_and_bitfields)
{
	struct facts f = FACTS_INIT;
	CHECK_INT_EQ(extract_fixture("include", "x86_64-linux-gnu", &f), 0);
	CHECK_FACT(f, "type struct fx_pair", "size 16 align 8");
	CHECK_FACT(f, "member struct fx_pair.value", "offset 8 size 8 type fx_word_t");
	CHECK_FACT(f, "type struct fx_bits", "size 24 align 8");
	CHECK_FACT(f, "member struct fx_bits.low", "bit 0 width 3 type unsigned int");
	CHECK_FACT(f, "member struct fx_bits.high", "bit 10 width 22 type unsigned int");
	/* a C11 anonymous union's members belong to the record; a named member of an unnamed
	 * struct type is walked into */
	CHECK_FACT(f, "member struct fx_bits.word", "offset 8 size 8 type fx_word_t");
	CHECK_FACT(f, "member struct fx_bits.bytes", "offset 8 size 4 type unsigned char[4]");
	CHECK_FACT(f, "member struct fx_bits.point", "offset 16 size 4 type struct (anonymous)");
	CHECK_FACT(f, "member struct fx_bits.point.y", "offset 18 size 2 type short");
	CHECK_FACT(f, "type enum fx_colour", "size 4 align 4 integer int");
	CHECK_FACT(f, "typedef fx_word_t", "unsigned long; size 8 align 8");
	CHECK_FACT(f, "typedef fx_callback_t", "void (*)(int); size 8 align 8");
	CHECK_FACT(f, "typedef fx_pair_t", "struct fx_pair; size 16 align 8");
	/* a declared-only struct has no layout fact */
	CHECK(facts_find(&f, "type struct fx_opaque") == NULL);
	/* <stddef.h> is outside the tree */
	CHECK(facts_find(&f, "typedef size_t") == NULL);
	facts_free(&f);
}

TEST(test_abi__extracts_functions_with_written_and_canonical_prototypes)
{
	struct facts f = FACTS_INIT;
	CHECK_INT_EQ(extract_fixture("include", "x86_64-linux-gnu", &f), 0);
	CHECK_FACT(f, "function fx_add",
		   "static inline fx_word_t (fx_word_t, fx_word_t); abi unsigned long (unsigned long, unsigned long)");
	CHECK_FACT(f, "function fx_make", "static inline struct fx_pair (char, fx_word_t); abi struct fx_pair (char, unsigned long)");
	CHECK_FACT(f, "function fx_register",
		   "extern void (fx_callback_t, const char *, ...); abi void (void (*)(int), const char *, ...)");
	CHECK_FACT(f, "function fx_use", "extern int (struct fx_opaque *); abi int (struct fx_opaque *)");
	CHECK_FACT(f, "variable fx_counter", "extern fx_word_t; abi unsigned long");
	facts_free(&f);
}

TEST(test_abi__the_target_decides_the_layout)
{
	struct facts f = FACTS_INIT;
	CHECK_INT_EQ(extract_fixture("include", "arm-linux-gnueabihf", &f), 0);
	CHECK_FACT(f, "typedef fx_word_t", "unsigned long; size 4 align 4");
	CHECK_FACT(f, "type struct fx_pair", "size 8 align 4");
	CHECK_FACT(f, "member struct fx_pair.value", "offset 4 size 4 type fx_word_t");
	CHECK_FACT(f, "macro FX_SIZE", "8 (unsigned int)");
	CHECK_FACT(f, "type struct fx_bits", "size 12 align 4");
	CHECK_FACT(f, "member struct fx_bits.point.x", "offset 8 size 2 type short");
	facts_free(&f);
}

TEST(test_abi__a_tree_that_does_not_compile_is_reported_where_it_fails)
{
	struct facts f = FACTS_INIT;
	struct sb errors = SB_INIT;
	diag_capture(&errors);
	CHECK_INT_EQ(extract_fixture("broken", "x86_64-linux-gnu", &f), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&errors), "broken/fx/fx.h:4:");
	CHECK_STR_CONTAINS(sb_str(&errors), ": error: ");
	sb_release(&errors);
	facts_free(&f);
}

TEST(test_abi__a_missing_include_folder_is_an_error)
{
	struct facts f = FACTS_INIT;
	struct sb errors = SB_INIT;
	diag_capture(&errors);
	CHECK_INT_EQ(extract_fixture("no-such-folder", NULL, &f), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&errors), "no-such-folder: error: include folder not found");
	sb_release(&errors);
	facts_free(&f);
}

TEST(test_abi__a_tree_of_symlinks_counts_as_the_tree)
{
	/* selfe may one day build OUT/include from links into its cache: the facts must stay */
	char tmpl[] = "/tmp/selfe-abi-links-XXXXXX";
	CHECK(mkdtemp(tmpl) != NULL);
	struct sb fxdir = SB_INIT, real = SB_INIT, link1 = SB_INIT, link2 = SB_INIT;
	char *data = realpath(harness_data_dir(), NULL);
	CHECK(data != NULL);
	sb_addf(&fxdir, "%s/fx", tmpl);
	CHECK_INT_EQ(mkdir(sb_str(&fxdir), 0700), 0);
	sb_addf(&real, "%s/abi/fixture/include/fx", data ? data : ".");
	sb_addf(&link1, "%s/fx.h", sb_str(&fxdir));
	sb_addf(&link2, "%s/types.h", sb_str(&fxdir));
	struct sb t1 = SB_INIT, t2 = SB_INIT;
	sb_addf(&t1, "%s/fx.h", sb_str(&real));
	sb_addf(&t2, "%s/types.h", sb_str(&real));
	CHECK_INT_EQ(symlink(sb_str(&t1), sb_str(&link1)), 0);
	CHECK_INT_EQ(symlink(sb_str(&t2), sb_str(&link2)), 0);
	const char *dirs[] = { tmpl };
	struct extract_options o = { "x86_64-linux-gnu", "fx/fx.h", dirs, 1, NULL, 0, NULL, 0 };
	struct facts f = FACTS_INIT;
	CHECK_INT_EQ(abi_extract(&o, &f), 0);
	CHECK_FACT(f, "enum FX_GREEN", "5");
	CHECK_FACT(f, "typedef fx_word_t", "unsigned long; size 8 align 8");
	facts_free(&f);
	unlink(sb_str(&link1));
	unlink(sb_str(&link2));
	rmdir(sb_str(&fxdir));
	rmdir(tmpl);
	free(data);
	sb_release(&t1);
	sb_release(&t2);
	sb_release(&fxdir);
	sb_release(&real);
	sb_release(&link1);
	sb_release(&link2);
}
