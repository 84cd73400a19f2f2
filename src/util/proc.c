/* SPDX-License-Identifier: BSD-2-Clause */
/* Child processes: fork/exec, pipes, time limits, process groups (see proc.h). */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cloexec_pipe(int fds[2])
{
	if (pipe(fds) != 0)
		return -1;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

static void command_line(struct sb *cmd, const char *const *argv)
{
	for (size_t i = 0; argv[i]; i++)
		sb_addf(cmd, "%s%s", i ? " " : "", argv[i]);
}

static bool wants_pipe(enum proc_stream s)
{
	return s == PROC_CAPTURE || s == PROC_LINES || s == PROC_PIPE;
}

/* In the child: make `fd` (0, 1 or 2) what `s` says. */
static void child_stream(int fd, enum proc_stream s, int pipe_end, int out_fd)
{
	if (s == PROC_NULL) {
		int null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (null >= 0)
			dup2(null, fd);
	} else if (s == PROC_TO_OUT) {
		dup2(out_fd, fd);
	} else if (wants_pipe(s)) {
		dup2(pipe_end, fd);
	}
}

int proc_start(const struct proc_spec *spec, struct proc_child *child)
{
	int out[2] = { -1, -1 }, err[2] = { -1, -1 }, report[2] = { -1, -1 };
	child->pid = -1;
	child->out_fd = child->err_fd = -1;
	child->group = spec->own_group;
	if ((wants_pipe(spec->out) && cloexec_pipe(out)) || (wants_pipe(spec->err) && cloexec_pipe(err)) ||
	    cloexec_pipe(report)) {
		int e = errno;
		for (int *f = out; f < out + 2; f++)
			if (*f >= 0)
				close(*f);
		for (int *f = err; f < err + 2; f++)
			if (*f >= 0)
				close(*f);
		return diag_error(NULL, "cannot create a pipe: %s", strerror(e));
	}
	pid_t pid = fork();
	if (pid == 0) {
		if (spec->own_group)
			setpgid(0, 0);
		signal(SIGPIPE, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		if (spec->stdin_path) {
			int in = open(spec->stdin_path, O_RDONLY);
			if (in >= 0)
				dup2(in, STDIN_FILENO);
		}
		child_stream(STDOUT_FILENO, spec->out, out[1], STDOUT_FILENO);
		child_stream(STDERR_FILENO, spec->err, err[1], STDOUT_FILENO);
		int e = 0;
		if (spec->cwd && chdir(spec->cwd) != 0)
			e = errno;
		for (size_t i = 0; !e && spec->env && spec->env[i]; i++)
			if (putenv((char *)spec->env[i]) != 0)
				e = errno;
		if (!e) {
			execvp(spec->argv[0], (char *const *)spec->argv);
			e = errno;
		}
		if (write(report[1], &e, sizeof(e)) < 0)
			_exit(127);
		_exit(127);
	}
	int fork_errno = errno;
	close(report[1]);
	if (out[1] >= 0)
		close(out[1]);
	if (err[1] >= 0)
		close(err[1]);
	if (pid < 0) {
		close(report[0]);
		if (out[0] >= 0)
			close(out[0]);
		if (err[0] >= 0)
			close(err[0]);
		return diag_error(NULL, "cannot start '%s': %s", spec->argv[0], strerror(fork_errno));
	}
	if (spec->own_group)
		setpgid(pid, pid); /* both sides set it, so it holds whichever runs first */
	int e = 0;
	ssize_t n;
	while ((n = read(report[0], &e, sizeof(e))) < 0 && errno == EINTR)
		;
	close(report[0]);
	if (n == (ssize_t)sizeof(e)) {
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		if (out[0] >= 0)
			close(out[0]);
		if (err[0] >= 0)
			close(err[0]);
		if (e == ENOENT && !strchr(spec->argv[0], '/'))
			return diag_error(NULL, "cannot run %s: not found on PATH", spec->argv[0]);
		if (spec->cwd && e == ENOENT)
			return diag_error(NULL, "cannot run %s in %s: %s", spec->argv[0], spec->cwd, strerror(e));
		return diag_error(NULL, "cannot run %s: %s", spec->argv[0], strerror(e));
	}
	child->pid = pid;
	child->out_fd = out[0];
	child->err_fd = err[0];
	return 0;
}

void proc_signal(const struct proc_child *child, int sig)
{
	if (child->pid > 0)
		kill(child->group ? -child->pid : child->pid, sig);
}

static void record(int status, struct proc_result *res)
{
	if (WIFEXITED(status)) {
		res->status = WEXITSTATUS(status);
		res->signal = 0;
	} else {
		res->status = -1;
		res->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	}
}

int proc_reap(struct proc_child *child, bool block, struct proc_result *res)
{
	int status;
	pid_t w;
	while ((w = waitpid(child->pid, &status, block ? 0 : WNOHANG)) < 0 && errno == EINTR)
		;
	if (w == 0)
		return 1;
	if (w < 0) {
		res->status = -1;
		res->signal = 0;
	} else {
		record(status, res);
	}
	if (child->group)
		kill(-child->pid, SIGKILL); /* anything it left behind in its group */
	child->pid = -1;
	return 0;
}

void proc_stop(struct proc_child *child, double grace, struct proc_result *res, void (*waiting)(void *ctx), void *ctx)
{
	if (child->pid <= 0)
		return;
	proc_signal(child, SIGTERM);
	double kill_at = now() + grace;
	while (proc_reap(child, false, res) == 1) {
		if (now() >= kill_at) {
			proc_signal(child, SIGKILL);
			proc_reap(child, true, res);
			return;
		}
		if (waiting) {
			waiting(ctx);
		} else {
			struct timespec ts = { 0, 10 * 1000 * 1000 };
			nanosleep(&ts, NULL);
		}
	}
}

/* --- proc_exec: reading the pipes to the end -------------------------------------------------- */

struct reader {
	const struct proc_spec *spec;
	struct sb line[2]; /* PROC_LINES: the line being assembled, per stream */
};

static void deliver(struct reader *r, int which, const char *data, size_t n)
{
	const struct proc_spec *s = r->spec;
	enum proc_stream mode = which ? s->err : s->out;
	if (mode == PROC_CAPTURE) {
		struct sb *buf = which ? s->err_buf : s->out_buf;
		if (buf)
			sb_add(buf, data, n);
		return;
	}
	struct sb *l = &r->line[which];
	for (size_t i = 0; i < n; i++) {
		sb_addch(l, data[i]);
		if (data[i] == '\n') {
			s->on_line(s->ctx, which == 1, l->buf, l->len);
			sb_reset(l);
		}
	}
}

int proc_exec(const struct proc_spec *spec, struct proc_result *res)
{
	struct proc_result local;
	if (!res)
		res = &local;
	memset(res, 0, sizeof(*res));
	struct proc_child c;
	if (proc_start(spec, &c))
		return -1;
	struct reader r = { spec, { SB_INIT, SB_INIT } };
	int fds[2] = { c.out_fd, c.err_fd };
	double deadline = spec->timeout > 0 ? now() + spec->timeout : 0;
	while (fds[0] >= 0 || fds[1] >= 0) {
		struct pollfd p[2];
		int map[2], n = 0;
		for (int i = 0; i < 2; i++)
			if (fds[i] >= 0) {
				p[n] = (struct pollfd){ .fd = fds[i], .events = POLLIN };
				map[n++] = i;
			}
		int ms = -1;
		if (deadline > 0) {
			double left = deadline - now();
			if (left <= 0) {
				res->timed_out = true;
				break;
			}
			ms = (int)(left * 1000) + 1;
		}
		if (poll(p, (nfds_t)n, ms) < 0 && errno != EINTR)
			break;
		for (int k = 0; k < n; k++) {
			if (!(p[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			char buf[65536];
			ssize_t got = read(p[k].fd, buf, sizeof(buf));
			if (got < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (got <= 0) {
				close(p[k].fd);
				fds[map[k]] = -1;
				continue;
			}
			deliver(&r, map[k], buf, (size_t)got);
		}
	}
	for (int i = 0; i < 2; i++) {
		if (fds[i] >= 0)
			close(fds[i]);
		if (r.line[i].len) /* a last line with no newline */
			spec->on_line(spec->ctx, i == 1, r.line[i].buf, r.line[i].len);
		sb_release(&r.line[i]);
	}
	if (res->timed_out)
		proc_stop(&c, 2.0, res, NULL, NULL);
	else
		proc_reap(&c, true, res);
	struct sb cmd = SB_INIT;
	command_line(&cmd, spec->argv);
	int rc;
	if (res->timed_out) {
		rc = diag_error(NULL, "command stopped after %.0f s (its time limit): %s", spec->timeout, sb_str(&cmd));
	} else if (res->status >= 0) {
		rc = res->status;
		if (rc && !spec->quiet)
			diag_error(NULL, "command failed with status %d: %s", rc, sb_str(&cmd));
	} else {
		rc = diag_error(NULL, "command killed by signal %d: %s", res->signal, sb_str(&cmd));
	}
	sb_release(&cmd);
	return rc;
}

int proc_run(const char *const *argv, struct sb *out)
{
	struct proc_spec spec = { .argv = argv, .out = out ? PROC_CAPTURE : PROC_INHERIT, .out_buf = out };
	return proc_exec(&spec, NULL);
}

char *proc_which_probing(const char *name, void (*probe)(const char *path, void *ctx), void *ctx)
{
	if (strchr(name, '/')) {
		if (probe)
			probe(name, ctx);
		return access(name, X_OK) == 0 ? xstrdup(name) : NULL;
	}
	const char *path = getenv("PATH");
	struct sb candidate = SB_INIT;
	while (path && *path) {
		const char *end = strchr(path, ':');
		size_t len = end ? (size_t)(end - path) : strlen(path);
		sb_reset(&candidate);
		sb_add(&candidate, len ? path : ".", len ? len : 1); /* an empty entry: the current folder */
		sb_addf(&candidate, "/%s", name);
		if (probe)
			probe(sb_str(&candidate), ctx);
		if (access(sb_str(&candidate), X_OK) == 0)
			return sb_detach(&candidate);
		path += len + (end ? 1 : 0);
	}
	sb_release(&candidate);
	return NULL;
}

char *proc_which(const char *name)
{
	return proc_which_probing(name, NULL, NULL);
}

bool proc_exists(const char *name)
{
	char *path = proc_which(name);
	free(path);
	return path != NULL;
}
