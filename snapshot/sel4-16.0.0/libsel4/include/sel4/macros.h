/* SPDX-License-Identifier: BSD-2-Clause */
/* Compiler attributes and small helper macros shared by every libsel4 header. */
#pragma once

#include <sel4/config.h>

/* Function attributes used by the generated bitfield accessors; a program may already have them. */
#ifndef CONST
#define CONST __attribute__((__const__))
#endif
#ifndef PURE
#define PURE __attribute__((__pure__))
#endif

#define SEL4_PACKED __attribute__((packed))
#define SEL4_DEPRECATED(x) __attribute__((deprecated(x)))
#define SEL4_DEPRECATE_MACRO(x) _Pragma("deprecated") x

#define LIBSEL4_UNUSED __attribute__((unused))
#define LIBSEL4_WEAK __attribute__((weak))
#define LIBSEL4_NOINLINE __attribute__((noinline))

/*
 * How the library's functions are emitted. LIBSEL4_INLINE marks the invocation stubs,
 * LIBSEL4_INLINE_FUNC every other helper:
 *  - inline invocations: both are static inline;
 *  - public symbols: both become weak, unused-tolerant definitions, so one object file can
 *    export them all;
 *  - otherwise: the stubs are weak out-of-line functions, the helpers static inline.
 */
#if defined(CONFIG_LIB_SEL4_INLINE_INVOCATIONS)
#define LIBSEL4_INLINE static inline
#define LIBSEL4_INLINE_FUNC static inline
#elif defined(CONFIG_LIB_SEL4_PUBLIC_SYMBOLS)
#define LIBSEL4_INLINE LIBSEL4_UNUSED LIBSEL4_WEAK
#define LIBSEL4_INLINE_FUNC LIBSEL4_UNUSED LIBSEL4_WEAK
#else
#define LIBSEL4_INLINE LIBSEL4_NOINLINE LIBSEL4_UNUSED LIBSEL4_WEAK
#define LIBSEL4_INLINE_FUNC static inline
#endif

/* The IPC buffer pointer (and the error-print switch) may be per thread. */
#if defined(CONFIG_LIB_SEL4_USE_THREAD_LOCALS)
#define LIBSEL4_THREAD_LOCAL __thread
#else
#define LIBSEL4_THREAD_LOCAL
#endif

/* A compile-time check that also works before C11, where a negative array size fails instead. */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define SEL4_COMPILE_ASSERT(name, expr) _Static_assert(expr, #name);
#else
#define SEL4_COMPILE_ASSERT(name, expr) typedef int __assert_failed_##name[(expr) ? 1 : -1] LIBSEL4_UNUSED;
#endif

/* A paging structure's size in bits is its entry size plus its index width. */
#define SEL4_SIZE_SANITY(index, entry, size) SEL4_COMPILE_ASSERT(index##_##entry##_##size, (index) + (entry) == size)

/*
 * An enumerator with the largest positive long value: it makes the enum at least as wide as a
 * long, which is a machine word on every seL4 target.
 */
#define SEL4_FORCE_LONG_ENUM(type) _enum_pad_##type = ((1ULL << ((sizeof(long) * 8) - 1)) - 1)

#define LIBSEL4_BIT(n) (1ul << (n))
