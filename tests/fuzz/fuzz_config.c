/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target: the sel4.toml model.  Load; when the input loads, write the model, load that
 * again and demand an equal model; then select every known platform and both profiles, resolve,
 * and emit every format.  Diagnostics are captured (not printed): only crashes, leaks and
 * broken round trips count.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "config/config.h"
#include "util/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sb sink = SB_INIT;
	diag_capture(&sink);
	struct arena *a = arena_new();
	struct cfg_model *m = cfg_load_string(a, "fuzz.toml", "/nonexistent", (const char *)data, size);
	if (m) {
		struct sb out = SB_INIT;
		cfg_model_write(&out, m);
		struct cfg_model *again = cfg_load_string(a, "fuzz.toml", "/nonexistent", out.buf ? out.buf : "", out.len);
		if (!again || !cfg_model_equal(m, again)) {
			fprintf(stderr, "written model %s:\n%s\n%s\n", again ? "differs" : "does not load", sb_str(&out),
				sb_str(&sink));
			abort();
		}
		sb_release(&out);
		static const char *const platforms[] = { "pc99", "qemu-arm-virt", "qemu-riscv-virt", "sabre", "spike" };
		static const enum cfg_format formats[] = { CFG_FORMAT_TOML, CFG_FORMAT_JSON, CFG_FORMAT_CMAKE,
							   CFG_FORMAT_HEADER, CFG_FORMAT_FLAGS };
		for (size_t p = 0; p < sizeof platforms / sizeof *platforms; p++) {
			for (int prof = 0; prof < 2; prof++) {
				struct cfg_selection sel = { platforms[p], NULL, NULL, prof ? CFG_RELEASE : CFG_DEBUG };
				if (cfg_select(m, &sel) != 0)
					continue;
				struct cfg_resolved *r = cfg_resolve(a, m, &sel);
				for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
					struct sb e = SB_INIT;
					cfg_emit(&e, r, formats[f]);
					sb_release(&e);
				}
			}
		}
	}
	arena_free(a);
	diag_capture(NULL);
	sb_release(&sink);
	return 0;
}
