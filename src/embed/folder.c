/* SPDX-License-Identifier: BSD-2-Clause */
/* Embedded folders: reading the tables scripts/embed-folder writes, and their copy in the cache. */
#include "embed/folder.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/path.h"

static size_t embed_count(const struct embed_folder *f)
{
	return *f->count;
}

static struct embed_file embed_at(const struct embed_folder *f, size_t i)
{
	const struct embed_entry *e = &f->table[i];
	return (struct embed_file){ (const char *)f->base + e->name, f->base + e->data, e->end - e->data };
}

struct embed_file embed_find(const struct embed_folder *f, const char *path)
{
	for (size_t i = 0; i < embed_count(f); i++) {
		struct embed_file file = embed_at(f, i);
		if (!strcmp(file.path, path))
			return file;
	}
	return (struct embed_file){ path, NULL, 0 };
}

/* A hash of every path and content (a cache key; stable across runs and machines). */
static uint64_t embed_hash(const struct embed_folder *f)
{
	uint64_t h = HASH_INIT;
	for (size_t i = 0; i < embed_count(f); i++) {
		struct embed_file file = embed_at(f, i);
		h = hash_add(h, file.path, strlen(file.path));
		h = hash_add(h, file.data, file.len);
	}
	return h;
}

/* Every file into `dir`, then a marker saying the folder is complete. */
static int write_all(struct arena *a, const struct embed_folder *f, const char *dir)
{
	for (size_t i = 0; i < embed_count(f); i++) {
		struct embed_file file = embed_at(f, i);
		const char *path = arena_printf(a, "%s/%s", dir, file.path);
		char *parent = path_dirname(path);
		int rc = fs_mkdirs(parent);
		free(parent);
		if (rc || fs_write_atomic(path, file.data, file.len))
			return -1;
	}
	return fs_write_atomic(arena_printf(a, "%s/.complete", dir), "", 0);
}

const char *embed_materialize(struct arena *a, const struct embed_folder *f)
{
	if (embed_count(f) == 0) {
		diag_error(NULL, "this selfe was built without its embedded %s", f->kind);
		return NULL;
	}
	char *root = path_cache_root();
	const char *parent = arena_printf(a, "%s/%s", root, f->kind);
	free(root);
	const char *dir = arena_printf(a, "%s/%s-%016llx", parent, f->name, (unsigned long long)embed_hash(f));
	if (path_is_file(arena_printf(a, "%s/.complete", dir)))
		return dir;
	const char *tmp = arena_printf(a, "%s.tmp.%ld", dir, (long)getpid());
	fs_remove_stale_temps(parent, NULL, 0); /* what killed runs left half-written */
	if (fs_mkdirs(parent) || fs_remove_tree(tmp) || fs_mkdirs(tmp) || write_all(a, f, tmp)) {
		fs_remove_tree(tmp);
		diag_note(NULL, "selfe writes its embedded %s into %s; set XDG_CACHE_HOME to a writable folder", f->kind,
			  parent);
		return NULL;
	}
	if (rename(tmp, dir) != 0) {
		int err = errno;
		fs_remove_tree(tmp);
		/* Another run won the race: its folder is complete (it is renamed only once written). */
		if ((err == EEXIST || err == ENOTEMPTY) && path_is_file(arena_printf(a, "%s/.complete", dir)))
			return dir;
		diag_error(NULL, "cannot move the %s into place at %s: %s", f->kind, dir, strerror(err));
		return NULL;
	}
	return dir;
}
