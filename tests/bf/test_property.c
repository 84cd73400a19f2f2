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
#include "harness.h"
#include "util/fs.h"

static bool write_file_ok(const char *path, const char *text)
{
	return fs_write_atomic(path, text, strlen(text)) == 0;
}

static unsigned long long ones(unsigned n)
{
	return n >= 64 ? ~0ULL : (1ULL << n) - 1;
}

/* A C expression for a random value that field `fl` can hold; `r` is the raw random word. */
static void value_expr(struct sb *out, const struct bf_base *b, const struct bf_field *fl, const char *r)
{
	if (!fl->high) {
		sb_addf(out, "(seL4_Uint%u)(%s & 0x%llxull)", b->size, r, ones(fl->size));
		return;
	}
	unsigned long long fill = b->sign_extend ? ones(b->size - b->bits) << b->bits : 0;
	sb_addf(out, "(seL4_Uint%u)high_value(%s, 0x%llxull, %u, 0x%llxull)", b->size, r,
		ones(fl->size) << (b->bits - fl->size), b->bits - 1, fill);
}

static bool is_tag(const struct bf_union *u, const char *name)
{
	if (!u)
		return false;
	if (!u->sliced)
		return !strcmp(name, u->tagname);
	for (size_t i = 0; i < u->nslices; i++)
		if (!strcmp(name, u->slices[i]))
			return true;
	return false;
}

/*
 * Checks for one block on its own (u == NULL) or as variant t of union u.  `type` is the
 * struct, `fn` the prefix of its functions.
 */
static void block_checks(struct sb *p, const struct bf_block *b, const struct bf_union *u, const struct bf_tag *t)
{
	const struct bf_base *base = u ? u->base : b->base;
	const char *type = u ? u->name : b->name;
	struct sb fn = SB_INIT, args = SB_INIT;
	if (u)
		sb_addf(&fn, "%s_%s", u->name, b->name);
	else
		sb_adds(&fn, b->name);
	const char *F = sb_str(&fn);
	sb_addf(p, "static void test_%s(void)\n{\n\tfor (int i = 0; i < 400; i++) {\n", F);
	for (size_t i = 0; i < b->nfields; i++) {
		const struct bf_field *fl = &b->fields[i];
		if (!fl->name || is_tag(u, fl->name))
			continue;
		sb_addf(p, "\t\tseL4_Uint%u v_%s = ", base->size, fl->name);
		value_expr(p, base, fl, "pick(i)");
		sb_adds(p, ";\n");
	}
	for (size_t i = 0; i < b->nparams; i++)
		if (!is_tag(u, b->params[i]))
			sb_addf(&args, ", v_%s", b->params[i]);
	const char *A = sb_str(&args);
	sb_addf(p, "\t\t%s_t x = %s_new(%s);\n", type, F, A[0] ? A + 2 : "");
	sb_addf(p, "\t\t%s_t y;\n\t\tmemset(&y, 0x5a, sizeof(y));\n\t\t%s_ptr_new(&y%s);\n", type, F, A);
	sb_adds(p, "\t\tCHECKP(!memcmp(&x, &y, sizeof(x)));\n");
	if (u) {
		sb_addf(p, "\t\tCHECKP(%s_get_%s(x) == %lluull);\n", u->name, u->tagname, t->value);
		sb_addf(p, "\t\tCHECKP(%s_ptr_get_%s(&x) == %lluull);\n", u->name, u->tagname, t->value);
		sb_addf(p, "\t\tCHECKP(%s_%s_equals(x, %lluull));\n", u->name, u->tagname, t->value);
		for (size_t k = 0; k < u->ntags; k++)
			if (&u->tags[k] != t)
				sb_addf(p, "\t\tCHECKP(!%s_%s_equals(x, %lluull));\n", u->name, u->tagname, u->tags[k].value);
	}
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < b->nfields; i++) {
			const struct bf_field *fl = &b->fields[i];
			if (!fl->name || is_tag(u, fl->name))
				continue;
			sb_addf(p, "\t\tCHECKP(%s_get_%s(x) == v_%s);\n", F, fl->name, fl->name);
			sb_addf(p, "\t\tCHECKP(%s_ptr_get_%s(&x) == v_%s);\n", F, fl->name, fl->name);
			if (round)
				continue;
			/* set it to a fresh value; only its own bits may change */
			sb_addf(p, "\t\t{\n\t\t\tseL4_Uint%u n = ", base->size);
			value_expr(p, base, fl, "rnd()");
			sb_addf(p, ";\n\t\t\t%s_t before = x, z = x;\n\t\t\tx = %s_set_%s(x, n);\n", type, F, fl->name);
			sb_addf(p, "\t\t\t%s_ptr_set_%s(&z, n);\n\t\t\tCHECKP(!memcmp(&x, &z, sizeof(x)));\n", F, fl->name);
			unsigned nwords = u ? u->nwords : b->nwords;
			for (unsigned w = 0; w < nwords; w++) {
				unsigned long long own = w == fl->offset / base->size ? ones(fl->size) << (fl->offset % base->size) : 0;
				sb_addf(p, "\t\t\tCHECKP(((x.words[%u] ^ before.words[%u]) & ~0x%llxull) == 0);\n", w, w, own);
			}
			sb_addf(p, "\t\t\tv_%s = n;\n\t\t}\n", fl->name);
		}
	}
	if (u)
		sb_addf(p, "\t\tCHECKP(%s_get_%s(x) == %lluull);\n", u->name, u->tagname, t->value);
	sb_adds(p, "\t}\n}\n\n");
	sb_release(&fn);
	sb_release(&args);
}

static const char prelude[] =
	"#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
	"static unsigned long long rnd_state = 0x9e3779b97f4a7c15ull;\n"
	"static unsigned long long rnd(void)\n{\n\trnd_state ^= rnd_state << 13;\n\trnd_state ^= rnd_state >> 7;\n"
	"\trnd_state ^= rnd_state << 17;\n\treturn rnd_state;\n}\n"
	/* the first rounds try the extremes: all zeros, all ones, only the top bits */
	"static unsigned long long pick(int i)\n{\n\treturn i == 0 ? 0 : i == 1 ? ~0ull : i == 2 ? 0xaaaaaaaaaaaaaaaaull : rnd();\n}\n"
	"static unsigned long long high_value(unsigned long long r, unsigned long long mask, unsigned sign_bit, unsigned long long fill)\n"
	"{\n\tr &= mask;\n\tif ((r >> sign_bit) & 1)\n\t\tr |= fill;\n\treturn r;\n}\n"
	"#define CHECKP(e) do { if (!(e)) { fprintf(stderr, \"check failed line %d: %s\\n\", __LINE__, #e); exit(1); } } while (0)\n";

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
	static const char *const files[][2] = {
		{ "sel4/config.h", "#pragma once\n" },
		{ "sel4/simple_types.h", "#pragma once\ntypedef unsigned char seL4_Uint8;\ntypedef unsigned short seL4_Uint16;\n"
					 "typedef unsigned int seL4_Uint32;\ntypedef unsigned long long seL4_Uint64;\n"
					 "#define LIBSEL4_INLINE_FUNC static inline\n#define CONST __attribute__((const))\n"
					 "#define PURE __attribute__((pure))\n" },
		{ "sel4/debug_assert.h", "#pragma once\n#include <stdio.h>\n#include <stdlib.h>\n"
					 "#define seL4_DebugAssert(e) do { if (!(e)) { fprintf(stderr, \"assertion failed: %s\\n\", #e); abort(); } } while (0)\n" },
	};
	for (size_t i = 0; i < 3; i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, files[i][0]);
		CHECK(write_file_ok(sb_str(&path), files[i][1]));
	}
	sb_reset(&path);
	sb_addf(&path, "%s/gen.h", dir);
	CHECK(write_file_ok(sb_str(&path), sb_str(&hdr)));

	sb_adds(&prog, prelude);
	for (size_t i = 0; i < f->nunions; i++)
		if (f->unions[i]->sliced)
			sb_addf(&prog, "#define ex_type_tag %s_type_tag\n", f->unions[i]->name);
	sb_adds(&prog, "#include \"gen.h\"\n\n");
	struct sb calls = SB_INIT;
	for (size_t i = 0; i < f->nblocks; i++)
		if (!f->blocks[i]->tagged) {
			block_checks(&prog, f->blocks[i], NULL, NULL);
			sb_addf(&calls, "\ttest_%s();\n", f->blocks[i]->name);
		}
	for (size_t i = 0; i < f->nunions; i++)
		for (size_t k = 0; k < f->unions[i]->ntags; k++) {
			block_checks(&prog, f->unions[i]->tags[k].block, f->unions[i], &f->unions[i]->tags[k]);
			sb_addf(&calls, "\ttest_%s_%s();\n", f->unions[i]->name, f->unions[i]->tags[k].name);
		}
	sb_addf(&prog, "int main(void)\n{\n%s\tputs(\"ok\");\n\treturn 0;\n}\n", sb_str(&calls));
	sb_release(&calls);
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
