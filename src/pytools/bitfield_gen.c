/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bitfield_gen.py for C headers: `[--environment sel4|libsel4] [--prune FILE]... [--from_file F]
 * [IN [OUT]]`.  The kernel's environment ("sel4", the default) writes the kernel's spelling; with
 * pruning files only the functions whose names occur as words ([A-Za-z0-9_]+) in one of them are
 * written, as the kernel does with its preprocessed sources.  The Isabelle theory modes
 * (--hol_defs, --hol_proofs) are only run by the proof build (the kernel_theories target, for
 * l4v), never by a kernel build.  Their text is seL4's own proof scripts, which we do not carry:
 * the shim hands those command lines to seL4's Python script (bitfield_gen_native_args), and
 * called directly this tool refuses them with a note.
 */
#include <stdlib.h>
#include <string.h>

#include "gen/bf/bf.h"
#include "pytools/pytools_native.h"
#include "util/fs.h"
#include "util/hash.h"

/* The words of the pruning files, as a hash set of (pointer, length) into their texts. */
struct words {
	struct word { const char *s; size_t len; } *slot;
	size_t cap, n;
};

bool bitfield_gen_native_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--hol_defs") || !strcmp(argv[i], "--hol_proofs"))
			return false;
	return true;
}

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static size_t slot_of(const struct words *w, const char *s, size_t len)
{
	size_t i = (size_t)hash_add(HASH_INIT, s, len) & (w->cap - 1);
	while (w->slot[i].s && !(w->slot[i].len == len && !memcmp(w->slot[i].s, s, len)))
		i = (i + 1) & (w->cap - 1);
	return i;
}

static void words_add(struct words *w, const char *s, size_t len)
{
	if ((w->n + 1) * 2 > w->cap) {
		struct words g = { calloc(w->cap ? w->cap * 2 : 4096, sizeof(struct word)), w->cap ? w->cap * 2 : 4096, 0 };
		if (!g.slot)
			abort();
		for (size_t i = 0; i < w->cap; i++)
			if (w->slot[i].s) {
				g.slot[slot_of(&g, w->slot[i].s, w->slot[i].len)] = w->slot[i];
				g.n++;
			}
		free(w->slot);
		*w = g;
	}
	size_t i = slot_of(w, s, len);
	if (!w->slot[i].s) {
		w->slot[i] = (struct word){ s, len };
		w->n++;
	}
}

static void words_scan(struct words *w, const char *text, size_t len)
{
	for (size_t i = 0; i < len;) {
		if (!word_char(text[i])) {
			i++;
			continue;
		}
		size_t k = i;
		while (k < len && word_char(text[k]))
			k++;
		words_add(w, text + i, k - i);
		i = k;
	}
}

static bool wanted(void *ctx, const char *name)
{
	const struct words *w = ctx;
	return w->cap && w->slot[slot_of(w, name, strlen(name))].s;
}

int bitfield_gen_main(int argc, char **argv)
{
	const char *env = "sel4", *from = NULL, *pos[2];
	const char **prune = NULL;
	size_t nprune = 0, npos;
	bool hol_defs = false, hol_proofs = false;
	const struct pyopt opts[] = {
		{ "--environment", &env, NULL, NULL, NULL },
		{ "--from_file", &from, NULL, NULL, NULL },
		{ "--prune", NULL, NULL, &prune, &nprune },
		{ "--hol_defs", NULL, &hol_defs, NULL, NULL },
		{ "--hol_proofs", NULL, &hol_proofs, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL },
	};
	if (pyopt_parse("bitfield_gen", argc, argv, opts, pos, 2, &npos)) {
		free(prune);
		return 2;
	}
	if (hol_defs || hol_proofs || (strcmp(env, "sel4") && strcmp(env, "libsel4"))) {
		if (hol_defs || hol_proofs) {
			diag_error(NULL, "bitfield_gen: the Isabelle theory output is not generated natively");
			diag_note(NULL, "the kernel build never asks for it; the proof build gets it from seL4's tools/bitfield_gen.py (selfe's Python shim passes such command lines to Python)");
		} else {
			diag_error(NULL, "bitfield_gen: unknown --environment '%s' (expected sel4 or libsel4)", env);
		}
		free(prune);
		return 2;
	}
	const char *in = npos > 0 ? pos[0] : "/dev/stdin";
	int rc = 2;
	struct arena *a = arena_new();
	struct words w = { 0 };
	char **texts = calloc(nprune + 1, sizeof(*texts));
	size_t len;
	char *text = texts ? fs_read_file(in, &len) : NULL;
	bool ok = text != NULL;
	for (size_t i = 0; ok && i < nprune; i++) {
		size_t plen;
		ok = (texts[i] = fs_read_file(prune[i], &plen)) != NULL;
		if (ok)
			words_scan(&w, texts[i], plen);
	}
	struct bf_file *f = ok ? bf_load(a, in, text, len) : NULL;
	if (f) {
		struct bf_emit_opts o = { .kernel = !strcmp(env, "sel4"), .from_file = from, .wanted = nprune ? wanted : NULL, .ctx = &w };
		struct sb out = SB_INIT;
		bf_emit(&out, f, &o);
		/* The script prints the last function's blank line too: every piece ends "\n\n". */
		rc = pyout_write(npos > 1 ? pos[1] : NULL, &out) ? 2 : 0;
		sb_release(&out);
	}
	for (size_t i = 0; texts && i < nprune; i++)
		free(texts[i]);
	free(texts);
	free(text);
	free(w.slot);
	free(prune);
	arena_free(a);
	return rc;
}
