/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Compiling selfe's loader (loader/, embedded in selfe like the runtime) with the root task's
 * cross compiler: a dozen small files in one compiler run.  The result is named by a hash of
 * the whole command line, which holds the sources' folder (itself named by their content hash):
 * the same selfe and compiler reuse it, anything else builds a new one.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "embed/folder.h"
#include "image/image.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/proc.h"

EMBED_FOLDER_SYMBOLS(selfe_loader);
static const struct embed_folder loader_embedded = { "loader", "selfe-loader", selfe_loader_base, &selfe_loader_count,
						     selfe_loader_table };

/* Per sel4_arch: the loader's folder under loader/arch/, the ELF machine and class it checks
 * for, and the switches that keep it to plain integer code (no FP/SIMD registers, which are
 * not enabled at reset) and aligned accesses (the MMU is off while it loads). */
static const struct {
	const char *sel4_arch, *dir, *machine, *is64;
	const char *flags[4];
} arches[] = {
	{ "aarch64", "aarch64", "-DLDR_MACHINE=183", "-DLDR_IS64=1", { "-mgeneral-regs-only", "-mstrict-align", NULL } },
	{ "aarch32", "aarch32", "-DLDR_MACHINE=40", "-DLDR_IS64=0",
	  { "-marm", "-march=armv7-a", "-mfloat-abi=soft", "-mno-unaligned-access" } },
	{ "riscv64", "riscv64", "-DLDR_MACHINE=243", "-DLDR_IS64=1",
	  { "-march=rv64imac_zicsr_zifencei", "-mabi=lp64", "-mcmodel=medany", NULL } },
};

bool image_loader_supported(const char *sel4_arch)
{
	for (size_t i = 0; i < sizeof(arches) / sizeof(arches[0]); i++)
		if (!strcmp(arches[i].sel4_arch, sel4_arch))
			return true;
	return false;
}

const char *image_loader_build(struct arena *a, const char *sel4_arch, const char *cross_prefix, const char *work)
{
	size_t k = 0;
	while (k < sizeof(arches) / sizeof(arches[0]) && strcmp(arches[k].sel4_arch, sel4_arch))
		k++;
	if (k == sizeof(arches) / sizeof(arches[0]))
		return diag_error(NULL, "selfe's loader does not support %s", sel4_arch), NULL;
	const char *src = embed_materialize(a, &loader_embedded);
	if (!src || fs_mkdirs(work))
		return NULL;
	const char *argv[48];
	size_t n = 0;
	argv[n++] = arena_printf(a, "%sgcc", cross_prefix);
	static const char *const common[] = { "-std=c11", "-ffreestanding", "-fno-pic", "-fno-pie", "-no-pie",
					      "-fno-stack-protector", "-fno-asynchronous-unwind-tables", "-O2", "-g",
					      "-Wall", "-Wextra", "-Werror", "-nostdlib", "-static",
					      "-Wl,--build-id=none", "-Wl,--no-warn-rwx-segments" };
	for (size_t i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		argv[n++] = common[i];
	for (size_t i = 0; i < 4 && arches[k].flags[i]; i++)
		argv[n++] = arches[k].flags[i];
	argv[n++] = arches[k].machine;
	argv[n++] = arches[k].is64;
	argv[n++] = arena_printf(a, "-I%s/include", src);
	argv[n++] = "-T";
	argv[n++] = arena_printf(a, "%s/arch/%s/link.ld", src, arches[k].dir);
	argv[n++] = arena_printf(a, "%s/arch/%s/head.S", src, arches[k].dir);
	argv[n++] = arena_printf(a, "%s/arch/%s/arch.c", src, arches[k].dir);
	static const char *const files[] = { "core/main.c", "core/string.c", "lib/crc32.c", "lib/elf.c",
					     "lib/fdt.c",   "lib/fmt.c",     "lib/image.c", "lib/place.c" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		argv[n++] = arena_printf(a, "%s/%s", src, files[i]);
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a over the words and their ends */
	for (size_t i = 0; i < n; i++)
		for (const unsigned char *p = (const unsigned char *)argv[i];; p++) {
			h = (h ^ *p) * 0x100000001b3ull;
			if (!*p)
				break;
		}
	const char *out = arena_printf(a, "%s/loader-%016llx.elf", work, (unsigned long long)h);
	if (path_is_file(out))
		return out;
	const char *tmp = arena_printf(a, "%s.tmp.%ld", out, (long)getpid());
	argv[n++] = "-o";
	argv[n++] = tmp;
	argv[n] = NULL;
	if (proc_run(argv, NULL) != 0 || rename(tmp, out) != 0)
		return diag_error(NULL, "cannot compile selfe's loader for %s with %sgcc", sel4_arch, cross_prefix), NULL;
	return out;
}
