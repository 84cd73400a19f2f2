/* SPDX-License-Identifier: BSD-2-Clause */
/* A tiny formatter for the loader's one-line messages (no libc in the loader). */
#include "ldr/check.h"

/* v / base by shifting and subtracting: 32-bit targets would otherwise need libgcc's 64-bit
 * division, which the loader does not link. */
static uint64_t divide(uint64_t v, unsigned base, unsigned *rem)
{
	uint64_t q = 0, r = 0;
	for (int bit = 63; bit >= 0; bit--) {
		r = r << 1 | ((v >> bit) & 1);
		if (r >= base) {
			r -= base;
			q |= (uint64_t)1 << bit;
		}
	}
	*rem = (unsigned)r;
	return q;
}

static void put(char *buf, size_t cap, size_t *n, char c)
{
	if (*n + 1 < cap)
		buf[(*n)++] = c;
}

void ldr_vformat(char *buf, size_t cap, const char *fmt, va_list ap)
{
	size_t n = 0;
	if (cap == 0)
		return;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%' || !p[1]) {
			put(buf, cap, &n, *p);
			continue;
		}
		p++;
		if (*p == 's') {
			const char *s = va_arg(ap, const char *);
			for (; s && *s; s++)
				put(buf, cap, &n, *s);
		} else if (*p == 'u' || *p == 'x') {
			uint64_t v = va_arg(ap, uint64_t);
			unsigned base = *p == 'u' ? 10 : 16;
			char digits[20];
			int k = 0;
			do {
				unsigned r;
				v = divide(v, base, &r);
				digits[k++] = "0123456789abcdef"[r];
			} while (v);
			if (base == 16) {
				put(buf, cap, &n, '0');
				put(buf, cap, &n, 'x');
			}
			while (k)
				put(buf, cap, &n, digits[--k]);
		} else {
			put(buf, cap, &n, *p);
		}
	}
	buf[n] = 0;
}

int ldr_fail(struct ldr_err *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ldr_vformat(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}
