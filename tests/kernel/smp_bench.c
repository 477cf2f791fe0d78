/*
 * tests/kernel/smp_bench.c: "smp" benchmarks (make bench).
 *
 *   spin_lock          an uncontended spin_lock()+spin_unlock() pair
 *   kmap_atomic_cpusN  kmap_atomic+kunmap_atomic on CPU 0 while every
 *                      online CPU runs the same loop at once (per-CPU
 *                      slots: the figure should match the 1-CPU one)
 *   kmap_local_cpusN   the same with kmap_local_page+kunmap_local
 */
#include <asm/atomic.h>
#include <hikern/bench.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#define REPS 1000

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

static atomic_t arrived, finished;
static struct page *bench_page[NR_CPUS];
static bool bench_local; /* kmap_local_page instead of kmap_atomic */

/* Bounded spin until @v reaches the number of online CPUs. */
static bool wait_all(atomic_t *v)
{
	for (unsigned long i = 0; i < 100000000UL; i++)
		if (atomic_read(v) >= (int)num_online_cpus())
			return true;
	return false;
}

/*
 * Every CPU: wait (bounded) for all, then run the loop; CPU 0's count is
 * kept. The others run it from the call-function IPI, CPU 0 with
 * interrupts off.
 */
static void kmap_loop(void *info)
{
	u32 *result = info, t0, t1;
	unsigned int cpu = smp_processor_id();

	atomic_inc(&arrived);
	wait_all(&arrived);
	t0 = bench_cycles();
	if (bench_local) {
		for (int i = 0; i < REPS; i++) {
			void *p = kmap_local_page(bench_page[cpu]);

			kunmap_local(p);
		}
	} else {
		for (int i = 0; i < REPS; i++) {
			void *p = kmap_atomic(bench_page[cpu]);

			kunmap_atomic(p);
		}
	}
	t1 = bench_cycles();
	if (cpu == 0)
		*result = t1 - t0;
	atomic_inc(&finished);
}

/* Every online CPU runs the loop at once; report CPU 0's figure. */
static void kmap_all_cpus(const char *what)
{
	u32 total = 0;
	char name[32];
	unsigned long flags;

	atomic_set(&arrived, 0);
	atomic_set(&finished, 0);
	smp_call_function(kmap_loop, &total, 0);
	local_irq_save(flags);
	kmap_loop(&total);
	local_irq_restore(flags);
	if (!wait_all(&finished))
		pr_err("bench: smp: not every CPU finished the %s loop\n",
		       what);
	snprintf(name, sizeof(name), "%s_cpus%u", what, num_online_cpus());
	bench_report_per_op(name, total, REPS);
}

static void smp_bench_run(void)
{
	unsigned int cpu;

	bench_spin_lock();
	for_each_online_cpu(cpu)
	{
		bench_page[cpu] = alloc_page(GFP_HIGHUSER);
		if (!bench_page[cpu])
			goto out;
	}
	bench_local = false;
	kmap_all_cpus("kmap_atomic");
	bench_local = true;
	kmap_all_cpus("kmap_local");
out:
	for_each_online_cpu(cpu) if (bench_page[cpu])
		__free_page(bench_page[cpu]);
}

static const struct bench smp_bench = {
	.name = "smp",
	.run = smp_bench_run,
};
bench_register(smp_bench);
