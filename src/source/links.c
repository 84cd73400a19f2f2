/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trees whose symbolic links became files.  seL4's tree holds symbolic links (the Python tools of libsel4/tools
 * to tools/, armv8-a 32-bit sources to their armv7-a twins, ...).  A checkout made where links
 * are not supported (git with core.symlinks=false), or a copy that did not keep them, has instead
 * a small file whose whole text is the link's target.  Python then fails on "../../tools/x.py"
 * and the compiler on "../../armv7-a/...".  Such a tree is used through a copy in selfe's cache
 * in which each placeholder is the link again; the copy is remade when the tree changes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source/source.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/sb.h"

struct scan {
	const char *tree;
	uint64_t stamp;
	struct sb placeholders; /* "REL\tTARGET\n" lines */
	size_t count;
};

/* A link's text: one relative path (no blank, no NUL), at most one trailing newline. */
static bool looks_like_link(const char *text, size_t len)
{
	if (len == 0 || len > 200 || text[0] == '/')
		return false;
	if (text[len - 1] == '\n')
		len--;
	if (len < 3 || strncmp(text, "../", 3) != 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\0' || text[i] == '\n' || text[i] == ' ')
			return false;
	return true;
}

static int scan_entry(const char *rel, const struct stat *st, void *ctx)
{
	struct scan *s = ctx;
	if (!strncmp(rel, ".git/", 5))
		return 0;
	char info[64];
	snprintf(info, sizeof(info), "%lld %lld.%09ld", (long long)st->st_size, (long long)st->st_mtim.tv_sec,
		 st->st_mtim.tv_nsec);
	s->stamp = hash_add(s->stamp, rel, strlen(rel));
	s->stamp = hash_add(s->stamp, info, strlen(info));
	if (st->st_size > 200)
		return 0;
	char *path = path_join(s->tree, rel);
	size_t len;
	char *text = fs_read_file(path, &len);
	free(path);
	if (text && looks_like_link(text, len)) {
		if (text[len - 1] == '\n')
			text[--len] = '\0';
		char *dir = path_dirname(rel);
		char *target = path_join(dir, text);
		char *resolved = path_join(s->tree, target);
		if (path_is_file(resolved) || path_is_dir(resolved)) {
			sb_addf(&s->placeholders, "%s\t%s\n", rel, text);
			s->count++;
		}
		free(resolved);
		free(target);
		free(dir);
	}
	free(text);
	return 0;
}

static int copy_entry(const char *rel, const struct stat *st, void *ctx)
{
	const char **dirs = ctx;
	if (!strncmp(rel, ".git/", 5))
		return 0;
	char *from = path_join(dirs[0], rel), *to = path_join(dirs[1], rel), *parent = path_dirname(to);
	/* the mode too: the tree's scripts (cpp_gen.sh, ...) are run directly */
	int rc = fs_mkdirs(parent) || fs_copy_file(from, to) || chmod(to, st->st_mode & 07777) ? -1 : 0;
	free(from);
	free(to);
	free(parent);
	return rc;
}

/* Make `copy` (absent) from `tree`, the placeholders as links. */
static int make_copy(const char *tree, const char *copy, const struct scan *s)
{
	const char *dirs[2] = { tree, copy };
	if (fs_walk_files_stat(tree, copy_entry, dirs))
		return -1;
	for (const char *line = s->placeholders.buf; line && *line;) {
		const char *tab = strchr(line, '\t'), *nl = strchr(tab, '\n');
		char *rel = strndup(line, (size_t)(tab - line)), *target = strndup(tab + 1, (size_t)(nl - tab - 1));
		char *at = path_join(copy, rel);
		int rc = unlink(at) == 0 && symlink(target, at) == 0 ? 0 : -1;
		if (rc)
			diag_error(NULL, "cannot make the link %s -> %s: %s", at, target, strerror(errno));
		free(at);
		free(rel);
		free(target);
		if (rc)
			return -1;
		line = nl + 1;
	}
	return 0;
}

const char *source_with_links(struct arena *a, const char *tree)
{
	struct scan s = { tree, HASH_INIT, SB_INIT, 0 };
	if (fs_walk_files_stat(tree, scan_entry, &s)) {
		sb_release(&s.placeholders);
		return NULL;
	}
	if (s.count == 0) {
		sb_release(&s.placeholders);
		return tree;
	}
	char *abs = path_absolute(tree);
	s.stamp = hash_add(s.stamp, abs, strlen(abs));
	free(abs);
	char *root = path_cache_root();
	const char *copy = arena_printf(a, "%s/trees/%016llx", root, (unsigned long long)s.stamp);
	free(root);
	const char *done = arena_printf(a, "%s.done", copy);
	if (!path_is_file(done)) {
		const char *tmp = arena_printf(a, "%s.tmp.%ld", copy, (long)getpid());
		fprintf(stderr, "selfe: %s has %zu symbolic links stored as files; using a copy with the links restored: %s\n",
			tree, s.count, copy);
		int rc = fs_remove_tree(tmp) || make_copy(tree, tmp, &s) ? -1 : 0;
		if (rc == 0 && (fs_remove_tree(copy) || rename(tmp, copy) != 0))
			rc = diag_error(NULL, "cannot move %s to %s: %s", tmp, copy, strerror(errno));
		if (rc == 0)
			rc = fs_write_atomic(done, "", 0);
		if (rc) {
			fs_remove_tree(tmp);
			sb_release(&s.placeholders);
			return NULL;
		}
	}
	sb_release(&s.placeholders);
	return copy;
}
