/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target: the device-tree blob reader (src/hwgen/fdt.c; built when that folder exists).
 * Read; when the blob reads, walk every node and property through the typed views and look
 * each node up again by path and by phandle.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hwgen/fdt.h"
#include "util/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sb sink = SB_INIT;
	diag_capture(&sink);
	struct arena *a = arena_new();
	struct fdt t;
	if (fdt_read(&t, a, "fuzz.dtb", data, size) == 0) {
		for (size_t i = 0; i < t.nnodes; i++) {
			const struct fdt_node *n = t.nodes[i];
			if (fdt_by_path(&t, n->path) == NULL)
				abort();
			for (size_t j = 0; j < n->nprops; j++) {
				const struct fdt_prop *p = &n->props[j];
				const char *strs[8];
				if (fdt_is_strings(p))
					fdt_strings(a, p, strs, 8);
				if (fdt_is_cells(p))
					for (size_t c = 0; c < p->len / 4; c++)
						(void)fdt_cell(p, c);
				if (fdt_prop(n, p->name) == NULL)
					abort();
			}
			const struct fdt_prop *ph = fdt_prop(n, "phandle");
			if (ph && fdt_is_cells(ph) && ph->len == 4 && fdt_by_phandle(&t, fdt_cell(ph, 0)) == NULL)
				abort();
			const struct fdt_prop *reg;
			fdt_cells(&t, n, "reg", &reg);
			fdt_first_string(n, "compatible");
		}
	}
	arena_free(a);
	diag_capture(NULL);
	sb_release(&sink);
	return 0;
}
