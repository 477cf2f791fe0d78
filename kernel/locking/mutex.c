/*
 * kernel/locking/mutex.c: sleeping locks, see include/linux/mutex.h (the
 * hand-off rule and the debug checks are described there). Everything
 * runs under the wait queue's lock with IRQs off, as wait.c and
 * completion.c do: the owner and the queue change together, and a
 * waiter's state is set under the same lock the unlocker holds when it
 * wakes it, so a wake-up is never lost between the waiter's last look at
 * the owner and its schedule().
 */
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>

#if CONFIG_DEBUG_MUTEXES
unsigned long nr_mutex_debug_reports;

/*
 * Linux's DEBUG_LOCKS_WARN_ON() (a WARN with the condition's text), but
 * every time: Linux turns lock debugging off after the first report, the
 * self-tests provoke several.
 */
#define DEBUG_LOCKS_WARN_ON(c)                                    \
	({                                                        \
		int __ret = !!(c);                                \
		if (unlikely(__ret)) {                            \
			nr_mutex_debug_reports++;                 \
			pr_warn("DEBUG_LOCKS_WARN_ON(%s)\n", #c); \
			WARN_ON(1);                               \
		}                                                 \
		__ret;                                            \
	})

/*
 * The owner takes the mutex again: lockdep's report, shortened (no lock
 * classes or held-lock chains here). True if reported: the caller must
 * not wait, it would wait for itself for ever.
 */
static bool debug_mutex_recursion(struct mutex *lock)
{
	if (lock->owner != current)
		return false;
	nr_mutex_debug_reports++;
	pr_warn("============================================\n");
	pr_warn("WARNING: possible recursive locking detected\n");
	pr_warn("--------------------------------------------\n");
	pr_warn("%s/%d is trying to acquire lock:\n", current->comm,
		current->pid);
	pr_warn(" (%pS) at: %pS\n", lock, __builtin_return_address(0));
	pr_warn("but task is already holding lock: not waiting for itself\n");
	dump_stack();
	return true;
}
#else
#define DEBUG_LOCKS_WARN_ON(c) \
	({                     \
		(void)(c);     \
		0;             \
	})
static inline bool debug_mutex_recursion(struct mutex *lock)
{
	(void)lock;
	return false;
}
#endif

/*
 * The owning task. Linux keeps flag bits in the low bits of its owner
 * word and masks them off here; hikern's owner is a plain pointer. The
 * name is kept so the debug WARNING reads as Linux's.
 */
static inline struct task_struct *__owner_task(struct task_struct *owner)
{
	return owner;
}

/**
 * mutex_init - initialise a mutex, unlocked
 * @lock: the mutex
 *
 * For a mutex in allocated memory (DEFINE_MUTEX() for a static one). A
 * zeroed mutex is not enough: its wait queue's list must point at itself.
 *
 * Context: any; @lock must not be in use.
 */
void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
}

/**
 * mutex_lock - take the mutex, sleeping until it is free
 * @lock: the mutex
 *
 * Takes @lock at once if it is free; otherwise queues the caller at the
 * tail and sleeps in TASK_UNINTERRUPTIBLE until mutex_unlock() hands the
 * lock over (the caller owns it when it wakes). In the debug build a
 * caller that already owns @lock gets the recursion report instead of a
 * silent deadlock, and returns.
 *
 * Context: process context; may sleep (might_sleep()): not with a
 * spinlock held, interrupts off or in an interrupt handler.
 */
void mutex_lock(struct mutex *lock)
{
	DECLARE_WAITQUEUE(wait, current);
	unsigned long flags;

	might_sleep();
	spin_lock_irqsave(&lock->wait.lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		goto out;
	}
	if (debug_mutex_recursion(lock))
		goto out;
	wait.flags |= WQ_FLAG_EXCLUSIVE;
	list_add_tail(&wait.entry, &lock->wait.head);
	/* mutex_unlock() takes us off the queue when it makes us owner. */
	do {
		__set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irqrestore(&lock->wait.lock, flags);
		schedule();
		spin_lock_irqsave(&lock->wait.lock, flags);
	} while (lock->owner != current);
	__set_current_state(TASK_RUNNING);
out:
	spin_unlock_irqrestore(&lock->wait.lock, flags);
}

/**
 * mutex_trylock - take the mutex if it is free, without sleeping
 * @lock: the mutex
 *
 * Never waits, so it cannot deadlock: an owner's trylock simply fails.
 * A free mutex with waiters does not exist (unlock hands it over), so a
 * trylock never overtakes a waiter.
 *
 * Context: process context (as Linux: the owner must be a task that will
 * unlock it; not from an interrupt handler).
 * Return: 1 if the caller now owns @lock, 0 if someone holds it.
 */
int mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	int taken = 0;

	spin_lock_irqsave(&lock->wait.lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		taken = 1;
	}
	spin_unlock_irqrestore(&lock->wait.lock, flags);
	return taken;
}

/**
 * mutex_unlock - release the mutex
 * @lock: the mutex, held by the caller
 *
 * With no waiter the mutex becomes free; otherwise the first waiter is
 * taken off the queue, made the owner and woken (hand-off). Does not
 * sleep. In the debug build an unlock by a task other than the owner
 * (or of a free mutex) is a WARNING; the unlock goes ahead.
 *
 * Context: process context, by the task that locked @lock.
 */
void mutex_unlock(struct mutex *lock)
{
	struct task_struct *owner;
	struct wait_queue_entry *next;
	unsigned long flags;

	spin_lock_irqsave(&lock->wait.lock, flags);
	owner = lock->owner;
	DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current);
	if (list_empty(&lock->wait.head)) {
		lock->owner = NULL;
	} else {
		next = list_first_entry(&lock->wait.head,
					struct wait_queue_entry, entry);
		list_del(&next->entry);
		lock->owner = next->private;
		wake_up_process(next->private);
	}
	spin_unlock_irqrestore(&lock->wait.lock, flags);
}
