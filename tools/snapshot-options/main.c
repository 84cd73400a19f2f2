/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * snapshot-options TREE [-o FILE]: writes the offline snapshot's kernel option table
 * (snapshot/sel4-VERSION/options.toml) for the seL4 tree TREE, to FILE (atomically) or stdout.
 * Evaluating the qemu-* platforms runs QEMU and dtc as the kernel's own configure does.
 */
#include <stdio.h>
#include <string.h>

#include "snapshot/options.h"
#include "snapshot-options/options_write.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/sb.h"

int main(int argc, char **argv)
{
	const char *tree = NULL, *out = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (argv[i][0] != '-' && !tree)
			tree = argv[i];
		else
			tree = NULL, i = argc;
	}
	if (!tree) {
		fprintf(stderr, "usage: snapshot-options SEL4_TREE [-o FILE]\n");
		return 2;
	}
	struct sb text = SB_INIT;
	int rc = snapshot_options_write(&text, tree);
	if (rc == 0) {
		if (out)
			rc = fs_write_atomic(out, text.buf, text.len);
		else if (fwrite(text.buf, 1, text.len, stdout) != text.len || fflush(stdout) != 0)
			rc = diag_error(NULL, "cannot write the table to standard output");
	}
	sb_release(&text);
	return rc == 0 ? 0 : 2;
}
