/* SPDX-License-Identifier: BSD-2-Clause */
/* String buffer: always NUL-terminated once anything has been added. */
#include "sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

const char *sb_str(const struct sb *sb)
{
	return sb->buf ? sb->buf : "";
}

static void sb_reserve(struct sb *sb, size_t extra)
{
	sb->buf = xgrow(sb->buf, &sb->cap, sb->len + extra + 1, 1);
}

void sb_add(struct sb *sb, const void *data, size_t len)
{
	sb_reserve(sb, len);
	if (len)
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct sb *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addch(struct sb *sb, char c)
{
	/* The interpreters append a character at a time: no call to grow while there is room. */
	if (sb->len + 2 > sb->cap)
		sb_reserve(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void sb_vaddf(struct sb *sb, const char *fmt, va_list ap)
{
	/* Format straight into the free space; only when that is too small, grow and format
	 * again (formatting twice every time, to measure first, doubled the cost). */
	sb_reserve(sb, 64);
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, copy);
	va_end(copy);
	if (n < 0) {
		sb->buf[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= sb->cap - sb->len) {
		sb_reserve(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	}
	sb->len += (size_t)n;
}

void sb_addf(struct sb *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void sb_reset(struct sb *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void sb_release(struct sb *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

char *sb_detach(struct sb *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}
