/* SPDX-License-Identifier: BSD-2-Clause */
/* Unquoted values: booleans, integers, floats, and the tokens that hold date-times. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "toml_internal.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool token_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '+' ||
	       c == '-' || c == '.' || c == ':';
}

static int digit_value(char c, int base)
{
	int v;
	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	else
		return -1;
	return v < base ? v : -1;
}

/* digit *( digit / '_' digit ): copies the digits (no underscores) to buf, returns how many
 * characters of tok were used, 0 when there is no digit, -1 on a misplaced underscore. */
static long digits(const char *tok, size_t len, int base, char *buf, size_t *bl)
{
	size_t j = 0;
	if (j >= len || digit_value(tok[j], base) < 0)
		return 0;
	while (j < len) {
		if (digit_value(tok[j], base) >= 0) {
			buf[(*bl)++] = tok[j++];
		} else if (tok[j] == '_') {
			if (j + 1 >= len || digit_value(tok[j + 1], base) < 0)
				return -1;
			j++;
		} else {
			break;
		}
	}
	return (long)j;
}

static bool int_error(struct toml_parser *p, size_t off, const char *tok, size_t len, const char *why)
{
	return toml_fail(p, off, "invalid integer '%.*s' (%s)", (int)len, tok, why);
}

/* hex-int / oct-int / bin-int: "0x" HEXDIG *( HEXDIG / "_" HEXDIG ) and friends */
static bool parse_radix(struct toml_parser *p, size_t off, const char *tok, size_t len, struct toml_value *out)
{
	int base = tok[1] == 'x' ? 16 : tok[1] == 'o' ? 8 : 2;
	char *buf = arena_alloc(p->a, len + 1);
	size_t bl = 0;
	long used = digits(tok + 2, len - 2, base, buf, &bl);
	if (used <= 0 || (size_t)used != len - 2)
		return int_error(p, off, tok, len,
				 used < 0 ? "'_' must be between digits"
					  : base == 16 ? "expected hex digits" : base == 8 ? "expected octal digits"
										: "expected binary digits");
	uint64_t v = 0;
	for (size_t k = 0; k < bl; k++) {
		if (v > ((uint64_t)INT64_MAX - (uint64_t)digit_value(buf[k], base)) / (uint64_t)base)
			return toml_fail(p, off, "integer %.*s does not fit in 64 bits", (int)len, tok);
		v = v * (uint64_t)base + (uint64_t)digit_value(buf[k], base);
	}
	out->kind = TOML_INTEGER;
	out->u.i = (int64_t)v;
	return true;
}

/* dec-int = [ "-" / "+" ] ( DIGIT / digit1-9 1*( DIGIT / "_" DIGIT ) )
 * float = dec-int ( exp / frac [ exp ] )   frac = "." zero-prefixable-int
 * exp = "e" [ "-" / "+" ] zero-prefixable-int */
static bool parse_number(struct toml_parser *p, size_t off, const char *tok, size_t len, struct toml_value *out)
{
	char *buf = arena_alloc(p->a, len + 2);
	size_t bl = 0, j = 0;
	bool neg = false;
	if (tok[j] == '+' || tok[j] == '-') {
		neg = tok[j] == '-';
		buf[bl++] = tok[j++];
	}
	size_t int_start = bl;
	long used = digits(tok + j, len - j, 10, buf, &bl);
	if (used == 0)
		return toml_fail(p, off, "expected a value, found '%.*s'", (int)len, tok);
	if (used < 0)
		return toml_fail(p, off, "invalid number '%.*s' ('_' must be between digits)", (int)len, tok);
	bool leading_zero = bl - int_start > 1 && buf[int_start] == '0';
	j += (size_t)used;
	bool is_float = false;
	if (j < len && tok[j] == '.') {
		is_float = true;
		buf[bl++] = tok[j++];
		used = digits(tok + j, len - j, 10, buf, &bl);
		if (used <= 0)
			return toml_fail(p, off, "invalid float '%.*s' (%s)", (int)len, tok,
					 used < 0 ? "'_' must be between digits" : "expected digits after '.'");
		j += (size_t)used;
	}
	if (j < len && (tok[j] == 'e' || tok[j] == 'E')) {
		is_float = true;
		buf[bl++] = tok[j++];
		if (j < len && (tok[j] == '+' || tok[j] == '-'))
			buf[bl++] = tok[j++];
		used = digits(tok + j, len - j, 10, buf, &bl);
		if (used <= 0)
			return toml_fail(p, off, "invalid float '%.*s' (%s)", (int)len, tok,
					 used < 0 ? "'_' must be between digits" : "expected digits in the exponent");
		j += (size_t)used;
	}
	if (j < len)
		return toml_fail(p, off, "invalid %s '%.*s'", is_float ? "float" : "number", (int)len, tok);
	if (leading_zero)
		return toml_fail(p, off, "invalid %s '%.*s' (leading zeros are not allowed)",
				 is_float ? "float" : "integer", (int)len, tok);
	buf[bl] = '\0';
	if (is_float) {
		errno = 0;
		double d = strtod(buf, NULL);
		if (errno == ERANGE && isinf(d))
			return toml_fail(p, off, "float %.*s is out of range", (int)len, tok);
		out->kind = TOML_FLOAT;
		out->u.f = d;
		return true;
	}
	/* Accumulate the magnitude; the negative range is one larger than the positive. */
	uint64_t v = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (size_t k = int_start; k < bl; k++) {
		uint64_t d = (uint64_t)(buf[k] - '0');
		if (v > (limit - d) / 10)
			return toml_fail(p, off, "integer %.*s does not fit in 64 bits", (int)len, tok);
		v = v * 10 + d;
	}
	out->kind = TOML_INTEGER;
	out->u.i = neg ? (int64_t)(0 - v) : (int64_t)v;
	return true;
}

static bool looks_like_datetime(const char *tok, size_t len)
{
	if (memchr(tok, ':', len))
		return true;
	return len >= 5 && is_digit(tok[0]) && is_digit(tok[1]) && is_digit(tok[2]) && is_digit(tok[3]) &&
	       tok[4] == '-';
}

bool toml_parse_scalar(struct toml_parser *p, struct toml_value *out)
{
	const char *s = p->s;
	size_t off = p->i, j = off;
	while (j < p->n && token_char(s[j]))
		j++;
	/* A local date followed by a space and a time is one date-time (RFC 3339 allows the
	 * space as separator). */
	if (j - off == 10 && looks_like_datetime(s + off, 10) && j + 3 < p->n && s[j] == ' ' && is_digit(s[j + 1]) &&
	    is_digit(s[j + 2]) && s[j + 3] == ':') {
		j++;
		while (j < p->n && token_char(s[j]))
			j++;
	}
	const char *tok = s + off;
	size_t len = j - off;
	p->i = j;
	if (len == 0)
		return toml_fail(p, off, "expected a value, found %s", toml_describe(p, off));
	if ((len == 4 && memcmp(tok, "true", 4) == 0) || (len == 5 && memcmp(tok, "false", 5) == 0)) {
		out->kind = TOML_BOOL;
		out->u.b = len == 4;
		return true;
	}
	const char *body = tok;
	size_t blen = len;
	if (tok[0] == '+' || tok[0] == '-') {
		body++;
		blen--;
	}
	if (blen == 3 && (memcmp(body, "inf", 3) == 0 || memcmp(body, "nan", 3) == 0)) {
		out->kind = TOML_FLOAT;
		if (body[0] == 'i')
			out->u.f = tok[0] == '-' ? -HUGE_VAL : HUGE_VAL;
		else
			out->u.f = tok[0] == '-' ? -NAN : NAN;
		return true;
	}
	if (looks_like_datetime(tok, len))
		return toml_parse_datetime(p, off, tok, len, out);
	if (len >= 2 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'o' || tok[1] == 'b'))
		return parse_radix(p, off, tok, len, out);
	if (blen >= 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'o' || body[1] == 'b'))
		return int_error(p, off, tok, len, "a sign is not allowed with a base prefix");
	if (blen == 0 || !is_digit(body[0]))
		return toml_fail(p, off, "expected a value, found '%.*s'", (int)len, tok);
	return parse_number(p, off, tok, len, out);
}
