/*
 * tests/host/test_memblock.c: host tests of mm/memblock.c against a set
 * model: a window of physical space in 256-byte units. Random add /
 * remove / reserve / free sequences must keep both lists equal to the
 * maximal runs of the model's sets (sorted, merged), fail with -ENOMEM
 * and no change exactly when a list would need more than
 * INIT_MEMBLOCK_REGIONS entries; allocations must be the highest fit
 * below the limit; the hand-over to the buddy allocator must free
 * exactly the unreserved pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/memblock.h>
#include <linux/mm.h>

#include "harness.h"
#include "model.h"
#include "shim.h"

#define UNIT 0x100u
#define DOM_UNITS 4096u
#define DOM_BASE 0x40000000u /* inside layout_256m's fake RAM */
#define DOM_END (DOM_BASE + DOM_UNITS * UNIT)

struct set {
	unsigned char in[DOM_UNITS];
};

static phys_addr_t unit_addr(unsigned int u)
{
	return DOM_BASE + u * UNIT;
}

/* The set's maximal runs, as memblock should list them. */
static unsigned long set_runs(const struct set *s, struct memblock_region *out,
			      unsigned long max)
{
	unsigned long n = 0;
	unsigned int u = 0, start;

	while (u < DOM_UNITS) {
		if (!s->in[u]) {
			u++;
			continue;
		}
		for (start = u; u < DOM_UNITS && s->in[u]; u++)
			;
		if (out && n < max) {
			out[n].base = unit_addr(start);
			out[n].size = (u - start) * UNIT;
		}
		n++;
	}
	return n;
}

static void check_type(const struct memblock_type *type, const struct set *s)
{
	struct memblock_region want[INIT_MEMBLOCK_REGIONS];
	unsigned long n = set_runs(s, want, INIT_MEMBLOCK_REGIONS), i;

	CHECK_EQ(type->cnt, n);
	for (i = 0; i < n && i < type->cnt; i++) {
		CHECK_EQ(type->regions[i].base, want[i].base);
		CHECK_EQ(type->regions[i].size, want[i].size);
	}
}

static void set_range(struct set *s, unsigned int u, unsigned int n, bool in)
{
	memset(&s->in[u], in, n);
}

/* Apply one operation to memblock and the model; check they agree. */
static void apply(struct set *s, bool reserved, bool add, unsigned int u,
		  unsigned int n)
{
	struct set next = *s;
	int ret, want;

	set_range(&next, u, n, add);
	want = set_runs(&next, NULL, 0) > INIT_MEMBLOCK_REGIONS ? -ENOMEM : 0;
	if (reserved)
		ret = add ? memblock_reserve(unit_addr(u), n * UNIT) :
			    memblock_phys_free(unit_addr(u), n * UNIT);
	else
		ret = add ? memblock_add(unit_addr(u), n * UNIT) :
			    memblock_remove(unit_addr(u), n * UNIT);
	CHECK_MSG(ret == want, "%s %s [%#x, +%#x): %d, expected %d",
		  add ? "add" : "remove", reserved ? "reserved" : "memory",
		  (unsigned int)unit_addr(u), n * UNIT, ret, want);
	if (!want)
		*s = next;
	check_type(reserved ? &memblock.reserved : &memblock.memory, s);
}

static void random_ops(struct set *mem, struct set *rsv, unsigned int nr,
		       unsigned int max_len, unsigned int *seed)
{
	unsigned int i;

	for (i = 0; i < nr && !harness_failures; i++) {
		unsigned int op = rand_r(seed) % 4;
		unsigned int u = rand_r(seed) % DOM_UNITS;
		unsigned int n = 1 + rand_r(seed) % max_len;

		if (u + n > DOM_UNITS)
			n = DOM_UNITS - u;
		apply(op < 2 ? mem : rsv, op >= 2, !(op & 1), u, n);
	}
}

static void test_random_lists(void)
{
	static struct set mem, rsv;
	unsigned int seed = 1;

	shim_quiet = true;
	shim_log_clear();
	/* Long ranges: mostly merging; short ones: the arrays fill up. */
	random_ops(&mem, &rsv, 20000, 600, &seed);
	random_ops(&mem, &rsv, 20000, 8, &seed);
	CHECK(shim_log_contains(
		"memblock: all 32 memory regions in use, cannot record [0x"));
	CHECK(shim_log_contains("memblock: all 32 reserved regions in use"));
}

static void test_merge_and_split(void)
{
	static struct set mem, rsv;

	apply(&mem, false, true, 100, 10);
	apply(&mem, false, true, 120, 10);
	apply(&mem, false, true, 110, 10); /* touches both: one region */
	CHECK_EQ(memblock.memory.cnt, 1UL);
	apply(&mem, false, true, 105, 30); /* overlaps both ends */
	apply(&mem, false, false, 115, 2); /* split in two */
	CHECK_EQ(memblock.memory.cnt, 2UL);
	apply(&mem, false, false, 90, 100); /* takes everything */
	CHECK_EQ(memblock.memory.cnt, 0UL);
	apply(&rsv, true, true, 4000, 96); /* the window's last unit */
	apply(&rsv, true, false, 0, 10);   /* nothing there */
	CHECK_EQ(memblock_reserved_size(), 96UL * UNIT);
}

/* The free ranges are memory minus reserved, in ascending order. */
static void check_free_ranges(const struct set *mem, const struct set *rsv)
{
	struct memblock_region want[DOM_UNITS / 2];
	phys_addr_t start, end;
	unsigned long n, k = 0;
	struct set free;
	unsigned int u;
	u64 i;

	for (u = 0; u < DOM_UNITS; u++)
		free.in[u] = mem->in[u] && !rsv->in[u];
	n = set_runs(&free, want, ARRAY_SIZE(want));
	for_each_free_mem_range(i, &start, &end)
	{
		CHECK(k < n);
		if (k < n) {
			CHECK_EQ(start, want[k].base);
			CHECK_EQ(end, want[k].base + want[k].size);
		}
		k++;
	}
	CHECK_EQ(k, n);
}

static void test_free_ranges(void)
{
	static struct set mem, rsv;
	unsigned int seed = 2, round;

	shim_quiet = true;
	check_free_ranges(&mem, &rsv);
	for (round = 0; round < 400 && !harness_failures; round++) {
		random_ops(&mem, &rsv, 5, 200, &seed);
		check_free_ranges(&mem, &rsv);
	}
}

/* The highest align-aligned start of size units free below limit. */
static phys_addr_t expected_alloc(const struct set *mem, const struct set *rsv,
				  unsigned int size, unsigned int align,
				  phys_addr_t limit)
{
	phys_addr_t top = min(limit, (phys_addr_t)DOM_END), a;
	unsigned int u, k;

	if (top < DOM_BASE + size * UNIT)
		return 0;
	for (a = ALIGN_DOWN(top - size * UNIT, align); a >= DOM_BASE;
	     a -= align) {
		u = (a - DOM_BASE) / UNIT;
		for (k = 0; k < size && mem->in[u + k] && !rsv->in[u + k]; k++)
			;
		if (k == size)
			return a;
	}
	return 0;
}

static void test_alloc_top_down(void)
{
	static const unsigned int aligns[] = { UNIT, PAGE_SIZE, 0x10000 };
	static struct set mem, rsv;
	unsigned int seed = 3, i, fits = 0;

	shim_quiet = true;
	fake_ram_map(&layout_256m);
	apply(&mem, false, true, 0, DOM_UNITS);
	for (i = 0; i < 8; i++) {
		apply(&mem, false, false, rand_r(&seed) % (DOM_UNITS - 40), 40);
		apply(&rsv, true, true, rand_r(&seed) % (DOM_UNITS - 8), 8);
	}
	for (i = 0; i < 3000 && !harness_failures; i++) {
		unsigned int size = 1 + rand_r(&seed) % 48;
		unsigned int align = aligns[rand_r(&seed) % 3];
		phys_addr_t limit =
			i % 4 ? unit_addr(rand_r(&seed) % DOM_UNITS) :
				MEMBLOCK_ALLOC_ANYWHERE;
		phys_addr_t want =
			expected_alloc(&mem, &rsv, size, align, limit);
		struct set next = rsv;
		phys_addr_t got;

		if (want) {
			set_range(&next, (want - DOM_BASE) / UNIT, size, true);
			if (set_runs(&next, NULL, 0) > INIT_MEMBLOCK_REGIONS)
				want = 0;
		}
		memblock_set_current_limit(limit);
		CHECK_EQ(memblock_get_current_limit(), limit);
		got = memblock_phys_alloc(size * UNIT, align);
		CHECK_MSG(got == want,
			  "size %#x align %#x limit %#x: %#x, expected %#x",
			  size * UNIT, align, (unsigned int)limit,
			  (unsigned int)got, (unsigned int)want);
		if (want) {
			rsv = next;
			fits++;
		}
		check_type(&memblock.reserved, &rsv);
		if (i % 4 == 0) /* let go of some, so it goes on fitting */
			apply(&rsv, true, false,
			      rand_r(&seed) % (DOM_UNITS - 64), 64);
	}
	/* Both outcomes, plenty of each. */
	CHECK_MSG(fits > 500 && fits < 2500, "%u of 3000 fitted", fits);
}

static void test_alloc_zeroed(void)
{
	unsigned char *p;
	size_t i;

	fake_ram_map(&layout_256m);
	memblock_add(0x40000000, 0x100000);
	memset(__va(0x40000000), 0xa5, 0x100000);
	memblock_reserve(0x400ff000, 0x1000);
	memblock_set_current_limit(0x40100000);
	p = memblock_alloc(0x3000, PAGE_SIZE);
	CHECK_EQ(__pa(p), 0x400fc000u);
	for (i = 0; i < 0x3000; i++)
		CHECK(!p[i]);
	CHECK_EQ(*(unsigned char *)__va(0x400fbfff), 0xa5);
	/* Too big, or nothing below the limit: NULL and a message. */
	shim_log_clear();
	CHECK(memblock_alloc(0x200000, PAGE_SIZE) == NULL);
	CHECK(shim_log_contains(
		"memblock: cannot allocate 2097152 bytes below 0x40100000"));
	memblock_set_current_limit(0x40000fff);
	CHECK(memblock_alloc(0x1000, PAGE_SIZE) == NULL);
	CHECK_EQ(memblock_phys_alloc(0x1000, PAGE_SIZE), 0u);
}

/* Never page 0, even if it is free memory: 0 means failure. */
static void test_alloc_never_page_zero(void)
{
	memblock_add(0, 0x2000);
	CHECK_EQ(memblock_phys_alloc(0x1000, 0x1000), 0x1000u);
	CHECK_EQ(memblock_phys_alloc(0x1000, 0x1000), 0u);
}

static void test_queries(void)
{
	memblock_add(0x48000000, 0x1000000);
	memblock_add(0x40000000, 0x2000000);
	memblock_reserve(0x40008000, 0x10000);
	memblock_reserve(0x48ff0000, 0x10000);
	CHECK_EQ(memblock_phys_mem_size(), 0x3000000u);
	CHECK_EQ(memblock_reserved_size(), 0x20000u);
	CHECK_EQ(memblock_start_of_DRAM(), 0x40000000u);
	CHECK_EQ(memblock_end_of_DRAM(), 0x49000000u);
	CHECK(memblock_is_memory(0x40000000) && memblock_is_memory(0x41ffffff));
	CHECK(!memblock_is_memory(0x42000000) &&
	      !memblock_is_memory(0x3fffffff));
	CHECK(memblock_is_reserved(0x40008000) &&
	      !memblock_is_reserved(0x40018000));
	CHECK(memblock_is_reserved(0x48ffffff));
	/* A range is memory only if one region holds all of it. */
	CHECK(memblock_is_region_memory(0x40000000, 0x2000000));
	CHECK(memblock_is_region_memory(0x41f00000, 0x100000));
	CHECK(!memblock_is_region_memory(0x41f00000, 0x100001));
	CHECK(!memblock_is_region_memory(0x40000000, 0x9000000));
	CHECK(!memblock_is_region_memory(0x3ffff000, 0x2000));
	CHECK(!memblock_is_region_memory(0x42000000, 0x1000));

	shim_quiet = true;
	shim_log_clear();
	memblock_dump_all();
	CHECK(shim_log_contains(
		" memory size = 0x03000000 reserved size = 0x00020000\n"));
	CHECK(shim_log_contains(" memory.cnt  = 0x2\n"));
	CHECK(shim_log_contains(" memory[0x1]\t[0x48000000-0x48ffffff], "
				"0x01000000 bytes flags: 0x0\n"));
	CHECK(shim_log_contains(" reserved[0x0]\t[0x40008000-0x40017fff], "
				"0x00010000 bytes flags: 0x0\n"));
}

/* RAM reaching 4 GB ends at 0xffffffff: phys_addr_t cannot say 2^32. */
static void test_cap_at_4g(void)
{
	phys_addr_t start, end;
	u64 i;

	CHECK_EQ(memblock_add(0x40000000, 0xc0000000), 0);
	CHECK_EQ(memblock_end_of_DRAM(), 0xffffffffu);
	CHECK_EQ(memblock_phys_mem_size(), 0xbfffffffu);
	CHECK_EQ(memblock_reserve(0xfffff000, 0x2000), 0);
	CHECK_EQ(memblock_reserved_size(), 0xfffu);
	for_each_free_mem_range(i, &start, &end)
		CHECK(start == 0x40000000 && end == 0xfffff000);
	CHECK_EQ(memblock_remove(0x80000000, 0x90000000), 0);
	CHECK_EQ(memblock_end_of_DRAM(), 0x80000000u);
}

/*
 * The hand-over frees exactly the pages the free ranges cover whole,
 * split by zone; reserved pages stay PG_reserved with a reference.
 */
static void test_free_all_counts(void)
{
	unsigned long zone_free[MAX_NR_ZONES] = { 0 }, pfn, total;
	phys_addr_t start, end;
	enum zone_type z;
	u64 i;

	shim_quiet = true;
	total = fake_ram_boot(&layout_holes);
	/* memblock still answers queries once retired. */
	for_each_free_mem_range(i, &start, &end) for (pfn = PFN_UP(start);
						      pfn < PFN_DOWN(end);
						      pfn++)
		zone_free[pfn < max_low_pfn ? ZONE_NORMAL : ZONE_HIGHMEM]++;
	for (z = 0; z < MAX_NR_ZONES; z++)
		CHECK_EQ(NODE_DATA(0)->node_zones[z].managed_pages,
			 zone_free[z]);
	CHECK_EQ(total, zone_free[ZONE_NORMAL] + zone_free[ZONE_HIGHMEM]);
	for (pfn = ARCH_PFN_OFFSET; pfn < max_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);
		bool reserved = memblock_is_reserved(PFN_PHYS(pfn)) ||
				!memblock_is_memory(PFN_PHYS(pfn));

		if (reserved)
			CHECK(PageReserved(page) && page_count(page) == 1);
		if (!PageReserved(page))
			CHECK(page_count(page) == 0 && !reserved);
	}
	CHECK(memblock.retired);
}

static void test_alloc_after_retire(void)
{
	shim_quiet = true;
	fake_ram_boot(&layout_256m);
	memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
}

static const struct host_test tests[] = {
	{ "random_lists", test_random_lists, false },
	{ "merge_and_split", test_merge_and_split, false },
	{ "free_ranges", test_free_ranges, false },
	{ "alloc_top_down", test_alloc_top_down, false },
	{ "alloc_zeroed", test_alloc_zeroed, false },
	{ "alloc_never_page_zero", test_alloc_never_page_zero, false },
	{ "queries_and_dump", test_queries, false },
	{ "cap_at_4g", test_cap_at_4g, false },
	{ "free_all_counts", test_free_all_counts, false },
	{ "alloc_after_retire_bug", test_alloc_after_retire, true },
};

int main(void)
{
	return run_tests(tests, ARRAY_SIZE(tests));
}
