/*
 * tests/kernel/buddy_bench.c: benchmark "buddy", guest instructions per
 * page-allocator operation (see include/hikern/bench.h):
 *
 *   alloc_free_order0_low   alloc_page(GFP_KERNEL) + __free_page
 *   alloc_free_order0_high  alloc_page(GFP_HIGHUSER) + __free_page
 *   alloc_free_order3       alloc_pages(GFP_KERNEL, 3) + __free_pages
 *   alloc_free_order10      alloc_pages(GFP_KERNEL, 10) + __free_pages
 *   highmem_drain_refill    every HighMem page allocated one by one, then
 *                           all freed (per page, and the whole cycle)
 *
 * IRQs are off while measuring so a tick cannot land inside a figure;
 * loop overhead (a few instructions per iteration) is included.
 */
#include <hikern/bench.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

#define REPS 1000

static void bench_alloc_free(const char *name, gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	u32 t0, t1;

	local_irq_save(flags);
	/* One warm-up pair, so a cold per-zone list is not in the figure. */
	__free_pages(alloc_pages(gfp, order), order);
	t0 = bench_cycles();
	for (int i = 0; i < REPS; i++)
		__free_pages(alloc_pages(gfp, order), order);
	t1 = bench_cycles();
	local_irq_restore(flags);
	bench_report_per_op(name, t1 - t0, REPS);
}

/*
 * Allocated pages' lru belongs to their owner, so the drained pages are
 * chained through it: no array to size for 1.2 GB of HighMem.
 */
static void bench_highmem_drain_refill(void)
{
	LIST_HEAD(pages);
	unsigned long flags, n = 0;
	struct page *page, *next;
	u32 t0, t1;

	local_irq_save(flags);
	t0 = bench_cycles();
	while ((page = alloc_page(GFP_HIGHUSER | __GFP_NOWARN))) {
		if (!PageHighMem(page)) {
			__free_page(page); /* HighMem is empty: fell back */
			break;
		}
		list_add(&page->lru, &pages);
		n++;
	}
	list_for_each_entry_safe(page, next, &pages, lru)
		__free_page(page);
	t1 = bench_cycles();
	local_irq_restore(flags);
	if (!n) {
		pr_info("bench: highmem_drain_refill skipped (no HighMem)\n");
		return;
	}
	bench_report_per_op("highmem_drain_refill", t1 - t0, n);
	bench_report("highmem_drain_refill_total", t1 - t0, "insns");
	bench_report("highmem_drain_refill_pages", n, "pages");
}

static void buddy_bench(void)
{
	bench_alloc_free("alloc_free_order0_low", GFP_KERNEL, 0);
	bench_alloc_free("alloc_free_order0_high", GFP_HIGHUSER, 0);
	bench_alloc_free("alloc_free_order3", GFP_KERNEL, 3);
	bench_alloc_free("alloc_free_order10", GFP_KERNEL, 10);
	bench_highmem_drain_refill();
}

static const struct bench buddy_bench_desc = {
	.name = "buddy",
	.run = buddy_bench,
};
bench_register(buddy_bench_desc);
