/*
 * kernel/sched/completion.c: completions, see include/linux/completion.h.
 * The waiters queue exclusively on x->wait, so complete() wakes exactly
 * one; done is read and written only under the queue's lock.
 */
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/sched.h>

#define COMPLETE_ALL_DONE 0xffffffffu

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void reinit_completion(struct completion *x)
{
	x->done = 0;
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETE_ALL_DONE)
		x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETE_ALL_DONE;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/*
 * Queue, drop the lock, sleep, retake the lock, until done or out of
 * time. The entry is the plain default one (not autoremove): it stays
 * queued across spurious wake-ups and leaves once, at the end.
 */
static long do_wait_for_common(struct completion *x, long timeout)
{
	DECLARE_WAITQUEUE(wait, current);
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (!x->done) {
		wait.flags |= WQ_FLAG_EXCLUSIVE;
		list_add_tail(&wait.entry, &x->wait.head);
		do {
			__set_current_state(TASK_UNINTERRUPTIBLE);
			spin_unlock_irqrestore(&x->wait.lock, flags);
			timeout = schedule_timeout(timeout);
			spin_lock_irqsave(&x->wait.lock, flags);
		} while (!x->done && timeout);
		list_del(&wait.entry);
		__set_current_state(TASK_RUNNING);
		if (!x->done) {
			spin_unlock_irqrestore(&x->wait.lock, flags);
			return 0;
		}
	}
	if (x->done != COMPLETE_ALL_DONE)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return timeout ? timeout : 1;
}

void wait_for_completion(struct completion *x)
{
	might_sleep();
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT);
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	might_sleep();
	return do_wait_for_common(x, (long)timeout);
}

bool completion_done(struct completion *x)
{
	unsigned long flags;
	bool done;

	spin_lock_irqsave(&x->wait.lock, flags);
	done = x->done != 0;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return done;
}
