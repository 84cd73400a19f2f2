/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The one device-tree fact the kernel's configuration reads back: the list of compatible strings
 * of the devices the kernel drives.  The kernel's configure step has its hardware generator write
 * that list (its "compat strings" output) and then reads it into `compatibility_strings`, which
 * chooses driver sources and decides whether the platform has the ARM generic timer (and so
 * whether the EXPORT_*_USER timer options are available).  We compute the same list here:
 *   - the kernel's devices are the nodes named by the `seL4,kernel-devices` string list of
 *     /chosen, each a full path or an alias (text before ':' looked up in /aliases);
 *   - each device contributes its first compatible string that the tree's tools/hardware.yml
 *     has a device rule for;
 *   - the result is de-duplicated, sorted, and written as "a;b;c;\n".
 * Everything else the hardware generator writes (C header, YAML, JSON for the build) describes
 * memory and interrupts for the kernel build and never reaches a CONFIG_ value.
 */
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/fs.h"
#include "util/sb.h"
#include "util/xalloc.h"

/* The `compatible:` lists of hardware.yml's device rules (the items of the top-level `devices:`
 * list).  The file is plain block-style YAML; we read exactly that shape — each item's
 * "compatible:" key followed by one "- string" a line, deeper indented — and refuse anything else
 * rather than guess.  Keys nested deeper inside an item are not rules and are skipped. */
static int read_rules(struct kcfg *k, const char *path, struct kcfg_args *rules)
{
	size_t len;
	char *text = fs_read_file(path, &len);
	if (!text)
		return kcfg_err(k, "cannot read the hardware rules \"%s\"", path);
	int rc = 0;
	bool in_devices = false;
	long item_indent = -1; /* indentation of the devices list's "- " markers */
	long list_indent = -1; /* indentation of the current "compatible:" key, -1 outside one */
	unsigned lineno = 0;
	for (char *line = text; *line && !rc;) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		lineno++;
		long indent = (long)strspn(line, " ");
		const char *body = line + indent;
		size_t blen = n - (size_t)indent;
		while (blen && (body[blen - 1] == ' ' || body[blen - 1] == '\r'))
			blen--;
		line += n + (nl ? 1 : 0);
		if (blen == 0 || body[0] == '#')
			continue;
		bool dash = blen >= 2 && body[0] == '-' && body[1] == ' ';
		if (list_indent >= 0 && indent > list_indent && dash) {
			const char *v = body + 2;
			size_t vlen = blen - 2;
			const char *hash = memchr(v, '#', vlen);
			if (hash)
				vlen = (size_t)(hash - v);
			while (vlen && v[vlen - 1] == ' ')
				vlen--;
			while (vlen && *v == ' ')
				v++, vlen--;
			if (vlen >= 2 && (v[0] == '"' || v[0] == '\'') && v[vlen - 1] == v[0])
				v++, vlen -= 2;
			struct sb one = SB_INIT;
			sb_add(&one, v, vlen);
			kcfg_args_push(rules, sb_detach(&one), false);
			continue;
		}
		list_indent = -1;
		if (indent == 0) {
			in_devices = blen == 8 && strncmp(body, "devices:", 8) == 0;
			item_indent = -1;
			continue;
		}
		if (!in_devices)
			continue;
		if (dash && item_indent < 0)
			item_indent = indent;
		const char *key = body;
		size_t klen = blen;
		long kindent = indent;
		if (dash && indent == item_indent) {
			key += 2;
			klen -= 2;
			kindent += 2;
		}
		if (kindent != item_indent + 2 || klen < 11 || strncmp(key, "compatible:", 11) != 0)
			continue;
		if (klen != 11) {
			struct loc at = { path, lineno, 0 };
			rc = diag_error(&at, "expected the compatible strings as a block list, one \"- string\" a line");
		}
		list_indent = kindent;
	}
	free(text);
	return rc;
}

static bool in_list(const struct kcfg_args *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].s, s) == 0)
			return true;
	return false;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(((const struct kcfg_arg *)a)->s, ((const struct kcfg_arg *)b)->s);
}

int kcfg_compat_strings(struct kcfg *k, const char *dtb_path, const char *rules_path, struct sb *out)
{
	size_t len;
	char *blob = fs_read_file(dtb_path, &len);
	if (!blob)
		return kcfg_err(k, "cannot read the device tree blob \"%s\"", dtb_path);
	struct kcfg_fdt fdt;
	struct kcfg_args rules = { 0 }, devices = { 0 }, found = { 0 };
	int rc = 0;
	if (kcfg_fdt_open(&fdt, blob, len))
		rc = kcfg_err(k, "\"%s\" is not a flattened device tree blob", dtb_path);
	if (!rc)
		rc = read_rules(k, rules_path, &rules);
	/* No /chosen list means the kernel drives no device-tree devices: an empty list. */
	if (!rc)
		kcfg_fdt_strings(&fdt, "/chosen", "seL4,kernel-devices", &devices);
	for (size_t i = 0; i < devices.n && !rc; i++) {
		const char *path = devices.v[i].s;
		struct kcfg_args alias = { 0 }, compat = { 0 };
		if (path[0] != '/') {
			struct sb name = SB_INIT;
			sb_add(&name, path, strcspn(path, ":"));
			if (kcfg_fdt_strings(&fdt, "/aliases", sb_str(&name), &alias) || alias.n == 0)
				rc = kcfg_err(k, "device tree \"%s\": the kernel device \"%s\" names no alias in /aliases", dtb_path,
					      path);
			else
				path = alias.v[0].s;
			sb_release(&name);
		}
		if (!rc && (kcfg_fdt_strings(&fdt, path, "compatible", &compat) || compat.n == 0))
			rc = kcfg_err(k, "device tree \"%s\": the kernel device \"%s\" has no compatible strings", dtb_path,
				      path);
		const char *match = NULL;
		for (size_t j = 0; j < compat.n && !rc && !match; j++)
			if (in_list(&rules, compat.v[j].s))
				match = compat.v[j].s;
		if (!rc && !match)
			rc = kcfg_err(k, "device tree \"%s\": no rule in \"%s\" matches the kernel device \"%s\"", dtb_path,
				      rules_path, path);
		if (!rc && !in_list(&found, match))
			kcfg_args_push(&found, xstrdup(match), false);
		kcfg_args_free(&alias);
		kcfg_args_free(&compat);
	}
	if (!rc) {
		if (found.n)
			qsort(found.v, found.n, sizeof *found.v, by_string);
		for (size_t i = 0; i < found.n; i++)
			sb_addf(out, "%s;", found.v[i].s);
		if (!found.n)
			sb_addch(out, ';');
		sb_addch(out, '\n');
	}
	kcfg_args_free(&rules);
	kcfg_args_free(&devices);
	kcfg_args_free(&found);
	free(blob);
	return rc;
}
