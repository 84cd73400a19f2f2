/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target: the kconfig interpreter (selfe's CMake subset) on arbitrary CMake text,
 * with file access off (no include, file(), execute_process, find_*) and a work limit, then the
 * configuration libraries it declared emitted as JSON and as a header.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen/kconfig/kconfig.h"
#include "util/diag.h"
#include "util/sb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = 0;
	struct sb sink = SB_INIT;
	diag_capture(&sink);
	struct kcfg *k = kcfg_new();
	kcfg_forbid_files(k);
	/* 2 KiB of values set: loops and doubling strings reach the limit soon, so each input costs
	 * little and the fuzzer explores more (the limit's own path is what such inputs test). */
	kcfg_limit_work(k, 1u << 11);
	kcfg_define(k, "KernelSel4Arch", "aarch64");
	if (kcfg_run_text(k, "fuzz.cmake", text) == 0) {
		static const char *const prefixes[] = { "CONFIG_", "LIB_SEL4_", "" };
		for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
			const struct kcfg_lib *lib = kcfg_lib(k, prefixes[i]);
			if (!lib)
				continue;
			struct sb out = SB_INIT;
			kcfg_emit_json(&out, lib);
			kcfg_emit_h(&out, lib);
			sb_release(&out);
		}
	}
	kcfg_free(k);
	diag_capture(NULL);
	sb_release(&sink);
	free(text);
	return 0;
}
