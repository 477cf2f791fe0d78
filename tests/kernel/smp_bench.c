/*
 * tests/kernel/smp_bench.c: "smp" benchmarks (make bench).
 *
 *   spin_lock          an uncontended spin_lock()+spin_unlock() pair,
 *                      the preemption count included (as Linux)
 *   kmap_atomic_cpusN  kmap_atomic+kunmap_atomic while every online CPU
 *                      runs the same loop at once, per operation of all
 *                      CPUs together (per-CPU slots: the figure should
 *                      match the 1-CPU one)
 *   kmap_local_cpusN   the same with kmap_local_page+kunmap_local
 *   pkmap_mapped_cpusN kmap+kunmap of a page that keeps its pkmap slot
 *                      (each CPU its own page), every CPU at once: all
 *                      of them take kmap_lock, so this one is contended
 *   pkmap_new_cpusN    kmap+kunmap of pages mapped afresh (each CPU
 *                      cycles its own NEW_PAGES pages, more than the
 *                      window, so every map takes a new slot and each
 *                      trip round the window pays a flush), every CPU
 *                      at once
 *   flush_all_zero_pkmaps_cpusN  one kmap_flush_unused() on CPU 0 with
 *                      LAST_PKMAP - 1 slots at count 1 (the broadcast
 *                      TLB invalidate of the window), the others idle
 *
 * The loops run on the other CPUs from the call-function IPI and on CPU 0
 * with interrupts off, so the pkmap ones call kmap() where the debug
 * build's might_sleep() objects: make bench uses the production build,
 * where it is empty, and no kmap() here can sleep (the window never fills).
 */
#include <kunit/private.h>
#include <asm/atomic.h>
#include <asm/processor.h>
#include <hikern/bench.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#define REPS 1000
#define ARRIVE_NS 1000000000ULL	 /* 1 s */
#define FINISH_NS 10000000000ULL /* 10 s */

static DEFINE_SPINLOCK(bench_lock);

static void bench_spin_lock(void)
{
	unsigned long flags;
	u32 t0, t1;

	local_irq_save(flags);
	t0 = bench_cycles();
	for (int i = 0; i < REPS; i++) {
		spin_lock(&bench_lock);
		spin_unlock(&bench_lock);
	}
	t1 = bench_cycles();
	local_irq_restore(flags);
	bench_report_per_op("spin_lock", t1 - t0, REPS);
}

#define NEW_ORDER 10 /* one MAX_ORDER-1 block per CPU */
#define NEW_PAGES (1u << NEW_ORDER)

enum bench_mode { KMAP_ATOMIC, KMAP_LOCAL, PKMAP_MAPPED, PKMAP_NEW };

static atomic_t arrived, finished;
static struct page *bench_page[NR_CPUS];
static struct page *bench_block[NR_CPUS]; /* NEW_PAGES HighMem pages each */
static enum bench_mode bench_mode;

/*
 * Spin until @v reaches the number of online CPUs, for at most @limit_ns
 * (local_clock). cpu_relax() lets QEMU run the CPUs being waited for
 * (asm/processor.h).
 */
static bool wait_all(atomic_t *v, u64 limit_ns)
{
	u64 start = local_clock();

	while (local_clock() - start < limit_ns) {
		if (atomic_read(v) >= (int)num_online_cpus())
			return true;
		cpu_relax();
	}
	return atomic_read(v) >= (int)num_online_cpus();
}

/* The measured loop of one mode on this CPU; returns the operations. */
static unsigned int run_mode(unsigned int cpu)
{
	switch (bench_mode) {
	case KMAP_ATOMIC:
		for (int i = 0; i < REPS; i++)
			kunmap_atomic(kmap_atomic(bench_page[cpu]));
		return REPS;
	case KMAP_LOCAL:
		for (int i = 0; i < REPS; i++)
			kunmap_local(kmap_local_page(bench_page[cpu]));
		return REPS;
	case PKMAP_MAPPED:
		for (int i = 0; i < REPS; i++) {
			kmap(bench_page[cpu]);
			kunmap(bench_page[cpu]);
		}
		return REPS;
	case PKMAP_NEW:
		for (unsigned int i = 0; i < NEW_PAGES; i++) {
			kmap(bench_block[cpu] + i);
			kunmap(bench_block[cpu] + i);
		}
		return NEW_PAGES;
	}
	return 0;
}

/* Before the barrier: a held use (mapped) or one trip (new: steady state). */
static void prepare_mode(unsigned int cpu)
{
	if (bench_mode == PKMAP_MAPPED)
		kmap(bench_page[cpu]);
	else if (bench_mode == PKMAP_NEW)
		run_mode(cpu);
}

static void finish_mode(unsigned int cpu)
{
	if (bench_mode == PKMAP_MAPPED)
		kunmap(bench_page[cpu]);
}

/*
 * Each CPU's run of the loop: when it started and ended (local_clock())
 * and how many operations it did.
 */
static u64 loop_start[NR_CPUS], loop_end[NR_CPUS];
static unsigned int loop_ops[NR_CPUS];

/*
 * Every CPU: wait (bounded) for all, then run the loop and record it.
 * The others run it from the call-function IPI, CPU 0 with interrupts
 * off.
 */
static void kmap_loop(void *info)
{
	unsigned int cpu = smp_processor_id();

	prepare_mode(cpu);
	atomic_inc(&arrived);
	wait_all(&arrived, ARRIVE_NS);
	loop_start[cpu] = local_clock();
	loop_ops[cpu] = run_mode(cpu);
	loop_end[cpu] = local_clock();
	finish_mode(cpu);
	atomic_inc(&finished);
}

/*
 * Every online CPU runs the loop at once; report the guest instructions
 * per operation of all of them together: from the first CPU's start to
 * the last one's end, over the operations of all CPUs.
 *
 * Why not CPU 0's own count: QEMU runs one CPU at a time and its clock
 * (the PMU's cycle counter as well as the generic timer) counts every
 * CPU's instructions, so CPU 0's count is its own loop only when no
 * other CPU ran meanwhile, and its loop plus whatever the others did
 * when one did. Summed over all CPUs the time is each CPU's own work,
 * lock waits included: under -icount shift=0 one instruction is one
 * nanosecond of guest time, so the nanoseconds local_clock() measures
 * (in steps of the 62.5 MHz counter's 16 ns) are the instructions.
 * With nothing shared (kmap_atomic, kmap_local) the figure is each
 * CPU's own cost and should not move with the number of CPUs.
 */
static void kmap_all_cpus(enum bench_mode mode, const char *what)
{
	u64 first = ~0ULL, last = 0;
	unsigned long ops = 0;
	unsigned int cpu;
	unsigned long flags;
	char name[32];

	bench_mode = mode;
	atomic_set(&arrived, 0);
	atomic_set(&finished, 0);
	smp_call_function(kmap_loop, NULL, 0);
	local_irq_save(flags);
	kmap_loop(NULL);
	local_irq_restore(flags);
	if (!wait_all(&finished, FINISH_NS)) {
		pr_err("bench: smp: not every CPU finished the %s loop\n",
		       what);
		return;
	}
	for_each_online_cpu(cpu)
	{
		first = min(first, loop_start[cpu]);
		last = max(last, loop_end[cpu]);
		ops += loop_ops[cpu];
	}
	if (last - first > 0xffffffffULL) { /* over 4.29 s: a u32 wraps */
		pr_err("bench: smp: the %s loop took %llu ns\n", what,
		       last - first);
		return;
	}
	snprintf(name, sizeof(name), "%s_cpus%u", what, num_online_cpus());
	bench_report_per_op(name, (u32)(last - first), ops);
}

/*
 * One flush_all_zero_pkmaps() with LAST_PKMAP - 1 slots to clear: empty
 * the window and bring the cursor to slot 0 (as highmem_bench does), map
 * and unmap LAST_PKMAP - 1 distinct pages (slots 1.., no wrap), then
 * time kmap_flush_unused() alone.
 */
static void bench_pkmap_flush(void)
{
	struct page *pages = bench_block[0];
	unsigned long flags;
	char name[40];
	u32 t0, t1;

	kmap_flush_unused();
	for (unsigned int n = LAST_PKMAP - pkmap_kunit_last_nr(); n; n--) {
		kmap(pages + n);
		kunmap(pages + n);
	}
	kmap_flush_unused();
	if (pkmap_kunit_last_nr() != 0) {
		pr_err("bench: smp: pkmap cursor at %u, not 0\n",
		       pkmap_kunit_last_nr());
		return;
	}
	for (unsigned int i = 0; i < LAST_PKMAP - 1; i++) {
		kmap(pages + i);
		kunmap(pages + i);
	}
	local_irq_save(flags);
	t0 = bench_cycles();
	kmap_flush_unused();
	t1 = bench_cycles();
	local_irq_restore(flags);
	snprintf(name, sizeof(name), "flush_all_zero_pkmaps_cpus%u",
		 num_online_cpus());
	bench_report_per_op(name, t1 - t0, 1);
}

static void smp_bench_run(void)
{
	unsigned int cpu;

	bench_spin_lock();
	for_each_online_cpu(cpu)
	{
		bench_page[cpu] = alloc_page(GFP_HIGHUSER);
		bench_block[cpu] = bench_highmem_block(NEW_ORDER);
		if (!bench_page[cpu] || !bench_block[cpu]) {
			pr_err("bench: smp: needs %u free HighMem pages per "
			       "CPU\n",
			       NEW_PAGES + 1);
			goto out;
		}
	}
	kmap_all_cpus(KMAP_ATOMIC, "kmap_atomic");
	kmap_all_cpus(KMAP_LOCAL, "kmap_local");
	kmap_all_cpus(PKMAP_MAPPED, "pkmap_mapped");
	kmap_all_cpus(PKMAP_NEW, "pkmap_new");
	bench_pkmap_flush();
	kmap_flush_unused();
out:
	for_each_online_cpu(cpu)
	{
		if (bench_page[cpu])
			__free_page(bench_page[cpu]);
		if (bench_block[cpu])
			__free_pages(bench_block[cpu], NEW_ORDER);
		bench_page[cpu] = bench_block[cpu] = NULL;
	}
}

static const struct bench smp_bench = {
	.name = "smp",
	.run = smp_bench_run,
};
bench_register(smp_bench);
