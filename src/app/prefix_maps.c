/* SPDX-License-Identifier: BSD-2-Clause */
/* Reproducible objects: folder names mapped to fixed ones (app.h: app_prefix_maps). */
#include <stdlib.h>

#include "app/app.h"
#include "util/path.h"

const char *const *app_prefix_maps(struct arena *a, const struct app_request *req)
{
	/* gcc tries the maps last first: the folders that may lie inside others (target/ lies in
	 * the project, the cache may) come after the folders around them. */
	char *cwd = path_absolute(".");
	const char **v = arena_alloc(a, 5 * sizeof(*v));
	v[0] = arena_printf(a, "-ffile-prefix-map=%s=.", cwd);
	v[1] = arena_printf(a, "-ffile-prefix-map=%s=.", req->app_dir);
	v[2] = arena_printf(a, "-ffile-prefix-map=%s=selfe-runtime", req->runtime);
	v[3] = arena_printf(a, "-ffile-prefix-map=%s=libsel4", req->libsel4);
	v[4] = NULL;
	free(cwd);
	return v;
}
