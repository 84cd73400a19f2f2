/* SPDX-License-Identifier: BSD-2-Clause */
/* The document level: lines, keys, [table] and [[array]] headers, and the redefinition rules. */
#include <stdarg.h>
#include <stdio.h>

#include "toml_internal.h"
#include "util/utf8.h"

bool toml_fail(struct toml_parser *p, size_t off, const char *fmt, ...)
{
	if (p->failed)
		return false;
	p->failed = true;
	struct sb sb = SB_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	p->err->msg = arena_strndup(p->a, sb_str(&sb), sb.len);
	p->err->pos = toml_pos_at(p, off);
	sb_release(&sb);
	return false;
}

struct toml_pos toml_pos_at(struct toml_parser *p, size_t off)
{
	if (off > p->n)
		off = p->n;
	if (off < p->start)
		off = p->start;
	if (off < p->pc_off) {
		/* Going back: within the cached line recount from its start, else from the top. */
		if (off < p->pc_line_start) {
			p->pc_line_start = p->start;
			p->pc_line = 1;
		}
		p->pc_off = p->pc_line_start;
		p->pc_col = 1;
	}
	for (size_t k = p->pc_off; k < off; k++) {
		unsigned char c = (unsigned char)p->s[k];
		if (c == '\n') {
			p->pc_line++;
			p->pc_col = 1;
			p->pc_line_start = k + 1;
		} else if ((c & 0xC0) != 0x80) {
			p->pc_col++;
		}
	}
	p->pc_off = off;
	return (struct toml_pos){ p->pc_line, p->pc_col };
}

const char *toml_describe(struct toml_parser *p, size_t off)
{
	if (off >= p->n)
		return "end of file";
	unsigned char c = (unsigned char)p->s[off];
	if (c == '\n' || (c == '\r' && off + 1 < p->n && p->s[off + 1] == '\n'))
		return "newline";
	if (c > 0x20 && c < 0x7f)
		return c == '\'' ? "\"'\"" : arena_printf(p->a, "'%c'", c);
	uint32_t cp = c;
	if (c >= 0x80 && !utf8_decode((const unsigned char *)p->s + off, p->n - off, &cp))
		return arena_printf(p->a, "byte 0x%02x", c);
	if (c == ' ')
		return "' '";
	return arena_printf(p->a, "U+%04X", (unsigned)cp);
}

/* A key (dotted when nparts > 1) as it would be written, for messages. */
static const char *toml_key_text(struct toml_parser *p, const struct toml_key *k, size_t nparts)
{
	struct sb sb = SB_INIT;
	for (size_t j = 0; j < nparts; j++) {
		if (j)
			sb_addch(&sb, '.');
		toml_write_key(&sb, k->parts[j].s.ptr, k->parts[j].s.len);
	}
	const char *r = arena_strndup(p->a, sb_str(&sb), sb.len);
	sb_release(&sb);
	return r;
}

/* comment = "#" *non-eol: up to (not including) the newline; no control characters but tab. */
bool toml_skip_comment(struct toml_parser *p)
{
	const char *s = p->s;
	if (p->i >= p->n || s[p->i] != '#')
		return true;
	for (p->i++; p->i < p->n && s[p->i] != '\n'; p->i++) {
		unsigned char c = (unsigned char)s[p->i];
		if (c == '\r' && p->i + 1 < p->n && s[p->i + 1] == '\n')
			break;
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return toml_fail(p, p->i, "control character %s not allowed in a comment", toml_describe(p, p->i));
	}
	return true;
}

void toml_skip_ws(struct toml_parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t'))
		p->i++;
}

static bool bare_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* simple-key = quoted-key / unquoted-key;  dotted-key = simple-key 1*( ws "." ws simple-key ) */
static bool toml_parse_key(struct toml_parser *p, struct toml_key *k)
{
	k->len = 0;
	for (;;) {
		struct toml_keypart part = { { NULL, 0 }, p->i, toml_pos_at(p, p->i) };
		if (p->i < p->n && (p->s[p->i] == '"' || p->s[p->i] == '\'')) {
			if (!toml_parse_string(p, &part.s, false))
				return false;
		} else {
			size_t j = p->i;
			while (j < p->n && bare_key_char(p->s[j]))
				j++;
			if (j == p->i)
				return toml_fail(p, p->i, "expected a key, found %s", toml_describe(p, p->i));
			part.s.ptr = arena_strndup(p->a, p->s + p->i, j - p->i);
			part.s.len = j - p->i;
			p->i = j;
		}
		k->parts = arena_grow(p->a, k->parts, &k->cap, k->len + 1, sizeof(*k->parts));
		k->parts[k->len++] = part;
		toml_skip_ws(p);
		if (p->i >= p->n || p->s[p->i] != '.')
			return true;
		p->i++;
		toml_skip_ws(p);
	}
}

static const char *a_kind(const struct toml_value *v)
{
	switch (v->kind) {
	case TOML_STRING:
		return "a string";
	case TOML_INTEGER:
		return "an integer";
	case TOML_FLOAT:
		return "a float";
	case TOML_BOOL:
		return "a boolean";
	case TOML_DATETIME:
		return "an offset date-time";
	case TOML_DATETIME_LOCAL:
		return "a local date-time";
	case TOML_DATE_LOCAL:
		return "a local date";
	case TOML_TIME_LOCAL:
		return "a local time";
	case TOML_ARRAY:
		return "an array";
	case TOML_TABLE:
		break;
	}
	return "a table";
}

static struct toml_table *new_table(struct toml_parser *p, struct toml_table *parent, const struct toml_keypart *kp,
				    unsigned flags, struct toml_pos pos)
{
	struct toml_table *t = arena_alloc(p->a, sizeof(*t));
	t->flags = flags;
	struct toml_entry *e = toml_tab_add(p, parent, kp->s, kp->pos);
	e->value.kind = TOML_TABLE;
	e->value.pos = pos;
	e->value.u.tab = t;
	return t;
}

/* keyval = key keyval-sep val.  Dotted keys create tables that later headers cannot define
 * again, and cannot reach into tables defined by headers or written inline. */
bool toml_keyval(struct toml_parser *p, struct toml_table *base, unsigned depth)
{
	struct toml_key k = { 0 };
	if (!toml_parse_key(p, &k))
		return false;
	const char *name = NULL;
	if (p->i >= p->n || p->s[p->i] != '=') {
		name = toml_key_text(p, &k, k.len);
		return toml_fail(p, p->i, "expected '=' after key '%s', found %s", name, toml_describe(p, p->i));
	}
	p->i++;
	toml_skip_ws(p);
	struct toml_table *t = base;
	for (size_t j = 0; j + 1 < k.len; j++) {
		const struct toml_keypart *kp = &k.parts[j];
		long idx = toml_tab_lookup(p, t, kp->s.ptr, kp->s.len);
		if (idx < 0) {
			t = new_table(p, t, kp, TOML_TF_DOTTED, kp->pos);
			continue;
		}
		const struct toml_value *v = &t->items[idx].value;
		if (v->kind != TOML_TABLE)
			return toml_fail(p, kp->off, "key '%s' is %s, not a table (defined at line %u)",
					 toml_key_text(p, &k, j + 1), a_kind(v), v->pos.line);
		if (v->u.tab->flags & TOML_TF_INLINE)
			return toml_fail(p, kp->off, "cannot add keys to inline table '%s' (defined at line %u)",
					 toml_key_text(p, &k, j + 1), v->pos.line);
		if (v->u.tab->flags & TOML_TF_EXPLICIT)
			return toml_fail(p, kp->off,
					 "cannot add keys to table '%s' with dotted keys (defined by a header at line %u)",
					 toml_key_text(p, &k, j + 1), v->pos.line);
		t = v->u.tab;
		t->flags |= TOML_TF_DOTTED;
	}
	const struct toml_keypart *last = &k.parts[k.len - 1];
	long idx = toml_tab_lookup(p, t, last->s.ptr, last->s.len);
	if (idx >= 0)
		return toml_fail(p, last->off, "duplicate key '%s' (first defined at line %u)", toml_key_text(p, &k, k.len),
				 t->items[idx].key_pos.line);
	struct toml_value v = { 0 };
	if (!toml_parse_value(p, &v, depth + (unsigned)k.len))
		return false;
	struct toml_entry *e = toml_tab_add(p, t, last->s, last->pos);
	e->value = v;
	return true;
}

/* std-table = "[" ws key ws "]"   array-table = "[[" ws key ws "]]" */
static bool header(struct toml_parser *p)
{
	size_t open = p->i;
	struct toml_pos open_pos = toml_pos_at(p, open);
	bool aot = p->i + 1 < p->n && p->s[p->i + 1] == '[';
	p->i += aot ? 2 : 1;
	toml_skip_ws(p);
	struct toml_key k = { 0 };
	if (!toml_parse_key(p, &k))
		return false;
	if (p->i >= p->n || p->s[p->i] != ']' || (aot && (p->i + 1 >= p->n || p->s[p->i + 1] != ']')))
		return toml_fail(p, p->i, "expected '%s' to close header '%s', found %s", aot ? "]]" : "]",
				 toml_key_text(p, &k, k.len), toml_describe(p, p->i));
	p->i += aot ? 2 : 1;

	struct toml_table *t = p->root;
	unsigned depth = 0;
	for (size_t j = 0; j + 1 < k.len; j++) {
		const struct toml_keypart *kp = &k.parts[j];
		long idx = toml_tab_lookup(p, t, kp->s.ptr, kp->s.len);
		depth++;
		if (idx < 0) {
			t = new_table(p, t, kp, TOML_TF_IMPLICIT, open_pos);
			continue;
		}
		const struct toml_value *v = &t->items[idx].value;
		if (v->kind == TOML_TABLE) {
			if (v->u.tab->flags & TOML_TF_INLINE)
				return toml_fail(p, kp->off, "cannot extend inline table '%s' (defined at line %u)",
						 toml_key_text(p, &k, j + 1), v->pos.line);
			t = v->u.tab;
		} else if (v->kind == TOML_ARRAY && v->u.arr->of_tables) {
			/* [a.b] after [[a]] goes into the last table of the array */
			t = v->u.arr->items[v->u.arr->len - 1].u.tab;
			depth++;
		} else if (v->kind == TOML_ARRAY) {
			return toml_fail(p, kp->off, "cannot extend static array '%s' (defined at line %u)",
					 toml_key_text(p, &k, j + 1), v->pos.line);
		} else {
			return toml_fail(p, kp->off, "key '%s' is %s, not a table (defined at line %u)",
					 toml_key_text(p, &k, j + 1), a_kind(v), v->pos.line);
		}
	}
	const struct toml_keypart *last = &k.parts[k.len - 1];
	const char *name = toml_key_text(p, &k, k.len);
	long idx = toml_tab_lookup(p, t, last->s.ptr, last->s.len);
	struct toml_value *v = idx >= 0 ? &t->items[idx].value : NULL;
	depth++;
	if (!aot) {
		if (!v) {
			t = new_table(p, t, last, TOML_TF_EXPLICIT, open_pos);
		} else if (v->kind == TOML_TABLE && (v->u.tab->flags & ~TOML_TF_INDEXED) == TOML_TF_IMPLICIT) {
			/* A parent made by an earlier header may be defined once, later. */
			v->u.tab->flags = (v->u.tab->flags & TOML_TF_INDEXED) | TOML_TF_EXPLICIT;
			v->pos = open_pos;
			t = v->u.tab;
		} else if (v->kind == TOML_TABLE) {
			unsigned f = v->u.tab->flags;
			return toml_fail(p, open, "table '%s' already defined%s at line %u", name,
					 (f & TOML_TF_INLINE)   ? " as an inline table"
					 : (f & TOML_TF_DOTTED) ? " by dotted keys"
								: "",
					 v->pos.line);
		} else if (v->kind == TOML_ARRAY && v->u.arr->of_tables) {
			return toml_fail(p, open, "table '%s' already defined as an array of tables at line %u", name,
					 v->pos.line);
		} else {
			return toml_fail(p, open, "key '%s' already defined as %s at line %u", name, a_kind(v), v->pos.line);
		}
	} else {
		if (!v) {
			struct toml_entry *e = toml_tab_add(p, t, last->s, last->pos);
			e->value.kind = TOML_ARRAY;
			e->value.pos = open_pos;
			e->value.u.arr = arena_alloc(p->a, sizeof(struct toml_array));
			e->value.u.arr->of_tables = true;
			v = &e->value;
		} else if (v->kind == TOML_ARRAY && !v->u.arr->of_tables) {
			return toml_fail(p, open, "cannot append to static array '%s' (defined at line %u)", name,
					 v->pos.line);
		} else if (v->kind != TOML_ARRAY) {
			return toml_fail(p, open, "key '%s' already defined as %s at line %u", name, a_kind(v), v->pos.line);
		}
		struct toml_array *arr = v->u.arr;
		arr->items = arena_grow(p->a, arr->items, &arr->cap, arr->len + 1, sizeof(*arr->items));
		struct toml_value *item = &arr->items[arr->len++];
		item->kind = TOML_TABLE;
		item->pos = open_pos;
		item->u.tab = arena_alloc(p->a, sizeof(struct toml_table));
		item->u.tab->flags = TOML_TF_EXPLICIT;
		t = item->u.tab;
		depth++;
	}
	/* Counted like value nesting (an array of tables is two levels), so that whatever a
	 * document nests, its written form nests the same and parses again. */
	if (depth > TOML_MAX_DEPTH)
		return toml_fail(p, open, "nesting too deep (more than %d levels)", TOML_MAX_DEPTH);
	p->cur = t;
	p->cur_depth = depth;
	return true;
}

/* The rest of a line after an expression: ws [ comment ] ( newline / end of file ) */
static bool end_of_line(struct toml_parser *p, const char *after)
{
	const char *s = p->s;
	toml_skip_ws(p);
	if (!toml_skip_comment(p))
		return false;
	if (p->i >= p->n)
		return true;
	if (s[p->i] == '\n') {
		p->i++;
		return true;
	}
	if (s[p->i] == '\r' && p->i + 1 < p->n && s[p->i + 1] == '\n') {
		p->i += 2;
		return true;
	}
	if (s[p->i] == '\r')
		return toml_fail(p, p->i, "carriage return not followed by a newline");
	return toml_fail(p, p->i, "expected newline after %s, found %s", after, toml_describe(p, p->i));
}

struct toml_table *toml_parse(struct arena *a, const char *text, size_t len, struct toml_error *err)
{
	struct toml_error dummy;
	struct toml_parser p = { 0 };
	p.a = a;
	p.s = text ? text : "";
	p.n = text ? len : 0;
	p.err = err ? err : &dummy;
	p.err->msg = NULL;
	p.err->pos = (struct toml_pos){ 0, 0 };
	p.pc_line = p.pc_col = 1;
	/* A byte order mark is allowed at the very start and is not part of the document. */
	if (p.n >= 3 && (unsigned char)p.s[0] == 0xEF && (unsigned char)p.s[1] == 0xBB && (unsigned char)p.s[2] == 0xBF)
		p.start = p.pc_off = p.pc_line_start = p.i = 3;
	size_t bad = toml_utf8_check(p.s, p.n);
	if (bad < p.n) {
		toml_fail(&p, bad, "invalid UTF-8");
		return NULL;
	}
	p.root = p.cur = arena_alloc(a, sizeof(*p.root));
	p.root->flags = TOML_TF_EXPLICIT;
	while (p.i < p.n) {
		toml_skip_ws(&p);
		if (p.i >= p.n)
			break;
		char c = p.s[p.i];
		bool ok;
		if (c == '#' || c == '\n' || c == '\r')
			ok = end_of_line(&p, "whitespace");
		else if (c == '[')
			ok = header(&p) && end_of_line(&p, "table header");
		else
			ok = toml_keyval(&p, p.cur, p.cur_depth) && end_of_line(&p, "value");
		if (!ok)
			return NULL;
	}
	return p.root;
}
