/* SPDX-License-Identifier: BSD-2-Clause */
/* The compiler switches a root task needs on each sel4_arch. */
#include <string.h>

#include "app/app.h"

/* Freestanding code in a static, non-PIC image whose TLS block is the executable's own.  -g:
 * line tables for `selfe test` to name a fault's source line (never loaded: no program header
 * covers them). */
#define COMMON "-g", "-ffreestanding", "-fno-pic", "-fno-pie", "-fno-stack-protector", "-fno-asynchronous-unwind-tables", \
	       "-ftls-model=local-exec"

static const struct {
	const char *sel4_arch;
	const char *const flags[10];
} table[] = {
	{ "x86_64", { COMMON, NULL } },
	/* -mtp=soft: the compiler asks __aeabi_read_tp (selfe-start) for the thread pointer, which
	 * reads the register this kernel configuration keeps the TLS base in. */
	{ "aarch32", { COMMON, "-mtp=soft", NULL } },
	/* Inline atomics: GCC's default out-of-line ones (libgcc's __aarch64_ldadd4_acq & co.) pick
	 * LSE or not at start-up through the Linux auxiliary vector, which a root task lacks. */
	{ "aarch64", { COMMON, "-mno-outline-atomics", NULL } },
	/* medany: the image is linked at an address the default medlow model cannot reach. */
	{ "riscv64", { COMMON, "-mcmodel=medany", NULL } },
};

const char *const *app_arch_cflags(const char *sel4_arch)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (!strcmp(table[i].sel4_arch, sel4_arch))
			return table[i].flags;
	static const char *const common[] = { COMMON, NULL };
	return common;
}
