/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The compiler switches of each sel4_arch, chosen by the rules the kernel's own CMakeLists
 * applies to the kernel, so that user code, libsel4 and the kernel agree on the ABI:
 * - aarch32 is compiled in ARM state (-marm).  Debian's compiler defaults to Thumb, and the
 *   kernel computes the restart address of an interrupted system call for ARM state: a
 *   restarted call in Thumb code would resume at the wrong instruction.
 * - RISC-V: -march is rv32i/rv64i plus "ma", "fd" or "f" as the kernel's RISCV_EXT_D / _F
 *   options say, "c", and the explicit zicsr/zifencei extensions GCC 12 needs; -mabi is
 *   ilp32/lp64 with the matching float suffix.
 */
#include <string.h>

#include "platform.h"

/* Freestanding code in a static, non-PIC image whose TLS block is the executable's own. */
static const char *const freestanding[] = { "-ffreestanding", "-fno-pic", "-fno-pie", "-fno-stack-protector",
					    "-fno-asynchronous-unwind-tables", "-ftls-model=local-exec", NULL };

struct list {
	struct arena *a;
	const char **v;
	size_t n, cap;
};

static void add(struct list *l, const char *s)
{
	l->v = arena_grow(l->a, l->v, &l->cap, l->n + 2, sizeof(*l->v));
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

static void add_abi(struct list *l, const struct plat_arch *pa, plat_config_bool get, void *ctx)
{
	if (!strcmp(pa->arch, "arm") && pa->word_bits == 32) {
		add(l, "-marm");
		/* The compiler asks __aeabi_read_tp (selfe-start) for the thread pointer, which
		 * reads the register this kernel configuration keeps the TLS base in. */
		add(l, "-mtp=soft");
	} else if (!strcmp(pa->arch, "riscv")) {
		bool d = get && get(ctx, "RISCV_EXT_D"), f = d || (get && get(ctx, "RISCV_EXT_F"));
		add(l, arena_printf(l->a, "-march=rv%ui%s%sc_zicsr_zifencei", pa->word_bits, "ma", d ? "fd" : f ? "f" : ""));
		add(l, arena_printf(l->a, "-mabi=%s%s", pa->word_bits == 32 ? "ilp32" : "lp64", d ? "d" : f ? "f" : ""));
		/* medany: the image is linked at an address the default medlow model cannot reach. */
		add(l, "-mcmodel=medany");
	} else if (!strcmp(pa->arch, "x86") && pa->word_bits == 32) {
		add(l, "-m32");
	}
}

const char *const *plat_abi_cflags(struct arena *a, const struct plat_arch *pa, plat_config_bool get, void *ctx)
{
	static const char *const none[] = { NULL };
	struct list l = { a, NULL, 0, 0 };
	add_abi(&l, pa, get, ctx);
	return l.v ? l.v : none;
}

const char *const *plat_cflags(struct arena *a, const struct plat_arch *pa, plat_config_bool get, void *ctx)
{
	struct list l = { a, NULL, 0, 0 };
	for (size_t i = 0; freestanding[i]; i++)
		add(&l, freestanding[i]);
	add_abi(&l, pa, get, ctx);
	return l.v;
}
