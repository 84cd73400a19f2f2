/* SPDX-License-Identifier: BSD-2-Clause */
/* Command lines and output files shared by the native tools. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pytools/pytools_native.h"
#include "util/arena.h"
#include "util/diag.h"
#include "util/fs.h"

int pyopt_parse(const char *tool, int argc, char **argv, const struct pyopt *opts, const char **pos,
		size_t maxpos, size_t *npos)
{
	*npos = 0;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (arg[0] != '-' || arg[1] != '-' || !arg[2]) {
			if (*npos >= maxpos)
				return diag_error(NULL, "%s: unexpected argument '%s'", tool, arg);
			pos[(*npos)++] = arg;
			continue;
		}
		const char *eq = strchr(arg, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct pyopt *o = opts;
		while (o->name && !(strlen(o->name) == len && !memcmp(o->name, arg, len)))
			o++;
		if (!o->name)
			return diag_error(NULL, "%s: unknown option '%.*s'", tool, (int)len, arg);
		if (o->flag) {
			if (eq)
				return diag_error(NULL, "%s: option '%s' takes no value", tool, o->name);
			*o->flag = true;
			continue;
		}
		const char *v = eq ? eq + 1 : NULL;
		if (!v) {
			if (i + 1 >= argc)
				return diag_error(NULL, "%s: option '%s' needs a value", tool, o->name);
			v = argv[++i];
		}
		if (o->list) {
			const char **grown = realloc(*o->list, (*o->nlist + 1) * sizeof(**o->list));
			if (!grown)
				abort();
			grown[(*o->nlist)++] = v;
			*o->list = grown;
		} else {
			*o->value = v;
		}
	}
	return 0;
}

int pyout_write(const char *path, const struct sb *text)
{
	if (!path || !strcmp(path, "-")) {
		fwrite(text->buf ? text->buf : "", 1, text->len, stdout);
		return fflush(stdout) ? diag_error(NULL, "cannot write to standard output") : 0;
	}
	return fs_write_atomic(path, text->buf ? text->buf : "", text->len);
}
