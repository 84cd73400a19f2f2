/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Boot images for ARM and RISC-V: selfe's loader (loader/, cross-compiled by `selfe build`)
 * with the kernel, the root task and the DTB behind it, described by the header in
 * loader/include/ldr/image.h.  The result is one ELF that QEMU's -kernel (or a board's boot
 * loader) places at the loader's link address and starts there.
 */
#ifndef SELFE_IMAGE_H
#define SELFE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/sb.h"

struct image_parts {
	const unsigned char *kernel, *root, *dtb; /* dtb may be NULL */
	size_t kernel_len, root_len, dtb_len;
	const char *kernel_path, *root_path, *dtb_path; /* for messages */
	uint32_t num_nodes, flags, pa_bits;
};

/* The payload (header and parts) appended to `out`.  Checks the kernel and root task with the
 * loader's own ELF reader first, so a file the loader would reject fails the build instead.
 * 0, or -1 after reporting. */
int image_payload(const struct image_parts *p, struct sb *out);

/* The bootable ELF: the loader's loadable bytes from its first address, zero-filled to
 * LDR_PAYLOAD_OFFSET, then the payload; one PT_LOAD segment, entry = the loader's.  0, or -1. */
int image_wrap(const unsigned char *loader, size_t loader_len, const char *loader_path, const struct sb *payload,
	       struct sb *out);

/* QEMU's random /chosen seeds (rng-seed, kaslr-seed) in `dtb` turned into NOP tokens in place,
 * so that one configuration always gives the same image.  0, or -1 after reporting a blob that is
 * not a device tree. */
int image_dtb_drop_seeds(unsigned char *dtb, size_t len, const char *path);

/* Both, from files, written atomically to `out_path`.  0, or -1 after reporting. */
int image_write(const char *loader_elf, const char *kernel_elf, const char *root_elf, const char *dtb,
		uint32_t num_nodes, uint32_t flags, uint32_t pa_bits, const char *out_path);

/* Whether selfe's loader runs on this sel4_arch (aarch64, aarch32, riscv64). */
bool image_loader_supported(const char *sel4_arch);
/* Compile the embedded loader with CROSS_PREFIXgcc into WORK/loader.elf.  Its path, or NULL
 * after reporting. */
const char *image_loader_build(struct arena *a, const char *sel4_arch, const char *cross_prefix, const char *work);

/*
 * The bootable image for a built kernel: the loader compiled, the kernel's build options read
 * (cores to start, hypervisor mode, physical address size from gen_config.json), the kernel's
 * DTB (install/support/kernel.dtb) taken when there is one.  Writes `out`.  0, or -1.
 */
struct image_request {
	const char *sel4_arch, *cross_prefix;
	const char *work;            /* a folder for the loader build */
	const char *gen_config_json; /* the kernel build's */
	const char *kernel_elf, *kernel_dtb, *root_task;
	const char *out;
};
int image_build(struct arena *a, const struct image_request *req);

#endif
