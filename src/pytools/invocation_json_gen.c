/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * invocation_json_gen.py: the invocation labels of one configuration as a JSON object, label to
 * number.  Numbering starts at 1 and runs over the generic, sel4_arch and arch methods in that
 * order, counting each label the first time a method with it is enabled; a condition is
 * evaluated against gen_config.json (a variable's value counts as true when it is true, a
 * non-empty string or a non-zero number).  Written as one line: {"Label": 1, ...}.
 */
#include <stdlib.h>
#include <string.h>

#include "gen/iface/iface.h"
#include "pytools/pytools_native.h"
#include "util/fs.h"
#include "util/json.h"
#include "util/json_read.h"

/* 1 true, 0 false, -1 after reporting a variable the configuration lacks. */
static int holds(const struct iface_cond *c, const struct json_value *config, const struct loc *at)
{
	switch (c->kind) {
	case IFACE_COND_CONFIG: {
		const char *name = strncmp(c->var, "CONFIG_", 7) ? c->var : c->var + 7;
		const struct json_value *v = json_get(config, name);
		if (!v) {
			diag_error(at, "the condition names '%s', which the configuration does not have", c->var);
			return -1;
		}
		switch (v->kind) {
		case JSON_BOOL: return v->b;
		case JSON_STRING: return v->len > 0;
		case JSON_NUMBER: return strtod(v->text, NULL) != 0;
		case JSON_NULL: return 0;
		default: return v->count > 0;
		}
	}
	case IFACE_COND_NOT: {
		int r = holds(c->kids[0], config, at);
		return r < 0 ? r : !r;
	}
	case IFACE_COND_AND:
	case IFACE_COND_OR:
		for (size_t i = 0; i < c->nkids; i++) {
			int r = holds(c->kids[i], config, at);
			if (r < 0)
				return r;
			if (c->kind == IFACE_COND_AND ? !r : r)
				return c->kind == IFACE_COND_OR;
		}
		return c->kind == IFACE_COND_AND;
	}
	return -1;
}

struct labels {
	const char **ids;
	size_t n, cap;
};

static int add_api(struct labels *l, struct arena *a, const struct iface_api *api, const struct json_value *config)
{
	for (size_t i = 0; i < api->ninterfaces; i++)
		for (size_t j = 0; j < api->interfaces[i].nmethods; j++) {
			const struct iface_method *m = &api->interfaces[i].methods[j];
			int on = m->cond ? holds(m->cond, config, &m->at) : 1;
			if (on < 0)
				return -1;
			bool seen = false;
			for (size_t k = 0; k < l->n && !seen; k++)
				seen = !strcmp(l->ids[k], m->id);
			if (on && !seen) {
				l->ids = arena_grow(a, l->ids, &l->cap, l->n + 1, sizeof(*l->ids));
				l->ids[l->n++] = m->id;
			}
		}
	return 0;
}

int invocation_json_gen_main(int argc, char **argv)
{
	const char *config_path = NULL, *inv = NULL, *arch = NULL, *sel4_arch = NULL, *dest = NULL;
	size_t npos;
	const struct pyopt opts[] = {
		{ "--gen_config", &config_path, NULL, NULL, NULL },
		{ "--invocations", &inv, NULL, NULL, NULL },
		{ "--arch_invocations", &arch, NULL, NULL, NULL },
		{ "--sel4_arch_invocations", &sel4_arch, NULL, NULL, NULL },
		{ "--dest", &dest, NULL, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL },
	};
	if (pyopt_parse("invocation_json_gen", argc, argv, opts, NULL, 0, &npos))
		return 2;
	if (!config_path || !inv || !arch || !sel4_arch || !dest) {
		diag_error(NULL, "invocation_json_gen: --gen_config, --invocations, --arch_invocations, "
				 "--sel4_arch_invocations and --dest are all required");
		return 2;
	}
	struct arena *a = arena_new();
	int rc = 2;
	size_t len;
	char *text = fs_read_file(config_path, &len);
	struct json_value *config = text ? json_parse(a, config_path, text, len) : NULL;
	if (config && config->kind != JSON_OBJECT) {
		struct loc at = { config_path, 1, 1 };
		diag_error(&at, "expected a JSON object of configuration values");
		config = NULL;
	}
	/* The script loads all three files before numbering any. */
	const struct iface_api *apis[3] = { NULL, NULL, NULL };
	if (config) {
		apis[0] = iface_load_api(a, inv);
		apis[1] = apis[0] ? iface_load_api(a, sel4_arch) : NULL;
		apis[2] = apis[1] ? iface_load_api(a, arch) : NULL;
	}
	struct labels l = { 0 };
	if (apis[2] && !add_api(&l, a, apis[0], config) && !add_api(&l, a, apis[1], config) && !add_api(&l, a, apis[2], config)) {
		struct sb out = SB_INIT;
		sb_addch(&out, '{');
		for (size_t i = 0; i < l.n; i++) {
			if (i)
				sb_adds(&out, ", ");
			json_write_string(&out, l.ids[i], strlen(l.ids[i]));
			sb_addf(&out, ": %zu", i + 1);
		}
		sb_addch(&out, '}');
		rc = pyout_write(dest, &out) ? 2 : 0;
		sb_release(&out);
	}
	free(text);
	arena_free(a);
	return rc;
}
