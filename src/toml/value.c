/* SPDX-License-Identifier: BSD-2-Clause */
/* Values: dispatch on the first character, arrays and inline tables. */
#include "toml_internal.h"

/* ws-comment-newline = *( wschar / [ comment ] newline ), as allowed inside arrays */
static bool skip_ws_comment_nl(struct toml_parser *p)
{
	const char *s = p->s;
	for (;;) {
		toml_skip_ws(p);
		if (p->i >= p->n)
			return true;
		if (s[p->i] == '\n') {
			p->i++;
		} else if (s[p->i] == '\r' && p->i + 1 < p->n && s[p->i + 1] == '\n') {
			p->i += 2;
		} else if (s[p->i] == '#') {
			if (!toml_skip_comment(p))
				return false;
		} else {
			return true;
		}
	}
}

/* array = "[" ws-comment-newline [ value *( ws-comment-newline "," ws-comment-newline value )
 *         ws-comment-newline [ "," ] ] ws-comment-newline "]" */
static bool parse_array(struct toml_parser *p, struct toml_value *out, unsigned depth)
{
	size_t open = p->i;
	struct toml_array *arr = arena_alloc(p->a, sizeof(*arr));
	out->kind = TOML_ARRAY;
	out->u.arr = arr;
	p->i++;
	for (;;) {
		if (!skip_ws_comment_nl(p))
			return false;
		if (p->i < p->n && p->s[p->i] == ']')
			break;
		if (p->i >= p->n)
			return toml_fail(p, open, "unterminated array (missing ']')");
		if (p->s[p->i] == ',')
			return toml_fail(p, p->i, "expected a value or ']' in array, found ','");
		struct toml_value v = { 0 };
		if (!toml_parse_value(p, &v, depth + 1))
			return false;
		arr->items = arena_grow(p->a, arr->items, &arr->cap, arr->len + 1, sizeof(*arr->items));
		arr->items[arr->len++] = v;
		if (!skip_ws_comment_nl(p))
			return false;
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == ']')
			break;
		if (p->i >= p->n)
			return toml_fail(p, open, "unterminated array (missing ']')");
		return toml_fail(p, p->i, "expected ',' or ']' after array element, found %s", toml_describe(p, p->i));
	}
	p->i++;
	return true;
}

/* inline-table = "{" ws [ keyval *( ws "," ws keyval ) ] ws "}"   (no newlines, no trailing comma) */
static bool parse_inline_table(struct toml_parser *p, struct toml_value *out, unsigned depth)
{
	size_t open = p->i;
	struct toml_table *t = arena_alloc(p->a, sizeof(*t));
	t->flags = TOML_TF_INLINE;
	out->kind = TOML_TABLE;
	out->u.tab = t;
	p->i++;
	toml_skip_ws(p);
	if (p->i < p->n && p->s[p->i] == '}') {
		p->i++;
		return true;
	}
	for (;;) {
		toml_skip_ws(p);
		if (p->i >= p->n)
			return toml_fail(p, open, "unterminated inline table (missing '}')");
		if (p->s[p->i] == '}')
			return toml_fail(p, p->i, "trailing comma not allowed in inline table");
		if (p->s[p->i] == '\n' || p->s[p->i] == '\r')
			return toml_fail(p, p->i, "newline not allowed in inline table");
		if (!toml_keyval(p, t, depth))
			return false;
		toml_skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == '}')
			break;
		if (p->i >= p->n)
			return toml_fail(p, open, "unterminated inline table (missing '}')");
		if (p->s[p->i] == '\n' || p->s[p->i] == '\r')
			return toml_fail(p, p->i, "newline not allowed in inline table");
		return toml_fail(p, p->i, "expected ',' or '}' in inline table, found %s", toml_describe(p, p->i));
	}
	p->i++;
	return true;
}

/* val = string / boolean / array / inline-table / date-time / float / integer */
bool toml_parse_value(struct toml_parser *p, struct toml_value *out, unsigned depth)
{
	if (depth > TOML_MAX_DEPTH)
		return toml_fail(p, p->i, "nesting too deep (more than %d levels)", TOML_MAX_DEPTH);
	out->pos = toml_pos_at(p, p->i);
	if (p->i >= p->n)
		return toml_fail(p, p->i, "expected a value, found end of file");
	switch (p->s[p->i]) {
	case '"':
	case '\'':
		out->kind = TOML_STRING;
		return toml_parse_string(p, &out->u.s, true);
	case '[':
		return parse_array(p, out, depth);
	case '{':
		return parse_inline_table(p, out, depth);
	default:
		return toml_parse_scalar(p, out);
	}
}
