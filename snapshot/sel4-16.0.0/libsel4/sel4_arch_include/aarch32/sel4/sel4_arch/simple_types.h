/* SPDX-License-Identifier: BSD-2-Clause */
/* aarch32 is ILP32: the word is a 32-bit unsigned int, the 64-bit integer a long long. */
#pragma once

#define SEL4_WORD_IS_UINT32
#define SEL4_INT64_IS_LONG_LONG
