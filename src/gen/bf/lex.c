/* SPDX-License-Identifier: BSD-2-Clause */
/* The .bf lexer: names, reserved words, integer literals, punctuation, comments, cpp leftovers. */
#include <string.h>

#include "bf_internal.h"

void bf_lex_init(struct bf_lexer *lx, struct arena *a, const char *path, const char *text, size_t len)
{
	lx->arena = a;
	lx->p = text;
	lx->end = text + len;
	lx->line_start = text;
	lx->path = path;
	lx->line = 1;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

static struct loc here(const struct bf_lexer *lx, const char *at)
{
	return (struct loc){ lx->path, lx->line, (unsigned)(at - lx->line_start) + 1 };
}

static bool at_line_start(const struct bf_lexer *lx, const char *hash)
{
	for (const char *q = lx->line_start; q < hash; q++)
		if (*q != ' ' && *q != '\t')
			return false;
	return true;
}

/*
 * A `#` line.  cpp leaves line markers (`# 12 "file.bf" 2`, or `#line 12 "file.bf"`) that say
 * where the next line came from; anything else after `#` (a pragma, or a `#` in mid-line, which
 * the language treats as a comment) is skipped to the end of the line.
 */
static void hash_line(struct bf_lexer *lx)
{
	const char *q = lx->p + 1;
	bool marker = at_line_start(lx, lx->p);
	if (marker) {
		while (q < lx->end && (*q == ' ' || *q == '\t'))
			q++;
		if (lx->end - q >= 4 && !memcmp(q, "line", 4)) {
			q += 4;
			while (q < lx->end && (*q == ' ' || *q == '\t'))
				q++;
		}
		marker = q < lx->end && is_digit(*q);
	}
	if (marker) {
		unsigned long n = 0;
		while (q < lx->end && is_digit(*q) && n < 100000000)
			n = n * 10 + (unsigned long)(*q++ - '0');
		while (q < lx->end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < lx->end && *q == '"') {
			struct sb name = SB_INIT;
			for (q++; q < lx->end && *q != '"' && *q != '\n'; q++) {
				if (*q == '\\' && q + 1 < lx->end && q[1] != '\n')
					q++;
				sb_addch(&name, *q);
			}
			lx->path = arena_strdup(lx->arena, sb_str(&name));
			sb_release(&name);
		}
		/* The newline ending the marker moves to line n. */
		lx->line = (unsigned)n - 1;
	}
	while (lx->p < lx->end && *lx->p != '\n')
		lx->p++;
}

static const struct {
	const char *word;
	enum bf_tok_kind kind;
} reserved[] = {
	{ "base", BF_TOK_BASE },
	{ "block", BF_TOK_BLOCK },
	{ "field", BF_TOK_FIELD },
	{ "field_high", BF_TOK_FIELD_HIGH },
	{ "field_ptr", BF_TOK_FIELD_PTR },
	{ "mask", BF_TOK_MASK },
	{ "padding", BF_TOK_PADDING },
	{ "tagged_union", BF_TOK_TAGGED_UNION },
	{ "tag", BF_TOK_TAG },
};

static void lex_int(struct bf_lexer *lx, struct bf_token *t)
{
	const char *q = lx->p;
	int radix = 10;
	if (q[0] == '0' && q + 1 < lx->end) {
		char c = q[1];
		if ((c == 'x' || c == 'X') && q + 2 < lx->end && digit_value(q[2]) < 16)
			radix = 16, q += 2;
		else if ((c == 'b' || c == 'B') && q + 2 < lx->end && digit_value(q[2]) < 2)
			radix = 2, q += 2;
		else if ((c == 'o' || c == 'O') && q + 2 < lx->end && digit_value(q[2]) < 8)
			radix = 8, q += 2;
		else if (is_digit(c)) {
			/* The language's integer syntax has no bare leading-zero octal. */
			const char *e = q;
			while (e < lx->end && is_digit(*e))
				e++;
			t->kind = BF_TOK_ERROR;
			diag_error(&t->at, "integer '%.*s' has a leading zero", (int)(e - lx->p), lx->p);
			diag_note(&t->at, "write it in decimal, or as 0o%.*s for octal", (int)(e - q - 1), q + 1);
			lx->p = e;
			return;
		}
	}
	unsigned long long v = 0;
	bool overflow = false;
	while (q < lx->end && digit_value(*q) < radix) {
		unsigned d = (unsigned)digit_value(*q++);
		if (v > (0x7fffffffffffffffULL - d) / (unsigned)radix)
			overflow = true;
		else
			v = v * (unsigned)radix + d;
	}
	t->len = (size_t)(q - lx->p);
	lx->p = q;
	if (overflow) {
		t->kind = BF_TOK_ERROR;
		diag_error(&t->at, "integer '%.*s' is too large", (int)t->len, t->text);
		return;
	}
	t->kind = BF_TOK_INT;
	t->value = (long long)v;
}

void bf_lex_next(struct bf_lexer *lx, struct bf_token *t)
{
	for (;;) {
		if (lx->p >= lx->end) {
			*t = (struct bf_token){ BF_TOK_EOF, lx->p, 0, 0, here(lx, lx->p) };
			return;
		}
		char c = *lx->p;
		if (c == '\n') {
			lx->p++;
			lx->line++;
			lx->line_start = lx->p;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			lx->p++;
		} else if (c == '-' && lx->p + 1 < lx->end && lx->p[1] == '-') {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
		} else if (c == '#') {
			hash_line(lx);
		} else {
			break;
		}
	}
	const char *s = lx->p;
	char c = *s;
	*t = (struct bf_token){ BF_TOK_ERROR, s, 1, 0, here(lx, s) };
	if (is_alpha(c)) {
		const char *q = s + 1;
		while (q < lx->end && (is_alpha(*q) || is_digit(*q)))
			q++;
		t->len = (size_t)(q - s);
		lx->p = q;
		if (t->len == 1 && c == '_') {
			diag_error(&t->at, "'_' alone is not a name");
			return;
		}
		t->kind = BF_TOK_IDENT;
		for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
			if (strlen(reserved[i].word) == t->len && !memcmp(reserved[i].word, s, t->len))
				t->kind = reserved[i].kind;
		return;
	}
	if (is_digit(c)) {
		lex_int(lx, t);
		return;
	}
	static const char punct[] = "{}(),+-*/%";
	static const enum bf_tok_kind punct_kind[] = {
		BF_TOK_LBRACE, BF_TOK_RBRACE, BF_TOK_LPAREN, BF_TOK_RPAREN, BF_TOK_COMMA,
		BF_TOK_PLUS, BF_TOK_MINUS, BF_TOK_STAR, BF_TOK_SLASH, BF_TOK_PERCENT,
	};
	const char *pc = c ? strchr(punct, c) : NULL;
	lx->p++;
	if (pc) {
		t->kind = punct_kind[pc - punct];
		return;
	}
	if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7f)
		diag_error(&t->at, "unexpected character '%c'", c);
	else
		diag_error(&t->at, "unexpected byte 0x%02x", (unsigned char)c);
}

const char *bf_tok_describe(enum bf_tok_kind kind)
{
	switch (kind) {
	case BF_TOK_EOF: return "end of input";
	case BF_TOK_ERROR: return "an invalid token";
	case BF_TOK_IDENT: return "a name";
	case BF_TOK_INT: return "an integer";
	case BF_TOK_BASE: return "'base'";
	case BF_TOK_BLOCK: return "'block'";
	case BF_TOK_FIELD: return "'field'";
	case BF_TOK_FIELD_HIGH: return "'field_high'";
	case BF_TOK_FIELD_PTR: return "'field_ptr'";
	case BF_TOK_MASK: return "'mask'";
	case BF_TOK_PADDING: return "'padding'";
	case BF_TOK_TAGGED_UNION: return "'tagged_union'";
	case BF_TOK_TAG: return "'tag'";
	case BF_TOK_LBRACE: return "'{'";
	case BF_TOK_RBRACE: return "'}'";
	case BF_TOK_LPAREN: return "'('";
	case BF_TOK_RPAREN: return "')'";
	case BF_TOK_COMMA: return "','";
	case BF_TOK_PLUS: return "'+'";
	case BF_TOK_MINUS: return "'-'";
	case BF_TOK_STAR: return "'*'";
	case BF_TOK_SLASH: return "'/'";
	case BF_TOK_PERCENT: return "'%'";
	}
	return "?";
}
