/* SPDX-License-Identifier: BSD-2-Clause */
/* Whole-input UTF-8 validation for the TOML parser. */
#include "toml_internal.h"
#include "util/utf8.h"

size_t toml_utf8_check(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t l = utf8_decode(u + i, n - i, &cp);
		if (!l)
			return i;
		i += l;
	}
	return n;
}
