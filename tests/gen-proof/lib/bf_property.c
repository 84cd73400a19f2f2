/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bitfield property program.  For every block (and every variant of every tagged union) and
 * for `rounds` values per field (0, all ones, alternating bits, then random over the field's
 * whole width, so top bits and 1-bit fields are hit): _new then every getter returns what went
 * in; _ptr_new writes the same words; each _set_ changes no bit outside its own field (raw words
 * compared) and agrees with _ptr_set_; getters and _ptr_get_ agree; a variant reports its tag,
 * equals its own tag value and no other.  Expected bit positions come from the model's layout
 * (offset, size), not from the header.
 */
#include <string.h>

#include "proof.h"

static unsigned long long ones(unsigned n)
{
	return n >= 64 ? ~0ULL : (1ULL << n) - 1;
}

/* A C expression for a value field `fl` can hold, from the raw random word `r`. */
static void value_expr(struct sb *out, const struct bf_base *b, const struct bf_field *fl, const char *r)
{
	if (!fl->high) {
		sb_addf(out, "(seL4_Uint%u)(%s & 0x%llxull)", b->size, r, ones(fl->size));
		return;
	}
	/* a high field holds the top bits of a canonical address, sign-extended when the base says */
	unsigned long long fill = b->sign_extend ? ones(b->size - b->bits) << b->bits : 0;
	sb_addf(out, "(seL4_Uint%u)proof_high(%s, 0x%llxull, %u, 0x%llxull)", b->size, r, ones(fl->size) << (b->bits - fl->size),
		b->bits - 1, fill);
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

/* The function for block b alone (u == NULL) or as variant t of union u. */
static void block_test(struct sb *p, const struct bf_block *b, const struct bf_union *u, const struct bf_tag *t,
		       const struct proof_property_options *opt)
{
	const struct bf_base *base = u ? u->base : b->base;
	const char *type = u ? u->name : b->name;
	unsigned nwords = u ? u->nwords : b->nwords;
	struct sb fn = SB_INIT, args = SB_INIT;
	if (u)
		sb_addf(&fn, "%s_%s", u->name, b->name);
	else
		sb_adds(&fn, b->name);
	const char *F = sb_str(&fn);
	sb_addf(p, "static int test_%s(void)\n{\n\tfor (unsigned i = 0; i < %u; i++) {\n", F, opt->rounds);
	for (size_t i = 0; i < b->nfields; i++) {
		const struct bf_field *fl = &b->fields[i];
		if (!fl->name || is_tag(u, fl->name))
			continue;
		sb_addf(p, "\t\tseL4_Uint%u v_%s = ", base->size, fl->name);
		value_expr(p, base, fl, "proof_pick(i)");
		sb_adds(p, ";\n");
	}
	for (size_t i = 0; i < b->nparams; i++)
		if (!is_tag(u, b->params[i]))
			sb_addf(&args, ", v_%s", b->params[i]);
	const char *A = sb_str(&args);
	sb_addf(p, "\t\t%s_t x = %s_new(%s);\n", type, F, A[0] ? A + 2 : "");
	sb_addf(p, "\t\t%s_t y;\n\t\tmemset(&y, 0x5a, sizeof(y));\n\t\t%s_ptr_new(&y%s);\n", type, F, A);
	sb_addf(p, "\t\tPROOF_CHECK(\"%s\", !memcmp(&x, &y, sizeof(x)));\n", F);
	if (u) {
		sb_addf(p, "\t\tPROOF_CHECK(\"%s\", %s_get_%s(x) == %lluull);\n", F, u->name, u->tagname, t->value);
		sb_addf(p, "\t\tPROOF_CHECK(\"%s\", %s_ptr_get_%s(&x) == %lluull);\n", F, u->name, u->tagname, t->value);
		if (!u->sliced || opt->sliced_equals) { /* see proof_property_options */
			sb_addf(p, "\t\tPROOF_CHECK(\"%s\", %s_%s_equals(x, %lluull));\n", F, u->name, u->tagname, t->value);
			for (size_t k = 0; k < u->ntags; k++)
				if (&u->tags[k] != t)
					sb_addf(p, "\t\tPROOF_CHECK(\"%s\", !%s_%s_equals(x, %lluull));\n", F, u->name, u->tagname,
						u->tags[k].value);
		}
	}
	/* Round 0 reads every field, then replaces it; round 1 reads the replacements. */
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < b->nfields; i++) {
			const struct bf_field *fl = &b->fields[i];
			if (!fl->name || is_tag(u, fl->name))
				continue;
			sb_addf(p, "\t\tPROOF_CHECK(\"%s.%s\", %s_get_%s(x) == v_%s);\n", F, fl->name, F, fl->name, fl->name);
			sb_addf(p, "\t\tPROOF_CHECK(\"%s.%s\", %s_ptr_get_%s(&x) == v_%s);\n", F, fl->name, F, fl->name, fl->name);
			if (round)
				continue;
			sb_addf(p, "\t\t{\n\t\t\tseL4_Uint%u n = ", base->size);
			value_expr(p, base, fl, "proof_rnd()");
			sb_addf(p, ";\n\t\t\t%s_t before = x, z = x;\n\t\t\tx = %s_set_%s(x, n);\n", type, F, fl->name);
			sb_addf(p, "\t\t\t%s_ptr_set_%s(&z, n);\n\t\t\tPROOF_CHECK(\"%s.%s\", !memcmp(&x, &z, sizeof(x)));\n", F, fl->name,
				F, fl->name);
			for (unsigned w = 0; w < nwords; w++) {
				unsigned long long own = w == fl->offset / base->size ? ones(fl->size) << (fl->offset % base->size) : 0;
				sb_addf(p, "\t\t\tPROOF_CHECK(\"%s.%s\", ((x.words[%u] ^ before.words[%u]) & ~(seL4_Uint%u)0x%llxull) == 0);\n",
					F, fl->name, w, w, base->size, own);
			}
			sb_addf(p, "\t\t\tv_%s = n;\n\t\t}\n", fl->name);
		}
	}
	if (u)
		sb_addf(p, "\t\tPROOF_CHECK(\"%s\", %s_get_%s(x) == %lluull);\n", F, u->name, u->tagname, t->value);
	sb_adds(p, "\t}\n\treturn 0;\n}\n\n");
	sb_release(&fn);
	sb_release(&args);
}

static const char prelude[] =
	"#include <stdio.h>\n#include <string.h>\n#include <sel4/sel4.h>\n\n"
	"static unsigned long long proof_state;\n"
	"static unsigned long long proof_rnd(void)\n{\n\tproof_state ^= proof_state << 13;\n\tproof_state ^= proof_state >> 7;\n"
	"\tproof_state ^= proof_state << 17;\n\treturn proof_state;\n}\n"
	"static unsigned long long proof_pick(unsigned i)\n{\n"
	"\treturn i == 0 ? 0 : i == 1 ? ~0ull : i == 2 ? 0xaaaaaaaaaaaaaaaaull : proof_rnd();\n}\n"
	"__attribute__((unused)) static unsigned long long proof_high(unsigned long long r, unsigned long long mask, unsigned sign_bit, unsigned long long fill)\n"
	"{\n\tr &= mask;\n\tif ((r >> sign_bit) & 1)\n\t\tr |= fill;\n\treturn r;\n}\n"
	"#define PROOF_CHECK(what, e) do { if (!(e)) { printf(\"FAIL %s (round %u, line %d): %s\\n\", what, i, __LINE__, #e); return 1; } } while (0)\n\n";

void proof_emit_bf_properties(struct sb *out, const struct bf_file *const *files, size_t nfiles,
			      const struct proof_property_options *opt)
{
	struct sb calls = SB_INIT;
	sb_adds(out, prelude);
	for (size_t f = 0; f < nfiles; f++) {
		const struct bf_file *file = files[f];
		for (size_t i = 0; i < file->nblocks; i++) {
			const struct bf_block *b = file->blocks[i];
			if (b->tagged)
				continue;
			block_test(out, b, NULL, NULL, opt);
			sb_addf(&calls, "\tPROOF_RUN(%s);\n", b->name);
		}
		for (size_t i = 0; i < file->nunions; i++) {
			const struct bf_union *u = file->unions[i];
			for (size_t k = 0; k < u->ntags; k++) {
				block_test(out, u->tags[k].block, u, &u->tags[k], opt);
				sb_addf(&calls, "\tPROOF_RUN(%s_%s);\n", u->name, u->tags[k].block->name);
			}
		}
	}
	sb_addf(out,
		"#define PROOF_RUN(name) do { if (test_##name()) failed++; else { passed++; printf(\"ok %%s\\n\", #name); } } while (0)\n"
		"int main(void)\n{\n\tunsigned passed = 0, failed = 0;\n\tproof_state = 0x%llxull;\n"
		"\tprintf(\"seed 0x%llx, %u rounds per block\\n\");\n%s"
		"\tprintf(\"%%u passed, %%u failed\\n\", passed, failed);\n\treturn failed != 0;\n}\n",
		opt->seed ? opt->seed : 1, opt->seed, opt->rounds, sb_str(&calls));
	sb_release(&calls);
}
