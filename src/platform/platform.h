/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The platform table: the one place that knows, per sel4_arch, which Debian cross compiler
 * builds for it, the compiler switches its code needs, its word size, which QEMU emulates it
 * and how a kernel for it boots; and, per platform, its default sel4_arch, the kernel's
 * KernelPlatform (and sub-platform) values, its QEMU machine and whether the embedded snapshot
 * covers it.  Everything else asks here.
 */
#ifndef SELFE_PLATFORM_H
#define SELFE_PLATFORM_H

#include <stdbool.h>

#include "util/arena.h"

/* How a kernel of this sel4_arch is started. */
enum plat_boot {
	PLAT_BOOT_MULTIBOOT, /* x86: a multiboot loader (QEMU -kernel, GRUB) takes the kernel ELF */
	PLAT_BOOT_LOADER,    /* ARM, RISC-V: an ELF loader puts kernel and root task in memory */
};

struct plat_arch {
	const char *sel4_arch;     /* "aarch32" */
	const char *arch;          /* seL4's arch: "arm", "x86", "riscv" */
	unsigned word_bits;        /* 32 or 64 */
	const char *cross_prefix;  /* Debian's cross compiler prefix, "arm-linux-gnueabihf-" */
	const char *cross_package; /* the Debian package that installs it */
	bool libgcc;               /* that compiler ships a libgcc for this ABI */
	const char *qemu;          /* the qemu-system binary, NULL when QEMU cannot run it */
	const char *qemu_package;  /* the Debian package of `qemu` */
	const char *qemu_user;     /* qemu-user binary for Linux programs of this arch (tests) */
	unsigned elf_machine;      /* e_machine of its ELF files (EM_*) */
	enum plat_boot boot;
	const char *start;         /* selfe-start's folder for it (runtime/start/START), NULL if none */
};

/* How QEMU runs a platform booted through selfe's loader (for its default sel4_arch). */
struct plat_qemu {
	const char *machine_options;     /* appended to -machine */
	const char *machine_options_hyp; /* instead, for a kernel running in EL2 */
	const char *cpu;                 /* -cpu; NULL: the machine's own; "ARM_CORTEX": the kernel's */
	int memory_mib;                  /* the RAM the kernel's DTB describes (dumped with that much) */
	const char *serial;              /* the console options (--serial-override replaces them) */
	bool opensbi;                    /* -bios OpenSBI, which stays resident (the kernel calls SBI) */
};

struct plat_platform {
	const char *name;            /* the platform's name in sel4.toml, "sabre" */
	const char *sel4_arch;       /* its default sel4_arch */
	const char *kernel_platform; /* KernelPlatform, "imx6" */
	const char *sub_option;      /* a sub-platform option (KernelARMPlatform), or NULL */
	const char *sub_value;       /* its value, "sabre" */
	const char *qemu_machine;    /* QEMU's -machine, NULL for QEMU's default or none */
	bool snapshot;               /* the embedded snapshot has its configurations */
	const struct plat_qemu *loader_qemu; /* booting through the loader in QEMU; NULL: not known */
};

/* The sel4_arch's entry; NULL for a name seL4 does not have. */
const struct plat_arch *plat_arch(const char *sel4_arch);
/* The sel4_arch whose qemu-system binary is `qemu` (a name, no folder); NULL if none. */
const struct plat_arch *plat_arch_of_qemu(const char *qemu);
/* The platform's entry; NULL for a platform selfe knows nothing about (a user's own board:
 * its sel4_arch then comes from KernelSel4Arch in its table). */
const struct plat_platform *plat_platform(const char *name);
/* The platform whose KernelPlatform value is `kernel_platform` (e.g. "imx6"); NULL if none. */
const struct plat_platform *plat_platform_of_kernel(const char *kernel_platform);
/* The kernel's own KernelPlatform values (seL4 16.0.0), NULL-terminated. */
extern const char *const plat_kernel_platforms[];
/* Every known platform, then a NULL name. */
extern const struct plat_platform plat_platforms[];

/* The QEMU facts for booting `platform` as `sel4_arch` through selfe's loader; NULL when
 * selfe knows none (another sel4_arch than the platform's own, or no QEMU machine). */
const struct plat_qemu *plat_loader_qemu(const char *platform, const char *sel4_arch);

/* The cross compiler prefix for a configuration: the config's own, else the sel4_arch's Debian
 * prefix.  A foreign arch never falls back to the host compiler. */
const char *plat_cross_prefix(const char *configured, const char *sel4_arch);

/*
 * Reads one boolean of the kernel configuration (CONFIG_ name without the prefix, e.g.
 * "RISCV_EXT_D"); returns false when absent.  Supplied by whoever has the configuration.
 */
typedef bool (*plat_config_bool)(void *ctx, const char *name);

/*
 * The compiler switches every piece of code for this sel4_arch is built with — libsel4,
 * selfe-start, selfe-runtime, the user's code — by the same rules as the kernel's own build
 * (ARM state on aarch32, -march/-mabi from the RISC-V extensions configured), plus what a
 * freestanding, static, non-PIC root task needs.  NULL-terminated, from arena `a`.
 */
const char *const *plat_cflags(struct arena *a, const struct plat_arch *pa, plat_config_bool get, void *ctx);

/* Only the ABI switches (no freestanding/TLS flags): what libsel4's own compile adds. */
const char *const *plat_abi_cflags(struct arena *a, const struct plat_arch *pa, plat_config_bool get, void *ctx);

/* "install it with: apt-get install PACKAGE" style note for a missing compiler `cc`. */
void plat_note_missing_compiler(const char *cc, const char *sel4_arch);

#endif
