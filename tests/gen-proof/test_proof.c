/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The proof emitters accept a header generated from the same model and reject one generated
 * from a different model: structure assertions and property programs are compiled (and run)
 * with the host cc against a minimal <sel4/sel4.h> around the emitted bitfield header.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "gen-proof/lib/proof.h"
#include "harness.h"
#include "util/fs.h"

/* What the emitted bitfield header includes, and <sel4/sel4.h> around it. */
static const char *const support[][2] = {
	{ "sel4/config.h", "#pragma once\n" },
	{ "sel4/simple_types.h", "#pragma once\ntypedef unsigned char seL4_Uint8;\ntypedef unsigned short seL4_Uint16;\n"
				 "typedef unsigned int seL4_Uint32;\ntypedef unsigned long long seL4_Uint64;\n"
				 "#define LIBSEL4_INLINE_FUNC static inline\n#define CONST __attribute__((const))\n"
				 "#define PURE __attribute__((pure))\n" },
	{ "sel4/debug_assert.h", "#pragma once\n#include <stdio.h>\n#include <stdlib.h>\n"
				 "#define seL4_DebugAssert(e) do { if (!(e)) { fprintf(stderr, \"assertion failed: %s\\n\", #e); abort(); } } while (0)\n" },
	{ "sel4/sel4.h", "#pragma once\n#include <sel4/simple_types.h>\n#include \"gen.h\"\n" },
};

static struct bf_file *load(struct arena *a, const char *text)
{
	struct bf_file *f = bf_load(a, "t.bf", text, strlen(text));
	CHECK(f != NULL);
	return f;
}

static bool put(const char *dir, const char *name, const struct sb *text)
{
	struct sb path = SB_INIT;
	sb_addf(&path, "%s/%s", dir, name);
	bool ok = fs_write_atomic(sb_str(&path), text->buf ? text->buf : "", text->len) == 0;
	sb_release(&path);
	return ok;
}

/*
 * The header from `header_model`, the proof programs from `proof_model`; returns whether the
 * structure file compiles and whether the property program builds and passes.
 */
static void run(const char *header_model, const char *proof_model, bool *structure_ok, bool *properties_ok)
{
	struct arena *a = arena_new();
	struct bf_file *h = load(a, header_model), *p = load(a, proof_model);
	*structure_ok = *properties_ok = false;
	char dir[] = "/tmp/selfe-proof-XXXXXX";
	if (!h || !p || !mkdtemp(dir)) {
		CHECK(false);
		arena_free(a);
		return;
	}
	struct sb text = SB_INIT, cmd = SB_INIT;
	sb_addf(&cmd, "%s/sel4", dir);
	CHECK(mkdir(sb_str(&cmd), 0700) == 0);
	for (size_t i = 0; i < sizeof(support) / sizeof(support[0]); i++) {
		sb_reset(&text);
		sb_adds(&text, support[i][1]);
		CHECK(put(dir, support[i][0], &text));
	}
	sb_reset(&text);
	bf_emit_libsel4(&text, h, "t.bf");
	CHECK(put(dir, "sel4/gen.h", &text));
	sb_reset(&text);
	sb_adds(&text, "#include <stddef.h>\n#include <sel4/sel4.h>\n");
	CHECK(proof_emit_bf_structure(&text, p) > 0);
	CHECK(put(dir, "structure.c", &text));
	sb_reset(&text);
	const struct bf_file *files[] = { p };
	struct proof_property_options opt = { .seed = 7, .rounds = 40 };
	proof_emit_bf_properties(&text, files, 1, &opt);
	CHECK(put(dir, "properties.c", &text));
	sb_reset(&cmd);
	sb_addf(&cmd, "cd %s && cc -std=c11 -fsyntax-only -I. structure.c >/dev/null 2>&1", dir);
	*structure_ok = system(sb_str(&cmd)) == 0;
	sb_reset(&cmd);
	sb_addf(&cmd, "cd %s && cc -std=c11 -O1 -I. properties.c -o properties >/dev/null 2>&1 && ./properties >out.txt 2>&1", dir);
	*properties_ok = system(sb_str(&cmd)) == 0;
	sb_reset(&cmd);
	sb_addf(&cmd, "rm -rf %s", getenv("SELFE_PROOF_KEEP") ? "/nonexistent" : dir);
	CHECK(system(sb_str(&cmd)) == 0);
	sb_release(&text);
	sb_release(&cmd);
	arena_free(a);
}

static const char model[] = "base 64\n"
			    "block Msg { field label 52 field caps 3 field extra 2 field length 7 }\n"
			    "block One { field top 1 padding 62 field bottom 1 }\n"
			    "block Null { padding 64 padding 60 field kind 4 }\n"
			    "block Pair { field first 64 field second 60 field kind 4 }\n"
			    "tagged_union Fault kind { tag Null 0 tag Pair 3 }\n"
			    "base 32\n"
			    "block Narrow { field a 16 field b 15 field c 1 }\n";

TEST(test_gen_proof__same_model_passes)
{
	bool structure, properties;
	run(model, model, &structure, &properties);
	CHECK(structure);
	CHECK(properties);
}

TEST(test_gen_proof__other_tag_value_fails_structure)
{
	bool structure, properties;
	char *other = strdup(model);
	char *t = strstr(other, "tag Pair 3");
	t[sizeof("tag Pair 3") - 2] = '5';
	run(other, model, &structure, &properties);
	CHECK(!structure);
	free(other);
}

TEST(test_gen_proof__other_word_count_fails_structure)
{
	bool structure, properties;
	run("base 64\nblock Msg { field label 64 field length 64 }\n", "base 64\nblock Msg { field label 52 field length 12 }\n",
	    &structure, &properties);
	CHECK(!structure);
}

TEST(test_gen_proof__swapped_fields_fail_properties)
{
	bool structure, properties;
	/* same names and widths, other positions: only the bit-exact checks can tell */
	run("base 32\nblock Narrow { field b 15 field a 16 field c 1 }\n", "base 32\nblock Narrow { field a 16 field b 15 field c 1 }\n",
	    &structure, &properties);
	CHECK(structure);
	CHECK(!properties);
}
