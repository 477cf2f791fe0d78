/*
 * tests/kernel/kmap_sleep_test.c: suite "kmap_sleep", the highmem maps
 * that need other tasks to show what they promise: a kmap() on a full
 * pkmap window sleeps on pkmap_map_wait until another thread's kunmap()
 * frees a slot (mm/highmem.c), a waiter stuck too long gets the hung-task
 * report (kernel/hung_task.c), and kmap_local_page() maps survive their
 * task being switched out while other tasks use the same CPU's slots
 * (mm/kmap_local.c).
 *
 * The runner (the boot task) starts the threads and waits for each step
 * with a timeout: a step that never comes fails the case with the
 * threads' states printed (show_state()) instead of hanging the run,
 * and the case then releases everything so the threads can end. Threads
 * never use KUNIT_ASSERT_* (it would jump to the runner's stack): they
 * record what they saw and the runner checks it. The suite's exit checks
 * that every thread's stack and every page came back (nr_free_pages())
 * and no pkmap slot keeps a user.
 */
#include <kunit/private.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/wait.h>

#include <string.h>

#include "kmap_test.h"

/* How long the runner waits for any step a thread should reach. */
#define STEP_TIMEOUT (5 * HZ)
#define SEED 0x5eed

static unsigned long case_free_pages;

static int kmap_sleep_init(struct kunit *test)
{
	(void)test;
	case_free_pages = nr_free_pages();
	return 0;
}

static void kmap_sleep_exit(struct kunit *test)
{
	unsigned int busy = 0;

	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		busy += pkmap_kunit_count(i) > 1;
	KUNIT_EXPECT_EQ(test, busy, 0);
	kmap_flush_unused();
	kmap_test_release();
	/* Every thread stopped (stacks freed), every page given back. */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), case_free_pages);
}

/* Write page's pattern into its first and last words. */
static void fill_pattern(struct page *page)
{
	u32 *p = kmap_atomic(page);

	p[0] = kmap_test_pattern(page_to_pfn(page), 0, SEED);
	p[1023] = kmap_test_pattern(page_to_pfn(page), 1023, SEED);
	kunmap_atomic(p);
}

static bool has_pattern(const u32 *p, struct page *page)
{
	return p[0] == kmap_test_pattern(page_to_pfn(page), 0, SEED) &&
	       p[1023] == kmap_test_pattern(page_to_pfn(page), 1023, SEED);
}

/*
 * A wait for a thread's step, bounded: on timeout the case fails with
 * every task's state and backtrace, so the reader sees where it stuck.
 */
static bool step(struct kunit *test, struct completion *c, const char *what)
{
	if (wait_for_completion_timeout(c, STEP_TIMEOUT))
		return true;
	kunit_fail(test, __FILE__, __LINE__,
		   "watchdog: no '%s' after %d ticks; tasks:", what,
		   STEP_TIMEOUT);
	show_state();
	return false;
}

/* ---------------------------------------------------------------------
 * A full window: the holder kmaps LAST_PKMAP distinct pages; the waiter's
 * kmap of one more sleeps until the holder kunmaps one.
 */
struct full_window {
	struct page **pages; /* LAST_PKMAP + 1 highmem pages */
	unsigned int victim; /* the page the holder gives back first */
	struct completion held, unmap_one, unmap_rest, waiter_done;
	/* the holder's findings */
	unsigned int mapped; /* distinct pkmap addresses it got */
	bool holder_data_ok; /* each page read its pattern */
	/* the waiter's */
	void *waiter_addr;
	bool waiter_data_ok;
	unsigned long waiter_woken_at;
};

/*
 * The holder waits for the runner's go in short sleeps, never one long
 * TASK_UNINTERRUPTIBLE sleep: the hung-task case must see the kmap
 * waiter reported, and only it. Bounded: the runner always completes
 * both steps, even after a failure.
 */
static void holder_wait(struct completion *c)
{
	unsigned long end = jiffies + 4 * STEP_TIMEOUT;

	while (!completion_done(c) && !time_after_eq(jiffies, end))
		msleep(10);
}

static int holder_thread(void *data)
{
	struct full_window *w = data;
	bool ok = true;

	w->mapped = 0;
	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		u32 *p = kmap(w->pages[i]);

		w->mapped += p && page_address(w->pages[i]) == p;
		ok &= p && has_pattern(p, w->pages[i]);
	}
	w->holder_data_ok = ok;
	complete(&w->held);
	holder_wait(&w->unmap_one);
	kunmap(w->pages[w->victim]);
	holder_wait(&w->unmap_rest);
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (i != w->victim)
			kunmap(w->pages[i]);
	return 0;
}

static int waiter_thread(void *data)
{
	struct full_window *w = data;
	struct page *page = w->pages[LAST_PKMAP];
	u32 *p = kmap(page); /* sleeps: every slot has a user */

	w->waiter_woken_at = jiffies;
	w->waiter_addr = p;
	w->waiter_data_ok = p && has_pattern(p, page);
	kunmap(page);
	complete(&w->waiter_done);
	return 0;
}

/* The entry at the head of pkmap_map_wait is task p's. */
static bool pkmap_waiter_is(struct task_struct *p)
{
	wait_queue_head_t *wq = pkmap_kunit_wait_queue();
	struct wait_queue_entry *e;

	if (!waitqueue_active(wq))
		return false;
	e = list_first_entry(&wq->head, struct wait_queue_entry, entry);
	return e->private == p;
}

/* Poll (msleep) until p sleeps on pkmap_map_wait; false after a timeout. */
static bool wait_until_pkmap_sleeper(struct task_struct *p)
{
	unsigned long end = jiffies + STEP_TIMEOUT;

	while (!(pkmap_waiter_is(p) &&
		 READ_ONCE(p->state) == TASK_UNINTERRUPTIBLE &&
		 READ_ONCE(p->blocked))) {
		if (time_after_eq(jiffies, end))
			return false;
		msleep(10);
	}
	return true;
}

/* Pages with their patterns; the window emptied of count-1 slots. */
static void full_window_setup(struct kunit *test, struct full_window *w)
{
	memset(w, 0, sizeof(*w));
	w->pages = lowmem_page_address(kmap_test_lowpage(test));
	kmap_test_highpages(test, w->pages, LAST_PKMAP + 1);
	for (unsigned int i = 0; i <= LAST_PKMAP; i++)
		fill_pattern(w->pages[i]);
	w->victim = 7;
	init_completion(&w->held);
	init_completion(&w->unmap_one);
	init_completion(&w->unmap_rest);
	init_completion(&w->waiter_done);
	kmap_flush_unused();
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		KUNIT_ASSERT_EQ(test, pkmap_kunit_count(i), 0);
}

/* Let both threads finish whatever happened, and stop them. */
static void full_window_teardown(struct kunit *test, struct full_window *w,
				 struct task_struct *holder,
				 struct task_struct *waiter)
{
	complete(&w->unmap_one);
	complete(&w->unmap_rest);
	if (waiter)
		KUNIT_EXPECT_EQ(test, kthread_stop(waiter), 0);
	KUNIT_EXPECT_EQ(test, kthread_stop(holder), 0);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(pkmap_kunit_wait_queue()));
	/* Every slot back to free or mapped-without-users. */
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		KUNIT_EXPECT_LE(test, pkmap_kunit_count(i), 1);
}

static void kmap_sleeps_until_kunmap(struct kunit *test)
{
	struct full_window w;
	struct task_struct *holder, *waiter = NULL;
	unsigned long victim_slot, unmapped_at;
	unsigned int busy = 0;

	full_window_setup(test, &w);
	holder = kthread_run(holder_thread, &w, "kmap_holder");
	KUNIT_ASSERT_NOT_NULL(test, holder);
	if (!step(test, &w.held, "holder mapped the window"))
		goto out;
	KUNIT_EXPECT_EQ(test, w.mapped, LAST_PKMAP);
	KUNIT_EXPECT_TRUE(test, w.holder_data_ok);
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		busy += pkmap_kunit_count(i) == 2;
	KUNIT_EXPECT_EQ(test, busy, LAST_PKMAP);
	victim_slot = PKMAP_NR(page_address(w.pages[w.victim]));

	waiter = kthread_run(waiter_thread, &w, "kmap_waiter");
	KUNIT_ASSERT_NOT_NULL(test, waiter);
	/* Proof it sleeps: queued on pkmap_map_wait, off the CPU, in D. */
	if (!wait_until_pkmap_sleeper(waiter)) {
		kunit_fail(test, __FILE__, __LINE__,
			   "kmap_waiter never slept on pkmap_map_wait; tasks:");
		show_state();
		goto out;
	}
	msleep(30); /* and it stays asleep while the window is full */
	KUNIT_EXPECT_TRUE(test, pkmap_waiter_is(waiter));
	KUNIT_EXPECT_EQ(test, READ_ONCE(waiter->state), TASK_UNINTERRUPTIBLE);
	KUNIT_EXPECT_FALSE(test, completion_done(&w.waiter_done));
	KUNIT_EXPECT_NULL(test, page_address(w.pages[LAST_PKMAP]));

	unmapped_at = jiffies;
	complete(&w.unmap_one);
	if (!step(test, &w.waiter_done, "waiter woke and read its page"))
		goto out;
	KUNIT_EXPECT_TRUE(test, time_after_eq(w.waiter_woken_at, unmapped_at));
	/* The freed slot, flushed by the wrap-around, now maps its page. */
	KUNIT_EXPECT_EQ(test, (unsigned long)w.waiter_addr,
			PKMAP_ADDR(victim_slot));
	KUNIT_EXPECT_TRUE(test, w.waiter_data_ok);
out:
	full_window_teardown(test, &w, holder, waiter);
}

/*
 * The same sleeper, left asleep past a lowered hung-task timeout: the
 * INFO report names it and its backtrace goes through pkmap_wait.
 */
static void kmap_waiter_gets_hung_task_report(struct kunit *test)
{
	unsigned long saved = sysctl_hung_task_timeout_secs;
	unsigned long before = nr_hung_task_reports;
	struct task_struct *holder, *waiter = NULL;
	unsigned long end;
	struct full_window w;
	char line[80];

	full_window_setup(test, &w);
	holder = kthread_run(holder_thread, &w, "kmap_holder");
	KUNIT_ASSERT_NOT_NULL(test, holder);
	if (!step(test, &w.held, "holder mapped the window"))
		goto out;
	waiter = kthread_run(waiter_thread, &w, "kmap_waiter");
	KUNIT_ASSERT_NOT_NULL(test, waiter);
	if (!wait_until_pkmap_sleeper(waiter)) {
		kunit_fail(test, __FILE__, __LINE__,
			   "kmap_waiter never slept on pkmap_map_wait");
		goto out;
	}
	kunit_info(test,
		   "expecting an INFO report: task %s:%d blocked for more "
		   "than 1 seconds",
		   waiter->comm, waiter->pid);
	kmap_test_capture_start();
	sysctl_hung_task_timeout_secs = 1;
	end = jiffies + STEP_TIMEOUT;
	while (!READ_ONCE(waiter->hung_reported) &&
	       !time_after_eq(jiffies, end))
		msleep(50);
	sysctl_hung_task_timeout_secs = saved;
	kmap_test_capture_stop();
	KUNIT_EXPECT_TRUE(test, waiter->hung_reported);
	KUNIT_EXPECT_EQ(test, nr_hung_task_reports, before + 1);
	snprintf(line, sizeof(line),
		 "INFO: task kmap_waiter:%d blocked for "
		 "more than ",
		 waiter->pid);
	KUNIT_EXPECT_TRUE(test, kmap_test_captured(line));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("state:D"));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("(pkmap_wait) from"));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("(waiter_thread)"));
	/* Reported, still asleep; one kunmap wakes it as before. */
	KUNIT_EXPECT_FALSE(test, completion_done(&w.waiter_done));
	complete(&w.unmap_one);
	if (step(test, &w.waiter_done, "waiter woke after the report"))
		KUNIT_EXPECT_TRUE(test, w.waiter_data_ok);
out:
	sysctl_hung_task_timeout_secs = saved;
	full_window_teardown(test, &w, holder, waiter);
}

static struct kunit_case kmap_sleep_cases[] = {
	KUNIT_CASE(kmap_sleeps_until_kunmap),
	KUNIT_CASE(kmap_waiter_gets_hung_task_report),
	{},
};

static struct kunit_suite kmap_sleep_suite = {
	.name = "kmap_sleep",
	.test_cases = kmap_sleep_cases,
	.init = kmap_sleep_init,
	.exit = kmap_sleep_exit,
};
kunit_test_suite(kmap_sleep_suite);
