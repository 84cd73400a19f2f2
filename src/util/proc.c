/* SPDX-License-Identifier: BSD-2-Clause */
/* Child processes with fork/exec and a pipe for their output. */
#include "proc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"

static void command_line(struct sb *cmd, const char *const *argv)
{
	for (size_t i = 0; argv[i]; i++)
		sb_addf(cmd, "%s%s", i ? " " : "", argv[i]);
}

int proc_run(const char *const *argv, struct sb *out)
{
	int fds[2] = { -1, -1 };
	if (out && pipe(fds) != 0)
		return diag_error(NULL, "cannot create a pipe: %s", strerror(errno));
	pid_t pid = fork();
	if (pid < 0)
		return diag_error(NULL, "cannot start '%s': %s", argv[0], strerror(errno));
	if (pid == 0) {
		if (out) {
			dup2(fds[1], STDOUT_FILENO);
			close(fds[0]);
			close(fds[1]);
		}
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (out) {
		close(fds[1]);
		char buf[65536];
		ssize_t n;
		while ((n = read(fds[0], buf, sizeof(buf))) != 0) {
			if (n < 0) {
				if (errno == EINTR)
					continue;
				break;
			}
			sb_add(out, buf, (size_t)n);
		}
		close(fds[0]);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return diag_error(NULL, "cannot wait for '%s': %s", argv[0], strerror(errno));
	struct sb cmd = SB_INIT;
	command_line(&cmd, argv);
	int rc;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && !proc_exists(argv[0])) {
		rc = diag_error(NULL, "'%s' not found", argv[0]);
	} else if (WIFEXITED(status)) {
		rc = WEXITSTATUS(status);
		if (rc)
			diag_error(NULL, "command failed with status %d: %s", rc, sb_str(&cmd));
	} else {
		rc = diag_error(NULL, "command killed by signal %d: %s", WTERMSIG(status), sb_str(&cmd));
	}
	sb_release(&cmd);
	return rc;
}

char *proc_which(const char *name)
{
	if (strchr(name, '/'))
		return access(name, X_OK) == 0 ? xstrdup(name) : NULL;
	const char *path = getenv("PATH");
	struct sb candidate = SB_INIT;
	while (path && *path) {
		const char *end = strchr(path, ':');
		size_t len = end ? (size_t)(end - path) : strlen(path);
		sb_reset(&candidate);
		sb_add(&candidate, path, len);
		sb_addf(&candidate, "/%s", name);
		if (access(sb_str(&candidate), X_OK) == 0)
			return sb_detach(&candidate);
		path += len + (end ? 1 : 0);
	}
	sb_release(&candidate);
	return NULL;
}

bool proc_exists(const char *name)
{
	char *path = proc_which(name);
	free(path);
	return path != NULL;
}
