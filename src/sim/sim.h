/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Running a simulation: the QEMU command line for a built kernel and root task, and the engine
 * that runs QEMU, streams its serial output, matches it against what the user expects (and what
 * must never appear), and stops QEMU when the answer is known.
 *
 * Matching works on lines: serial output is cut at '\n', carriage returns and terminal colour
 * sequences (the kernel colours some of its messages) are removed, and each line is checked
 * first against every fail pattern, then against the next expected pattern.  One line satisfies
 * at most one expectation, so expecting the same text twice means two lines.  A last line with
 * no newline is checked when QEMU stops.
 */
#ifndef SELFE_SIM_H
#define SELFE_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/platform.h"
#include "util/arena.h"
#include "util/json_read.h"
#include "util/regex.h"
#include "util/sb.h"

/* The messages that mean the run went wrong, whatever the user expects: the kernel's own
 * failure paths (a failed kernel assertion, a call to the kernel's fail(), a thread faulting
 * with no fault handler, on classic and on MCS kernels), selfe-runtime's panic line and selfe's
 * loader's error line.
 * NULL-terminated. */
extern const char *const sim_default_fail_patterns[];

enum sim_verdict { SIM_UNDECIDED, SIM_ALL_SEEN, SIM_FAIL_SEEN };

struct sim_matcher {
	struct rx **expect, **fail;
	const char *const *expect_src, *const *fail_src;
	size_t nexpect, nfail;
	size_t seen;           /* expectations met so far, in order */
	const char *failed_by; /* the fail pattern that matched */
	const char *fail_line; /* the line it matched (owned by the matcher) */
	struct sb line;        /* the line being assembled */
	bool in_escape;        /* inside an ESC [ ... sequence */
};

/* Compile the patterns (util/regex.h: the bounded POSIX ERE subset).  0, or -1 after reporting the bad pattern. */
int sim_matcher_init(struct sim_matcher *m, const char *const *expect, size_t nexpect, const char *const *fail,
		     size_t nfail);
void sim_matcher_free(struct sim_matcher *m);
/* Feed serial output.  Once the verdict is decided further input changes nothing. */
enum sim_verdict sim_matcher_feed(struct sim_matcher *m, const char *data, size_t len);
/* The output has ended: check the unterminated last line, if any. */
enum sim_verdict sim_matcher_finish(struct sim_matcher *m);
enum sim_verdict sim_matcher_verdict(const struct sim_matcher *m);

/* How a run ended. */
enum sim_outcome {
	SIM_PASSED,      /* every expectation met (QEMU then stopped) */
	SIM_FAILED,      /* a fail pattern matched (QEMU then stopped) */
	SIM_TIMED_OUT,   /* the time limit passed first (QEMU then stopped) */
	SIM_EXITED,      /* QEMU ended on its own: exit_status / term_signal say how */
	SIM_INTERRUPTED, /* selfe got SIGINT/SIGTERM/SIGHUP (QEMU then stopped) */
};

struct sim_run_request {
	const char *const *argv; /* QEMU, found on PATH */
	const char *log_path;    /* serial.log, written as output arrives; NULL for none */
	int echo_fd;             /* where serial output is streamed (stdout), -1 for nowhere */
	double timeout;          /* seconds; 0 = no limit */
	double fail_grace;       /* seconds to keep reading after a fail pattern (rest of the message) */
	double stop_grace;       /* seconds between SIGTERM and SIGKILL */
	bool pass_terminal;      /* give QEMU our stdin (a terminal); else /dev/null */
	struct sb *messages;     /* when not NULL, QEMU's own messages (stderr) are kept here too */
	bool echo_escapes;       /* echo terminal escape sequences (SeaBIOS clears the screen with
				  * them); by default they are dropped from the echo, kept in the log */
};

struct sim_result {
	enum sim_outcome outcome;
	int exit_status; /* SIM_EXITED: QEMU's exit status, or -1 when a signal ended it */
	int term_signal; /* SIM_EXITED by a signal */
	double seconds;  /* from start until the outcome was known */
	double first_output; /* seconds until the first byte of serial output; -1 if none */
	bool mid_line;       /* the output shown did not end with a newline */
};

/* Run QEMU to an outcome; QEMU is never left running.  0, or -1 after reporting that it could
 * not be started. */
int sim_run(const struct sim_run_request *req, struct sim_matcher *m, struct sim_result *res);

/* What the pc99 QEMU command line is made of. */
struct sim_pc99_request {
	const char *qemu;                /* the platform table's qemu-system binary */
	const char *machine;             /* -machine, NULL for QEMU's default */
	const struct json_value *config; /* the kernel build's configuration (kernel_config_read) */
	const char *config_path;         /* where it was read from, for messages */
	const char *kernel_image;    /* 32-bit multiboot ELF */
	const char *root_image;      /* the root task, the first multiboot module */
	int64_t memory_mib;
	const char *serial_override; /* replaces "-nographic -serial mon:stdio", split on spaces */
	int gdb_port;                /* > 0: wait for a debugger on this TCP port */
	const char *const *extra;    /* appended as they are */
	size_t nextra;
};

/* The -cpu value for a pc99 kernel of configuration `config` (`path` labels errors).  NULL after
 * reporting. */
const char *sim_pc99_cpu(struct arena *a, const char *path, const struct json_value *config);
/* The whole command line, NULL-terminated.  NULL after reporting. */
const char **sim_pc99_argv(struct arena *a, const struct sim_pc99_request *req);
/* QEMU's refusal of -cpu features it cannot offer (`qemu_messages`: its stderr), each reported
 * as an error naming the kernel option that asked for the feature and the setting that avoids
 * it in [sel4.config.PLATFORM].  Returns how many features were refused (0: not a refusal). */
int sim_pc99_explain_refusal(const char *qemu_messages, const char *platform);

/*
 * symbolize.c: after a failed run, notes naming the function and file:line (addr2line, with
 * cross_prefix, on the root task's ELF) of each fault PC and panic caller in the serial log.
 * Returns how many it named.
 */
int sim_symbolize_log(struct arena *a, const char *log_path, const char *elf, const char *cross_prefix);
/* Whether the root task image drives the UART itself when the kernel does not print (its
 * runtime's marker string is in it). */
bool sim_has_runtime_console(const char *image);

/* Append `word` (or each space-separated word of `text`, as --serial-override is split) to a
 * NULL-terminated vector of *n words and room for *cap. */
void sim_argv_add(struct arena *a, const char ***v, size_t *n, size_t *cap, const char *word);
void sim_argv_add_words(struct arena *a, const char ***v, size_t *n, size_t *cap, const char *text);

/* ARM and RISC-V (qemu_loader.c): one image from selfe's loader, QEMU's -kernel. */
struct sim_loader_request {
	const char *platform, *sel4_arch;
	const char *qemu;                /* the platform table's qemu-system binary */
	const char *machine;             /* the platform table's -machine */
	const struct plat_qemu *facts;   /* and its QEMU facts (plat_loader_qemu) */
	const struct json_value *config; /* the kernel's configuration: cores, hypervisor mode, CPU */
	const char *config_path;         /* where it was read from, for messages */
	const char *image;
	int64_t memory_mib; /* 0: what the kernel's DTB describes */
	const char *serial_override;
	int gdb_port;
	const char *const *extra;
	size_t nextra;
};
const char **sim_loader_argv(struct arena *a, const struct sim_loader_request *req);

#endif
