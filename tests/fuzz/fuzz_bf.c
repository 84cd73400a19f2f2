/* SPDX-License-Identifier: BSD-2-Clause */
/* libFuzzer target: a .bf file parsed and laid out; when it loads, its libsel4 header emitted. */
#include <stdint.h>

#include "gen/bf/bf.h"
#include "util/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sb sink = SB_INIT;
	diag_capture(&sink);
	struct arena *a = arena_new();
	struct bf_file *f = bf_load(a, "fuzz.bf", (const char *)data, size);
	if (f) {
		struct sb out = SB_INIT;
		bf_emit_libsel4(&out, f, "fuzz.bf");
		sb_release(&out);
	}
	arena_free(a);
	diag_capture(NULL);
	sb_release(&sink);
	return 0;
}
