/*
 * tests/kernel/mutex_test.c: suite "mutex", the sleeping lock
 * (kernel/locking/mutex.c) and module_mutex (kernel/module.c).
 *
 * Threads on every CPU count under one mutex, sleeping inside it now and
 * then (a spinlock holder could not); a waiter is seen asleep in state D
 * and gets the lock when it is released, waiters get it in arrival order
 * (hand-off); trylock fails while another task holds it; the debug
 * build's reports (unlock by a task that is not the owner, recursion);
 * three loaders load and unload modules at once (two of them the same
 * module) while a fourth thread, the watcher, counts the module list.
 *
 * As in sched_test.c, every wait is bounded: threads end their own loops
 * at a jiffies deadline and the runner waits with timeouts; a thread
 * that did not finish is left running rather than stopped (kthread_stop()
 * would wait for it for ever) and the case fails. Threads record what
 * they saw and the runner checks it (KUNIT_ASSERT_* only in the runner).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/memory.h>
#include <string.h>

#include "kmap_test.h"
#include "module_test.h"
#include "thread_test.h"

/* How long the runner waits for anything a case starts. */
#define CASE_TIMEOUT (10 * HZ)

/* ---- counter exactness ---- */

#define COUNT_ROUNDS 300
#define THREADS_PER_CPU 2
#define MAX_COUNTERS (NR_CPUS * THREADS_PER_CPU)

struct counter_race {
	struct mutex lock;
	unsigned long counter; /* only under lock */
	int inside;	       /* holders at once: must stay 1 */
	int max_inside;
	unsigned int slept_inside;
	struct completion done[MAX_COUNTERS];
	unsigned int rounds[MAX_COUNTERS];
	unsigned long end;
};

struct counter_arg {
	struct counter_race *r;
	unsigned int id;
};

static int counter_fn(void *data)
{
	struct counter_arg *a = data;
	struct counter_race *r = a->r;
	unsigned int i;

	for (i = 0; i < COUNT_ROUNDS && !test_past(r->end); i++) {
		unsigned long v;

		mutex_lock(&r->lock);
		if (++r->inside > r->max_inside)
			r->max_inside = r->inside;
		v = r->counter;
		/* A holder that sleeps: only a sleeping lock allows it. */
		if ((i + a->id) % 32 == 0) {
			msleep(1);
			r->slept_inside++;
		}
		r->counter = v + 1;
		r->inside--;
		mutex_unlock(&r->lock);
	}
	r->rounds[a->id] = i;
	complete(&r->done[a->id]);
	return 0;
}

static void mutex_counter_exact(struct kunit *test)
{
	static struct counter_race r; /* threads may outlive a failure */
	static struct counter_arg args[MAX_COUNTERS];
	struct task_struct *tasks[MAX_COUNTERS];
	unsigned int cpu, n = 0, i, total = 0;

	memset(&r, 0, sizeof(r));
	mutex_init(&r.lock);
	r.end = jiffies + CASE_TIMEOUT;
	for_each_online_cpu(cpu)
	{
		for (unsigned int t = 0; t < THREADS_PER_CPU; t++) {
			struct task_struct *p;

			args[n].r = &r;
			args[n].id = n;
			init_completion(&r.done[n]);
			p = kthread_create(counter_fn, &args[n],
					   "mutex_count/%u", n);
			if (!p)
				goto created; /* n short: the case fails */
			kthread_bind(p, cpu);
			tasks[n++] = p;
		}
	}
created:
	for (i = 0; i < n; i++)
		wake_up_process(tasks[i]);
	for (i = 0; i < n; i++) {
		test_stop_if_done(test, tasks[i], &r.done[i], CASE_TIMEOUT);
		total += r.rounds[i];
	}
	kunit_info(test,
		   "%u threads on %u CPUs: counter %lu, %u sleeps inside the "
		   "lock",
		   n, num_online_cpus(), r.counter, r.slept_inside);
	KUNIT_EXPECT_EQ(test, n, num_online_cpus() * THREADS_PER_CPU);
	KUNIT_EXPECT_EQ(test, total, n * COUNT_ROUNDS);
	KUNIT_EXPECT_EQ(test, r.counter, (unsigned long)total);
	KUNIT_EXPECT_EQ(test, r.max_inside, 1);
	KUNIT_EXPECT_GT(test, r.slept_inside, 0);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&r.lock));
}

/* ---- a waiter sleeps in D, and gets the lock in its turn ---- */

#define NR_WAITERS 3

struct waiters {
	struct mutex lock;
	volatile bool got[NR_WAITERS];
	unsigned int order[NR_WAITERS], next;
	struct task_struct *owner_at_wake[NR_WAITERS];
	struct completion done[NR_WAITERS];
};

struct waiter_arg {
	struct waiters *w;
	unsigned int id;
};

static int waiter_fn(void *data)
{
	struct waiter_arg *a = data;
	struct waiters *w = a->w;

	mutex_lock(&w->lock);
	w->owner_at_wake[a->id] = READ_ONCE(w->lock.owner);
	w->order[w->next++] = a->id;
	w->got[a->id] = true;
	mutex_unlock(&w->lock);
	complete(&w->done[a->id]);
	return 0;
}

/*
 * The runner holds the lock; the waiters come one at a time, each seen
 * asleep in TASK_UNINTERRUPTIBLE before the next starts. On release they
 * get it in that order, each already the owner when it wakes.
 */
static void mutex_waiter_sleeps_then_wakes(struct kunit *test)
{
	static struct waiters w;
	static struct waiter_arg args[NR_WAITERS];
	struct task_struct *tasks[NR_WAITERS];
	unsigned int i, n = 0;

	memset(&w, 0, sizeof(w));
	mutex_init(&w.lock);
	mutex_lock(&w.lock);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&w.lock));
	for (i = 0; i < NR_WAITERS; i++) {
		args[i].w = &w;
		args[i].id = i;
		init_completion(&w.done[i]);
		tasks[i] =
			kthread_create(waiter_fn, &args[i], "mutex_wait/%u", i);
		if (!tasks[i])
			break;
		n++;
		wake_up_process(tasks[i]);
		KUNIT_EXPECT_TRUE(test,
				  test_wait_asleep(tasks[i], CASE_TIMEOUT));
		KUNIT_EXPECT_EQ(test, READ_ONCE(tasks[i]->state),
				TASK_UNINTERRUPTIBLE);
		KUNIT_EXPECT_FALSE(test, w.got[i]);
	}
	KUNIT_EXPECT_EQ(test, n, NR_WAITERS);
	msleep(20); /* still nobody gets it while we hold it */
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_FALSE(test, w.got[i]);
	KUNIT_EXPECT_PTR_EQ(test, w.lock.owner, current);
	mutex_unlock(&w.lock);
	for (i = 0; i < n; i++)
		test_stop_if_done(test, tasks[i], &w.done[i], CASE_TIMEOUT);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_TRUE(test, w.got[i]);
		KUNIT_EXPECT_EQ(test, w.order[i], i);
		KUNIT_EXPECT_PTR_EQ(test, w.owner_at_wake[i], tasks[i]);
	}
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&w.lock));
}

/* ---- a holder thread, for trylock and the wrong-owner unlock ---- */

struct holder {
	struct mutex *lock;
	volatile bool held, release;
	bool skip_unlock; /* someone else unlocks it for us */
	struct completion done;
};

static int holder_fn(void *data)
{
	struct holder *h = data;
	unsigned long end = jiffies + CASE_TIMEOUT;

	mutex_lock(h->lock);
	h->held = true;
	while (!h->release && !test_past(end))
		msleep(1);
	if (!h->skip_unlock)
		mutex_unlock(h->lock);
	complete(&h->done);
	return 0;
}

static struct task_struct *start_holder(struct kunit *test, struct holder *h,
					struct mutex *lock, bool skip_unlock)
{
	struct task_struct *p;

	memset(h, 0, sizeof(*h));
	h->lock = lock;
	h->skip_unlock = skip_unlock;
	init_completion(&h->done);
	p = kthread_run(holder_fn, h, "mutex_holder");
	if (p)
		KUNIT_EXPECT_TRUE(test, test_wait_flag(&h->held, CASE_TIMEOUT));
	return p;
}

static DEFINE_MUTEX(test_mutex);

static void mutex_trylock_fails_while_held(struct kunit *test)
{
	static struct holder h;
	struct task_struct *p = start_holder(test, &h, &test_mutex, false);
#if CONFIG_DEBUG_MUTEXES
	unsigned long reports;
#endif

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&test_mutex));
	KUNIT_EXPECT_EQ(test, mutex_trylock(&test_mutex), 0);
	KUNIT_EXPECT_PTR_EQ(test, test_mutex.owner, p);
	h.release = true;
	test_stop_if_done(test, p, &h.done, CASE_TIMEOUT);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&test_mutex));
	KUNIT_EXPECT_EQ(test, mutex_trylock(&test_mutex), 1);
	KUNIT_EXPECT_PTR_EQ(test, test_mutex.owner, current);
	/* The owner's own trylock fails too: no recursion, no report. */
#if CONFIG_DEBUG_MUTEXES
	reports = nr_mutex_debug_reports;
#endif
	KUNIT_EXPECT_EQ(test, mutex_trylock(&test_mutex), 0);
#if CONFIG_DEBUG_MUTEXES
	KUNIT_EXPECT_EQ(test, nr_mutex_debug_reports, reports);
#endif
	mutex_unlock(&test_mutex);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&test_mutex));
}

#if CONFIG_DEBUG_MUTEXES
static void mutex_unlock_wrong_owner_warns(struct kunit *test)
{
	static struct holder h;
	unsigned long before = nr_mutex_debug_reports;
	struct task_struct *p = start_holder(test, &h, &test_mutex, true);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_expect_report(test, "WARNING",
			    "mutex_unlock() of a mutex %s holds", p->comm);
	kmap_test_capture_start();
	mutex_unlock(&test_mutex);
	kmap_test_capture_stop();
	KUNIT_EXPECT_EQ(test, nr_mutex_debug_reports, before + 1);
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("DEBUG_LOCKS_WARN_ON("
						   "__owner_task(owner) != "
						   "current)"));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("WARNING: CPU: "));
	KUNIT_EXPECT_TRUE(test,
			  kmap_test_captured("at kernel/locking/mutex.c:"));
	/* The unlock went ahead, as Linux's. */
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&test_mutex));
	h.release = true;
	test_stop_if_done(test, p, &h.done, CASE_TIMEOUT);
	KUNIT_EXPECT_EQ(test, nr_mutex_debug_reports, before + 1);
}

struct recursion {
	struct mutex lock;
	bool second_returned;
	struct task_struct *owner_after;
	struct completion done;
};

static int recursion_fn(void *data)
{
	struct recursion *r = data;

	mutex_lock(&r->lock);
	mutex_lock(&r->lock); /* reported, does not wait */
	r->second_returned = true;
	r->owner_after = r->lock.owner;
	mutex_unlock(&r->lock);
	complete(&r->done);
	return 0;
}

/* In a thread, so a check that failed to fire hangs it, not the run. */
static void mutex_recursion_reported(struct kunit *test)
{
	static struct recursion r;
	unsigned long before = nr_mutex_debug_reports;
	struct task_struct *p;

	memset(&r, 0, sizeof(r));
	mutex_init(&r.lock);
	init_completion(&r.done);
	p = kthread_create(recursion_fn, &r, "mutex_recurse");
	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_expect_report(test, "WARNING",
			    "%s takes a mutex it holds: possible recursive "
			    "locking detected",
			    p->comm);
	kmap_test_capture_start();
	wake_up_process(p);
	test_stop_if_done(test, p, &r.done, CASE_TIMEOUT);
	kmap_test_capture_stop();
	KUNIT_EXPECT_TRUE(test, r.second_returned);
	KUNIT_EXPECT_PTR_EQ(test, r.owner_after, p);
	KUNIT_EXPECT_EQ(test, nr_mutex_debug_reports, before + 1);
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("WARNING: possible "
						   "recursive locking "
						   "detected"));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("mutex_recurse/"));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("is trying to acquire "
						   "lock:"));
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&r.lock));
}
#endif

/* ---- two loaders at once (module_mutex) ---- */

#define LOADER_ROUNDS 5
#define NR_LOADERS 3

struct loader {
	const char *name;
	int load_ok, load_eexist, load_other;
	int del_ok, del_enoent, del_other;
	struct completion done;
};

struct list_watch {
	volatile bool stop;
	unsigned int base, max_seen, polls;
	struct completion done;
};

static int loader_fn(void *data)
{
	struct loader *l = data;

	for (int i = 0; i < LOADER_ROUNDS; i++) {
		int err = request_module_load(l->name);

		if (!err)
			l->load_ok++;
		else if (err == -EEXIST)
			l->load_eexist++;
		else
			l->load_other++;
		msleep(1); /* let the other loader in between */
		err = delete_module(l->name);
		if (!err)
			l->del_ok++;
		else if (err == -ENOENT)
			l->del_enoent++;
		else
			l->del_other++;
	}
	complete(&l->done);
	return 0;
}

static int watch_fn(void *data)
{
	struct list_watch *w = data;
	unsigned long end = jiffies + CASE_TIMEOUT;

	while (!w->stop && !test_past(end)) {
		unsigned int n = nr_modules();

		if (n > w->max_seen)
			w->max_seen = n;
		w->polls++;
		msleep(1);
	}
	complete(&w->done);
	return 0;
}

/*
 * Two threads load and unload oot_hello (so one of them often finds it
 * loaded, -EEXIST, or gone, -ENOENT) and a third oops_test, each on its
 * own CPU where there are several, while a fourth counts the list under
 * the mutex. Every load succeeds or is -EEXIST, every unload succeeds or
 * is -ENOENT, each module loaded is unloaded once, the count never
 * exceeds the two modules, and the list and modules area end as they
 * began.
 */
static void module_two_loaders_at_once(struct kunit *test)
{
	static struct loader l[NR_LOADERS];
	static struct list_watch w;
	static const char *const names[NR_LOADERS] = { "oot_hello", "oot_hello",
						       "oops_test" };
	struct task_struct *tasks[NR_LOADERS], *watcher;
	unsigned int i, cpu, cpus[NR_CPUS], nr_cpus = 0, n = 0;
	struct mod_snapshot before;
	int loads[2] = { 0, 0 }, dels[2] = { 0, 0 };

	if (!mod_available(test, "oot_hello") ||
	    !mod_available(test, "oops_test"))
		return;
	KUNIT_ASSERT_NULL(test, find_module("oot_hello"));
	KUNIT_ASSERT_NULL(test, find_module("oops_test"));
	for_each_online_cpu(cpu) cpus[nr_cpus++] = cpu;
	/*
	 * The first load of a boot grows slab caches for good: load and
	 * unload once first, so the snapshot compares steady states (as
	 * seeds_init() does).
	 */
	if (!request_module_load("oot_hello"))
		delete_module("oot_hello");
	mod_snapshot_take(&before);
	memset(&w, 0, sizeof(w));
	w.base = before.nr_modules;
	init_completion(&w.done);
	watcher = kthread_run(watch_fn, &w, "mutex_lsmod");
	KUNIT_ASSERT_NOT_NULL(test, watcher);
	for (i = 0; i < NR_LOADERS; i++) {
		memset(&l[i], 0, sizeof(l[i]));
		l[i].name = names[i];
		init_completion(&l[i].done);
		tasks[i] =
			kthread_create(loader_fn, &l[i], "mutex_insmod/%u", i);
		if (!tasks[i])
			break;
		n++;
		kthread_bind(tasks[i], cpus[(i + 1) % nr_cpus]);
	}
	for (i = 0; i < n; i++)
		wake_up_process(tasks[i]);
	for (i = 0; i < n; i++)
		test_stop_if_done(test, tasks[i], &l[i].done, CASE_TIMEOUT);
	w.stop = true;
	test_stop_if_done(test, watcher, &w.done, CASE_TIMEOUT);
	KUNIT_EXPECT_EQ(test, n, NR_LOADERS);
	for (i = 0; i < n; i++) {
		/* loads[0], dels[0]: oot_hello's two loaders together. */
		unsigned int m = strcmp(l[i].name, "oot_hello") ? 1 : 0;

		kunit_info(test,
			   "%s: loads %d ok, %d -EEXIST; unloads %d ok, %d "
			   "-ENOENT",
			   l[i].name, l[i].load_ok, l[i].load_eexist,
			   l[i].del_ok, l[i].del_enoent);
		KUNIT_EXPECT_EQ(test, l[i].load_other, 0);
		KUNIT_EXPECT_EQ(test, l[i].del_other, 0);
		KUNIT_EXPECT_EQ(test, l[i].load_ok + l[i].load_eexist,
				LOADER_ROUNDS);
		loads[m] += l[i].load_ok;
		dels[m] += l[i].del_ok;
	}
	/* oops_test has its own loader: every load and unload succeeds. */
	KUNIT_EXPECT_EQ(test, loads[1], LOADER_ROUNDS);
	KUNIT_EXPECT_GE(test, loads[0], LOADER_ROUNDS);
	KUNIT_EXPECT_EQ(test, dels[0], loads[0]);
	KUNIT_EXPECT_EQ(test, dels[1], loads[1]);
	kunit_info(test, "list counted %u times, at most %u (base %u)", w.polls,
		   w.max_seen, w.base);
	KUNIT_EXPECT_GT(test, w.polls, 0);
	KUNIT_EXPECT_LE(test, w.max_seen, w.base + 2);
	KUNIT_EXPECT_NULL(test, find_module("oot_hello"));
	KUNIT_EXPECT_NULL(test, find_module("oops_test"));
	mod_snapshot_expect_same(test, &before);
}

static struct kunit_case mutex_cases[] = {
	KUNIT_CASE(mutex_counter_exact),
	KUNIT_CASE(mutex_waiter_sleeps_then_wakes),
	KUNIT_CASE(mutex_trylock_fails_while_held),
#if CONFIG_DEBUG_MUTEXES
	KUNIT_CASE(mutex_unlock_wrong_owner_warns),
	KUNIT_CASE(mutex_recursion_reported),
#endif
	KUNIT_CASE(module_two_loaders_at_once),
	{}
};

static struct kunit_suite mutex_suite = {
	.name = "mutex",
	.test_cases = mutex_cases,
};
kunit_test_suite(mutex_suite);
