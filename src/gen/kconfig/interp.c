/* SPDX-License-Identifier: BSD-2-Clause */
/* Running commands: control flow (if, foreach, while, break, return), functions, macros, include. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/sb.h"
#include "util/xalloc.h"

/* Run commands from..to of a file (the control-flow commands call it for their bodies). */
static int kcfg_exec(struct kcfg *k, struct kcfg_file *f, size_t from, size_t to);

int kcfg_err(struct kcfg *k, const char *fmt, ...)
{
	struct sb sb = SB_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	diag_error(&k->at, "%s", sb_str(&sb));
	sb_release(&sb);
	return -1;
}

static bool is(const struct kcfg_cmd *c, const char *name)
{
	return strcmp(c->name, name) == 0;
}

static int cond_of(struct kcfg *k, const struct kcfg_cmd *c, bool *b)
{
	struct kcfg_args a = { 0 };
	int rc = kcfg_eval_args(k, c, &a);
	if (!rc)
		rc = kcfg_cond(k, a.v, a.n, b);
	kcfg_args_free(&a);
	return rc;
}

static void at_cmd(struct kcfg *k, struct kcfg_file *f, const struct kcfg_cmd *c)
{
	k->at = (struct loc){ f->path, c->line, 0 };
}

static int exec_if(struct kcfg *k, struct kcfg_file *f, size_t i, size_t *resume)
{
	struct kcfg_cmd *c = &f->cmds[i];
	*resume = c->end + 1;
	for (size_t j = i; j < c->end; j = f->cmds[j].next) {
		struct kcfg_cmd *cl = &f->cmds[j];
		bool take = true;
		at_cmd(k, f, cl);
		if (!is(cl, "else") && cond_of(k, cl, &take))
			return -1;
		if (take)
			return kcfg_exec(k, f, j + 1, cl->next);
	}
	return 0;
}

/* The loop variable is restored afterwards, as CMake does. */
static bool over_budget(struct kcfg *k, unsigned long long more)
{
	k->spent += more;
	return k->budget && k->spent > k->budget;
}

static int exec_foreach(struct kcfg *k, struct kcfg_file *f, size_t i)
{
	struct kcfg_cmd *c = &f->cmds[i];
	struct kcfg_args a = { 0 }, items = { 0 };
	int rc = kcfg_eval_args(k, c, &a);
	if (rc)
		goto out;
	if (a.n < 1) {
		rc = kcfg_err(k, "foreach called with incorrect number of arguments");
		goto out;
	}
	if (a.n >= 2 && !a.v[1].quoted && strcmp(a.v[1].s, "RANGE") == 0) {
		long lo = 0, hi, step = 1;
		if (a.n == 3) {
			hi = strtol(a.v[2].s, NULL, 10);
		} else if (a.n >= 4) {
			lo = strtol(a.v[2].s, NULL, 10);
			hi = strtol(a.v[3].s, NULL, 10);
			if (a.n >= 5)
				step = strtol(a.v[4].s, NULL, 10);
		} else {
			rc = kcfg_err(k, "foreach RANGE needs a stop value");
			goto out;
		}
		if (step <= 0)
			step = 1;
		/* Counted in unsigned arithmetic: lo + i * step never overflows, whatever the bounds. */
		unsigned long count = hi >= lo ? ((unsigned long)hi - (unsigned long)lo) / (unsigned long)step + 1 : 0;
		if (count > 1000000) {
			rc = kcfg_err(k, "foreach RANGE of more than a million values");
			goto out;
		}
		for (unsigned long n = 0; n < count; n++) {
			char buf[32];
			snprintf(buf, sizeof buf, "%ld", (long)((unsigned long)lo + n * (unsigned long)step));
			kcfg_args_push(&items, xstrdup(buf), false);
		}
	} else if (a.n >= 2 && !a.v[1].quoted && strcmp(a.v[1].s, "IN") == 0) {
		int mode = 0; /* 1 LISTS, 2 ITEMS */
		for (size_t j = 2; j < a.n; j++) {
			if (strcmp(a.v[j].s, "LISTS") == 0) {
				mode = 1;
			} else if (strcmp(a.v[j].s, "ITEMS") == 0) {
				mode = 2;
			} else if (mode == 1) {
				const char *l = kcfg_get(k, a.v[j].s);
				kcfg_list_split(l ? l : "", true, &items);
				/* An empty list has no items, but "a;;b" keeps its empty middle one. */
				if (l && !*l && items.n) {
					free(items.v[--items.n].s);
				}
			} else if (mode == 2) {
				kcfg_args_push(&items, xstrdup(a.v[j].s), false);
			} else {
				rc = kcfg_err(k, "foreach IN expects LISTS or ITEMS");
				goto out;
			}
		}
	} else {
		for (size_t j = 1; j < a.n; j++)
			kcfg_args_push(&items, xstrdup(a.v[j].s), false);
	}
	const char *var = a.v[0].s;
	char **slot = kcfg_table_ref(&k->scope->vars, var, false, NULL);
	bool had = slot != NULL;
	char *old = had && *slot ? xstrdup(*slot) : NULL;
	for (size_t j = 0; j < items.n; j++) {
		kcfg_set(k, var, items.v[j].s);
		rc = kcfg_exec(k, f, i + 1, c->end);
		if (rc == KCFG_BREAK) {
			rc = 0;
			break;
		}
		if (rc)
			break;
	}
	if (had)
		kcfg_table_put(&k->scope->vars, var, old);
	else if (items.n)
		kcfg_unset(k, var);
	free(old);
out:
	kcfg_args_free(&a);
	kcfg_args_free(&items);
	return rc;
}

static int exec_while(struct kcfg *k, struct kcfg_file *f, size_t i)
{
	struct kcfg_cmd *c = &f->cmds[i];
	for (unsigned guard = 0;; guard++) {
		bool b;
		at_cmd(k, f, c);
		if (cond_of(k, c, &b))
			return -1;
		if (!b)
			return 0;
		if (guard > 1000000 || over_budget(k, 1))
			return kcfg_err(k, "while loop does not end");
		int rc = kcfg_exec(k, f, i + 1, c->end);
		if (rc == KCFG_BREAK)
			return 0;
		if (rc)
			return rc;
	}
}

static int define(struct kcfg *k, struct kcfg_file *f, size_t i, bool is_macro)
{
	struct kcfg_cmd *c = &f->cmds[i];
	struct kcfg_args a = { 0 };
	if (kcfg_eval_args(k, c, &a))
		return -1;
	if (a.n < 1) {
		kcfg_args_free(&a);
		return kcfg_err(k, "%s needs a name", c->name);
	}
	struct kcfg_def *d = arena_alloc(k->arena, sizeof *d);
	d->name = arena_strdup(k->arena, a.v[0].s);
	for (char *p = d->name; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	d->is_macro = is_macro;
	d->nparams = a.n - 1;
	d->params = arena_alloc(k->arena, (d->nparams + 1) * sizeof *d->params);
	for (size_t j = 1; j < a.n; j++)
		d->params[j - 1] = arena_strdup(k->arena, a.v[j].s);
	d->file = f;
	d->body = i + 1;
	d->end = c->end;
	d->next = k->defs;
	k->defs = d;
	kcfg_args_free(&a);
	return 0;
}

static void bind(struct kcfg_table *t, struct kcfg *k, const struct kcfg_def *d, const struct kcfg_args *a)
{
	char buf[32];
	char **all = xmalloc((a->n + 1) * sizeof *all);
	for (size_t j = 0; j < a->n; j++) {
		all[j] = a->v[j].s;
		snprintf(buf, sizeof buf, "ARGV%zu", j);
		if (t)
			kcfg_table_put(t, buf, a->v[j].s);
		else
			kcfg_set(k, buf, a->v[j].s);
	}
	char *argv = kcfg_list_join(all, a->n);
	size_t np = d->nparams < a->n ? d->nparams : a->n;
	char *argn = kcfg_list_join(all + np, a->n - np);
	snprintf(buf, sizeof buf, "%zu", a->n);
	struct { const char *n, *v; } fixed[] = { { "ARGC", buf }, { "ARGV", argv }, { "ARGN", argn } };
	for (size_t j = 0; j < 3; j++) {
		if (t)
			kcfg_table_put(t, fixed[j].n, fixed[j].v);
		else
			kcfg_set(k, fixed[j].n, fixed[j].v);
	}
	for (size_t j = 0; j < d->nparams; j++) {
		const char *v = j < a->n ? a->v[j].s : "";
		if (t)
			kcfg_table_put(t, d->params[j], v);
		else
			kcfg_set(k, d->params[j], v);
	}
	free(argv);
	free(argn);
	free(all);
}

static int call(struct kcfg *k, const struct kcfg_def *d, struct kcfg_args *a)
{
	if (a->n < d->nparams)
		return kcfg_err(k, "%s called with too few arguments", d->name);
	if (++k->depth > 200) {
		k->depth--;
		return kcfg_err(k, "calls nested too deeply");
	}
	int rc;
	struct loc save_at = k->at;
	if (d->is_macro) {
		struct kcfg_macro_frame fr = { { 0 }, k->macro };
		bind(&fr.map, k, d, a);
		k->macro = &fr;
		rc = kcfg_exec(k, d->file, d->body, d->end);
		k->macro = fr.up;
		kcfg_table_free(&fr.map);
		/* return() inside a macro returns from the enclosing function or file. */
	} else {
		struct kcfg_scope sc = { { 0 }, k->scope };
		struct kcfg_macro_frame *save_macro = k->macro;
		k->scope = &sc;
		k->macro = NULL;
		bind(NULL, k, d, a);
		rc = kcfg_exec(k, d->file, d->body, d->end);
		if (rc == KCFG_RETURN || rc == KCFG_BREAK)
			rc = 0;
		k->scope = sc.parent;
		k->macro = save_macro;
		kcfg_table_free(&sc.vars);
	}
	k->at = save_at;
	k->depth--;
	return rc;
}

static struct kcfg_def *find_def(struct kcfg *k, const char *name)
{
	for (struct kcfg_def *d = k->defs; d; d = d->next)
		if (strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

void kcfg_record(struct kcfg *k, struct deps *d)
{
	k->deps = d;
}

static bool scratch(struct kcfg *k, const char *path)
{
	size_t n = k->bindir ? strlen(k->bindir) : 0;
	return n && !strncmp(path, k->bindir, n) && (path[n] == '/' || path[n] == '\0');
}

void kcfg_note_file(struct kcfg *k, const char *path)
{
	if (!scratch(k, path))
		deps_file(k->deps, path);
}

void kcfg_note_probe(struct kcfg *k, const char *path)
{
	if (!scratch(k, path))
		deps_probe(k->deps, path);
}

void kcfg_forbid_files(struct kcfg *k)
{
	k->no_files = true;
}

void kcfg_limit_work(struct kcfg *k, unsigned long long units)
{
	k->budget = units;
}

static bool touches_files(const char *name)
{
	static const char *const names[] = { "include", "file", "execute_process", "find_file", "find_program", "find_path" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

static int invoke(struct kcfg *k, struct kcfg_cmd *c)
{
	kcfg_builtin_fn fn = kcfg_sel4_builtin(c->name);
	if (!fn)
		fn = kcfg_builtin(c->name);
	if (fn && k->no_files && touches_files(c->name))
		return kcfg_err(k, "\"%s\" is refused: file access is off", c->name);
	struct kcfg_def *d = fn ? NULL : find_def(k, c->name);
	if (!fn && !d)
		return kcfg_err(k, "unknown command \"%s\"", c->name);
	struct kcfg_args a = { 0 };
	int rc = kcfg_eval_args(k, c, &a);
	unsigned long long bytes = 1;
	for (size_t j = 0; !rc && j < a.n; j++)
		bytes += strlen(a.v[j].s);
	if (!rc && over_budget(k, bytes))
		rc = kcfg_err(k, "the work limit is spent (%llu units)", k->budget);
	if (!rc)
		rc = fn ? fn(k, &a) : call(k, d, &a);
	if (!rc && over_budget(k, 0))
		rc = kcfg_err(k, "the work limit is spent (%llu units)", k->budget);
	kcfg_args_free(&a);
	return rc;
}

static int kcfg_exec(struct kcfg *k, struct kcfg_file *f, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		struct kcfg_cmd *c = &f->cmds[i];
		at_cmd(k, f, c);
		int rc = 0;
		if (is(c, "if")) {
			size_t resume;
			rc = exec_if(k, f, i, &resume);
			i = resume - 1;
		} else if (is(c, "foreach")) {
			rc = exec_foreach(k, f, i);
			i = c->end;
		} else if (is(c, "while")) {
			rc = exec_while(k, f, i);
			i = c->end;
		} else if (is(c, "function") || is(c, "macro")) {
			rc = define(k, f, i, is(c, "macro"));
			i = c->end;
		} else if (is(c, "break")) {
			return KCFG_BREAK;
		} else if (is(c, "return")) {
			return KCFG_RETURN;
		} else if (is(c, "continue")) {
			return kcfg_err(k, "continue() is not supported");
		} else {
			rc = invoke(k, c);
		}
		if (rc)
			return rc;
	}
	return 0;
}

static struct kcfg_file *load(struct kcfg *k, const char *path)
{
	for (size_t i = 0; i < k->nfiles; i++)
		if (strcmp(k->files[i]->path, path) == 0)
			return k->files[i];
	size_t len;
	char *text = fs_read_file(path, &len);
	if (!text)
		return NULL;
	kcfg_note_file(k, path);
	/* Raw arguments point into the text, so it lives in the arena with the commands. */
	char *kept = arena_strdup(k->arena, text);
	free(text);
	struct kcfg_file *f = kcfg_parse(k, path, kept);
	if (!f)
		return NULL;
	k->files = xgrow(k->files, &k->files_cap, k->nfiles + 1, sizeof *k->files);
	k->files[k->nfiles++] = f;
	return f;
}

static int run_file(struct kcfg *k, struct kcfg_file *f)
{
	const char *dir = path_dirname_in(k->arena, f->path);
	const char *od = kcfg_get(k, "CMAKE_CURRENT_LIST_DIR");
	const char *of = kcfg_get(k, "CMAKE_CURRENT_LIST_FILE");
	char *old_dir = od ? xstrdup(od) : NULL, *old_file = of ? xstrdup(of) : NULL;
	kcfg_set(k, "CMAKE_CURRENT_LIST_DIR", dir);
	kcfg_set(k, "CMAKE_CURRENT_LIST_FILE", f->path);
	int rc = kcfg_exec(k, f, 0, f->n);
	if (rc == KCFG_RETURN || rc == KCFG_BREAK)
		rc = 0;
	kcfg_set(k, "CMAKE_CURRENT_LIST_DIR", old_dir ? old_dir : "");
	kcfg_set(k, "CMAKE_CURRENT_LIST_FILE", old_file ? old_file : "");
	free(old_dir);
	free(old_file);
	return rc;
}

int kcfg_include(struct kcfg *k, const char *path)
{
	struct loc save = k->at;
	struct kcfg_file *f = load(k, path);
	if (!f)
		return -1;
	int rc = run_file(k, f);
	k->at = save;
	return rc;
}

struct kcfg *kcfg_new(void)
{
	struct kcfg *k = xcalloc(1, sizeof *k);
	k->arena = arena_new();
	k->scope = &k->root;
	return k;
}

void kcfg_free(struct kcfg *k)
{
	if (!k)
		return;
	free(k->files);
	for (size_t i = 0; i < k->nlibs; i++) {
		struct kcfg_lib *l = &k->libs[i];
		for (size_t j = 0; j < l->n; j++) {
			free(l->e[j].name);
			free(l->e[j].value);
		}
		free(l->e);
		free(l->prefix);
	}
	free(k->libs);
	kcfg_table_free(&k->decl_option);
	kcfg_table_free(&k->decl_kind);
	kcfg_table_free(&k->decl_default);
	kcfg_table_free(&k->opt_kind);
	kcfg_table_free(&k->root.vars);
	kcfg_table_free(&k->cache);
	arena_free(k->arena);
	free(k);
}

void kcfg_define(struct kcfg *k, const char *name, const char *value)
{
	kcfg_cache_set(k, name, value, KCFG_UNINIT, true);
}

int kcfg_run_text(struct kcfg *k, const char *path, const char *text)
{
	struct kcfg_file *f = kcfg_parse(k, path, arena_strdup(k->arena, text));
	if (!f)
		return -1;
	if (!kcfg_get(k, "CMAKE_CURRENT_SOURCE_DIR"))
		kcfg_set(k, "CMAKE_CURRENT_SOURCE_DIR", path_dirname_in(k->arena, path));
	return run_file(k, f);
}

const char *kcfg_var(struct kcfg *k, const char *name)
{
	return kcfg_get(k, name);
}

const char *kcfg_cache(struct kcfg *k, const char *name)
{
	struct kcfg_slot *s = kcfg_table_find(&k->cache, name);
	return s ? s->value : NULL;
}

const struct kcfg_lib *kcfg_lib(struct kcfg *k, const char *prefix)
{
	for (size_t i = 0; i < k->nlibs; i++)
		if (strcmp(k->libs[i].prefix, prefix) == 0)
			return &k->libs[i];
	return NULL;
}
