/* SPDX-License-Identifier: BSD-2-Clause */
/* Stamps and reuse of outputs between selfe gen runs. */
#include "reuse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/fs.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/proc.h"

void stamp_init(struct stamp *st, struct arena *a)
{
	st->a = a;
	st->h = HASH_INIT;
}

void stamp_string(struct stamp *st, const char *s)
{
	st->h = hash_add(st->h, s, strlen(s));
}

void stamp_value(struct stamp *st, uint64_t v)
{
	st->h = hash_add(st->h, &v, sizeof(v));
}

int stamp_file(struct stamp *st, const char *path)
{
	size_t len;
	char *data = fs_read_file(path, &len);
	if (!data)
		return -1;
	st->h = hash_add(st->h, data, len);
	free(data);
	return 0;
}

void stamp_program(struct stamp *st, const char *name)
{
	stamp_string(st, name);
	char *path = proc_which(name);
	struct stat s;
	if (path && stat(path, &s) == 0) {
		char info[64];
		snprintf(info, sizeof(info), "%lld/%lld", (long long)s.st_size, (long long)s.st_mtime);
		stamp_string(st, path);
		stamp_string(st, info);
	}
	free(path);
}

static const char *hex(const struct stamp *st)
{
	return arena_printf(st->a, "%016llx\n", (unsigned long long)st->h);
}

bool reuse_previous(struct arena *a, const char *out, const char *key, const char *previous, const struct stamp *st,
		    const char *to)
{
	const char *recorded = arena_printf(a, "%s/.selfe/%s.stamp", out, key);
	if (!path_is_file(previous) || !path_is_file(recorded))
		return false;
	size_t len;
	char *text = fs_read_file(recorded, &len);
	bool same = text && !strcmp(text, hex(st));
	free(text);
	if (!same || !to)
		return same;
	/* Already there (the spare's, a link to the same file): nothing to do, and its change time
	 * stays as it was. */
	struct stat a_st, b_st;
	if (stat(previous, &a_st) == 0 && stat(to, &b_st) == 0 && a_st.st_dev == b_st.st_dev && a_st.st_ino == b_st.st_ino)
		return true;
	char *dir = path_dirname(to);
	int rc = path_is_dir(dir) ? 0 : fs_mkdirs(dir);
	free(dir);
	/* A link: the previous OUT goes away once the new one is in place. */
	return rc == 0 && fs_link_or_copy(previous, to) == 0;
}

int record_stamp(struct arena *a, const char *tmp, const char *key, const struct stamp *st)
{
	const char *dir = arena_printf(a, "%s/.selfe", tmp);
	if (!path_is_dir(dir) && fs_mkdirs(dir))
		return -1;
	const char *text = hex(st);
	return fs_write_new(arena_printf(a, "%s/%s.stamp", dir, key), text, strlen(text), NULL);
}
