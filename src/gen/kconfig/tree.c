/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Evaluating a seL4 tree in the order its top-level CMakeLists.txt does for configuration:
 * configs/seL4Config.cmake (architecture and platform), config.cmake (kernel options, ending in
 * add_config_library(kernel)), then libsel4/CMakeLists.txt in a directory scope of its own
 * (add_config_library(sel4)).  The rest of the top-level file only sets compiler flags.
 */
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/path.h"
#include "util/xalloc.h"

int kcfg_eval_tree(struct kcfg *k, const char *sel4_root)
{
	char *root = path_absolute(sel4_root);
	char *seL4cfg = path_join(root, "configs/seL4Config.cmake");
	char *lib = path_join(root, "libsel4");
	char *libcm = path_join(root, "libsel4/CMakeLists.txt");
	int rc = 0;
	kcfg_set(k, "CMAKE_SOURCE_DIR", root);
	kcfg_set(k, "CMAKE_CURRENT_SOURCE_DIR", root);
	kcfg_set(k, "CMAKE_CURRENT_LIST_DIR", root);
	/* No build folder exists: every "does the generated file exist yet" test is false. */
	kcfg_set(k, "CMAKE_BINARY_DIR", "");
	kcfg_set(k, "CMAKE_CURRENT_BINARY_DIR", "");
	kcfg_set(k, "CMAKE_COMMAND", "cmake");
	rc = kcfg_include(k, seL4cfg);
	if (!rc) {
		char *cfg = path_join(root, "config.cmake");
		rc = kcfg_include(k, cfg);
		free(cfg);
	}
	if (!rc && path_is_file(libcm)) {
		struct kcfg_scope sc = { { 0 }, k->scope };
		k->scope = &sc;
		kcfg_set(k, "CMAKE_CURRENT_SOURCE_DIR", lib);
		rc = kcfg_include(k, libcm);
		k->scope = sc.parent;
		kcfg_table_free(&sc.vars);
	}
	free(root);
	free(seL4cfg);
	free(lib);
	free(libcm);
	return rc;
}
