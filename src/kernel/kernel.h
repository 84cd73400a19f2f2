/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The seL4 kernel, built by its own CMake and Ninja for one resolved configuration, and the boot
 * images made from it.  Layout under TARGET (target/selfe/PLATFORM-PROFILE):
 *   kernel/build-HASH/   the CMake build folder, keyed by everything that affects the kernel
 *   kernel/install/      the install prefix (bin/kernel.elf, libsel4/include, ...)
 *   images/              what a loader or QEMU boots (pc99: kernel-x86_64-pc99, APP-x86_64-pc99)
 */
#ifndef SELFE_KERNEL_H
#define SELFE_KERNEL_H

#include <stdbool.h>

#include "config/config.h"
#include "util/arena.h"
#include "util/deps.h"
#include "util/json_read.h"

struct kernel_request {
	const char *tree;         /* the seL4 source tree */
	const struct cfg_resolved *r;
	const char *cross_prefix; /* "" for the host compiler */
	const char *target;       /* TARGET */
	bool verbose;             /* show every command Ninja runs */
	struct deps *deps;        /* where kernel_check_board notes what it reads, or NULL */
};

/* What a kernel build leaves, and where (kernel_outputs names them; the folder may not be
 * built yet). */
struct kernel_build {
	const char *build_dir;        /* the CMake build folder */
	const char *config_json;      /* its kernel configuration (gen_config.json) */
	const char *sel4_config_json; /* libsel4's configuration (gen_config.json) */
	const char *elf;              /* TARGET/kernel/install/bin/kernel.elf */
	const char *include_dir;      /* the installed libsel4 headers */
	const char *dtb;              /* the device tree the kernel was built for (ARM, RISC-V) */
	bool ran;                     /* false when everything was up to date */
};

/* The outputs of a build folder `build_dir` (a folder of selfe's, or one given by a user). */
void kernel_outputs_of(struct arena *a, const char *build_dir, const char *install_dir, struct kernel_build *out);

/*
 * Check the host for what the kernel's configure and build need on this platform (cmake, ninja,
 * the compiler, xmllint, dtc, QEMU where the platform's configure runs it).  Every missing
 * piece is reported with the command that installs it.  Sets *python to the interpreter the
 * selfe-python shim falls back to for a script it has no native tool for (never required).  0, or -1 after reporting.
 */
int kernel_check_host(struct arena *a, const struct kernel_request *req, const char **python);

/*
 * The KernelPlatform and board settings (KernelARMPlatform, KernelRiscVPlatform) against the
 * boards the tree's platform files know: a board given as a platform, a board the platform does
 * not have, or an unknown platform is reported with the fix.  0, or -1 after reporting.
 */
int kernel_check_board(struct arena *a, const struct kernel_request *req);

/* True for the arches whose platforms are described by a device tree (arm, riscv). */
bool kernel_uses_device_tree(const char *arch);

/* Configure (when the build folder is new), build and install.  0, or -1 after reporting. */
int kernel_build(struct arena *a, const struct kernel_request *req, struct kernel_build *out);


/*
 * The kernel configuration's values (keys without CONFIG_), from a gen_config.json or a libsel4
 * folder's kernel/gen_config.h; NULL after reporting.  One reader for every caller.
 */
const struct json_value *kernel_config_read(struct arena *a, const char *path);
bool kernel_config_bool(const struct json_value *config, const char *name);
/* A string or number value as written; NULL when absent or boolean. */
const char *kernel_config_string(const struct json_value *config, const char *name);
/* For a choice among booleans (ARM_CORTEX_A53, ...): the rest of the name of the first true
 * one that starts with `prefix` ("A53"), or NULL. */
const char *kernel_config_true_suffix(const struct json_value *config, const char *prefix);
/* kernel_config_bool for callbacks (plat_config_bool). */
bool kernel_config_flag(void *config, const char *name);

/* Where a kernel build and its boot images go: the request's target, or, when its path has a
 * character the kernel's CMake or QEMU cannot take (a space), a folder in selfe's cache keyed by
 * it (kernel-builds/HASH, naming the target in its file "target"). */
const char *kernel_target(struct arena *a, const struct kernel_request *req);
/*
 * Boot images for the platform into kernel_target()/images: pc99 gets the kernel as a 32-bit ELF
 * for multiboot and the root task.  Sets *kernel_image and *root_image.  0, or -1 after
 * reporting (a platform without an image format yet says so).
 */
int kernel_images(struct arena *a, const struct kernel_request *req, const struct kernel_build *k, const char *root_task,
		  const char *app_name, const char **kernel_image, const char **root_image);

#endif
