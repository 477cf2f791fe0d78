/*
 * tests/kernel/thread_test.h: bounded waits shared by the suites that
 * start kernel threads (sched_test.c, smp_test.c, smp_highmem_test.c,
 * mutex_test.c).
 *
 * kthread_stop() waits for the thread with no timeout (kernel/kthread.c),
 * so a test must only stop a thread it has seen finish: a thread that did
 * not finish in time is left running and the case fails, with every
 * task's state (show_state()), instead of a scheduler bug hanging the
 * whole run. A thread left running may still write to what it was given,
 * so whatever a thread writes to must outlive the case (a static, never
 * the runner's stack frame).
 */
#ifndef _TESTS_KERNEL_THREAD_TEST_H
#define _TESTS_KERNEL_THREAD_TEST_H

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/types.h>

/* test_past() - has jiffies reached @when? */
static inline bool test_past(unsigned long when)
{
	return time_after_eq(jiffies, when);
}

/*
 * test_wait_flag() - poll (msleep(1)) until *@flag is set, at most
 * @timeout ticks. Returns *@flag: false if it was still clear.
 */
static inline bool test_wait_flag(volatile bool *flag, unsigned long timeout)
{
	unsigned long end = jiffies + timeout;

	while (!*flag && !test_past(end))
		msleep(1);
	return *flag;
}

/*
 * test_wait_asleep() - poll until @p has left its CPU asleep (its
 * switch-out done), at most @timeout ticks. Returns true if it did.
 */
static inline bool test_wait_asleep(struct task_struct *p,
				    unsigned long timeout)
{
	unsigned long end = jiffies + timeout;

	while (!READ_ONCE(p->blocked) && !test_past(end))
		msleep(1);
	return READ_ONCE(p->blocked);
}

/*
 * test_wait_done() - wait at most @timeout ticks for @done, which thread
 * @t completes as it finishes. On a timeout the case fails, naming @t
 * as left running, and every task's state is shown. Returns whether @t
 * finished: only then may it be given to kthread_stop().
 */
#define test_wait_done(test, t, done, timeout) \
	__test_wait_done(test, t, done, timeout, __FILE__, __LINE__)

static inline bool __test_wait_done(struct kunit *test, struct task_struct *t,
				    struct completion *done,
				    unsigned long timeout, const char *file,
				    int line)
{
	if (wait_for_completion_timeout(done, timeout))
		return true;
	kunit_fail(test, file, line,
		   "%s did not finish in %lu ticks: left running; tasks:",
		   t->comm, timeout);
	show_state();
	return false;
}

/*
 * test_stop_finished() - kthread_stop() @t if @finished (what
 * test_wait_done() returned) and expect it to return 0; else leave @t
 * running (the case has already failed). Returns @finished.
 */
#define test_stop_finished(test, t, finished) \
	__test_stop_finished(test, t, finished, __FILE__, __LINE__)

static inline bool __test_stop_finished(struct kunit *test,
					struct task_struct *t, bool finished,
					const char *file, int line)
{
	int ret;

	if (!finished)
		return false;
	ret = kthread_stop(t);
	if (ret)
		kunit_fail(test, file, line,
			   "kthread_stop(%s) returned %d, expected 0", t->comm,
			   ret);
	return true;
}

/*
 * test_stop_if_done() - wait at most @timeout ticks for @done (completed
 * by thread @t as it finishes), then stop @t expecting 0 from
 * kthread_stop(); if it did not finish, fail the case and leave it
 * running (test_wait_done()). Returns whether @t was stopped. Use
 * test_wait_done() and test_stop_finished() instead when the case still
 * reads @t (its task_struct is freed by the stop).
 */
#define test_stop_if_done(test, t, done, timeout)                             \
	__test_stop_finished(                                                 \
		test, t,                                                      \
		__test_wait_done(test, t, done, timeout, __FILE__, __LINE__), \
		__FILE__, __LINE__)

#endif /* _TESTS_KERNEL_THREAD_TEST_H */
