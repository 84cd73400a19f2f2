/* SPDX-License-Identifier: BSD-2-Clause */
/* Resolving, cloning and verifying kernel sources through the git command line. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/proc.h"

static const char *const ref_names[] = { "branch", "tag", "rev" };

/* A readable, file-system-safe rendering of a name: other characters become '_'. */
static void add_safe(struct sb *sb, const char *s)
{
	for (; *s; s++) {
		char c = *s;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
		sb_addch(sb, ok ? c : '_');
	}
}

const char *source_cache_dir(struct arena *a, const struct cfg_source *src)
{
	char *root = path_cache_root();
	struct sb dir = SB_INIT;
	sb_addf(&dir, "%s/src/", root);
	free(root);
	/* repository name: the URL's last component without ".git" */
	const char *url = src->git;
	size_t len = strlen(url);
	while (len && url[len - 1] == '/')
		len--;
	size_t start = len;
	while (start && url[start - 1] != '/' && url[start - 1] != ':')
		start--;
	char *name = arena_strndup(a, url + start, len - start);
	size_t nl = strlen(name);
	if (nl > 4 && !strcmp(name + nl - 4, ".git"))
		name[nl - 4] = '\0';
	add_safe(&dir, *name ? name : "repo");
	sb_addf(&dir, "-%s-", ref_names[src->ref_kind]);
	add_safe(&dir, src->ref);
	/* a short tag keeps two URLs with the same last component apart */
	sb_addf(&dir, "-%08llx", (unsigned long long)(hash_add(HASH_INIT, src->git, strlen(src->git)) & 0xffffffffull));
	const char *r = arena_strdup(a, sb_str(&dir));
	sb_release(&dir);
	return r;
}

static int git(const char *dir, const char *const *args, struct sb *out)
{
	const char *argv[16];
	size_t n = 0;
	argv[n++] = "git";
	if (dir) {
		argv[n++] = "-C";
		argv[n++] = dir;
	}
	for (size_t i = 0; args[i] && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return proc_run(argv, out);
}

static char *git_line(const char *dir, const char *const *args)
{
	struct sb out = SB_INIT;
	if (git(dir, args, &out)) {
		sb_release(&out);
		return NULL;
	}
	while (out.len && (out.buf[out.len - 1] == '\n' || out.buf[out.len - 1] == '\r'))
		out.buf[--out.len] = '\0';
	return sb_detach(&out);
}

/* The checked-out commit must be the one the config names. */
static int verify(const char *dir, const struct cfg_source *src)
{
	char *head = git_line(dir, (const char *const[]){ "rev-parse", "HEAD", NULL });
	if (!head)
		return -1;
	int rc = 0;
	if (src->ref_kind == CFG_REF_REV) {
		if (strncmp(head, src->ref, strlen(src->ref)) != 0)
			rc = diag_error(&src->at, "'%s' is checked out at %s, not at rev %s", dir, head, src->ref);
	} else if (src->ref_kind == CFG_REF_TAG) {
		struct sb spec = SB_INIT;
		sb_addf(&spec, "refs/tags/%s^{commit}", src->ref);
		char *tag = git_line(dir, (const char *const[]){ "rev-parse", "--verify", "--quiet", sb_str(&spec), NULL });
		if (!tag || strcmp(tag, head))
			rc = diag_error(&src->at, "'%s' is checked out at %s, which is not tag %s", dir, head, src->ref);
		free(tag);
		sb_release(&spec);
	}
	free(head);
	return rc;
}

static int clone_into(struct arena *a, const char *dir, const struct cfg_source *src)
{
	const char *tmp = arena_printf(a, "%s.tmp.%ld", dir, (long)getpid());
	if (fs_remove_tree(tmp))
		return -1;
	int rc;
	if (src->ref_kind == CFG_REF_REV) {
		rc = git(NULL, (const char *const[]){ "clone", "--quiet", "--no-checkout", src->git, tmp, NULL }, NULL);
		if (rc == 0)
			rc = git(tmp, (const char *const[]){ "checkout", "--quiet", "--detach", src->ref, NULL }, NULL);
	} else {
		rc = git(NULL, (const char *const[]){ "clone", "--quiet", "--depth", "1", "--branch", src->ref, src->git, tmp, NULL }, NULL);
	}
	if (rc == 0)
		rc = verify(tmp, src);
	if (rc == 0 && rename(tmp, dir) != 0)
		rc = diag_error(&(struct loc){ dir, 0, 0 }, "cannot create: %s", strerror(errno));
	if (rc) {
		fs_remove_tree(tmp);
		diag_error(&src->at, "cannot fetch %s '%s' of %s", ref_names[src->ref_kind], src->ref, src->git);
		diag_note(NULL, "without network, put a copy of the tree in %s, or use kernel = { path = \"DIR\" }", dir);
		return -1;
	}
	return 0;
}

static int refresh_branch(const char *dir, const struct cfg_source *src)
{
	if (git(dir, (const char *const[]){ "fetch", "--quiet", "--depth", "1", "origin", src->ref, NULL }, NULL))
		return diag_error(&src->at, "cannot refresh branch '%s' of %s", src->ref, src->git);
	return git(dir, (const char *const[]){ "reset", "--quiet", "--hard", "FETCH_HEAD", NULL }, NULL) ? -1 : 0;
}

const char *source_tree(struct arena *a, const struct cfg_source *src, bool fetch, bool refresh, bool *missing)
{
	if (missing)
		*missing = false;
	if (src->kind == CFG_SOURCE_PATH) {
		if (!path_is_dir(src->abs_path)) {
			diag_error(&src->at, "source folder '%s' does not exist", src->abs_path);
			return NULL;
		}
		return src->abs_path;
	}
	if (src->kind != CFG_SOURCE_GIT)
		return NULL;
	const char *dir = source_cache_dir(a, src);
	bool present = path_is_dir(dir);
	if (!present && !fetch) {
		if (missing)
			*missing = true;
		return NULL;
	}
	if (present && !(refresh && src->ref_kind == CFG_REF_BRANCH))
		return dir;
	/* Clone or refresh under a lock, so that two runs never write the same folder. */
	char *parent = path_dirname(dir);
	int prc = fs_mkdirs(parent);
	free(parent);
	if (prc)
		return NULL;
	const char *lock_path = arena_printf(a, "%s.lock", dir);
	int fd = open(lock_path, O_CREAT | O_RDWR, 0666);
	if (fd < 0 || flock(fd, LOCK_EX) != 0) {
		diag_error(&(struct loc){ lock_path, 0, 0 }, "cannot lock: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	int rc = 0;
	if (!path_is_dir(dir)) /* another run may have cloned it while we waited */
		rc = clone_into(a, dir, src);
	else if (refresh && src->ref_kind == CFG_REF_BRANCH)
		rc = refresh_branch(dir, src);
	close(fd); /* releases the lock */
	return rc ? NULL : dir;
}
