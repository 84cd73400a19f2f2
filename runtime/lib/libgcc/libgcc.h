/* SPDX-License-Identifier: BSD-2-Clause */
/* The compiler helpers runtime/lib/libgcc provides where the compiler ships no libgcc. */
#ifndef SELFE_RT_LIBGCC_H
#define SELFE_RT_LIBGCC_H

#include <stdint.h>

uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);
int __clzsi2(uint32_t x);
int __ctzsi2(uint32_t x);
int __popcountsi2(uint32_t x);
int __clzdi2(uint64_t x);
int __ctzdi2(uint64_t x);
int __popcountdi2(uint64_t x);

#endif
