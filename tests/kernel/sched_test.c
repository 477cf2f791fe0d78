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
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/wait.h>
#include <string.h>

#include "kmap_test.h"
#include "thread_test.h"

#define EINTR 4 /* as kernel/kthread.c: linux/errno.h has not got it */

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

/* ---------------------------------------------------------------------
 * kthread_stop() returns the thread's value; a thread stopped before it
 * ever ran returns -EINTR without running its function.
 */
static int wait_for_stop(void *data)
{
	unsigned long end = deadline(CASE_TIMEOUT);
	int *ran = data;

	*ran = 1;
	while (!kthread_should_stop() && !test_past(end))
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

	while (!sr->sleeper_done && !test_past(end)) {
		sr->counter++;
		yield();
	}
	while (!kthread_should_stop() && !test_past(end))
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
	while (!sr.sleeper_done && !test_past(end))
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
		while (!test_past(end))
			barrier();
		sr->seen_before_enable = sr->other_ran;
		preempt_enable();
		sr->seen_after_enable = sr->other_ran;
		return 0;
	}
	end = deadline(sr->spin_ticks);
	while (!kthread_should_stop() && !test_past(end))
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
	while (!sr->spinning && !test_past(end))
		msleep(1);
	*woken_at = jiffies;
	if (!sr->no_preempt)
		wake_up_process(o);
	while (!sr->other_ran && !test_past(end))
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
	while (nr_hung_task_reports == before && !test_past(end))
		msleep(50);
	sysctl_hung_task_timeout_secs = saved;
	KUNIT_EXPECT_EQ(test, nr_hung_task_reports, before + 1);
	KUNIT_EXPECT_TRUE(test, p->hung_reported);
	KUNIT_EXPECT_TRUE(test, h.waiting);
	complete(&h.release);
	KUNIT_EXPECT_EQ(test, kthread_stop(p), 7);
}

/* ---------------------------------------------------------------------
 * Moving tasks between CPUs: set_cpus_allowed_ptr() and migrate_disable().
 * A is the last online CPU, B the first (the runner's); the cases that
 * move a task need both and are skipped with one CPU online.
 */
static bool two_cpus(struct kunit *test, unsigned int *a, unsigned int *b)
{
	unsigned int cpu;

	*a = *b = NR_CPUS;
	for_each_online_cpu(cpu)
	{
		if (*b == NR_CPUS)
			*b = cpu;
		*a = cpu;
	}
	if (*a != *b)
		return true;
	kunit_skip(test, "needs a second CPU online");
	return false;
}

/*
 * A new thread running @fn(@data), moved to @cpu while it is still
 * asleep (at once: set_cpus_allowed_ptr() of a task on no CPU), then
 * woken. NULL if it could not be created.
 */
static struct task_struct *run_on(struct kunit *test, int (*fn)(void *),
				  void *data, const char *name,
				  unsigned int cpu)
{
	struct task_struct *p = kthread_create(fn, data, "%s", name);

	if (!p)
		return NULL;
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(p, cpumask_of(cpu)), 0);
	KUNIT_EXPECT_EQ(test, task_cpu(p), cpu);
	KUNIT_EXPECT_EQ(test, p->cpus_mask.bits, 1UL << cpu);
	wake_up_process(p);
	return p;
}

/*
 * Asleep tasks move at once: the thread waits for a completion on A and
 * is moved to B, where the completion wakes it; then it sleeps in
 * msleep() on B (a timeout on B's runqueue) and is moved back to A,
 * whose tick must end that sleep.
 */
struct sleep_mover {
	struct completion go, done;
	volatile bool waiting, sleeping;
	bool timed_out;
	unsigned int cpu_first, cpu_woken, cpu_after_msleep;
	unsigned long slept;
};

static int sleep_mover_fn(void *data)
{
	struct sleep_mover *m = data;
	unsigned long t0;

	m->cpu_first = smp_processor_id();
	m->waiting = true;
	m->timed_out = !wait_for_completion_timeout(&m->go, CASE_TIMEOUT);
	m->cpu_woken = smp_processor_id();
	t0 = jiffies;
	m->sleeping = true;
	msleep(100);
	m->slept = jiffies - t0;
	m->cpu_after_msleep = smp_processor_id();
	complete(&m->done);
	return 0;
}

static void set_cpus_allowed_moves_sleeping_task(struct kunit *test)
{
	static struct sleep_mover m; /* the thread may outlive a failure */
	struct task_struct *p;
	unsigned int a, b, cpu_asleep_a = NR_CPUS, cpu_asleep_b = NR_CPUS;

	memset(&m, 0, sizeof(m));
	if (!two_cpus(test, &a, &b))
		return;
	init_completion(&m.go);
	init_completion(&m.done);
	p = run_on(test, sleep_mover_fn, &m, "sched_mover", a);
	KUNIT_ASSERT_NOT_NULL(test, p);
	if (test_wait_flag(&m.waiting, CASE_TIMEOUT) &&
	    test_wait_asleep(p, CASE_TIMEOUT)) {
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(p, cpumask_of(b)),
				0);
		cpu_asleep_a = task_cpu(p); /* moved before the call returned */
		KUNIT_EXPECT_FALSE(test, p->migration_pending);
	}
	complete(&m.go);
	if (test_wait_flag(&m.sleeping, CASE_TIMEOUT) &&
	    test_wait_asleep(p, CASE_TIMEOUT)) {
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(p, cpumask_of(a)),
				0);
		cpu_asleep_b = task_cpu(p);
	}
	test_stop_if_done(test, p, &m.done, CASE_TIMEOUT);
	kunit_info(test,
		   "asleep on CPU%u, moved to CPU%u, woken there on CPU%u; "
		   "in msleep(100) moved to CPU%u, woke after %lu ticks on "
		   "CPU%u",
		   m.cpu_first, cpu_asleep_a, m.cpu_woken, cpu_asleep_b,
		   m.slept, m.cpu_after_msleep);
	KUNIT_EXPECT_FALSE(test, m.timed_out);
	KUNIT_EXPECT_EQ(test, m.cpu_first, a);
	KUNIT_EXPECT_EQ(test, cpu_asleep_a, b);
	KUNIT_EXPECT_EQ(test, m.cpu_woken, b);
	KUNIT_EXPECT_EQ(test, cpu_asleep_b, a);
	KUNIT_EXPECT_EQ(test, m.cpu_after_msleep, a);
	KUNIT_EXPECT_GE(test, m.slept, 10);
	KUNIT_EXPECT_LT(test, m.slept, CASE_TIMEOUT);
}

/*
 * A running task moves at its next switch-out: a thread spinning alone
 * on A (never sleeping) is asked to go to B; its CPU reschedules (the
 * IPI), switches to its idle task and pushes it. The thread sees its
 * own CPU change once, from A to B.
 */
struct spin_mover {
	volatile bool stop;
	volatile unsigned int cpu_now;
	volatile unsigned long loops;
	unsigned int changes;
	struct completion done;
};

static int spin_mover_fn(void *data)
{
	struct spin_mover *s = data;
	unsigned long end = deadline(CASE_TIMEOUT);

	s->cpu_now = smp_processor_id();
	while (!s->stop && !test_past(end)) {
		unsigned int cpu = smp_processor_id();

		if (cpu != s->cpu_now) {
			s->cpu_now = cpu;
			s->changes++;
		}
		s->loops++;
	}
	complete(&s->done);
	return 0;
}

static void set_cpus_allowed_moves_running_task(struct kunit *test)
{
	static struct spin_mover s; /* the thread may outlive a failure */
	unsigned long end, loops, nvcsw = 0, switches;
	unsigned int a, b, cpu_after;
	struct task_struct *p;
	bool running = false, finished, pending_after;
	bool asked_moving = false;
	int ret = 1;

	memset(&s, 0, sizeof(s));
	s.cpu_now = NR_CPUS;
	if (!two_cpus(test, &a, &b))
		return;
	init_completion(&s.done);
	p = run_on(test, spin_mover_fn, &s, "sched_spin_mover", a);
	KUNIT_ASSERT_NOT_NULL(test, p);
	end = deadline(CASE_TIMEOUT);
	while (!s.loops && !test_past(end))
		msleep(1);
	/* Still counting across a tick: it is on A's CPU now. */
	loops = s.loops;
	msleep(20);
	running = s.loops != loops && s.cpu_now == a;
	if (running) {
		nvcsw = p->nvcsw;
		ret = set_cpus_allowed_ptr(p, cpumask_of(b));
		/*
		 * A running task is only asked: the move is pending, or B
		 * has already pushed it (it may, before this line).
		 */
		asked_moving =
			READ_ONCE(p->migration_pending) || task_cpu(p) == b;
		while (s.cpu_now != b && !test_past(end))
			msleep(1);
	}
	s.stop = true;
	finished = test_wait_done(test, p, &s.done, CASE_TIMEOUT);
	/* Read before the stop frees p. */
	cpu_after = task_cpu(p);
	switches = p->nvcsw - nvcsw;
	pending_after = READ_ONCE(p->migration_pending);
	test_stop_finished(test, p, finished);
	kunit_info(test,
		   "spinning on CPU%u, asked to go to CPU%u: now on CPU%u "
		   "(task_cpu %u), switched in %lu more times",
		   a, b, s.cpu_now, cpu_after, switches);
	KUNIT_EXPECT_TRUE(test, running);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_TRUE(test, asked_moving);
	KUNIT_EXPECT_EQ(test, s.cpu_now, b);
	KUNIT_EXPECT_EQ(test, s.changes, 1);
	KUNIT_EXPECT_EQ(test, cpu_after, b);
	KUNIT_EXPECT_GE(test, switches, 1);
	KUNIT_EXPECT_FALSE(test, pending_after);
}

/* Called on current, set_cpus_allowed_ptr() returns on the new CPU. */
struct self_mover {
	unsigned int b, cpu_before, cpu_after;
	int ret;
	struct completion done;
};

static int self_mover_fn(void *data)
{
	struct self_mover *s = data;

	s->cpu_before = smp_processor_id();
	s->ret = set_cpus_allowed_ptr(current, cpumask_of(s->b));
	s->cpu_after = smp_processor_id();
	complete(&s->done);
	return 0;
}

static void set_cpus_allowed_moves_current(struct kunit *test)
{
	static struct self_mover s; /* the thread may outlive a failure */
	struct task_struct *p;
	unsigned int a;

	memset(&s, 0, sizeof(s));
	s.ret = 1;
	if (!two_cpus(test, &a, &s.b))
		return;
	init_completion(&s.done);
	p = run_on(test, self_mover_fn, &s, "sched_self_mover", a);
	KUNIT_ASSERT_NOT_NULL(test, p);
	test_stop_if_done(test, p, &s.done, CASE_TIMEOUT);
	KUNIT_EXPECT_EQ(test, s.ret, 0);
	KUNIT_EXPECT_EQ(test, s.cpu_before, a);
	KUNIT_EXPECT_EQ(test, s.cpu_after, s.b);
}

/*
 * What set_cpus_allowed_ptr() refuses, with -EINVAL and nothing changed:
 * a kthread_bind()'ed thread, the boot task (an idle task), an empty
 * mask, a mask of offline CPUs only. Its own CPU is accepted without a
 * move. Runs with any number of CPUs.
 */
static void set_cpus_allowed_refuses(struct kunit *test)
{
	struct cpumask none = CPU_MASK_NONE, offline = CPU_MASK_NONE, free_mask;
	struct task_struct *bound, *free;
	unsigned int cpu, free_cpu;
	int ran = 0;

	bound = kthread_create(wait_for_stop, &ran, "sched_bound");
	free = kthread_create(wait_for_stop, &ran, "sched_free");
	KUNIT_ASSERT_NOT_NULL(test, bound);
	KUNIT_ASSERT_NOT_NULL(test, free);
	kthread_bind(bound, 0);
	KUNIT_EXPECT_EQ(test, bound->cpus_mask.bits, 1UL);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(bound, cpu_online_mask),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, bound->cpus_mask.bits, 1UL);
	KUNIT_EXPECT_EQ(test, task_cpu(bound), 0);
	KUNIT_EXPECT_EQ(
		test,
		set_cpus_allowed_ptr(current, cpumask_of(task_cpu(current))),
		-EINVAL);

	/* A new thread may use every online CPU. */
	for_each_online_cpu(cpu) KUNIT_EXPECT_TRUE(
		test, cpumask_test_cpu(cpu, &free->cpus_mask));
	free_cpu = task_cpu(free);
	free_mask = free->cpus_mask; /* what the refused calls must leave */
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(free, &none), -EINVAL);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			cpumask_set_cpu(cpu, &offline);
	if (!cpumask_empty(&offline)) {
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(free, &offline),
				-EINVAL);
		kunit_info(test, "offline-only mask 0x%lx refused",
			   offline.bits);
	} else {
		kunit_info(test, "every CPU online: no offline-only mask");
	}
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&free->cpus_mask, &free_mask));
	KUNIT_EXPECT_EQ(test, task_cpu(free), free_cpu);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(free, cpumask_of(free_cpu)),
			0);
	KUNIT_EXPECT_EQ(test, task_cpu(free), free_cpu);
	KUNIT_EXPECT_EQ(test, free->cpus_mask.bits, 1UL << free_cpu);
	KUNIT_EXPECT_FALSE(test, free->migration_pending);
	KUNIT_EXPECT_EQ(test, kthread_stop(bound), -EINTR);
	KUNIT_EXPECT_EQ(test, kthread_stop(free), -EINTR);
	KUNIT_EXPECT_EQ(test, ran, 0);
}

/*
 * migrate_disable() defers the move: a thread on A disables migration
 * twice and spins; asked to go to B, it stays on A while a busy thread
 * bound to A preempts it several times; after one migrate_enable() it is
 * still on A, and the second one moves it: its next line runs on B.
 */
#define PINNED_SWITCHES 3

struct pinned {
	unsigned int a, b;
	volatile bool disabled, release, done;
	volatile unsigned long busy_rounds;
	int depth;
	unsigned int cpu_disabled, wrong_cpu, cpu_one_left, cpu_enabled;
	unsigned long switches;
	struct completion pinned_done, busy_done;
};

static int pinned_fn(void *data)
{
	struct pinned *s = data;
	unsigned long end = deadline(CASE_TIMEOUT), nvcsw;

	migrate_disable();
	migrate_disable();
	s->depth = current->migration_disabled;
	s->cpu_disabled = smp_processor_id();
	nvcsw = current->nvcsw;
	s->disabled = true;
	while (!s->release && !test_past(end))
		s->wrong_cpu += smp_processor_id() != s->a;
	s->switches = current->nvcsw - nvcsw;
	migrate_enable();
	s->cpu_one_left = smp_processor_id();
	migrate_enable();
	s->cpu_enabled = smp_processor_id();
	s->done = true;
	complete(&s->pinned_done);
	return 0;
}

static int pinned_busy_fn(void *data)
{
	struct pinned *s = data;
	unsigned long end = deadline(CASE_TIMEOUT);

	while (!s->done && !test_past(end))
		s->busy_rounds++;
	complete(&s->busy_done);
	return 0;
}

static void migrate_disable_defers_move(struct kunit *test)
{
	static struct pinned s;
	struct task_struct *p, *busy;
	unsigned long end, nvcsw = 0;
	unsigned int asked_cpu = NR_CPUS, held_cpu = NR_CPUS, cpu_after;
	bool asked_pending = false, p_finished, busy_finished, pending_after;
	int ret = 1;

	memset(&s, 0, sizeof(s));
	if (!two_cpus(test, &s.a, &s.b))
		return;
	init_completion(&s.pinned_done);
	init_completion(&s.busy_done);
	busy = kthread_create(pinned_busy_fn, &s, "sched_pin_busy");
	KUNIT_ASSERT_NOT_NULL(test, busy);
	kthread_bind(busy, s.a);
	wake_up_process(busy);
	p = run_on(test, pinned_fn, &s, "sched_pinned", s.a);
	KUNIT_ASSERT_NOT_NULL(test, p);
	if (test_wait_flag(&s.disabled, CASE_TIMEOUT)) {
		nvcsw = p->nvcsw;
		ret = set_cpus_allowed_ptr(p, cpumask_of(s.b));
		asked_cpu = task_cpu(p);
		asked_pending = p->migration_pending;
		/* Switched out and in again, with migration disabled. */
		end = deadline(CASE_TIMEOUT);
		while (p->nvcsw - nvcsw < PINNED_SWITCHES && !test_past(end))
			msleep(5);
		held_cpu = task_cpu(p);
	}
	s.release = true;
	p_finished = test_wait_done(test, p, &s.pinned_done, CASE_TIMEOUT);
	busy_finished = test_wait_done(test, busy, &s.busy_done, CASE_TIMEOUT);
	/* Read before the stop frees p. */
	cpu_after = task_cpu(p);
	pending_after = READ_ONCE(p->migration_pending);
	test_stop_finished(test, p, p_finished);
	test_stop_finished(test, busy, busy_finished);
	kunit_info(test,
		   "pinned on CPU%u (depth %d), asked to go to CPU%u: "
		   "switched in %lu times on CPU%u; one migrate_enable: CPU%u, "
		   "two: CPU%u",
		   s.cpu_disabled, s.depth, s.b, s.switches, held_cpu,
		   s.cpu_one_left, s.cpu_enabled);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, s.depth, 2);
	KUNIT_EXPECT_EQ(test, s.cpu_disabled, s.a);
	KUNIT_EXPECT_EQ(test, asked_cpu, s.a);
	KUNIT_EXPECT_TRUE(test, asked_pending);
	KUNIT_EXPECT_GE(test, s.switches, PINNED_SWITCHES);
	KUNIT_EXPECT_EQ(test, held_cpu, s.a);
	KUNIT_EXPECT_EQ(test, s.wrong_cpu, 0);
	KUNIT_EXPECT_EQ(test, s.cpu_one_left, s.a);
	KUNIT_EXPECT_EQ(test, s.cpu_enabled, s.b);
	KUNIT_EXPECT_EQ(test, cpu_after, s.b);
	KUNIT_EXPECT_FALSE(test, pending_after);
}

/*
 * migrate_enable() without migrate_disable(): the debug build's WARNING
 * (include/linux/sched.h), and the count is left at 0 rather than driven
 * negative (a negative count would keep the task pinned after its next
 * migrate_disable()/migrate_enable() pair).
 */
static void migrate_enable_unmatched_warns(struct kunit *test)
{
	if (!CONFIG_DEBUG) {
		kunit_skip(test, "the check is in the debug build only");
		return;
	}
	KUNIT_ASSERT_EQ(test, current->migration_disabled, 0);
	kunit_expect_report(test, "WARNING",
			    "migrate_enable() without migrate_disable()");
	kmap_test_capture_start();
	migrate_enable();
	kmap_test_capture_stop();
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("WARNING: CPU: "));
	KUNIT_EXPECT_TRUE(test,
			  kmap_test_captured("at include/linux/sched.h:"));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured(" migrate_enable()"));
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 0);
	/* A matched pair afterwards works as before. */
	migrate_disable();
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 1);
	migrate_enable();
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 0);
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
	KUNIT_CASE(set_cpus_allowed_moves_sleeping_task),
	KUNIT_CASE(set_cpus_allowed_moves_running_task),
	KUNIT_CASE(set_cpus_allowed_moves_current),
	KUNIT_CASE(set_cpus_allowed_refuses),
	KUNIT_CASE(migrate_disable_defers_move),
	KUNIT_CASE(migrate_enable_unmatched_warns),
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
