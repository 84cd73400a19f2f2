/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * seL4's bitfield description language (.bf) as a model, and the emitter of the C header that
 * libsel4 builds from it (shared_types_gen.h, sel4_arch/types_gen.h).
 *
 * Three steps, each reporting through diag_error() and failing with NULL / -1:
 *   bf_parse()   text (already run through cpp; line markers honoured) -> declarations
 *   bf_layout()  sizes evaluated, offsets assigned, every consistency rule checked
 *   bf_emit_libsel4()  the header, function for function as seL4's own generator writes it
 * The model lives in the arena passed to bf_parse().
 */
#ifndef SELFE_BF_H
#define SELFE_BF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/diag.h"
#include "util/sb.h"

/* A size or value expression, kept unevaluated because field sizes may name word_size and
 * canonical_size, which are only known per base. */
enum bf_expr_kind { BF_EXPR_INT, BF_EXPR_NAME, BF_EXPR_NEG, BF_EXPR_BINARY };

struct bf_expr {
	enum bf_expr_kind kind;
	long long value;         /* BF_EXPR_INT */
	const char *name;        /* BF_EXPR_NAME */
	char op;                 /* BF_EXPR_BINARY: one of + - * / % */
	const struct bf_expr *lhs, *rhs; /* BF_EXPR_NEG uses lhs only */
	struct loc at;
};

/* `base N` or `base N(M,s)`: word size N, canonical (pointer) width M, sign extension s. */
struct bf_base {
	unsigned size;
	unsigned bits;
	unsigned sign_extend;
	struct loc at;
};

/* One entry of a block, most significant first.  Padding has name NULL.  `field_ptr` is
 * written as a padding entry followed by a high field, which is what it means. */
struct bf_field {
	const char *name;
	bool high;
	bool from_ptr; /* part of a field_ptr declaration */
	const struct bf_expr *size_expr;
	struct loc at;
	/* bf_layout(): */
	unsigned size;
	unsigned offset; /* of the least significant bit, counted from bit 0 of words[0] */
};

struct bf_block {
	const char *name;
	const struct bf_base *base;
	struct bf_field *fields;
	size_t nfields;
	/* `block Name(a, b, ...)`: the order of the constructor's parameters. */
	bool has_order;
	const char **order;
	struct loc *order_at;
	size_t norder;
	struct loc at;
	/* bf_layout(): */
	unsigned size, nwords;
	const char **params; /* constructor parameters: `order` or the named fields as declared */
	size_t nparams;
	bool tagged;         /* a variant of some tagged union: no accessors of its own */
	bool laid_out;       /* its layout succeeded */
};

/* `mask WIDTH CLASSMASK` inside a tagged union (variable-width tags). */
struct bf_mask {
	long long width, mask;
	struct loc at;
};

struct bf_tag {
	const char *name;   /* the block that is this variant */
	long long *values;  /* one value, or one per tag slice */
	size_t nvalues;
	struct loc at;
	/* bf_layout(): */
	struct bf_block *block;
	unsigned long long value; /* the enum value (slices packed, first slice lowest) */
};

/* Where a tag of one width (or one slice of a sliced tag) sits. */
struct bf_tag_part {
	unsigned width;
	unsigned offset;              /* absolute bit offset in the block */
	unsigned long long classmask; /* widths only: relative to the union's class offset */
};

struct bf_union {
	const char *name;
	const char *tagname;
	const struct bf_base *base;
	const char **slices; /* `tagged_union U t (a, b)`; empty when not given */
	struct loc *slices_at;
	size_t nslices;
	struct bf_mask *masks;
	size_t nmasks;
	struct bf_tag *tags;
	size_t ntags;
	struct loc at;
	/* bf_layout(): */
	bool sliced;
	unsigned size, nwords;
	unsigned tag_index;        /* the word holding the tag */
	unsigned class_offset;     /* widths only */
	struct bf_tag_part *parts; /* widths ascending, or slices in declared order */
	size_t nparts;
	unsigned long long tag_mask; /* slices only: every slice bit, within its word */
};

/* Declarations in file order. */
struct bf_file {
	const char *path;
	struct bf_base **bases;
	size_t nbases;
	struct bf_block **blocks;
	size_t nblocks;
	struct bf_union **unions;
	size_t nunions;
};

struct bf_file *bf_parse(struct arena *a, const char *path, const char *text, size_t len);

/* Evaluates sizes, assigns offsets and checks every rule; reports each fault, returns 0 or -1. */
int bf_layout(struct arena *a, struct bf_file *f);

/* bf_parse() then bf_layout(); NULL on any error. */
struct bf_file *bf_load(struct arena *a, const char *path, const char *text, size_t len);

/*
 * The libsel4 header for a laid-out file.  `from_file`, when not NULL, is named in the opening
 * comment, as libsel4's build names the .bf source it preprocessed.
 */
void bf_emit_libsel4(struct sb *out, const struct bf_file *f, const char *from_file);

/*
 * The header in either environment seL4's generator knows: libsel4 (seL4_Uint64,
 * LIBSEL4_INLINE_FUNC, seL4_DebugAssert) or the kernel's own (uint64_t, static inline, assert,
 * and the kernel's includes).  `wanted`, when set, filters functions by name (the kernel passes
 * the names its preprocessed sources mention); struct and enum definitions are always written.
 */
struct bf_emit_opts {
	bool kernel;
	const char *from_file;
	bool (*wanted)(void *ctx, const char *name);
	void *ctx;
};
void bf_emit(struct sb *out, const struct bf_file *f, const struct bf_emit_opts *o);

#endif
