/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target: the selfe-arc reader (runtime/lib/arc.c, shared by root tasks and `selfe
 * arc list`).  Open; every entry it then hands out must lie inside the archive, and finding an
 * entry by its name must give the first entry of that name.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "selfe/arc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void inside(const uint8_t *data, size_t size, const void *p, size_t len)
{
	const uint8_t *q = p;
	if (len && (q < data || q > data + size || len > (size_t)(data + size - q)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct selfe_arc arc;
	int rc = selfe_arc_open(&arc, size ? data : NULL, size);
	if (rc != SELFE_ARC_OK) {
		if (selfe_arc_count(&arc) != 0 || !selfe_arc_strerror(rc))
			abort();
		return 0;
	}
	for (size_t i = 0; i < selfe_arc_count(&arc); i++) {
		const char *name;
		size_t nlen, len;
		const void *d;
		if (selfe_arc_entry(&arc, i, &name, &nlen, &d, &len) != SELFE_ARC_OK || nlen == 0)
			abort();
		inside(data, size, name, nlen);
		inside(data, size, d, len);
		if (memchr(name, 0, nlen))
			abort();
		char *z = malloc(nlen + 1);
		memcpy(z, name, nlen);
		z[nlen] = 0;
		const void *fd;
		size_t flen;
		if (selfe_arc_find(&arc, z, &fd, &flen) != SELFE_ARC_OK)
			abort();
		inside(data, size, fd, flen);
		free(z);
	}
	if (selfe_arc_entry(&arc, selfe_arc_count(&arc), NULL, NULL, NULL, NULL) != SELFE_ARC_ERR_INDEX)
		abort();
	return 0;
}
