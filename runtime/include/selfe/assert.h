/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * assert() for root tasks, and the hook libsel4's own assertions call.  assert(e) does nothing
 * when NDEBUG is defined; otherwise a false `e` prints
 *     assertion failed: e (file:line, function)
 * on the debug console and halts (selfe_halt).
 */
#ifndef SELFE_RT_ASSERT_H
#define SELFE_RT_ASSERT_H

/*
 * libsel4 declares this hook itself (its seL4_Assert / seL4_Fail, and the debug assertions
 * compiled in unless NDEBUG) with exactly this prototype: note `int line`, unlike the C
 * library's unsigned one.  The runtime's definition never returns.
 */
void __assert_fail(const char *str, const char *file, int line, const char *function);

#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef __cplusplus
#define static_assert _Static_assert
#endif

#endif
