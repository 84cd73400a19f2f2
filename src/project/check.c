/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Everything the config says, checked before any kernel, CMake or compiler work and before
 * anything is written under target/: a command that fails on the config leaves nothing behind
 * and fails in the first second, not after a kernel build.
 */
#include "project/project.h"

int project_check_root_task(struct project *p)
{
	const struct cfg_build_profile *bp = p->r->build_profile;
	if (bp && bp->make_root_task) /* [app] then only lists files for `selfe env` */
		return p->m->app.present ? app_check(&p->m->app, p->m->dir, false) : 0;
	if (!p->m->app.present) {
		diag_error(&(struct loc){ p->m->path, 0, 0 }, "nothing to build for %s: no [app] table and no make_root_task",
			   p->r->sel.platform);
		diag_note(NULL, "add [app] with name = \"...\" and sources = [\"src/*.c\"] ('selfe new NAME' writes a project)");
		return -1;
	}
	return app_check(&p->m->app, p->m->dir, true);
}

int project_check(struct project *p, bool root_task)
{
	int rc = 0;
	if (root_task && project_check_root_task(p))
		rc = -1;
	if (project_check_kernel_options(p))
		rc = -1;
	return rc;
}
