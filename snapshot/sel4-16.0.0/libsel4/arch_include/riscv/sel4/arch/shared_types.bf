-- SPDX-License-Identifier: BSD-2-Clause
-- selfe transcription of seL4 16.0.0 interface facts: riscv bitfields shared with the kernel

tagged_union seL4_Fault seL4_FaultType {
    tag NullFault 0
    tag CapFault 1
    tag UnknownSyscall 2
    tag UserException 3
#ifdef CONFIG_KERNEL_MCS
    tag Timeout 5
    tag VMFault 6
#else
    tag VMFault 5
#endif
}
