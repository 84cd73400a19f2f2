/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The process runner: every child program selfe starts goes through here.  No shell; arguments
 * are passed as they are; argv[0] is searched on PATH.  A child gets its own working folder,
 * extra environment, standard input, and standard output / error inherited, discarded,
 * collected, handed over line by line, or left on a pipe for the caller to read; it can be given
 * a time limit and its own process group (so stopping it reaches everything it started).
 */
#ifndef SELFE_PROC_H
#define SELFE_PROC_H

#include <stdbool.h>
#include <sys/types.h>

#include "sb.h"

enum proc_stream {
	PROC_INHERIT, /* ours */
	PROC_NULL,    /* /dev/null */
	PROC_CAPTURE, /* collected into out_buf / err_buf (proc_exec) */
	PROC_LINES,   /* each line to on_line (proc_exec) */
	PROC_PIPE,    /* a pipe the caller reads (proc_start: child->out_fd / err_fd) */
	PROC_TO_OUT,  /* standard error only: wherever standard output goes */
};

struct proc_spec {
	const char *const *argv;
	const char *cwd;             /* NULL: ours */
	const char *const *env;      /* "NAME=VALUE" entries set in the child, NULL-terminated */
	const char *stdin_path;      /* NULL: our standard input */
	enum proc_stream out, err;   /* default PROC_INHERIT */
	struct sb *out_buf, *err_buf; /* PROC_CAPTURE */
	/* PROC_LINES: every line (with its '\n', if any), `is_err` for standard error. */
	void (*on_line)(void *ctx, bool is_err, const char *line, size_t len);
	void *ctx;
	double timeout;   /* seconds; 0 = none.  Past it the child is stopped (SIGTERM, then SIGKILL). */
	bool own_group;   /* a process group of its own */
	bool quiet;       /* do not report a non-zero exit (the caller does) */
};

struct proc_result {
	int status;      /* exit status; -1 when a signal ended it */
	int signal;      /* the signal, when status is -1 */
	bool timed_out;  /* proc_exec stopped it at the time limit */
};

struct proc_child {
	pid_t pid;
	int out_fd, err_fd; /* PROC_PIPE ends, else -1 */
	bool group;
};

/* Start a child.  A program that cannot be started (not found, not executable) is reported
 * here, with the reason.  0, or -1 after reporting. */
int proc_start(const struct proc_spec *spec, struct proc_child *child);
/* Send `sig` to the child (to its whole group when it has one). */
void proc_signal(const struct proc_child *child, int sig);
/* Reap the child; with `block` false, returns 1 when it is still running.  0 once reaped. */
int proc_reap(struct proc_child *child, bool block, struct proc_result *res);
/* SIGTERM, then SIGKILL after `grace` seconds; always reaps.  While it waits, `waiting` (if
 * any) is called about every 10 ms and should return within that (it may read the child's
 * output, so that a child blocked on a full pipe can still end). */
void proc_stop(struct proc_child *child, double grace, struct proc_result *res, void (*waiting)(void *ctx), void *ctx);

/*
 * Run to completion.  Returns the exit status (0 success) — a non-zero one reported with the
 * command line unless `quiet` — or -1 after reporting that it could not be started, died on a
 * signal or timed out.  `res` (may be NULL) receives the details.
 */
int proc_exec(const struct proc_spec *spec, struct proc_result *res);

/* proc_exec with standard output collected into `out` when given, everything else ours. */
int proc_run(const char *const *argv, struct sb *out);

/* The executable `name` resolves to (searched on PATH unless it holds a '/'), malloc'd; NULL
 * when there is none. */
char *proc_which(const char *name);
/* The same, calling probe(PATH, ctx) for each place tried, in order, up to the one found. */
char *proc_which_probing(const char *name, void (*probe)(const char *path, void *ctx), void *ctx);
/* True when `name` can be found on PATH (or is a path to an executable). */
bool proc_exists(const char *name);

#endif
