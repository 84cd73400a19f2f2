/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The loader itself, cross-compiled the way `selfe build` compiles it (the embedded sources,
 * image_loader_build) for each arch whose Debian cross compiler is installed, then wrapped
 * into a boot image: it must build warning-free, be an executable for the right machine, and
 * fit below the payload offset.  An arch without its compiler is a skip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "image/image.h"
#include "ldr/check.h"
#include "ldr/image.h"
#include "util/arena.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/proc.h"
#include "util/sb.h"

static void cross(const char *sel4_arch, const char *prefix, uint32_t machine, int is64)
{
	char gcc[64];
	snprintf(gcc, sizeof(gcc), "%sgcc", prefix);
	if (!proc_exists(gcc)) {
		harness_skip("no cross compiler for this arch");
		return;
	}
	char dir[] = "/tmp/selfe-loader-cross-XXXXXX";
	if (!mkdtemp(dir))
		abort();
	struct arena *a = arena_new();
	setenv("XDG_CACHE_HOME", arena_printf(a, "%s/cache", dir), 1);
	const char *elf = image_loader_build(a, sel4_arch, prefix, arena_printf(a, "%s/work", dir));
	CHECK(elf != NULL);
	size_t len = 0;
	char *data = elf ? fs_read_file(elf, &len) : NULL;
	CHECK(data != NULL);
	if (data) {
		CHECK_INT_EQ((unsigned char)data[4], is64 ? 2 : 1);
		CHECK_INT_EQ((unsigned char)data[18] | (unsigned char)data[19] << 8, machine);
		struct sb payload = SB_INIT, img = SB_INIT;
		sb_add(&payload, "x", 1);
		CHECK_INT_EQ(image_wrap((unsigned char *)data, len, elf, &payload, &img), 0);
		CHECK_INT_EQ(img.len, 4096 + LDR_PAYLOAD_OFFSET + 1);
		sb_release(&payload), sb_release(&img);
	}
	free(data);
	arena_free(a);
	const char *rm[] = { "rm", "-rf", dir, NULL };
	proc_run(rm, NULL);
}

TEST(test_loader__cross_compiles_for_aarch64)
{
	cross("aarch64", "aarch64-linux-gnu-", 183, 1);
}

TEST(test_loader__cross_compiles_for_aarch32)
{
	cross("aarch32", "arm-linux-gnueabihf-", 40, 0);
}

TEST(test_loader__cross_compiles_for_riscv64)
{
	cross("riscv64", "riscv64-linux-gnu-", 243, 1);
}

TEST(test_loader__refuses_an_arch_it_does_not_know)
{
	struct arena *a = arena_new();
	struct sb err = SB_INIT;
	diag_capture(&err);
	CHECK(image_loader_build(a, "x86_64", "x86_64-linux-gnu-", "/nonexistent") == NULL);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&err), "selfe's loader does not support x86_64");
	CHECK(!image_loader_supported("x86_64"));
	CHECK(image_loader_supported("riscv64"));
	sb_release(&err);
	arena_free(a);
}
