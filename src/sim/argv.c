/* SPDX-License-Identifier: BSD-2-Clause */
/* Growing a NULL-terminated argument vector in an arena (the QEMU command lines). */
#include "sim.h"

void sim_argv_add(struct arena *a, const char ***v, size_t *n, size_t *cap, const char *word)
{
	*v = arena_grow(a, *v, cap, *n + 2, sizeof(**v));
	(*v)[(*n)++] = word;
	(*v)[*n] = NULL;
}

void sim_argv_add_words(struct arena *a, const char ***v, size_t *n, size_t *cap, const char *text)
{
	for (const char *p = text; *p;) {
		while (*p == ' ')
			p++;
		const char *start = p;
		while (*p && *p != ' ')
			p++;
		if (p > start)
			sim_argv_add(a, v, n, cap, arena_strndup(a, start, (size_t)(p - start)));
	}
}
