/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Just enough of the flattened device tree (big-endian tokens) to find RAM: the root's
 * #address-cells/#size-cells and the reg of each top-level memory node.
 */
#include "ldr/check.h"

#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t cells(const unsigned char *p, uint32_t n)
{
	uint64_t v = 0;
	for (uint32_t i = 0; i < n; i++)
		v = v << 32 | be32(p + 4 * i);
	return v;
}

static int prefix(const char *s, const char *end, const char *pre)
{
	for (; *pre; pre++, s++)
		if (s >= end || *s != *pre)
			return 0;
	return s < end && (*s == 0 || *s == '@');
}

static int streq(const char *s, const char *end, const char *lit)
{
	for (; *lit; lit++, s++)
		if (s >= end || *s != *lit)
			return 0;
	return s < end && *s == 0;
}

int ldr_fdt_check(const void *dtb, uint64_t avail, uint64_t *size, struct ldr_ram *ram, struct ldr_err *e)
{
	const unsigned char *d = dtb;
	if (avail < 40)
		return ldr_fail(e, "DTB: truncated (%u bytes, its header needs 40)", avail);
	if (be32(d) != FDT_MAGIC)
		return ldr_fail(e, "DTB: bad magic %x (not a flattened device tree)", (uint64_t)be32(d));
	uint64_t total = be32(d + 4), off_struct = be32(d + 8), off_strings = be32(d + 12);
	uint64_t size_strings = be32(d + 32), size_struct = be32(d + 36);
	if (total > avail)
		return ldr_fail(e, "DTB: truncated (its header says %u bytes, %u are there)", total, avail);
	if (off_struct > total || size_struct > total - off_struct || off_strings > total ||
	    size_strings > total - off_strings)
		return ldr_fail(e, "DTB: structure or strings block outside the blob");
	*size = total;
	ram->n = 0;
	const unsigned char *p = d + off_struct, *end = p + size_struct;
	const char *strs = (const char *)d + off_strings, *strs_end = strs + size_strings;
	uint32_t acells = 2, scells = 1;
	int depth = 0, in_memory = 0;
	while (p + 4 <= end) {
		uint32_t tok = be32(p);
		p += 4;
		if (tok == FDT_BEGIN_NODE) {
			const char *name = (const char *)p;
			const unsigned char *q = p;
			while (q < end && *q)
				q++;
			if (q >= end)
				return ldr_fail(e, "DTB: unterminated node name");
			depth++;
			in_memory = depth == 2 && prefix(name, (const char *)end, "memory");
			p = q + 1;
			p += (4 - ((uint64_t)(p - d) & 3)) & 3;
		} else if (tok == FDT_END_NODE) {
			if (depth-- == 0)
				return ldr_fail(e, "DTB: unbalanced node end");
			in_memory = 0;
		} else if (tok == FDT_PROP) {
			if (end - p < 8)
				return ldr_fail(e, "DTB: truncated property");
			uint32_t len = be32(p), nameoff = be32(p + 4);
			p += 8;
			if (len > (uint64_t)(end - p) || nameoff >= size_strings)
				return ldr_fail(e, "DTB: property outside the blob");
			const char *pname = strs + nameoff;
			if (depth == 1 && streq(pname, strs_end, "#address-cells") && len == 4)
				acells = be32(p);
			else if (depth == 1 && streq(pname, strs_end, "#size-cells") && len == 4)
				scells = be32(p);
			else if (in_memory && streq(pname, strs_end, "reg")) {
				if (acells < 1 || acells > 2 || scells < 1 || scells > 2)
					return ldr_fail(e, "DTB: unsupported #address-cells %u / #size-cells %u", (uint64_t)acells,
							(uint64_t)scells);
				uint32_t stride = 4 * (acells + scells);
				for (uint32_t k = 0; k + stride <= len; k += stride) {
					if (ram->n == LDR_MAX_RAM)
						return ldr_fail(e, "DTB: more than %u memory ranges", (uint64_t)LDR_MAX_RAM);
					uint64_t s = cells(p + k, acells), n = cells(p + k + 4 * acells, scells);
					ram->start[ram->n] = s;
					ram->end[ram->n++] = s + n;
				}
			}
			p += len;
			p += (4 - ((uint64_t)(p - d) & 3)) & 3;
		} else if (tok == FDT_NOP) {
			continue;
		} else if (tok == FDT_END) {
			break;
		} else {
			return ldr_fail(e, "DTB: bad token %x at offset %x", (uint64_t)tok, (uint64_t)(p - 4 - d));
		}
	}
	if (ram->n == 0)
		return ldr_fail(e, "DTB: no memory node (where is RAM?)");
	return 0;
}
