/* SPDX-License-Identifier: BSD-2-Clause */
/* Arena: a list of chunks; large requests get a chunk of their own. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb.h"
#include "xalloc.h"

#define ARENA_CHUNK 65536
#define ARENA_ALIGN 16

struct chunk {
	struct chunk *next;
	size_t used, size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
	struct chunk *head;
};

struct arena *arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

static struct chunk *chunk_new(size_t size)
{
	struct chunk *c = xmalloc(sizeof(*c) + size);
	c->next = NULL;
	c->used = 0;
	c->size = size;
	return c;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (size == 0)
		size = ARENA_ALIGN;
	struct chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		if (size > ARENA_CHUNK / 4) {
			/* Big block: its own chunk, linked behind the current one so that
			 * the current chunk keeps serving small requests. */
			struct chunk *big = chunk_new(size);
			big->used = size;
			if (c) {
				big->next = c->next;
				c->next = big;
			} else {
				a->head = big;
			}
			memset(big->data, 0, size);
			return big->data;
		}
		c = chunk_new(ARENA_CHUNK);
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += size;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	struct sb sb = SB_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	char *p = arena_strndup(a, sb_str(&sb), sb.len);
	sb_release(&sb);
	return p;
}

void *arena_grow(struct arena *a, void *ptr, size_t *cap, size_t need, size_t elem_size)
{
	if (need <= *cap)
		return ptr;
	size_t n = *cap ? *cap * 2 : 4;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / elem_size)
		abort();
	void *p = arena_alloc(a, n * elem_size);
	if (ptr && *cap)
		memcpy(p, ptr, *cap * elem_size);
	*cap = n;
	return p;
}
