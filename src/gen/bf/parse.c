/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The .bf parser: a recursive-descent reading of the language's grammar.  A file is a sequence
 * of `base`, `block` and `tagged_union` declarations; blocks and unions belong to the latest
 * base.  The first syntax error ends the parse.
 */
#include <string.h>

#include "bf_internal.h"

struct parser {
	struct arena *a;
	struct bf_lexer lx;
	struct bf_token tok;
	struct bf_file *file;
	const struct bf_base *base;
	size_t cap_bases, cap_blocks, cap_unions;
};

static void advance(struct parser *p)
{
	bf_lex_next(&p->lx, &p->tok);
}

/* Reports "expected X, found Y" at the current token (unless the lexer already reported it). */
static int unexpected(struct parser *p, const char *expected)
{
	if (p->tok.kind == BF_TOK_ERROR)
		return -1;
	if (p->tok.kind == BF_TOK_IDENT || p->tok.kind == BF_TOK_INT)
		return diag_error(&p->tok.at, "expected %s, found '%.*s'", expected, (int)p->tok.len, p->tok.text);
	return diag_error(&p->tok.at, "expected %s, found %s", expected, bf_tok_describe(p->tok.kind));
}

static int expect(struct parser *p, enum bf_tok_kind kind, const char *expected)
{
	if (p->tok.kind != kind)
		return unexpected(p, expected ? expected : bf_tok_describe(kind));
	advance(p);
	return 0;
}

static const char *expect_name(struct parser *p, const char *what, struct loc *at)
{
	if (p->tok.kind != BF_TOK_IDENT) {
		if (p->tok.kind >= BF_TOK_BASE && p->tok.kind <= BF_TOK_TAG) {
			diag_error(&p->tok.at, "expected %s, found the reserved word '%.*s'", what, (int)p->tok.len, p->tok.text);
			return NULL;
		}
		unexpected(p, what);
		return NULL;
	}
	const char *name = arena_strndup(p->a, p->tok.text, p->tok.len);
	if (at)
		*at = p->tok.at;
	advance(p);
	return name;
}

/* name-list = "(" [ name *( "," name ) ] ")"; the current token is "(".  Names and where they
 * stand are appended to *names / *ats; `allow_empty` accepts "()". */
static int parse_name_list(struct parser *p, const char *what, bool allow_empty, const char ***names, struct loc **ats,
			   size_t *n)
{
	size_t cap = 0, cap_at = 0;
	advance(p);
	if (allow_empty && p->tok.kind == BF_TOK_RPAREN) {
		advance(p);
		return 0;
	}
	for (;;) {
		struct loc at;
		const char *name = expect_name(p, what, &at);
		if (!name)
			return -1;
		*names = arena_grow(p->a, *names, &cap, *n + 1, sizeof(**names));
		*ats = arena_grow(p->a, *ats, &cap_at, *n + 1, sizeof(**ats));
		(*ats)[*n] = at;
		(*names)[(*n)++] = name;
		if (p->tok.kind == BF_TOK_RPAREN)
			break;
		if (expect(p, BF_TOK_COMMA, "',' or ')'") < 0)
			return -1;
	}
	advance(p);
	return 0;
}

/* --- expressions: + - lowest, then * / %, unary minus binds tightest ------------------------- */

static struct bf_expr *parse_expr(struct parser *p);

static struct bf_expr *new_expr(struct parser *p, enum bf_expr_kind kind, struct loc at)
{
	struct bf_expr *e = arena_alloc(p->a, sizeof(*e));
	e->kind = kind;
	e->at = at;
	return e;
}

static struct bf_expr *parse_unary(struct parser *p)
{
	struct loc at = p->tok.at;
	struct bf_expr *e;
	switch (p->tok.kind) {
	case BF_TOK_MINUS:
		advance(p);
		e = new_expr(p, BF_EXPR_NEG, at);
		e->lhs = parse_unary(p);
		return e->lhs ? e : NULL;
	case BF_TOK_LPAREN:
		advance(p);
		e = parse_expr(p);
		if (!e || expect(p, BF_TOK_RPAREN, NULL) < 0)
			return NULL;
		return e;
	case BF_TOK_INT:
		e = new_expr(p, BF_EXPR_INT, at);
		e->value = p->tok.value;
		advance(p);
		return e;
	case BF_TOK_IDENT:
		e = new_expr(p, BF_EXPR_NAME, at);
		e->name = arena_strndup(p->a, p->tok.text, p->tok.len);
		advance(p);
		return e;
	default:
		unexpected(p, "an integer expression");
		return NULL;
	}
}

static int precedence(enum bf_tok_kind kind, char *op)
{
	switch (kind) {
	case BF_TOK_PLUS: *op = '+'; return 1;
	case BF_TOK_MINUS: *op = '-'; return 1;
	case BF_TOK_STAR: *op = '*'; return 2;
	case BF_TOK_SLASH: *op = '/'; return 2;
	case BF_TOK_PERCENT: *op = '%'; return 2;
	default: return 0;
	}
}

/* Continues an expression whose left operand is already read (all operators associate left). */
static struct bf_expr *parse_binary(struct parser *p, struct bf_expr *lhs, int min_prec)
{
	char op;
	int prec;
	while (lhs && (prec = precedence(p->tok.kind, &op)) >= min_prec && prec > 0) {
		struct loc at = p->tok.at;
		advance(p);
		struct bf_expr *rhs = parse_unary(p);
		char op2;
		int prec2;
		while (rhs && (prec2 = precedence(p->tok.kind, &op2)) > prec)
			rhs = parse_binary(p, rhs, prec2);
		if (!rhs)
			return NULL;
		struct bf_expr *e = new_expr(p, BF_EXPR_BINARY, at);
		e->op = op;
		e->lhs = lhs;
		e->rhs = rhs;
		lhs = e;
	}
	return lhs;
}

static struct bf_expr *parse_expr(struct parser *p)
{
	return parse_binary(p, parse_unary(p), 1);
}

/* An expression that must be a constant now (no word_size here). */
static int parse_const(struct parser *p, long long *out)
{
	struct bf_expr *e = parse_expr(p);
	return e ? bf_eval(e, NULL, out) : -1;
}

/* --- declarations -------------------------------------------------------------------------- */

static int parse_base(struct parser *p)
{
	struct bf_base *b = arena_alloc(p->a, sizeof(*b));
	b->at = p->tok.at;
	advance(p);
	long long size, bits, sext = 0;
	struct loc size_at = p->tok.at, bits_at, sext_at;
	if (parse_const(p, &size) < 0)
		return -1;
	bits = size;
	bits_at = size_at;
	sext_at = size_at;
	if (p->tok.kind == BF_TOK_LPAREN) {
		advance(p);
		bits_at = p->tok.at;
		if (parse_const(p, &bits) < 0 || expect(p, BF_TOK_COMMA, NULL) < 0)
			return -1;
		sext_at = p->tok.at;
		if (parse_const(p, &sext) < 0 || expect(p, BF_TOK_RPAREN, NULL) < 0)
			return -1;
	}
	if (size != 8 && size != 16 && size != 32 && size != 64) {
		diag_error(&size_at, "invalid base size %lld", size);
		diag_note(&size_at, "the base is the word size: 8, 16, 32 or 64");
		return -1;
	}
	if (bits < 1 || bits > size)
		return diag_error(&bits_at, "canonical size %lld is not between 1 and the base size %lld", bits, size);
	if (sext != 0 && sext != 1)
		return diag_error(&sext_at, "sign extension flag must be 0 or 1, not %lld", sext);
	b->size = (unsigned)size;
	b->bits = (unsigned)bits;
	b->sign_extend = (unsigned)sext;
	p->file->bases = arena_grow(p->a, p->file->bases, &p->cap_bases, p->file->nbases + 1, sizeof(b));
	p->file->bases[p->file->nbases++] = b;
	p->base = b;
	return 0;
}

static int no_base(struct parser *p, const char *what)
{
	diag_error(&p->tok.at, "'%s' before any 'base' declaration", what);
	diag_note(&p->tok.at, "declare the word size first, e.g. 'base 64'");
	return -1;
}

static struct bf_field *add_field(struct parser *p, struct bf_block *b, size_t *cap)
{
	b->fields = arena_grow(p->a, b->fields, cap, b->nfields + 1, sizeof(*b->fields));
	struct bf_field *f = &b->fields[b->nfields++];
	memset(f, 0, sizeof(*f));
	return f;
}

static struct bf_expr *name_expr(struct parser *p, const char *name, struct loc at)
{
	struct bf_expr *e = new_expr(p, BF_EXPR_NAME, at);
	e->name = name;
	return e;
}

static struct bf_expr *binary(struct parser *p, char op, const struct bf_expr *l, const struct bf_expr *r, struct loc at)
{
	struct bf_expr *e = new_expr(p, BF_EXPR_BINARY, at);
	e->op = op;
	e->lhs = l;
	e->rhs = r;
	return e;
}

/*
 * `field_ptr NAME SIZE` holds a canonical pointer in SIZE bits, of which the top canonical_size
 * bits are stored: padding SIZE - canonical_size, then a high field of canonical_size bits.
 * `field_ptr(ALIGN) NAME SIZE` drops ALIGN further low bits known to be zero: padding
 * SIZE - canonical_size + ALIGN, high field canonical_size - ALIGN.
 */
static int parse_field_ptr(struct parser *p, struct bf_block *b, size_t *cap, struct loc at)
{
	const struct bf_expr *align = NULL;
	if (p->tok.kind == BF_TOK_LPAREN) {
		advance(p);
		align = parse_expr(p);
		if (!align || expect(p, BF_TOK_RPAREN, NULL) < 0)
			return -1;
	}
	struct loc name_at;
	const char *name = expect_name(p, "a field name", &name_at);
	if (!name)
		return -1;
	const struct bf_expr *size = parse_expr(p);
	if (!size)
		return -1;
	const struct bf_expr *canon = name_expr(p, "canonical_size", name_at);
	struct bf_field *pad = add_field(p, b, cap);
	pad->at = at;
	pad->from_ptr = true;
	pad->size_expr = binary(p, '-', size, canon, size->at);
	if (align)
		pad->size_expr = binary(p, '+', pad->size_expr, align, align->at);
	struct bf_field *f = add_field(p, b, cap);
	f->name = name;
	f->high = true;
	f->from_ptr = true;
	f->at = name_at;
	f->size_expr = align ? binary(p, '-', canon, align, align->at) : canon;
	return 0;
}

static int parse_block(struct parser *p)
{
	if (!p->base)
		return no_base(p, "block");
	struct bf_block *b = arena_alloc(p->a, sizeof(*b));
	b->base = p->base;
	advance(p);
	if (!(b->name = expect_name(p, "a block name", &b->at)))
		return -1;
	if (p->tok.kind == BF_TOK_LPAREN) {
		b->has_order = true;
		if (parse_name_list(p, "a field name", true, &b->order, &b->order_at, &b->norder) < 0)
			return -1;
	}
	if (expect(p, BF_TOK_LBRACE, NULL) < 0)
		return -1;
	size_t cap = 0;
	for (;;) {
		struct loc at = p->tok.at;
		enum bf_tok_kind kind = p->tok.kind;
		if (kind == BF_TOK_RBRACE)
			break;
		if (kind == BF_TOK_FIELD || kind == BF_TOK_FIELD_HIGH) {
			advance(p);
			struct loc name_at;
			const char *name = expect_name(p, "a field name", &name_at);
			if (!name)
				return -1;
			const struct bf_expr *size = parse_expr(p);
			if (!size)
				return -1;
			struct bf_field *f = add_field(p, b, &cap);
			f->name = name;
			f->high = kind == BF_TOK_FIELD_HIGH;
			f->size_expr = size;
			f->at = name_at;
		} else if (kind == BF_TOK_FIELD_PTR) {
			advance(p);
			if (parse_field_ptr(p, b, &cap, at) < 0)
				return -1;
		} else if (kind == BF_TOK_PADDING) {
			advance(p);
			const struct bf_expr *size = parse_expr(p);
			if (!size)
				return -1;
			struct bf_field *f = add_field(p, b, &cap);
			f->size_expr = size;
			f->at = at;
		} else {
			return unexpected(p, "'field', 'field_high', 'field_ptr', 'padding' or '}'");
		}
	}
	advance(p);
	p->file->blocks = arena_grow(p->a, p->file->blocks, &p->cap_blocks, p->file->nblocks + 1, sizeof(b));
	p->file->blocks[p->file->nblocks++] = b;
	return 0;
}

/*
 * A tag's value: an expression, or `(v1, v2, ...)` with one value per tag slice.  `(e)` followed
 * by an operator is an ordinary parenthesised expression.
 */
static int parse_tag_value(struct parser *p, struct bf_tag *t)
{
	size_t cap = 0;
	if (p->tok.kind != BF_TOK_LPAREN) {
		t->values = arena_grow(p->a, t->values, &cap, 1, sizeof(*t->values));
		t->nvalues = 1;
		return parse_const(p, &t->values[0]);
	}
	advance(p);
	struct bf_expr *first = parse_expr(p);
	if (!first)
		return -1;
	long long v;
	if (p->tok.kind != BF_TOK_COMMA) {
		if (expect(p, BF_TOK_RPAREN, "',' or ')'") < 0)
			return -1;
		first = parse_binary(p, first, 1);
		if (!first || bf_eval(first, NULL, &v) < 0)
			return -1;
		t->values = arena_grow(p->a, t->values, &cap, 1, sizeof(*t->values));
		t->values[t->nvalues++] = v;
		return 0;
	}
	if (bf_eval(first, NULL, &v) < 0)
		return -1;
	t->values = arena_grow(p->a, t->values, &cap, 1, sizeof(*t->values));
	t->values[t->nvalues++] = v;
	while (p->tok.kind == BF_TOK_COMMA) {
		advance(p);
		if (parse_const(p, &v) < 0)
			return -1;
		t->values = arena_grow(p->a, t->values, &cap, t->nvalues + 1, sizeof(*t->values));
		t->values[t->nvalues++] = v;
	}
	return expect(p, BF_TOK_RPAREN, "',' or ')'");
}

static int parse_union(struct parser *p)
{
	if (!p->base)
		return no_base(p, "tagged_union");
	struct bf_union *u = arena_alloc(p->a, sizeof(*u));
	u->base = p->base;
	advance(p);
	if (!(u->name = expect_name(p, "a tagged union name", &u->at)))
		return -1;
	if (!(u->tagname = expect_name(p, "the tag field's name", NULL)))
		return -1;
	if (p->tok.kind == BF_TOK_LPAREN) {
		if (parse_name_list(p, "a tag slice (field name)", false, &u->slices, &u->slices_at, &u->nslices) < 0)
			return -1;
	}
	if (expect(p, BF_TOK_LBRACE, NULL) < 0)
		return -1;
	size_t cap_masks = 0, cap_tags = 0;
	while (p->tok.kind == BF_TOK_MASK) {
		struct bf_mask m = { 0, 0, p->tok.at };
		advance(p);
		if (parse_const(p, &m.width) < 0 || parse_const(p, &m.mask) < 0)
			return -1;
		u->masks = arena_grow(p->a, u->masks, &cap_masks, u->nmasks + 1, sizeof(*u->masks));
		u->masks[u->nmasks++] = m;
	}
	while (p->tok.kind == BF_TOK_TAG) {
		advance(p);
		u->tags = arena_grow(p->a, u->tags, &cap_tags, u->ntags + 1, sizeof(*u->tags));
		struct bf_tag *t = &u->tags[u->ntags++];
		memset(t, 0, sizeof(*t));
		if (!(t->name = expect_name(p, "a block name", &t->at)))
			return -1;
		if (parse_tag_value(p, t) < 0)
			return -1;
	}
	if (p->tok.kind == BF_TOK_MASK) {
		diag_error(&p->tok.at, "'mask' after a 'tag'");
		diag_note(&p->tok.at, "list every mask before the first tag");
		return -1;
	}
	if (expect(p, BF_TOK_RBRACE, u->ntags ? "'tag' or '}'" : "'mask', 'tag' or '}'") < 0)
		return -1;
	p->file->unions = arena_grow(p->a, p->file->unions, &p->cap_unions, p->file->nunions + 1, sizeof(u));
	p->file->unions[p->file->nunions++] = u;
	return 0;
}

struct bf_file *bf_parse(struct arena *a, const char *path, const char *text, size_t len)
{
	struct parser p = { .a = a };
	p.file = arena_alloc(a, sizeof(*p.file));
	p.file->path = path;
	bf_lex_init(&p.lx, a, path, text, len);
	advance(&p);
	for (;;) {
		int rc;
		switch (p.tok.kind) {
		case BF_TOK_EOF:
			return p.file;
		case BF_TOK_BASE:
			rc = parse_base(&p);
			break;
		case BF_TOK_BLOCK:
			rc = parse_block(&p);
			break;
		case BF_TOK_TAGGED_UNION:
			rc = parse_union(&p);
			break;
		default:
			rc = unexpected(&p, "'base', 'block' or 'tagged_union'");
		}
		if (rc < 0)
			return NULL;
	}
}

struct bf_file *bf_load(struct arena *a, const char *path, const char *text, size_t len)
{
	struct bf_file *f = bf_parse(a, path, text, len);
	if (!f || bf_layout(a, f) < 0)
		return NULL;
	return f;
}
