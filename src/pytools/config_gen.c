/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * config_gen.py: the configuration the kernel's CMake writes as YAML (gen_config.yaml) turned
 * into gen_config.h and gen_config.json.
 *
 * The YAML is the flat mapping seL4's config helpers write: `{}` or one `KEY: VALUE` per line,
 * VALUE `true`, `false` or a double-quoted string, optionally followed by ` # comment`.  A key
 * given twice keeps its first place with its last value (a YAML loader filling a dictionary).
 * The header has `#define CONFIG_KEY  1` / a "disabled: CONFIG_KEY" comment for booleans and
 * `#define CONFIG_KEY  VALUE` (or an "empty" comment) for strings; the JSON is the mapping indented by
 * four, non-ASCII escaped as \uXXXX.  With --skip-unchanged an output whose content is already
 * right is left alone (its time stamp too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pytools/pytools_native.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/json.h"
#include "util/path.h"
#include "util/utf8.h"

struct entry {
	char *key;
	bool is_bool, b;
	struct sb str;
};

struct config {
	struct entry *e;
	size_t n, cap;
};

static struct entry *entry_for(struct config *c, const char *key, size_t len)
{
	for (size_t i = 0; i < c->n; i++)
		if (strlen(c->e[i].key) == len && !memcmp(c->e[i].key, key, len)) {
			sb_reset(&c->e[i].str);
			return &c->e[i];
		}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->e = realloc(c->e, c->cap * sizeof(*c->e));
		if (!c->e)
			abort();
	}
	struct entry *e = &c->e[c->n++];
	memset(e, 0, sizeof(*e));
	e->key = strndup(key, len);
	return e;
}

static int hexval(const char *p, int n, unsigned long *out)
{
	*out = 0;
	for (int i = 0; i < n; i++) {
		char ch = p[i];
		int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		*out = *out * 16 + (unsigned long)d;
	}
	return 0;
}

static void put_utf8(struct sb *s, unsigned long cp)
{
	char buf[4];
	sb_add(s, buf, utf8_encode(cp > 0x10ffff ? 0xfffd : (uint32_t)cp, buf));
}

/* A double-quoted YAML scalar starting at p (after the quote); returns the position after the
 * closing quote or NULL after reporting. */
static const char *quoted(const char *p, const char *end, struct sb *out, const struct loc *at)
{
	while (p < end && *p != '"') {
		if (*p != '\\') {
			sb_addch(out, *p++);
			continue;
		}
		if (++p >= end)
			break;
		char ch = *p++;
		unsigned long cp;
		int digits = ch == 'x' ? 2 : ch == 'u' ? 4 : ch == 'U' ? 8 : 0;
		switch (ch) {
		case '\\': case '"': case '/': sb_addch(out, ch); break;
		case 'n': sb_addch(out, '\n'); break;
		case 't': sb_addch(out, '\t'); break;
		case 'r': sb_addch(out, '\r'); break;
		case '0': sb_addch(out, '\0'); break;
		case ' ': sb_addch(out, ' '); break;
		case 'x': case 'u': case 'U':
			if (end - p < digits || hexval(p, digits, &cp)) {
				diag_error(at, "bad \\%c escape in a quoted value", ch);
				return NULL;
			}
			put_utf8(out, cp);
			p += digits;
			break;
		default:
			diag_error(at, "unsupported escape '\\%c' in a quoted value", ch);
			return NULL;
		}
	}
	if (p >= end) {
		diag_error(at, "unterminated quoted value");
		diag_note(at, "end the value with '\"'");
		return NULL;
	}
	return p + 1;
}

static int parse_yaml(const char *path, const char *text, size_t len, struct config *c)
{
	const char *p = text, *end = text + len;
	unsigned line = 0;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		line++;
		struct loc at = { path, line, 1 };
		const char *s = p, *ls = p;
		p = eol + 1;
		while (s < eol && (*s == ' ' || *s == '\t'))
			s++;
		if (s == eol || *s == '#')
			continue;
		if (eol - s >= 2 && s[0] == '{' && s[1] == '}')
			continue;
		const char *colon = s;
		while (colon < eol && *colon != ':' && *colon != ' ')
			colon++;
		if (colon >= eol || *colon != ':' || colon + 1 >= eol || colon[1] != ' ') {
			return diag_error(&at, "expected 'KEY: VALUE'");
		}
		struct entry *e = entry_for(c, s, (size_t)(colon - s));
		const char *v = colon + 1;
		while (v < eol && *v == ' ')
			v++;
		at.col = (unsigned)(v - ls + 1);
		const char *after;
		if (v < eol && *v == '"') {
			e->is_bool = false;
			after = quoted(v + 1, eol, &e->str, &at);
			if (!after)
				return -1;
		} else if (eol - v >= 4 && !memcmp(v, "true", 4)) {
			e->is_bool = e->b = true;
			after = v + 4;
		} else if (eol - v >= 5 && !memcmp(v, "false", 5)) {
			e->is_bool = true;
			e->b = false;
			after = v + 5;
		} else {
			diag_error(&at, "expected true, false or a double-quoted string");
			return -1;
		}
		while (after < eol && *after == ' ')
			after++;
		if (after < eol && *after != '#')
			return diag_error(&at, "unexpected text after the value");
	}
	return 0;
}

static int write_lazy(const char *path, const struct sb *text, bool skip_unchanged)
{
	if (!strcmp(path, "-"))
		return pyout_write(NULL, text);
	if (skip_unchanged && path_is_file(path)) {
		size_t len;
		char *old = fs_read_file(path, &len);
		bool same = old && len == text->len && !memcmp(old, text->buf ? text->buf : "", len);
		free(old);
		if (same)
			return 0;
	}
	return pyout_write(path, text);
}

int config_gen_main(int argc, char **argv)
{
	const char *out_c = NULL, *out_json = NULL, *pos[1];
	bool skip = false;
	size_t npos;
	const struct pyopt opts[] = {
		{ "--skip-unchanged", NULL, &skip, NULL, NULL },
		{ "--write-c", &out_c, NULL, NULL, NULL },
		{ "--write-json", &out_json, NULL, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL },
	};
	if (pyopt_parse("config_gen", argc, argv, opts, pos, 1, &npos))
		return 2;
	const char *in = npos ? pos[0] : "/dev/stdin";
	size_t len;
	char *text = fs_read_file(in, &len);
	if (!text)
		return 2;
	struct config c = { 0 };
	int rc = parse_yaml(in, text, len, &c) ? 2 : 0;
	struct sb h = SB_INIT, j = SB_INIT;
	if (!rc) {
		sb_adds(&h, "#pragma once\n\n");
		for (size_t i = 0; i < c.n; i++) {
			const struct entry *e = &c.e[i];
			if (e->is_bool && e->b)
				sb_addf(&h, "#define CONFIG_%s  1\n", e->key);
			else if (e->is_bool)
				sb_addf(&h, "/* disabled: CONFIG_%s */\n", e->key);
			else if (e->str.len)
				sb_addf(&h, "#define CONFIG_%s  %s\n", e->key, sb_str(&e->str));
			else
				sb_addf(&h, "#define CONFIG_%s  /* empty */\n", e->key);
		}
		sb_adds(&j, c.n ? "{\n" : "{}");
		for (size_t i = 0; i < c.n; i++) {
			const struct entry *e = &c.e[i];
			sb_adds(&j, "    ");
			json_write_string_python(&j, e->key, strlen(e->key));
			sb_adds(&j, ": ");
			if (e->is_bool)
				sb_adds(&j, e->b ? "true" : "false");
			else
				json_write_string_python(&j, e->str.buf ? e->str.buf : "", e->str.len);
			sb_adds(&j, i + 1 < c.n ? ",\n" : "\n}");
		}
		if ((out_c && write_lazy(out_c, &h, skip)) || (out_json && write_lazy(out_json, &j, skip)))
			rc = 2;
	}
	for (size_t i = 0; i < c.n; i++) {
		free(c.e[i].key);
		sb_release(&c.e[i].str);
	}
	free(c.e);
	free(text);
	sb_release(&h);
	sb_release(&j);
	return rc;
}
