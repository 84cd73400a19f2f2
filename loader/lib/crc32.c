/* SPDX-License-Identifier: BSD-2-Clause */
/* CRC-32 (IEEE 802.3, reflected polynomial 0xedb88320), four bits at a time: a 64-byte table
 * keeps the loader small and is fast enough for a few MiB under QEMU. */
#include "ldr/check.h"

static const uint32_t nibble[16] = {
	0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
	0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
};

uint32_t ldr_crc32(const void *data, uint64_t len)
{
	const unsigned char *p = data;
	uint32_t c = 0xffffffffu;
	for (uint64_t i = 0; i < len; i++) {
		c ^= p[i];
		c = (c >> 4) ^ nibble[c & 15];
		c = (c >> 4) ^ nibble[c & 15];
	}
	return c ^ 0xffffffffu;
}
