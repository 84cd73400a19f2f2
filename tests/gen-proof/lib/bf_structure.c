/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Compile-time facts of every bitfield type: the struct is exactly its words (size, alignment,
 * word type, offset 0), the _t typedef names that struct, and each tagged union's enum holds the
 * tag values the .bf file gives.  Field positions cannot be seen by a constant expression; the
 * property program checks those.
 */
#include "proof.h"

static size_t struct_facts(struct sb *out, const char *name, unsigned base_bits, unsigned nwords)
{
	unsigned bytes = base_bits / 8;
	sb_addf(out, "_Static_assert(sizeof(struct %s) == %u, \"%s: %u words of %u bits\");\n", name, nwords * bytes, name,
		nwords, base_bits);
	sb_addf(out, "_Static_assert(_Alignof(struct %s) == _Alignof(seL4_Uint%u), \"%s: aligned as its word\");\n", name,
		base_bits, name);
	sb_addf(out, "_Static_assert(offsetof(struct %s, words) == 0, \"%s: words first\");\n", name, name);
	sb_addf(out, "_Static_assert(sizeof(((struct %s *)0)->words[0]) == %u, \"%s: %u-bit words\");\n", name, bytes, name,
		base_bits);
	sb_addf(out, "_Static_assert(_Generic((%s_t *)0, struct %s *: 1, default: 0), \"%s_t is struct %s\");\n", name, name,
		name, name);
	return 5;
}

size_t proof_emit_bf_structure(struct sb *out, const struct bf_file *f)
{
	size_t n = 0;
	sb_addf(out, "/* %s */\n", f->path);
	for (size_t i = 0; i < f->nblocks; i++) {
		const struct bf_block *b = f->blocks[i];
		if (!b->tagged)
			n += struct_facts(out, b->name, b->base->size, b->nwords);
	}
	for (size_t i = 0; i < f->nunions; i++) {
		const struct bf_union *u = f->unions[i];
		n += struct_facts(out, u->name, u->base->size, u->nwords);
		for (size_t k = 0; k < u->ntags; k++) {
			const struct bf_tag *t = &u->tags[k];
			sb_addf(out, "_Static_assert(%s_%s == %lluull, \"tag of %s in %s\");\n", u->name, t->name, t->value, t->name,
				u->name);
			n++;
		}
	}
	return n;
}
