/* SPDX-License-Identifier: BSD-2-Clause */
/* libFuzzer target: parse; when the input parses, write it, re-parse and demand an equal tree. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toml/toml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct toml_error err;
	struct toml_table *t1 = toml_parse(a, (const char *)data, size, &err);
	if (!t1) {
		/* Every error carries a message and a position inside the input. */
		if (!err.msg || err.pos.line == 0 || err.pos.col == 0)
			abort();
		arena_free(a);
		return 0;
	}
	struct sb out = SB_INIT;
	toml_write(&out, t1);
	struct toml_table *t2 = toml_parse(a, out.buf, out.len, &err);
	if (!t2) {
		fprintf(stderr, "written form does not parse: %u:%u: %s\n%s\n", err.pos.line, err.pos.col, err.msg,
			sb_str(&out));
		abort();
	}
	if (!toml_table_equal(t1, t2) || !toml_table_equal(t2, t1)) {
		fprintf(stderr, "round trip changed the tree:\n%s\n", sb_str(&out));
		abort();
	}
	/* Writing is deterministic: the re-parsed tree writes the same text again. */
	struct sb again = SB_INIT;
	toml_write(&again, t2);
	if (again.len != out.len || (out.len && memcmp(again.buf, out.buf, out.len) != 0)) {
		fprintf(stderr, "second write differs:\n%s\n---\n%s\n", sb_str(&out), sb_str(&again));
		abort();
	}
	sb_release(&again);
	sb_release(&out);
	arena_free(a);
	return 0;
}
