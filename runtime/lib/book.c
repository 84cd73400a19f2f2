/* SPDX-License-Identifier: BSD-2-Clause */
/* Slot and untyped bookkeeping (selfe/book.h): pure C, no libsel4. */
#include "selfe/book.h"

#include "selfe/string.h"

void selfe_book_init(struct selfe_book *b, uintptr_t first, uintptr_t end)
{
	selfe_rt_memset(b, 0, sizeof *b);
	b->slot_first = first;
	size_t n = end > first ? (size_t)(end - first) : 0;
	b->n_slots = n > SELFE_BOOK_SLOTS_MAX ? SELFE_BOOK_SLOTS_MAX : n;
	b->slots_free = b->n_slots;
}

int selfe_book_add_untyped(struct selfe_book *b, uintptr_t cap, uint64_t paddr, unsigned size_bits, int device)
{
	if (size_bits > 63)
		return SELFE_E_ARG;
	if (b->n_ut == SELFE_BOOK_UNTYPED_MAX)
		return SELFE_E_NOMEM;
	struct selfe_book_untyped *u = &b->ut[b->n_ut++];
	u->cap = cap;
	u->paddr = paddr;
	u->used = 0;
	u->size_bits = (uint8_t)size_bits;
	u->device = device != 0;
	return 0;
}

static int bit(const struct selfe_book *b, size_t i)
{
	return (b->slot_used[i / 32] >> (i % 32)) & 1u;
}

static void set_bit(struct selfe_book *b, size_t i, int v)
{
	if (v)
		b->slot_used[i / 32] |= 1u << (i % 32);
	else
		b->slot_used[i / 32] &= ~(1u << (i % 32));
}

int selfe_book_slot_taken(const struct selfe_book *b, uintptr_t s)
{
	return s >= b->slot_first && s - b->slot_first < b->n_slots && bit(b, (size_t)(s - b->slot_first));
}

int selfe_book_take_slots(struct selfe_book *b, size_t n, uintptr_t *first)
{
	if (n == 0)
		return SELFE_E_ARG;
	if (n > b->slots_free)
		return SELFE_E_NOMEM;
	size_t run = 0;
	for (size_t i = 0; i < b->n_slots; i++) {
		/* Skip a whole word of taken slots at once when starting a run. */
		if (run == 0 && i % 32 == 0 && b->slot_used[i / 32] == 0xffffffffu) {
			i += 31;
			continue;
		}
		run = bit(b, i) ? 0 : run + 1;
		if (run == n) {
			size_t start = i + 1 - n;
			for (size_t k = start; k <= i; k++)
				set_bit(b, k, 1);
			b->slots_free -= n;
			*first = b->slot_first + start;
			return 0;
		}
	}
	return SELFE_E_NOMEM;
}

void selfe_book_give_slots(struct selfe_book *b, uintptr_t first, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (selfe_book_slot_taken(b, first + k)) {
			set_bit(b, (size_t)(first + k - b->slot_first), 0);
			b->slots_free++;
		}
	}
}

static uint64_t align_up(uint64_t x, unsigned bits)
{
	uint64_t a = (uint64_t)1 << bits;
	return (x + a - 1) & ~(a - 1);
}

int selfe_book_place(struct selfe_book *b, unsigned size_bits, size_t *index, uint64_t *offset)
{
	if (size_bits > 63)
		return SELFE_E_ARG;
	size_t best = (size_t)-1;
	uint64_t best_gap = 0;
	for (size_t i = 0; i < b->n_ut; i++) {
		const struct selfe_book_untyped *u = &b->ut[i];
		if (u->device || u->size_bits < size_bits)
			continue;
		uint64_t at = align_up(u->used, size_bits);
		uint64_t size = (uint64_t)1 << u->size_bits;
		if (at < u->used || at > size || size - at < ((uint64_t)1 << size_bits))
			continue;
		uint64_t gap = at - u->used;
		if (best == (size_t)-1 || gap < best_gap ||
		    (gap == best_gap && u->size_bits < b->ut[best].size_bits)) {
			best = i;
			best_gap = gap;
		}
	}
	if (best == (size_t)-1)
		return SELFE_E_NOMEM;
	struct selfe_book_untyped *u = &b->ut[best];
	*offset = align_up(u->used, size_bits);
	u->used = *offset + ((uint64_t)1 << size_bits);
	*index = best;
	return 0;
}

size_t selfe_book_find(const struct selfe_book *b, uint64_t paddr)
{
	for (size_t i = 0; i < b->n_ut; i++) {
		const struct selfe_book_untyped *u = &b->ut[i];
		if (paddr >= u->paddr && paddr - u->paddr < ((uint64_t)1 << u->size_bits))
			return i;
	}
	return (size_t)-1;
}

int selfe_book_place_at(struct selfe_book *b, uint64_t paddr, unsigned size_bits, unsigned min_bits,
			unsigned max_bits, size_t *index, unsigned char pad_bits[SELFE_BOOK_PAD_MAX], size_t *n_pad)
{
	if (size_bits > 63 || min_bits > max_bits || (paddr & (((uint64_t)1 << size_bits) - 1)))
		return SELFE_E_ARG;
	size_t i = selfe_book_find(b, paddr);
	if (i == (size_t)-1)
		return SELFE_E_RANGE;
	struct selfe_book_untyped *u = &b->ut[i];
	uint64_t off = paddr - u->paddr;
	uint64_t size = (uint64_t)1 << u->size_bits;
	if (size - off < ((uint64_t)1 << size_bits))
		return SELFE_E_RANGE;
	if (off < u->used)
		return SELFE_E_USED;
	/* Greedy: the largest aligned block that still ends at or before off.  The watermark and
	 * off are both multiples of 2^min_bits (objects are at least that big), so this ends. */
	uint64_t w = u->used;
	size_t n = 0;
	while (w < off) {
		unsigned k = max_bits;
		while (k > min_bits && ((w & (((uint64_t)1 << k) - 1)) || off - w < ((uint64_t)1 << k)))
			k--;
		if ((w & (((uint64_t)1 << k) - 1)) || off - w < ((uint64_t)1 << k) || n == SELFE_BOOK_PAD_MAX)
			return SELFE_E_ARG; /* off or the watermark is not a multiple of 2^min_bits */
		pad_bits[n++] = (unsigned char)k;
		w += (uint64_t)1 << k;
	}
	u->used = off + ((uint64_t)1 << size_bits);
	*index = i;
	*n_pad = n;
	return 0;
}

void selfe_book_note_object(struct selfe_book *b, uintptr_t slot, size_t index)
{
	if (index < b->n_ut && slot >= b->slot_first && slot - b->slot_first < b->n_slots) {
		b->slot_ut[slot - b->slot_first] = (uint8_t)(index + 1);
		b->ut[index].live++;
	}
}

size_t selfe_book_forget_object(struct selfe_book *b, uintptr_t slot)
{
	if (slot < b->slot_first || slot - b->slot_first >= b->n_slots || !b->slot_ut[slot - b->slot_first])
		return (size_t)-1;
	size_t index = (size_t)b->slot_ut[slot - b->slot_first] - 1;
	b->slot_ut[slot - b->slot_first] = 0;
	if (--b->ut[index].live == 0)
		b->ut[index].used = 0;
	return index;
}

void selfe_book_unplace(struct selfe_book *b, size_t index, uint64_t used)
{
	if (index < b->n_ut)
		b->ut[index].used = used;
}

void selfe_book_reset(struct selfe_book *b, size_t index)
{
	if (index < b->n_ut)
		b->ut[index].used = 0;
}
