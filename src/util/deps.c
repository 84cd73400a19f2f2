/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The record: "selfe-deps 1", "key HEX", then one line per input
 * "F ABSENT SIZE MSEC MNSEC CSEC CNSEC INODE DEVICE MODE PATH" or "E HASH NAME", then one per
 * output "O SIZE ... MODE REL" in the order of a sorted walk of OUT.
 */
#include "deps.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/fs.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/proc.h"
#include "util/xalloc.h"

#define DEPS_MAGIC "selfe-deps 1\n"

void deps_init(struct deps *d, struct arena *a)
{
	memset(d, 0, sizeof(*d));
	d->a = a;
	d->key = HASH_INIT;
	clock_gettime(CLOCK_REALTIME, &d->start);
}

void deps_id_of(struct deps_id *id, const struct stat *st)
{
	id->size = (long long)st->st_size;
	id->mtime_sec = (long long)st->st_mtim.tv_sec;
	id->mtime_nsec = (long long)st->st_mtim.tv_nsec;
	id->ctime_sec = (long long)st->st_ctim.tv_sec;
	id->ctime_nsec = (long long)st->st_ctim.tv_nsec;
	id->ino = (long long)st->st_ino;
	id->dev = (long long)st->st_dev;
	id->mode = (long long)st->st_mode;
}

bool deps_id_equal(const struct deps_id *x, const struct deps_id *y)
{
	return !memcmp(x, y, sizeof(*x));
}

static struct deps_entry *add(struct deps *d, char kind, const char *name)
{
	if (strchr(name, '\n')) {
		deps_opaque(d, arena_printf(d->a, "a path with a line break (%s)", name));
		return NULL;
	}
	d->e = arena_grow(d->a, d->e, &d->cap, d->n + 1, sizeof(*d->e));
	struct deps_entry *e = &d->e[d->n++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->name = arena_strdup(d->a, name);
	return e;
}

void deps_file_stat(struct deps *d, const char *path, const struct stat *st)
{
	if (!d)
		return;
	struct deps_entry *e = add(d, 'F', path);
	if (e)
		deps_id_of(&e->id, st);
}

void deps_file(struct deps *d, const char *path)
{
	if (!d)
		return;
	struct stat st;
	if (stat(path, &st) == 0) {
		deps_file_stat(d, path, &st);
		return;
	}
	struct deps_entry *e = add(d, 'F', path);
	if (e)
		e->absent = true;
}

void deps_probe(struct deps *d, const char *path)
{
	if (!d || !*path)
		return;
	char *dir = path_dirname(path);
	struct stat st;
	while (stat(dir, &st) != 0) {
		char *up = path_dirname(dir);
		bool top = !strcmp(up, dir);
		free(dir);
		dir = up;
		if (top)
			break;
	}
	deps_file(d, dir);
	free(dir);
}

static uint64_t env_hash(const char *name)
{
	const char *v = getenv(name);
	return v ? hash_add(HASH_INIT ^ 1, v, strlen(v)) : HASH_INIT;
}

void deps_env(struct deps *d, const char *name)
{
	if (!d)
		return;
	struct deps_entry *e = add(d, 'E', name);
	if (e)
		e->hash = env_hash(name);
}

static void probe_candidate(const char *path, void *ctx)
{
	deps_probe(ctx, path);
}

void deps_program(struct deps *d, const char *name)
{
	if (!d)
		return;
	if (!strchr(name, '/'))
		deps_env(d, "PATH");
	char *found = proc_which_probing(name, probe_candidate, d);
	if (found)
		deps_file(d, found);
	free(found);
}

void deps_key(struct deps *d, const char *s)
{
	if (d)
		d->key = hash_add(d->key, s, strlen(s));
}

void deps_opaque(struct deps *d, const char *why)
{
	if (d && !d->opaque)
		d->opaque = arena_strdup(d->a, why);
}

void deps_output(struct deps *d, const char *rel, const struct stat *st)
{
	if (!d)
		return;
	struct deps_entry *e = add(d, 'O', rel);
	if (e)
		deps_id_of(&e->id, st);
}

static int by_kind_name(const void *x, const void *y)
{
	const struct deps_entry *a = x, *b = y;
	if (a->kind != b->kind)
		return a->kind - b->kind;
	int c = strcmp(a->name, b->name);
	return c ? c : memcmp(&a->id, &b->id, sizeof(a->id));
}

/* Whether id's change time is before t. */
static bool older(const struct deps_id *id, const struct timespec *t)
{
	return id->ctime_sec < (long long)t->tv_sec || (id->ctime_sec == (long long)t->tv_sec && id->ctime_nsec < (long long)t->tv_nsec);
}

static void format_id(struct sb *out, const struct deps_id *id)
{
	sb_addf(out, "%lld %lld %lld %lld %lld %lld %lld %lld", id->size, id->mtime_sec, id->mtime_nsec, id->ctime_sec, id->ctime_nsec,
		id->ino, id->dev, id->mode);
}

/* File times come from the kernel's coarse clock.  The next run trusts an output only when it
 * is older than the record, so the record must be written in a later tick than the newest
 * output: wait for that tick (one at most, a few milliseconds). */
static void after_newest_output(const struct deps *d)
{
	struct deps_id newest = { 0 };
	for (size_t i = 0; i < d->n; i++) {
		const struct timespec t = { (time_t)newest.ctime_sec, (long)newest.ctime_nsec };
		if (d->e[i].kind == 'O' && !older(&d->e[i].id, &t))
			newest = d->e[i].id;
	}
	for (int tries = 0; tries < 100; tries++) {
		struct timespec now;
		clock_gettime(CLOCK_REALTIME_COARSE, &now);
		if (older(&newest, &now))
			return;
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	}
}

int deps_format(struct deps *d, struct sb *out, const char **why)
{
	after_newest_output(d);
	/* From the run's start, not from now: a long run must not trust an input edited just
	 * before it was read. */
	const struct timespec since = { d->start.tv_sec - DEPS_TRUST_AFTER, d->start.tv_nsec };
	if (d->opaque) {
		*why = d->opaque;
		return -1;
	}
	/* Inputs sorted and repeats dropped; the outputs keep their walk order. */
	size_t inputs = 0;
	while (inputs < d->n && d->e[inputs].kind != 'O')
		inputs++;
	if (inputs)
		qsort(d->e, inputs, sizeof(*d->e), by_kind_name);
	sb_adds(out, DEPS_MAGIC);
	sb_addf(out, "key %016llx\n", (unsigned long long)d->key);
	for (size_t i = 0; i < d->n; i++) {
		const struct deps_entry *e = &d->e[i];
		if (i && i < inputs && !by_kind_name(e, e - 1) && e->absent == e[-1].absent && e->hash == e[-1].hash)
			continue;
		if (e->kind == 'E') {
			sb_addf(out, "E %016llx %s\n", (unsigned long long)e->hash, e->name);
			continue;
		}
		if (e->kind == 'F' && !e->absent && !older(&e->id, &since)) {
			*why = arena_printf(d->a, "'%s' changed too recently to be trusted", e->name);
			return -1;
		}
		sb_addf(out, "%c %d ", e->kind, e->absent ? 1 : 0);
		format_id(out, &e->id);
		sb_addf(out, " %s\n", e->name);
	}
	return 0;
}

/* --- checking ---------------------------------------------------------------------------------- */

struct check {
	struct arena *a;
	const char *p, *end; /* the record's lines still to read */
	struct timespec written;
	const char *why;
};

static bool next_line(struct check *c, const char **line, size_t *len)
{
	if (c->p >= c->end)
		return false;
	const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
	if (!nl)
		return false;
	*line = c->p;
	*len = (size_t)(nl - c->p);
	c->p = nl + 1;
	return true;
}

/* "F ABSENT ID... NAME" (or "O ..."): the identity and the name (in the arena). */
static bool parse_entry(struct check *c, const char *line, size_t len, struct deps_entry *e)
{
	char *text = arena_strndup(c->a, line, len);
	int name_at = 0, absent = 0;
	struct deps_id *id = &e->id;
	if (sscanf(text, "%c %d %lld %lld %lld %lld %lld %lld %lld %lld %n", &e->kind, &absent, &id->size, &id->mtime_sec,
		   &id->mtime_nsec, &id->ctime_sec, &id->ctime_nsec, &id->ino, &id->dev, &id->mode, &name_at) < 10 ||
	    name_at == 0)
		return false;
	e->absent = absent;
	e->name = text + name_at;
	return true;
}

static bool fail(struct check *c, const char *why)
{
	c->why = why;
	return false;
}

static bool input_current(struct check *c, const char *line, size_t len)
{
	if (line[0] == 'E') {
		char *text = arena_strndup(c->a, line, len);
		unsigned long long h;
		int at = 0;
		if (sscanf(text, "E %llx %n", &h, &at) < 1 || !at)
			return fail(c, "the record is malformed");
		if (env_hash(text + at) != h)
			return fail(c, arena_printf(c->a, "$%s changed", text + at));
		return true;
	}
	struct deps_entry e;
	if (!parse_entry(c, line, len, &e) || e.kind != 'F')
		return fail(c, "the record is malformed");
	struct stat st;
	bool exists = stat(e.name, &st) == 0;
	struct deps_id now;
	if (exists)
		deps_id_of(&now, &st);
	if (exists == e.absent || (exists && !deps_id_equal(&now, &e.id)))
		return fail(c, arena_printf(c->a, "'%s' changed", e.name));
	return true;
}

/* --- OUT's files, in a sorted walk (the same for recording and checking) --------------------- */

typedef bool out_fn(const char *rel, const struct stat *st, void *ctx);

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* False when `fn` said stop or a folder could not be read (then *unreadable). */
static bool walk_out(struct sb *path, size_t root_len, const char *skip, out_fn *fn, void *ctx)
{
	DIR *dir = opendir(sb_str(path));
	if (!dir)
		return false;
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(dir));) {
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			names = xgrow(names, &cap, n + 1, sizeof(*names));
			names[n++] = xstrdup(e->d_name);
		}
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	bool go = true;
	for (size_t i = 0; i < n; i++) {
		size_t mark = path->len;
		if (go) {
			sb_addf(path, "/%s", names[i]);
			const char *rel = sb_str(path) + root_len + 1;
			struct stat st;
			if (mark == root_len && !strcmp(names[i], skip)) {
				/* OUT/.selfe: selfe's own notes, not an output */
			} else if (lstat(sb_str(path), &st) != 0) {
				go = false;
			} else if (S_ISDIR(st.st_mode)) {
				go = walk_out(path, root_len, skip, fn, ctx);
			} else {
				go = fn(rel, &st, ctx);
			}
			path->len = mark;
			path->buf[mark] = '\0';
		}
		free(names[i]);
	}
	free(names);
	return go;
}

static bool record_output(const char *rel, const struct stat *st, void *ctx)
{
	deps_output(ctx, rel, st);
	return true;
}

int deps_outputs(struct deps *d, const char *out, const char *skip)
{
	struct sb path = SB_INIT;
	sb_adds(&path, out);
	bool ok = walk_out(&path, path.len, skip, record_output, d);
	sb_release(&path);
	if (!ok)
		deps_opaque(d, arena_printf(d->a, "cannot read every folder of %s", out));
	return 0;
}

static bool output_current(const char *rel, const struct stat *st, void *ctx)
{
	struct check *c = ctx;
	const char *line;
	size_t len;
	struct deps_entry e;
	if (!next_line(c, &line, &len) || !parse_entry(c, line, len, &e) || e.kind != 'O' || strcmp(e.name, rel))
		return fail(c, arena_printf(c->a, "the files in OUT changed ('%s')", rel));
	struct deps_id now;
	deps_id_of(&now, st);
	if (!deps_id_equal(&now, &e.id))
		return fail(c, arena_printf(c->a, "'%s' in OUT changed", rel));
	/* Changed in the same clock tick as the record was written: a later edit in that tick
	 * could have kept every time stamp. */
	if (!older(&e.id, &c->written))
		return fail(c, arena_printf(c->a, "'%s' in OUT changed too close to the record to be trusted", rel));
	return true;
}

bool deps_current(struct arena *a, const char *path, uint64_t key, const char *out, const char *skip, const char **why)
{
	struct check c = { .a = a, .why = NULL };
	size_t len;
	struct stat st;
	char *text = stat(path, &st) == 0 && S_ISREG(st.st_mode) ? fs_read_regular_file(path, &len) : NULL;
	if (!text) {
		*why = "no record of a previous run";
		return false;
	}
	c.written = st.st_mtim;
	c.p = text;
	c.end = text + len;
	const char *line;
	size_t n;
	bool ok = len >= strlen(DEPS_MAGIC) && !memcmp(text, DEPS_MAGIC, strlen(DEPS_MAGIC));
	c.p += ok ? strlen(DEPS_MAGIC) : 0;
	const char *want = arena_printf(a, "key %016llx", (unsigned long long)key);
	if (!ok || !next_line(&c, &line, &n))
		ok = fail(&c, "the record is malformed");
	else if (n != strlen(want) || memcmp(line, want, n))
		ok = fail(&c, "the request, the configuration or selfe changed");
	while (ok && c.p < c.end && *c.p != 'O') {
		ok = next_line(&c, &line, &n) && input_current(&c, line, n);
		if (!ok && !c.why)
			c.why = "the record is malformed";
	}
	if (ok) {
		struct sb walk = SB_INIT;
		sb_adds(&walk, out);
		ok = walk_out(&walk, walk.len, skip, output_current, &c);
		sb_release(&walk);
		if (!ok && !c.why)
			c.why = "OUT cannot be read";
		if (ok && c.p < c.end)
			ok = fail(&c, "a file of OUT is missing");
	}
	free(text);
	*why = c.why;
	return ok;
}
