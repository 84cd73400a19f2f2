/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe's entry point: the command table. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "hwgen/hwgen.h"
#include "kernel/pytools.h"
#include "util/suggest.h"

#define SELFE_VERSION "0.1.0"

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "arc", cmd_arc, "pack data files into a selfe-arc archive, list an archive" },
	{ "build", cmd_build, "build libsel4, selfe-start, selfe-runtime and the root task" },
	{ "config", cmd_config, "print the configuration resolved for a platform and profile" },
	{ "env", cmd_env, "print SELFE_CC, SELFE_CFLAGS, SELFE_LDFLAGS... for a build of your own" },
	{ "fetch", cmd_fetch, "clone the config's git sources into selfe's cache, refresh branches" },
	{ "gen", cmd_gen, "generate libsel4 (headers, libsel4.a, sel4.pc) from a seL4 tree or the snapshot" },
	{ "new", cmd_new, "create a project (sel4.toml, src/main.c) that builds as it is" },
	{ "simulate", cmd_simulate, "build, then boot the kernel and root task in QEMU (pc99)" },
	{ "test", cmd_test, "build and boot, checking the output against sel4.toml's [test]" },
};

static void usage(FILE *to)
{
	fputs("usage: selfe [--version] [--help] COMMAND [ARGS]\n\ncommands:\n", to);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(to, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\n'selfe COMMAND --help' describes a command.\n", to);
}

int main(int argc, char **argv)
{
	/* The kernel build runs selfe as its Python interpreter (src/kernel/pytools.h). */
	if (pytools_is_shim(argv[0]))
		return pytools_main(argc, argv);
	if (argc < 2) {
		usage(stderr);
		return EXIT_TROUBLE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(name, "--version")) {
		printf("selfe %s\n", SELFE_VERSION);
		return 0;
	}
	/* hidden: the native hardware_gen.py, for tests and benchmarks */
	if (!strcmp(name, "hardware-gen"))
		return hwgen_main(argc - 1, argv + 1);
	const char *names[sizeof(commands) / sizeof(commands[0]) + 1];
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (!strcmp(name, commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
		names[i] = commands[i].name;
	}
	names[sizeof(commands) / sizeof(commands[0])] = NULL;
	diag_error(NULL, "unknown command '%s'", name);
	const char *s = suggest_closest(name, names);
	if (s)
		diag_note(NULL, "did you mean '%s'?", s);
	usage(stderr);
	return EXIT_TROUBLE;
}
