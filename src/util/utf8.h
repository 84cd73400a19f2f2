/* SPDX-License-Identifier: BSD-2-Clause */
/* UTF-8 encoding of one Unicode scalar value. */
#ifndef SELFE_UTF8_H
#define SELFE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Writes 1 to 4 bytes to `out` and returns how many; `cp` must be at most 0x10FFFF. */
size_t utf8_encode(uint32_t cp, char *out);
/* One UTF-8 sequence at s (at most n bytes): its length, or 0 when it is not UTF-8 (truncated,
 * overlong, a UTF-16 surrogate, above U+10FFFF). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
