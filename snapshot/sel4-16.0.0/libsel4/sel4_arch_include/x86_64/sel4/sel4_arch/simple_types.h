/* SPDX-License-Identifier: BSD-2-Clause */
/* x86_64 is LP64: a word is 64 bits and so is long. */
#pragma once

#define SEL4_WORD_IS_UINT64
#define SEL4_INT64_IS_LONG
