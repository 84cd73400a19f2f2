/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The libsel4 header for a bitfield file.  Its text follows seL4's generator in libsel4 mode
 * character for character (spacing, blank lines and redundant expressions included), so that a
 * textual diff against the reference is empty and every function compiles to the same code.
 *
 * Shape: the includes, then every block that is not a union variant (sorted by name), then every
 * tagged union (sorted by name).  A block gets a struct, a constructor (value and pointer form)
 * and get/set accessors (value and pointer form) per field.  A union gets its struct and tag
 * enum, the tag readers, and per variant a constructor and the accessors of each non-tag field,
 * each asserting the tag.  Constructors and setters assert that a value fits its field;
 * accessors of high fields shift the stored bits back into place and sign-extend when the base
 * says so.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bf_internal.h"

#define INLINE "LIBSEL4_INLINE_FUNC"
#define ASSERT "seL4_DebugAssert"

/*
 * The kernel spelling differs from libsel4's only in the words above and in the word types
 * (seL4_Uint64 -> uint64_t): the text is written in libsel4's spelling and those words are
 * renamed at the end (see to_kernel_spelling).  Functions not in the name filter are dropped
 * right after being written, as seL4's generator does when given pruning files.
 */
static void keep(struct sb *out, size_t at, const struct bf_emit_opts *o, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void keep(struct sb *out, size_t at, const struct bf_emit_opts *o, const char *fmt, ...)
{
	if (!o->wanted)
		return;
	struct sb name = SB_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&name, fmt, ap);
	va_end(ap);
	if (!o->wanted(o->ctx, sb_str(&name))) {
		out->len = at;
		if (out->buf)
			out->buf[at] = 0;
	}
	sb_release(&name);
}
#define FITS_COMMENT "    /* fail if user has passed bits that we will override */"
#define TAG_COMMENT "    /* fail if union does not have the expected tag */"

static unsigned long long low_bits(unsigned n)
{
	return n >= 64 ? ~0ULL : (1ULL << n) - 1;
}

/* Constants get `u` for the narrow bases and `ull` for 64-bit ones. */
static const char *suffix(unsigned base)
{
	return base == 64 ? "ull" : "u";
}

/* Bits above the canonical width that a sign-extended high field fills in. */
static unsigned long long high_fill(const struct bf_base *b)
{
	return b->sign_extend ? low_bits(b->size - b->bits) << b->bits : 0;
}

/* How one field is read and written. */
struct access {
	unsigned index, shift;
	const char *rd, *wr;    /* shift operators for reading and writing */
	unsigned long long mask, high;
	unsigned sext;          /* sign-extend on read */
};

static struct access field_access(const struct bf_base *b, const struct bf_field *fl)
{
	struct access x = { fl->offset / b->size, fl->offset % b->size, ">>", "<<", 0, 0, 0 };
	if (fl->high) {
		/* The top bits of a canonical value: move them between their place in the value
		 * and their place in the word. */
		int s = (int)b->bits - (int)fl->size - (int)(fl->offset % b->size);
		x.rd = "<<";
		x.wr = ">>";
		if (s < 0) {
			s = -s;
			x.rd = ">>";
			x.wr = "<<";
		}
		x.shift = (unsigned)s;
		x.high = high_fill(b);
		x.sext = b->sign_extend;
	}
	x.mask = low_bits(fl->size) << (fl->offset % b->size);
	return x;
}

/* What a constructor does with one argument: an assertion that it fits, and its term. */
static void ctor_term(struct sb *asserts, struct sb *term, const struct bf_base *b, const struct bf_field *fl,
		      const char *value, bool block_ctor)
{
	const char *suf = suffix(b->size);
	unsigned shift;
	const char *op = "<<";
	if (fl->high) {
		int s = (int)b->bits - (int)fl->size - (int)(fl->offset % b->size);
		op = ">>";
		if (s < 0) {
			s = -s;
			op = "<<";
		}
		shift = (unsigned)s;
	} else {
		shift = fl->offset % b->size;
	}
	if (fl->size < b->size) {
		unsigned long long mask = fl->high ? low_bits(fl->size) << (b->bits - fl->size) : low_bits(fl->size);
		sb_addf(asserts, "  \n    " ASSERT "((%s & ~0x%llx%s) == ((%u && (%s & (1%s << %u))) ? 0x%llx : 0));",
			value, mask, suf, b->sign_extend, value, suf, b->bits - 1, fl->high ? high_fill(b) : 0);
		sb_addf(term, "(%s & 0x%llx%s) %s %u", value, mask, suf, op, shift);
	} else {
		/* A whole-word field; blocks' constructors end this term with a stray ';'. */
		sb_addf(term, "%s %s %u%s", value, op, shift, block_ctor ? ";" : "");
	}
}

/* The words of a constructor: each starts at 0 and ORs in its terms. */
struct words {
	struct sb *terms;
	unsigned n;
};

static void words_init(struct words *w, unsigned n)
{
	w->n = n;
	w->terms = calloc(n ? n : 1, sizeof(*w->terms));
	if (!w->terms)
		abort();
}

static void words_add(struct words *w, unsigned index, const struct sb *term)
{
	sb_addf(&w->terms[index], "\n        | %s", sb_str(term));
}

static void words_emit(struct sb *out, const struct words *w, const char *prefix)
{
	for (unsigned i = 0; i < w->n; i++)
		sb_addf(out, "%s    %swords[%u] = 0%s;", i ? "\n" : "", prefix, i, sb_str(&w->terms[i]));
}

static void words_free(struct words *w)
{
	for (unsigned i = 0; i < w->n; i++)
		sb_release(&w->terms[i]);
	free(w->terms);
}

static void params(struct sb *gen, struct sb *ptr, const char *type_name, unsigned base,
		   const char *const *names, size_t n, const char *skip)
{
	sb_addf(ptr, "%s_t *%s_ptr", type_name, type_name);
	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		if (skip && !strcmp(names[i], skip))
			continue;
		sb_addf(gen, "%sseL4_Uint%u %s", used ? ", " : "", base, names[i]);
		sb_addf(ptr, ", seL4_Uint%u %s", base, names[i]);
		used++;
	}
	if (!used)
		sb_adds(gen, "void");
}

static void emit_struct(struct sb *out, const char *name, unsigned base, unsigned nwords)
{
	sb_addf(out, "struct %s {\n    seL4_Uint%u words[%u];\n};\ntypedef struct %s %s_t;\n\n", name, base, nwords, name, name);
}

/* The constructor pair.  `fn` is the function name stem, `type_name` the struct. */
static void emit_ctors(struct sb *out, const struct bf_emit_opts *o, const char *fn, const char *type_name, const struct sb *gen_params,
		       const struct sb *ptr_params, const struct sb *asserts, const struct words *w)
{
	size_t at = out->len;
	sb_addf(out, INLINE " %s_t CONST\n%s_new(%s) {\n    %s_t %s;\n\n" FITS_COMMENT "%s\n\n",
		type_name, fn, sb_str(gen_params), type_name, type_name, sb_str(asserts));
	struct sb prefix = SB_INIT;
	sb_addf(&prefix, "%s.", type_name);
	words_emit(out, w, sb_str(&prefix));
	sb_addf(out, "\n\n    return %s;\n}\n\n", type_name);
	keep(out, at, o, "%s_new", fn);
	at = out->len;
	sb_addf(out, INLINE " void\n%s_ptr_new(%s) {\n" FITS_COMMENT "%s\n\n", fn, sb_str(ptr_params), sb_str(asserts));
	sb_reset(&prefix);
	sb_addf(&prefix, "%s_ptr->", type_name);
	words_emit(out, w, sb_str(&prefix));
	sb_adds(out, "\n}\n\n");
	keep(out, at, o, "%s_ptr_new", fn);
	sb_release(&prefix);
}

static void emit_sign_extend(struct sb *out, const struct access *x, const char *suf, unsigned extend_bit)
{
	sb_addf(out, "    /* Possibly sign extend */\n"
		"    if (__builtin_expect(!!(%u && (ret & (1%s << (%u)))), %u)) {\n"
		"        ret |= 0x%llx;\n    }\n    return ret;\n}\n\n",
		x->sext, suf, extend_bit, x->sext, x->high);
}

static void emit_fits(struct sb *out, const struct access *x, const char *suf, unsigned base, unsigned extend_bit, bool space)
{
	sb_addf(out, "    " ASSERT "((((~0x%llx%s %s %u%s) | 0x%llx) & v%u) == ((%u && (v%u & (1%s << (%u)))) ? 0x%llx : 0));\n",
		x->mask, suf, x->rd, x->shift, space ? " " : "", x->high, base, x->sext, base, suf, extend_bit, x->high);
}

static void emit_block(struct sb *out, const struct bf_emit_opts *o, const struct bf_block *b)
{
	const struct bf_base *base = b->base;
	const char *suf = suffix(base->size);
	const char *n = b->name;
	emit_struct(out, n, base->size, b->nwords);

	struct sb gen = SB_INIT, ptr = SB_INIT, asserts = SB_INIT, term = SB_INIT;
	params(&gen, &ptr, n, base->size, b->params, b->nparams, NULL);
	struct words w;
	words_init(&w, b->nwords);
	for (size_t i = 0; i < b->nfields; i++) {
		const struct bf_field *fl = &b->fields[i];
		if (!fl->name)
			continue;
		sb_reset(&term);
		ctor_term(&asserts, &term, base, fl, fl->name, true);
		words_add(&w, fl->offset / base->size, &term);
	}
	emit_ctors(out, o, n, n, &gen, &ptr, &asserts, &w);
	words_free(&w);
	sb_release(&gen);
	sb_release(&ptr);
	sb_release(&asserts);
	sb_release(&term);

	for (size_t i = 0; i < b->nfields; i++) {
		const struct bf_field *fl = &b->fields[i];
		if (!fl->name)
			continue;
		struct access x = field_access(base, fl);
		unsigned W = base->size, E = base->bits - 1;
		const char *f = fl->name;
		size_t at = out->len;
		sb_addf(out, INLINE " seL4_Uint%u CONST\n%s_get_%s(%s_t %s) {\n    seL4_Uint%u ret;\n"
			"    ret = (%s.words[%u] & 0x%llx%s) %s %u;\n", W, n, f, n, n, W, n, x.index, x.mask, suf, x.rd, x.shift);
		emit_sign_extend(out, &x, suf, E);
		keep(out, at, o, "%s_get_%s", n, f);
		at = out->len;

		sb_addf(out, INLINE " %s_t CONST\n%s_set_%s(%s_t %s, seL4_Uint%u v%u) {\n" FITS_COMMENT "\n", n, n, f, n, n, W, W);
		emit_fits(out, &x, suf, W, E, true);
		sb_addf(out, "    %s.words[%u] &= ~0x%llx%s;\n    %s.words[%u] |= (v%u %s %u) & 0x%llx%s;\n    return %s;\n}\n\n",
			n, x.index, x.mask, suf, n, x.index, W, x.wr, x.shift, x.mask, suf, n);
		keep(out, at, o, "%s_set_%s", n, f);
		at = out->len;

		sb_addf(out, INLINE " seL4_Uint%u PURE\n%s_ptr_get_%s(%s_t *%s_ptr) {\n    seL4_Uint%u ret;\n"
			"    ret = (%s_ptr->words[%u] & 0x%llx%s) %s %u;\n", W, n, f, n, n, W, n, x.index, x.mask, suf, x.rd, x.shift);
		emit_sign_extend(out, &x, suf, E);
		keep(out, at, o, "%s_ptr_get_%s", n, f);
		at = out->len;

		/* The pointer setter's final mask has no suffix in the reference; same value. */
		sb_addf(out, INLINE " void\n%s_ptr_set_%s(%s_t *%s_ptr, seL4_Uint%u v%u) {\n" FITS_COMMENT "\n", n, f, n, n, W, W);
		emit_fits(out, &x, suf, W, E, false);
		sb_addf(out, "    %s_ptr->words[%u] &= ~0x%llx%s;\n    %s_ptr->words[%u] |= (v%u %s %u) & 0x%llx;\n}\n\n",
			n, x.index, x.mask, suf, n, x.index, W, x.wr, x.shift, x.mask);
		keep(out, at, o, "%s_ptr_set_%s", n, f);
	}
}

/* Sliced tags: the slices' bits gathered into one value, first slice lowest. */
static void compressed_tag(struct sb *out, const struct bf_union *u, const char *source)
{
	unsigned pos = 0;
	for (size_t k = 0; k < u->nparts; k++) {
		const struct bf_tag_part *p = &u->parts[k];
		int off = (int)(p->offset % u->base->size);
		int s = off - (int)pos;
		sb_addf(out, "%s((%s & (0x%llx%s << %d)) %s %d)", k ? "\n        | " : "", source,
			low_bits(p->width), suffix(u->base->size), off, s >= 0 ? ">>" : "<<", s >= 0 ? s : -s);
		pos += p->width;
	}
}

static unsigned long long expanded_tag(const struct bf_union *u, unsigned long long v)
{
	unsigned long long r = 0;
	unsigned pos = 0;
	for (size_t k = 0; k < u->nparts; k++) {
		const struct bf_tag_part *p = &u->parts[k];
		r |= ((v >> pos) & low_bits(p->width)) << (p->offset % u->base->size);
		pos += p->width;
	}
	return r;
}

/* The three tag readers.  `kind` 0: by value, 1: equality test, 2: through a pointer. */
static void emit_tag_reader(struct sb *out, const struct bf_emit_opts *o, const struct bf_union *u, int kind)
{
	const char *n = u->name;
	unsigned W = u->base->size;
	const char *suf = suffix(W);
	struct sb src = SB_INIT;
	sb_addf(&src, kind == 2 ? "%s_ptr->words" : "%s.words", n);
	size_t at = out->len;
	if (kind == 0)
		sb_addf(out, INLINE " seL4_Uint%u CONST\n%s_get_%s(%s_t %s) {\n", W, n, u->tagname, n, n);
	else if (kind == 1)
		sb_addf(out, INLINE " int CONST\n%s_%s_equals(%s_t %s, seL4_Uint%u %s_type_tag) {\n", n, u->tagname, n, n, W, n);
	else
		sb_addf(out, INLINE " seL4_Uint%u PURE\n%s_ptr_get_%s(%s_t *%s_ptr) {\n", W, n, u->tagname, n, n);
	if (u->sliced) {
		struct sb word = SB_INIT;
		sb_addf(&word, "%s[%u]", sb_str(&src), u->tag_index);
		sb_adds(out, kind == 1 ? "    return (" : "    return ");
		compressed_tag(out, u, sb_str(&word));
		/* The reference compares against a name that is not the parameter's; kept as is. */
		sb_adds(out, kind == 1 ? ") == ex_type_tag;" : ";");
		sb_release(&word);
	} else {
		for (size_t k = 0; k < u->nparts; k++) {
			const struct bf_tag_part *p = &u->parts[k];
			unsigned long long cm = p->classmask << (u->class_offset % W);
			unsigned idx = p->offset / W, sh = p->offset % W;
			bool last = k + 1 == u->nparts;
			if (!last) {
				if (kind == 1)
					sb_addf(out, "    if ((%s_type_tag & 0x%llx) != 0x%llx)\n    ", n, cm, cm);
				else
					sb_addf(out, "    if ((%s[%u] & 0x%llx) != 0x%llx)\n    ", sb_str(&src), idx, cm, cm);
			}
			if (kind == 1)
				sb_addf(out, "    return ((%s[%u] >> %u) & 0x%llx%s) == %s_type_tag;%s",
					sb_str(&src), idx, sh, low_bits(p->width), suf, n, last ? "" : "\n");
			else
				sb_addf(out, "    return (%s[%u] >> %u) & 0x%llx%s;%s",
					sb_str(&src), idx, sh, low_bits(p->width), suf, last ? "" : "\n");
		}
	}
	sb_adds(out, "\n}\n\n");
	if (kind == 0)
		keep(out, at, o, "%s_get_%s", n, u->tagname);
	else if (kind == 1)
		keep(out, at, o, "%s_%s_equals", n, u->tagname);
	else
		keep(out, at, o, "%s_ptr_get_%s", n, u->tagname);
	sb_release(&src);
}

static bool is_slice(const struct bf_union *u, const char *name)
{
	if (!u->sliced)
		return !strcmp(name, u->tagname);
	for (size_t s = 0; s < u->nslices; s++)
		if (!strcmp(u->slices[s], name))
			return true;
	return false;
}

static const struct bf_field *field_named(const struct bf_block *b, const char *name)
{
	for (size_t i = 0; i < b->nfields; i++)
		if (b->fields[i].name && !strcmp(b->fields[i].name, name))
			return &b->fields[i];
	return NULL;
}

static void emit_variant(struct sb *out, const struct bf_emit_opts *o, const struct bf_union *u, const struct bf_tag *t)
{
	const struct bf_block *b = t->block;
	const struct bf_base *base = u->base;
	const char *n = u->name, *suf = suffix(base->size);
	unsigned W = base->size;

	struct sb gen = SB_INIT, ptr = SB_INIT, asserts = SB_INIT, term = SB_INIT, value = SB_INIT, fn = SB_INIT;
	sb_addf(&ptr, "%s_t *%s_ptr", n, n);
	size_t used = 0;
	for (size_t i = 0; i < b->nparams; i++) {
		if (is_slice(u, b->params[i]))
			continue;
		sb_addf(&gen, "%sseL4_Uint%u %s", used++ ? ", " : "", W, b->params[i]);
		sb_addf(&ptr, ", seL4_Uint%u %s", W, b->params[i]);
	}
	if (!used)
		sb_adds(&gen, "void");

	struct words w;
	words_init(&w, u->nwords);
	for (size_t i = 0; i < b->nparams; i++) {
		const struct bf_field *fl = field_named(b, b->params[i]);
		sb_reset(&term);
		sb_reset(&value);
		if (!u->sliced && !strcmp(fl->name, u->tagname))
			sb_addf(&value, "(seL4_Uint%u)%s_%s", W, n, t->name);
		else if (is_slice(u, fl->name))
			continue;
		else
			sb_adds(&value, fl->name);
		ctor_term(&asserts, &term, base, fl, sb_str(&value), false);
		words_add(&w, fl->offset / W, &term);
	}
	if (u->sliced) {
		/* The whole expanded tag goes into word 0 as one whole-word term. */
		struct bf_field whole = { .size = W };
		sb_reset(&term);
		sb_reset(&value);
		sb_addf(&value, "0x%llx%s", expanded_tag(u, t->value), suf);
		ctor_term(&asserts, &term, base, &whole, sb_str(&value), false);
		words_add(&w, 0, &term);
	}
	sb_addf(&fn, "%s_%s", n, t->name);
	emit_ctors(out, o, sb_str(&fn), n, &gen, &ptr, &asserts, &w);
	words_free(&w);

	/* The tag test each accessor starts with. */
	struct sb check = SB_INIT, ptr_check = SB_INIT;
	unsigned tshift;
	unsigned long long tmask;
	sb_reset(&value);
	if (u->sliced) {
		tshift = 0;
		tmask = u->tag_mask;
		sb_addf(&value, "0x%llx%s /* sliced tag %s_%s */", expanded_tag(u, t->value), suf, n, b->name);
	} else {
		const struct bf_field *tf = field_named(b, u->tagname);
		tshift = tf->offset % W;
		tmask = low_bits(tf->size);
		sb_addf(&value, "%s_%s", n, b->name);
	}
	sb_addf(&check, "    " ASSERT "(((%s.words[%u] >> %u) & 0x%llx) == %s);\n", n, u->tag_index, tshift, tmask, sb_str(&value));
	sb_addf(&ptr_check, "    " ASSERT "(((%s_ptr->words[%u] >> %u) & 0x%llx) == %s);\n", n, u->tag_index, tshift, tmask, sb_str(&value));

	for (size_t i = 0; i < b->nfields; i++) {
		const struct bf_field *fl = &b->fields[i];
		if (!fl->name || is_slice(u, fl->name))
			continue;
		struct access x = field_access(base, fl);
		x.sext = base->sign_extend && fl->high;
		unsigned E = base->bits - 1;
		const char *f = fl->name, *bn = b->name;
		size_t at = out->len;

		sb_addf(out, INLINE " seL4_Uint%u CONST\n%s_%s_get_%s(%s_t %s) {\n    seL4_Uint%u ret;\n" TAG_COMMENT "\n%s\n"
			"    ret = (%s.words[%u] & 0x%llx%s) %s %u;\n", W, n, bn, f, n, n, W, sb_str(&check), n, x.index, x.mask, suf, x.rd, x.shift);
		emit_sign_extend(out, &x, suf, E);
		keep(out, at, o, "%s_%s_get_%s", n, bn, f);
		at = out->len;

		sb_addf(out, INLINE " %s_t CONST\n%s_%s_set_%s(%s_t %s, seL4_Uint%u v%u) {\n" TAG_COMMENT "\n%s" FITS_COMMENT "\n",
			n, n, bn, f, n, n, W, W, sb_str(&check));
		emit_fits(out, &x, suf, W, E, true);
		sb_addf(out, "\n    %s.words[%u] &= ~0x%llx%s;\n    %s.words[%u] |= (v%u %s %u) & 0x%llx%s;\n    return %s;\n}\n\n",
			n, x.index, x.mask, suf, n, x.index, W, x.wr, x.shift, x.mask, suf, n);
		keep(out, at, o, "%s_%s_set_%s", n, bn, f);
		at = out->len;

		sb_addf(out, INLINE " seL4_Uint%u PURE\n%s_%s_ptr_get_%s(%s_t *%s_ptr) {\n    seL4_Uint%u ret;\n" TAG_COMMENT "\n%s\n"
			"    ret = (%s_ptr->words[%u] & 0x%llx%s) %s %u;\n", W, n, bn, f, n, n, W, sb_str(&ptr_check), n, x.index, x.mask, suf, x.rd, x.shift);
		emit_sign_extend(out, &x, suf, E);
		keep(out, at, o, "%s_%s_ptr_get_%s", n, bn, f);
		at = out->len;

		sb_addf(out, INLINE " void\n%s_%s_ptr_set_%s(%s_t *%s_ptr, seL4_Uint%u v%u) {\n" TAG_COMMENT "\n%s\n" FITS_COMMENT "\n",
			n, bn, f, n, n, W, W, sb_str(&ptr_check));
		emit_fits(out, &x, suf, W, E, false);
		sb_addf(out, "\n    %s_ptr->words[%u] &= ~0x%llx%s;\n    %s_ptr->words[%u] |= (v%u %s %u) & 0x%llx%s;\n}\n\n",
			n, x.index, x.mask, suf, n, x.index, W, x.wr, x.shift, x.mask, suf);
		keep(out, at, o, "%s_%s_ptr_set_%s", n, bn, f);
	}
	sb_release(&check);
	sb_release(&ptr_check);
	sb_release(&gen);
	sb_release(&ptr);
	sb_release(&asserts);
	sb_release(&term);
	sb_release(&value);
	sb_release(&fn);
}

static void emit_union(struct sb *out, const struct bf_emit_opts *o, const struct bf_union *u)
{
	emit_struct(out, u->name, u->base->size, u->nwords);
	sb_addf(out, "enum %s_tag {\n", u->name);
	for (size_t i = 0; i < u->ntags; i++)
		sb_addf(out, "    %s_%s = %llu%s\n", u->name, u->tags[i].name, u->tags[i].value, i + 1 < u->ntags ? "," : "");
	sb_addf(out, "};\ntypedef enum %s_tag %s_tag_t;\n\n", u->name, u->name);
	for (int kind = 0; kind < 3; kind++)
		emit_tag_reader(out, o, u, kind);
	for (size_t i = 0; i < u->ntags; i++)
		emit_variant(out, o, u, &u->tags[i]);
}

static int by_block_name(const void *a, const void *b)
{
	return strcmp((*(const struct bf_block *const *)a)->name, (*(const struct bf_block *const *)b)->name);
}

static int by_union_name(const void *a, const void *b)
{
	return strcmp((*(const struct bf_union *const *)a)->name, (*(const struct bf_union *const *)b)->name);
}

static bool ident_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

/* libsel4's words for inline, assert and the word types replaced by the kernel's, whole words
 * only, in the text from `from` on. */
static void to_kernel_spelling(struct sb *out, size_t from)
{
	static const char *const words[][2] = {
		{ INLINE, "static inline" }, { ASSERT, "assert" },     { "seL4_Uint8", "uint8_t" },
		{ "seL4_Uint16", "uint16_t" }, { "seL4_Uint32", "uint32_t" }, { "seL4_Uint64", "uint64_t" },
	};
	struct sb r = SB_INIT;
	const char *s = out->buf ? out->buf + from : "", *end = out->buf ? out->buf + out->len : s;
	while (s < end) {
		size_t k = 0;
		if (!ident_char(*s)) {
			sb_addch(&r, *s++);
			continue;
		}
		while (s + k < end && ident_char(s[k]))
			k++;
		const char *to = NULL;
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]) && !to; i++)
			if (strlen(words[i][0]) == k && !memcmp(words[i][0], s, k))
				to = words[i][1];
		if (to)
			sb_adds(&r, to);
		else
			sb_add(&r, s, k);
		s += k;
	}
	out->len = from;
	sb_add(out, r.buf ? r.buf : "", r.len);
	sb_release(&r);
}

void bf_emit_libsel4(struct sb *out, const struct bf_file *f, const char *from_file)
{
	struct bf_emit_opts o = { .kernel = false, .from_file = from_file };
	bf_emit(out, f, &o);
}

void bf_emit(struct sb *out, const struct bf_file *f, const struct bf_emit_opts *o)
{
	size_t from = out->len;
	if (o->from_file)
		sb_addf(out, "/* generated from %s */\n\n", o->from_file);
	if (o->kernel)
		sb_adds(out, "#pragma once\n\n#include <config.h>\n#include <assert.h>\n#include <stdint.h>\n#include <util.h>\n");
	else
		sb_adds(out, "#pragma once\n\n#include <sel4/config.h>\n#include <sel4/simple_types.h>\n#include <sel4/debug_assert.h>\n");

	const struct bf_block **blocks = calloc(f->nblocks + 1, sizeof(*blocks));
	const struct bf_union **unions = calloc(f->nunions + 1, sizeof(*unions));
	if (!blocks || !unions)
		abort();
	for (size_t i = 0; i < f->nblocks; i++)
		blocks[i] = f->blocks[i];
	for (size_t i = 0; i < f->nunions; i++)
		unions[i] = f->unions[i];
	qsort(blocks, f->nblocks, sizeof(*blocks), by_block_name);
	qsort(unions, f->nunions, sizeof(*unions), by_union_name);
	for (size_t i = 0; i < f->nblocks; i++)
		if (!blocks[i]->tagged)
			emit_block(out, o, blocks[i]);
	for (size_t i = 0; i < f->nunions; i++)
		emit_union(out, o, unions[i]);
	free(blocks);
	free(unions);
	if (o->kernel)
		to_kernel_spelling(out, from);
}
