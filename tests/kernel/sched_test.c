/*
 * tests/kernel/sched_test.c: suite "sched", kernel threads and the
 * scheduler (kernel/sched/, kernel/kthread.c), and the context switch
 * benchmark.
 *
 * The cases run in the boot task (swapper/0), which starts kernel threads
 * and waits for them. Every wait has a bound: a thread's own loop ends
 * at a jiffies deadline even if nobody stops it, and the runner waits
 * with timeouts, so a scheduler bug fails a case instead of hanging the
 * run. KUNIT_ASSERT_* must not be used inside a thread (it would jump to
 * the runner's stack): threads record what they saw and the runner
 * checks it. Each case must leave no thread behind: the suite's exit
 * checks that nr_free_pages() is back where the case started (a thread's
 * stack is returned when it has exited and been stopped).
 */
#include <hikern/bench.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

#define EINTR 4
/* How long the runner waits for anything a case starts. */
#define CASE_TIMEOUT (5 * HZ)

static unsigned long case_free_pages;

static int sched_test_init(struct kunit *test)
{
	(void)test;
	case_free_pages = nr_free_pages();
	return 0;
}

/* Every thread stopped and its stack back with the buddy allocator. */
static void sched_test_exit(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, nr_free_pages(), case_free_pages);
}

/* A deadline @ticks from now, for threads' own loops. */
static unsigned long deadline(unsigned long ticks)
{
	return jiffies + ticks;
}

static bool past(unsigned long when)
{
	return time_after_eq(jiffies, when);
}

/* ---------------------------------------------------------------------
 * kthread_stop() returns the thread's value; a thread stopped before it
 * ever ran returns -EINTR without running its function.
 */
static int wait_for_stop(void *data)
{
	unsigned long end = deadline(CASE_TIMEOUT);
	int *ran = data;

	*ran = 1;
	while (!kthread_should_stop() && !past(end))
		msleep(10);
	return kthread_should_stop() ? 1234 : -1;
}

static void kthread_stop_returns_value(struct kunit *test)
{
	struct task_struct *p;
	int ran = 0;

	p = kthread_run(wait_for_stop, &ran, "sched_stop");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_GT(test, p->pid, 0);
	/* Stopped before it runs, it would never call its function. */
	for (int i = 0; i < 100 && !READ_ONCE(ran); i++)
		msleep(1);
	KUNIT_EXPECT_EQ(test, kthread_stop(p), 1234);
	KUNIT_EXPECT_EQ(test, ran, 1);

	ran = 0;
	p = kthread_create(wait_for_stop, &ran, "sched_never");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, kthread_stop(p), -EINTR);
	KUNIT_EXPECT_EQ(test, ran, 0);
}

/* pids: 0 for the boot task, distinct and positive for threads. */
static void pids_and_names(struct kunit *test)
{
	struct task_struct *a, *b;
	int ran_a = 0, ran_b = 0;

	KUNIT_EXPECT_EQ(test, current->pid, 0);
	KUNIT_EXPECT_TRUE(test, current == &init_task);
	a = kthread_create(wait_for_stop, &ran_a, "sched_pid/%d", 1);
	b = kthread_create(wait_for_stop, &ran_b, "sched_pid/%d", 2);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_GT(test, a->pid, 0);
	KUNIT_EXPECT_GT(test, b->pid, a->pid);
	KUNIT_EXPECT_EQ(test, a->comm[10], '1');
	KUNIT_EXPECT_EQ(test, b->comm[10], '2');
	KUNIT_EXPECT_EQ(test, a->state, TASK_UNINTERRUPTIBLE);
	show_state();
	kthread_stop(a);
	kthread_stop(b);
}

/* ---------------------------------------------------------------------
 * Ping-pong: two threads take turns N times, over a wait queue and over
 * a pair of completions.
 */
#define PING_PONG_ROUNDS 200

struct ping_pong {
	struct wait_queue_head wq;
	struct completion to[2];    /* to[i]: thread i's turn */
	volatile unsigned int turn; /* wait queue version: whose turn */
	unsigned int rounds[2];
	bool timed_out;
	struct completion done[2];
};

struct player {
	struct ping_pong *pp;
	unsigned int me;
};

static int wq_player(void *data)
{
	struct player *pl = data;
	struct ping_pong *pp = pl->pp;

	for (unsigned int i = 0; i < PING_PONG_ROUNDS; i++) {
		if (!wait_event_timeout(pp->wq, pp->turn % 2 == pl->me, HZ)) {
			pp->timed_out = true;
			break;
		}
		pp->rounds[pl->me]++;
		pp->turn++;
		wake_up(&pp->wq);
	}
	complete(&pp->done[pl->me]);
	return (int)pp->rounds[pl->me];
}

static int completion_player(void *data)
{
	struct player *pl = data;
	struct ping_pong *pp = pl->pp;

	for (unsigned int i = 0; i < PING_PONG_ROUNDS; i++) {
		if (!wait_for_completion_timeout(&pp->to[pl->me], HZ)) {
			pp->timed_out = true;
			break;
		}
		pp->rounds[pl->me]++;
		complete(&pp->to[!pl->me]);
	}
	complete(&pp->done[pl->me]);
	return (int)pp->rounds[pl->me];
}

static void ping_pong(struct kunit *test, int (*fn)(void *))
{
	struct ping_pong pp = { .turn = 0 };
	struct player pl[2] = { { &pp, 0 }, { &pp, 1 } };
	struct task_struct *t[2];

	init_waitqueue_head(&pp.wq);
	for (int i = 0; i < 2; i++) {
		init_completion(&pp.to[i]);
		init_completion(&pp.done[i]);
	}
	complete(&pp.to[0]); /* thread 0 serves */
	for (int i = 0; i < 2; i++) {
		t[i] = kthread_run(fn, &pl[i], "sched_pp/%d", i);
		KUNIT_ASSERT_NOT_NULL(test, t[i]);
	}
	for (int i = 0; i < 2; i++)
		KUNIT_EXPECT_NE(
			test,
			wait_for_completion_timeout(&pp.done[i], CASE_TIMEOUT),
			0);
	KUNIT_EXPECT_FALSE(test, pp.timed_out);
	for (int i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(t[i]), PING_PONG_ROUNDS);
	if (fn == wq_player)
		KUNIT_EXPECT_EQ(test, pp.turn, 2 * PING_PONG_ROUNDS);
}

static void waitqueue_ping_pong(struct kunit *test)
{
	ping_pong(test, wq_player);
}

static void completion_ping_pong(struct kunit *test)
{
	ping_pong(test, completion_player);
}

/* ---------------------------------------------------------------------
 * msleep(20) is off the CPU for at least 2 ticks, and another thread of
 * the same CPU runs meanwhile.
 */
struct sleep_race {
	volatile unsigned long counter; /* the other thread's progress */
	volatile bool sleeper_done;
	unsigned long slept, progress;
};

static int msleeper(void *data)
{
	struct sleep_race *sr = data;
	unsigned long t0, c0;

	msleep(1); /* let the counter start */
	t0 = jiffies;
	c0 = sr->counter;
	msleep(20);
	sr->slept = jiffies - t0;
	sr->progress = sr->counter - c0;
	sr->sleeper_done = true;
	return 0;
}

/* Counts and yields until the sleeper is done (or the deadline). */
static int counter_thread(void *data)
{
	struct sleep_race *sr = data;
	unsigned long end = deadline(CASE_TIMEOUT);

	while (!sr->sleeper_done && !past(end)) {
		sr->counter++;
		yield();
	}
	while (!kthread_should_stop() && !past(end))
		msleep(1);
	return 0;
}

static void msleep_lets_others_run(struct kunit *test)
{
	struct sleep_race sr = { .counter = 0 };
	struct task_struct *s, *c;
	unsigned long end = deadline(CASE_TIMEOUT);

	s = kthread_create(msleeper, &sr, "sched_msleep");
	c = kthread_create(counter_thread, &sr, "sched_count");
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_NOT_NULL(test, c);
	kthread_bind(s, 0);
	kthread_bind(c, 0);
	wake_up_process(c);
	wake_up_process(s);
	while (!sr.sleeper_done && !past(end))
		msleep(5);
	KUNIT_EXPECT_TRUE(test, sr.sleeper_done);
	KUNIT_EXPECT_GE(test, sr.slept, 2);
	KUNIT_EXPECT_GT(test, sr.progress, 0);
	kunit_info(test,
		   "msleep(20): %lu ticks, the other thread ran %lu times",
		   sr.slept, sr.progress);
	kthread_stop(s);
	kthread_stop(c);
}

/* ---------------------------------------------------------------------
 * Preemption: a thread that never gives up the CPU does not starve
 * another one of the same CPU; with preemption disabled it does, until
 * preempt_enable() hands the CPU over at once.
 */
struct spin_race {
	volatile bool spinning;
	volatile bool other_ran;
	volatile unsigned long other_ran_at;
	bool seen_before_enable, seen_after_enable;
	bool no_preempt; /* spin with preemption disabled */
	unsigned long spin_ticks;
	struct task_struct *other; /* no_preempt: the spinner wakes it */
};

static int spinner(void *data)
{
	struct spin_race *sr = data;
	unsigned long end;

	sr->spinning = true;
	if (sr->no_preempt) {
		preempt_disable();
		/* Queued now, it can only run once we enable preemption. */
		wake_up_process(sr->other);
		end = deadline(sr->spin_ticks);
		while (!past(end))
			barrier();
		sr->seen_before_enable = sr->other_ran;
		preempt_enable();
		sr->seen_after_enable = sr->other_ran;
		return 0;
	}
	end = deadline(sr->spin_ticks);
	while (!kthread_should_stop() && !past(end))
		barrier();
	return 0;
}

static int other_thread(void *data)
{
	struct spin_race *sr = data;

	sr->other_ran_at = jiffies;
	sr->other_ran = true;
	return 0;
}

static void spin_race(struct kunit *test, struct spin_race *sr,
		      unsigned long *woken_at)
{
	struct task_struct *s, *o;
	unsigned long end = deadline(CASE_TIMEOUT);

	s = kthread_create(spinner, sr, "sched_spin");
	o = kthread_create(other_thread, sr, "sched_other");
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_NOT_NULL(test, o);
	kthread_bind(s, 0);
	kthread_bind(o, 0);
	sr->other = o;
	wake_up_process(s);
	/* The runner sleeps, so the spinner gets the CPU. */
	while (!sr->spinning && !past(end))
		msleep(1);
	*woken_at = jiffies;
	if (!sr->no_preempt)
		wake_up_process(o);
	while (!sr->other_ran && !past(end))
		msleep(1);
	KUNIT_EXPECT_TRUE(test, sr->other_ran);
	kthread_stop(o);
	kthread_stop(s);
}

static void preemption_prevents_starvation(struct kunit *test)
{
	struct spin_race sr = { .spin_ticks = 20 * RR_TIMESLICE };
	unsigned long woken_at;

	spin_race(test, &sr, &woken_at);
	/* One slice for the spinner, one for the runner, one tick slack. */
	KUNIT_EXPECT_LE(test, sr.other_ran_at - woken_at, 2 * RR_TIMESLICE + 1);
	kunit_info(test, "the other thread ran %lu ticks after its wake-up",
		   sr.other_ran_at - woken_at);
}

static void preempt_enable_reschedules(struct kunit *test)
{
	struct spin_race sr = { .no_preempt = true,
				.spin_ticks = 3 * RR_TIMESLICE };
	unsigned long woken_at;

	spin_race(test, &sr, &woken_at);
	KUNIT_EXPECT_FALSE(test, sr.seen_before_enable);
	KUNIT_EXPECT_TRUE(test, sr.seen_after_enable);
}

/* ---------------------------------------------------------------------
 * schedule() with preemption disabled: Linux's report, then it carries
 * on (the task is switched out and back, and the count is left alone).
 */
static void scheduling_while_atomic_is_reported(struct kunit *test)
{
	unsigned long before = nr_schedule_bug_reports;

	kunit_expect_report(test, "BUG",
			    "scheduling while atomic: %s/%d/0x%08x",
			    current->comm, current->pid, 2);
	preempt_disable();
	schedule();
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, nr_schedule_bug_reports, before + 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

/* ---------------------------------------------------------------------
 * Timeouts: nobody completes or wakes, the time runs out.
 */
static void completion_timeout_times_out(struct kunit *test)
{
	DECLARE_COMPLETION(c);
	unsigned long t0 = jiffies;

	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 5), 0);
	KUNIT_EXPECT_GE(test, jiffies - t0, 5);
	complete(&c);
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&c, 5), 0);
	KUNIT_EXPECT_FALSE(test, completion_done(&c));
}

static void wait_event_timeout_times_out(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	unsigned long t0 = jiffies;
	int cond = 0;

	KUNIT_EXPECT_EQ(test, wait_event_timeout(wq, cond, 4), 0);
	KUNIT_EXPECT_GE(test, jiffies - t0, 4);
	cond = 1;
	KUNIT_EXPECT_GT(test, wait_event_timeout(wq, cond, 4), 0);
}

/* ---------------------------------------------------------------------
 * The hung-task report: a thread blocked past a lowered timeout is
 * reported (once), then woken, and it exits.
 */
struct hung {
	struct completion release;
	volatile bool waiting;
};

static int hung_thread(void *data)
{
	struct hung *h = data;

	h->waiting = true;
	/* Uninterruptible and without a timeout: what the check looks for. */
	wait_for_completion(&h->release);
	return 7;
}

static void hung_task_is_reported(struct kunit *test)
{
	unsigned long saved = sysctl_hung_task_timeout_secs;
	unsigned long before = nr_hung_task_reports;
	unsigned long end = deadline(CASE_TIMEOUT);
	struct hung h = { .waiting = false };
	struct task_struct *p;

	init_completion(&h.release);
	p = kthread_run(hung_thread, &h, "sched_hung");
	KUNIT_ASSERT_NOT_NULL(test, p);
	sysctl_hung_task_timeout_secs = 1;
	kunit_info(test,
		   "expecting an INFO report: task %s:%d blocked for "
		   "more than 1 seconds",
		   p->comm, p->pid);
	while (nr_hung_task_reports == before && !past(end))
		msleep(50);
	sysctl_hung_task_timeout_secs = saved;
	KUNIT_EXPECT_EQ(test, nr_hung_task_reports, before + 1);
	KUNIT_EXPECT_TRUE(test, p->hung_reported);
	KUNIT_EXPECT_TRUE(test, h.waiting);
	complete(&h.release);
	KUNIT_EXPECT_EQ(test, kthread_stop(p), 7);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(kthread_stop_returns_value),
	KUNIT_CASE(pids_and_names),
	KUNIT_CASE(waitqueue_ping_pong),
	KUNIT_CASE(completion_ping_pong),
	KUNIT_CASE(msleep_lets_others_run),
	KUNIT_CASE(preemption_prevents_starvation),
	KUNIT_CASE(preempt_enable_reschedules),
	KUNIT_CASE(scheduling_while_atomic_is_reported),
	KUNIT_CASE(completion_timeout_times_out),
	KUNIT_CASE(wait_event_timeout_times_out),
	KUNIT_CASE(hung_task_is_reported),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
	.init = sched_test_init,
	.exit = sched_test_exit,
};
kunit_test_suite(sched_suite);

/* ---------------------------------------------------------------------
 * Benchmark "context_switch": two threads of CPU 0 yield to each other
 * while the runner waits; guest instructions per switch (half a
 * yield-to-yield round, the yield call included).
 */
#define SWITCH_ROUNDS 1000

struct switch_bench {
	volatile bool b_running, a_done;
	u32 cycles;
	struct completion done;
};

static int switch_a(void *data)
{
	struct switch_bench *sb = data;
	u32 t0;

	while (!sb->b_running)
		yield();
	t0 = bench_cycles();
	for (unsigned int i = 0; i < SWITCH_ROUNDS; i++)
		yield();
	sb->cycles = bench_cycles() - t0;
	sb->a_done = true;
	complete(&sb->done);
	return 0;
}

static int switch_b(void *data)
{
	struct switch_bench *sb = data;

	sb->b_running = true;
	while (!sb->a_done)
		yield();
	return 0;
}

static void bench_context_switch(void)
{
	struct switch_bench sb = { .b_running = false };
	struct task_struct *a, *b;

	init_completion(&sb.done);
	a = kthread_create(switch_a, &sb, "bench_a");
	b = kthread_create(switch_b, &sb, "bench_b");
	if (!a || !b)
		return;
	kthread_bind(a, 0);
	kthread_bind(b, 0);
	wake_up_process(a);
	wake_up_process(b);
	if (!wait_for_completion_timeout(&sb.done, CASE_TIMEOUT))
		pr_err("bench: context_switch: the threads did not finish\n");
	kthread_stop(a);
	kthread_stop(b);
	bench_report_per_op("context_switch", sb.cycles, 2 * SWITCH_ROUNDS);
}

static const struct bench sched_bench = {
	.name = "context_switch",
	.run = bench_context_switch,
};
bench_register(sched_bench);
