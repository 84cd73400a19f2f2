/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A mutex for threads of one root task: an atomic count of holders and waiters, and a
 * notification to sleep on only when there is contention (so an uncontended lock costs no
 * system call).  Not recursive.  With notification seL4_CapNull it is a no-op lock for a
 * program with a single thread.
 */
#ifndef SELFE_RT_LOCK_H
#define SELFE_RT_LOCK_H

#include <sel4/sel4.h>

struct selfe_lock {
	seL4_CPtr notification;
	int count; /* holders + waiters; touched only with atomics */
};

static inline void selfe_lock_init(struct selfe_lock *l, seL4_CPtr notification)
{
	l->notification = notification;
	l->count = 0;
}

static inline void selfe_lock_acquire(struct selfe_lock *l)
{
	if (l->notification && __atomic_fetch_add(&l->count, 1, __ATOMIC_ACQUIRE) > 0)
		seL4_Wait(l->notification, NULL); /* the holder signals when it lets go */
}

static inline void selfe_lock_release(struct selfe_lock *l)
{
	/* Someone else counted themselves in: hand the lock over with one signal. */
	if (l->notification && __atomic_fetch_sub(&l->count, 1, __ATOMIC_RELEASE) > 1)
		seL4_Signal(l->notification);
}

#endif
