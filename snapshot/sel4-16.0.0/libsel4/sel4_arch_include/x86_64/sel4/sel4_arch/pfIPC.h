/* SPDX-License-Identifier: BSD-2-Clause */
/* Former home of the page-fault message layout, now in sel4/sel4_arch/constants.h; kept empty so old includes still work. */
#ifndef __LIBSEL4_SEL4_SEL4_ARCH_PFIPC_H_
#define __LIBSEL4_SEL4_SEL4_ARCH_PFIPC_H_
#endif
