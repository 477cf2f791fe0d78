/*
 * Wait queues (Linux's include/linux/wait.h, kernel/sched/wait.c): a list
 * of waiters, each an
 * entry with a wake function, under the queue's spinlock. A waiter adds
 * itself, sets its task state and calls schedule(); wake_up() runs the
 * wake functions of the waiters, which make their tasks runnable again
 * (default_wake_function -> try_to_wake_up).
 *
 * Entries added with add_wait_queue() are non-exclusive: wake_up() wakes
 * them all, and at most nr_exclusive of the exclusive ones queued after
 * them (add_wait_queue_exclusive), as in Linux.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct wait_queue_entry;

typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01

struct wait_queue_entry {
	unsigned int flags;
	void *private; /* the waiting task, for default_wake_function */
	wait_queue_func_t func;
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			  int flags, void *key);

#define __WAITQUEUE_INITIALIZER(name, tsk)                       \
	{                                                        \
		.private = (tsk), .func = default_wake_function, \
		.entry = { NULL, NULL },                         \
	}
#define DECLARE_WAITQUEUE(name, tsk) \
	struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)              \
	{                                                \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), \
		.head = { &(name).head, &(name).head },  \
	}
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);
void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry);

/*
 * Anyone waiting? Lockless, so only meaningful when the caller holds a
 * lock that waiters also take before they queue themselves (as kunmap_high
 * holds kmap_lock); otherwise a waiter can slip in just after the test.
 */
static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* Wake the waiters in `mode` states (see the top of this file). */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode,
	       int nr_exclusive, void *key);

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
/* __wake_up with the queue's lock already held (completions). */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr);

/*
 * The waiting loop behind wait_event(): an entry that takes itself off
 * the queue when it wakes its task (autoremove_wake_function), so a
 * waiter woken once is not woken again while it re-checks its condition.
 */
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int sync, void *key);
#define DEFINE_WAIT(name)                              \
	struct wait_queue_entry name = {               \
		.private = current,                    \
		.func = autoremove_wake_function,      \
		.entry = LIST_HEAD_INIT((name).entry), \
	}
/* Queue wq_entry (if it is not queued) and set the task state. */
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
/* TASK_RUNNING again, and off the queue. */
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);

/*
 * wait_event - sleep (TASK_UNINTERRUPTIBLE) until @condition is true
 * The condition is checked after each wake-up of @wq_head; whoever makes
 * it true must call wake_up() on the queue afterwards.
 */
#define wait_event(wq_head, condition)                           \
	do {                                                     \
		DEFINE_WAIT(__wq_entry);                         \
		might_sleep();                                   \
		for (;;) {                                       \
			prepare_to_wait(&(wq_head), &__wq_entry, \
					TASK_UNINTERRUPTIBLE);   \
			if (condition)                           \
				break;                           \
			schedule();                              \
		}                                                \
		finish_wait(&(wq_head), &__wq_entry);            \
	} while (0)

/*
 * wait_event_interruptible - wait_event() in TASK_INTERRUPTIBLE
 * For a sleep of any length that is not waiting for a resource (a shell
 * waiting for a key): the hung-task check looks only at
 * TASK_UNINTERRUPTIBLE. hikern has no signals, so it returns 0 once
 * @condition is true (Linux: -ERESTARTSYS on a signal).
 */
#define wait_event_interruptible(wq_head, condition)             \
	({                                                       \
		DEFINE_WAIT(__wq_entry);                         \
		might_sleep();                                   \
		for (;;) {                                       \
			prepare_to_wait(&(wq_head), &__wq_entry, \
					TASK_INTERRUPTIBLE);     \
			if (condition)                           \
				break;                           \
			schedule();                              \
		}                                                \
		finish_wait(&(wq_head), &__wq_entry);            \
		0;                                               \
	})

/*
 * wait_event_timeout - wait_event() for at most @timeout ticks
 * Returns 0 if @condition was still false when the time ran out, else the
 * ticks that were left (at least 1), as Linux.
 */
#define wait_event_timeout(wq_head, condition, timeout)          \
	({                                                       \
		long __t = (timeout);                            \
		bool __c;                                        \
		DEFINE_WAIT(__wq_entry);                         \
		might_sleep();                                   \
		for (;;) {                                       \
			prepare_to_wait(&(wq_head), &__wq_entry, \
					TASK_UNINTERRUPTIBLE);   \
			__c = (condition);                       \
			if (__c || !__t)                         \
				break;                           \
			__t = schedule_timeout(__t);             \
		}                                                \
		finish_wait(&(wq_head), &__wq_entry);            \
		__c ? (__t ? __t : 1) : 0;                       \
	})

#endif /* _LINUX_WAIT_H */
