/* SPDX-License-Identifier: BSD-2-Clause */
/* The libsel4 header's text: its opening, ordering and the exact shapes of its functions. */
#include <string.h>

#include "bf_helpers.h"
#include "harness.h"

static char *emit(struct arena *a, const char *text, const char *from)
{
	struct bf_file *f = bf_test_load(a, text, NULL);
	struct sb out = SB_INIT;
	if (f)
		bf_emit_libsel4(&out, f, from);
	char *s = arena_strdup(a, sb_str(&out));
	sb_release(&out);
	return s;
}

TEST(test_bf__emit_opening_and_order)
{
	struct arena *a = arena_new();
	const char *h = emit(a, "base 64\n"
				"block Zed { field z 64 }\n"
				"block Alpha { field a 64 }\n"
				"block V { padding 60 field t 4 }\n"
				"tagged_union U t { tag V 3 }\n", "/src/x.bf");
	CHECK(!strncmp(h, "/* generated from /src/x.bf */\n\n#pragma once\n\n#include <sel4/config.h>\n"
			  "#include <sel4/simple_types.h>\n#include <sel4/debug_assert.h>\nstruct Alpha {\n", 130));
	const char *alpha = strstr(h, "struct Alpha {"), *zed = strstr(h, "struct Zed {"), *u = strstr(h, "struct U {");
	CHECK(alpha && zed && u && alpha < zed && zed < u);
	/* a union variant has no accessors of its own */
	CHECK(!strstr(h, "\nV_new(") && strstr(h, "\nU_V_new("));
	CHECK_STR_CONTAINS(h, "enum U_tag {\n    U_V = 3\n};\ntypedef enum U_tag U_tag_t;\n\n");
	arena_free(a);
}

TEST(test_bf__emit_block_functions)
{
	struct arena *a = arena_new();
	const char *h = emit(a, "base 64\nblock B { field w 64 field x 60 field y 4 }\n", NULL);
	CHECK_STR_CONTAINS(h, "struct B {\n    seL4_Uint64 words[2];\n};\ntypedef struct B B_t;\n\n");
	CHECK_STR_CONTAINS(h, "LIBSEL4_INLINE_FUNC B_t CONST\nB_new(seL4_Uint64 w, seL4_Uint64 x, seL4_Uint64 y) {\n"
			      "    B_t B;\n\n"
			      "    /* fail if user has passed bits that we will override */  \n"
			      "    seL4_DebugAssert((x & ~0xfffffffffffffffull) == ((0 && (x & (1ull << 63))) ? 0x0 : 0));  \n"
			      "    seL4_DebugAssert((y & ~0xfull) == ((0 && (y & (1ull << 63))) ? 0x0 : 0));\n\n"
			      "    B.words[0] = 0\n        | (x & 0xfffffffffffffffull) << 4\n        | (y & 0xfull) << 0;\n"
			      "    B.words[1] = 0\n        | w << 0;;\n\n    return B;\n}\n\n");
	CHECK_STR_CONTAINS(h, "LIBSEL4_INLINE_FUNC seL4_Uint64 CONST\nB_get_x(B_t B) {\n    seL4_Uint64 ret;\n"
			      "    ret = (B.words[0] & 0xfffffffffffffff0ull) >> 4;\n");
	/* the pointer setter's final mask carries no suffix */
	CHECK_STR_CONTAINS(h, "    B_ptr->words[0] |= (v64 << 4) & 0xfffffffffffffff0;\n}\n");
	CHECK_STR_CONTAINS(h, "LIBSEL4_INLINE_FUNC seL4_Uint64 PURE\nB_ptr_get_y(B_t *B_ptr) {\n");
	arena_free(a);
}

TEST(test_bf__emit_union_accessors_check_the_tag)
{
	struct arena *a = arena_new();
	const char *h = emit(a, "base 32\nblock P { field v 28 field k 4 }\ntagged_union U k { tag P 2 }\n", NULL);
	CHECK_STR_CONTAINS(h, "LIBSEL4_INLINE_FUNC seL4_Uint32 CONST\nU_get_k(U_t U) {\n"
			      "    return (U.words[0] >> 0) & 0xfu;\n}\n\n");
	CHECK_STR_CONTAINS(h, "U_P_new(seL4_Uint32 v) {\n");
	CHECK_STR_CONTAINS(h, "        | ((seL4_Uint32)U_P & 0xfu) << 0;\n");
	CHECK_STR_CONTAINS(h, "    /* fail if union does not have the expected tag */\n"
			      "    seL4_DebugAssert(((U.words[0] >> 0) & 0xf) == U_P);\n\n    ret = ");
	arena_free(a);
}

static bool only_named(void *ctx, const char *name)
{
	for (const char *const *n = ctx; *n; n++)
		if (!strcmp(*n, name))
			return true;
	return false;
}

/* The kernel's own spelling, and pruning: only the named functions, every type definition. */
TEST(test_bf__emit_kernel_environment_and_pruning)
{
	struct arena *a = arena_new();
	struct bf_file *f = bf_test_load(a, "base 64\nblock B { field x 60 field y 4 }\n"
					    "block V { padding 60 field t 4 }\ntagged_union U t { tag V 3 }\n", NULL);
	const char *names[] = { "B_get_y", "U_get_t", "U_V_new", NULL };
	struct bf_emit_opts o = { .kernel = true, .from_file = "k.bf", .wanted = only_named, .ctx = names };
	struct sb out = SB_INIT;
	CHECK(f != NULL);
	if (f)
		bf_emit(&out, f, &o);
	const char *h = sb_str(&out);
	CHECK(!strncmp(h, "/* generated from k.bf */\n\n#pragma once\n\n#include <config.h>\n#include <assert.h>\n"
			  "#include <stdint.h>\n#include <util.h>\nstruct B {\n    uint64_t words[1];\n};\n", 140));
	CHECK_STR_CONTAINS(h, "static inline uint64_t CONST\nB_get_y(B_t B) {\n    uint64_t ret;\n");
	CHECK_STR_CONTAINS(h, "static inline U_t CONST\nU_V_new(void) {\n");
	CHECK_STR_CONTAINS(h, "    assert(((uint64_t)U_V & ~0xfull)");
	CHECK_STR_CONTAINS(h, "struct U {\n    uint64_t words[1];\n};\n");
	CHECK_STR_CONTAINS(h, "enum U_tag {\n    U_V = 3\n};\n");
	/* pruned: everything not named */
	CHECK(!strstr(h, "B_new(") && !strstr(h, "B_get_x(") && !strstr(h, "U_ptr_get_t(") && !strstr(h, "U_t_equals("));
	CHECK(!strstr(h, "seL4_") && !strstr(h, "LIBSEL4"));
	sb_release(&out);
	arena_free(a);
}
