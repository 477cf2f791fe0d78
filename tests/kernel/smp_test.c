/*
 * tests/kernel/smp_test.c: the "smp" suite. Every CPU answers a call and
 * says who it is; atomics from every CPU at once lose nothing; each
 * CPU's kmap_atomic takes its own fixmap slots; a vmalloc address freed
 * and reused on one CPU is seen afresh by another (the TLB flush is
 * broadcast). On one CPU the cases still run, with only CPU 0 taking
 * part. Every wait is bounded: smp_call_function*() give up after a
 * timeout and count it in smp_call_timeouts, which each case checks.
 */
#include <asm/atomic.h>
#include <asm/fixmap.h>
#include <asm/thread_info.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <string.h>

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
	unsigned long flags;

	kunit_expect_report(test, "BUG", "spinlock recursion on CPU#%u",
			    smp_processor_id());
	local_irq_save(flags);
	KUNIT_EXPECT_TRUE(test, kunit_expect_bug(lock_twice, &debug_lock));
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, nr_spinlock_bugs, before + 1);
	spin_lock_init(&debug_lock);
}

static void unlock_there(void *arg)
{
	spin_unlock(arg);
}

static void spinlock_unlock_wrong_cpu_reported(struct kunit *test)
{
	unsigned long before = nr_spinlock_bugs;
	unsigned int other = smp_processor_id(), cpu;

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
}
#endif

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(every_cpu_answers),
	KUNIT_CASE(call_single_reaches_that_cpu),
	KUNIT_CASE(atomics_lose_nothing),
	KUNIT_CASE(kmap_atomic_slots_are_per_cpu),
	KUNIT_CASE(stale_tlb_vmalloc_reuse),
	KUNIT_CASE(spinlock_counter_exact),
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
