/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU's ARM virt board writes fresh random bytes into /chosen of every device tree it dumps
 * (rng-seed, kaslr-seed: seeds for a Linux guest), so two kernel configures of one project give
 * two different DTBs and two different boot images.  Neither the loader nor seL4 reads them,
 * and a seed baked into an image is the same on every boot of it, so it is no entropy for a root
 * task either.  They are turned into NOP tokens in place: the blob keeps its size and layout, and
 * every device-tree reader skips NOPs (the flattened format defines them for exactly this).
 */
#include <string.h>

#include "hwgen/fdt.h"
#include "image/image.h"
#include "util/arena.h"

#define FDT_NOP_TOKEN 4u
#define FDT_PROP_HEADER 12u /* token, value length, name offset */

static bool is_seed(const char *name)
{
	return !strcmp(name, "rng-seed") || !strcmp(name, "kaslr-seed");
}

int image_dtb_drop_seeds(unsigned char *dtb, size_t len, const char *path)
{
	struct arena *a = arena_new();
	struct fdt t;
	int rc = fdt_read(&t, a, path, dtb, len);
	struct fdt_node *chosen = rc ? NULL : fdt_by_path(&t, "/chosen");
	for (size_t i = 0; chosen && i < chosen->nprops; i++) {
		const struct fdt_prop *p = &chosen->props[i];
		if (!is_seed(p->name))
			continue;
		/* The reader keeps each value's place in the blob; its header is the 12 bytes before. */
		size_t at = (size_t)(p->data - dtb) - FDT_PROP_HEADER;
		size_t end = (size_t)(p->data - dtb) + ((p->len + 3u) & ~3u);
		for (; at < end; at += 4)
			memcpy(dtb + at, (const unsigned char[]){ 0, 0, 0, FDT_NOP_TOKEN }, 4);
	}
	arena_free(a);
	return rc;
}
