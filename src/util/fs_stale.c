/* SPDX-License-Identifier: BSD-2-Clause */
/* Removing the temporaries that killed processes left (fs.h: fs_remove_stale_temps). */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fs.h"
#include "util/sb.h"

int fs_temp_name_pid(const char *name, long *pid)
{
	const char *end = name + strlen(name), *p = end;
	while (p > name && p[-1] >= '0' && p[-1] <= '9')
		p--;
	if (p == end || end - p > 10 || p - name < 5)
		return 0;
	if (memcmp(p - 5, ".tmp.", 5) != 0 && memcmp(p - 5, ".old.", 5) != 0)
		return 0;
	*pid = strtol(p, NULL, 10);
	return *pid > 0;
}

static int alive(long pid)
{
	return pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

int fs_remove_stale_temps(const char *dir, const char *prefix, int recurse)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int removed = 0;
	struct sb path = SB_INIT;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, e->d_name);
		long pid;
		if ((!prefix || !strncmp(e->d_name, prefix, strlen(prefix))) && fs_temp_name_pid(e->d_name, &pid) &&
		    !alive(pid)) {
			struct stat st;
			if (lstat(sb_str(&path), &st) == 0 &&
			    (S_ISDIR(st.st_mode) ? fs_remove_tree(sb_str(&path)) : unlink(sb_str(&path))) == 0)
				removed++;
			continue;
		}
		struct stat st;
		if (recurse && lstat(sb_str(&path), &st) == 0 && S_ISDIR(st.st_mode))
			removed += fs_remove_stale_temps(sb_str(&path), prefix, recurse);
	}
	closedir(d);
	sb_release(&path);
	return removed;
}
