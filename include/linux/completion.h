/*
 * Completions (Linux's include/linux/completion.h, kernel/sched/
 * completion.c): "this has happened" as a count of done events and a
 * wait queue. complete() lets one waiter through, complete_all() every
 * present and future one; wait_for_completion() consumes one event.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done; /* UINT_MAX after complete_all() */
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(work)                          \
	{                                                     \
		0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) \
	}
#define DECLARE_COMPLETION(work) \
	struct completion work = COMPLETION_INITIALIZER(work)

void init_completion(struct completion *x);
/* Forget past complete()s, to use x again (no waiter may be queued). */
void reinit_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
/* Sleep (TASK_UNINTERRUPTIBLE) until x is completed; uses up one event. */
void wait_for_completion(struct completion *x);
/*
 * wait_for_completion_timeout - the same for at most @timeout ticks
 * Returns 0 on timeout, else the ticks left (at least 1).
 */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);
/* True if x has been completed and nobody has consumed it yet. */
bool completion_done(struct completion *x);

#endif /* _LINUX_COMPLETION_H */
