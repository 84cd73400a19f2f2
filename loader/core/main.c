/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * selfe's kernel loader, the part common to every arch: check the image behind the loader,
 * load the kernel at its physical address (BSS zeroed: the kernel never clears its own, and its
 * secondary cores spin on a lock that lives there), put the DTB and the root task after it, and
 * hand over to the arch code.  Every line printed starts with "LDR|"; a failure prints one
 * "LDR|ERROR: ..." line and stops.
 */
#include <stdarg.h>

#include "arch.h"

/* The largest image the loader will look at (the header's own size is checked against it). */
#define LDR_MAX_IMAGE (256u << 20)

void ldr_puts(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			arch_putc('\r');
		arch_putc(*s);
	}
}

void ldr_printf(const char *fmt, ...)
{
	char buf[200];
	va_list ap;
	va_start(ap, fmt);
	ldr_vformat(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ldr_puts("LDR|");
	ldr_puts(buf);
	ldr_puts("\n");
}

_Noreturn void ldr_error(const char *msg)
{
	ldr_printf("ERROR: %s", msg);
	arch_halt();
}

static void load_segments(const struct ldr_elf *elf, uint64_t dest_base, uint64_t vbase)
{
	for (unsigned i = 0; i < elf->nseg; i++) {
		const struct ldr_seg *s = &elf->seg[i];
		char *dst = (char *)(uintptr_t)(dest_base + (s->vaddr - vbase));
		memcpy(dst, elf->data + s->offset, (__SIZE_TYPE__)s->filesz);
		memset(dst + s->filesz, 0, (__SIZE_TYPE__)(s->memsz - s->filesz));
	}
}

_Noreturn void ldr_main(void);
_Noreturn void ldr_main(void)
{
	struct ldr_err e;
	struct ldr_image img;
	const unsigned char *base = (const unsigned char *)_loader_start + LDR_PAYLOAD_OFFSET;
	ldr_printf("selfe loader (%s)", ldr_machine_name(LDR_MACHINE));
	if (ldr_image_check(base, LDR_MAX_IMAGE, LDR_MACHINE, &img, &e))
		ldr_error(e.msg);
	struct ldr_elf kernel, root;
	if (ldr_elf_check("kernel ELF", img.part[LDR_PART_KERNEL], img.size[LDR_PART_KERNEL], LDR_MACHINE, LDR_IS64,
			  &kernel, &e) ||
	    ldr_elf_check("root-task ELF", img.part[LDR_PART_ROOT], img.size[LDR_PART_ROOT], LDR_MACHINE, LDR_IS64, &root,
			  &e))
		ldr_error(e.msg);

	/* The DTB the kernel was built against travels in the image; without one, the firmware's. */
	const void *dtb = img.part[LDR_PART_DTB];
	uint64_t dtb_avail = img.size[LDR_PART_DTB];
	if (!dtb) {
		dtb = arch_firmware_dtb();
		dtb_avail = 1u << 20;
	}
	if (!dtb)
		ldr_error("no DTB: the image has none and the firmware passed none");
	struct ldr_ram ram;
	uint64_t dtb_size;
	if (ldr_fdt_check(dtb, dtb_avail, &dtb_size, &ram, &e))
		ldr_error(e.msg);

	struct ldr_place p;
	struct ldr_place_in in = { &kernel, &root, dtb_size, (uintptr_t)_loader_start,
				   (uintptr_t)base + img.h->image_size, &ram };
	if (ldr_place(&in, &p, &e))
		ldr_error(e.msg);
	/* The DTB first: a firmware's may sit where the kernel goes. */
	memcpy((void *)(uintptr_t)p.dtb_p, dtb, (__SIZE_TYPE__)dtb_size);
	load_segments(&kernel, kernel.pmin, kernel.vmin);
	memset((void *)(uintptr_t)p.ui_p_start, 0, (__SIZE_TYPE__)(p.ui_p_end - p.ui_p_start));
	load_segments(&root, p.ui_p_start, root.vmin & ~(uint64_t)4095);
	ldr_printf("kernel %x..%x entry %x; dtb %x (%u bytes); root task %x..%x entry %x", p.kernel_start,
		   kernel.pend, kernel.entry, p.dtb_p, dtb_size, p.ui_p_start, p.ui_p_end, p.v_entry);

	struct ldr_boot b = {
		.ui_p_start = p.ui_p_start,
		.ui_p_end = p.ui_p_end,
		.pv_offset = p.pv_offset,
		.v_entry = p.v_entry,
		.dtb_p = p.dtb_p,
		.dtb_size = dtb_size,
		.kernel_entry = kernel.entry,
		.kernel_vbase = kernel.vmin,
		.kernel_pbase = kernel.pmin,
		.kernel_pend = kernel.pend,
		.num_nodes = img.h->num_nodes,
		.flags = img.h->flags,
		.pa_bits = img.h->pa_bits,
	};
	arch_boot(&b);
}
