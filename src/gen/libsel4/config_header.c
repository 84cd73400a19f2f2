/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * gen_config.h from gen_config.json: an enabled boolean becomes "#define CONFIG_X  1", a disabled
 * one a "disabled" comment (so #ifdef sees it as undefined), a string "#define CONFIG_X  value"
 * with the value as written (the kernel's strings are already C tokens).
 */
#include "libsel4.h"

#include "util/diag.h"

int libsel4_config_header(struct sb *out, const struct json_value *config, const char *path)
{
	if (config->kind != JSON_OBJECT)
		return diag_error(&(struct loc){ path, 0, 0 }, "expected a JSON object of configuration values");
	sb_adds(out, "#pragma once\n\n");
	for (size_t i = 0; i < config->count; i++) {
		const char *key = config->keys[i];
		const struct json_value *v = &config->items[i];
		if (v->kind == JSON_BOOL && v->b)
			sb_addf(out, "#define CONFIG_%s  1\n", key);
		else if (v->kind == JSON_BOOL)
			sb_addf(out, "/* disabled: CONFIG_%s */\n", key);
		else if (v->kind == JSON_STRING && v->len)
			sb_addf(out, "#define CONFIG_%s  %s\n", key, v->text);
		else if (v->kind == JSON_STRING)
			sb_addf(out, "#define CONFIG_%s  /* empty */\n", key);
		else
			return diag_error(&(struct loc){ path, 0, 0 }, "value of '%s' must be a boolean or a string", key);
	}
	return 0;
}
