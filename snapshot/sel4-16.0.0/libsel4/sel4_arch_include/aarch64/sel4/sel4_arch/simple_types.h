/* SPDX-License-Identifier: BSD-2-Clause */
/* aarch64 is LP64: the word is a 64-bit unsigned long, and so is the 64-bit integer. */
#pragma once

#define SEL4_WORD_IS_UINT64
#define SEL4_INT64_IS_LONG
