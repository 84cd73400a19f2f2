/* SPDX-License-Identifier: BSD-2-Clause */
/* Host allocation that never returns NULL: running out of memory aborts with a message. */
#ifndef SELFE_XALLOC_H
#define SELFE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

/* Grow *cap (at least doubling) so that `need` elements fit; returns the new buffer. */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem_size);

#endif
