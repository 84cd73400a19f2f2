/* SPDX-License-Identifier: BSD-2-Clause */
/* File input/output with errors reported through diag. */
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "diag.h"
#include "path.h"
#include "sb.h"
#include "xalloc.h"

/* Everything `fd` holds (closed here); `path` labels errors. */
static char *read_fd(int fd, const char *path, size_t *len)
{
	struct sb sb = SB_INIT;
	char buf[65536];
	ssize_t n;
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;
			close(fd);
			sb_release(&sb);
			diag_error(&(struct loc){ path, 0, 0 }, "cannot read file: %s", strerror(saved));
			return NULL;
		}
		sb_add(&sb, buf, (size_t)n);
	}
	close(fd);
	*len = sb.len;
	return sb_detach(&sb);
}

char *fs_read_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_error(&(struct loc){ path, 0, 0 }, "cannot open file: %s", strerror(errno));
		return NULL;
	}
	return read_fd(fd, path, len);
}

static const char *file_kind(mode_t m)
{
	return S_ISDIR(m) ? "a folder" : S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a character device" :
	       S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

char *fs_read_regular_file(const char *path, size_t *len)
{
	struct loc at = { path, 0, 0 };
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 && errno == EISDIR) {
		diag_error(&at, "is a folder, not a file");
		return NULL;
	}
	if (fd < 0) {
		diag_error(&at, "cannot open file: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_error(&at, "is %s, not a regular file", file_kind(st.st_mode));
		close(fd);
		return NULL;
	}
	/* the very file checked: reads block again (a regular file never waits anyway) */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return read_fd(fd, path, len);
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

typedef int walk_fn(const char *rel, const struct stat *st, void *ctx);

static int walk(struct sb *root, size_t root_len, walk_fn *fn, walk_fn *dir_fn, void *ctx)
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
	if (n) /* an empty folder has no array (qsort wants one) */
		qsort(names, n, sizeof(*names), cmp_names);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t mark = root->len;
		if (rc == 0) {
			sb_addf(root, "/%s", names[i]);
			struct stat st;
			bool ok = stat(sb_str(root), &st) == 0;
			if (ok && S_ISDIR(st.st_mode)) {
				rc = dir_fn ? dir_fn(sb_str(root) + root_len + 1, &st, ctx) : 0;
				if (rc == 0)
					rc = walk(root, root_len, fn, dir_fn, ctx);
			}
			else if (ok && S_ISREG(st.st_mode))
				rc = fn(sb_str(root) + root_len + 1, &st, ctx);
			root->len = mark;
			root->buf[mark] = '\0';
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int fs_walk_files_stat(const char *dir, walk_fn *fn, void *ctx)
{
	return fs_walk_stat(dir, fn, NULL, ctx);
}

int fs_walk_stat(const char *dir, walk_fn *fn, walk_fn *dir_fn, void *ctx)
{
	struct sb root = SB_INIT;
	sb_adds(&root, dir);
	int rc = walk(&root, root.len, fn, dir_fn, ctx);
	sb_release(&root);
	return rc;
}

struct plain_walk {
	int (*fn)(const char *rel, void *ctx);
	void *ctx;
};

static int without_stat(const char *rel, const struct stat *st, void *vctx)
{
	struct plain_walk *w = vctx;
	(void)st;
	return w->fn(rel, w->ctx);
}

int fs_walk_files(const char *dir, int (*fn)(const char *rel, void *ctx), void *ctx)
{
	struct plain_walk w = { fn, ctx };
	return fs_walk_files_stat(dir, without_stat, &w);
}

int fs_write_new(const char *path, const void *data, size_t len, struct stat *st)
{
	/* An existing file is unlinked, not truncated: it may be a hard link to another tree's file. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0 && errno == EEXIST && unlink(path) == 0)
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0)
		return diag_error(&(struct loc){ path, 0, 0 }, "cannot create file: %s", strerror(errno));
	const char *p = data;
	size_t left = len;
	int e = 0;
	while (left > 0 && e == 0) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno != EINTR)
			e = errno;
		else if (n > 0) {
			p += n;
			left -= (size_t)n;
		}
	}
	if (e == 0 && st && fstat(fd, st) != 0)
		e = errno;
	if (close(fd) != 0 && e == 0)
		e = errno;
	if (e) {
		unlink(path);
		return diag_error(&(struct loc){ path, 0, 0 }, "cannot write file: %s", strerror(e));
	}
	return 0;
}

int fs_link_or_copy(const char *from, const char *to)
{
	if (link(from, to) == 0)
		return 0;
	if (errno == EEXIST && unlink(to) == 0 && link(from, to) == 0)
		return 0;
	/* EXDEV (another file system), EPERM (protected_hardlinks, or links unsupported), EMLINK... */
	return fs_copy_file(from, to);
}

int fs_exchange(const char *a, const char *b)
{
#if defined(SYS_renameat2)
	/* Called through syscall(): the libc wrapper needs _GNU_SOURCE, which the rest of the
	 * code base does not want. */
	if (syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0)
		return 0;
	if (errno == EINVAL || errno == ENOSYS || errno == EPERM || errno == ENOTSUP)
		return 1;
	return diag_error(&(struct loc){ b, 0, 0 }, "cannot replace the folder: %s", strerror(errno));
#else
	(void)a;
	(void)b;
	return 1;
#endif
}

/*
 * Empty the open folder `fd` (`path` names it in messages).  Relative to folder descriptors
 * and guided by the entries' types, so removing a tree costs one call per file: no stat and no
 * path lookup from the root for each.
 */
static int remove_contents(int fd, struct sb *path)
{
	DIR *d = fdopendir(fd);
	if (!d) {
		int e = errno;
		close(fd);
		return diag_error(&(struct loc){ sb_str(path), 0, 0 }, "cannot read folder: %s", strerror(e));
	}
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		size_t mark = path->len;
		sb_addf(path, "/%s", e->d_name);
		bool is_dir = e->d_type == DT_DIR;
		struct stat st;
		if (e->d_type == DT_UNKNOWN && fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
			is_dir = S_ISDIR(st.st_mode);
		if (is_dir) {
			int child = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (child < 0)
				rc = diag_error(&(struct loc){ sb_str(path), 0, 0 }, "cannot read folder: %s", strerror(errno));
			else
				rc = remove_contents(child, path);
			if (rc == 0 && unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR) != 0)
				rc = diag_error(&(struct loc){ sb_str(path), 0, 0 }, "cannot remove folder: %s", strerror(errno));
		} else if (unlinkat(dirfd(d), e->d_name, 0) != 0 && errno != ENOENT) {
			rc = diag_error(&(struct loc){ sb_str(path), 0, 0 }, "cannot remove: %s", strerror(errno));
		}
		path->len = mark;
		path->buf[mark] = '\0';
	}
	closedir(d);
	return rc;
}

int fs_remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : diag_error(&(struct loc){ path, 0, 0 }, "cannot remove: %s", strerror(errno));
	if (S_ISDIR(st.st_mode)) {
		int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			return diag_error(&(struct loc){ path, 0, 0 }, "cannot read folder: %s", strerror(errno));
		struct sb p = SB_INIT;
		sb_adds(&p, path);
		int rc = remove_contents(fd, &p);
		sb_release(&p);
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
