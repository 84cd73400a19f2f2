/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A project: the sel4.toml a command works on, opened once — loaded, selected, resolved, its
 * platform looked up, its kernel tree (or the embedded snapshot) chosen — and everything gen,
 * build, env, simulate and test do with it.  src/cli only turns options into a
 * `struct project_options` and results into exit statuses.
 *
 * Layout under TARGET (CONFIG_DIR/target/selfe/PLATFORM-PROFILE): libsel4/ (a `selfe gen`
 * output), build/ (objects, the runtime archive), kernel/ (kernel/kernel.h), images/, the root
 * task, serial.log.
 */
#ifndef SELFE_PROJECT_H
#define SELFE_PROJECT_H

#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"
#include "config/config.h"
#include "kernel/kernel.h"
#include "platform/platform.h"
#include "util/arena.h"

/* What a command's options say. */
struct project_options {
	const char *config_path;  /* --config: else $SEL4_CONFIG_PATH, the nearest sel4.toml, the default */
	struct cfg_selection sel; /* -p, --sel4-arch, --arch, --debug/--release */
	const char *source;       /* --source: else $SEL4_SOURCE, else the config's kernel source */
	const char *kernel_build; /* --kernel-build: CONFIG_ values from a configured kernel build */
	bool offline;             /* --offline: the embedded snapshot, whatever else is there */
	bool verbose;
};

/* Defaults: platform from $SEL4_PLATFORM, else pc99; debug. */
void project_options_init(struct project_options *o);

struct project {
	struct arena *a;
	struct project_options opt;
	struct cfg_model *m;
	struct cfg_resolved *r;
	const struct plat_arch *arch;         /* the selected sel4_arch's entry */
	const struct plat_platform *platform; /* NULL for a platform the table does not know */
	const char *cross_prefix;             /* the config's, else the sel4_arch's Debian prefix */
	const char *target;                   /* CONFIG_DIR/target/selfe/PLATFORM-PROFILE */
	const char *tree;                     /* the seL4 tree; NULL when the snapshot stands in */
	bool tree_chosen;                     /* project_choose_tree has run */
	const char *snapshot_reason;          /* why a missing git source was not fetched, or NULL */
	const char *kernel_tree;              /* what the kernel is built from (source_with_links) */
	/* The CONFIG_ values (kernel, libsel4 gen_config.json texts) project_check computed from the
	 * tree, or NULL. */
	const char *gen_config_json[2];
	struct deps *deps; /* where the steps note what they read (selfe gen's up-to-date record), or NULL */
	/* Filled as the steps run: */
	const char *libsel4_from;   /* where libsel4 came from, for messages */
	struct kernel_build kernel; /* elf NULL when no kernel was built */
	struct app_request app;
	struct step_stats stats;
	const char *image; /* the root task, once built */
};

/* Load, select and resolve the config; look up the platform.  0, or -1 after reporting. */
int project_open(struct arena *a, const struct project_options *o, struct project *p);
/* Check what the config says before any work (project/check.c): with `root_task`, that there is
 * a root task to build ([app] or make_root_task) and that [app]'s files exist.  Nothing is
 * written.  0, or -1 after reporting. */
int project_check(struct project *p, bool root_task);
int project_check_root_task(struct project *p);
/* Every [sel4.config.NAME] platform table names a defined platform (platform_tables.c):
 * 0, or -1 after reporting each one that does not. */
int project_check_platform_tables(const struct cfg_model *m);
/* The [sel4.config] settings against the options the kernel's tree declares (kernel_options.c). */
int project_check_kernel_options(struct project *p);
/* Choose where the kernel's sources come from (once; later calls return the same answer):
 * sets p->tree, or leaves it NULL when the embedded snapshot stands in.  A git source missing
 * from selfe's cache is fetched unless $SELFE_OFFLINE is set (not "0") or the repository cannot
 * be reached within seconds; then the snapshot stands in (p->snapshot_reason says why).  0, or
 * -1 after reporting (a failed fetch, or another release than the snapshot's not in the cache). */
int project_choose_tree(struct project *p);

/* Generate libsel4 into `out` (from a kernel build's configuration when opt.kernel_build or
 * the project's kernel was built).  With `keep_current`, an `out` made from the same inputs is
 * left untouched.  0, or -1 after reporting. */
int project_libsel4(struct project *p, const char *out, bool keep_current);
/* selfe gen: libsel4 into `out` after the config's checks, unless `out` is up to date (its
 * record OUT/.selfe/deps shows every input and every file of OUT unchanged since the last
 * selfe gen: then nothing is read or written, and -v says so).  0, or -1 after reporting. */
int project_gen(struct project *p, const char *out);

/* Build the kernel when there is a tree (with `with_kernel`), then libsel4 into TARGET/libsel4
 * and the runtime's folder.  0, or -1 after reporting. */
int project_prepare(struct project *p, bool with_kernel);
/* Build the runtime archive and export SELFE_CC, SELFE_CFLAGS, SELFE_LDFLAGS, SEL4_PLATFORM and
 * SEL4_CONFIG_PATH into this process's environment.  0, or -1 after reporting. */
int project_env(struct project *p);
/* Build the root task ([app] or make_root_task) and set p->image.  0, or -1 after reporting. */
int project_root_task(struct project *p);

/* Boot images of the built kernel and root task.  0, or -1 after reporting (including a
 * platform whose boot method selfe cannot make images for yet). */
int project_images(struct project *p, const char **kernel_image, const char **root_image);
/* Why project_images cannot work for this sel4_arch (the platform table's boot method), or NULL. */
const char *project_boot_gap(const struct project *p);
/* project_boot_gap as an error: true when it can boot, else reports why and returns false. */
bool project_can_boot(const struct project *p);

/* --- running in QEMU ------------------------------------------------------------------------- */

struct project_run {
	const char *serial_override; /* replaces the default serial options */
	int gdb_port;                /* > 0: QEMU waits for a debugger there */
	double timeout;              /* seconds; 0 = none */
	const char *const *expect, *const *fail; /* fail: added to the default fail patterns */
	size_t nexpect, nfail;
	const char *const *extra; /* after `--` */
	size_t nextra;
	bool boot_only; /* selfe test: a kernel that does not print passes by running until the timeout */
};

enum project_verdict { PROJECT_PASS, PROJECT_FAIL, PROJECT_TROUBLE };

/* Build, boot in QEMU and judge the run (messages on stderr). */
enum project_verdict project_simulate(struct project *p, const struct project_run *req);

#endif
