/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where everything goes.  The kernel sits at its own p_paddr.  The kernel's boot code sorts its
 * reserved regions {kernel, DTB, root task} and rejects them unless each starts at or after the
 * end of the one before, so the DTB follows the kernel and the root task follows the DTB, each
 * page aligned.  The root task is one contiguous block from its lowest page to its highest: the
 * kernel makes a frame for every page of it and maps it at physical - pv_offset.
 */
#include "ldr/check.h"

#define PAGE 4096u

static uint64_t up(uint64_t v)
{
	return (v + PAGE - 1) & ~(uint64_t)(PAGE - 1);
}

static int in_ram(const struct ldr_ram *ram, uint64_t start, uint64_t end)
{
	for (unsigned i = 0; i < ram->n; i++)
		if (start >= ram->start[i] && end <= ram->end[i] && start <= end)
			return 1;
	return 0;
}

static int overlap(uint64_t a, uint64_t aend, uint64_t b, uint64_t bend)
{
	return a < bend && b < aend;
}

int ldr_place(const struct ldr_place_in *in, struct ldr_place *out, struct ldr_err *e)
{
	const struct ldr_elf *k = in->kernel, *r = in->root;
	for (unsigned i = 0; i < k->nseg; i++) {
		const struct ldr_seg *s = &k->seg[i];
		if (!in_ram(in->ram, s->paddr, s->paddr + s->memsz))
			return ldr_fail(e, "kernel ELF: segment %u (%x..%x) is outside RAM", (uint64_t)i, s->paddr,
					s->paddr + s->memsz);
		if (s->vaddr - s->paddr != k->vmin - k->pmin)
			return ldr_fail(e, "kernel ELF: segments have different virtual-physical offsets");
	}
	out->kernel_start = k->pmin;
	out->kernel_end = up(k->pend);
	if (overlap(out->kernel_start, out->kernel_end, in->loader_start, in->loader_end))
		return ldr_fail(e, "kernel ELF: %x..%x would overwrite the loader (%x..%x)", out->kernel_start,
				out->kernel_end, in->loader_start, in->loader_end);
	uint64_t next = out->kernel_end;
	out->dtb_p = 0;
	if (in->dtb_size) {
		out->dtb_p = next;
		next = up(next + in->dtb_size);
	}
	uint64_t vbase = r->vmin & ~(uint64_t)(PAGE - 1);
	uint64_t span = up(r->vend) - vbase;
	out->ui_p_start = next;
	out->ui_p_end = next + span;
	if (out->ui_p_end < out->ui_p_start || !in_ram(in->ram, out->kernel_start, out->ui_p_end))
		return ldr_fail(e, "root task: %u bytes after the kernel and DTB (%x..%x) do not fit in RAM", span,
				out->ui_p_start, out->ui_p_end);
	if (overlap(out->kernel_end, out->ui_p_end, in->loader_start, in->loader_end))
		return ldr_fail(e, "root task: %x..%x would overwrite the loader (%x..%x)", out->ui_p_start,
				out->ui_p_end, in->loader_start, in->loader_end);
	out->pv_offset = out->ui_p_start - vbase;
	out->v_entry = r->entry;
	return 0;
}
