/* SPDX-License-Identifier: BSD-2-Clause */
/* Up-to-date checks for build steps: OUTPUT.cmd holds the command, OUTPUT.d the compiler's deps. */
#include "app/steps.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/fs.h"
#include "util/proc.h"
#include "util/sb.h"

static void command_text(struct sb *out, const char *const *argv)
{
	for (size_t i = 0; argv[i]; i++) {
		sb_adds(out, argv[i]);
		sb_addch(out, '\n');
	}
}

static bool newer_than(const char *input, const struct timespec *than)
{
	struct stat st;
	if (stat(input, &st) != 0)
		return true; /* a vanished input: rebuild, and let the command report it */
	return st.st_mtim.tv_sec > than->tv_sec || (st.st_mtim.tv_sec == than->tv_sec && st.st_mtim.tv_nsec > than->tv_nsec);
}

/*
 * The prerequisites of a make-style dependency file ("out: a b \\\n c"), each checked against
 * `than`.  Escaped spaces ("\ ") belong to a name.  Returns true when one is newer or missing.
 */
static bool deps_newer(const char *depfile, const struct timespec *than)
{
	size_t len;
	char *text = access(depfile, R_OK) == 0 ? fs_read_file(depfile, &len) : NULL;
	if (!text)
		return false;
	char *p = strchr(text, ':');
	bool newer = false;
	struct sb name = SB_INIT;
	while (p && *++p && !newer) {
		if (*p == '\\' && p[1] == '\n') {
			p++;
			continue;
		}
		if (*p == '\\' && p[1] == ' ') {
			sb_addch(&name, ' ');
			p++;
			continue;
		}
		if (*p == ' ' || *p == '\n' || *p == '\t') {
			if (name.len && newer_than(sb_str(&name), than))
				newer = true;
			sb_reset(&name);
			if (*p == '\n' && p[1] && p[1] != ' ' && p[1] != '\t' && p[1] != '\\')
				p = strchr(p, ':'); /* a -MP phony target line: skip to its colon */
			continue;
		}
		sb_addch(&name, *p);
	}
	if (!newer && name.len && newer_than(sb_str(&name), than))
		newer = true;
	sb_release(&name);
	free(text);
	return newer;
}

static bool up_to_date(struct arena *a, const char *output, const char *cmd, const char *const *inputs)
{
	struct stat st;
	if (stat(output, &st) != 0)
		return false;
	const char *cmdfile = arena_printf(a, "%s.cmd", output);
	size_t len;
	char *old = access(cmdfile, R_OK) == 0 ? fs_read_file(cmdfile, &len) : NULL;
	bool same = old && !strcmp(old, cmd);
	free(old);
	if (!same)
		return false;
	for (size_t i = 0; inputs && inputs[i]; i++)
		if (newer_than(inputs[i], &st.st_mtim))
			return false;
	return !deps_newer(arena_printf(a, "%s.d", output), &st.st_mtim);
}

int step_make(struct arena *a, struct step_stats *stats, const char *output, const char *recipe,
	      const char *const *inputs, int (*make)(void *ctx), void *ctx)
{
	if (up_to_date(a, output, recipe, inputs)) {
		stats->skipped++;
		return 0;
	}
	stats->run++;
	/* OUTPUT.cmd goes before the work starts and comes back only once it succeeded, so a
	 * failed or interrupted step never looks finished.  `make` replaces OUTPUT whole (by
	 * rename), so a kill at any point leaves the old output or the new one, never a part. */
	const char *record = arena_printf(a, "%s.cmd", output);
	unlink(record);
	return make(ctx) == 0 ? fs_write_atomic(record, recipe, strlen(recipe)) : -1;
}

struct command {
	const char *const *argv;     /* as shown and recorded */
	const char *const *run_argv; /* with OUTPUT replaced by tmp */
	const char *output, *tmp;    /* tmp NULL: the command does not name its output */
	bool verbose;
};

/* The command writes OUTPUT.tmp.PID, from nothing (ar, for one, would add to an existing
 * archive), which is then renamed over OUTPUT. */
static int run_command(void *ctx)
{
	const struct command *c = ctx;
	if (c->verbose) {
		for (size_t i = 0; c->argv[i]; i++)
			printf("%s%s", i ? " " : "", c->argv[i]);
		putchar('\n');
		fflush(stdout);
	}
	if (!c->tmp) {
		unlink(c->output);
		return proc_run(c->argv, NULL) == 0 ? 0 : -1;
	}
	unlink(c->tmp);
	if (proc_run(c->run_argv, NULL) != 0) {
		unlink(c->tmp);
		return -1;
	}
	if (rename(c->tmp, c->output) != 0) {
		diag_error(&(struct loc){ c->output, 0, 0 }, "cannot put the output in place: %s", strerror(errno));
		unlink(c->tmp);
		return -1;
	}
	return 0;
}

int step_run(struct arena *a, struct step_stats *stats, const char *output, const char *const *argv,
	     const char *const *inputs)
{
	struct sb cmd = SB_INIT;
	command_text(&cmd, argv);
	size_t n = 0;
	while (argv[n])
		n++;
	const char **run_argv = arena_alloc(a, (n + 1) * sizeof(*run_argv));
	const char *tmp = arena_printf(a, "%s.tmp.%ld", output, (long)getpid());
	bool names_output = false;
	for (size_t i = 0; i < n; i++) {
		names_output |= !strcmp(argv[i], output);
		run_argv[i] = strcmp(argv[i], output) ? argv[i] : tmp;
	}
	struct command c = { argv, run_argv, output, names_output ? tmp : NULL, stats->verbose };
	int rc = step_make(a, stats, output, sb_str(&cmd), inputs, run_command, &c);
	sb_release(&cmd);
	return rc;
}
