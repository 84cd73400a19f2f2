/* SPDX-License-Identifier: BSD-2-Clause */
/* Loading helpers for the bitfield tests. */
#include <string.h>

#include "bf_helpers.h"
#include "harness.h"

struct bf_file *bf_test_load(struct arena *a, const char *text, struct sb *errors)
{
	struct sb sink = SB_INIT;
	diag_capture(errors ? errors : &sink);
	struct bf_file *f = bf_load(a, "t.bf", text, strlen(text));
	diag_capture(NULL);
	if (!errors && sink.len)
		harness_fail(__FILE__, __LINE__, "unexpected diagnostics:\n%s", sb_str(&sink));
	sb_release(&sink);
	return f;
}

char *bf_test_errors(const char *text)
{
	struct arena *a = arena_new();
	struct sb errors = SB_INIT;
	if (bf_test_load(a, text, &errors))
		harness_fail(__FILE__, __LINE__, "loading succeeded: %s", text);
	arena_free(a);
	return sb_detach(&errors);
}

const struct bf_block *bf_test_block(const struct bf_file *f, const char *name)
{
	for (size_t i = 0; f && i < f->nblocks; i++)
		if (!strcmp(f->blocks[i]->name, name))
			return f->blocks[i];
	return NULL;
}

const struct bf_field *bf_test_field(const struct bf_block *b, const char *name)
{
	for (size_t i = 0; b && i < b->nfields; i++)
		if (b->fields[i].name && !strcmp(b->fields[i].name, name))
			return &b->fields[i];
	return NULL;
}
