/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Evaluating a seL4 tree in the order its top-level CMakeLists.txt does for configuration:
 * configs/seL4Config.cmake (architecture and platform), config.cmake (kernel options, ending in
 * add_config_library(kernel)), then libsel4/CMakeLists.txt in a directory scope of its own
 * (add_config_library(sel4)).  The rest of the top-level file only sets compiler flags.
 * The evaluation gets an empty scratch build folder of its own (removed afterwards): ARM and
 * RISC-V platforms build their device tree there at configure time (see process.c), and being
 * empty it keeps every "does the generated file exist yet" test false, as on a first configure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/sb.h"
#include "util/xalloc.h"

int kcfg_eval_tree(struct kcfg *k, const char *sel4_root)
{
	const char *root = path_absolute_in(k->arena, sel4_root);
	const char *seL4cfg = path_join_in(k->arena, root, "configs/seL4Config.cmake");
	const char *lib = path_join_in(k->arena, root, "libsel4");
	const char *libcm = path_join_in(k->arena, root, "libsel4/CMakeLists.txt");
	int rc = 0;
	struct sb tmpl = SB_INIT;
	const char *tmp = getenv("TMPDIR");
	sb_addf(&tmpl, "%s/selfe-kconfig-XXXXXX", tmp && *tmp ? tmp : P_tmpdir);
	char *bindir = mkdtemp(tmpl.buf);
	if (!bindir) {
		rc = diag_error(NULL, "cannot create a scratch folder \"%s\" for the configuration", sb_str(&tmpl));
		goto out;
	}
	k->bindir = path_normalize_in(k->arena, bindir);
	/* The helpers' behaviour that changed between releases (see kcfg_internal.h). */
	const char *vpath = path_join_in(k->arena, root, "VERSION");
	size_t vlen;
	kcfg_note_file(k, vpath);
	char *version = path_is_file(vpath) ? fs_read_file(vpath, &vlen) : NULL;
	k->choice_omits_impossible = version && atoi(version) < 14;
	free(version);
	kcfg_set(k, "CMAKE_SOURCE_DIR", root);
	kcfg_set(k, "CMAKE_CURRENT_SOURCE_DIR", root);
	kcfg_set(k, "CMAKE_CURRENT_LIST_DIR", root);
	kcfg_set(k, "CMAKE_BINARY_DIR", k->bindir);
	kcfg_set(k, "CMAKE_CURRENT_BINARY_DIR", k->bindir);
	kcfg_set(k, "CMAKE_COMMAND", "cmake");
	/* What the top-level CMakeLists.txt finds before including config.cmake: the hardware
	 * generator, replaced by selfe's (src/hwgen) when the configuration runs it. */
	kcfg_set(k, "HARDWARE_GEN_PATH", path_join_in(k->arena, root, "tools/hardware_gen.py"));
	kcfg_set(k, "PYTHON3", "python3");
	rc = kcfg_include(k, seL4cfg);
	if (!rc) {
		rc = kcfg_include(k, path_join_in(k->arena, root, "config.cmake"));
	}
	kcfg_note_probe(k, libcm);
	if (!rc && path_is_file(libcm)) {
		struct kcfg_scope sc = { { 0 }, k->scope };
		k->scope = &sc;
		kcfg_set(k, "CMAKE_CURRENT_SOURCE_DIR", lib);
		rc = kcfg_include(k, libcm);
		k->scope = sc.parent;
		kcfg_table_free(&sc.vars);
	}
	if (fs_remove_tree(k->bindir))
		rc = -1;
	k->bindir = NULL;
out:
	sb_release(&tmpl);
	return rc;
}
