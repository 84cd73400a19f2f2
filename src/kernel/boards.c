/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Which boards a seL4 tree knows, read from its platform files, so that a KernelPlatform or
 * board setting the kernel's CMake would reject is named before CMake runs, with the fix.
 * Facts (seL4 16.0.0, src/plat/NAME/config.cmake): each file declares one or more platforms
 * (declare_platform(NAME ...)); some choose a board with a variable
 * (check_platform_and_fallback_to_default(KernelARMPlatform "default"), or
 * KernelRiscVPlatform) among a list (set(plat_lists a b c)) or an if/elseif chain
 * (KernelARMPlatform STREQUAL "board").
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/sb.h"
#include "util/suggest.h"

enum { MAX_NAMES = 16 };

struct family {
	const char *platforms[MAX_NAMES];
	size_t nplat;
	const char *var, *dflt; /* the board variable and its default, or NULL */
	const char *boards[MAX_NAMES];
	size_t nboards;
};

/* The next word of `s` (letters, digits, _ - . ,), copied; *end after it. */
static const char *word(struct arena *a, const char *s, const char **end)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '"')
		s++;
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.,");
	*end = s + n;
	return n ? arena_strndup(a, s, n) : NULL;
}

static void add(const char **list, size_t *n, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(list[i], name))
			return;
	if (*n < MAX_NAMES)
		list[(*n)++] = name;
}

static void read_family(struct arena *a, char *text, struct family *f)
{
	/* comments out: a '#' to the end of its line */
	for (char *c = strchr(text, '#'); c; c = strchr(c, '#'))
		while (*c && *c != '\n')
			*c++ = ' ';
	const char *p, *end, *w;
	for (p = text; (p = strstr(p, "declare_platform(")); p = end)
		if ((w = word(a, p + strlen("declare_platform("), &end)))
			add(f->platforms, &f->nplat, w);
	for (p = text; (p = strstr(p, "set(plat_lists")); p = end)
		for (end = p + strlen("set(plat_lists"); (w = word(a, end, &end));)
			add(f->boards, &f->nboards, w);
	if ((p = strstr(text, "check_platform_and_fallback_to_default("))) {
		f->var = word(a, p + strlen("check_platform_and_fallback_to_default("), &end);
		f->dflt = f->var ? word(a, end, &end) : NULL;
	}
	if (f->var) {
		const char *key = arena_printf(a, "%s STREQUAL", f->var);
		for (p = text; (p = strstr(p, key)); p = end)
			if ((w = word(a, p + strlen(key), &end)))
				add(f->boards, &f->nboards, w);
	}
}

static size_t read_families(struct arena *a, const char *tree, struct deps *deps, struct family **out)
{
	const char *dir = arena_printf(a, "%s/src/plat", tree);
	deps_probe(deps, dir);
	DIR *d = opendir(dir);
	if (d)
		deps_file(deps, dir);
	size_t n = 0, cap = 0;
	*out = NULL;
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d));) {
		const char *file = arena_printf(a, "%s/%s/config.cmake", dir, e->d_name);
		size_t len;
		if (e->d_name[0] == '.')
			continue;
		deps_probe(deps, file);
		char *text = path_is_file(file) ? fs_read_file(file, &len) : NULL;
		if (!text)
			continue;
		deps_file(deps, file);
		*out = arena_grow(a, *out, &cap, n + 1, sizeof(**out));
		memset(&(*out)[n], 0, sizeof(**out));
		read_family(a, text, &(*out)[n]);
		free(text);
		if ((*out)[n].nplat)
			n++;
	}
	closedir(d);
	return n;
}

static bool has(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

static const char *joined(struct arena *a, const char *const *list, size_t n)
{
	struct sb s = SB_INIT;
	for (size_t i = 0; i < n; i++)
		sb_addf(&s, "%s%s", i ? ", " : "", list[i]);
	const char *r = arena_strdup(a, sb_str(&s));
	sb_release(&s);
	return r;
}

int kernel_check_board(struct arena *a, const struct kernel_request *req)
{
	const struct cfg_resolved_item *kp = cfg_resolved_get(&req->r->config, "KernelPlatform");
	if (!kp || kp->value.kind != CFG_STRING)
		return 0;
	struct family *fam;
	size_t nfam = read_families(a, req->tree, req->deps, &fam);
	if (nfam == 0)
		return 0; /* not a tree we can read: the kernel's CMake will judge */
	const char *plat = kp->value.s, *section = req->r->sel.platform;
	for (size_t i = 0; i < nfam; i++) {
		struct family *f = &fam[i];
		if (!has(f->platforms, f->nplat, plat))
			continue;
		const struct cfg_resolved_item *b = f->var ? cfg_resolved_get(&req->r->config, f->var) : NULL;
		if (b && b->value.kind == CFG_STRING && f->nboards && !has(f->boards, f->nboards, b->value.s)) {
			diag_error(&b->at, "%s = \"%s\" is not a board of platform '%s'", f->var, b->value.s, plat);
			diag_note(&b->at, "the boards of %s are %s (without %s: %s)", plat, joined(a, f->boards, f->nboards), f->var,
				  f->dflt ? f->dflt : f->boards[0]);
			return -1;
		}
		return 0;
	}
	for (size_t i = 0; i < nfam; i++) {
		struct family *f = &fam[i];
		if (f->var && has(f->boards, f->nboards, plat)) {
			diag_error(&kp->at, "'%s' is a board of platform '%s', not a platform", plat, f->platforms[0]);
			diag_note(&kp->at, "set KernelPlatform = \"%s\" and %s = \"%s\" in [sel4.config.%s]", f->platforms[0], f->var,
				  plat, section);
			return -1;
		}
	}
	const char **all = arena_alloc(a, (nfam * MAX_NAMES + 1) * sizeof(*all));
	size_t n = 0;
	for (size_t i = 0; i < nfam; i++)
		for (size_t j = 0; j < fam[i].nplat; j++)
			all[n++] = fam[i].platforms[j];
	all[n] = NULL;
	diag_error(&kp->at, "the seL4 tree has no platform '%s'", plat);
	const char *s = suggest_closest(plat, all);
	if (s)
		diag_note(&kp->at, "did you mean '%s'?", s);
	else
		diag_note(&kp->at, "its platforms are %s", joined(a, all, n));
	return -1;
}
