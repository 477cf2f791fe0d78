/*
 * tests/kernel/buddy_test.c: suite "buddy", the zoned buddy allocator
 * (mm/page_alloc.c) in the guest, at whatever -m the run uses.
 *
 * Each case starts from the allocator as it finds it (pcp lists drained,
 * buddyinfo and free count noted) and must leave it exactly so: every
 * page it takes is chained on its page->lru (the owner's field) and
 * given back. Draining memory touches each page a few times only, so the
 * suite stays at a few seconds at -m 2048 under TCG.
 */
#include <kunit/private.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mmzone.h>

#include "kmap_test.h"

/* One bit per mem_map page, from the allocator itself (no kmalloc). */
struct buddy_test_state {
	unsigned char *seen;
	unsigned int seen_order;
	unsigned long seen_bytes;
	struct buddyinfo start;
	unsigned long start_free;
	unsigned long start_reports;
};

static struct buddy_test_state state;

static struct zone *zone_of(enum zone_type z)
{
	return &NODE_DATA(0)->node_zones[z];
}

static int buddy_test_init(struct kunit *test)
{
	unsigned long bytes = DIV_ROUND_UP(max_mapnr, 8);
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	state.seen = (unsigned char *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
						       order);
	KUNIT_ASSERT_NOT_NULL(test, state.seen);
	state.seen_order = order;
	state.seen_bytes = bytes;
	drain_all_pages(NULL);
	buddyinfo_snapshot(&state.start);
	state.start_free = nr_free_pages();
	state.start_reports = page_alloc_kunit_bad_page_reports();
	return 0;
}

static void buddy_test_exit(struct kunit *test)
{
	(void)test;
	free_pages((unsigned long)state.seen, state.seen_order);
}

/* The allocator is exactly as the case found it. */
static void expect_back_to_start(struct kunit *test)
{
	struct buddyinfo now;

	drain_all_pages(NULL);
	buddyinfo_snapshot(&now);
	KUNIT_EXPECT_TRUE_MSG(test, buddyinfo_equal(&now, &state.start),
			      "buddyinfo differs from the start of the case");
	KUNIT_EXPECT_EQ(test, nr_free_pages(), state.start_free);
}

static void clear_seen(void)
{
	unsigned long i;

	for (i = 0; i < state.seen_bytes; i++)
		state.seen[i] = 0;
}

/* Mark the block's pages taken; false if any already was. */
static bool mark_seen(struct page *page, unsigned int order)
{
	unsigned long idx = page_to_pfn(page) - ARCH_PFN_OFFSET;
	unsigned long i;
	bool fresh = true;

	for (i = idx; i < idx + (1UL << order); i++) {
		unsigned char bit = 1u << (i & 7);

		fresh &= !(state.seen[i >> 3] & bit);
		state.seen[i >> 3] |= bit;
	}
	return fresh;
}

static void free_all(struct list_head *held, unsigned int order)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, held, lru) {
		list_del(&page->lru);
		__free_pages(page, order);
	}
}

/*
 * Blocks of 2^order the drained allocator can hand out under gfp_mask's
 * zone rules: each free block of order k >= order is 2^(k-order) of them.
 */
static unsigned long blocks_available(unsigned int order, gfp_t gfp_mask)
{
	unsigned long n = 0;
	unsigned int z, k;

	for (z = 0; z <= gfp_zone(gfp_mask); z++)
		for (k = order; k < MAX_ORDER; k++)
			n += state.start.nr_free[z][k] << (k - order);
	return n;
}

/*
 * Take every block of this order the zone rules allow (watermarks
 * ignored), checking no page comes twice and that HighMem is used while
 * it has free pages; then give them all back.
 */
/* Could HighMem serve a block of this order right now? */
static bool highmem_has_block(unsigned int order)
{
	struct zone *z = zone_of(ZONE_HIGHMEM);

	if (!order)
		return z->free_pages > 0; /* buddy lists or the pcp list */
	for (unsigned int o = order; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

static void drain_and_refill(struct kunit *test, unsigned int order,
			     gfp_t gfp_mask)
{
	unsigned long count = 0, wrong_zone = 0, repeats = 0;
	gfp_t gfp = gfp_mask | __GFP_MEMALLOC | __GFP_NOWARN;
	LIST_HEAD(held);
	struct page *page;

	clear_seen();
	for (;;) {
		bool high_left = highmem_has_block(order);

		page = alloc_pages(gfp, order);
		if (!page)
			break;
		list_add(&page->lru, &held);
		count++;
		repeats += !mark_seen(page, order);
		if (PageHighMem(page) ? !(gfp & __GFP_HIGHMEM) :
					(gfp & __GFP_HIGHMEM) && high_left)
			wrong_zone++;
	}
	KUNIT_EXPECT_EQ(test, count, blocks_available(order, gfp_mask));
	KUNIT_EXPECT_EQ(test, repeats, 0);
	KUNIT_EXPECT_EQ(test, wrong_zone, 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(),
			state.start_free - (count << order));
	free_all(&held, order);
	expect_back_to_start(test);
}

/* Every page at order 0 until NULL: the count is the free count. */
static void buddy_drain_order0(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, blocks_available(0, GFP_HIGHUSER),
			state.start_free);
	drain_and_refill(test, 0, GFP_HIGHUSER);
}

static void buddy_drain_every_order(struct kunit *test)
{
	unsigned int order;

	for (order = 1; order < MAX_ORDER; order++)
		drain_and_refill(test, order, GFP_HIGHUSER);
}

/* Without __GFP_HIGHMEM: only Normal, all of it, HighMem untouched. */
static void buddy_lowmem_never_highmem(struct kunit *test)
{
	unsigned long high_free = zone_of(ZONE_HIGHMEM)->free_pages;

	drain_and_refill(test, 0, GFP_KERNEL);
	drain_and_refill(test, 3, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, zone_of(ZONE_HIGHMEM)->free_pages, high_free);
}

/* A misuse that must be reported once and change nothing at all. */
static void expect_rejected_free(struct kunit *test, struct page *page,
				 unsigned int order)
{
	unsigned long reports = page_alloc_kunit_bad_page_reports();
	unsigned long free = nr_free_pages();
	struct buddyinfo before, after;
	int pcp = zone_of(page_zonenum(page))->pcp.count;

	buddyinfo_snapshot(&before);
	kunit_expect_report(test, "BUG",
			    "Bad page state, pfn:%lx freed at order %u",
			    page_to_pfn(page), order);
	__free_pages(page, order);
	buddyinfo_snapshot(&after);
	KUNIT_EXPECT_EQ(test, page_alloc_kunit_bad_page_reports(), reports + 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
	KUNIT_EXPECT_EQ(test, zone_of(page_zonenum(page))->pcp.count, pcp);
	KUNIT_EXPECT_TRUE(test, buddyinfo_equal(&before, &after));
}

static void buddy_double_free(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct page *block = alloc_pages(GFP_KERNEL, 3);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_NOT_NULL(test, block);
	__free_page(page);
	expect_rejected_free(test, page, 0); /* on the pcp list */
	drain_all_pages(NULL);
	expect_rejected_free(test, page, 0); /* merged in the buddy lists */
	__free_pages(block, 3);
	expect_rejected_free(test, block, 3);
	expect_rejected_free(test, block + 5, 0); /* inside a free block */
	KUNIT_EXPECT_EQ(test, page_alloc_kunit_bad_page_reports(),
			state.start_reports + 4);
	expect_back_to_start(test);
}

/* Wrong orders are refused; the block stays allocated and frees right. */
static void buddy_wrong_order(struct kunit *test)
{
	struct page *block = alloc_pages(GFP_KERNEL, 2);

	KUNIT_ASSERT_NOT_NULL(test, block);
	expect_rejected_free(test, block, 1);
	expect_rejected_free(test, block, 3);
	expect_rejected_free(test, block + 1, 0); /* a tail page */
	expect_rejected_free(test, block, MAX_ORDER);
	KUNIT_EXPECT_EQ(test, page_count(block), 1);
	KUNIT_EXPECT_EQ(test, page_alloc_order(block), 2);
	__free_pages(block, 2);
	KUNIT_EXPECT_EQ(test, page_alloc_kunit_bad_page_reports(),
			state.start_reports + 4);
	expect_back_to_start(test);
}

/* mem_map itself is memblock-reserved: never the buddy's to take. */
static void buddy_reserved_and_misused(struct kunit *test)
{
	struct page *reserved = virt_to_page(mem_map);
	struct page *page = alloc_page(GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, PageReserved(reserved));
	expect_rejected_free(test, reserved, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	page->_mapcount = 0;
	expect_rejected_free(test, page, 0);
	page->_mapcount = -1;
	get_page(page);
	__free_page(page); /* not the last reference: no report */
	KUNIT_EXPECT_EQ(test, page_count(page), 1);
	put_page(page);
	KUNIT_EXPECT_EQ(test, page_alloc_kunit_bad_page_reports(),
			state.start_reports + 2);
	expect_back_to_start(test);
}

static unsigned long take_until_null(gfp_t gfp_mask, struct list_head *held)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_page(gfp_mask | __GFP_NOWARN))) {
		list_add(&page->lru, held);
		n++;
	}
	return n;
}

/*
 * GFP_KERNEL stops at Normal's min watermark; GFP_ATOMIC goes on, to
 * min - min/2 - (min - min/2)/4 (Linux's ALLOC_HIGH and ALLOC_HARDER).
 */
static void buddy_atomic_below_min(struct kunit *test)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	long min = (long)min_wmark_pages(normal);
	LIST_HEAD(held);

	KUNIT_ASSERT_GE(test, normal->free_pages, min_wmark_pages(normal));
	take_until_null(GFP_KERNEL, &held);
	KUNIT_EXPECT_EQ(test, normal->free_pages, min_wmark_pages(normal));
	KUNIT_EXPECT_GT(test, take_until_null(GFP_ATOMIC, &held), 0);
	min -= min / 2;
	min -= min / 4;
	KUNIT_EXPECT_EQ(test, normal->free_pages, min);
	KUNIT_EXPECT_NULL(test, alloc_page(GFP_KERNEL | __GFP_NOWARN));
	free_all(&held, 0);
	expect_back_to_start(test);
}

/*
 * __GFP_NOFAIL never returns NULL: where GFP_KERNEL and even GFP_ATOMIC
 * stop, it digs into the reserves (Linux's ALLOC_HARDER retry, then what
 * an OOM victim gets).
 */
static void buddy_nofail_uses_reserves(struct kunit *test)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	struct page *page;
	LIST_HEAD(held);

	take_until_null(GFP_ATOMIC, &held);
	KUNIT_EXPECT_NULL(test, alloc_page(GFP_ATOMIC | __GFP_NOWARN));
	KUNIT_EXPECT_GT(test, normal->free_pages, 0);
	for (int i = 0; i < 4; i++) {
		page = alloc_page(GFP_KERNEL | __GFP_NOFAIL);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_FALSE(test, PageHighMem(page));
		list_add(&page->lru, &held);
	}
	free_all(&held, 0);
	expect_back_to_start(test);
}

/* An order no zone can ever have, with __GFP_NOFAIL. */
static void alloc_order_max_nofail(void *unused)
{
	(void)unused;
	alloc_pages(GFP_KERNEL | __GFP_NOFAIL, MAX_ORDER);
}

/*
 * A __GFP_NOFAIL order >= MAX_ORDER can never succeed: Linux's costly
 * order WARNING, the allocation-failure line naming the order, then BUG
 * (mm/page_alloc.c says why not Linux's NULL). Nothing is taken.
 */
static void buddy_nofail_impossible_order_bugs(struct kunit *test)
{
	char line[64];

	kunit_expect_report(test, "WARNING", "__GFP_NOFAIL at order %d",
			    MAX_ORDER);
	kunit_expect_report(test, "BUG", "__GFP_NOFAIL at order %d", MAX_ORDER);
	kmap_test_capture_start();
	KUNIT_EXPECT_TRUE(test, kunit_expect_bug(alloc_order_max_nofail, NULL));
	kmap_test_capture_stop();
	snprintf(line, sizeof(line), "page allocation failure: order:%d,",
		 MAX_ORDER);
	KUNIT_EXPECT_TRUE(test, kmap_test_captured(line));
	KUNIT_EXPECT_TRUE(test,
			  kmap_test_captured("kernel BUG at mm/page_alloc.c:"));
	expect_back_to_start(test);
}

static bool page_is_zero(const void *addr, unsigned long size)
{
	const unsigned long *p = addr;
	unsigned long i;

	for (i = 0; i < size / sizeof(*p); i++)
		if (p[i])
			return false;
	return true;
}

static void fill(void *addr, unsigned long size)
{
	unsigned long *p = addr;
	unsigned long i;

	for (i = 0; i < size / sizeof(*p); i++)
		p[i] = 0x5a5a5a5a ^ i;
}

/* Dirty blocks, free them, and want them back zeroed (LIFO reuse). */
static void buddy_gfp_zero(struct kunit *test)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);
	struct page *page;
	void *p;

	KUNIT_ASSERT_TRUE(test, addr != 0);
	unsigned long dirty = addr;

	fill((void *)addr, PAGE_SIZE << 2);
	free_pages(addr, 2);
	addr = __get_free_pages(GFP_KERNEL | __GFP_ZERO, 2);
	KUNIT_ASSERT_TRUE(test, addr != 0);
	/* The dirtied block came back: the zeroes are __GFP_ZERO's work. */
	KUNIT_EXPECT_EQ(test, addr, dirty);
	KUNIT_EXPECT_TRUE(test, page_is_zero((void *)addr, PAGE_SIZE << 2));
	free_pages(addr, 2);

	addr = get_zeroed_page(GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, addr != 0);
	KUNIT_EXPECT_TRUE(test, page_is_zero((void *)addr, PAGE_SIZE));
	fill((void *)addr, PAGE_SIZE);
	free_page(addr);

	/* HighMem (when there is any): zeroed through clear_highpage. */
	page = alloc_page(GFP_HIGHUSER);
	KUNIT_ASSERT_NOT_NULL(test, page);
	p = kmap(page);
	fill(p, PAGE_SIZE);
	kunmap(page);
	__free_page(page);
	page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, PageHighMem(page),
			populated_zone(zone_of(ZONE_HIGHMEM)));
	p = kmap(page);
	KUNIT_EXPECT_TRUE(test, page_is_zero(p, PAGE_SIZE));
	kunmap(page);
	__free_page(page);
	expect_back_to_start(test);
}

/* The zones and totals the boot line and reports are built from. */
static void buddy_zones_and_reports(struct kunit *test)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	struct zone *high = zone_of(ZONE_HIGHMEM);

	KUNIT_EXPECT_EQ(test, sizeof(struct page), 32);
	KUNIT_EXPECT_EQ(test, normal->zone_start_pfn, min_low_pfn);
	KUNIT_EXPECT_EQ(test, zone_end_pfn(normal), max_low_pfn);
	KUNIT_EXPECT_EQ(test, high->zone_start_pfn, max_low_pfn);
	KUNIT_EXPECT_EQ(test, zone_end_pfn(high), max_pfn);
	KUNIT_EXPECT_EQ(test, totalram_pages(),
			normal->managed_pages + high->managed_pages);
	KUNIT_EXPECT_EQ(test, totalhigh_pages(), high->managed_pages);
	KUNIT_EXPECT_LE(test, normal->managed_pages, normal->present_pages);
	KUNIT_EXPECT_LT(test, min_wmark_pages(normal), low_wmark_pages(normal));
	KUNIT_EXPECT_LT(test, low_wmark_pages(normal),
			high_wmark_pages(normal));
	KUNIT_EXPECT_EQ(test, normal->lowmem_reserve[ZONE_HIGHMEM],
			(long)(high->managed_pages / 32));
	show_buddyinfo();
	show_zoneinfo();
	mem_map_report();
	expect_back_to_start(test);
}

static struct kunit_case buddy_cases[] = {
	KUNIT_CASE(buddy_zones_and_reports),
	KUNIT_CASE(buddy_drain_order0),
	KUNIT_CASE(buddy_drain_every_order),
	KUNIT_CASE(buddy_lowmem_never_highmem),
	KUNIT_CASE(buddy_double_free),
	KUNIT_CASE(buddy_wrong_order),
	KUNIT_CASE(buddy_reserved_and_misused),
	KUNIT_CASE(buddy_atomic_below_min),
	KUNIT_CASE(buddy_nofail_uses_reserves),
	KUNIT_CASE(buddy_nofail_impossible_order_bugs),
	KUNIT_CASE(buddy_gfp_zero),
	{}
};

static struct kunit_suite buddy_suite = {
	.name = "buddy",
	.test_cases = buddy_cases,
	.init = buddy_test_init,
	.exit = buddy_test_exit,
};
kunit_test_suite(buddy_suite);
