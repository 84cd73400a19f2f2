/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Exclusive locks on a lock file (flock), so two selfe processes never work in one folder at
 * once: the second waits, saying so on stderr.  The lock lasts until lock_release or the
 * process's end (the kernel drops it then, even after a kill: no stale lock to clean up).
 */
#ifndef SELFE_LOCK_H
#define SELFE_LOCK_H

/* Take the lock on `path` (created, with its folder, when missing), waiting for its holder;
 * `what` names the work in the waiting message.  Returns the lock's descriptor, or -1 after
 * reporting. */
int lock_acquire(const char *path, const char *what);
void lock_release(int fd);

#endif
