/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target: the interface XML (through libxml2), read as an API file (then its labels,
 * invocation headers and client stubs emitted) and as a syscall file (then syscall.h emitted).
 * The loaders take a path: the input goes to a file of this process first (removed at exit).
 * Inputs that name XInclude are skipped: an include reads any file named (a FIFO would block
 * the fuzzer).
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/iface/iface.h"
#include "util/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool mentions(const uint8_t *data, size_t size, const char *word)
{
	return memmem(data, size, word, strlen(word)) != NULL;
}

static char path[64];

static void remove_input(void)
{
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (mentions(data, size, "XInclude") || mentions(data, size, "xinclude"))
		return 0;
	if (!path[0]) {
		/* One file per fuzzing process, rewritten for each input (in memory where /dev/shm is). */
		const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		snprintf(path, sizeof path, "%s/selfe-fuzz-iface-%ld.xml", dir, (long)getpid());
		atexit(remove_input);
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	struct sb sink = SB_INIT;
	diag_capture(&sink);
	struct arena *a = arena_new();
	/* Each document is read as what it names itself (both when it names neither), and its stubs
	 * written for one sel4_arch and MCS setting chosen by its length: every combination is met
	 * across inputs at a quarter of the cost of all four each time. */
	bool names_syscalls = mentions(data, size, "<syscalls"), names_api = mentions(data, size, "<api");
	bool as_api = names_api || !names_syscalls, as_syscalls = names_syscalls || !names_api;
	struct iface_api *api = as_api ? iface_load_api(a, path) : NULL;
	if (api) {
		struct sb out = SB_INIT;
		struct iface_label *labels;
		int status = 0;
		iface_labels(a, api, &labels, &status);
		iface_emit_invocations(&out, api, IFACE_LAYER_GENERIC);
		iface_emit_invocations(&out, api, IFACE_LAYER_ARCH);
		static const char *const arches[] = { "aarch64", "x86_64", "riscv64", "aarch32" };
		struct iface_stub_options opt = { .sel4_arch = arches[size % 4], .mcs = (size / 4) & 1 };
		const struct iface_api *apis[] = { api };
		iface_emit_stubs(&out, a, apis, 1, &opt);
		sb_release(&out);
	}
	struct iface_syscalls *sys = as_syscalls ? iface_load_syscalls(a, path) : NULL;
	if (sys) {
		struct sb out = SB_INIT;
		iface_emit_syscalls(&out, sys, false);
		iface_emit_syscalls(&out, sys, true);
		sb_release(&out);
	}
	arena_free(a);
	diag_capture(NULL);
	sb_release(&sink);
	return 0;
}
