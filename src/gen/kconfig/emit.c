/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * From the configured entry lines to gen_config.json and gen_config.h text.  The kernel's generator
 * loads the lines as a YAML mapping, so a repeated name keeps its first position and its last
 * value; JSON is indented by four spaces with no final newline; the header writes
 * "#define CONFIG_X  1", "/" "* disabled: CONFIG_X *" "/", "#define CONFIG_X  value".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/json.h"
#include "util/sb.h"
#include "util/xalloc.h"

static void put(struct kcfg_lib *lib, const char *name, size_t nlen, bool is_bool, bool on, char *value)
{
	for (size_t i = 0; i < lib->n; i++) {
		struct kcfg_entry *e = &lib->e[i];
		if (strlen(e->name) == nlen && strncmp(e->name, name, nlen) == 0) {
			free(e->value);
			e->value = value;
			e->is_bool = is_bool;
			e->on = on;
			return;
		}
	}
	lib->e = xgrow(lib->e, &lib->cap, lib->n + 1, sizeof *lib->e);
	lib->e[lib->n++] = (struct kcfg_entry){ xstrndup(name, nlen), value, is_bool, on };
}

/* A YAML double-quoted scalar starting after the opening quote; returns the end or NULL. */
static const char *dquoted(const char *p, struct sb *out)
{
	for (; *p && *p != '"'; p++) {
		if (*p != '\\') {
			sb_addch(out, *p);
			continue;
		}
		p++;
		switch (*p) {
		case 'n': sb_addch(out, '\n'); break;
		case 't': sb_addch(out, '\t'); break;
		case 'r': sb_addch(out, '\r'); break;
		case '0': sb_addch(out, '\0'); break;
		case '"': case '\\': case '/': sb_addch(out, *p); break;
		default: return NULL;
		}
	}
	return *p == '"' ? p + 1 : NULL;
}

int kcfg_lib_parse(struct kcfg *k, struct kcfg_lib *lib, const char *yaml)
{
	const char *p = yaml ? yaml : "";
	while (*p) {
		const char *eol = strchr(p, '\n');
		if (!eol)
			eol = p + strlen(p);
		const char *colon = memchr(p, ':', (size_t)(eol - p));
		if (eol == p) {
			p = *eol ? eol + 1 : eol;
			continue;
		}
		if (!colon || colon[1] != ' ')
			return kcfg_err(k, "config line \"%.*s\" is not \"NAME: value\"", (int)(eol - p), p);
		const char *v = colon + 2, *rest;
		if (strncmp(v, "true", 4) == 0) {
			put(lib, p, (size_t)(colon - p), true, true, NULL);
			rest = v + 4;
		} else if (strncmp(v, "false", 5) == 0) {
			put(lib, p, (size_t)(colon - p), true, false, NULL);
			rest = v + 5;
		} else if (*v == '"') {
			struct sb s = SB_INIT;
			rest = dquoted(v + 1, &s);
			if (!rest || rest > eol) {
				sb_release(&s);
				return kcfg_err(k, "config line \"%.*s\" has a bad quoted value", (int)(eol - p), p);
			}
			put(lib, p, (size_t)(colon - p), false, false, sb_detach(&s));
		} else {
			return kcfg_err(k, "config line \"%.*s\" has an unexpected value", (int)(eol - p), p);
		}
		if (rest < eol && strncmp(rest, " #", 2) != 0)
			return kcfg_err(k, "config line \"%.*s\" has trailing text", (int)(eol - p), p);
		p = *eol ? eol + 1 : eol;
	}
	return 0;
}

void kcfg_emit_json(struct sb *out, const struct kcfg_lib *lib)
{
	if (!lib->n) {
		sb_adds(out, "{}");
		return;
	}
	sb_adds(out, "{\n");
	for (size_t i = 0; i < lib->n; i++) {
		const struct kcfg_entry *e = &lib->e[i];
		sb_adds(out, "    ");
		json_write_string_python(out, e->name, strlen(e->name));
		sb_adds(out, ": ");
		if (e->is_bool)
			sb_adds(out, e->on ? "true" : "false");
		else
			json_write_string_python(out, e->value, strlen(e->value));
		sb_adds(out, i + 1 < lib->n ? ",\n" : "\n");
	}
	sb_adds(out, "}");
}

void kcfg_emit_h(struct sb *out, const struct kcfg_lib *lib)
{
	sb_adds(out, "#pragma once\n\n");
	for (size_t i = 0; i < lib->n; i++) {
		const struct kcfg_entry *e = &lib->e[i];
		if (e->is_bool && e->on)
			sb_addf(out, "#define CONFIG_%s  1\n", e->name);
		else if (e->is_bool)
			sb_addf(out, "/* disabled: CONFIG_%s */\n", e->name);
		else if (*e->value)
			sb_addf(out, "#define CONFIG_%s  %s\n", e->name, e->value);
		else
			sb_addf(out, "#define CONFIG_%s  /* empty */\n", e->name);
	}
}
