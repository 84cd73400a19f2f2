/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * CPython's set algorithm (Objects/setobject.c, public), restated for regions; and the
 * start of its list sort (a first run, then binary insertion: all a short list needs).
 */
#include <string.h>

#include "hwgen/pyset.h"

enum { MINSIZE = 8, LINEAR_PROBES = 9, PERTURB_SHIFT = 5 };

/* hash(int) for a non-negative integer: its value modulo the Mersenne prime 2^61 - 1. */
static uint64_t int_hash(hw_addr v)
{
	return (uint64_t)(v % (((hw_addr)1 << 61) - 1));
}

/* hash((base, size)): the xxHash-style tuple hash of CPython 3.8 and later, 64-bit. */
static int64_t region_hash(struct hw_region r)
{
	const uint64_t p1 = 11400714785074694791ull, p2 = 14029467366897019727ull, p5 = 2870177450012600261ull;
	uint64_t acc = p5;
	uint64_t lanes[2] = { int_hash(r.base), int_hash(r.size) };
	for (int i = 0; i < 2; i++) {
		acc += lanes[i] * p2;
		acc = (acc << 31) | (acc >> 33);
		acc *= p1;
	}
	acc += 2 ^ (p5 ^ 3527539ull);
	if (acc == UINT64_MAX)
		return 1546275796;
	return (int64_t)acc;
}

static bool equal(struct hw_region a, struct hw_region b)
{
	return a.base == b.base && a.size == b.size;
}

void rset_init(struct rset *s, struct arena *a)
{
	memset(s, 0, sizeof(*s));
	s->a = a;
	s->mask = MINSIZE - 1;
	s->table = arena_alloc(a, MINSIZE * sizeof(*s->table));
}

/* Into a table known to hold no equal region and no emptied slot. */
static void insert_clean(struct rset_entry *table, size_t mask, struct hw_region r, int64_t hash)
{
	size_t perturb = (size_t)hash, i = (size_t)hash & mask;
	struct rset_entry *e;
	for (;;) {
		e = &table[i];
		if (!e->state)
			goto found;
		if (i + LINEAR_PROBES <= mask)
			for (int j = 0; j < LINEAR_PROBES; j++) {
				e++;
				if (!e->state)
					goto found;
			}
		perturb >>= PERTURB_SHIFT;
		i = (i * 5 + 1 + perturb) & mask;
	}
found:
	e->r = r;
	e->hash = hash;
	e->state = 1;
}

static void resize(struct rset *s, size_t minused)
{
	size_t size = MINSIZE;
	while (size <= minused)
		size <<= 1;
	struct rset_entry *old = s->table;
	size_t oldmask = s->mask;
	s->table = arena_alloc(s->a, size * sizeof(*s->table));
	s->mask = size - 1;
	s->fill = s->used;
	for (size_t i = 0; i <= oldmask; i++)
		if (old[i].state == 1)
			insert_clean(s->table, s->mask, old[i].r, old[i].hash);
}

static void add_hashed(struct rset *s, struct hw_region r, int64_t hash)
{
	size_t mask = s->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
	struct rset_entry *freeslot = NULL, *e;
	for (;;) {
		e = &s->table[i];
		int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
		do {
			if (e->state == 0)
				goto unused;
			if (e->state == 1 && e->hash == hash && equal(e->r, r))
				return;
			if (e->state == 2 && !freeslot)
				freeslot = e;
			e++;
		} while (probes--);
		perturb >>= PERTURB_SHIFT;
		i = (i * 5 + 1 + perturb) & mask;
	}
unused:
	if (freeslot) {
		s->used++;
		*freeslot = (struct rset_entry){ r, hash, 1 };
		return;
	}
	s->fill++;
	s->used++;
	*e = (struct rset_entry){ r, hash, 1 };
	if (s->fill * 5 < mask * 3)
		return;
	resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

void rset_add(struct rset *s, struct hw_region r)
{
	add_hashed(s, r, region_hash(r));
}

void rset_copy(struct rset *s, const struct rset *from)
{
	rset_init(s, from->a);
	if (from->used == 0)
		return;
	if ((s->fill + from->used) * 5 >= s->mask * 3)
		resize(s, (s->used + from->used) * 2);
	if (s->mask == from->mask && from->fill == from->used) {
		/* same size, nothing emptied: slot for slot */
		memcpy(s->table, from->table, (from->mask + 1) * sizeof(*s->table));
		s->fill = from->fill;
		s->used = from->used;
		return;
	}
	s->fill = s->used = from->used;
	for (size_t i = 0; i <= from->mask; i++)
		if (from->table[i].state == 1)
			insert_clean(s->table, s->mask, from->table[i].r, from->table[i].hash);
}

struct hw_region rset_pop(struct rset *s)
{
	struct rset_entry *e = s->table + (s->finger & s->mask), *limit = s->table + s->mask;
	while (e->state != 1) {
		e++;
		if (e > limit)
			e = s->table;
	}
	struct hw_region r = e->r;
	e->state = 2;
	e->hash = -1;
	s->used--;
	s->finger = (size_t)(e - s->table) + 1;
	return r;
}

struct hw_region *rset_list(const struct rset *s, size_t *n)
{
	struct hw_region *out = arena_alloc(s->a, (s->used + 1) * sizeof(*out));
	*n = 0;
	for (size_t i = 0; i <= s->mask; i++)
		if (s->table[i].state == 1)
			out[(*n)++] = s->table[i].r;
	return out;
}

/* Region a < b as the generator's Region class defines it (from "greater" and "equal"). */
static bool lt(struct hw_region a, struct hw_region b)
{
	return !(a.base > b.base) && !equal(a, b);
}

void rset_sort(struct hw_region *r, size_t n)
{
	if (n < 2)
		return;
	/* the first run: strictly descending (then reversed) or not descending */
	size_t run = 2;
	if (lt(r[1], r[0])) {
		while (run < n && lt(r[run], r[run - 1]))
			run++;
		for (size_t i = 0, j = run - 1; i < j; i++, j--) {
			struct hw_region t = r[i];
			r[i] = r[j];
			r[j] = t;
		}
	} else {
		while (run < n && !lt(r[run], r[run - 1]))
			run++;
	}
	/* binary insertion of the rest (a list this short is one run for the sort) */
	for (size_t start = run; start < n; start++) {
		struct hw_region pivot = r[start];
		size_t l = 0, h = start;
		do {
			size_t p = l + ((h - l) >> 1);
			if (lt(pivot, r[p]))
				h = p;
			else
				l = p + 1;
		} while (l < h);
		memmove(&r[l + 1], &r[l], (start - l) * sizeof(*r));
		r[l] = pivot;
	}
}
