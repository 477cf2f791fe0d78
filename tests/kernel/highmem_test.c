/*
 * tests/kernel/highmem_test.c: suite "highmem", what kmap and kmap_atomic
 * promise (include/linux/highmem.h), checked through the hardware: data
 * written through one mapping is read back through another, stale
 * mappings are shown to fault, and the pkmap bookkeeping is compared with
 * Linux's semantics (counts, cursor, wrap-around flush, exhaustion).
 *
 * Expected addresses are derived from the constants and formulas
 * (__fix_to_virt, PKMAP_ADDR), never written down. Cases that need
 * HighMem skip on machines without it (-m 256); the lowmem cases run
 * everywhere. After every case the suite's exit checks that nothing
 * leaked: no kmap_atomic slot held, no preemption or page-fault disable
 * left, no pkmap slot with users.
 */
#include <kunit/private.h>
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/layout.h>
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/wait.h>

#include <string.h>

#include "kmap_test.h"

/* This CPU's kmap_atomic slot `type`, from the formula alone. */
static unsigned long slot_vaddr(int type)
{
	return __fix_to_virt(FIX_KMAP_BEGIN + type +
			     KM_TYPE_NR * smp_processor_id());
}

static pte_t *slot_pte(int type)
{
	return fixmap_pte(FIX_KMAP_BEGIN + type +
			  KM_TYPE_NR * smp_processor_id());
}

static bool in_pkmap(const void *p)
{
	unsigned long a = (unsigned long)p;

	return a >= PKMAP_BASE && a < PKMAP_BASE + LAST_PKMAP * PAGE_SIZE;
}

/* The PTE that really maps a kernel address maps this page. */
static bool maps_page(const void *vaddr, struct page *page)
{
	pte_t *ptep = virt_to_kpte((unsigned long)vaddr);

	return ptep && !pte_none(*ptep) && pte_pfn(*ptep) == page_to_pfn(page);
}

/* ---- lowmem: the shortcut that must not touch pkmap or fixmap ---- */

static void lowmem_page_bypasses_pkmap_and_fixmap(struct kunit *test)
{
	static int counts_before[LAST_PKMAP];
	struct page *page = kmap_test_lowpage(test);
	void *linear = lowmem_page_address(page);
	unsigned int cursor = pkmap_kunit_last_nr();
	unsigned long flushes = pkmap_kunit_flushes();
	void *k, *a, *pfn_map;

	pkmap_kunit_counts(counts_before);
	k = kmap(page);
	a = kmap_atomic(page);
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	KUNIT_EXPECT_TRUE(test, pagefault_disabled());
	pfn_map = kmap_atomic_pfn(page_to_pfn(page));
	KUNIT_EXPECT_EQ(test, kmap_atomic_idx(), -1); /* no slot taken */
	KUNIT_EXPECT_TRUE(test, pte_none(*slot_pte(0)));
	KUNIT_EXPECT_PTR_EQ(test, kmap_atomic_to_page(a), page);
	KUNIT_EXPECT_PTR_EQ(test, kmap_to_page(k), page);
	kunmap_atomic(pfn_map);
	kunmap_atomic(a);
	kunmap(page);

	KUNIT_EXPECT_PTR_EQ(test, k, linear);
	KUNIT_EXPECT_PTR_EQ(test, a, linear);
	KUNIT_EXPECT_PTR_EQ(test, pfn_map, linear);
	KUNIT_EXPECT_PTR_EQ(test, page_address(page), linear);
	KUNIT_EXPECT_EQ(test, pkmap_kunit_counts_cmp(counts_before), 0);
	KUNIT_EXPECT_EQ(test, pkmap_kunit_last_nr(), cursor);
	KUNIT_EXPECT_EQ(test, pkmap_kunit_flushes(), flushes);
}

/* ---- persistent maps ---- */

static void kmap_reaches_the_page(struct kunit *test)
{
	struct page *page = kmap_test_highpage(test);
	unsigned long pfn = page_to_pfn(page);
	u32 *k = kmap(page), *a;

	KUNIT_ASSERT_NOT_NULL(test, k);
	KUNIT_EXPECT_TRUE(test, in_pkmap(k));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)k, PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, maps_page(k, page));
	KUNIT_EXPECT_PTR_EQ(test, page_address(page), k);
	KUNIT_EXPECT_PTR_EQ(test, kmap_to_page(k + 5), page);
	k[0] = kmap_test_pattern(pfn, 0, 1);
	k[1023] = kmap_test_pattern(pfn, 1023, 1);
	a = kmap_atomic(page); /* a second, independent mapping */
	KUNIT_EXPECT_EQ(test, a[0], kmap_test_pattern(pfn, 0, 1));
	KUNIT_EXPECT_EQ(test, a[1023], kmap_test_pattern(pfn, 1023, 1));
	kunmap_atomic(a);
	kunmap(page);
}

static void kmap_twice_shares_one_entry(struct kunit *test)
{
	struct page *page = kmap_test_highpage(test);
	void *first = kmap(page), *second = kmap(page);
	unsigned long nr = PKMAP_NR(first);

	KUNIT_ASSERT_NOT_NULL(test, first);
	KUNIT_EXPECT_PTR_EQ(test, second, first);
	KUNIT_EXPECT_EQ(test, pkmap_kunit_count(nr), 3); /* two users */
	kunmap(page);
	KUNIT_EXPECT_EQ(test, pkmap_kunit_count(nr), 2);
	kunmap(page);
	/* No users, but still mapped until a flush: the address stays. */
	KUNIT_EXPECT_EQ(test, pkmap_kunit_count(nr), 1);
	KUNIT_EXPECT_PTR_EQ(test, page_address(page), first);
	KUNIT_EXPECT_PTR_EQ(test, kmap(page), first); /* reused, no new slot */
	kunmap(page);
	kmap_flush_unused();
	KUNIT_EXPECT_EQ(test, pkmap_kunit_count(nr), 0);
	KUNIT_EXPECT_NULL(test, page_address(page));
	KUNIT_EXPECT_TRUE(test, pte_none(pkmap_page_table[nr]));
}

/*
 * Linux's cursor pre-increments: a new map takes the slot after the last
 * one handed out (slot 1 first after boot; slot 0 only once the cursor
 * wraps). After kmap_flush_unused() no slot without users is mapped, so
 * that next slot must be free and must be the one we get.
 */
static void kmap_takes_slot_after_cursor(struct kunit *test)
{
	struct page *pages[2];
	unsigned int next;
	void *v;

	kmap_test_highpages(test, pages, 2);
	for (int i = 0; i < 2; i++) {
		kmap_flush_unused();
		next = (pkmap_kunit_last_nr() + 1) & LAST_PKMAP_MASK;
		KUNIT_ASSERT_EQ(test, pkmap_kunit_count(next), 0);
		v = kmap(pages[i]);
		KUNIT_EXPECT_EQ(test, (unsigned long)v, PKMAP_ADDR(next));
		KUNIT_EXPECT_EQ(test, pkmap_kunit_last_nr(), next);
		KUNIT_EXPECT_EQ(test, pkmap_kunit_count(next), 2);
		kunmap(pages[i]);
	}
}

/*
 * "Fill the window exactly": with the window empty, LAST_PKMAP distinct
 * pages all get a slot - slot 0 included, reached after the cursor wraps
 * - and every slot then has one user. One kunmap makes room: the next
 * distinct page's kmap wraps, flushes and takes exactly the freed slot.
 * (A kmap on the full window sleeps: the kmap_sleep suite shows it with
 * two threads.)
 */
static void kmap_fills_window_exactly(struct kunit *test)
{
	struct page **pages = lowmem_page_address(kmap_test_lowpage(test));
	static unsigned long seen[LAST_PKMAP / 32];
	unsigned int i, nseen = 0, busy = 0, victim_slot;
	unsigned long flushes;
	void *v;

	BUILD_BUG_ON((LAST_PKMAP + 1) * sizeof(*pages) > PAGE_SIZE);
	kmap_test_highpages(test, pages, LAST_PKMAP + 1);
	memset(seen, 0, sizeof(seen));
	kmap_flush_unused();
	for (i = 0; i < LAST_PKMAP; i++)
		KUNIT_ASSERT_EQ(test, pkmap_kunit_count(i), 0);

	for (i = 0; i < LAST_PKMAP; i++) {
		unsigned long nr;

		v = kmap(pages[i]);
		KUNIT_ASSERT_TRUE(test, in_pkmap(v));
		nr = PKMAP_NR(v);
		if (!(seen[nr / 32] & (1UL << (nr % 32))))
			nseen++;
		seen[nr / 32] |= 1UL << (nr % 32);
	}
	KUNIT_EXPECT_EQ(test, nseen, LAST_PKMAP); /* all distinct: every slot */
	for (i = 0; i < LAST_PKMAP; i++)
		busy += pkmap_kunit_count(i) == 2;
	KUNIT_EXPECT_EQ(test, busy, LAST_PKMAP);

	victim_slot = PKMAP_NR(page_address(pages[7]));
	kunmap(pages[7]);
	flushes = pkmap_kunit_flushes();
	v = kmap(pages[LAST_PKMAP]);
	KUNIT_EXPECT_EQ(test, (unsigned long)v, PKMAP_ADDR(victim_slot));
	KUNIT_EXPECT_EQ(test, pkmap_kunit_flushes(), flushes + 1);
	KUNIT_EXPECT_NULL(test, page_address(pages[7]));
	KUNIT_EXPECT_TRUE(test, maps_page(v, pages[LAST_PKMAP]));

	for (i = 0; i <= LAST_PKMAP; i++)
		if (i != 7)
			kunmap(pages[i]);
	kmap_flush_unused();
}

static void kunmap_of_unmapped_page_is_reported(struct kunit *test)
{
	static int counts_before[LAST_PKMAP];
	struct page *page = kmap_test_highpage(test);
	unsigned long nr;

	kmap_flush_unused();
	pkmap_kunit_counts(counts_before);
	kunit_expect_report(test, "BUG", "kunmap of a page never mapped");
	kmap_test_capture_start();
	kunmap(page); /* never mapped */
	kmap_test_capture_stop();
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("BUG: kunmap: page "));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured(" is not mapped"));
	KUNIT_EXPECT_EQ(test, pkmap_kunit_counts_cmp(counts_before), 0);

	/* One kunmap too many: the slot keeps count 1, nothing goes to 0. */
	nr = PKMAP_NR(kmap(page));
	kunmap(page);
	kunit_expect_report(test, "BUG", "kunmap: one kunmap too many");
	kmap_test_capture_start();
	kunmap(page);
	kmap_test_capture_stop();
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("BUG: kunmap: page "));
	KUNIT_EXPECT_EQ(test, pkmap_kunit_count(nr), 1);
	KUNIT_EXPECT_NOT_NULL(test, page_address(page));
}

static void stale_pkmap_address_faults_after_flush(struct kunit *test)
{
	struct page *page = kmap_test_highpage(test);
	u32 *v = kmap(page);
	unsigned long nr = PKMAP_NR(v);
	struct kunit_fault f;

	v[0] = kmap_test_pattern(page_to_pfn(page), 0, 2);
	kunmap(page);
	/* Count 1: unused but still mapped until the next flush. */
	KUNIT_EXPECT_FALSE(test,
			   kunit_expect_fault(kmap_test_read_word, v, NULL));
	KUNIT_EXPECT_EQ(test, v[0], kmap_test_pattern(page_to_pfn(page), 0, 2));
	kmap_flush_unused();
	KUNIT_EXPECT_TRUE(test, pte_none(pkmap_page_table[nr]));
	KUNIT_ASSERT_TRUE(test, kunit_expect_fault(kmap_test_read_word, v, &f));
	KUNIT_EXPECT_EQ(test, f.far, (unsigned long)v);
	KUNIT_EXPECT_EQ(test, kmap_test_fault_fs(f.fsr), FS_TRANSLATION_PAGE);
}

/* A custom wake function: counts wake-ups instead of waking a task. */
static int count_wakeups(struct wait_queue_entry *wq_entry, unsigned int mode,
			 int flags, void *key)
{
	(*(int *)wq_entry->private)++;
	return 1;
}

/*
 * kunmap_high wakes pkmap_map_wait exactly when a slot drops to count 1
 * (it just became reclaimable), and a task queued the way map_new_virtual
 * queues itself is made runnable by it.
 */
static void kunmap_wakes_pkmap_waiters(struct kunit *test)
{
	struct page *page = kmap_test_highpage(test);
	int calls = 0;
	struct wait_queue_entry counter = {
		.private = &calls,
		.func = count_wakeups,
	};
	DECLARE_WAITQUEUE(wait, current);

	add_wait_queue(pkmap_kunit_wait_queue(), &counter);
	kmap(page);
	kmap(page);
	kunmap(page); /* 3 -> 2: nothing reclaimable yet */
	KUNIT_EXPECT_EQ(test, calls, 0);
	kunmap(page); /* 2 -> 1 */
	KUNIT_EXPECT_EQ(test, calls, 1);
	remove_wait_queue(pkmap_kunit_wait_queue(), &counter);

	kmap(page);
	__set_current_state(TASK_UNINTERRUPTIBLE);
	add_wait_queue(pkmap_kunit_wait_queue(), &wait);
	kunmap(page);
	KUNIT_EXPECT_EQ(test, current->state, TASK_RUNNING);
	remove_wait_queue(pkmap_kunit_wait_queue(), &wait);
	__set_current_state(TASK_RUNNING);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(pkmap_kunit_wait_queue()));
}

/* ---- atomic maps ---- */

static void kmap_atomic_uses_this_cpus_first_slot(struct kunit *test)
{
	struct page *page = kmap_test_highpage(test);
	unsigned long pfn = page_to_pfn(page);
	u32 *a, *k;

	KUNIT_ASSERT_EQ(test, kmap_atomic_idx(), -1);
	a = kmap_atomic(page);
	KUNIT_EXPECT_EQ(test, (unsigned long)a, slot_vaddr(0));
	KUNIT_EXPECT_TRUE(test, (unsigned long)a >= FIXADDR_START &&
					(unsigned long)a < FIXADDR_END);
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	KUNIT_EXPECT_TRUE(test, pagefault_disabled());
	KUNIT_EXPECT_TRUE(test, maps_page(a, page));
	KUNIT_EXPECT_PTR_EQ(test, kmap_atomic_to_page(a + 9), page);
	a[0] = kmap_test_pattern(pfn, 0, 3);
	a[600] = kmap_test_pattern(pfn, 600, 3);
	kunmap_atomic(a);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_FALSE(test, pagefault_disabled());

	k = kmap(page);
	KUNIT_EXPECT_EQ(test, k[0], kmap_test_pattern(pfn, 0, 3));
	KUNIT_EXPECT_EQ(test, k[600], kmap_test_pattern(pfn, 600, 3));
	kunmap(page);
}

static void kmap_atomic_pfn_maps_that_frame(struct kunit *test)
{
	struct page *page = kmap_test_highpage(test);
	unsigned long pfn = page_to_pfn(page);
	u32 *a = kmap_atomic_pfn(pfn), *k;

	KUNIT_EXPECT_EQ(test, (unsigned long)a, slot_vaddr(0));
	KUNIT_EXPECT_TRUE(test, maps_page(a, page));
	KUNIT_EXPECT_PTR_EQ(test, kmap_atomic_to_page(a), page);
	a[17] = kmap_test_pattern(pfn, 17, 4);
	kunmap_atomic(a);
	k = kmap(page);
	KUNIT_EXPECT_EQ(test, k[17], kmap_test_pattern(pfn, 17, 4));
	kunmap(page);
}

static void stale_fixmap_address_faults(struct kunit *test)
{
	struct page *page = kmap_test_highpage(test);
	u32 *a = kmap_atomic(page);
	struct kunit_fault f;

	a[0] = 0x5a5a5a5a;
	kunmap_atomic(a);
	KUNIT_EXPECT_TRUE(test, pte_none(*slot_pte(0)));
	KUNIT_ASSERT_TRUE(test, kunit_expect_fault(kmap_test_read_word, a, &f));
	KUNIT_EXPECT_EQ(test, f.far, (unsigned long)a);
	KUNIT_EXPECT_EQ(test, kmap_test_fault_fs(f.fsr), FS_TRANSLATION_PAGE);
}

/* One kmap_atomic too many, for kunit_expect_bug(). */
static struct {
	struct page *page;
	void *vaddr;
} overflow_map;

static void kmap_atomic_one_more(void *unused)
{
	(void)unused;
	overflow_map.vaddr = kmap_atomic(overflow_map.page);
}

/*
 * KM_TYPE_NR nested maps take slots 0..KM_TYPE_NR-1 of this CPU's stack,
 * each mapping its own page; one more is Linux's BUG (debug build), which
 * leaves the stack as it was. Unmapping in reverse empties every slot.
 */
static void kmap_atomic_nests_as_a_stack(struct kunit *test)
{
	struct page *pages[KM_TYPE_NR + 1];
	u32 *a[KM_TYPE_NR];
	int i;

	kmap_test_highpages(test, pages, KM_TYPE_NR + 1);
	for (i = 0; i < KM_TYPE_NR; i++) {
		a[i] = kmap_atomic(pages[i]);
		a[i][i] = kmap_test_pattern(page_to_pfn(pages[i]), i, 5);
	}
	KUNIT_EXPECT_EQ(test, kmap_atomic_idx(), KM_TYPE_NR - 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), KM_TYPE_NR);
	for (i = 0; i < KM_TYPE_NR; i++) {
		KUNIT_EXPECT_EQ(test, (unsigned long)a[i], slot_vaddr(i));
		KUNIT_EXPECT_TRUE(test, maps_page(a[i], pages[i]));
	}
	if (CONFIG_DEBUG_HIGHMEM) {
		kunit_expect_report(
			test, "BUG",
			"kmap_atomic nesting deeper than KM_TYPE_NR");
		overflow_map.page = pages[KM_TYPE_NR];
		overflow_map.vaddr = NULL;
		kmap_test_capture_start();
		KUNIT_EXPECT_TRUE(test,
				  kunit_expect_bug(kmap_atomic_one_more, NULL));
		kmap_test_capture_stop();
		KUNIT_EXPECT_NULL(test, overflow_map.vaddr);
		KUNIT_EXPECT_TRUE(
			test,
			kmap_test_captured("kernel BUG at "
					   "arch/arm/include/asm/highmem.h:"));
		KUNIT_EXPECT_TRUE(
			test,
			kmap_test_captured("Internal error: Oops - BUG: 0 [#"));
		/* Stopped before the push: the stack and its PTEs as they were. */
		KUNIT_EXPECT_EQ(test, kmap_atomic_idx(), KM_TYPE_NR - 1);
		KUNIT_EXPECT_TRUE(test, pte_none(*slot_pte(KM_TYPE_NR)));
		/* kmap_atomic's own disable stays: up one, never down. */
		KUNIT_EXPECT_EQ(test, preempt_count(), KM_TYPE_NR + 1);
		KUNIT_EXPECT_EQ(test, current_thread_info()->pagefault_disabled,
				KM_TYPE_NR + 1);
		pagefault_and_preempt_enable(); /* what the dead caller held */
		KUNIT_EXPECT_EQ(test, preempt_count(), KM_TYPE_NR);
	}
	for (i = KM_TYPE_NR - 1; i >= 0; i--)
		kunmap_atomic(a[i]);
	for (i = 0; i < KM_TYPE_NR; i++) {
		u32 *k = kmap(pages[i]);

		KUNIT_EXPECT_TRUE(test, pte_none(*slot_pte(i)));
		KUNIT_EXPECT_EQ(test, k[i],
				kmap_test_pattern(page_to_pfn(pages[i]), i, 5));
		kunmap(pages[i]);
	}
}

/*
 * Unmapping an address that is not the top of the stack is reported
 * (debug build); the top slot is the one freed, as in Linux, so the
 * stack and the PTEs stay consistent and the real top can still be
 * unmapped cleanly afterwards.
 */
static void kunmap_atomic_out_of_order_warns(struct kunit *test)
{
	struct page *pages[2];
	u32 *a, *b;

	if (!CONFIG_DEBUG_HIGHMEM) {
		kunit_skip(test,
			   "the order check is a CONFIG_DEBUG_HIGHMEM check");
		return;
	}
	kmap_test_highpages(test, pages, 2);
	a = kmap_atomic(pages[0]);
	b = kmap_atomic(pages[1]);
	a[0] = kmap_test_pattern(page_to_pfn(pages[0]), 0, 6);
	kunit_expect_report(test, "WARNING", "kunmap_atomic out of order");
	kmap_test_capture_start();
	kunmap_atomic(a); /* b is on top */
	kmap_test_capture_stop();
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("WARNING:"));
	KUNIT_EXPECT_EQ(test, kmap_atomic_idx(), 0);
	KUNIT_EXPECT_TRUE(test, pte_none(*slot_pte(1)));
	KUNIT_EXPECT_TRUE(test, maps_page(a, pages[0]));
	KUNIT_EXPECT_EQ(test, a[0],
			kmap_test_pattern(page_to_pfn(pages[0]), 0, 6));

	kmap_test_capture_start();
	kunmap_atomic(a); /* now it is the top */
	kmap_test_capture_stop();
	KUNIT_EXPECT_FALSE(test, kmap_test_captured("WARNING:"));
	KUNIT_EXPECT_EQ(test, kmap_atomic_idx(), -1);
	KUNIT_EXPECT_TRUE(test, pte_none(*slot_pte(0)));
	(void)b;
}

static void clear_highpage_zeroes_the_page(struct kunit *test)
{
	struct page *page = kmap_test_highpage(test);
	u32 *k = kmap(page);
	unsigned int nonzero = 0;

	for (int i = 0; i < 1024; i++)
		k[i] = 0xffffffff;
	clear_highpage(page);
	for (int i = 0; i < 1024; i++)
		nonzero += k[i] != 0;
	kunmap(page);
	KUNIT_EXPECT_EQ(test, nonzero, 0);
}

/* ---- an interrupt handler nests its own kmap_atomic ---- */

#define IRQ_RUNS 5

static struct {
	struct page *page;
	volatile unsigned int runs;
	volatile unsigned int bad_data;
	volatile unsigned long vaddr;
	volatile int depth;
} irq_kmap;

/*
 * From the tick: map the hook's own page, check the value the previous
 * run left, leave the next one. The interrupted code holds slot 0.
 */
static void kmap_atomic_in_irq(void)
{
	unsigned long pfn = page_to_pfn(irq_kmap.page);
	unsigned int run = irq_kmap.runs;
	u32 *p;

	if (run >= IRQ_RUNS)
		return;
	p = kmap_atomic(irq_kmap.page);
	irq_kmap.vaddr = (unsigned long)p;
	irq_kmap.depth = kmap_atomic_idx();
	if (p[3] != kmap_test_pattern(pfn, 3, run))
		irq_kmap.bad_data++;
	p[3] = kmap_test_pattern(pfn, 3, run + 1);
	kunmap_atomic(p);
	irq_kmap.runs = run + 1;
}

static void irq_kmap_atomic_nests_above_interrupted(struct kunit *test)
{
	struct page *pages[2];
	unsigned long start = jiffies, bad_reads = 0, pfn0, pfn1;
	u32 *mine, *k;

	if (!tick_running()) {
		kunit_skip(test, "no timer tick on this machine");
		return;
	}
	kmap_test_highpages(test, pages, 2);
	pfn0 = page_to_pfn(pages[0]);
	pfn1 = page_to_pfn(pages[1]);
	k = kmap(pages[1]);
	k[3] = kmap_test_pattern(pfn1, 3, 0);
	kunmap(pages[1]);
	irq_kmap.page = pages[1];
	irq_kmap.runs = 0;
	irq_kmap.bad_data = 0;

	mine = kmap_atomic(pages[0]);
	for (int i = 0; i < 1024; i++)
		mine[i] = kmap_test_pattern(pfn0, i, 7);
	set_tick_hook(kmap_atomic_in_irq);
	/* Bounded: a dead tick fails the case instead of hanging it. */
	while (irq_kmap.runs < IRQ_RUNS && jiffies - start < 10 * IRQ_RUNS) {
		for (int i = 0; i < 1024; i++)
			bad_reads += READ_ONCE(mine[i]) !=
				     kmap_test_pattern(pfn0, i, 7);
	}
	set_tick_hook(NULL);
	KUNIT_EXPECT_EQ(test, kmap_atomic_idx(), 0);
	KUNIT_EXPECT_TRUE(test, maps_page(mine, pages[0]));
	kunmap_atomic(mine);

	KUNIT_EXPECT_EQ(test, irq_kmap.runs, IRQ_RUNS);
	KUNIT_EXPECT_EQ(test, irq_kmap.bad_data, 0);
	KUNIT_EXPECT_EQ(test, bad_reads, 0);
	KUNIT_EXPECT_EQ(test, irq_kmap.depth, 1);
	KUNIT_EXPECT_EQ(test, irq_kmap.vaddr, slot_vaddr(1));
	KUNIT_EXPECT_TRUE(test, pte_none(*slot_pte(1)));
	k = kmap(pages[1]);
	KUNIT_EXPECT_EQ(test, k[3], kmap_test_pattern(pfn1, 3, IRQ_RUNS));
	kunmap(pages[1]);
}

/* kmap may sleep: from an interrupt handler it is reported. */
static struct page *irq_kmap_lowpage;
static volatile bool irq_kmap_done;

static void kmap_in_irq(void)
{
	if (irq_kmap_done)
		return;
	irq_kmap_done =
		kmap(irq_kmap_lowpage) == lowmem_page_address(irq_kmap_lowpage);
	kunmap(irq_kmap_lowpage);
}

static void kmap_in_interrupt_warns(struct kunit *test)
{
	unsigned long start = jiffies;

	if (!CONFIG_DEBUG_ATOMIC_SLEEP || !tick_running()) {
		kunit_skip(test, "needs the debug build and a timer tick");
		return;
	}
	irq_kmap_lowpage = kmap_test_lowpage(test);
	irq_kmap_done = false;
	kunit_expect_report(test, "BUG",
			    "kmap and kunmap from an interrupt (two reports)");
	kmap_test_capture_start();
	set_tick_hook(kmap_in_irq);
	while (!irq_kmap_done && jiffies - start < 10)
		barrier();
	set_tick_hook(NULL);
	kmap_test_capture_stop();
	KUNIT_EXPECT_TRUE(test, irq_kmap_done);
	KUNIT_EXPECT_TRUE(test,
			  kmap_test_captured("BUG: sleeping function called "
					     "from invalid context at "
					     "include/linux/highmem.h:"));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("in_atomic(): 1, "));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("non_block: 0, pid: 0, "
						   "name: swapper"));
}

/*
 * kmap with interrupts off, in process context: might_sleep()'s report
 * too (Linux's irqs_disabled() term), with ARM's I bit as the value.
 */
static void kmap_with_irqs_off_warns(struct kunit *test)
{
	struct page *page;
	unsigned long flags, reports;
	void *v;

	if (!CONFIG_DEBUG_ATOMIC_SLEEP) {
		kunit_skip(test,
			   "might_sleep() checks only in the debug build");
		return;
	}
	page = kmap_test_highpage(test);
	reports = might_sleep_kunit_reports();
	v = kmap(page); /* interrupts on: no report */
	kunmap(page);
	KUNIT_EXPECT_EQ(test, might_sleep_kunit_reports(), reports);
	KUNIT_EXPECT_NOT_NULL(test, v);

	kunit_expect_report(
		test, "BUG",
		"kmap and kunmap with interrupts off (two reports)");
	kmap_test_capture_start();
	local_irq_save(flags);
	v = kmap(page);
	kunmap(page);
	local_irq_restore(flags);
	kmap_test_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, v); /* reported, and carried on */
	KUNIT_EXPECT_EQ(test, might_sleep_kunit_reports(), reports + 2);
	KUNIT_EXPECT_TRUE(test,
			  kmap_test_captured("BUG: sleeping function called "
					     "from invalid context at "
					     "include/linux/highmem.h:"));
	KUNIT_EXPECT_TRUE(test,
			  kmap_test_captured("in_atomic(): 0, irqs_disabled(): "
					     "128, non_block: 0, pid: 0, name: "
					     "swapper"));
}

/* ---- data through every HighMem page ---- */

/* All free HighMem in blocks as large as possible, on `blocks`. */
static unsigned long grab_all_highmem(struct list_head *blocks)
{
	const gfp_t gfp = __GFP_HIGHMEM | __GFP_MEMALLOC | __GFP_NOWARN;
	unsigned long nr = 0;

	for (int order = MAX_ORDER - 1; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(gfp, order))) {
			if (!PageHighMem(
				    page)) { /* HighMem is out at this order */
				__free_pages(page, order);
				break;
			}
			page->private = order;
			list_add_tail(&page->lru, blocks);
			nr += 1UL << order;
		}
	}
	return nr;
}

static void release_blocks(struct list_head *blocks)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, blocks, lru) {
		list_del(&page->lru);
		__free_pages(page, page->private);
	}
}

#define for_each_block_page(page, head, i, blocks)                   \
	list_for_each_entry(head, blocks, lru)                       \
		for (i = 0, page = head; i < (1UL << head->private); \
		     i++, page = head + i)

/*
 * A few words spread over the page for every page, the whole page for a
 * sample (one page in 61, a prime, so the sample walks across blocks).
 */
static const unsigned int probe_words[] = { 0, 1, 341, 682, 1023 };
#define FULL_CHECK(pfn) ((pfn) % 61 == 0)

static void fill_page(u32 *p, unsigned long pfn, u32 seed)
{
	if (FULL_CHECK(pfn)) {
		for (unsigned int w = 0; w < PAGE_SIZE / 4; w++)
			p[w] = kmap_test_pattern(pfn, w, seed);
		return;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(probe_words); i++)
		p[probe_words[i]] =
			kmap_test_pattern(pfn, probe_words[i], seed);
}

/* Mismatching words, the first few logged. */
static unsigned int check_page(struct kunit *test, const u32 *p,
			       unsigned long pfn, u32 seed,
			       unsigned int *logged)
{
	unsigned int bad = 0, n = FULL_CHECK(pfn) ? PAGE_SIZE / 4 :
						    ARRAY_SIZE(probe_words);

	for (unsigned int i = 0; i < n; i++) {
		unsigned int w = FULL_CHECK(pfn) ? i : probe_words[i];

		if (p[w] == kmap_test_pattern(pfn, w, seed))
			continue;
		if (bad++ == 0 && (*logged)++ < 4)
			kunit_info(test, "pfn %#lx word %u: %#x, expected %#x",
				   pfn, w, p[w],
				   kmap_test_pattern(pfn, w, seed));
	}
	return bad;
}

static LIST_HEAD(all_highmem);

static u32 *map_page(struct page *page, bool atomic)
{
	return atomic ? kmap_atomic(page) : kmap(page);
}

static void unmap_page(struct page *page, u32 *p, bool atomic)
{
	if (atomic)
		kunmap_atomic(p);
	else
		kunmap(page);
}

/*
 * Write every grabbed page through one kind of map and read it all back
 * through the other. Returns the number of pages with wrong data.
 */
static unsigned int data_pass(struct kunit *test, bool write_atomic, u32 seed,
			      unsigned int *logged)
{
	unsigned int bad_pages = 0;
	struct page *page, *head;
	unsigned long i;

	for_each_block_page(page, head, i, &all_highmem)
	{
		u32 *p = map_page(page, write_atomic);

		fill_page(p, page_to_pfn(page), seed);
		unmap_page(page, p, write_atomic);
	}
	for_each_block_page(page, head, i, &all_highmem)
	{
		u32 *p = map_page(page, !write_atomic);

		bad_pages +=
			!!check_page(test, p, page_to_pfn(page), seed, logged);
		unmap_page(page, p, !write_atomic);
	}
	return bad_pages;
}

/*
 * Half the window is pinned by long-lived kmaps for the whole test: the
 * other half is then reused twice as often, and every flush must leave
 * the pinned slots (which have users) alone.
 */
#define PINNED (LAST_PKMAP / 2)

static void pin_half_window(struct kunit *test, struct page **pins, void **addr)
{
	kmap_test_highpages(test, pins, PINNED);
	kmap_flush_unused();
	for (unsigned int i = 0; i < PINNED; i++) {
		addr[i] = kmap(pins[i]);
		KUNIT_ASSERT_NOT_NULL(test, addr[i]);
		fill_page(addr[i], page_to_pfn(pins[i]), 0x2000);
	}
}

static unsigned int unpin_half_window(struct kunit *test, struct page **pins,
				      void **addr, unsigned int *logged)
{
	unsigned int bad_pages = 0;

	for (unsigned int i = 0; i < PINNED; i++) {
		KUNIT_EXPECT_PTR_EQ(test, page_address(pins[i]), addr[i]);
		bad_pages += !!check_page(test, addr[i], page_to_pfn(pins[i]),
					  0x2000, logged);
		kunmap(pins[i]);
	}
	return bad_pages;
}

/*
 * Every HighMem page gets a page-specific pattern through kmap_atomic and
 * is read back through kmap, then the other way round. Each kmap pass
 * maps every page once through the half window that is not pinned, so it
 * wraps about pages / 256 times, each wrap one flush_all_zero_pkmaps: a
 * missed TLB flush or a slot handed out twice shows up as another page's
 * data, a flush that touched a used slot as a pinned page's.
 */
static void every_highmem_page_keeps_its_data(struct kunit *test)
{
	struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
	struct page **pins = lowmem_page_address(kmap_test_lowpage(test));
	void **addr = lowmem_page_address(kmap_test_lowpage(test));
	unsigned long nr, free_before, flushes;
	unsigned int bad_pages = 0, logged = 0;

	pin_half_window(test, pins, addr);
	free_before = high->free_pages;
	nr = grab_all_highmem(&all_highmem);
	KUNIT_EXPECT_EQ(test, nr, free_before);
	KUNIT_EXPECT_EQ(test, high->free_pages, 0);

	for (int dir = 0; dir < 2; dir++) {
		flushes = pkmap_kunit_flushes();
		bad_pages += data_pass(test, dir == 0, 0x1000 + dir, &logged);
		flushes = pkmap_kunit_flushes() - flushes;
		/* Each trip round the unpinned half ends in one flush. */
		KUNIT_EXPECT_GE(test, flushes, nr / (LAST_PKMAP - PINNED) - 1);
		kunit_info(test, "%s: %lu pages, %lu pkmap flushes",
			   dir ? "kmap -> kmap_atomic" : "kmap_atomic -> kmap",
			   nr, flushes);
	}
	bad_pages += unpin_half_window(test, pins, addr, &logged);
	KUNIT_EXPECT_EQ(test, bad_pages, 0);
	kmap_flush_unused();
	release_blocks(&all_highmem);
	KUNIT_EXPECT_EQ(test, high->free_pages, free_before);
}

/* ---- the suite ---- */

/* Whatever a case leaves behind fails it and is cleaned up here. */
static void highmem_exit(struct kunit *test)
{
	unsigned int busy = 0;

	set_tick_hook(NULL);
	release_blocks(&all_highmem);
	if (kmap_atomic_idx() != -1 || preempt_count() || pagefault_disabled())
		kunit_fail(test, __FILE__, __LINE__,
			   "leaked kmap_atomic state: depth %d, preempt %d",
			   kmap_atomic_idx() + 1, preempt_count());
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		busy += pkmap_kunit_count(i) > 1;
	if (busy)
		kunit_fail(test, __FILE__, __LINE__,
			   "%u pkmap slots still have users", busy);
	kmap_test_release();
}

static struct kunit_case highmem_cases[] = {
	KUNIT_CASE(lowmem_page_bypasses_pkmap_and_fixmap),
	KUNIT_CASE(kmap_reaches_the_page),
	KUNIT_CASE(kmap_twice_shares_one_entry),
	KUNIT_CASE(kmap_takes_slot_after_cursor),
	KUNIT_CASE(kmap_fills_window_exactly),
	KUNIT_CASE(kunmap_of_unmapped_page_is_reported),
	KUNIT_CASE(stale_pkmap_address_faults_after_flush),
	KUNIT_CASE(kunmap_wakes_pkmap_waiters),
	KUNIT_CASE(kmap_atomic_uses_this_cpus_first_slot),
	KUNIT_CASE(kmap_atomic_pfn_maps_that_frame),
	KUNIT_CASE(stale_fixmap_address_faults),
	KUNIT_CASE(kmap_atomic_nests_as_a_stack),
	KUNIT_CASE(kunmap_atomic_out_of_order_warns),
	KUNIT_CASE(clear_highpage_zeroes_the_page),
	KUNIT_CASE(irq_kmap_atomic_nests_above_interrupted),
	KUNIT_CASE(kmap_in_interrupt_warns),
	KUNIT_CASE(kmap_with_irqs_off_warns),
	KUNIT_CASE(every_highmem_page_keeps_its_data),
	{},
};

static struct kunit_suite highmem_suite = {
	.name = "highmem",
	.test_cases = highmem_cases,
	.exit = highmem_exit,
};
kunit_test_suite(highmem_suite);
