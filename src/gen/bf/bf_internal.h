/* SPDX-License-Identifier: BSD-2-Clause */
/* Pieces shared inside the bitfield module: the lexer and expression evaluation. */
#ifndef SELFE_BF_INTERNAL_H
#define SELFE_BF_INTERNAL_H

#include "bf.h"

enum bf_tok_kind {
	BF_TOK_EOF,
	BF_TOK_ERROR, /* already reported */
	BF_TOK_IDENT,
	BF_TOK_INT,
	/* reserved words */
	BF_TOK_BASE,
	BF_TOK_BLOCK,
	BF_TOK_FIELD,
	BF_TOK_FIELD_HIGH,
	BF_TOK_FIELD_PTR,
	BF_TOK_MASK,
	BF_TOK_PADDING,
	BF_TOK_TAGGED_UNION,
	BF_TOK_TAG,
	/* punctuation */
	BF_TOK_LBRACE,
	BF_TOK_RBRACE,
	BF_TOK_LPAREN,
	BF_TOK_RPAREN,
	BF_TOK_COMMA,
	BF_TOK_PLUS,
	BF_TOK_MINUS,
	BF_TOK_STAR,
	BF_TOK_SLASH,
	BF_TOK_PERCENT,
};

struct bf_token {
	enum bf_tok_kind kind;
	const char *text; /* start in the input */
	size_t len;
	long long value;  /* BF_TOK_INT */
	struct loc at;
};

struct bf_lexer {
	struct arena *arena;
	const char *p, *end;
	const char *line_start;
	const char *path; /* as named by the latest line marker */
	unsigned line;
};

void bf_lex_init(struct bf_lexer *lx, struct arena *a, const char *path, const char *text, size_t len);
void bf_lex_next(struct bf_lexer *lx, struct bf_token *t);
/* How a token kind is spelled in messages, e.g. "'{'" or "a name". */
const char *bf_tok_describe(enum bf_tok_kind kind);

/* Names an expression may use: word_size and canonical_size, or none (NULL). */
struct bf_consts {
	long long word_size, canonical_size;
};

/* Evaluates with floor division and modulo taking the divisor's sign; reports and returns -1
 * on an unknown name, division by zero or overflow. */
int bf_eval(const struct bf_expr *e, const struct bf_consts *consts, long long *out);

#endif
