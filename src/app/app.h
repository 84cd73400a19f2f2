/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Building a root task from [app]: the user's sources, selfe-start and selfe-runtime compiled
 * with the configuration's cross compiler against the generated libsel4, the [app] files packed
 * with selfe-arc and linked in, all linked with the arch's root-task linker script.  Steps run
 * only when their inputs or commands changed (app/steps.h).
 */
#ifndef SELFE_APP_H
#define SELFE_APP_H

#include <stdbool.h>

#include "app/steps.h"
#include "config/config.h"
#include "platform/platform.h"
#include "util/arena.h"

struct app_request {
	const struct cfg_app *app;     /* NULL: the runtime archive only */
	const char *app_dir;      /* the config's folder: [app] paths are relative to it */
	const struct plat_arch *arch;   /* the sel4_arch's entry in the platform table */
	const char *const *arch_cflags; /* its compiler switches (plat_cflags) */
	enum cfg_profile profile;
	const char *cross_prefix; /* "" for the host compiler */
	const char *libsel4;      /* a `selfe gen` output folder */
	const char *runtime;      /* the runtime folder (runtime/ of the repository, or its cache copy) */
	const char *work;         /* where objects go: WORK/obj/... */
	const char *image;        /* the ELF to write */
};

/* Returns 0, or -1 after reporting.  With no `app`, builds only the runtime archive. */
int app_build(struct arena *a, const struct app_request *req, struct step_stats *stats);

/* The flags every root-task file is compiled with (the arch's, freestanding with only the
 * compiler's own headers, the runtime's and libsel4's include folders, the profile's
 * optimisation); NULL-terminated, or NULL after reporting (e.g. no such compiler). */
const char *const *app_cflags(struct arena *a, const struct app_request *req);
/* What a root task is linked with after its own objects (linker script, runtime archive,
 * libsel4, libgcc); NULL-terminated. */
const char *const *app_link_flags(struct arena *a, const struct app_request *r);

/* The runtime folder compiled into selfe (see embed/folder.h); NULL after reporting. */
const char *app_runtime_folder(struct arena *a);

/*
 * Make TARGET (target/selfe/PLATFORM-PROFILE) this process's: wait for any other selfe working
 * in it (a lock on TARGET/.lock, held until the process ends), then remove the temporaries that
 * killed runs left in it.  Builds of different targets still run side by side.  0, or -1 after
 * reporting.
 */
int app_claim_target(struct arena *a, const char *target);

/* -ffile-prefix-map options that keep the project's folder, the runtime's and libsel4's places
 * and the current folder out of objects (debug information, __FILE__): the same project
 * builds to the same bytes in any folder.  NULL-terminated. */
const char *const *app_prefix_maps(struct arena *a, const struct app_request *req);

#endif
