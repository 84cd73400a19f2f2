/* SPDX-License-Identifier: BSD-2-Clause */
/* x86 sizes and interrupt vector ranges common to ia32 and x86_64. */
#pragma once

/* IRQ numbers map to vectors from 48 up: past the 32 exception vectors and 16 more the kernel keeps. */
#define IRQ_OFFSET (0x20 + 16)
#define VECTOR_MIN (0)
#define VECTOR_MAX (109)
#define MSI_MIN VECTOR_MIN
#define MSI_MAX VECTOR_MAX

/* A VT-x virtual CPU object. */
#define seL4_VCPUBits 14
#define seL4_X86_VCPUBits seL4_VCPUBits

/* Each EPT level is one 4 KiB table of 512 eight-byte entries. */
#define seL4_X86_EPTPML4EntryBits 3
#define seL4_X86_EPTPML4IndexBits 9
#define seL4_X86_EPTPML4Bits (seL4_X86_EPTPML4EntryBits + seL4_X86_EPTPML4IndexBits)

#define seL4_X86_EPTPDPTEntryBits 3
#define seL4_X86_EPTPDPTIndexBits 9
#define seL4_X86_EPTPDPTBits (seL4_X86_EPTPDPTEntryBits + seL4_X86_EPTPDPTIndexBits)

#define seL4_X86_EPTPDEntryBits 3
#define seL4_X86_EPTPDIndexBits 9
#define seL4_X86_EPTPDBits (seL4_X86_EPTPDEntryBits + seL4_X86_EPTPDIndexBits)

#define seL4_X86_EPTPTEntryBits 3
#define seL4_X86_EPTPTIndexBits 9
#define seL4_X86_EPTPTBits (seL4_X86_EPTPTEntryBits + seL4_X86_EPTPTIndexBits)
