/*
 * tests/kernel/smp_highmem_test.c: suite "smp_highmem", the highmem maps
 * with several CPUs and threads at once (issue 10's test list):
 *
 *  - threads bound to every online CPU kmap/kunmap and kmap_atomic/
 *    kunmap_atomic one shared set of HighMem pages, each writing its own
 *    words of every page: nothing is lost or crossed;
 *  - a pkmap slot that CPU A read through is freed and recycled for
 *    another page by a flush issued on CPU B: A's fresh kmap of the new
 *    page reads the new page, not A's old TLB entry;
 *  - each CPU's kmap_atomic, from a thread bound to it and from an
 *    interrupt on it, takes that CPU's own fixmap slots;
 *  - a thread holding two kmap_local maps is preempted by another thread
 *    of its CPU (which uses the same slots) and still reads both pages;
 *  - a thread holding two kmap_local maps is asked to move to another
 *    CPU: it stays (migrate_disable) and is preempted there, still
 *    reading both pages in its CPU's slots, and moves when its last map
 *    goes; on the new CPU it maps both again in that CPU's slots, is
 *    preempted again and reads both.
 *
 * The runner (the boot task) starts the threads and waits for them with
 * a timeout: a thread that does not finish fails the case with every
 * task's state (show_state()), never a harness timeout. Threads bound
 * their own loops by jiffies too, so they always end, and never use
 * KUNIT_ASSERT_* (it would jump to the runner's stack): they record what
 * they saw and the runner checks it. The suite's exit checks that every
 * pkmap count is back to 0 or 1, no kmap_atomic slot is left mapped and
 * nr_free_pages() is what it was before the case (thread stacks and
 * pages given back). With one CPU online the cases still run on it,
 * except the stale TLB and the migration cases, which need two.
 */
#include <asm/highmem.h>
#include <kunit/private.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>

#include <string.h>

#include "kmap_test.h"
#include "thread_test.h"

/* How long the runner waits for a thread; threads stop well before. */
#define WAIT_TIMEOUT (10 * HZ)
#define THREAD_BUDGET (6 * HZ)
#define WORDS_PER_PAGE (PAGE_SIZE / 4)

static unsigned long case_free_pages;

static int smp_highmem_init(struct kunit *test)
{
	(void)test;
	case_free_pages = nr_free_pages();
	return 0;
}

static void smp_highmem_exit(struct kunit *test)
{
	static int counts[LAST_PKMAP];
	unsigned int users = 0;

	pkmap_kunit_counts(counts);
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		users += counts[i] > 1 || counts[i] < 0;
	KUNIT_EXPECT_EQ(test, users, 0);
	KUNIT_EXPECT_EQ(test, kmap_test_busy_atomic_slots(), 0);
	kmap_flush_unused();
	kmap_test_release();
	/* Every thread stopped (stacks freed), every page given back. */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), case_free_pages);
}

/*
 * Wait for a step (@what) a thread signals on @c, bounded; on timeout
 * fail and show every task. For a thread's end, test_wait_done().
 */
static bool wait_step(struct kunit *test, struct completion *c,
		      const char *what)
{
	if (wait_for_completion_timeout(c, WAIT_TIMEOUT))
		return true;
	kunit_fail(test, __FILE__, __LINE__,
		   "watchdog: no '%s' after %d ticks; tasks:", what,
		   WAIT_TIMEOUT);
	show_state();
	return false;
}

static void fill_page(struct page *page, u32 seed)
{
	u32 *p = kmap_atomic(page);

	for (unsigned int w = 0; w < WORDS_PER_PAGE; w++)
		p[w] = seed ? kmap_test_pattern(page_to_pfn(page), w, seed) : 0;
	kunmap_atomic(p);
}

static bool page_ok(const u32 *p, struct page *page, u32 seed)
{
	for (unsigned int w = 0; w < WORDS_PER_PAGE; w += 61)
		if (p[w] != kmap_test_pattern(page_to_pfn(page), w, seed))
			return false;
	return true;
}

/* ---------------------------------------------------------------------
 * Every CPU at once on one set of pages. Thread t (bound to CPU t) owns
 * LANE_WORDS words of every page: word j * LANE_STRIDE + t. Writes from
 * different CPUs never share a word, so after the loop each page must
 * hold every thread's last pattern and zero everywhere else.
 */
#define SHARED_PAGES 32
#define SHARED_ITERS 120
#define LANE_WORDS 8
#define LANE_STRIDE (WORDS_PER_PAGE / LANE_WORDS)
#define FLUSH_EVERY 8 /* iterations between a thread's kmap_flush_unused */

struct lane_result {
	unsigned int iters;    /* iterations completed */
	unsigned int bad;      /* lane words that did not hold the last write */
	unsigned int bad_addr; /* a map at an address it should not be at */
	unsigned int wrong_cpu; /* ran on another CPU than bound to */
	unsigned int kmaps, atomics, flushes;
	unsigned long first_bad_pfn;
	unsigned int first_bad_word;
	u32 got, want;
};

struct shared_pages {
	struct page *pages[SHARED_PAGES];
	unsigned long deadline;
	struct lane_result res[NR_CPUS];
	struct completion done[NR_CPUS];
};

static u32 lane_seed(unsigned int t, unsigned int iter)
{
	return ((t + 1) << 24) ^ ((iter + 1) * 0x01000193u);
}

static u32 lane_value(struct page *page, unsigned int w, unsigned int t,
		      int iter)
{
	return iter < 0 ? 0 :
			  kmap_test_pattern(page_to_pfn(page), w,
					    lane_seed(t, (unsigned int)iter));
}

/* Check the thread's words hold iteration iter - 1's values, write iter's. */
static void lane_step(struct lane_result *r, u32 *p, struct page *page,
		      unsigned int t, unsigned int iter)
{
	for (unsigned int j = 0; j < LANE_WORDS; j++) {
		unsigned int w = j * LANE_STRIDE + t;
		u32 want = lane_value(page, w, t, (int)iter - 1);
		u32 got = READ_ONCE(p[w]);

		if (got != want && !r->bad++) {
			r->first_bad_pfn = page_to_pfn(page);
			r->first_bad_word = w;
			r->got = got;
			r->want = want;
		}
		WRITE_ONCE(p[w], lane_value(page, w, t, (int)iter));
	}
}

static void lane_page(struct shared_pages *s, struct lane_result *r,
		      unsigned int t, unsigned int iter, unsigned int k)
{
	struct page *page = s->pages[(k + t * 7) % SHARED_PAGES];
	u32 *p;

	if ((iter + k + t) & 1) {
		p = kmap(page);
		r->bad_addr += p != page_address(page);
		lane_step(r, p, page, t, iter);
		kunmap(page);
		r->kmaps++;
		return;
	}
	p = kmap_atomic(page);
	/* Preemption is off: this CPU's slot, at the top of its stack. */
	r->bad_addr +=
		(unsigned long)p !=
		kmap_test_cpu_slot_vaddr(smp_processor_id(), kmap_atomic_idx());
	lane_step(r, p, page, t, iter);
	kunmap_atomic(p);
	r->atomics++;
}

static int lane_thread(void *data)
{
	struct shared_pages *s = data;
	unsigned int t = smp_processor_id(); /* bound: its CPU is its lane */
	struct lane_result *r = &s->res[t];

	for (unsigned int i = 0; i < SHARED_ITERS; i++) {
		if (time_after_eq(jiffies, s->deadline))
			break;
		for (unsigned int k = 0; k < SHARED_PAGES; k++)
			lane_page(s, r, t, i, k);
		r->wrong_cpu += smp_processor_id() != t;
		if (i % FLUSH_EVERY == t % FLUSH_EVERY) {
			kmap_flush_unused(); /* others may be using the window */
			r->flushes++;
		}
		r->iters++;
	}
	complete(&s->done[t]);
	return 0;
}

/* Every word of the page: each online CPU's last write, zero elsewhere. */
static unsigned int page_lanes_bad(struct shared_pages *s, struct page *page)
{
	u32 *p = kmap_atomic(page);
	unsigned int bad = 0;

	for (unsigned int w = 0; w < WORDS_PER_PAGE; w++) {
		unsigned int t = w % LANE_STRIDE;
		u32 want = 0;

		if (t < NR_CPUS && cpu_online(t))
			want = lane_value(page, w, t, (int)s->res[t].iters - 1);
		bad += p[w] != want;
	}
	kunmap_atomic(p);
	return bad;
}

static void threads_share_highmem_pages(struct kunit *test)
{
	static struct shared_pages s;
	struct task_struct *threads[NR_CPUS] = { NULL };
	unsigned int cpu, bad = 0, done = 0;
	unsigned long flushes = pkmap_kunit_flushes();

	memset(&s, 0, sizeof(s));
	kmap_test_highpages(test, s.pages, SHARED_PAGES);
	for (int i = 0; i < SHARED_PAGES; i++)
		fill_page(s.pages[i], 0);
	s.deadline = jiffies + THREAD_BUDGET;
	for_each_online_cpu(cpu)
	{
		init_completion(&s.done[cpu]);
		threads[cpu] =
			kthread_create(lane_thread, &s, "kmap_lane/%u", cpu);
		KUNIT_ASSERT_NOT_NULL(test, threads[cpu]);
		kthread_bind(threads[cpu], cpu);
	}
	for_each_online_cpu(cpu) wake_up_process(threads[cpu]);
	for_each_online_cpu(cpu)
	{
		struct lane_result *r = &s.res[cpu];

		done += test_stop_if_done(test, threads[cpu], &s.done[cpu],
					  WAIT_TIMEOUT);
		kunit_info(test,
			   "CPU%u: %u iterations, %u kmap, %u kmap_atomic, "
			   "%u flushes",
			   cpu, r->iters, r->kmaps, r->atomics, r->flushes);
		if (r->bad)
			kunit_info(test,
				   "CPU%u: %u bad words, first pfn 0x%lx word "
				   "%u: 0x%08x, expected 0x%08x",
				   cpu, r->bad, r->first_bad_pfn,
				   r->first_bad_word, r->got, r->want);
		KUNIT_EXPECT_EQ(test, r->iters, SHARED_ITERS);
		KUNIT_EXPECT_EQ(test, r->bad, 0);
		KUNIT_EXPECT_EQ(test, r->bad_addr, 0);
		KUNIT_EXPECT_EQ(test, r->wrong_cpu, 0);
		KUNIT_EXPECT_GT(test, r->kmaps, 0);
		KUNIT_EXPECT_GT(test, r->atomics, 0);
	}
	KUNIT_EXPECT_EQ(test, done, num_online_cpus());
	for (int i = 0; i < SHARED_PAGES; i++)
		bad += page_lanes_bad(&s, s.pages[i]);
	KUNIT_EXPECT_EQ(test, bad, 0);
	/* The threads' kmap_flush_unused() calls really flushed. */
	KUNIT_EXPECT_GT(test, pkmap_kunit_flushes(), flushes);
}

/* ---------------------------------------------------------------------
 * Stale TLB across CPUs for pkmap. CPU A (a thread bound to another CPU
 * than the runner's) kmaps the old page and reads it: its TLB now holds
 * the slot's translation. kunmap leaves the slot at count 1, still
 * mapped. CPU B (the runner) then flushes the window, which frees the
 * slot, and kmaps the new page until it lands in that very slot (each
 * miss is unmapped and flushed again, so the cursor goes round, through
 * the wrap-around's own flush too). A's fresh kmap of the new page gets
 * the same address and must read the new page. With a flush that
 * invalidated only B's TLB, A would still translate the address to the
 * old page and read its pattern (QEMU keeps a TLB per CPU).
 */
#define OLD_SEED 0x01d01d
#define NEW_SEED 0x0e30e3

struct stale_pkmap {
	struct page *old_page, *new_page;
	struct completion old_read, recycled, new_read;
	/* A's findings */
	unsigned int cpu;
	unsigned long old_addr, new_addr;
	bool old_ok, new_ok, new_reads_old;
	u32 new_word0;
};

static int stale_reader(void *data)
{
	struct stale_pkmap *st = data;
	u32 *p = kmap(st->old_page);

	st->cpu = smp_processor_id();
	st->old_addr = (unsigned long)p;
	st->old_ok = page_ok(p, st->old_page, OLD_SEED);
	kunmap(st->old_page); /* count 1: mapped, A's TLB may keep it */
	complete(&st->old_read);
	if (!wait_for_completion_timeout(&st->recycled, WAIT_TIMEOUT))
		goto out;
	p = kmap(st->new_page);
	st->new_addr = (unsigned long)p;
	st->new_word0 = p[0];
	st->new_ok = page_ok(p, st->new_page, NEW_SEED);
	st->new_reads_old = page_ok(p, st->old_page, OLD_SEED);
	kunmap(st->new_page);
out:
	complete(&st->new_read);
	return 0;
}

/* Kmap the new page until it lands at addr; returns the tries, 0 if not. */
static unsigned int kmap_into_slot(struct page *page, unsigned long addr)
{
	for (unsigned int tries = 1; tries <= LAST_PKMAP + 1; tries++) {
		if ((unsigned long)kmap(page) == addr)
			return tries;
		kunmap(page);
		kmap_flush_unused(); /* unmapped, so the next kmap moves on */
	}
	return 0;
}

static void stale_tlb_pkmap_slot_recycled(struct kunit *test)
{
	static struct stale_pkmap st;
	struct task_struct *reader;
	unsigned int a = smp_processor_id(), cpu, tries = 0;
	unsigned long flushes;
	struct page *pages[2];
	bool finished;

	for_each_online_cpu(cpu) if (cpu != smp_processor_id()) a = cpu;
	if (a == smp_processor_id()) {
		kunit_skip(test, "needs a second CPU online");
		return;
	}
	memset(&st, 0, sizeof(st));
	kmap_test_highpages(test, pages, 2);
	st.old_page = pages[0];
	st.new_page = pages[1];
	fill_page(st.old_page, OLD_SEED);
	fill_page(st.new_page, NEW_SEED);
	init_completion(&st.old_read);
	init_completion(&st.recycled);
	init_completion(&st.new_read);
	reader = kthread_create(stale_reader, &st, "stale_pkmap/%u", a);
	KUNIT_ASSERT_NOT_NULL(test, reader);
	kthread_bind(reader, a);
	wake_up_process(reader);

	if (wait_step(test, &st.old_read, "A read the old page")) {
		flushes = pkmap_kunit_flushes();
		kmap_flush_unused(); /* on B: frees A's slot */
		KUNIT_EXPECT_EQ(test, pkmap_kunit_flushes(), flushes + 1);
		KUNIT_EXPECT_NULL(test, page_address(st.old_page));
		tries = kmap_into_slot(st.new_page, st.old_addr);
		KUNIT_EXPECT_GT(test, tries, 0);
	}
	complete(&st.recycled);
	/* Its last step: a reader that did not get there is left running. */
	finished = test_wait_done(test, reader, &st.new_read, WAIT_TIMEOUT);
	if (tries)
		kunmap(st.new_page);
	test_stop_finished(test, reader, finished);

	kunit_info(test,
		   "CPU%u read the old page at 0x%08lx; CPU%u recycled the "
		   "slot after %u kmaps; CPU%u's fresh kmap at 0x%08lx "
		   "read 0x%08x (%s)",
		   st.cpu, st.old_addr, smp_processor_id(), tries, st.cpu,
		   st.new_addr, st.new_word0,
		   st.new_ok	    ? "the new page" :
		   st.new_reads_old ? "the OLD page: stale TLB entry" :
				      "neither page");
	KUNIT_EXPECT_EQ(test, st.cpu, a);
	KUNIT_EXPECT_TRUE(test, st.old_ok);
	KUNIT_EXPECT_EQ(test, st.new_addr, st.old_addr);
	KUNIT_EXPECT_FALSE(test, st.new_reads_old);
	KUNIT_EXPECT_TRUE(test, st.new_ok);
}

/* ---------------------------------------------------------------------
 * Each CPU's kmap_atomic slots, from a thread and from an interrupt. A
 * thread bound to the CPU holds one kmap_atomic map and spins (with
 * interrupts on) until an interrupt on that CPU has mapped another page
 * with kmap_atomic: the thread's map is that CPU's slot 0, the
 * interrupt's its slot 1. The interrupt is the tick on CPU 0 (the test
 * hook runs there only, from CPU 0's timer) and the call-function IPI,
 * sent by the runner on CPU 0, on every other CPU.
 */
#define PROBE_SEED 0x9e0b

struct slot_probe {
	struct page *tpage, *ipage;
	struct completion done;
	volatile bool holding, irq_done;
	/* the thread's findings */
	unsigned int thread_cpu;
	int thread_type;
	unsigned long thread_addr;
	bool thread_ok, thread_ok_after;
	/* the interrupt's */
	unsigned int irq_cpu;
	int irq_type;
	unsigned long irq_addr;
	bool irq_in_irq, irq_ok;
};

static void probe_in_irq(struct slot_probe *pr)
{
	u32 *p = kmap_atomic(pr->ipage);

	pr->irq_cpu = smp_processor_id();
	pr->irq_type = kmap_atomic_idx();
	pr->irq_addr = (unsigned long)p;
	pr->irq_in_irq = in_irq();
	pr->irq_ok = page_ok(p, pr->ipage, PROBE_SEED + 1);
	kunmap_atomic(p);
	smp_wmb();
	pr->irq_done = true;
}

static struct slot_probe *volatile tick_probe;

static void probe_tick_hook(void)
{
	struct slot_probe *pr = tick_probe;

	if (pr && pr->holding && !pr->irq_done)
		probe_in_irq(pr);
}

static void probe_ipi(void *info)
{
	probe_in_irq(info);
}

static int probe_thread(void *data)
{
	struct slot_probe *pr = data;
	unsigned long end = jiffies + THREAD_BUDGET;
	u32 *p = kmap_atomic(pr->tpage);

	pr->thread_cpu = smp_processor_id();
	pr->thread_type = kmap_atomic_idx();
	pr->thread_addr = (unsigned long)p;
	pr->thread_ok = page_ok(p, pr->tpage, PROBE_SEED);
	pr->holding = true;
	/* Interrupts are on: the IPI or the tick lands here. */
	while (!pr->irq_done && !time_after_eq(jiffies, end))
		barrier();
	pr->thread_ok_after = page_ok(p, pr->tpage, PROBE_SEED);
	kunmap_atomic(p);
	pr->holding = false;
	complete(&pr->done);
	return 0;
}

/* Poll (bounded) until the thread holds its map, then interrupt it. */
static void probe_send_ipi(struct slot_probe *pr, unsigned int cpu)
{
	unsigned long end = jiffies + THREAD_BUDGET / 2;

	while (!pr->holding && !time_after_eq(jiffies, end))
		msleep(1);
	if (pr->holding)
		smp_call_function_single(cpu, probe_ipi, pr, 1);
}

static void probe_cpu(struct kunit *test, struct slot_probe *pr,
		      unsigned int cpu)
{
	struct task_struct *t;
	bool by_tick = cpu == 0; /* the tick hook runs on CPU 0 */
	bool finished;

	init_completion(&pr->done);
	t = kthread_create(probe_thread, pr, "kmap_probe/%u", cpu);
	KUNIT_ASSERT_NOT_NULL(test, t);
	kthread_bind(t, cpu);
	if (by_tick)
		tick_probe = pr;
	wake_up_process(t);
	if (!by_tick)
		probe_send_ipi(pr, cpu);
	finished = test_wait_done(test, t, &pr->done, WAIT_TIMEOUT);
	tick_probe = NULL;
	test_stop_finished(test, t, finished);
}

static void check_probe(struct kunit *test, struct slot_probe *pr,
			unsigned int cpu, bool by_tick)
{
	kunit_info(test,
		   "CPU%u: thread kmap_atomic at 0x%08lx (slot %d), %s at "
		   "0x%08lx (slot %d)",
		   cpu, pr->thread_addr, pr->thread_type,
		   by_tick ? "tick" : "IPI", pr->irq_addr, pr->irq_type);
	KUNIT_EXPECT_EQ(test, pr->thread_cpu, cpu);
	KUNIT_EXPECT_EQ(test, pr->thread_type, 0);
	KUNIT_EXPECT_EQ(test, pr->thread_addr,
			kmap_test_cpu_slot_vaddr(cpu, 0));
	KUNIT_EXPECT_TRUE(test, pr->thread_ok);
	KUNIT_EXPECT_TRUE(test, pr->thread_ok_after);
	KUNIT_EXPECT_TRUE(test, pr->irq_done);
	KUNIT_EXPECT_EQ(test, pr->irq_cpu, cpu);
	KUNIT_EXPECT_TRUE(test, pr->irq_in_irq);
	KUNIT_EXPECT_EQ(test, pr->irq_type, 1); /* above the thread's map */
	KUNIT_EXPECT_EQ(test, pr->irq_addr, kmap_test_cpu_slot_vaddr(cpu, 1));
	KUNIT_EXPECT_TRUE(test, pr->irq_ok);
}

static void kmap_atomic_thread_and_irq_slots_per_cpu(struct kunit *test)
{
	static struct slot_probe probes[NR_CPUS];
	struct page *pages[2];
	unsigned int cpu;

	if (!tick_running()) {
		kunit_skip(test, "no timer tick on this machine");
		return;
	}
	kmap_test_highpages(test, pages, 2);
	fill_page(pages[0], PROBE_SEED);
	fill_page(pages[1], PROBE_SEED + 1);
	memset(probes, 0, sizeof(probes));
	set_tick_hook(probe_tick_hook);
	for_each_online_cpu(cpu)
	{
		probes[cpu].tpage = pages[0];
		probes[cpu].ipage = pages[1];
		probe_cpu(test, &probes[cpu], cpu);
	}
	set_tick_hook(NULL);
	for_each_online_cpu(cpu) check_probe(test, &probes[cpu], cpu, cpu == 0);
}

/* ---------------------------------------------------------------------
 * kmap_local across a preemption. The holder maps two pages with
 * kmap_local_page() and busy-loops, never sleeping or yielding, while a
 * second thread bound to the same CPU stays runnable and maps other
 * pages in the same slots with kmap_atomic and kmap_local_page. The
 * second thread's counter can only move while the holder is switched
 * out, so each change the holder sees is one preemption; after each the
 * holder must still read both of its pages.
 *
 * Nobody asks the holder to move here; the next case does.
 */
#define PREEMPTIONS 4
#define LOCAL_SEED 0x10ca7

struct preempt_share {
	struct page *pages[4]; /* holder: 0, 1; other: 2, 3 */
	unsigned int cpu;
	volatile unsigned long other_rounds;
	volatile bool holder_done;
	struct completion holder_exit, other_exit;
	/* the holder's findings */
	unsigned long addr[2];
	unsigned int preemptions, checks, bad_reads, bad_idx, wrong_cpu;
	unsigned long switches; /* nvcsw difference over the loop */
	int preempt_count;
	/* the other's */
	unsigned long atomic_addr, local_addr;
	unsigned int other_bad, other_wrong_cpu;
};

static int local_holder(void *data)
{
	struct preempt_share *s = data;
	unsigned long end = jiffies + THREAD_BUDGET, nvcsw;
	unsigned long seen = s->other_rounds;
	u32 *a = kmap_local_page(s->pages[0]);
	u32 *b = kmap_local_page(s->pages[1]);

	s->addr[0] = (unsigned long)a;
	s->addr[1] = (unsigned long)b;
	s->preempt_count = preempt_count(); /* kmap_local leaves it on */
	nvcsw = current->nvcsw;
	while (s->preemptions < PREEMPTIONS && !time_after_eq(jiffies, end)) {
		unsigned long now = s->other_rounds;

		if (now == seen)
			continue; /* not switched out since the last look */
		seen = now;
		s->preemptions++;
		s->checks++;
		s->bad_reads += !page_ok(a, s->pages[0], LOCAL_SEED) ||
				!page_ok(b, s->pages[1], LOCAL_SEED + 1);
		s->bad_idx += current->kmap_ctrl.idx != 2;
		s->wrong_cpu += smp_processor_id() != s->cpu;
	}
	s->switches = current->nvcsw - nvcsw;
	kunmap_local(b);
	kunmap_local(a);
	s->holder_done = true;
	complete(&s->holder_exit);
	return 0;
}

static int local_other(void *data)
{
	struct preempt_share *s = data;
	unsigned long end = jiffies + THREAD_BUDGET;

	while (!s->holder_done && !time_after_eq(jiffies, end)) {
		u32 *p = kmap_atomic(s->pages[2]);

		s->atomic_addr = (unsigned long)p;
		s->other_bad += !page_ok(p, s->pages[2], LOCAL_SEED + 2);
		kunmap_atomic(p);
		p = kmap_local_page(s->pages[3]);
		s->local_addr = (unsigned long)p;
		s->other_bad += !page_ok(p, s->pages[3], LOCAL_SEED + 3);
		kunmap_local(p);
		s->other_wrong_cpu += smp_processor_id() != s->cpu;
		s->other_rounds++;
	}
	complete(&s->other_exit);
	return 0;
}

static void kmap_local_survives_preemption(struct kunit *test)
{
	static struct preempt_share s;
	struct task_struct *holder, *other;
	unsigned int cpu;

	memset(&s, 0, sizeof(s));
	for_each_online_cpu(cpu) s.cpu = cpu; /* the last: not the runner's */
	kmap_test_highpages(test, s.pages, 4);
	for (int i = 0; i < 4; i++)
		fill_page(s.pages[i], LOCAL_SEED + i);
	init_completion(&s.holder_exit);
	init_completion(&s.other_exit);
	holder = kthread_create(local_holder, &s, "kmap_local_busy");
	KUNIT_ASSERT_NOT_NULL(test, holder);
	other = kthread_create(local_other, &s, "kmap_local_other");
	KUNIT_ASSERT_NOT_NULL(test, other);
	kthread_bind(holder, s.cpu);
	kthread_bind(other, s.cpu);
	wake_up_process(holder);
	wake_up_process(other);
	test_stop_if_done(test, holder, &s.holder_exit, WAIT_TIMEOUT);
	test_stop_if_done(test, other, &s.other_exit, WAIT_TIMEOUT);

	kunit_info(test,
		   "CPU%u: holder preempted %u times (%lu switches in), "
		   "maps at 0x%08lx and 0x%08lx; other thread's maps at "
		   "0x%08lx and 0x%08lx",
		   s.cpu, s.preemptions, s.switches, s.addr[0], s.addr[1],
		   s.atomic_addr, s.local_addr);
	KUNIT_EXPECT_EQ(test, s.preempt_count, 0);
	KUNIT_EXPECT_EQ(test, s.preemptions, PREEMPTIONS);
	KUNIT_EXPECT_GE(test, s.switches, PREEMPTIONS);
	KUNIT_EXPECT_EQ(test, s.checks, PREEMPTIONS);
	KUNIT_EXPECT_EQ(test, s.bad_reads, 0);
	KUNIT_EXPECT_EQ(test, s.bad_idx, 0);
	KUNIT_EXPECT_EQ(test, s.wrong_cpu, 0);
	KUNIT_EXPECT_EQ(test, s.addr[0], kmap_test_cpu_slot_vaddr(s.cpu, 0));
	KUNIT_EXPECT_EQ(test, s.addr[1], kmap_test_cpu_slot_vaddr(s.cpu, 1));
	/* The other thread used the holder's slot 0 for its own pages. */
	KUNIT_EXPECT_EQ(test, s.atomic_addr,
			kmap_test_cpu_slot_vaddr(s.cpu, 0));
	KUNIT_EXPECT_EQ(test, s.local_addr, kmap_test_cpu_slot_vaddr(s.cpu, 0));
	KUNIT_EXPECT_EQ(test, s.other_bad, 0);
	KUNIT_EXPECT_EQ(test, s.other_wrong_cpu, 0);
}

/* ---------------------------------------------------------------------
 * kmap_local and migration (Linux's migrate_disable() in each map). The
 * traveller T starts on CPU A (set_cpus_allowed_ptr() before its first
 * run) and maps two pages. The runner then asks set_cpus_allowed_ptr(T,
 * only CPU B): T holds maps, so the move waits. A busy thread bound to A
 * (mapping a third page in the same slots) keeps preempting T meanwhile:
 * after each preemption T checks that it is still on A, its maps are A's
 * slots 0 and 1, and both pages read right. T unmaps one page (one map
 * left: still on A) and then the other; that last unmap lets the move
 * happen, so T's next line runs on B. There it maps both pages again, in
 * B's slots, is preempted by a busy thread bound to B, and reads both.
 */
#define MIGRATE_SEED 0x3161a7
#define MIGRATE_PREEMPTIONS 3

struct migrate_side {
	unsigned int cpu;
	unsigned long addr[2];
	unsigned int preemptions, bad_reads, bad_idx, wrong_cpu;
	unsigned long switches; /* T's nvcsw over the phase */
};

struct migrate_share {
	struct page *pages[3]; /* T: 0, 1; the busy threads: 2 */
	unsigned int cpu[2];   /* A, B */
	volatile bool mapped, asked, left_a, done;
	volatile unsigned long busy_rounds[2];
	unsigned int busy_bad[2];
	struct completion t_exit, busy_exit[2];
	/* T's findings */
	struct migrate_side side[2]; /* 0: on A, 1: on B */
	unsigned int cpu_one_map_left, cpu_after_last_unmap;
	int disabled_while_mapped, disabled_after;
};

/* Map both pages and note where (which CPU, which addresses). */
static void migrate_map(struct migrate_share *s, struct migrate_side *m,
			u32 **a, u32 **b)
{
	*a = kmap_local_page(s->pages[0]);
	*b = kmap_local_page(s->pages[1]);
	m->cpu = smp_processor_id();
	m->addr[0] = (unsigned long)*a;
	m->addr[1] = (unsigned long)*b;
}

/*
 * Hold both maps until MIGRATE_PREEMPTIONS preemptions by the busy thread
 * of @side were seen (its counter moves only while T is switched out),
 * checking after each that T is on that side's CPU and reads both pages.
 */
static void migrate_hold(struct migrate_share *s, unsigned int side,
			 unsigned long end, const u32 *a, const u32 *b)
{
	struct migrate_side *m = &s->side[side];
	unsigned long seen = s->busy_rounds[side], nvcsw = current->nvcsw;

	while (m->preemptions < MIGRATE_PREEMPTIONS &&
	       !time_after_eq(jiffies, end)) {
		unsigned long now = s->busy_rounds[side];

		if (now == seen)
			continue; /* not switched out since the last look */
		seen = now;
		m->preemptions++;
		m->bad_reads += !page_ok(a, s->pages[0], MIGRATE_SEED) ||
				!page_ok(b, s->pages[1], MIGRATE_SEED + 1);
		m->bad_idx += current->kmap_ctrl.idx != 2;
		m->wrong_cpu += smp_processor_id() != s->cpu[side];
	}
	m->switches = current->nvcsw - nvcsw;
}

static int migrate_traveller(void *data)
{
	struct migrate_share *s = data;
	unsigned long end = jiffies + THREAD_BUDGET;
	u32 *a, *b;

	migrate_map(s, &s->side[0], &a, &b);
	s->disabled_while_mapped = current->migration_disabled;
	s->mapped = true;
	while (!s->asked && !time_after_eq(jiffies, end))
		barrier(); /* the runner asks for the move to B now */
	migrate_hold(s, 0, end, a, b);
	kunmap_local(b);
	s->cpu_one_map_left = smp_processor_id();
	kunmap_local(a); /* the last map: the move happens here */
	s->cpu_after_last_unmap = smp_processor_id();
	s->disabled_after = current->migration_disabled;
	s->left_a = true;

	migrate_map(s, &s->side[1], &a, &b);
	migrate_hold(s, 1, end, a, b);
	kunmap_local(b);
	kunmap_local(a);
	s->done = true;
	complete(&s->t_exit);
	return 0;
}

struct migrate_busy {
	struct migrate_share *s;
	unsigned int side;
};

/* Bound to A (until T left) or B (until T is done); shares their slots. */
static int migrate_busy_fn(void *data)
{
	struct migrate_busy *mb = data;
	struct migrate_share *s = mb->s;
	volatile bool *stop = mb->side ? &s->done : &s->left_a;
	unsigned long end = jiffies + THREAD_BUDGET;

	while (!*stop && !time_after_eq(jiffies, end)) {
		u32 *p = kmap_local_page(s->pages[2]);

		s->busy_bad[mb->side] +=
			!page_ok(p, s->pages[2], MIGRATE_SEED + 2) ||
			smp_processor_id() != s->cpu[mb->side];
		kunmap_local(p);
		s->busy_rounds[mb->side]++;
	}
	complete(&s->busy_exit[mb->side]);
	return 0;
}

static void migrate_check_side(struct kunit *test, struct migrate_share *s,
			       unsigned int side)
{
	struct migrate_side *m = &s->side[side];
	unsigned int cpu = s->cpu[side];

	kunit_info(test,
		   "on CPU%u: maps at 0x%08lx and 0x%08lx, preempted %u times "
		   "(%lu switches in)",
		   m->cpu, m->addr[0], m->addr[1], m->preemptions, m->switches);
	KUNIT_EXPECT_EQ(test, m->cpu, cpu);
	KUNIT_EXPECT_EQ(test, m->addr[0], kmap_test_cpu_slot_vaddr(cpu, 0));
	KUNIT_EXPECT_EQ(test, m->addr[1], kmap_test_cpu_slot_vaddr(cpu, 1));
	KUNIT_EXPECT_EQ(test, m->preemptions, MIGRATE_PREEMPTIONS);
	KUNIT_EXPECT_GE(test, m->switches, MIGRATE_PREEMPTIONS);
	KUNIT_EXPECT_EQ(test, m->bad_reads, 0);
	KUNIT_EXPECT_EQ(test, m->bad_idx, 0);
	KUNIT_EXPECT_EQ(test, m->wrong_cpu, 0);
	KUNIT_EXPECT_EQ(test, s->busy_bad[side], 0);
}

static void kmap_local_moves_after_last_unmap(struct kunit *test)
{
	static struct migrate_share s;
	static struct migrate_busy busy[2];
	struct task_struct *t, *bt[2];
	unsigned int cpu, a = NR_CPUS, b = NR_CPUS, asked_cpu;
	unsigned long end;
	bool asked_pending, finished;
	int ret;

	/* A: the last CPU; B: another, not the runner's if there is one. */
	for_each_online_cpu(cpu) a = cpu;
	for_each_online_cpu(cpu) if (cpu != a &&
				     (b == NR_CPUS || b == smp_processor_id()))
		b = cpu;
	if (b == NR_CPUS) {
		kunit_skip(test, "needs a second CPU online");
		return;
	}
	memset(&s, 0, sizeof(s));
	s.cpu[0] = a;
	s.cpu[1] = b;
	kmap_test_highpages(test, s.pages, 3);
	for (int i = 0; i < 3; i++)
		fill_page(s.pages[i], MIGRATE_SEED + i);
	init_completion(&s.t_exit);
	t = kthread_create(migrate_traveller, &s, "kmap_traveller");
	KUNIT_ASSERT_NOT_NULL(test, t);
	/* Asleep and never run: it moves at once. */
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, cpumask_of(a)), 0);
	KUNIT_EXPECT_EQ(test, task_cpu(t), a);
	for (unsigned int i = 0; i < 2; i++) {
		busy[i].s = &s;
		busy[i].side = i;
		init_completion(&s.busy_exit[i]);
		bt[i] = kthread_create(migrate_busy_fn, &busy[i],
				       "kmap_busy/%u", s.cpu[i]);
		KUNIT_ASSERT_NOT_NULL(test, bt[i]);
		kthread_bind(bt[i], s.cpu[i]);
	}
	wake_up_process(t);
	wake_up_process(bt[0]);
	wake_up_process(bt[1]);

	end = jiffies + WAIT_TIMEOUT;
	while (!s.mapped && !time_after_eq(jiffies, end))
		msleep(1);
	ret = set_cpus_allowed_ptr(t, cpumask_of(b));
	asked_cpu = task_cpu(t);
	asked_pending = t->migration_pending;
	s.asked = true;

	finished = test_wait_done(test, t, &s.t_exit, WAIT_TIMEOUT);
	/* Read before the stop frees t. */
	KUNIT_EXPECT_EQ(test, task_cpu(t), b);
	KUNIT_EXPECT_FALSE(test, t->migration_pending);
	test_stop_finished(test, t, finished);
	test_stop_if_done(test, bt[0], &s.busy_exit[0], WAIT_TIMEOUT);
	test_stop_if_done(test, bt[1], &s.busy_exit[1], WAIT_TIMEOUT);

	kunit_info(test,
		   "asked to move CPU%u -> CPU%u holding 2 maps: still on "
		   "CPU%u (pending %d); one map left: CPU%u; none: CPU%u",
		   a, b, asked_cpu, asked_pending, s.cpu_one_map_left,
		   s.cpu_after_last_unmap);
	KUNIT_EXPECT_TRUE(test, s.mapped);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, s.disabled_while_mapped, 2);
	KUNIT_EXPECT_EQ(test, asked_cpu, a);
	KUNIT_EXPECT_TRUE(test, asked_pending);
	migrate_check_side(test, &s, 0);
	KUNIT_EXPECT_EQ(test, s.cpu_one_map_left, a);
	KUNIT_EXPECT_EQ(test, s.cpu_after_last_unmap, b);
	KUNIT_EXPECT_EQ(test, s.disabled_after, 0);
	migrate_check_side(test, &s, 1);
	KUNIT_EXPECT_TRUE(test, s.done);
}

static struct kunit_case smp_highmem_cases[] = {
	KUNIT_CASE(threads_share_highmem_pages),
	KUNIT_CASE(stale_tlb_pkmap_slot_recycled),
	KUNIT_CASE(kmap_atomic_thread_and_irq_slots_per_cpu),
	KUNIT_CASE(kmap_local_survives_preemption),
	KUNIT_CASE(kmap_local_moves_after_last_unmap),
	{},
};

static struct kunit_suite smp_highmem_suite = {
	.name = "smp_highmem",
	.test_cases = smp_highmem_cases,
	.init = smp_highmem_init,
	.exit = smp_highmem_exit,
};
kunit_test_suite(smp_highmem_suite);
