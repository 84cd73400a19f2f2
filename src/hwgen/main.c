/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hardware_gen.py's command line (see hwgen.h).  Every output is computed before any file is
 * written; each is then written whole (atomically), so a failure leaves no half-written file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hwgen/emit.h"
#include "hwgen/hwgen.h"
#include "hwgen/irq.h"
#include "hwgen/model.h"
#include "hwgen/rules.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/path.h"

enum pass { P_C_HEADER, P_COMPAT, P_ELFLOADER, P_JSON, P_YAML, NPASS };

/* In the order the kernel's generator runs its passes (alphabetical). */
static const struct {
	const char *flag, *out;
} passes[NPASS] = {
	[P_C_HEADER] = { "--c-header", "--header-out" },
	[P_COMPAT] = { "--compat-strings", "--compat-strings-out" },
	[P_ELFLOADER] = { "--elfloader", "--elfloader-out" },
	[P_JSON] = { "--json", "--json-out" },
	[P_YAML] = { "--yaml", "--yaml-out" },
};

struct args {
	const char *dtb, *rules, *schema, *sel4arch;
	uint64_t addrspace_max;
	bool run[NPASS];
	const char *out[NPASS];
	struct hw_flags flags;
};

#define USAGE                                                                                                  \
	"usage: hardware_gen.py --dtb DTB --hardware-config YAML --hardware-schema YAML --sel4arch ARCH "        \
	"[--addrspace-max N] [--kernel-config-flags NAME=VALUE...] [--c-header --header-out F] "                 \
	"[--compat-strings --compat-strings-out F] [--elfloader --elfloader-out F] [--json --json-out F] "       \
	"[--yaml --yaml-out F]"

static int usage_error(const char *fmt, const char *a)
{
	diag_error(NULL, fmt, a);
	diag_note(NULL, "%s", USAGE);
	return -1;
}

/* 0, 1 after --help, -1 after reporting. */
static int parse_args(struct arena *a, int argc, char **argv, struct args *o)
{
	memset(o, 0, sizeof(*o));
	o->addrspace_max = 32; /* the Python's default */
	size_t cap_flags = 0;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
		const char *name = eq ? arena_strndup(a, arg, (size_t)(eq - arg)) : arg;
		const char *inline_value = eq ? eq + 1 : NULL;
#define VALUE()                                                                                          \
	(inline_value ? inline_value                                                                     \
		      : (i + 1 < argc && argv[i + 1][0] != '-') ? argv[++i] : NULL)
		const char **slot = !strcmp(name, "--dtb")		 ? &o->dtb
				    : !strcmp(name, "--hardware-config") ? &o->rules
				    : !strcmp(name, "--hardware-schema") ? &o->schema
				    : !strcmp(name, "--sel4arch")	 ? &o->sel4arch
									 : NULL;
		for (int p = 0; p < NPASS && !slot; p++)
			if (!strcmp(name, passes[p].out))
				slot = &o->out[p];
		if (slot) {
			if (!(*slot = VALUE()))
				return usage_error("argument %s: expected one argument", name);
			continue;
		}
		bool flag = false;
		for (int p = 0; p < NPASS; p++)
			if (!strcmp(name, passes[p].flag)) {
				o->run[p] = flag = true;
				if (inline_value)
					return usage_error("argument %s: ignored explicit argument", name);
			}
		if (flag || !strcmp(name, "--enable-profiling"))
			continue;
		if (!strcmp(name, "--help") || !strcmp(name, "-h")) {
			printf("%s\n", USAGE);
			return 1;
		}
		if (!strcmp(name, "--addrspace-max")) {
			const char *v = VALUE();
			char *end;
			if (!v || !*v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 20)
				return usage_error("argument --addrspace-max: invalid int value: '%s'", v ? v : "");
			o->addrspace_max = strtoull(v, &end, 10);
			continue;
		}
		if (!strcmp(name, "--kernel-config-flags")) {
			int taken = 0;
			while (inline_value || (i + 1 < argc && argv[i + 1][0] != '-')) {
				const char *v = inline_value ? inline_value : argv[++i];
				inline_value = NULL;
				const char *e = strchr(v, '=');
				if (!e || strchr(e + 1, '='))
					return usage_error("kernel config flag '%s' is not NAME=VALUE", v);
				size_t cap_values = cap_flags;
				o->flags.names = arena_grow(a, o->flags.names, &cap_flags, o->flags.n + 1, sizeof(char *));
				o->flags.values = arena_grow(a, o->flags.values, &cap_values, o->flags.n + 1, sizeof(char *));
				o->flags.names[o->flags.n] = arena_strndup(a, v, (size_t)(e - v));
				o->flags.values[o->flags.n++] = e + 1;
				taken++;
			}
			if (!taken)
				return usage_error("argument %s: expected at least one argument", name);
			continue;
		}
#undef VALUE
		return usage_error("unrecognized argument '%s'", arg);
	}
	if (!o->dtb || !o->rules || !o->schema || !o->sel4arch)
		return usage_error("the following arguments are required: %s",
				   !o->dtb ? "--dtb" : !o->rules ? "--hardware-config" : !o->schema ? "--hardware-schema" : "--sel4arch");
	for (int p = 0; p < NPASS; p++)
		if (o->run[p] && !o->out[p]) {
			diag_error(NULL, "%s needs %s (the file to write)", passes[p].flag, passes[p].out);
			return -1;
		}
	return 0;
}

/*
 * The seL4 release whose tools/hardware_gen.py we stand in for, from the VERSION file two levels
 * above the script when we run as that script (0 when unknown: as 16.0.0).  Facts: 14.0.0 and
 * 15.0.0 round the address-space top down to 16 bytes (the smallest untyped) before cutting out
 * memory and kernel devices; 16.0.0 does not (its KernelPaddrUserTop became exclusive).  13.0.0
 * and older also reserve the bootloader's memory differently and take no kernel config flags.
 */
static int tree_major(struct arena *a, const char *script)
{
	size_t len = strlen(script), tail = strlen("tools/hardware_gen.py");
	if (len < tail || strcmp(script + len - tail, "tools/hardware_gen.py"))
		return 0;
	const char *version = arena_printf(a, "%.*sVERSION", (int)(len - tail), script);
	char *text = path_is_file(version) ? fs_read_file(version, &len) : NULL;
	int major = text ? atoi(text) : 0;
	free(text);
	return major;
}

static char *read_input(const char *what, const char *path, size_t *len)
{
	if (!path_is_file(path)) {
		diag_error(NULL, "cannot open the %s '%s'", what, path);
		return NULL;
	}
	return fs_read_file(path, len);
}

int hwgen_main(int argc, char **argv)
{
	struct arena *a = arena_new();
	struct args o;
	struct hw_cfg cfg;
	struct hw_rules rules;
	struct fdt tree;
	struct sb out[NPASS] = { SB_INIT, SB_INIT, SB_INIT, SB_INIT, SB_INIT };
	size_t len, slen;
	char *blob = NULL, *text = NULL, *schema = NULL;
	int rc = 2;
	int parsed = parse_args(a, argc, argv, &o);
	if (parsed) {
		rc = parsed > 0 ? 0 : 2;
		goto done;
	}
	int major = argc > 0 ? tree_major(a, argv[0]) : 0;
	if (major && major < 14) {
		diag_error(NULL, "selfe's hardware generator follows seL4 14.0.0 and later; this tree is %d.x", major);
		diag_note(NULL, "build this tree with its own tools/hardware_gen.py (it needs the Python module pyfdt)");
		goto done;
	}
	if (major == 14 || major == 15)
		o.addrspace_max &= ~(uint64_t)15;
	if (hw_cfg_init(&cfg, o.sel4arch, o.addrspace_max))
		goto done;
	if (!(blob = read_input("device tree blob", o.dtb, &len)) || !(text = read_input("hardware rules", o.rules, &slen)) ||
	    !(schema = read_input("hardware rules schema", o.schema, &slen)))
		goto done;
	if (fdt_read(&tree, a, o.dtb, (const unsigned char *)blob, len) || hw_rules_read(a, o.rules, text, &rules))
		goto done;
	irq_find_controllers(&tree);
	struct hw_model m = { a, &tree, &rules, &cfg, NULL, 0 };
	if (hw_devices_list(&m, "seL4,kernel-devices", &m.kdevs, &m.nkdevs))
		goto done;
	if ((o.run[P_C_HEADER] && hw_emit_c_header(&m, &out[P_C_HEADER])) ||
	    (o.run[P_COMPAT] && hw_emit_compat(&m, &out[P_COMPAT])) ||
	    (o.run[P_ELFLOADER] && hw_emit_elfloader(&m, &out[P_ELFLOADER])) ||
	    (o.run[P_JSON] && hw_emit_json(&m, &o.flags, &out[P_JSON])) ||
	    (o.run[P_YAML] && hw_emit_yaml(&m, &o.flags, &out[P_YAML])))
		goto done;
	/* an output named without its pass is created empty, as the kernel's generator does */
	for (int p = 0; p < NPASS; p++)
		if (o.out[p] && fs_write_atomic(o.out[p], out[p].buf ? out[p].buf : "", out[p].len))
			goto done;
	rc = 0;
done:
	for (int p = 0; p < NPASS; p++)
		sb_release(&out[p]);
	free(blob);
	free(text);
	free(schema);
	arena_free(a);
	return rc;
}

int hwgen_compat_strings(const char *dtb, const char *rules_path, struct sb *out)
{
	struct arena *a = arena_new();
	struct hw_rules rules;
	struct fdt tree;
	size_t len, rlen;
	char *blob = read_input("device tree blob", dtb, &len);
	char *text = blob ? read_input("hardware rules", rules_path, &rlen) : NULL;
	int rc = -1;
	if (text && fdt_read(&tree, a, dtb, (const unsigned char *)blob, len) == 0 &&
	    hw_rules_read(a, rules_path, text, &rules) == 0) {
		struct hw_model m = { a, &tree, &rules, NULL, NULL, 0 };
		if (hw_devices_list(&m, "seL4,kernel-devices", &m.kdevs, &m.nkdevs) == 0)
			rc = hw_emit_compat(&m, out);
	}
	free(blob);
	free(text);
	arena_free(a);
	return rc;
}
