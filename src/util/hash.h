/* SPDX-License-Identifier: BSD-2-Clause */
/* A 64-bit FNV-1a hash: stable across runs and machines, for cache keys and rebuild stamps. */
#ifndef SELFE_HASH_H
#define SELFE_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_INIT 1469598103934665603ull

/* Continue hash `h` over `len` bytes (then over a separator, so "ab"+"c" differs from "a"+"bc"). */
static inline uint64_t hash_add(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 1099511628211ull;
	return (h ^ 0xffu) * 1099511628211ull;
}

#endif
