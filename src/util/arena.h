/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A bump allocator for trees that live and die together (a parsed TOML document, a config
 * model).  Memory is zeroed.  arena_free() releases everything at once.
 */
#ifndef SELFE_ARENA_H
#define SELFE_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t size);
/* Copy of `len` bytes plus a terminating NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Grow an arena array to hold `need` elements (old storage is abandoned to the arena). */
void *arena_grow(struct arena *a, void *ptr, size_t *cap, size_t need, size_t elem_size);

#endif
