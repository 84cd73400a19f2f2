/* SPDX-License-Identifier: BSD-2-Clause */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/fs.h"
#include "util/lock.h"
#include "util/path.h"

int lock_acquire(const char *path, const char *what)
{
	char *dir = path_dirname(path);
	int rc = path_is_dir(dir) ? 0 : fs_mkdirs(dir);
	free(dir);
	if (rc)
		return -1;
	/* O_CLOEXEC: the programs selfe runs (compilers, QEMU) must not keep the lock alive. */
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return diag_error(&(struct loc){ path, 0, 0 }, "cannot open the lock file: %s", strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK) {
			diag_error(&(struct loc){ path, 0, 0 }, "cannot lock: %s", strerror(errno));
			close(fd);
			return -1;
		}
		char holder[32] = "";
		ssize_t n = pread(fd, holder, sizeof holder - 1, 0);
		holder[n > 0 ? n : 0] = '\0';
		holder[strcspn(holder, "\n")] = '\0';
		if (*holder)
			fprintf(stderr, "selfe: waiting for another selfe (pid %s) working on %s\n", holder, what);
		else
			fprintf(stderr, "selfe: waiting for another selfe working on %s\n", what);
		while (flock(fd, LOCK_EX) != 0) {
			if (errno != EINTR) {
				diag_error(&(struct loc){ path, 0, 0 }, "cannot lock: %s", strerror(errno));
				close(fd);
				return -1;
			}
		}
		fprintf(stderr, "selfe: %s is free, going on\n", what);
	}
	/* Who holds it, for the message of the next one that waits. */
	char pid[32];
	int len = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == 0 && pwrite(fd, pid, (size_t)len, 0) != len) {
		/* only the message of a waiting process depends on it */
	}
	return fd;
}

void lock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}
