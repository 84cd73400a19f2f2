/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The run engine: start QEMU with its standard output on a pipe, stream that output to the
 * terminal and serial.log, feed it to the matcher, and stop QEMU (SIGTERM, then SIGKILL after a
 * grace period) once the outcome is known.  Whatever happens, QEMU is reaped before returning.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "sim.h"
#include "util/diag.h"
#include "util/proc.h"

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
	interrupted = sig;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Write everything, giving up quietly on a closed reader (echoing is best effort). */
static bool write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

struct run_state {
	const struct sim_run_request *req;
	struct sim_matcher *m;
	int out_fd, err_fd, log_fd, echo_fd;
	bool stopping; /* QEMU's complaints about being stopped are not news */
	double start, first_output;
	bool mid_line;
};

/* Read what one pipe has; returns false at end of file. */
static bool pump(struct run_state *s, int *fd, bool is_serial)
{
	char buf[4096];
	ssize_t n = read(*fd, buf, sizeof(buf));
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return true;
	if (n <= 0) {
		close(*fd);
		*fd = -1;
		return false;
	}
	if (!is_serial) {
		if (!s->stopping)
			write_all(STDERR_FILENO, buf, (size_t)n);
		return true;
	}
	if (s->first_output < 0)
		s->first_output = now() - s->start;
	if (s->log_fd >= 0 && !write_all(s->log_fd, buf, (size_t)n)) {
		diag_error(NULL, "cannot write %s: %s", s->req->log_path, strerror(errno));
		close(s->log_fd);
		s->log_fd = -1;
	}
	if (s->echo_fd >= 0 && !write_all(s->echo_fd, buf, (size_t)n))
		s->echo_fd = -1;
	s->mid_line = buf[n - 1] != '\n';
	if (!s->stopping)
		sim_matcher_feed(s->m, buf, (size_t)n);
	return true;
}

/* Wait for output until `deadline` (0: forever), at most one poll round. */
static void poll_once(struct run_state *s, double deadline)
{
	struct pollfd p[2];
	int n = 0;
	if (s->out_fd >= 0)
		p[n++] = (struct pollfd){ .fd = s->out_fd, .events = POLLIN };
	if (s->err_fd >= 0)
		p[n++] = (struct pollfd){ .fd = s->err_fd, .events = POLLIN };
	int ms = -1;
	if (deadline > 0) {
		double left = deadline - now();
		ms = left <= 0 ? 0 : (int)(left * 1000) + 1;
	}
	if (n == 0) {
		/* Nothing to read: the outputs are closed but QEMU may still be ending. */
		struct timespec ts = { 0, 20 * 1000 * 1000 };
		nanosleep(&ts, NULL);
		return;
	}
	if (poll(p, (nfds_t)n, ms) <= 0)
		return;
	for (int i = 0; i < n; i++) {
		if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if (p[i].fd == s->out_fd)
			pump(s, &s->out_fd, true);
		else
			pump(s, &s->err_fd, false);
	}
}

/* Stop QEMU: SIGTERM, then SIGKILL when it has not gone after the grace period; its output is
 * read meanwhile, so a QEMU blocked on a full pipe can still end. */
static void read_while_stopping(void *ctx)
{
	struct run_state *s = ctx;
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	if (s->out_fd >= 0 || s->err_fd >= 0)
		poll_once(s, now() + 0.01);
	else
		nanosleep(&ts, NULL);
}

static void stop(struct run_state *s, struct proc_child *c, struct proc_result *pr)
{
	s->stopping = true;
	proc_stop(c, s->req->stop_grace, pr, read_while_stopping, s);
}

static void record_exit(const struct proc_result *pr, struct sim_result *res)
{
	res->exit_status = pr->status;
	res->term_signal = pr->status < 0 ? pr->signal : 0;
}

/* After QEMU has gone: read what is left, but never wait long on a pipe something else may
 * still hold open. */
static void drain(struct run_state *s)
{
	while (s->out_fd >= 0 || s->err_fd >= 0) {
		struct pollfd p[2];
		int n = 0;
		if (s->out_fd >= 0)
			p[n++] = (struct pollfd){ .fd = s->out_fd, .events = POLLIN };
		if (s->err_fd >= 0)
			p[n++] = (struct pollfd){ .fd = s->err_fd, .events = POLLIN };
		if (poll(p, (nfds_t)n, 200) <= 0)
			break;
		for (int i = 0; i < n; i++) {
			if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (p[i].fd == s->out_fd)
				pump(s, &s->out_fd, true);
			else
				pump(s, &s->err_fd, false);
		}
	}
	if (s->out_fd >= 0)
		close(s->out_fd);
	if (s->err_fd >= 0)
		close(s->err_fd);
	s->out_fd = s->err_fd = -1;
}

int sim_run(const struct sim_run_request *req, struct sim_matcher *m, struct sim_result *res)
{
	memset(res, 0, sizeof(*res));
	struct run_state s = { req, m, -1, -1, -1, req->echo_fd, false, now(), -1, false };
	if (req->log_path) {
		s.log_fd = open(req->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (s.log_fd < 0)
			return diag_error(NULL, "cannot write %s: %s", req->log_path, strerror(errno));
	}
	/* Interruptions stop QEMU first; a reader of our output going away must not kill us while
	 * QEMU runs on. */
	struct sigaction act = { .sa_handler = on_interrupt }, old_int, old_term, old_hup, old_pipe;
	sigemptyset(&act.sa_mask);
	interrupted = 0;
	sigaction(SIGINT, &act, &old_int);
	sigaction(SIGTERM, &act, &old_term);
	sigaction(SIGHUP, &act, &old_hup);
	struct sigaction ign = { .sa_handler = SIG_IGN };
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old_pipe);

	/* QEMU puts a terminal it is given into raw mode; if it has to be killed it cannot put it
	 * back, so we do. */
	struct termios saved_tty;
	bool restore_tty = req->pass_terminal && tcgetattr(STDIN_FILENO, &saved_tty) == 0;

	s.start = now();
	/* Without a terminal to hand over: a process group of its own, so that stopping it reaches
	 * everything it started, and no terminal to take over. */
	struct proc_spec spec = { .argv = req->argv, .stdin_path = req->pass_terminal ? NULL : "/dev/null",
				  .out = PROC_PIPE, .err = PROC_PIPE, .own_group = !req->pass_terminal };
	struct proc_child child;
	struct proc_result pr;
	int rc = 0;
	if (proc_start(&spec, &child) != 0) {
		rc = -1;
		goto done;
	}
	s.out_fd = child.out_fd;
	s.err_fd = child.err_fd;
	double deadline = req->timeout > 0 ? s.start + req->timeout : 0;
	double grace_end = 0;
	for (;;) {
		enum sim_verdict v = sim_matcher_verdict(m);
		if (v == SIM_ALL_SEEN) {
			res->outcome = SIM_PASSED;
			break;
		}
		if (v == SIM_FAIL_SEEN && grace_end == 0)
			grace_end = now() + req->fail_grace;
		if (grace_end > 0 && now() >= grace_end) {
			res->outcome = SIM_FAILED;
			break;
		}
		if (interrupted) {
			res->outcome = SIM_INTERRUPTED;
			break;
		}
		if (deadline > 0 && now() >= deadline && grace_end == 0) {
			res->outcome = SIM_TIMED_OUT;
			break;
		}
		if (s.out_fd < 0 && s.err_fd < 0) {
			/* Both outputs closed: QEMU has ended (or is about to). */
			proc_reap(&child, true, &pr);
			record_exit(&pr, res);
			res->outcome = sim_matcher_finish(m) == SIM_ALL_SEEN ? SIM_PASSED
				       : sim_matcher_verdict(m) == SIM_FAIL_SEEN ? SIM_FAILED
										 : SIM_EXITED;
			res->seconds = now() - s.start;
			goto done;
		}
		double wake = grace_end > 0 ? grace_end : deadline;
		poll_once(&s, wake);
	}
	res->seconds = now() - s.start;
	stop(&s, &child, &pr);
done:
	/* Whatever is still buffered is part of the log. */
	s.stopping = true;
	drain(&s);
	res->first_output = s.first_output;
	res->mid_line = s.mid_line;
	if (s.log_fd >= 0 && close(s.log_fd) != 0)
		rc = diag_error(NULL, "cannot write %s: %s", req->log_path, strerror(errno));
	if (restore_tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	return rc;
}
