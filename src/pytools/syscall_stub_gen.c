/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * syscall_stub_gen.py: libsel4's interfaces/sel4_client.h from the object-api XML files, through
 * the stub emitter libsel4 generation uses (gen/iface).  Options as the script's:
 * -a/--arch SEL4_ARCH, -o/--output FILE, -b/--buffer, --mcs, --x86-vtx-64-bit-guests, FILES.
 * Read/WriteRegisters move `count` registers: the behaviour of the 16.0.0 script this replaces.
 */
#include <stdlib.h>
#include <string.h>

#include "gen/iface/iface.h"
#include "pytools/pytools_native.h"
#include "pytools/stub_docs.h"

int syscall_stub_gen_main(int argc, char **argv)
{
	const char *arch = NULL, *output = NULL;
	bool buffer = false, mcs = false, vtx = false;
	const char *files[8];
	size_t nfiles = 0;
	/* -a and -o are short spellings; turn them into the long ones. */
	char **args = calloc((size_t)argc + 1, sizeof(*args));
	if (!args)
		abort();
	for (int i = 0; i < argc; i++)
		args[i] = !strcmp(argv[i], "-a") ? "--arch" : !strcmp(argv[i], "-o") ? "--output" : !strcmp(argv[i], "-b") ? "--buffer" : argv[i];
	const struct pyopt opts[] = {
		{ "--arch", &arch, NULL, NULL, NULL },
		{ "--output", &output, NULL, NULL, NULL },
		{ "--buffer", NULL, &buffer, NULL, NULL },
		{ "--mcs", NULL, &mcs, NULL, NULL },
		{ "--x86-vtx-64-bit-guests", NULL, &vtx, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL },
	};
	int prc = pyopt_parse("syscall_stub_gen", argc, args, opts, files, sizeof(files) / sizeof(files[0]), &nfiles);
	free(args);
	if (prc)
		return 2;
	if (!arch || !nfiles) {
		diag_error(NULL, "syscall_stub_gen: usage: -a SEL4_ARCH [-o FILE] [--buffer] [--mcs] [--x86-vtx-64-bit-guests] FILES...");
		return 2;
	}
	struct arena *a = arena_new();
	const struct iface_api *apis[8];
	int rc = 0;
	for (size_t i = 0; i < nfiles && !rc; i++) {
		struct iface_api *api = iface_load_api(a, files[i]);
		rc = api && !stub_docs_attach(a, api, files[i], arch, mcs, vtx) ? 0 : 2;
		apis[i] = api;
	}
	if (!rc) {
		struct iface_stub_options opt = {
			.sel4_arch = arch,
			.mcs = mcs,
			.ipc_buffer_only = buffer,
			.x86_vtx_64bit_guests = vtx,
			.registers_by_count = true,
			.sel4_text = true,
		};
		struct sb out = SB_INIT;
		rc = iface_emit_stubs(&out, a, apis, nfiles, &opt) ? 2 : 0;
		if (!rc)
			rc = pyout_write(output, &out) ? 2 : 0;
		sb_release(&out);
	}
	arena_free(a);
	return rc;
}
