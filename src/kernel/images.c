/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Boot images.  pc99 boots by multiboot: the loader (QEMU's -kernel, GRUB) takes a 32-bit ELF,
 * so the x86_64 kernel is converted with objcopy, and the root task rides along as the first
 * module (QEMU's -initrd).  ARM and RISC-V boot through selfe's own loader (src/image): one
 * image with the loader, the kernel, the root task and the DTB (*root_image is then NULL).
 * Which platforms boot which way is the platform table's to say (project_can_boot asks it
 * before this runs).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "image/image.h"
#include "kernel/kernel.h"
#include "platform/platform.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/proc.h"

int kernel_images(struct arena *a, const struct kernel_request *req, const struct kernel_build *k, const char *root_task,
		  const char *app_name, const char **kernel_image, const char **root_image)
{
	const struct cfg_selection *sel = &req->r->sel;
	const char *dir = arena_printf(a, "%s/images", kernel_target(a, req));
	const char *suffix = arena_printf(a, "%s-%s", sel->sel4_arch, sel->platform);
	const struct plat_arch *pa = plat_arch(sel->sel4_arch);
	if (pa && pa->boot == PLAT_BOOT_LOADER) {
		if (!image_loader_supported(sel->sel4_arch))
			return diag_error(NULL, "selfe's loader cannot boot %s (%s) yet", sel->platform, sel->sel4_arch);
		struct image_request ir = {
			.sel4_arch = sel->sel4_arch,
			.cross_prefix = req->cross_prefix,
			.work = arena_printf(a, "%s/build/loader", req->target),
			.gen_config_json = k->config_json,
			.kernel_elf = k->elf,
			.kernel_dtb = k->dtb,
			.root_task = root_task,
			.out = arena_printf(a, "%s/%s-%s", dir, app_name, suffix),
		};
		*kernel_image = ir.out;
		*root_image = NULL;
		return image_build(a, &ir);
	}
	*kernel_image = arena_printf(a, "%s/kernel-%s", dir, suffix);
	*root_image = arena_printf(a, "%s/%s-%s", dir, app_name, suffix);
	const char *tmp = arena_printf(a, "%s.tmp.%ld", *kernel_image, (long)getpid());
	const char *objcopy = arena_printf(a, "%sobjcopy", req->cross_prefix);
	const char *argv[] = { objcopy, "-O", "elf32-i386", k->elf, tmp, NULL };
	if (fs_mkdirs(dir) || proc_run(argv, NULL) != 0 || rename(tmp, *kernel_image) != 0)
		return diag_error(NULL, "cannot make the multiboot kernel image %s", *kernel_image);
	return fs_copy_file(root_task, *root_image);
}
