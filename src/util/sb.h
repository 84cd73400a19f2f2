/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A growable string buffer.  SB_INIT is all zeros; sb_str() is always a valid C string ("" when
 * empty).  The buffer owns its memory: sb_release() frees it, sb_detach() hands it to the caller.
 * Contents may hold NUL bytes (len counts them); sb_str() then only sees the prefix.
 */
#ifndef SELFE_SB_H
#define SELFE_SB_H

#include <stdarg.h>
#include <stddef.h>

struct sb {
	char *buf;
	size_t len, cap;
};

#define SB_INIT { 0, 0, 0 }

const char *sb_str(const struct sb *sb);
void sb_add(struct sb *sb, const void *data, size_t len);
void sb_adds(struct sb *sb, const char *s);
void sb_addch(struct sb *sb, char c);
void sb_addf(struct sb *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct sb *sb, const char *fmt, va_list ap);
void sb_reset(struct sb *sb);
void sb_release(struct sb *sb);
/* Returns the malloc'd string (never NULL) and leaves sb empty. */
char *sb_detach(struct sb *sb);

#endif
