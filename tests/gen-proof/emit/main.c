/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * proof-emit: writes the proof programs of tests/gen-proof/lib for one configuration, from the same
 * inputs `selfe gen` reads (the interface XML and the .bf files after the configuration's
 * preprocessor).  Driven by the shell suites in tests/gen-proof/.
 *
 *   proof-emit structure OUT.c SYSCALL.xml SEL4_ARCH.xml ARCH.xml GENERIC.xml BF.i...
 *   proof-emit properties OUT.c SEED ROUNDS BF.i...
 *
 * Prints what it wrote; exit 0, or 2 when an input cannot be read or loaded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen-proof/lib/proof.h"
#include "util/fs.h"

static const struct bf_file *load_bf(struct arena *a, const char *path)
{
	size_t len;
	char *text = fs_read_file(path, &len);
	if (!text)
		return NULL;
	const struct bf_file *f = bf_load(a, path, text, len);
	free(text);
	return f;
}

static int usage(void)
{
	fputs("usage: proof-emit structure OUT.c SYSCALL.xml SEL4_ARCH.xml ARCH.xml GENERIC.xml BF.i...\n"
	      "       proof-emit properties OUT.c SEED ROUNDS BF.i...\n",
	      stderr);
	return 2;
}

static int structure(struct arena *a, struct sb *out, int argc, char **argv)
{
	if (argc < 7)
		return usage();
	const struct iface_syscalls *sys = iface_load_syscalls(a, argv[3]);
	const struct iface_api *apis[3];
	for (int i = 0; i < 3; i++)
		if (!(apis[i] = iface_load_api(a, argv[4 + i])))
			return 2;
	if (!sys)
		return 2;
	sb_adds(out, "#include <stddef.h>\n#include <sel4/sel4.h>\n\n");
	size_t facts = proof_emit_iface_structure(out, apis, sys);
	for (int i = 7; i < argc; i++) {
		const struct bf_file *f = load_bf(a, argv[i]);
		if (!f)
			return 2;
		facts += proof_emit_bf_structure(out, f);
	}
	printf("%zu assertions written to %s\n", facts, argv[2]);
	return 0;
}

static int properties(struct arena *a, struct sb *out, int argc, char **argv)
{
	if (argc < 6)
		return usage();
	char *end;
	struct proof_property_options opt = { .sliced_equals = false };
	opt.seed = strtoull(argv[3], &end, 0);
	if (*end)
		return usage();
	opt.rounds = (unsigned)strtoul(argv[4], &end, 0);
	if (*end || opt.rounds < 3)
		return usage();
	const struct bf_file *files[16];
	size_t n = 0;
	if (argc - 5 > 16)
		return usage();
	for (int i = 5; i < argc; i++)
		if (!(files[n++] = load_bf(a, argv[i])))
			return 2;
	proof_emit_bf_properties(out, files, n, &opt);
	size_t blocks = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < files[i]->nblocks; k++)
			blocks += !files[i]->blocks[k]->tagged;
		for (size_t k = 0; k < files[i]->nunions; k++)
			blocks += files[i]->unions[k]->ntags;
	}
	printf("property tests for %zu blocks and variants written to %s\n", blocks, argv[2]);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return usage();
	struct arena *a = arena_new();
	struct sb out = SB_INIT;
	int rc;
	if (!strcmp(argv[1], "structure"))
		rc = structure(a, &out, argc, argv);
	else if (!strcmp(argv[1], "properties"))
		rc = properties(a, &out, argc, argv);
	else
		rc = usage();
	if (rc == 0 && fs_write_atomic(argv[2], out.buf, out.len))
		rc = 2;
	sb_release(&out);
	arena_free(a);
	return rc;
}
