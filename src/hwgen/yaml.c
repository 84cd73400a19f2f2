/* SPDX-License-Identifier: BSD-2-Clause */
/* The block-style YAML subset of yaml.h, by indentation: one logical line per entry. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "hwgen/yaml.h"
#include "util/diag.h"

struct line {
	unsigned no;    /* 1-based line number */
	unsigned col;   /* 1-based column of the content (its indentation + 1) */
	const char *s;  /* content, comment and trailing blanks removed */
};

struct parser {
	struct arena *a;
	const char *file;
	struct line *lines;
	size_t n, cap, i;
};

static int fail(const struct parser *p, unsigned line, unsigned col, const char *what, const char *fix)
{
	struct loc at = { p->file, line, col };
	diag_error(&at, "%s", what);
	if (fix)
		diag_note(&at, "%s", fix);
	return -1;
}

/* Split into logical lines; a '#' starts a comment at line start or after a blank, outside
 * quotes. */
static int split_lines(struct parser *p, const char *text)
{
	unsigned no = 0;
	for (const char *l = text; *l;) {
		const char *e = strchr(l, '\n');
		size_t len = e ? (size_t)(e - l) : strlen(l);
		no++;
		char *s = arena_strndup(p->a, l, len);
		l += len + (e ? 1 : 0);
		size_t ind = 0;
		while (s[ind] == ' ')
			ind++;
		if (s[ind] == '\t')
			return fail(p, no, (unsigned)ind + 1, "tab in indentation", "indent with spaces");
		char quote = 0;
		for (size_t k = ind; s[k]; k++) {
			if (quote) {
				if (s[k] == quote)
					quote = 0;
			} else if (s[k] == '\'' || s[k] == '"') {
				if (k == ind || s[k - 1] == ' ')
					quote = s[k];
			} else if (s[k] == '#' && (k == ind || s[k - 1] == ' ' || s[k - 1] == '\t')) {
				s[k] = '\0';
				break;
			}
		}
		size_t end = strlen(s);
		while (end > ind && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
			s[--end] = '\0';
		if (end == ind)
			continue;
		if (!strcmp(s + ind, "---") && p->n == 0 && ind == 0)
			continue;
		p->lines = arena_grow(p->a, p->lines, &p->cap, p->n + 1, sizeof(*p->lines));
		p->lines[p->n++] = (struct line){ no, (unsigned)ind + 1, s + ind };
	}
	return 0;
}

static struct yaml_node *new_node(struct parser *p, enum yaml_kind kind, unsigned line, unsigned col)
{
	struct yaml_node *n = arena_alloc(p->a, sizeof(*n));
	n->kind = kind;
	n->line = line;
	n->col = col;
	return n;
}

static void push(struct parser *p, struct yaml_node *n, const char *key, struct yaml_node *item)
{
	size_t cap = n->cap;
	n->items = arena_grow(p->a, n->items, &cap, n->n + 1, sizeof(*n->items));
	if (n->kind == YAML_MAP) {
		size_t kcap = n->cap;
		n->keys = arena_grow(p->a, n->keys, &kcap, n->n + 1, sizeof(*n->keys));
		n->keys[n->n] = key;
	}
	n->cap = cap;
	n->items[n->n++] = item;
}

static bool all(const char *s, int (*cls)(int))
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!cls((unsigned char)*s))
			return false;
	return true;
}

static int is_hexdigit(int c)
{
	return isxdigit(c);
}

static int is_digit(int c)
{
	return isdigit(c);
}

/* A scalar's text to a typed node (YAML 1.1 resolution as PyYAML does it, refusing the forms
 * we do not carry). */
static struct yaml_node *scalar(struct parser *p, const char *s, unsigned line, unsigned col)
{
	struct yaml_node *n = new_node(p, YAML_SCALAR, line, col);
	n->type = YAML_STR;
	if (*s == '\'' || *s == '"') {
		size_t len = strlen(s);
		if (len < 2 || s[len - 1] != *s || memchr(s + 1, *s, len - 2) || (*s == '"' && strchr(s, '\\'))) {
			fail(p, line, col, "quoted scalar with escapes or text after the closing quote",
			     "write a plain scalar or a simple quoted one");
			return NULL;
		}
		n->str = arena_strndup(p->a, s + 1, len - 2);
		return n;
	}
	if (strchr("[{&*!|>%@`?", *s) || (*s == '-' && (s[1] == ' ' || !s[1]))) {
		fail(p, line, col, "YAML feature outside the subset the hardware rules use",
		     "use block mappings and sequences with plain scalars");
		return NULL;
	}
	if (strstr(s, ": ") || s[strlen(s) - 1] == ':') {
		fail(p, line, col, "unexpected mapping entry", "indent it under a key, or start a new item");
		return NULL;
	}
	n->str = arena_strdup(p->a, s);
	if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE") || !strcmp(s, "false") ||
	    !strcmp(s, "False") || !strcmp(s, "FALSE")) {
		n->type = YAML_BOOL;
		n->num = s[0] == 't' || s[0] == 'T';
		return n;
	}
	if (!strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL")) {
		n->type = YAML_NULL;
		return n;
	}
	static const char *const ambiguous[] = { "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N" };
	for (size_t i = 0; i < sizeof(ambiguous) / sizeof(ambiguous[0]); i++)
		if (!strcmp(s, ambiguous[i])) {
			fail(p, line, col, "ambiguous scalar (a boolean in YAML 1.1)", "write true or false, or quote it");
			return NULL;
		}
	const char *d = s + (*s == '+' || *s == '-');
	if (d[0] == '0' && (d[1] == 'x') && all(d + 2, is_hexdigit)) {
		if (strlen(d + 2) > 16 || *s == '-')
			goto range;
		n->type = YAML_INT;
		n->num = strtoull(d + 2, NULL, 16);
		return n;
	}
	if (all(d, is_digit)) {
		if (d[0] == '0' && d[1]) {
			fail(p, line, col, "integer with a leading zero (octal in YAML 1.1)", "write it in decimal or hex (0x...)");
			return NULL;
		}
		if (strlen(d) > 19 || *s == '-')
			goto range;
		n->type = YAML_INT;
		n->num = strtoull(d, NULL, 10);
		return n;
	}
	if (isdigit((unsigned char)*d) && (strchr(s, '_') || strchr(s, ':') || d[1] == 'b' || d[1] == 'o')) {
		fail(p, line, col, "number in a YAML 1.1 form this reader does not accept (underscores, base 60, 0b, 0o)",
		     "write it in decimal or hex (0x...)");
		return NULL;
	}
	return n;
range:
	fail(p, line, col, "integer out of range (0 to 2^64-1)", NULL);
	return NULL;
}

static struct yaml_node *block(struct parser *p, unsigned col);

/* The value after "key:" or "- ": inline text, or a nested block on the following lines
 * (deeper than `col`; a sequence may sit at `col` itself under a mapping key). */
static struct yaml_node *value(struct parser *p, const char *rest, unsigned line, unsigned col, unsigned rest_col,
			       bool seq_at_same)
{
	if (*rest)
		return scalar(p, rest, line, rest_col);
	if (p->i < p->n) {
		struct line *nx = &p->lines[p->i];
		if (nx->col > col || (seq_at_same && nx->col == col && nx->s[0] == '-' && (nx->s[1] == ' ' || !nx->s[1])))
			return block(p, nx->col);
	}
	struct yaml_node *n = new_node(p, YAML_SCALAR, line, rest_col);
	n->type = YAML_NULL;
	n->str = "";
	return n;
}

static bool is_item(const char *s)
{
	return s[0] == '-' && (s[1] == ' ' || !s[1]);
}

/* A mapping entry's key (plain, no ": " inside) and where its value text starts. */
static int split_key(struct parser *p, struct line *l, const char **key, const char **rest, unsigned *rest_col)
{
	const char *c = strstr(l->s, ": ");
	size_t len = strlen(l->s);
	if (!c && l->s[len - 1] == ':')
		c = l->s + len - 1;
	if (!c)
		return fail(p, l->no, l->col, "expected 'key: value' or a '- ' item", NULL);
	if (strchr("[{&*!|>%@`?'\"", l->s[0]))
		return fail(p, l->no, l->col, "YAML key form outside the subset the hardware rules use", "write a plain key");
	*key = arena_strndup(p->a, l->s, (size_t)(c - l->s));
	const char *r = c + 1;
	while (*r == ' ')
		r++;
	*rest = r;
	*rest_col = l->col + (unsigned)(r - l->s);
	return 0;
}

static struct yaml_node *block(struct parser *p, unsigned col)
{
	struct line *first = &p->lines[p->i];
	bool seq = is_item(first->s);
	struct yaml_node *n = new_node(p, seq ? YAML_SEQ : YAML_MAP, first->no, first->col);
	while (p->i < p->n) {
		struct line *l = &p->lines[p->i];
		if (l->col < col)
			break;
		if (l->col > col) {
			fail(p, l->no, l->col, "unexpected indentation", "align it with the entries above");
			return NULL;
		}
		if (seq != is_item(l->s)) {
			if (seq)
				break; /* a sequence at its key's own indentation ended: back to the map */
			fail(p, l->no, l->col, "expected 'key: value', not a '- ' item", NULL);
			return NULL;
		}
		struct yaml_node *v;
		if (seq) {
			const char *rest = l->s + 1;
			while (*rest == ' ')
				rest++;
			unsigned rcol = l->col + (unsigned)(rest - l->s);
			if (*rest && !strchr("'\"", *rest) && (strstr(rest, ": ") || rest[strlen(rest) - 1] == ':')) {
				/* "- key: value": a mapping whose entries sit at rcol */
				l->s = rest;
				l->col = rcol;
				v = block(p, rcol);
			} else {
				p->i++;
				v = value(p, rest, l->no, col, rcol, false);
			}
			if (!v)
				return NULL;
			push(p, n, NULL, v);
		} else {
			const char *key, *rest;
			unsigned rcol;
			if (split_key(p, l, &key, &rest, &rcol))
				return NULL;
			for (size_t k = 0; k < n->n; k++)
				if (!strcmp(n->keys[k], key)) {
					fail(p, l->no, l->col, "duplicate key", "each key may appear once in a mapping");
					return NULL;
				}
			p->i++;
			v = value(p, rest, l->no, col, rcol, true);
			if (!v)
				return NULL;
			push(p, n, key, v);
		}
	}
	return n;
}

struct yaml_node *yaml_parse(struct arena *a, const char *file, const char *text)
{
	struct parser p = { a, file, NULL, 0, 0, 0 };
	if (split_lines(&p, text))
		return NULL;
	if (p.n == 0) {
		fail(&p, 1, 1, "empty document", NULL);
		return NULL;
	}
	if (p.lines[0].col != 1) {
		fail(&p, p.lines[0].no, p.lines[0].col, "the document must start at column 1", NULL);
		return NULL;
	}
	struct yaml_node *root = block(&p, 1);
	if (root && p.i < p.n) {
		fail(&p, p.lines[p.i].no, p.lines[p.i].col, "unexpected text after the document", NULL);
		return NULL;
	}
	return root;
}

struct yaml_node *yaml_get(const struct yaml_node *m, const char *key)
{
	if (!m || m->kind != YAML_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->keys[i], key))
			return m->items[i];
	return NULL;
}
