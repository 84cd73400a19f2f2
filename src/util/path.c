/* SPDX-License-Identifier: BSD-2-Clause */
/* Lexical path manipulation: no symlink resolution, so results match what the user wrote. */
#include "path.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb.h"
#include "xalloc.h"

char *path_normalize(const char *path)
{
	bool absolute = path[0] == '/';
	/* Split into components, resolving "." and ".." against what came before. */
	size_t n = strlen(path);
	const char **parts = xmalloc((n / 2 + 2) * sizeof(*parts));
	size_t *lens = xmalloc((n / 2 + 2) * sizeof(*lens));
	size_t count = 0;
	const char *p = path;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *start = p;
		while (*p && *p != '/')
			p++;
		size_t len = (size_t)(p - start);
		if (len == 1 && start[0] == '.')
			continue;
		if (len == 2 && start[0] == '.' && start[1] == '.') {
			if (count && !(lens[count - 1] == 2 && memcmp(parts[count - 1], "..", 2) == 0)) {
				count--;
				continue;
			}
			if (absolute)
				continue; /* "/.." is "/" */
		}
		parts[count] = start;
		lens[count] = len;
		count++;
	}
	struct sb out = SB_INIT;
	if (absolute)
		sb_addch(&out, '/');
	for (size_t i = 0; i < count; i++) {
		if (i)
			sb_addch(&out, '/');
		sb_add(&out, parts[i], lens[i]);
	}
	if (!out.len)
		sb_addch(&out, '.');
	free(parts);
	free(lens);
	return sb_detach(&out);
}

char *path_join(const char *base, const char *rel)
{
	if (rel[0] == '/' || !base || !base[0])
		return path_normalize(rel);
	struct sb sb = SB_INIT;
	sb_addf(&sb, "%s/%s", base, rel);
	char *r = path_normalize(sb_str(&sb));
	sb_release(&sb);
	return r;
}

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	while (slash > path && slash[-1] == '/')
		slash--;
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

char *path_absolute(const char *path)
{
	if (path[0] == '/')
		return path_normalize(path);
	char *cwd = getcwd(NULL, 0);
	if (!cwd)
		return path_normalize(path);
	char *r = path_join(cwd, path);
	free(cwd);
	return r;
}

bool path_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool path_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *path_cache_root(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	struct sb dir = SB_INIT;
	if (xdg && *xdg)
		sb_addf(&dir, "%s/selfe", xdg);
	else
		sb_addf(&dir, "%s/.cache/selfe", home && *home ? home : ".");
	return sb_detach(&dir);
}

/* The arena variants: one copy into the arena, the malloc'd result freed. */
static const char *into(struct arena *a, char *s)
{
	const char *r = arena_strdup(a, s);
	free(s);
	return r;
}

const char *path_join_in(struct arena *a, const char *base, const char *rel)
{
	return into(a, path_join(base, rel));
}

const char *path_normalize_in(struct arena *a, const char *path)
{
	return into(a, path_normalize(path));
}

const char *path_dirname_in(struct arena *a, const char *path)
{
	return into(a, path_dirname(path));
}

const char *path_absolute_in(struct arena *a, const char *path)
{
	return into(a, path_absolute(path));
}
