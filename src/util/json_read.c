/* SPDX-License-Identifier: BSD-2-Clause */
/* A small recursive-descent JSON reader with positions in its error messages. */
#include "json_read.h"

#include <string.h>

#include "sb.h"
#include "utf8.h"

struct jr {
	struct arena *a;
	const char *path, *s;
	size_t n, i;
	int depth;
};

static int jr_fail(struct jr *r, const char *what)
{
	unsigned line = 1, col = 1;
	for (size_t k = 0; k < r->i && k < r->n; k++) {
		if (r->s[k] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	return diag_error(&(struct loc){ r->path, line, col }, "invalid JSON: %s", what);
}

static void jr_ws(struct jr *r)
{
	while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\n' || r->s[r->i] == '\r'))
		r->i++;
}

static int hex4(struct jr *r, unsigned *v)
{
	*v = 0;
	for (int k = 0; k < 4; k++, r->i++) {
		char c = r->i < r->n ? r->s[r->i] : 0;
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16;
		if (d == 16)
			return jr_fail(r, "expected 4 hexadecimal digits after \\u");
		*v = *v * 16 + d;
	}
	return 0;
}

/* string = '"' ( char | escape )* '"' */
static int jr_string(struct jr *r, const char **out, size_t *len)
{
	struct sb b = SB_INIT;
	r->i++;
	for (;;) {
		if (r->i >= r->n) {
			sb_release(&b);
			return jr_fail(r, "unterminated string");
		}
		unsigned char c = (unsigned char)r->s[r->i++];
		if (c == '"')
			break;
		if (c < 0x20) {
			r->i--;
			sb_release(&b);
			return jr_fail(r, "control character in a string");
		}
		if (c != '\\') {
			sb_addch(&b, (char)c);
			continue;
		}
		char e = r->i < r->n ? r->s[r->i++] : 0;
		const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
		const char *hit = e ? strchr(from, e) : NULL;
		if (hit) {
			sb_addch(&b, to[hit - from]);
			continue;
		}
		unsigned cp, lo;
		if (e != 'u' || hex4(r, &cp)) {
			sb_release(&b);
			return e == 'u' ? -1 : jr_fail(r, "unknown escape in a string");
		}
		if (cp >= 0xd800 && cp < 0xdc00 && r->i + 1 < r->n && r->s[r->i] == '\\' && r->s[r->i + 1] == 'u') {
			r->i += 2;
			if (hex4(r, &lo)) {
				sb_release(&b);
				return -1;
			}
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
		}
		char u[4];
		sb_add(&b, u, utf8_encode(cp, u));
	}
	*len = b.len;
	*out = arena_strndup(r->a, sb_str(&b), b.len);
	sb_release(&b);
	return 0;
}

static int jr_value(struct jr *r, struct json_value *v);

static int jr_container(struct jr *r, struct json_value *v, bool object)
{
	char close = object ? '}' : ']';
	size_t cap = 0, kcap = 0;
	v->kind = object ? JSON_OBJECT : JSON_ARRAY;
	r->i++;
	jr_ws(r);
	if (r->i < r->n && r->s[r->i] == close) {
		r->i++;
		return 0;
	}
	for (;;) {
		v->items = arena_grow(r->a, v->items, &cap, v->count + 1, sizeof(*v->items));
		if (object) {
			v->keys = arena_grow(r->a, v->keys, &kcap, v->count + 1, sizeof(*v->keys));
			jr_ws(r);
			size_t klen;
			if (r->i >= r->n || r->s[r->i] != '"')
				return jr_fail(r, "expected a string key");
			if (jr_string(r, &v->keys[v->count], &klen))
				return -1;
			jr_ws(r);
			if (r->i >= r->n || r->s[r->i] != ':')
				return jr_fail(r, "expected ':' after a key");
			r->i++;
		}
		if (jr_value(r, &v->items[v->count]))
			return -1;
		v->count++;
		jr_ws(r);
		if (r->i < r->n && r->s[r->i] == ',') {
			r->i++;
			continue;
		}
		if (r->i < r->n && r->s[r->i] == close) {
			r->i++;
			return 0;
		}
		return jr_fail(r, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int jr_value(struct jr *r, struct json_value *v)
{
	memset(v, 0, sizeof(*v));
	jr_ws(r);
	if (r->i >= r->n)
		return jr_fail(r, "expected a value");
	if (++r->depth > 512)
		return jr_fail(r, "nested too deeply");
	char c = r->s[r->i];
	int rc = 0;
	if (c == '"') {
		v->kind = JSON_STRING;
		rc = jr_string(r, &v->text, &v->len);
	} else if (c == '{' || c == '[') {
		rc = jr_container(r, v, c == '{');
	} else if (r->n - r->i >= 4 && !memcmp(r->s + r->i, "true", 4)) {
		v->kind = JSON_BOOL;
		v->b = true;
		r->i += 4;
	} else if (r->n - r->i >= 5 && !memcmp(r->s + r->i, "false", 5)) {
		v->kind = JSON_BOOL;
		r->i += 5;
	} else if (r->n - r->i >= 4 && !memcmp(r->s + r->i, "null", 4)) {
		r->i += 4;
	} else if (c == '-' || (c >= '0' && c <= '9')) {
		size_t start = r->i;
		while (r->i < r->n && strchr("+-.0123456789eE", r->s[r->i]) && r->s[r->i])
			r->i++;
		v->kind = JSON_NUMBER;
		v->len = r->i - start;
		v->text = arena_strndup(r->a, r->s + start, v->len);
	} else {
		rc = jr_fail(r, "expected a value");
	}
	r->depth--;
	return rc;
}

struct json_value *json_parse(struct arena *a, const char *path, const char *text, size_t len)
{
	struct jr r = { a, path, text, len, 0, 0 };
	struct json_value *v = arena_alloc(a, sizeof(*v));
	if (jr_value(&r, v))
		return NULL;
	jr_ws(&r);
	if (r.i != r.n) {
		jr_fail(&r, "unexpected text after the value");
		return NULL;
	}
	return v;
}

const struct json_value *json_get(const struct json_value *object, const char *key)
{
	if (!object || object->kind != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < object->count; i++)
		if (!strcmp(object->keys[i], key))
			return &object->items[i];
	return NULL;
}
