/* SPDX-License-Identifier: BSD-2-Clause */
/* One selfe at a time in a target folder, and no debris of killed runs (app.h). */
#include "app/app.h"
#include "util/fs.h"
#include "util/lock.h"

int app_claim_target(struct arena *a, const char *target)
{
	/* Two builds of one target would write the same objects, archives and images at once
	 * (seen: "ar: ... No such file", "undefined reference to 'main'"): the second waits. */
	if (lock_acquire(arena_printf(a, "%s/.lock", target), target) < 0)
		return -1;
	/* Under the lock, every temporary without a live owner is debris. */
	fs_remove_stale_temps(target, NULL, 1);
	return 0;
}
