/*
 * tests/host/test_buddy.c: host tests of the buddy allocator
 * (mm/page_alloc.c) on fake RAM layouts, against the reference model of
 * model.c: boot state, draining memory at every order, zone fallback,
 * watermarks, misuse reports, long random operation sequences, and the
 * report formats. Built with ASan and UBSan by tests/host/host.mk.
 */
#include <kunit/private.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>

#include "harness.h"
#include "model.h"
#include "shim.h"

static struct model M;

static void boot(const struct ram_layout *l)
{
	unsigned long freed;

	shim_quiet = true;
	freed = fake_ram_boot(l);
	model_init(&M, l);
	CHECK_EQ(freed, M.boot_free);
}

/* Aligned free blocks of 2^order the model sees at boot, in all zones. */
static unsigned long model_runs(unsigned int order, enum zone_type highest)
{
	struct buddyinfo expected;
	unsigned long runs = 0;
	unsigned int z, k;

	model_expected_buddyinfo(&M, &expected);
	for (z = 0; z <= highest; z++)
		for (k = order; k < MAX_ORDER; k++)
			runs += expected.nr_free[z][k] << (k - order);
	return runs;
}

static void test_boot(const struct ram_layout *l)
{
	struct zone *zone;

	boot(l);
	CHECK(memblock.retired);
	CHECK_EQ(get_num_physpages(),
		 NODE_DATA(0)->node_zones[ZONE_NORMAL].present_pages +
			 NODE_DATA(0)->node_zones[ZONE_HIGHMEM].present_pages);
	for_each_zone(zone)
	{
		if (!zone->managed_pages)
			continue;
		CHECK(min_wmark_pages(zone) > 0);
		CHECK(min_wmark_pages(zone) < low_wmark_pages(zone));
		CHECK(low_wmark_pages(zone) < high_wmark_pages(zone));
		CHECK(zone->pcp.batch >= 1 &&
		      zone->pcp.high >= zone->pcp.batch);
	}
}

static void test_boot_256m(void)
{
	test_boot(&layout_256m);
}
static void test_boot_1g(void)
{
	test_boot(&layout_1g);
}
static void test_boot_holes(void)
{
	test_boot(&layout_holes);
}

/* 2 GB: boot must hand over 524288 pages in big blocks, quickly. */
static void test_boot_2g(void)
{
	clock_t start = clock();
	double secs;

	test_boot(&layout_2g);
	secs = (double)(clock() - start) / CLOCKS_PER_SEC;
	printf("2 GB boot and model set-up: %.3f s\n", secs);
	CHECK_EQ(max_pfn - min_low_pfn, 524288UL);
	/* Whole 4 MB blocks at order 10 right after the hand-over. */
	CHECK(M.boot.nr_free[ZONE_HIGHMEM][MAX_ORDER - 1] >= 320);
	CHECK(secs < 20);
}

/*
 * Allocate at order until NULL: exactly the model's free runs, no page
 * twice (the model checks), then free all: buddyinfo back to boot.
 */
static void drain_at_order(unsigned int order, gfp_t gfp_mask)
{
	unsigned long expected = model_runs(order, gfp_zone(gfp_mask));
	unsigned long count = 0;

	while (model_alloc(&M, gfp_mask | __GFP_MEMALLOC | __GFP_NOWARN, order))
		count++;
	CHECK_MSG(count == expected, "order %u: %lu blocks, expected %lu",
		  order, count, expected);
	model_release_all(&M);
}

static void test_drain_all_orders(const struct ram_layout *l)
{
	unsigned int order;

	boot(l);
	for (order = 0; order < MAX_ORDER; order++)
		drain_at_order(order, GFP_HIGHUSER);
	drain_at_order(0, GFP_KERNEL);
	drain_at_order(3, GFP_KERNEL);
}

static void test_drain_256m(void)
{
	test_drain_all_orders(&layout_256m);
}
static void test_drain_holes(void)
{
	test_drain_all_orders(&layout_holes);
}
static void test_drain_2g(void)
{
	test_drain_all_orders(&layout_2g);
}

/* Linux's formulas (Documentation/mm/page_alloc.md), in floating point. */
static void test_watermark_values(void)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
	unsigned long lowmem, kbytes, pages_min, share, delta, high_min;

	boot(&layout_1g);
	lowmem = normal->managed_pages;
	kbytes = (unsigned long)sqrt((double)lowmem * 4 * 16);
	kbytes = kbytes < 128 ? 128 : kbytes > 65536 ? 65536 : kbytes;
	pages_min = kbytes / 4;
	CHECK_EQ(min_wmark_pages(normal), pages_min);
	delta = pages_min / 4 > lowmem / 1000 ? pages_min / 4 : lowmem / 1000;
	CHECK_EQ(low_wmark_pages(normal), pages_min + delta);
	CHECK_EQ(high_wmark_pages(normal), pages_min + 2 * delta);

	share = (unsigned long)((double)pages_min * high->managed_pages /
				lowmem);
	delta = share / 4 > high->managed_pages / 1000 ?
			share / 4 :
			high->managed_pages / 1000;
	high_min = high->managed_pages / 1024;
	high_min = high_min < 32 ? 32 : high_min > 128 ? 128 : high_min;
	CHECK_EQ(min_wmark_pages(high), high_min);
	CHECK_EQ(low_wmark_pages(high), high_min + delta);
	CHECK_EQ(high_wmark_pages(high), high_min + 2 * delta);
	CHECK_EQ(normal->lowmem_reserve[ZONE_HIGHMEM],
		 (long)(high->managed_pages / 32));
	CHECK_EQ(normal->lowmem_reserve[ZONE_NORMAL], 0);
	CHECK_EQ(high->lowmem_reserve[ZONE_HIGHMEM], 0);
}

static unsigned long alloc_until_null(gfp_t gfp_mask, enum zone_type *last)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = model_alloc(&M, gfp_mask | __GFP_NOWARN, 0))) {
		*last = page_zonenum(page);
		n++;
	}
	return n;
}

/*
 * GFP_HIGHUSER takes HighMem down to its min, then Normal down to min +
 * lowmem_reserve; GFP_KERNEL may then take the reserve, GFP_ATOMIC dips
 * below min, __GFP_MEMALLOC takes the rest. The model checks each step.
 */
static void test_zone_fallback_and_watermarks(void)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
	unsigned long high_free, normal_free, n;
	enum zone_type last = ZONE_HIGHMEM;
	long min;

	boot(&layout_1g);
	high_free = M.nr_free[ZONE_HIGHMEM];
	normal_free = M.nr_free[ZONE_NORMAL];

	n = alloc_until_null(GFP_HIGHUSER, &last);
	CHECK_EQ(last, ZONE_NORMAL);
	CHECK_EQ(M.nr_free[ZONE_HIGHMEM], min_wmark_pages(high));
	CHECK_EQ(M.nr_free[ZONE_NORMAL],
		 min_wmark_pages(normal) +
			 normal->lowmem_reserve[ZONE_HIGHMEM]);
	CHECK_EQ(n, high_free - M.nr_free[ZONE_HIGHMEM] + normal_free -
			    M.nr_free[ZONE_NORMAL]);

	n = alloc_until_null(GFP_KERNEL, &last);
	CHECK_EQ(n, (unsigned long)normal->lowmem_reserve[ZONE_HIGHMEM]);
	CHECK_EQ(M.nr_free[ZONE_NORMAL], min_wmark_pages(normal));

	shim_log_clear();
	CHECK(!alloc_pages(GFP_KERNEL, 0));
	CHECK(shim_log_contains("swapper/0: page allocation failure: order:0, "
				"mode:0xcc0(GFP_KERNEL), nodemask=(null)\n"));
	shim_log_clear();
	CHECK(!alloc_pages(GFP_KERNEL | __GFP_NOWARN, 2));
	CHECK(!shim_log_contains("page allocation failure"));

	n = alloc_until_null(GFP_ATOMIC, &last);
	min = (long)min_wmark_pages(normal);
	min -= min / 2;
	min -= min / 4;
	CHECK(n > 0);
	CHECK_EQ(M.nr_free[ZONE_NORMAL], (unsigned long)min);
	CHECK_EQ(M.nr_free[ZONE_HIGHMEM], min_wmark_pages(high));

	n = alloc_until_null(GFP_HIGHUSER | __GFP_MEMALLOC, &last);
	CHECK_EQ(n, (unsigned long)min + min_wmark_pages(high));
	CHECK_EQ(nr_free_pages(), 0UL);
	model_release_all(&M);
}

static void test_gfp_zero(void)
{
	struct page *page;
	unsigned int order;

	boot(&layout_holes);
	/* Dirty pages first, so zeroing has work to do. */
	for (order = 0; order < MAX_ORDER; order += 3) {
		CHECK(model_alloc(&M, GFP_HIGHUSER, order) != NULL);
		CHECK(model_alloc(&M, GFP_KERNEL, order) != NULL);
	}
	model_release_all(&M);
	for (order = 0; order < MAX_ORDER; order += 3) {
		page = model_alloc(&M, GFP_HIGHUSER | __GFP_ZERO, order);
		CHECK(page && PageHighMem(page));
		page = model_alloc(&M, GFP_KERNEL | __GFP_ZERO, order);
		CHECK(page && !PageHighMem(page));
	}
	model_release_all(&M);
}

static void test_api(void)
{
	unsigned long addr, zeroed;
	unsigned long warnings;
	struct page *page;

	boot(&layout_1g);
	addr = __get_free_pages(GFP_HIGHUSER, 2);
	CHECK(addr);
	page = virt_to_page((void *)addr);
	CHECK(!PageHighMem(page));
	CHECK_EQ(page_address(page), (void *)addr);
	CHECK_EQ(page_alloc_order(page), 2);
	free_pages(addr, 2);
	free_pages(0, 3);
	free_page(0);

	zeroed = get_zeroed_page(GFP_KERNEL);
	CHECK(zeroed && !*(unsigned long *)zeroed);
	free_page(zeroed);

	page = alloc_page(GFP_HIGHUSER);
	CHECK(page && PageHighMem(page));
	CHECK(page_address(page) == NULL); /* no mm/highmem.c on the host */
	get_page(page);
	put_page(page);
	CHECK_EQ(page_count(page), 1);
	put_page(page);
	CHECK_EQ(page_alloc_kunit_bad_page_reports(), 0UL);

	warnings = shim_nr_warnings;
	CHECK(!alloc_pages(GFP_KERNEL, MAX_ORDER));
	CHECK(!alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER + 5));
	CHECK_EQ(shim_nr_warnings, warnings + 1);

	CHECK(pfn_valid(min_low_pfn) && pfn_valid(max_pfn - 1));
	CHECK(!pfn_valid(max_pfn) && !pfn_valid(ARCH_PFN_OFFSET - 1));
	CHECK_EQ(page_to_pfn(pfn_to_page(max_low_pfn)), max_low_pfn);
	CHECK(PageHighMem(pfn_to_page(max_low_pfn)));
	CHECK(!PageHighMem(pfn_to_page(max_low_pfn - 1)));
	CHECK(PageReserved(pfn_to_page(M.reserved_pfn)));
	model_release_all(&M);
}

/* Order-0 frees park on pcp until high, then a batch goes back. */
static void test_pcp(void)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	int i, n = normal->pcp.high + 10;

	boot(&layout_256m);
	CHECK_EQ(normal->pcp.batch, 15); /* 65000 pages: (63 / 4) -> 15 */
	CHECK_EQ(normal->pcp.high, 90);
	for (i = 0; i < n; i++)
		model_alloc(&M, GFP_KERNEL, 0);
	CHECK(normal->pcp.count < normal->pcp.batch);
	while (M.nr_blocks) {
		model_free(&M, M.nr_blocks - 1, 0);
		CHECK(normal->pcp.count < normal->pcp.high);
	}
	CHECK(normal->pcp.count > 0);
	drain_all_pages(normal);
	CHECK_EQ(normal->pcp.count, 0);
	model_release_all(&M);
}

/*
 * With every page taken, two freed buddies sit on pcp, unmerged; an
 * order-1 request must give them back and succeed (the model checks a
 * NULL against its free runs).
 */
static void test_pcp_drain_on_failure(void)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	size_t i;

	boot(&layout_256m);
	while (model_alloc(&M, GFP_KERNEL | __GFP_MEMALLOC | __GFP_NOWARN, 0))
		;
	for (i = 0; i < M.nr_blocks; i++)
		if (M.blocks[i].pfn & 1)
			break;
	model_free(&M, i, 0); /* an odd pfn ... */
	for (i = 0; i < M.nr_blocks; i++)
		if (M.blocks[i].pfn == (M.last_freed.pfn ^ 1))
			break;
	model_free(&M, i, 0); /* ... and its buddy */
	CHECK_EQ(normal->pcp.count, 2);
	CHECK(model_alloc(&M, GFP_KERNEL | __GFP_MEMALLOC, 1));
	model_release_all(&M);
}

/* Each misuse: one report, in Linux's format, and nothing changed. */
static void expect_report(enum bad_free_kind kind, size_t i, unsigned int arg,
			  const char *reason)
{
	char line[96];

	shim_log_clear();
	CHECK(model_bad_free(&M, kind, i, arg));
	CHECK(shim_log_contains(
		"BUG: Bad page state in process swapper/0  pfn:"));
	CHECK(shim_log_contains(" refcount:"));
	CHECK(shim_log_contains(" mapcount:"));
	CHECK(shim_log_contains("\nflags: "));
	snprintf(line, sizeof(line), "page dumped because: %s", reason);
	CHECK_MSG(shim_log_contains(line), "want \"%s\" in:\n%s", line,
		  shim_log());
}

static void test_bad_frees(void)
{
	struct page *page;
	char line[80];

	boot(&layout_1g);
	CHECK(model_alloc(&M, GFP_KERNEL, 2));	 /* block 0: order 2 */
	CHECK(model_alloc(&M, GFP_HIGHUSER, 3)); /* block 1: order 3 */
	page = model_alloc(&M, GFP_KERNEL, 0);
	CHECK(page);

	/* Order 0 on pcp, then the same merged back into the buddy lists. */
	model_free(&M, 2, 0);
	expect_report(BAD_DOUBLE_FREE, 0, 0,
		      "double free: page is already free");
	snprintf(line, sizeof(line), "pfn:%05lx\n", page_to_pfn(page));
	CHECK(shim_log_contains(line));
	drain_all_pages(NULL);
	expect_report(BAD_DOUBLE_FREE, 0, 0,
		      "double free: page is already free");

	expect_report(BAD_WRONG_ORDER, 0, 9,
		      "freed at order 1, allocated at order 2");
	expect_report(BAD_WRONG_ORDER, 0, 0,
		      "freed at order 3, allocated at order 2");
	expect_report(BAD_TAIL_PAGE, 1, 0,
		      "freed at order 0 but not an allocated block's head");
	expect_report(BAD_RESERVED, 0, 0,
		      "PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
	CHECK(shim_log_contains("bad because of flags: 0x1(reserved)"));
	expect_report(BAD_MAPCOUNT, 1, 3, "nonzero mapcount");
	CHECK(shim_log_contains("mapcount:4 "));
	expect_report(BAD_MAPPING, 0, 0, "non-NULL mapping");
	expect_report(BAD_TAIL_REFCOUNT, 1, 0, "nonzero _refcount");
	expect_report(BAD_HUGE_ORDER, 0, 1, "freed at order 12 >= MAX_ORDER");
	CHECK_EQ(page_alloc_kunit_bad_page_reports(), 10UL);
	/* The blocks are still allocated and free normally. */
	model_release_all(&M);
	CHECK_EQ(page_alloc_kunit_bad_page_reports(), 10UL);
}

/* xorshift64*: reproducible bytes for the op interpreter. */
static void random_bytes(unsigned char *buf, size_t n, u64 *seed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		*seed ^= *seed >> 12;
		*seed ^= *seed << 25;
		*seed ^= *seed >> 27;
		buf[i] = (unsigned char)((*seed * 0x2545F4914F6CDD1DULL) >> 56);
	}
}

static void random_run(const struct ram_layout *l, unsigned long ops, u64 seed)
{
	unsigned char buf[3 * 1024];
	unsigned long done;

	boot(l);
	for (done = 0; done < ops; done += sizeof(buf) / 3) {
		random_bytes(buf, sizeof(buf), &seed);
		model_run_ops(&M, buf, sizeof(buf));
		if (harness_failures)
			break;
	}
	printf("%s: %lu ops, %lu bad-page reports, %zu blocks held at the "
	       "end\n",
	       l->name, done, page_alloc_kunit_bad_page_reports(), M.nr_blocks);
	model_check_structure(&M);
	model_release_all(&M);
}

static void test_random_small(void)
{
	random_run(&layout_small, 400000, 1);
}
static void test_random_holes(void)
{
	random_run(&layout_holes, 150000, 2);
}
static void test_random_1g(void)
{
	random_run(&layout_1g, 60000, 3);
}

static void test_reports(void)
{
	const char *log;

	boot(&layout_1g);
	shim_log_clear();
	show_buddyinfo();
	log = shim_log();
	CHECK(!strncmp(log, "Node 0, zone   Normal ", 22));
	CHECK(strstr(log, "\nNode 0, zone  HighMem ") != NULL);
	/* 11 columns of "%6lu ": every line is 22 + 77 characters. */
	CHECK(strchr(log, '\n') - log == 22 + 7 * MAX_ORDER);
	shim_log_clear();
	show_zoneinfo();
	CHECK(shim_log_contains("Node 0, zone  HighMem\n  pages free     "));
	CHECK(shim_log_contains("\n        managed  "));
	CHECK(shim_log_contains("\n        protection: (0, "));
	shim_log_clear();
	mem_map_report();
	CHECK(shim_log_contains("mem_map: "));
	CHECK(shim_log_contains(" struct pages of "));
	shim_log_clear();
	memblock_dump();
	CHECK(shim_log_contains("MEMBLOCK configuration:\n memory size = "
				"0x40000000 reserved size = "));
	CHECK(shim_log_contains(" memory[0x0]\t[0x40000000-0x7fffffff], "
				"0x40000000 bytes flags: 0x0\n"));
}

/* The boot-time hand-over can never happen twice. */
static void test_memblock_retired(void)
{
	boot(&layout_256m);
	memblock_reserve(0x40000000, PAGE_SIZE);
}

static const struct host_test tests[] = {
	{ "boot_256m", test_boot_256m, false },
	{ "boot_1g_unaligned_highmem", test_boot_1g, false },
	{ "boot_holes", test_boot_holes, false },
	{ "boot_2g", test_boot_2g, false },
	{ "drain_every_order_256m", test_drain_256m, false },
	{ "drain_every_order_holes", test_drain_holes, false },
	{ "drain_every_order_2g", test_drain_2g, false },
	{ "watermark_values", test_watermark_values, false },
	{ "zone_fallback_and_watermarks", test_zone_fallback_and_watermarks,
	  false },
	{ "gfp_zero", test_gfp_zero, false },
	{ "api", test_api, false },
	{ "pcp_lists", test_pcp, false },
	{ "pcp_drain_on_failure", test_pcp_drain_on_failure, false },
	{ "bad_frees", test_bad_frees, false },
	{ "random_small", test_random_small, false },
	{ "random_holes", test_random_holes, false },
	{ "random_1g", test_random_1g, false },
	{ "reports", test_reports, false },
	{ "memblock_retired_bug", test_memblock_retired, true },
};

int main(void)
{
	return run_tests(tests, ARRAY_SIZE(tests));
}
