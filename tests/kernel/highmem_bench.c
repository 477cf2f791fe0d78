/*
 * tests/kernel/highmem_bench.c: benchmark "highmem", guest instructions
 * per map+unmap pair (see include/hikern/bench.h):
 *
 *   kmap_atomic         kmap_atomic + kunmap_atomic of a highmem page
 *   kmap_local          kmap_local_page + kunmap_local of a highmem page
 *   kmap_mapped         kmap + kunmap of a page that already has a slot
 *   kmap_new            kmap + kunmap of an unmapped page, no wrap-around
 *   kmap_new_amortised  the same over whole trips round the window, each
 *                       trip's flush_all_zero_pkmaps and TLB flush included
 *
 * IRQs are off while measuring so a tick cannot land inside a figure;
 * loop overhead (a few instructions per iteration) is included.
 */
#include <kunit/private.h>
#include <hikern/bench.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

#define REPS 1000
/* Pages cycled for the amortised figure: four trips round the window. */
#define CYCLE_ORDER 11 /* 2048 pages, as two MAX_ORDER-1 blocks */
#define CYCLE_PAGES (1u << CYCLE_ORDER)

static void bench_kmap_atomic(struct page *page)
{
	unsigned long flags;
	u32 t0, t1;

	local_irq_save(flags);
	t0 = bench_cycles();
	for (int i = 0; i < REPS; i++) {
		void *p = kmap_atomic(page);

		kunmap_atomic(p);
	}
	t1 = bench_cycles();
	local_irq_restore(flags);
	bench_report_per_op("kmap_atomic", t1 - t0, REPS);
}

static void bench_kmap_local(struct page *page)
{
	unsigned long flags;
	u32 t0, t1;

	local_irq_save(flags);
	t0 = bench_cycles();
	for (int i = 0; i < REPS; i++) {
		void *p = kmap_local_page(page);

		kunmap_local(p);
	}
	t1 = bench_cycles();
	local_irq_restore(flags);
	bench_report_per_op("kmap_local", t1 - t0, REPS);
}

static void bench_kmap_mapped(struct page *page)
{
	unsigned long flags;
	u32 t0, t1;

	kmap(page); /* hold a use: every kmap below finds the slot */
	local_irq_save(flags);
	t0 = bench_cycles();
	for (int i = 0; i < REPS; i++) {
		kmap(page);
		kunmap(page);
	}
	t1 = bench_cycles();
	local_irq_restore(flags);
	kunmap(page);
	bench_report_per_op("kmap_mapped", t1 - t0, REPS);
}

/* kmap+kunmap each of pages[0..n); returns the instructions taken. */
static u32 kmap_each(struct page **pages, unsigned int n)
{
	unsigned long flags;
	u32 t0, t1;

	local_irq_save(flags);
	t0 = bench_cycles();
	for (unsigned int i = 0; i < n; i++) {
		kmap(pages[i]);
		kunmap(pages[i]);
	}
	t1 = bench_cycles();
	local_irq_restore(flags);
	return t1 - t0;
}

/*
 * New pages without a wrap: empty the window, bring the cursor back to
 * slot 0 (a trip to the end wraps it), empty it again; the next
 * LAST_PKMAP / 2 maps then take free slots 1, 2, ... with no flush.
 */
static void bench_kmap_new(struct page **pages)
{
	unsigned int n = LAST_PKMAP / 2;

	kmap_flush_unused();
	kmap_each(pages + n, LAST_PKMAP - pkmap_kunit_last_nr());
	kmap_flush_unused();
	if (pkmap_kunit_last_nr() != 0) {
		pr_err("bench: kmap_new: cursor at %u, not 0\n",
		       pkmap_kunit_last_nr());
		return;
	}
	bench_report_per_op("kmap_new", kmap_each(pages, n), n);
}

/*
 * Steady state over CYCLE_PAGES pages, each mapped again only after the
 * cursor went all the way round (so it was flushed): every map is a new
 * one, and every LAST_PKMAP-th also pays the flush.
 */
static void bench_kmap_new_amortised(struct page **pages)
{
	u32 total;

	kmap_each(pages, CYCLE_PAGES); /* reach the steady state */
	total = kmap_each(pages, CYCLE_PAGES);
	total += kmap_each(pages, CYCLE_PAGES);
	bench_report_per_op("kmap_new_amortised", total, 2 * CYCLE_PAGES);
}

/**
 * bench_highmem_block - a free block of 2^@order HighMem pages, or NULL
 * @order: the block's order
 *
 * For the benchmarks that need HighMem pages (highmem, smp): a block the
 * allocator gave from lowmem is given back, and NULL says so.
 */
struct page *bench_highmem_block(unsigned int order)
{
	struct page *page = alloc_pages(__GFP_HIGHMEM | __GFP_NOWARN, order);

	if (page && !PageHighMem(page)) {
		__free_pages(page, order);
		return NULL;
	}
	return page;
}

static void highmem_bench_run(void)
{
	struct page *blocks[2], **pages;
	unsigned int half = CYCLE_PAGES / 2;

	blocks[0] = bench_highmem_block(CYCLE_ORDER - 1);
	blocks[1] = bench_highmem_block(CYCLE_ORDER - 1);
	pages = (struct page **)__get_free_pages(GFP_KERNEL, 1);
	BUILD_BUG_ON(CYCLE_PAGES * sizeof(*pages) > 2 * PAGE_SIZE);
	if (!blocks[0] || !blocks[1] || !pages) {
		pr_err("bench: highmem: needs %u free HighMem pages\n",
		       CYCLE_PAGES);
		goto out;
	}
	for (unsigned int i = 0; i < CYCLE_PAGES; i++)
		pages[i] = blocks[i / half] + i % half;

	bench_kmap_atomic(pages[0]);
	bench_kmap_local(pages[0]);
	bench_kmap_mapped(pages[0]);
	bench_kmap_new(pages);
	bench_kmap_new_amortised(pages);
	kmap_flush_unused();
out:
	for (int i = 0; i < 2; i++)
		if (blocks[i])
			__free_pages(blocks[i], CYCLE_ORDER - 1);
	if (pages)
		free_pages((unsigned long)pages, 1);
}

static const struct bench highmem_bench = {
	.name = "highmem",
	.run = highmem_bench_run,
};
bench_register(highmem_bench);
