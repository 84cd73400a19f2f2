/* SPDX-License-Identifier: BSD-2-Clause */
/* File input/output with errors reported through diag. */
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "path.h"
#include "sb.h"
#include "xalloc.h"

char *fs_read_file(const char *path, size_t *len)
{
	struct loc at = { path, 0, 0 };
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(&at, "cannot open file: %s", strerror(errno));
		return NULL;
	}
	struct sb sb = SB_INIT;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(&sb, buf, n);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed) {
		sb_release(&sb);
		diag_error(&at, "cannot read file: %s", strerror(saved));
		return NULL;
	}
	*len = sb.len;
	return sb_detach(&sb);
}

int fs_write_atomic(const char *path, const void *data, size_t len)
{
	struct loc at = { path, 0, 0 };
	struct sb tmp = SB_INIT;
	sb_addf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(sb_str(&tmp), "wb");
	if (!f) {
		int e = errno;
		sb_release(&tmp);
		return diag_error(&at, "cannot create file: %s", strerror(e));
	}
	size_t written = fwrite(data, 1, len, f);
	int failed = written != len || fflush(f) != 0 || ferror(f);
	int e = errno;
	if (fclose(f) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	if (failed || rename(sb_str(&tmp), path) != 0) {
		if (!failed)
			e = errno;
		unlink(sb_str(&tmp));
		sb_release(&tmp);
		return diag_error(&at, "cannot write file: %s", strerror(e));
	}
	sb_release(&tmp);
	return 0;
}

int fs_mkdirs(const char *path)
{
	struct sb p = SB_INIT;
	sb_adds(&p, path);
	for (size_t i = 1; i <= p.len; i++) {
		if (i < p.len && p.buf[i] != '/')
			continue;
		char saved = p.buf[i];
		p.buf[i] = '\0';
		if (mkdir(p.buf, 0777) != 0 && errno != EEXIST) {
			int e = errno;
			diag_error(&(struct loc){ p.buf, 0, 0 }, "cannot create folder: %s", strerror(e));
			sb_release(&p);
			return -1;
		}
		p.buf[i] = saved;
	}
	sb_release(&p);
	return 0;
}

int fs_copy_file(const char *from, const char *to)
{
	size_t len;
	char *data = fs_read_file(from, &len);
	if (!data)
		return -1;
	char *dir = path_dirname(to);
	int rc = path_is_dir(dir) ? 0 : fs_mkdirs(dir);
	free(dir);
	if (rc == 0)
		rc = fs_write_atomic(to, data, len);
	free(data);
	return rc;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(struct sb *root, size_t root_len, int (*fn)(const char *rel, void *ctx), void *ctx)
{
	DIR *d = opendir(sb_str(root));
	if (!d)
		return diag_error(&(struct loc){ sb_str(root), 0, 0 }, "cannot read folder: %s", strerror(errno));
	/* Sorted, so that whatever is built from the walk does not depend on the file system. */
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		names = xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t mark = root->len;
		if (rc == 0) {
			sb_addf(root, "/%s", names[i]);
			struct stat st;
			bool ok = stat(sb_str(root), &st) == 0;
			if (ok && S_ISDIR(st.st_mode))
				rc = walk(root, root_len, fn, ctx);
			else if (ok && S_ISREG(st.st_mode))
				rc = fn(sb_str(root) + root_len + 1, ctx);
			root->len = mark;
			root->buf[mark] = '\0';
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int fs_walk_files(const char *dir, int (*fn)(const char *rel, void *ctx), void *ctx)
{
	struct sb root = SB_INIT;
	sb_adds(&root, dir);
	int rc = walk(&root, root.len, fn, ctx);
	sb_release(&root);
	return rc;
}

int fs_remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : diag_error(&(struct loc){ path, 0, 0 }, "cannot remove: %s", strerror(errno));
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (!d)
			return diag_error(&(struct loc){ path, 0, 0 }, "cannot read folder: %s", strerror(errno));
		struct dirent *e;
		int rc = 0;
		while (rc == 0 && (e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			struct sb child = SB_INIT;
			sb_addf(&child, "%s/%s", path, e->d_name);
			rc = fs_remove_tree(sb_str(&child));
			sb_release(&child);
		}
		closedir(d);
		if (rc)
			return rc;
		if (rmdir(path) != 0)
			return diag_error(&(struct loc){ path, 0, 0 }, "cannot remove folder: %s", strerror(errno));
		return 0;
	}
	if (unlink(path) != 0)
		return diag_error(&(struct loc){ path, 0, 0 }, "cannot remove: %s", strerror(errno));
	return 0;
}
