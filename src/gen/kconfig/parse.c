/* SPDX-License-Identifier: BSD-2-Clause */
/* Reading CMake command syntax into commands with raw arguments, and matching block structure. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/xalloc.h"

struct lexer {
	struct kcfg *k;
	const char *path;
	const char *p;
	unsigned line;
};

static int lex_error(struct lexer *lx, const char *msg)
{
	struct loc at = { lx->path, lx->line, 0 };
	return diag_error(&at, "%s", msg);
}

/* `[==[` at p: returns the number of '=' and sets *open_len, or -1. */
static int bracket_open(const char *p, size_t *open_len)
{
	if (*p != '[')
		return -1;
	size_t eq = 0;
	while (p[1 + eq] == '=')
		eq++;
	if (p[1 + eq] != '[')
		return -1;
	*open_len = eq + 2;
	return (int)eq;
}

/* Skips a bracket body; returns its end (after the close) or NULL when unterminated. */
static const char *bracket_skip(struct lexer *lx, const char *p, int eq, const char **body, size_t *blen)
{
	const char *start = p;
	for (; *p; p++) {
		if (*p == '\n')
			lx->line++;
		if (*p == ']') {
			int i = 0;
			while (i < eq && p[1 + i] == '=')
				i++;
			if (i == eq && p[1 + eq] == ']') {
				*body = start;
				*blen = (size_t)(p - start);
				return p + eq + 2;
			}
		}
	}
	return NULL;
}

/* Whitespace, newlines and comments between commands or arguments. */
static int skip_space(struct lexer *lx)
{
	for (;;) {
		char c = *lx->p;
		if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			lx->p++;
		} else if (c == '#') {
			size_t ol;
			int eq = bracket_open(lx->p + 1, &ol);
			if (eq >= 0) {
				const char *b;
				size_t bl;
				const char *e = bracket_skip(lx, lx->p + 1 + ol, eq, &b, &bl);
				if (!e)
					return lex_error(lx, "unterminated bracket comment");
				lx->p = e;
			} else {
				while (*lx->p && *lx->p != '\n')
					lx->p++;
			}
		} else {
			return 0;
		}
	}
}

static void push_arg(struct kcfg *k, struct kcfg_cmd *c, size_t *cap, const char *t, size_t len,
		     enum kcfg_arg_kind kind)
{
	c->args = arena_grow(k->arena, c->args, cap, c->nargs + 1, sizeof *c->args);
	c->args[c->nargs++] = (struct kcfg_rawarg){ t, len, kind };
}

static int parse_args(struct lexer *lx, struct kcfg_cmd *c)
{
	size_t cap = 0;
	int depth = 0;
	for (;;) {
		if (skip_space(lx))
			return -1;
		const char *p = lx->p;
		if (!*p)
			return lex_error(lx, "missing ')' at end of file");
		if (*p == ')') {
			lx->p++;
			if (depth == 0)
				return 0;
			depth--;
			push_arg(lx->k, c, &cap, ")", 1, KCFG_UNQUOTED);
			continue;
		}
		if (*p == '(') {
			lx->p++;
			depth++;
			push_arg(lx->k, c, &cap, "(", 1, KCFG_UNQUOTED);
			continue;
		}
		size_t ol;
		int eq = bracket_open(p, &ol);
		if (eq >= 0) {
			const char *b;
			size_t bl;
			const char *body = p + ol;
			/* A newline right after the opening bracket is not part of the argument. */
			if (*body == '\n') {
				body++;
				lx->line++;
			} else if (body[0] == '\r' && body[1] == '\n') {
				body += 2;
				lx->line++;
			}
			const char *e = bracket_skip(lx, body, eq, &b, &bl);
			if (!e)
				return lex_error(lx, "unterminated bracket argument");
			push_arg(lx->k, c, &cap, b, bl, KCFG_BRACKET);
			lx->p = e;
			continue;
		}
		if (*p == '"') {
			const char *s = ++p;
			while (*p && *p != '"') {
				if (*p == '\\' && p[1]) {
					if (p[1] == '\n')
						lx->line++;
					p += 2;
					continue;
				}
				if (*p == '\n')
					lx->line++;
				p++;
			}
			if (!*p)
				return lex_error(lx, "unterminated quoted argument");
			push_arg(lx->k, c, &cap, s, (size_t)(p - s), KCFG_QUOTED);
			lx->p = p + 1;
			continue;
		}
		/* Unquoted: up to whitespace or parenthesis; "..." inside (legacy) and ${...} with spaces
		 * are not supported, escapes are. */
		const char *s = p;
		while (*p && !strchr(" \t\r\n()#\"", *p)) {
			if (*p == '\\' && p[1])
				p++;
			p++;
		}
		if (p == s)
			return lex_error(lx, "unexpected character in arguments");
		push_arg(lx->k, c, &cap, s, (size_t)(p - s), KCFG_UNQUOTED);
		lx->p = p;
	}
}

static bool is(const struct kcfg_cmd *c, const char *name)
{
	return strcmp(c->name, name) == 0;
}

/* Pair block openers with their closers; if-chains link each clause to the next. */
static int match_blocks(struct lexer *lx, struct kcfg_file *f)
{
	size_t *stack = xmalloc((f->n + 1) * sizeof *stack), sp = 0;
	int rc = 0;
	for (size_t i = 0; i < f->n && rc == 0; i++) {
		struct kcfg_cmd *c = &f->cmds[i];
		c->next = c->end = f->n;
		if (is(c, "if") || is(c, "foreach") || is(c, "while") || is(c, "function") || is(c, "macro")) {
			stack[sp++] = i;
			continue;
		}
		const char *opener = is(c, "endif") || is(c, "elseif") || is(c, "else") ? "if"
				     : is(c, "endforeach")				  ? "foreach"
				     : is(c, "endwhile")				  ? "while"
				     : is(c, "endfunction")				  ? "function"
				     : is(c, "endmacro")				  ? "macro"
											  : NULL;
		if (!opener)
			continue;
		if (sp == 0 || !is(&f->cmds[stack[sp - 1]], opener)) {
			lx->line = c->line;
			rc = lex_error(lx, "block closer without a matching opener");
			break;
		}
		struct kcfg_cmd *o = &f->cmds[stack[sp - 1]];
		if (is(c, "elseif") || is(c, "else")) {
			/* Walk to the last clause so far and link it here. */
			struct kcfg_cmd *last = o;
			while (last->next != f->n)
				last = &f->cmds[last->next];
			last->next = i;
			continue;
		}
		sp--;
		o->end = i;
		if (is(o, "if")) {
			struct kcfg_cmd *last = o;
			while (last->next != f->n) {
				last->end = i;
				last = &f->cmds[last->next];
			}
			last->end = i;
			last->next = i;
		}
	}
	if (rc == 0 && sp) {
		lx->line = f->cmds[stack[sp - 1]].line;
		rc = lex_error(lx, "block is not closed");
	}
	free(stack);
	return rc;
}

struct kcfg_file *kcfg_parse(struct kcfg *k, const char *path, const char *text)
{
	struct lexer lx = { k, path, text, 1 };
	struct kcfg_file *f = arena_alloc(k->arena, sizeof *f);
	f->path = arena_strdup(k->arena, path);
	lx.path = f->path;
	size_t cap = 0;
	for (;;) {
		if (skip_space(&lx))
			return NULL;
		if (!*lx.p)
			break;
		const char *s = lx.p;
		if (!(isalpha((unsigned char)*s) || *s == '_'))
			return lex_error(&lx, "expected a command name"), NULL;
		while (isalnum((unsigned char)*lx.p) || *lx.p == '_')
			lx.p++;
		struct kcfg_cmd c = { 0 };
		c.name = arena_strndup(k->arena, s, (size_t)(lx.p - s));
		for (char *q = c.name; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		c.line = lx.line;
		while (*lx.p == ' ' || *lx.p == '\t')
			lx.p++;
		if (*lx.p != '(')
			return lex_error(&lx, "expected '(' after the command name"), NULL;
		lx.p++;
		if (parse_args(&lx, &c))
			return NULL;
		f->cmds = arena_grow(k->arena, f->cmds, &cap, f->n + 1, sizeof *f->cmds);
		f->cmds[f->n++] = c;
	}
	if (match_blocks(&lx, f))
		return NULL;
	return f;
}
