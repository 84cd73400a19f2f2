/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The CONFIG_ values without CMake: the tree's configuration files evaluated by our own
 * evaluator (src/gen/kconfig) with the resolved sel4.toml values as the initial cache, as
 * `cmake -C` would see them.
 */
#include <inttypes.h>
#include <string.h>

#include "gen/kconfig/kconfig.h"
#include "libsel4.h"
#include "util/diag.h"

int libsel4_native_config(struct arena *a, const char *tree, const struct cfg_resolved_list *config, struct deps *deps,
			  const char **kernel_json, const char **sel4_json)
{
	struct kcfg *k = kcfg_new();
	kcfg_record(k, deps);
	for (size_t i = 0; i < config->len; i++) {
		const struct cfg_value *v = &config->items[i].value;
		char num[32];
		const char *text = v->s;
		if (v->kind == CFG_BOOL)
			text = v->b ? "ON" : "OFF";
		else if (v->kind == CFG_INTEGER) {
			snprintf(num, sizeof(num), "%" PRId64, v->i);
			text = num;
		}
		kcfg_define(k, config->items[i].key, text);
	}
	int rc = kcfg_eval_tree(k, tree);
	const struct kcfg_lib *kernel = rc == 0 ? kcfg_lib(k, "kernel") : NULL;
	const struct kcfg_lib *sel4 = rc == 0 ? kcfg_lib(k, "sel4") : NULL;
	if (rc == 0 && (!kernel || !sel4))
		rc = diag_error(&(struct loc){ tree, 0, 0 }, "the tree's configuration defines no %s configuration library",
				kernel ? "sel4" : "kernel");
	if (rc == 0) {
		struct sb out = SB_INIT;
		kcfg_emit_json(&out, kernel);
		*kernel_json = arena_strdup(a, sb_str(&out));
		sb_reset(&out);
		kcfg_emit_json(&out, sel4);
		*sel4_json = arena_strdup(a, sb_str(&out));
		sb_release(&out);
	}
	kcfg_free(k);
	return rc;
}
