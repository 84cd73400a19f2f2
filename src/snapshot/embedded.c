/* SPDX-License-Identifier: BSD-2-Clause */
/* The embedded snapshot: the table scripts/snapshot-blob writes, and its copy in the cache. */
#include "snapshot/embedded.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/path.h"

/* Offsets relative to selfe_snapshot_base, so the table needs no relocation (see the script). */
struct blob_entry {
	uint32_t name, data, end;
};
extern const unsigned char selfe_snapshot_base[];
extern const uint32_t selfe_snapshot_count;
extern const struct blob_entry selfe_snapshot_table[];

size_t snapshot_file_count(void)
{
	return selfe_snapshot_count;
}

struct snapshot_file snapshot_file_at(size_t i)
{
	const struct blob_entry *e = &selfe_snapshot_table[i];
	return (struct snapshot_file){ (const char *)selfe_snapshot_base + e->name, selfe_snapshot_base + e->data,
				       e->end - e->data };
}

struct snapshot_file snapshot_find(const char *path)
{
	for (size_t i = 0; i < snapshot_file_count(); i++) {
		struct snapshot_file f = snapshot_file_at(i);
		if (!strcmp(f.path, path))
			return f;
	}
	return (struct snapshot_file){ path, NULL, 0 };
}

const char *snapshot_version(struct arena *a)
{
	struct snapshot_file f = snapshot_find("VERSION");
	size_t n = f.len;
	while (n && (f.data[n - 1] == '\n' || f.data[n - 1] == ' ' || f.data[n - 1] == '\r'))
		n--;
	return f.data ? arena_printf(a, "%.*s", (int)n, (const char *)f.data) : "";
}

static uint64_t content_hash(void)
{
	uint64_t h = HASH_INIT;
	for (size_t i = 0; i < snapshot_file_count(); i++) {
		struct snapshot_file f = snapshot_file_at(i);
		h = hash_add(h, f.path, strlen(f.path));
		h = hash_add(h, f.data, f.len);
	}
	return h;
}

static const char *cache_root(struct arena *a)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg)
		return arena_printf(a, "%s/selfe", xdg);
	return arena_printf(a, "%s/.cache/selfe", home && *home ? home : ".");
}

/* Every file into `dir` (created), then a marker saying the folder is complete. */
static int write_all(struct arena *a, const char *dir)
{
	for (size_t i = 0; i < snapshot_file_count(); i++) {
		struct snapshot_file f = snapshot_file_at(i);
		const char *path = arena_printf(a, "%s/%s", dir, f.path);
		char *parent = path_dirname(path);
		int rc = fs_mkdirs(parent);
		free(parent);
		if (rc || fs_write_atomic(path, f.data, f.len))
			return -1;
	}
	return fs_write_atomic(arena_printf(a, "%s/.complete", dir), "", 0);
}

const char *snapshot_folder(struct arena *a)
{
	if (snapshot_file_count() == 0) {
		diag_error(NULL, "this selfe was built without an embedded seL4 snapshot");
		return NULL;
	}
	const char *parent = arena_printf(a, "%s/snapshot", cache_root(a));
	const char *dir = arena_printf(a, "%s/sel4-%s-%016llx", parent, snapshot_version(a),
				       (unsigned long long)content_hash());
	if (path_is_file(arena_printf(a, "%s/.complete", dir)))
		return dir;
	const char *tmp = arena_printf(a, "%s.tmp.%ld", dir, (long)getpid());
	if (fs_mkdirs(parent) || fs_remove_tree(tmp) || fs_mkdirs(tmp) || write_all(a, tmp)) {
		fs_remove_tree(tmp);
		diag_note(NULL, "selfe writes its embedded seL4 snapshot into %s; set XDG_CACHE_HOME to a writable folder",
			  parent);
		return NULL;
	}
	if (rename(tmp, dir) != 0) {
		int err = errno;
		fs_remove_tree(tmp);
		/* Another run won the race: its folder is complete (renamed only once written). */
		if ((err == EEXIST || err == ENOTEMPTY) && path_is_file(arena_printf(a, "%s/.complete", dir)))
			return dir;
		diag_error(NULL, "cannot move the snapshot into place at %s: %s", dir, strerror(err));
		return NULL;
	}
	return dir;
}
