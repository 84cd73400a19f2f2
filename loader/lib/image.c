/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Checking the image header and its parts.  Every number is untrusted: sums are formed only
 * after comparing against what is left, so a corrupt header cannot make the loader read past
 * the image.
 */
#include "ldr/check.h"

static const char *const part_name[LDR_NPARTS] = { "kernel ELF", "root-task ELF", "DTB" };

int ldr_image_check(const void *base, uint64_t avail, uint32_t want_machine, struct ldr_image *out,
		    struct ldr_err *e)
{
	const struct ldr_header *h = base;
	const unsigned char *bytes = base;
	if (avail < sizeof(*h))
		return ldr_fail(e, "image truncated: %u bytes, the header alone needs %u", avail,
				(uint64_t)sizeof(*h));
	for (unsigned i = 0; i < 8; i++)
		if (h->magic[i] != LDR_MAGIC[i])
			return ldr_fail(e, "image header: bad magic (not a selfe boot image, or the loader and image differ)");
	if (h->version != LDR_VERSION)
		return ldr_fail(e, "image header: version %u, this loader reads version %u", (uint64_t)h->version,
				(uint64_t)LDR_VERSION);
	if (h->header_size != sizeof(*h))
		return ldr_fail(e, "image header: header size %u, expected %u", (uint64_t)h->header_size,
				(uint64_t)sizeof(*h));
	uint32_t crc = ldr_crc32(h, (uint64_t)((const unsigned char *)&h->header_crc - bytes));
	if (crc != h->header_crc)
		return ldr_fail(e, "image header: checksum %x, the header says %x (corrupt image)", (uint64_t)crc,
				(uint64_t)h->header_crc);
	if (h->image_size > avail)
		return ldr_fail(e, "image truncated: the header says %u bytes, only %u are there", h->image_size, avail);
	if (h->machine != want_machine)
		return ldr_fail(e, "image is for %s, this loader runs on %s", ldr_machine_name(h->machine),
				ldr_machine_name(want_machine));
	if (h->num_nodes == 0)
		return ldr_fail(e, "image header: 0 cores to start");
	for (unsigned i = 0; i < LDR_NPARTS; i++) {
		const struct ldr_part *p = &h->part[i];
		out->part[i] = 0;
		out->size[i] = p->size;
		if (p->size == 0) {
			if (i != LDR_PART_DTB)
				return ldr_fail(e, "image header: the %s is empty", part_name[i]);
			continue;
		}
		if (p->offset < sizeof(*h) || p->offset > h->image_size || p->size > h->image_size - p->offset)
			return ldr_fail(e, "image header: the %s (offset %x, %u bytes) lies outside the image (%u bytes)",
					part_name[i], p->offset, p->size, h->image_size);
		for (unsigned j = 0; j < i; j++) {
			const struct ldr_part *q = &h->part[j];
			if (q->size && p->offset < q->offset + q->size && q->offset < p->offset + p->size)
				return ldr_fail(e, "image header: the %s and the %s overlap", part_name[j], part_name[i]);
		}
		out->part[i] = bytes + p->offset;
		uint32_t c = ldr_crc32(out->part[i], p->size);
		if (c != p->crc)
			return ldr_fail(e, "%s: checksum %x, the header says %x (corrupt image)", part_name[i], (uint64_t)c,
					(uint64_t)p->crc);
	}
	out->h = h;
	return 0;
}
