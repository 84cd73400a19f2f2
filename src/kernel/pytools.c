/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The native tools table and the pass-through to the real interpreter (see pytools.h).
 * Dispatch is on the script's basename: the kernel's CMake names its tools by path
 * (HARDWARE_GEN_PATH and friends), and those paths stay the tree's own scripts because CMake
 * treats them as file dependencies.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hwgen/hwgen.h"
#include "pytools/pytools_native.h"
#include "kernel/pytools.h"
#include "util/arena.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/proc.h"

static const struct pytool {
	const char *script; /* basename of the script the kernel's CMake names */
	int (*fn)(int argc, char **argv);
	/* NULL, or whether the tool stands in for this script (else the real interpreter runs it) */
	bool (*native_for)(const char *script);
	/* NULL, or whether it stands in for this command line (argv[0] is the script) */
	bool (*native_args)(int argc, char **argv);
} pytools[] = {
	{ "hardware_gen.py", hwgen_main, NULL, NULL },
	{ "config_gen.py", config_gen_main, pytools_native_for, NULL },
	{ "bitfield_gen.py", bitfield_gen_main, pytools_native_for, bitfield_gen_native_args },
	{ "invocation_header_gen.py", invocation_header_gen_main, pytools_native_for, NULL },
	{ "invocation_json_gen.py", invocation_json_gen_main, pytools_native_for, NULL },
	{ "syscall_header_gen.py", syscall_header_gen_main, pytools_native_for, NULL },
	{ "syscall_stub_gen.py", syscall_stub_gen_main, pytools_native_for, NULL },
	{ "circular_includes.py", circular_includes_main, pytools_native_for, NULL },
};

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

bool pytools_is_shim(const char *argv0)
{
	return argv0 && !strcmp(base_name(argv0), PYTOOLS_SHIM_NAME);
}

/* The real interpreter: $SELFE_PYTHON_REAL, else the file beside the symlink, else Debian's. */
static char *real_python(const char *argv0)
{
	const char *env = getenv(PYTOOLS_REAL_ENV);
	if (env && *env)
		return strdup(env);
	const char *slash = strrchr(argv0, '/');
	if (slash) {
		size_t dlen = (size_t)(slash - argv0);
		char path[PATH_MAX];
		if (snprintf(path, sizeof(path), "%.*s/%s", (int)dlen, argv0, PYTOOLS_REAL_FILE) < (int)sizeof(path)) {
			size_t len;
			char *text = path_is_file(path) ? fs_read_file(path, &len) : NULL;
			if (text) {
				text[strcspn(text, "\n")] = '\0';
				if (*text)
					return text;
				free(text);
			}
		}
	}
	return strdup(proc_exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
}

int pytools_main(int argc, char **argv)
{
	/* `python3 SCRIPT ARGS`: SCRIPT is the first argument when it is not an option. */
	if (argc >= 2 && argv[1][0] != '-') {
		const char *script = base_name(argv[1]);
		for (size_t i = 0; i < sizeof(pytools) / sizeof(pytools[0]); i++)
			if (!strcmp(script, pytools[i].script) && (!pytools[i].native_for || pytools[i].native_for(argv[1])) &&
			    (!pytools[i].native_args || pytools[i].native_args(argc - 1, argv + 1)))
				return pytools[i].fn(argc - 1, argv + 1);
	}
	char *python = real_python(argv[0]);
	argv[0] = python;
	fflush(NULL);
	execvp(python, argv);
	diag_error(NULL, "cannot run the Python interpreter '%s': %s", python, strerror(errno));
	diag_note(NULL, "set %s to a Python 3 interpreter", PYTOOLS_REAL_ENV);
	free(python);
	return 2;
}

int pytools_make_shim(struct arena *a, const char *dir, const char *real, const char **shim)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return diag_error(NULL, "cannot find the running selfe executable (/proc/self/exe): %s", strerror(errno));
	self[n] = '\0';
	const char *link = arena_printf(a, "%s/%s", dir, PYTOOLS_SHIM_NAME);
	const char *tmp = arena_printf(a, "%s.tmp", link);
	if (fs_mkdirs(dir))
		return -1;
	unlink(tmp);
	if (symlink(self, tmp) != 0 || rename(tmp, link) != 0)
		return diag_error(NULL, "cannot create the interpreter link %s: %s", link, strerror(errno));
	const char *file = arena_printf(a, "%s/%s", dir, PYTOOLS_REAL_FILE);
	if (fs_write_atomic(file, real, strlen(real)))
		return -1;
	*shim = link;
	return 0;
}
