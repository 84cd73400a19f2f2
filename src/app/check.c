/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What [app] says, checked against the files before any kernel, CMake or compiler work: every
 * source glob matches a file and every `files` entry names one.  Each error points at the item's
 * own line and column in sel4.toml.
 */
#include <glob.h>
#include <stdlib.h>

#include "app/app.h"
#include "arc/arc.h"
#include "util/diag.h"
#include "util/path.h"

/* The location of item `i` of `l`, else the table's. */
const struct loc *app_item_loc(const struct cfg_app *app, const struct cfg_strings *l, size_t i)
{
	return l->at ? &l->at[i] : &app->at;
}

static int check_sources(const struct cfg_app *app, const char *dir)
{
	static const char *const default_sources[] = { CFG_APP_DEFAULT_SOURCES };
	const struct cfg_strings defaults = { (const char **)default_sources, 1, NULL };
	const struct cfg_strings *sources = app->sources.v ? &app->sources : &defaults;
	int rc = 0;
	for (size_t i = 0; i < sources->n; i++) {
		char *pattern = path_join(dir, sources->v[i]);
		glob_t g;
		if (glob(pattern, 0, NULL, &g) == 0) {
			globfree(&g);
		} else {
			rc = diag_error(app_item_loc(app, sources, i), "[app] sources: '%s' matches no file in %s", sources->v[i],
					dir);
			diag_note(NULL, sources == &defaults ? "without 'sources', [app] compiles src/*.c; add sources = [\"...\"]"
							     : "sources are globs relative to the folder of sel4.toml, e.g. \"src/*.c\"");
		}
		free(pattern);
	}
	return rc;
}

static int check_files(const struct cfg_app *app, const char *dir)
{
	int rc = 0;
	for (size_t i = 0; i < app->files.n; i++) {
		struct arc_input in;
		char *owned = NULL;
		arc_input_parse(app->files.v[i], &in, &owned);
		char *path = path_join(dir, in.path);
		if (!path_is_file(path)) {
			rc = diag_error(app_item_loc(app, &app->files, i), "[app] files: '%s' is not a file in %s", in.path, dir);
			diag_note(NULL, "files are \"PATH\" or \"NAME=PATH\", PATH relative to the folder of sel4.toml");
		}
		free(path);
		free(owned);
	}
	return rc;
}

int app_check(const struct cfg_app *app, const char *dir, bool sources)
{
	int rc = sources ? check_sources(app, dir) : 0;
	return check_files(app, dir) || rc ? -1 : 0;
}
