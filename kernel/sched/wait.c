/*
 * kernel/sched/wait.c: wait queues, see
 * include/linux/wait.h. Everything runs under the queue's lock with IRQs
 * off, so an interrupt handler may call wake_up() on any queue.
 */
#include <linux/sched.h>
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

/*
 * Non-exclusive waiters go first, so wake_up() reaches all of them;
 * exclusive ones queue at the tail and are woken nr_exclusive at a time.
 */
static void __add_wait_queue_entry(struct wait_queue_head *wq_head,
				   struct wait_queue_entry *wq_entry,
				   bool exclusive)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	if (exclusive) {
		wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
		list_add_tail(&wq_entry->entry, &wq_head->head);
	} else {
		wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
		list_add(&wq_entry->entry, &wq_head->head);
	}
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry)
{
	__add_wait_queue_entry(wq_head, wq_entry, false);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry)
{
	__add_wait_queue_entry(wq_head, wq_entry, true);
}

void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/*
 * Walk the queue calling each wake function, with the queue's lock held.
 * The _safe walk matters: a wake function may remove its own entry
 * (autoremove_wake_function). A successful wake of an exclusive waiter
 * uses up one of nr_exclusive; 0 means "all".
 */
static void __wake_up_common(struct wait_queue_head *wq_head, unsigned int mode,
			     int nr_exclusive, void *key)
{
	struct wait_queue_entry *curr, *next;

	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int wq_flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);

		if (ret && (wq_flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode,
	       int nr_exclusive, void *key)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__wake_up_common(wq_head, mode, nr_exclusive, key);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr)
{
	__wake_up_common(wq_head, mode, nr, NULL);
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			  int flags, void *key)
{
	(void)key;
	return try_to_wake_up(wq_entry->private, mode, flags);
}

/* Wake the task and leave the queue, so one wake-up is not seen twice. */
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int sync, void *key)
{
	int ret = default_wake_function(wq_entry, mode, sync, key);

	if (ret)
		list_del(&wq_entry->entry);
	return ret;
}

/*
 * The state is set under the queue's lock, after queueing: a waker that
 * makes the condition true and then calls wake_up() either finds us on
 * the queue (and sets TASK_RUNNING) or ran before we queued, in which
 * case our next look at the condition sees it true.
 */
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	/* Under the lock: a waker on another CPU may be removing it. */
	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq_head->lock, flags);
	if (!list_empty(&wq_entry->entry))
		list_del(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
