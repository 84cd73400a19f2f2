/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Emitted headers do what they promise: for small .bf inputs, the header is compiled with the
 * host cc into a program (generated here from the model) that checks, over random values of each
 * field's full width, that _new then _get_ returns every field, that _set_ changes only its own
 * bits, that the pointer forms agree with the value forms, and that unions report their tag.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "bf_helpers.h"
#include "gen-proof/lib/proof.h"
#include "harness.h"
#include "util/fs.h"

static bool write_file_ok(const char *path, const char *text)
{
	return fs_write_atomic(path, text, strlen(text)) == 0;
}

/* Emits `text`'s header, builds the checking program and runs it; on failure the folder stays. */
static void run_property(const char *text)
{
	struct arena *a = arena_new();
	struct bf_file *f = bf_test_load(a, text, NULL);
	CHECK(f != NULL);
	if (!f) {
		arena_free(a);
		return;
	}
	char dir[] = "/tmp/selfe-bf-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	struct sb path = SB_INIT, hdr = SB_INIT, prog = SB_INIT, cmd = SB_INIT;
	bf_emit_libsel4(&hdr, f, "test.bf");

	sb_addf(&path, "%s/sel4", dir);
	CHECK(mkdir(sb_str(&path), 0700) == 0);
	/* Stand-ins for the libsel4 headers the emitted header and the proof program include;
	 * sel4.h also names the sliced unions' tag, which their _equals refers to. */
	struct sb sel4_h = SB_INIT;
	sb_adds(&sel4_h, "#pragma once\n#include <sel4/simple_types.h>\n");
	for (size_t i = 0; i < f->nunions; i++)
		if (f->unions[i]->sliced)
			sb_addf(&sel4_h, "#define ex_type_tag %s_type_tag\n", f->unions[i]->name);
	sb_adds(&sel4_h, "#include \"gen.h\"\n");
	const char *const files[][2] = {
		{ "sel4/config.h", "#pragma once\n" },
		{ "sel4/simple_types.h", "#pragma once\ntypedef unsigned char seL4_Uint8;\ntypedef unsigned short seL4_Uint16;\n"
					 "typedef unsigned int seL4_Uint32;\ntypedef unsigned long long seL4_Uint64;\n"
					 "#define LIBSEL4_INLINE_FUNC static inline\n#define CONST __attribute__((const))\n"
					 "#define PURE __attribute__((pure))\n" },
		{ "sel4/debug_assert.h", "#pragma once\n#include <stdio.h>\n#include <stdlib.h>\n"
					 "#define seL4_DebugAssert(e) do { if (!(e)) { fprintf(stderr, \"assertion failed: %s\\n\", #e); abort(); } } while (0)\n" },
		{ "sel4/sel4.h", sb_str(&sel4_h) },
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, files[i][0]);
		CHECK(write_file_ok(sb_str(&path), files[i][1]));
	}
	sb_release(&sel4_h);
	sb_reset(&path);
	sb_addf(&path, "%s/gen.h", dir);
	CHECK(write_file_ok(sb_str(&path), sb_str(&hdr)));

	/* The program is the proof suite's (tests/gen-proof/lib), over this one file. */
	const struct bf_file *files_[] = { f };
	struct proof_property_options opt = { .seed = 0x9e3779b97f4a7c15ull, .rounds = 400, .sliced_equals = true };
	proof_emit_bf_properties(&prog, files_, 1, &opt);
	sb_reset(&path);
	sb_addf(&path, "%s/prog.c", dir);
	CHECK(write_file_ok(sb_str(&path), sb_str(&prog)));

	sb_addf(&cmd, "cd %s && cc -std=c11 -O2 -Wall -Wextra -Werror -Wno-unused-function -I. -o prog prog.c > out.txt 2>&1 && ./prog >> out.txt 2>&1", dir);
	int rc = system(sb_str(&cmd));
	if (rc != 0) {
		sb_reset(&cmd);
		sb_addf(&cmd, "cat %s/out.txt >&2", dir);
		(void)!system(sb_str(&cmd));
		harness_fail(__FILE__, __LINE__, "property program failed for:\n%s\n(kept in %s)", text, dir);
	} else {
		sb_reset(&cmd);
		sb_addf(&cmd, "rm -rf %s", dir);
		CHECK(system(sb_str(&cmd)) == 0);
	}
	sb_release(&path);
	sb_release(&hdr);
	sb_release(&prog);
	sb_release(&cmd);
	arena_free(a);
}

TEST(test_bf__property_plain_blocks)
{
	run_property("base 32\n"
		     "block Msg { field label 20 field caps 3 field extra 2 field length 7 }\n"
		     "block Wide { field top 1 padding 30 field low 1 field whole 32 padding 16 field mid 16 }\n"
		     "block Ordered(b, c, a) { field a 8 field b 8 field c 16 }\n"
		     "block Empty { padding 32 }\n"
		     "base 64\n"
		     "block Big { field hi 1 field rest 63 field full 64 padding 3 field odd 61 }\n"
		     "base 16\n"
		     "block Half { field a 5 field b 11 }\n"
		     "base 8\n"
		     "block Byte { field a 1 field b 7 field c 8 }\n");
}

TEST(test_bf__property_high_fields)
{
	run_property("base 64(48,1)\n"
		     "block Cap { field_high ptr 36 padding 12 field type 16 field_ptr(4) next 64 }\n"
		     "block Low { padding 16 field_high addr 48 }\n"
		     "base 64(39,0)\n"
		     "block Un { field_ptr p 64 field_high top 20 padding 44 }\n"
		     "base 32\n"
		     "block Frame { field_high frame 20 padding 8 field flags 4 }\n");
}

TEST(test_bf__property_tagged_unions)
{
	run_property("base 64\n"
		     "block Null { padding 64 padding 60 field kind 4 }\n"
		     "block Pair { field first 64 field second 60 field kind 4 }\n"
		     "block Top { field top 1 padding 63 padding 60 field kind 4 }\n"
		     "tagged_union Fault kind { tag Null 0 tag Pair 1 tag Top 15 }\n"
		     "block Lone { field x 64 }\n");
}

TEST(test_bf__property_variable_width_tags)
{
	run_property("base 32\n"
		     "block Small { field data 28 field t 4 }\n"
		     "block Other { field data 28 field t 4 }\n"
		     "block Large { field data 24 field t 8 }\n"
		     "block Larger { field data 24 field t 8 }\n"
		     "tagged_union Cap t { mask 4 0xe mask 8 0x0e tag Small 0 tag Other 12 tag Large 0x0e tag Larger 0xfe }\n");
}

TEST(test_bf__property_sliced_tags)
{
	run_property("base 64\n"
		     "block Page { field addr 52 field sw 2 padding 8 field hw 2 }\n"
		     "block Table { field next 52 field sw 2 field extra 8 field hw 2 }\n"
		     "block Invalid { padding 52 field sw 2 padding 8 field hw 2 }\n"
		     "tagged_union Pte kind (hw, sw) { tag Page (3, 1) tag Table (3, 0) tag Invalid 0 }\n");
}
