/*
 * tests/kernel/smp_test.c: the "smp" suite. Every CPU answers a call and
 * says who it is; atomics from every CPU at once lose nothing; each
 * CPU's kmap_atomic takes its own fixmap slots; a vmalloc address freed
 * and reused on one CPU is seen afresh by another (the TLB flush is
 * broadcast). A plain spinlock counts preemption: in_atomic() inside,
 * might_sleep() reports there, and a reschedule that fell due while it
 * was held happens at spin_unlock(). The debug build's spinlock reports
 * (recursion, unlock on the wrong CPU). On one CPU the cases still run,
 * with only CPU 0 taking part. Every wait is bounded:
 * smp_call_function*() give up after a timeout and count it in
 * smp_call_timeouts, which each case checks; threads end at a jiffies
 * deadline and the runner waits for them with a timeout.
 */
#include <asm/atomic.h>
#include <asm/fixmap.h>
#include <asm/thread_info.h>
#include <kunit/private.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <string.h>

#include "kmap_test.h"
#include "thread_test.h"

#define ADDS_PER_CPU 10000

/* What each CPU said about itself. */
struct cpu_report {
	unsigned int tpidrprw_cpu; /* smp_processor_id() + 1 */
	unsigned int ti_cpu;	   /* its stack's thread_info->cpu */
	const char *comm;	   /* current->comm */
};

static struct cpu_report reports[NR_CPUS];

static void report_cpu(void *info)
{
	struct cpu_report *r = &((struct cpu_report *)info)[smp_processor_id()];

	r->tpidrprw_cpu = smp_processor_id() + 1;
	r->ti_cpu = current_thread_info()->cpu;
	r->comm = current->comm;
}

static void every_cpu_answers(struct kunit *test)
{
	unsigned long timeouts = smp_call_timeouts;
	unsigned int cpu;

	memset(reports, 0, sizeof(reports));
	on_each_cpu(report_cpu, reports, 1);
	KUNIT_EXPECT_EQ(test, smp_call_timeouts, timeouts);
	for_each_online_cpu(cpu)
	{
		kunit_info(test, "CPU%u answered as CPU%d (%s)", cpu,
			   (int)reports[cpu].tpidrprw_cpu - 1,
			   reports[cpu].comm ? reports[cpu].comm : "-");
		KUNIT_EXPECT_EQ(test, reports[cpu].tpidrprw_cpu, cpu + 1);
		KUNIT_EXPECT_EQ(test, reports[cpu].ti_cpu, cpu);
	}
	/* Nobody that is not online answered. */
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			KUNIT_EXPECT_EQ(test, reports[cpu].tpidrprw_cpu, 0);
}

static void store_my_id(void *info)
{
	WRITE_ONCE(*(int *)info, (int)smp_processor_id());
}

static void call_single_reaches_that_cpu(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
	{
		int who = -1;

		KUNIT_EXPECT_EQ(
			test,
			smp_call_function_single(cpu, store_my_id, &who, 1), 0);
		KUNIT_EXPECT_EQ(test, who, (int)cpu);
	}
	KUNIT_EXPECT_EQ(
		test,
		smp_call_function_single(NR_CPUS - 1 + 1, store_my_id, NULL, 1),
		-6);
}

static atomic_t shared_count, cmpxchg_count;

static void add_many(void *info)
{
	(void)info;
	for (int i = 0; i < ADDS_PER_CPU; i++) {
		int old;

		atomic_inc(&shared_count);
		do {
			old = atomic_read(&cmpxchg_count);
		} while (atomic_cmpxchg(&cmpxchg_count, old, old + 1) != old);
	}
}

static void atomics_lose_nothing(struct kunit *test)
{
	unsigned long timeouts = smp_call_timeouts;

	atomic_set(&shared_count, 0);
	atomic_set(&cmpxchg_count, 0);
	on_each_cpu(add_many, NULL, 1);
	KUNIT_EXPECT_EQ(test, smp_call_timeouts, timeouts);
	KUNIT_EXPECT_EQ(test, atomic_read(&shared_count),
			(int)(num_online_cpus() * ADDS_PER_CPU));
	KUNIT_EXPECT_EQ(test, atomic_read(&cmpxchg_count),
			(int)(num_online_cpus() * ADDS_PER_CPU));
	KUNIT_EXPECT_EQ(test, atomic_add_return(5, &shared_count),
			(int)(num_online_cpus() * ADDS_PER_CPU + 5));
}

/* Each CPU maps the page with kmap_atomic and records where. */
struct kmap_report {
	struct page *page[NR_CPUS];
	unsigned long addr[NR_CPUS], expected[NR_CPUS];
	u32 seen[NR_CPUS];
};

static void kmap_on_this_cpu(void *info)
{
	struct kmap_report *r = info;
	unsigned int cpu = smp_processor_id();
	u32 *p = kmap_atomic(r->page[cpu]);
	int type = kmap_atomic_idx();

	r->addr[cpu] = (unsigned long)p;
	r->expected[cpu] =
		__fix_to_virt(FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu);
	p[0] = 0x5a5a0000 | cpu;
	r->seen[cpu] = p[0];
	kunmap_atomic(p);
}

static void kmap_atomic_slots_are_per_cpu(struct kunit *test)
{
	static struct kmap_report r;
	unsigned int cpu;

	memset(&r, 0, sizeof(r));
	for_each_online_cpu(cpu)
	{
		r.page[cpu] = alloc_page(GFP_HIGHUSER);
		KUNIT_ASSERT_NOT_NULL(test, r.page[cpu]);
		if (!PageHighMem(r.page[cpu])) {
			for_each_online_cpu(cpu) if (r.page[cpu])
				__free_page(r.page[cpu]);
			kunit_skip(test,
				   "no HighMem: kmap_atomic needs no slot");
			return;
		}
	}
	on_each_cpu(kmap_on_this_cpu, &r, 1);
	for_each_online_cpu(cpu)
	{
		u32 *p;

		kunit_info(test,
			   "CPU%u: kmap_atomic at 0x%08lx, slot base "
			   "0x%08lx",
			   cpu, r.addr[cpu], r.expected[cpu]);
		KUNIT_EXPECT_EQ(test, r.addr[cpu], r.expected[cpu]);
		KUNIT_EXPECT_EQ(test, r.seen[cpu], 0x5a5a0000 | cpu);
		/* The data went to that CPU's page, not another's. */
		p = kmap_atomic(r.page[cpu]);
		KUNIT_EXPECT_EQ(test, p[0], 0x5a5a0000 | cpu);
		kunmap_atomic(p);
		__free_page(r.page[cpu]);
	}
}

struct remote_read {
	u32 *addr;
	u32 val;
};

static void read_there(void *info)
{
	struct remote_read *rr = info;

	rr->val = READ_ONCE(*rr->addr);
}

/*
 * CPU A (another CPU) reads a vmalloc address, which loads the
 * translation into its TLB; CPU B (this one) vfrees it and vmallocs
 * until the same address comes back on another page; A must now read
 * the new page. A TLB invalidate that stayed on B would leave A reading
 * the old page, which still holds the old pattern.
 */
static void stale_tlb_vmalloc_reuse(struct kunit *test)
{
	struct remote_read rr;
	u32 *first, *again = NULL, *held[16];
	struct page *old_page, *grab;
	unsigned int a = 0, n = 0, cpu;

	for_each_online_cpu(cpu) if (cpu != smp_processor_id()) a = cpu;
	if (a == smp_processor_id()) {
		kunit_skip(test, "needs a second CPU");
		return;
	}
	first = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, first);
	old_page = vmalloc_to_page(first);
	first[0] = 0x11111111;
	rr.addr = first;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(a, read_there, &rr, 1),
			0);
	KUNIT_ASSERT_EQ(test, rr.val, 0x11111111);
	vfree(first);
	/*
	 * Keep the freed page (the allocator hands it out first again) so
	 * the address comes back on another page, while the old one keeps
	 * its 0x11111111 for a stale translation to find.
	 */
	grab = alloc_page(GFP_HIGHUSER);
	/* Allocate until the address comes back (bounded). */
	while (n < ARRAY_SIZE(held)) {
		u32 *v = vmalloc(PAGE_SIZE);

		if (!v)
			break;
		if (v == first) {
			again = v;
			break;
		}
		held[n++] = v;
	}
	while (n)
		vfree(held[--n]);
	if (!again || vmalloc_to_page(again) == old_page) {
		if (grab)
			__free_page(grab);
		if (again)
			vfree(again);
		kunit_skip(test, "vmalloc did not reuse the address on a new "
				 "page");
		return;
	}
	again[0] = 0x22222222;
	kunit_info(test,
		   "CPU%u read 0x%08x at %p before, CPU%u reused it "
		   "(page %s)",
		   a, 0x11111111u, first, smp_processor_id(),
		   vmalloc_to_page(again) == old_page ? "same" : "new");
	rr.val = 0;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(a, read_there, &rr, 1),
			0);
	KUNIT_EXPECT_EQ(test, rr.val, 0x22222222);
	vfree(again);
	if (grab)
		__free_page(grab);
}

static DEFINE_SPINLOCK(count_lock);
static unsigned long locked_count; /* plain: only the lock protects it */

static void add_under_lock(void *info)
{
	unsigned long flags;

	(void)info;
	for (int i = 0; i < ADDS_PER_CPU; i++) {
		spin_lock_irqsave(&count_lock, flags);
		locked_count = READ_ONCE(locked_count) + 1;
		spin_unlock_irqrestore(&count_lock, flags);
	}
}

static void spinlock_counter_exact(struct kunit *test)
{
	unsigned long timeouts = smp_call_timeouts;

	locked_count = 0;
	on_each_cpu(add_under_lock, NULL, 1);
	KUNIT_EXPECT_EQ(test, smp_call_timeouts, timeouts);
	KUNIT_EXPECT_EQ(test, locked_count,
			(unsigned long)num_online_cpus() * ADDS_PER_CPU);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&count_lock));
}

/*
 * The plain forms count preemption (linux/spinlock.h): the count is up
 * while the lock is held, in_atomic() says so, a failed spin_trylock()
 * gives the count back. The IRQs-off forms leave it alone (what stops
 * preemption there is the masked interrupts).
 */
static DEFINE_SPINLOCK(preempt_lock);

static void spin_lock_counts_preemption(struct kunit *test)
{
	int base = preempt_count();
	unsigned long flags;

	KUNIT_ASSERT_FALSE(test, in_atomic()); /* the runner is preemptible */
	spin_lock(&preempt_lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), base + 1);
	KUNIT_EXPECT_TRUE(test, in_atomic());
	KUNIT_EXPECT_FALSE(test, spin_trylock(&preempt_lock)); /* held */
	KUNIT_EXPECT_EQ(test, preempt_count(), base + 1);
	spin_unlock(&preempt_lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), base);
	KUNIT_EXPECT_FALSE(test, in_atomic());

	KUNIT_EXPECT_TRUE(test, spin_trylock(&preempt_lock));
	KUNIT_EXPECT_EQ(test, preempt_count(), base + 1);
	KUNIT_EXPECT_TRUE(test, in_atomic());
	spin_unlock(&preempt_lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), base);

	spin_lock_irqsave(&preempt_lock, flags);
	KUNIT_EXPECT_EQ(test, preempt_count(), base);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	/* (no spin_is_locked() here: one CPU's boot patches the word out) */
	spin_unlock_irqrestore(&preempt_lock, flags);
	KUNIT_EXPECT_EQ(test, preempt_count(), base);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&preempt_lock));
}

/*
 * might_sleep() under a plain spinlock: Linux's report, from the count
 * alone (interrupts stay on). The same call outside the lock is quiet.
 */
static void might_sleep_in_spin_lock_reported(struct kunit *test)
{
	unsigned long reports;

	if (!CONFIG_DEBUG_ATOMIC_SLEEP) {
		kunit_skip(test,
			   "might_sleep() checks only in the debug build");
		return;
	}
	reports = might_sleep_kunit_reports();
	might_sleep();
	KUNIT_EXPECT_EQ(test, might_sleep_kunit_reports(), reports);

	kunit_expect_report(test, "BUG",
			    "might_sleep() inside spin_lock(): sleeping "
			    "function called from invalid context");
	kmap_test_capture_start();
	spin_lock(&preempt_lock);
	might_sleep();
	spin_unlock(&preempt_lock);
	kmap_test_capture_stop();
	KUNIT_EXPECT_EQ(test, might_sleep_kunit_reports(), reports + 1);
	KUNIT_EXPECT_TRUE(test,
			  kmap_test_captured("BUG: sleeping function called "
					     "from invalid context at "
					     "tests/kernel/smp_test.c:"));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("in_atomic(): 1, "
						   "irqs_disabled(): 0, "));
}

/*
 * A reschedule that falls due while a plain lock is held waits for
 * spin_unlock(): a thread on CPU 0 takes a lock, wakes a second thread
 * of CPU 0 and spins with interrupts on until the tick has found its
 * slice used up (TIF_NEED_RESCHED) and two more ticks have passed, each
 * of whose returns would preempt a preemptible task. The second thread
 * must not have run by then; it must have run when spin_unlock()
 * returns, and the holder must have been switched out inside it. The
 * runner sleeps on a completion meanwhile, so it is not queued on CPU 0
 * (it would otherwise compete for the switch at the unlock).
 */
/* How long the runner waits for each of the two threads. */
#define UNLOCK_RACE_TIMEOUT (5 * HZ)

struct unlock_race {
	spinlock_t lock;
	struct task_struct *other;
	struct completion done, other_done;
	volatile bool other_ran;
	bool holding, flag_seen, ran_before_unlock, ran_after_unlock;
	unsigned long switches_at_lock, switches_before_unlock;
	unsigned long switches_after_unlock;
};

static int unlock_race_holder(void *data)
{
	struct unlock_race *r = data;
	unsigned long end = jiffies + 4 * RR_TIMESLICE;

	spin_lock(&r->lock);
	r->holding = true;
	r->switches_at_lock = current->nvcsw;
	wake_up_process(r->other); /* queued on CPU 0, behind us */
	while (!need_resched() && !time_after_eq(jiffies, end))
		barrier();
	r->flag_seen = need_resched();
	end = jiffies + 2;
	while (!time_after_eq(jiffies, end))
		barrier();
	r->ran_before_unlock = r->other_ran;
	r->switches_before_unlock = current->nvcsw;
	spin_unlock(&r->lock);
	r->ran_after_unlock = r->other_ran;
	r->switches_after_unlock = current->nvcsw;
	complete(&r->done);
	return 0;
}

static int unlock_race_other(void *data)
{
	struct unlock_race *r = data;

	r->other_ran = true;
	complete(&r->other_done);
	return 0;
}

static void need_resched_honoured_at_spin_unlock(struct kunit *test)
{
	static struct unlock_race r; /* the threads may outlive a failure */
	struct task_struct *holder, *other;
	bool holder_done;

	memset(&r, 0, sizeof(r));
	spin_lock_init(&r.lock);
	init_completion(&r.done);
	init_completion(&r.other_done);
	holder = kthread_create(unlock_race_holder, &r, "smp_lockholder");
	KUNIT_ASSERT_NOT_NULL(test, holder);
	other = kthread_create(unlock_race_other, &r, "smp_lockwaiter");
	if (!other)
		kthread_stop(holder);
	KUNIT_ASSERT_NOT_NULL(test, other);
	kthread_bind(holder, 0);
	kthread_bind(other, 0);
	r.other = other;
	wake_up_process(holder);
	holder_done =
		test_wait_done(test, holder, &r.done, UNLOCK_RACE_TIMEOUT);
	KUNIT_EXPECT_TRUE(test, r.holding);
	KUNIT_EXPECT_TRUE(test, r.flag_seen);
	KUNIT_EXPECT_FALSE(test, r.ran_before_unlock);
	KUNIT_EXPECT_EQ(test, r.switches_before_unlock, r.switches_at_lock);
	KUNIT_EXPECT_TRUE(test, r.ran_after_unlock);
	KUNIT_EXPECT_GT(test, r.switches_after_unlock,
			r.switches_before_unlock);
	kunit_info(test,
		   "holder switched in %lu time(s) while locked, %lu inside "
		   "spin_unlock()",
		   r.switches_before_unlock - r.switches_at_lock,
		   r.switches_after_unlock - r.switches_before_unlock);
	test_stop_if_done(test, other, &r.other_done, UNLOCK_RACE_TIMEOUT);
	test_stop_finished(test, holder, holder_done);
}

#if CONFIG_DEBUG_SPINLOCK
extern unsigned long nr_spinlock_bugs;
static DEFINE_SPINLOCK(debug_lock);

static void lock_twice(void *arg)
{
	spin_lock(arg);
	spin_lock(arg); /* BUG: spinlock recursion, then BUG() */
}

static void spinlock_recursion_reported(struct kunit *test)
{
	unsigned long before = nr_spinlock_bugs;
	int count = preempt_count();
	unsigned long flags;

	kunit_expect_report(test, "BUG", "spinlock recursion on CPU#%u",
			    smp_processor_id());
	local_irq_save(flags);
	KUNIT_EXPECT_TRUE(test, kunit_expect_bug(lock_twice, &debug_lock));
	/*
	 * Both spin_lock()s raised the count before the check: the first
	 * holds the lock, the second stopped at the BUG. Give both back
	 * (as stored, whatever the check found: the run goes on).
	 */
	KUNIT_EXPECT_EQ(test, preempt_count(), count + 2);
	current_thread_info()->preempt_count = count;
	spin_lock_init(&debug_lock);
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, nr_spinlock_bugs, before + 1);
}

/*
 * The other CPU's task gets the unlock's preempt_enable(): it raises its
 * count first, so the count stays balanced on both CPUs (the lock's
 * count stays with the CPU that took it, and is given back here).
 */
static void unlock_there(void *arg)
{
	preempt_disable();
	spin_unlock(arg);
}

static void spinlock_unlock_wrong_cpu_reported(struct kunit *test)
{
	unsigned long before = nr_spinlock_bugs;
	unsigned int other = smp_processor_id(), cpu;
	int count = preempt_count();

	for_each_online_cpu(cpu) if (cpu != smp_processor_id()) other = cpu;
	if (other == smp_processor_id()) {
		kunit_skip(test, "needs a second CPU");
		return;
	}
	spin_lock(&debug_lock);
	kunit_expect_report(test, "BUG", "spinlock wrong CPU on CPU#%u", other);
	KUNIT_EXPECT_EQ(
		test,
		smp_call_function_single(other, unlock_there, &debug_lock, 1),
		0);
	KUNIT_EXPECT_EQ(test, nr_spinlock_bugs, before + 1);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&debug_lock));
	KUNIT_EXPECT_EQ(test, preempt_count(), count + 1);
	preempt_enable();
}
#endif

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(every_cpu_answers),
	KUNIT_CASE(call_single_reaches_that_cpu),
	KUNIT_CASE(atomics_lose_nothing),
	KUNIT_CASE(kmap_atomic_slots_are_per_cpu),
	KUNIT_CASE(stale_tlb_vmalloc_reuse),
	KUNIT_CASE(spinlock_counter_exact),
	KUNIT_CASE(spin_lock_counts_preemption),
	KUNIT_CASE(might_sleep_in_spin_lock_reported),
	KUNIT_CASE(need_resched_honoured_at_spin_unlock),
#if CONFIG_DEBUG_SPINLOCK
	KUNIT_CASE(spinlock_recursion_reported),
	KUNIT_CASE(spinlock_unlock_wrong_cpu_reported),
#endif
	{},
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);
