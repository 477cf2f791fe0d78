/*
 * tests/kernel/kmap_local_test.c: suite "kmap_local", what
 * kmap_local_page()/kunmap_local() promise (include/linux/highmem.h,
 * mm/kmap_local.c): a task's local maps survive it being switched out
 * while other tasks of the same CPU use the same slots with kmap_atomic
 * and kmap_local; they nest as a stack, out-of-order unmaps are WARNed;
 * lowmem takes no slot; nothing stays mapped afterwards.
 *
 * Threads record what they saw and the runner checks it (no
 * KUNIT_ASSERT_* inside a thread); every wait of the runner has a
 * timeout that fails the case with every task's state rather than
 * hanging. The cases run on the CPU the scheduler places the first
 * thread on, whichever is online; a task holding maps stays on its CPU
 * (each map is a migrate_disable()): the move that waits for the last
 * unmap is smp_highmem's kmap_local_moves_after_last_unmap.
 */
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>

#include <string.h>

#include "kmap_test.h"

#define STEP_TIMEOUT (5 * HZ)
#define ROUNDS 8
#define SEED 0x10ca1

static unsigned long case_free_pages;

static pte_t *cpu_slot_pte(unsigned int cpu, int type)
{
	return fixmap_pte(FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu);
}

static int kmap_local_init(struct kunit *test)
{
	(void)test;
	case_free_pages = nr_free_pages();
	return 0;
}

static void kmap_local_exit(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, kmap_test_busy_atomic_slots(), 0);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	kmap_test_release();
	KUNIT_EXPECT_EQ(test, nr_free_pages(), case_free_pages);
}

static void fill_page(struct page *page, u32 seed)
{
	u32 *p = kmap_atomic(page);

	for (unsigned int w = 0; w < PAGE_SIZE / 4; w += 257)
		p[w] = kmap_test_pattern(page_to_pfn(page), w, seed);
	kunmap_atomic(p);
}

static bool page_ok(const u32 *p, struct page *page, u32 seed)
{
	for (unsigned int w = 0; w < PAGE_SIZE / 4; w += 257)
		if (p[w] != kmap_test_pattern(page_to_pfn(page), w, seed))
			return false;
	return true;
}

/* ---------------------------------------------------------------------
 * Two threads of one CPU: the holder keeps two local maps across
 * ROUNDS sleeps; meanwhile the other maps other pages in the same slots
 * with kmap_atomic and kmap_local (and sleeps holding a local map too).
 */
struct share {
	struct page *pages[4]; /* holder: 0, 1; other: 2, 3 */
	volatile bool holder_done, stop_other;
	volatile unsigned int other_rounds;
	/* the holder's findings */
	unsigned long addr[2];
	unsigned int cpu, good_rounds, rounds_with_other, bad_idx;
	/* the other's */
	unsigned long atomic_addr, local_addr;
	unsigned int other_bad;
	struct completion holder_exit, other_exit;
};

static int holder_fn(void *data)
{
	struct share *s = data;
	u32 *a = kmap_local_page(s->pages[0]);
	u32 *b = kmap_local_page(s->pages[1]);

	s->cpu = smp_processor_id();
	s->addr[0] = (unsigned long)a;
	s->addr[1] = (unsigned long)b;
	for (unsigned int r = 0; r < ROUNDS; r++) {
		unsigned int seen = s->other_rounds;

		msleep(10); /* the other thread runs on this CPU meanwhile */
		s->rounds_with_other += s->other_rounds != seen;
		s->good_rounds += page_ok(a, s->pages[0], SEED) &&
				  page_ok(b, s->pages[1], SEED + 1);
		s->bad_idx += current->kmap_ctrl.idx != 2;
	}
	kunmap_local(b);
	kunmap_local(a);
	s->holder_done = true;
	complete(&s->holder_exit);
	return 0;
}

static int other_fn(void *data)
{
	struct share *s = data;
	unsigned long end = jiffies + 4 * STEP_TIMEOUT;

	while (!s->stop_other && !time_after_eq(jiffies, end)) {
		u32 *p = kmap_atomic(s->pages[2]);

		s->atomic_addr = (unsigned long)p;
		s->other_bad += !page_ok(p, s->pages[2], SEED + 2);
		kunmap_atomic(p);
		p = kmap_local_page(s->pages[3]);
		s->local_addr = (unsigned long)p;
		msleep(3); /* the holder comes back while we hold a map */
		s->other_bad += !page_ok(p, s->pages[3], SEED + 3);
		kunmap_local(p);
		s->other_rounds++;
		yield();
	}
	complete(&s->other_exit);
	return 0;
}

static bool step(struct kunit *test, struct completion *c, const char *what)
{
	if (wait_for_completion_timeout(c, STEP_TIMEOUT))
		return true;
	kunit_fail(test, __FILE__, __LINE__, "watchdog: no '%s'; tasks:", what);
	show_state();
	return false;
}

static void local_maps_survive_switches(struct kunit *test)
{
	static struct share s;
	struct task_struct *holder, *other;

	memset(&s, 0, sizeof(s));
	kmap_test_highpages(test, s.pages, 4);
	for (int i = 0; i < 4; i++)
		fill_page(s.pages[i], SEED + i);
	init_completion(&s.holder_exit);
	init_completion(&s.other_exit);

	holder = kthread_create(holder_fn, &s, "kmap_local_a");
	KUNIT_ASSERT_NOT_NULL(test, holder);
	other = kthread_create(other_fn, &s, "kmap_local_b");
	KUNIT_ASSERT_NOT_NULL(test, other);
	kthread_bind(other, task_cpu(holder)); /* the same CPU's slots */
	wake_up_process(holder);
	wake_up_process(other);
	step(test, &s.holder_exit, "holder done");
	s.stop_other = true;
	step(test, &s.other_exit, "other done");
	KUNIT_EXPECT_EQ(test, kthread_stop(holder), 0);
	KUNIT_EXPECT_EQ(test, kthread_stop(other), 0);

	KUNIT_EXPECT_TRUE(test, s.holder_done);
	kunit_info(test,
		   "cpu %u: %u of %u rounds with the other thread between",
		   s.cpu, s.rounds_with_other, ROUNDS);
	/* Slots 0 and 1 of its CPU, the first two of the stack. */
	KUNIT_EXPECT_EQ(test, s.addr[0], kmap_test_cpu_slot_vaddr(s.cpu, 0));
	KUNIT_EXPECT_EQ(test, s.addr[1], kmap_test_cpu_slot_vaddr(s.cpu, 1));
	/* The other thread used the very same slot, for other pages. */
	KUNIT_EXPECT_EQ(test, s.atomic_addr,
			kmap_test_cpu_slot_vaddr(s.cpu, 0));
	KUNIT_EXPECT_EQ(test, s.local_addr, kmap_test_cpu_slot_vaddr(s.cpu, 0));
	KUNIT_EXPECT_GT(test, s.rounds_with_other, ROUNDS / 2);
	KUNIT_EXPECT_EQ(test, s.good_rounds, ROUNDS);
	KUNIT_EXPECT_EQ(test, s.bad_idx, 0);
	KUNIT_EXPECT_EQ(test, s.other_bad, 0);
	KUNIT_EXPECT_EQ(test, kmap_test_busy_atomic_slots(), 0);
}

/* Local and atomic maps share one stack: each nests above the other. */
static void local_and_atomic_maps_nest(struct kunit *test)
{
	struct page *pages[3];
	unsigned int cpu;
	u32 *a, *b, *c;

	kmap_test_highpages(test, pages, 3);
	for (int i = 0; i < 3; i++)
		fill_page(pages[i], SEED + i);
	a = kmap_local_page(pages[0]);
	b = kmap_atomic(pages[1]); /* preemption off: CPU fixed below */
	cpu = smp_processor_id();
	c = kmap_local_page(pages[2]);
	KUNIT_EXPECT_EQ(test, (unsigned long)a,
			kmap_test_cpu_slot_vaddr(cpu, 0));
	KUNIT_EXPECT_EQ(test, (unsigned long)b,
			kmap_test_cpu_slot_vaddr(cpu, 1));
	KUNIT_EXPECT_EQ(test, (unsigned long)c,
			kmap_test_cpu_slot_vaddr(cpu, 2));
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 2);
	KUNIT_EXPECT_TRUE(test, page_ok(a, pages[0], SEED) &&
					page_ok(b, pages[1], SEED + 1) &&
					page_ok(c, pages[2], SEED + 2));
	kunmap_local(c);
	kunmap_atomic(b);
	KUNIT_EXPECT_TRUE(test, pte_none(*cpu_slot_pte(cpu, 1)));
	KUNIT_EXPECT_EQ(test, preempt_count(), 0); /* kmap_local left it on */
	kunmap_local(a);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	KUNIT_EXPECT_TRUE(test, pte_none(*cpu_slot_pte(cpu, 0)));
}

static void lowmem_page_takes_no_slot(struct kunit *test)
{
	struct page *page = kmap_test_lowpage(test);
	void *p = kmap_local_page(page);
	void *q = kmap_local_pfn(page_to_pfn(page));

	KUNIT_EXPECT_PTR_EQ(test, p, lowmem_page_address(page));
	KUNIT_EXPECT_PTR_EQ(test, q, lowmem_page_address(page));
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	KUNIT_EXPECT_EQ(test, kmap_atomic_idx(), -1);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	kunmap_local(q);
	kunmap_local(p);
	KUNIT_EXPECT_EQ(test, kmap_test_busy_atomic_slots(), 0);
}

static void kmap_local_pfn_maps_that_frame(struct kunit *test)
{
	struct page *page = kmap_test_highpage(test);
	u32 *p;

	fill_page(page, SEED);
	p = kmap_local_pfn(page_to_pfn(page));
	KUNIT_EXPECT_TRUE(test, page_ok(p, page, SEED));
	KUNIT_EXPECT_PTR_EQ(test, kmap_atomic_to_page(p), page);
	kunmap_local(p);
}

/* Unmapping the older of two maps: Linux's WARNING, the newest goes. */
static void kunmap_local_out_of_order_warns(struct kunit *test)
{
	struct page *pages[2];
	unsigned int cpu;
	u32 *a, *b;

	if (!CONFIG_DEBUG_HIGHMEM) {
		kunit_skip(test, "the order is checked in the debug build");
		return;
	}
	kmap_test_highpages(test, pages, 2);
	a = kmap_local_page(pages[0]);
	b = kmap_local_page(pages[1]);
	cpu = smp_processor_id(); /* the runner never changes CPUs */
	kunit_expect_report(test, "WARNING", "kunmap_local out of order");
	kmap_test_capture_start();
	kunmap_local(a); /* b is the newest */
	kmap_test_capture_stop();
	KUNIT_EXPECT_EQ(test, (unsigned long)b,
			kmap_test_cpu_slot_vaddr(cpu, 1));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("WARNING: "));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("mm/kmap_local.c"));
	/* The newest map (b's slot) went; a's is still there. */
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 1);
	KUNIT_EXPECT_TRUE(test, pte_none(*cpu_slot_pte(cpu, 1)));
	KUNIT_EXPECT_FALSE(test, pte_none(*cpu_slot_pte(cpu, 0)));
	kunmap_local(a); /* now the newest: no report */
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
}

static struct kunit_case kmap_local_cases[] = {
	KUNIT_CASE(local_maps_survive_switches),
	KUNIT_CASE(local_and_atomic_maps_nest),
	KUNIT_CASE(lowmem_page_takes_no_slot),
	KUNIT_CASE(kmap_local_pfn_maps_that_frame),
	KUNIT_CASE(kunmap_local_out_of_order_warns),
	{},
};

static struct kunit_suite kmap_local_suite = {
	.name = "kmap_local",
	.test_cases = kmap_local_cases,
	.init = kmap_local_init,
	.exit = kmap_local_exit,
};
kunit_test_suite(kmap_local_suite);
