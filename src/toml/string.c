/* SPDX-License-Identifier: BSD-2-Clause */
/* The four TOML string forms: basic, literal and their multi-line variants. */
#include "toml_internal.h"
#include "util/utf8.h"

/* Control characters other than tab are never allowed raw in a string. */
static bool bad_control(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* escaped = '\' ( '"' / '\' / 'b' / 'f' / 'n' / 'r' / 't' / 'u' 4HEXDIG / 'U' 8HEXDIG )
 * j is on the backslash; appends to buf and returns the offset after the escape, 0 on error. */
static size_t escape(struct toml_parser *p, size_t j, size_t end, char *buf, size_t *bl)
{
	const char *s = p->s;
	char c = s[j + 1];
	switch (c) {
	case 'b':
		buf[(*bl)++] = '\b';
		return j + 2;
	case 't':
		buf[(*bl)++] = '\t';
		return j + 2;
	case 'n':
		buf[(*bl)++] = '\n';
		return j + 2;
	case 'f':
		buf[(*bl)++] = '\f';
		return j + 2;
	case 'r':
		buf[(*bl)++] = '\r';
		return j + 2;
	case '"':
		buf[(*bl)++] = '"';
		return j + 2;
	case '\\':
		buf[(*bl)++] = '\\';
		return j + 2;
	case 'u':
	case 'U': {
		size_t nd = c == 'u' ? 4 : 8, k;
		uint32_t v = 0;
		for (k = 0; k < nd; k++) {
			if (j + 2 + k >= end || hexval(s[j + 2 + k]) < 0)
				break;
			v = v * 16 + (uint32_t)hexval(s[j + 2 + k]);
		}
		if (k < nd) {
			toml_fail(p, j, "invalid unicode escape '\\%c%.*s' (expected %zu hex digits)", c, (int)k,
				  s + j + 2, nd);
			return 0;
		}
		if ((v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) {
			toml_fail(p, j, "invalid unicode escape '\\%c%.*s' (not a unicode scalar value)", c, (int)nd,
				  s + j + 2);
			return 0;
		}
		*bl += utf8_encode(v, buf + *bl);
		return j + 2 + nd;
	}
	default:
		if ((unsigned char)c > 0x20 && (unsigned char)c < 0x7f)
			toml_fail(p, j, "invalid escape sequence '\\%c'", c);
		else
			toml_fail(p, j, "invalid escape sequence: %s after '\\'", toml_describe(p, j + 1));
		return 0;
	}
}

static bool ctl_error(struct toml_parser *p, size_t j)
{
	return toml_fail(p, j, "control character %s not allowed in a string", toml_describe(p, j));
}

/* basic-string = '"' *basic-char '"'   literal-string = "'" *literal-char "'" */
static bool parse_line(struct toml_parser *p, struct toml_string *out, bool basic)
{
	const char *s = p->s;
	char q = s[p->i];
	size_t start = p->i + 1, j = start;
	/* First find the closing quote, so that the buffer can be sized exactly. */
	for (;;) {
		if (j >= p->n || s[j] == '\n' || (s[j] == '\r' && j + 1 < p->n && s[j + 1] == '\n'))
			return toml_fail(p, j, "expected closing %s of string, found %s", q == '"' ? "'\"'" : "\"'\"",
					 toml_describe(p, j));
		if (s[j] == q)
			break;
		j += (basic && s[j] == '\\' && j + 1 < p->n && s[j + 1] != '\n') ? 2 : 1;
	}
	size_t end = j, bl = 0;
	char *buf = arena_alloc(p->a, end - start + 1);
	for (j = start; j < end;) {
		unsigned char c = (unsigned char)s[j];
		if (basic && c == '\\') {
			j = escape(p, j, end, buf, &bl);
			if (!j)
				return false;
		} else if (bad_control(c)) {
			return ctl_error(p, j);
		} else {
			buf[bl++] = (char)c;
			j++;
		}
	}
	buf[bl] = '\0';
	out->ptr = buf;
	out->len = bl;
	p->i = end + 1;
	return true;
}

static bool is_nl(const struct toml_parser *p, size_t j, size_t end)
{
	return j < end && (p->s[j] == '\n' || (p->s[j] == '\r' && j + 1 < end && p->s[j + 1] == '\n'));
}

static size_t nl_len(const struct toml_parser *p, size_t j)
{
	return p->s[j] == '\r' ? 2 : 1;
}

/* ml-basic-string = '"""' [ newline ] ml-basic-body '"""'   (and ''' for literal) */
static bool parse_ml(struct toml_parser *p, struct toml_string *out, bool basic)
{
	const char *s = p->s;
	size_t open = p->i;
	char q = s[open];
	size_t start = open + 3, j;
	/* A newline right after the opening delimiter is trimmed. */
	if (is_nl(p, start, p->n))
		start += nl_len(p, start);
	for (j = start;;) {
		if (j >= p->n)
			return toml_fail(p, open, "unterminated multi-line string (missing closing %s)",
					 basic ? "'\"\"\"'" : "\"'''\"");
		if (basic && s[j] == '\\' && j + 1 < p->n) {
			j += 2;
			continue;
		}
		if (s[j] == q && j + 2 < p->n && s[j + 1] == q && s[j + 2] == q)
			break;
		j++;
	}
	/* Up to two quotes right before the closing delimiter belong to the content. */
	size_t run = 3;
	while (run < 5 && j + run < p->n && s[j + run] == q)
		run++;
	size_t end = j + run - 3, close = j + run, bl = 0;
	char *buf = arena_alloc(p->a, end - start + 1);
	for (j = start; j < end;) {
		unsigned char c = (unsigned char)s[j];
		if (is_nl(p, j, end)) {
			/* CRLF is stored as LF: the value should not depend on the file's line ends. */
			buf[bl++] = '\n';
			j += nl_len(p, j);
		} else if (basic && c == '\\') {
			/* A backslash ending a line trims it and all whitespace and newlines after. */
			size_t k = j + 1;
			while (k < end && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (is_nl(p, k, end)) {
				while (k < end && (s[k] == ' ' || s[k] == '\t' || is_nl(p, k, end)))
					k += is_nl(p, k, end) ? nl_len(p, k) : 1;
				j = k;
				continue;
			}
			j = escape(p, j, end, buf, &bl);
			if (!j)
				return false;
		} else if (bad_control(c)) {
			return ctl_error(p, j);
		} else {
			buf[bl++] = (char)c;
			j++;
		}
	}
	buf[bl] = '\0';
	out->ptr = buf;
	out->len = bl;
	p->i = close;
	return true;
}

bool toml_parse_string(struct toml_parser *p, struct toml_string *out, bool allow_ml)
{
	const char *s = p->s;
	size_t i = p->i;
	bool ml = i + 2 < p->n && s[i + 1] == s[i] && s[i + 2] == s[i];
	if (!ml)
		return parse_line(p, out, s[i] == '"');
	if (!allow_ml)
		return toml_fail(p, i, "multi-line strings cannot be used as keys");
	return parse_ml(p, out, s[i] == '"');
}
