/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The printf formatter, pure: it only calls the emit function it is given, so the same code
 * prints to seL4's debug console, fills a buffer for selfe_snprintf, and runs in host tests.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "selfe/runtime.h"

/* <limits.h> is not usable with -nostdinc on GCC (it chains to the C library's): use the
 * compiler's own macro. */
#define INT_MAX __INT_MAX__
#define INT_MIN (-INT_MAX - 1)

struct out {
	selfe_emit_fn emit;
	void *ctx;
	int count;
};

static void put(struct out *o, char c)
{
	o->emit(c, o->ctx);
	if (o->count < INT_MAX) /* a huge width must not overflow the count */
		o->count++;
}

static void put_repeated(struct out *o, char c, int n)
{
	for (; n > 0; n--)
		put(o, c);
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE, LEN_INTMAX, LEN_PTRDIFF };

struct spec {
	bool left, zero, plus, space, alt;
	int width;     /* 0 when none */
	int precision; /* -1 when none */
	enum length length;
};

/* A decimal number in the format string; saturates instead of overflowing. */
static int parse_decimal(const char **p)
{
	int n = 0;
	while (**p >= '0' && **p <= '9') {
		int digit = **p - '0';
		n = n > (INT_MAX - digit) / 10 ? INT_MAX : n * 10 + digit;
		(*p)++;
	}
	return n;
}

/* Pads a field of `len` characters to the spec's width on the side the '-' flag says. */
static void pad_before(struct out *o, const struct spec *s, int len)
{
	if (!s->left)
		put_repeated(o, ' ', s->width - len);
}

static void pad_after(struct out *o, const struct spec *s, int len)
{
	if (s->left)
		put_repeated(o, ' ', s->width - len);
}

/*
 * One integer conversion.  Layout: [spaces] sign prefix [zeros] digits [spaces]; a precision
 * sets the minimum number of digits (and disables the '0' flag, as in C); value 0 with
 * precision 0 prints no digits.
 */
static void format_integer(struct out *o, const struct spec *s, unsigned long long magnitude, bool negative,
			   unsigned base, bool upper, const char *prefix)
{
	const char *digit_chars = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[64]; /* enough for a 64-bit value in any base >= 2 */
	int ndigits = 0;
	while (magnitude) {
		digits[ndigits++] = digit_chars[magnitude % base];
		magnitude /= base;
	}
	int precision = s->precision < 0 ? 1 : s->precision;
	int zeros = precision > ndigits ? precision - ndigits : 0;

	char sign = negative ? '-' : s->plus ? '+' : s->space ? ' ' : 0;
	int prefix_len = 0;
	while (prefix && prefix[prefix_len])
		prefix_len++;
	int len = (sign ? 1 : 0) + prefix_len + zeros + ndigits;
	if (s->zero && !s->left && s->precision < 0 && s->width > len) {
		zeros += s->width - len;
		len = s->width;
	}

	pad_before(o, s, len);
	if (sign)
		put(o, sign);
	for (int i = 0; i < prefix_len; i++)
		put(o, prefix[i]);
	put_repeated(o, '0', zeros);
	while (ndigits)
		put(o, digits[--ndigits]);
	pad_after(o, s, len);
}

static long long signed_argument(va_list *ap, enum length length)
{
	switch (length) {
	case LEN_CHAR: return (signed char)va_arg(*ap, int);
	case LEN_SHORT: return (short)va_arg(*ap, int);
	case LEN_LONG: return va_arg(*ap, long);
	case LEN_LLONG: return va_arg(*ap, long long);
	/* The signed type of size_t's width: ptrdiff_t has it on every arch we target. */
	case LEN_SIZE: return va_arg(*ap, ptrdiff_t);
	case LEN_INTMAX: return va_arg(*ap, intmax_t);
	case LEN_PTRDIFF: return va_arg(*ap, ptrdiff_t);
	case LEN_INT: break;
	}
	return va_arg(*ap, int);
}

static unsigned long long unsigned_argument(va_list *ap, enum length length)
{
	switch (length) {
	case LEN_CHAR: return (unsigned char)va_arg(*ap, unsigned);
	case LEN_SHORT: return (unsigned short)va_arg(*ap, unsigned);
	case LEN_LONG: return va_arg(*ap, unsigned long);
	case LEN_LLONG: return va_arg(*ap, unsigned long long);
	case LEN_SIZE: return va_arg(*ap, size_t);
	case LEN_INTMAX: return va_arg(*ap, uintmax_t);
	case LEN_PTRDIFF: return (unsigned long long)va_arg(*ap, ptrdiff_t);
	case LEN_INT: break;
	}
	return va_arg(*ap, unsigned);
}

static void format_string(struct out *o, const struct spec *s, const char *str)
{
	if (!str)
		str = "(null)";
	/* With a precision, never look past it: the argument need not be NUL-terminated. */
	int len = 0;
	while ((s->precision < 0 || len < s->precision) && str[len])
		len++;
	pad_before(o, s, len);
	for (int i = 0; i < len; i++)
		put(o, str[i]);
	pad_after(o, s, len);
}

static const char *parse_length(const char *p, enum length *length)
{
	*length = LEN_INT;
	switch (*p) {
	case 'h':
		if (p[1] == 'h') {
			*length = LEN_CHAR;
			return p + 2;
		}
		*length = LEN_SHORT;
		return p + 1;
	case 'l':
		if (p[1] == 'l') {
			*length = LEN_LLONG;
			return p + 2;
		}
		*length = LEN_LONG;
		return p + 1;
	case 'z': *length = LEN_SIZE; return p + 1;
	case 'j': *length = LEN_INTMAX; return p + 1;
	case 't': *length = LEN_PTRDIFF; return p + 1;
	}
	return p;
}

/* Parses the spec after '%' (flags, width, precision, length); returns where the conversion
 * character is. */
static const char *parse_spec(const char *p, struct spec *s, va_list *ap)
{
	*s = (struct spec){ .precision = -1 };
	for (;; p++) {
		if (*p == '-')
			s->left = true;
		else if (*p == '0')
			s->zero = true;
		else if (*p == '+')
			s->plus = true;
		else if (*p == ' ')
			s->space = true;
		else if (*p == '#')
			s->alt = true;
		else
			break;
	}
	if (*p == '*') {
		int w = va_arg(*ap, int);
		p++;
		/* A negative width argument means '-' and its magnitude, as in C. */
		if (w < 0) {
			s->left = true;
			w = w == INT_MIN ? INT_MAX : -w;
		}
		s->width = w;
	} else {
		s->width = parse_decimal(&p);
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			int prec = va_arg(*ap, int);
			p++;
			s->precision = prec < 0 ? -1 : prec; /* negative: as if omitted */
		} else {
			s->precision = parse_decimal(&p);
		}
	}
	return parse_length(p, &s->length);
}

int selfe_vformat(selfe_emit_fn emit, void *ctx, const char *fmt, va_list ap_in)
{
	struct out o = { emit, ctx, 0 };
	va_list ap;
	va_copy(ap, ap_in);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			put(&o, *p);
			continue;
		}
		const char *start = p;
		struct spec s;
		p = parse_spec(p + 1, &s, &ap);
		switch (*p) {
		case '%':
			put(&o, '%');
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			pad_before(&o, &s, 1);
			put(&o, c);
			pad_after(&o, &s, 1);
			break;
		}
		case 's':
			format_string(&o, &s, va_arg(ap, const char *));
			break;
		case 'd':
		case 'i': {
			long long v = signed_argument(&ap, s.length);
			unsigned long long magnitude = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
			format_integer(&o, &s, magnitude, v < 0, 10, false, NULL);
			break;
		}
		case 'u':
		case 'x':
		case 'X': {
			unsigned long long v = unsigned_argument(&ap, s.length);
			struct spec unsigned_spec = s;
			unsigned_spec.plus = unsigned_spec.space = false; /* sign flags apply to signed only */
			const char *prefix = NULL;
			if (s.alt && v && *p != 'u')
				prefix = *p == 'X' ? "0X" : "0x";
			format_integer(&o, &unsigned_spec, v, false, *p == 'u' ? 10 : 16, *p == 'X', prefix);
			break;
		}
		case 'p': {
			struct spec pointer_spec = s;
			pointer_spec.plus = pointer_spec.space = false;
			format_integer(&o, &pointer_spec, (uintptr_t)va_arg(ap, void *), false, 16, false, "0x");
			break;
		}
		default:
			/* Not a conversion we know: print it as written and stop reading arguments of
			 * this spec (its type is unknown).  A '%' at the very end is kept as is. */
			for (const char *q = start; q <= p && *q; q++)
				put(&o, *q);
			if (!*p)
				p--;
			break;
		}
	}
	va_end(ap);
	return o.count;
}

struct buffer {
	char *buf;
	size_t n, used;
};

static void emit_to_buffer(char c, void *ctx)
{
	struct buffer *b = ctx;
	if (b->n && b->used < b->n - 1)
		b->buf[b->used++] = c;
}

int selfe_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	struct buffer b = { buf, n, 0 };
	int len = selfe_vformat(emit_to_buffer, &b, fmt, ap);
	if (n)
		buf[b.used] = '\0';
	return len;
}

int selfe_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = selfe_vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return len;
}
