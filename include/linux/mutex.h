/*
 * Mutexes (Linux's include/linux/mutex.h, kernel/locking/mutex.c): a
 * sleeping lock for process context. A task that finds the mutex held
 * sleeps in TASK_UNINTERRUPTIBLE (state D in ps) instead of spinning, so
 * the holder may itself sleep (msleep(), kmalloc(GFP_KERNEL), a module's
 * init) while it holds one, which no spinlock allows.
 *
 * The mutex is an owner (the holding task, NULL when free) and a wait
 * queue of sleeping tasks; the queue's own spinlock, taken in its
 * IRQs-off form as wait.c and completion.c take it, guards both.
 *
 * Hand-off, not wake-and-retry: mutex_unlock() with waiters queued makes
 * the first waiter the owner and wakes it, so the lock is never free
 * while anyone waits and waiters get it in the order they came (FIFO).
 * Why: it is the simplest rule to reason about (a waiter sleeps until it
 * is the owner; no waiter can be overtaken for ever) and it needs no
 * retry loop. The cost is the convoy: until the new owner is scheduled
 * nobody holds the lock in fact, and a task arriving meanwhile must queue
 * behind it. Linux lets newcomers steal the lock (and spin while the
 * owner runs) for throughput, and hands off only to a waiter that has
 * starved for a while (MUTEX_FLAG_HANDOFF).
 *
 * Rules, as Linux's: only the owner unlocks; no recursion; not from
 * interrupt context; a task must not exit holding one. The debug build
 * (CONFIG_DEBUG_MUTEXES, on with CONFIG_DEBUG) checks the first two:
 *  - an unlock by a task that is not the owner is Linux's
 *    "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)" WARNING; the
 *    unlock goes ahead, as in Linux;
 *  - a mutex_lock() by its owner would wait for itself for ever: it
 *    prints lockdep's "WARNING: possible recursive locking detected"
 *    with the lock and the task, and returns without waiting (the lock
 *    stays held once; the caller's second unlock is then the wrong-owner
 *    WARNING).
 * The production build keeps neither check: a recursive lock hangs in D,
 * where the hung-task check finds it.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/wait.h>

#define CONFIG_DEBUG_MUTEXES CONFIG_DEBUG

struct task_struct;

struct mutex {
	struct task_struct *owner;   /* NULL when free; under wait.lock */
	struct wait_queue_head wait; /* sleeping waiters, FIFO */
};

#define __MUTEX_INITIALIZER(lockname)                                   \
	{                                                               \
		.owner = NULL,                                          \
		.wait = __WAIT_QUEUE_HEAD_INITIALIZER((lockname).wait), \
	}
#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

/**
 * mutex_is_locked - is the mutex held?
 * @lock: the mutex
 *
 * A snapshot, without the lock: only meaningful when nothing can change
 * it meanwhile (or as a debugging aid).
 *
 * Return: true if some task owns @lock.
 */
static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

#if CONFIG_DEBUG_MUTEXES
/* Debug reports so far (recursion, wrong owner), for the self-tests. */
extern unsigned long nr_mutex_debug_reports;
#endif

#endif /* _LINUX_MUTEX_H */
