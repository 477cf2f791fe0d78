/*
 * tests/host/model.c: fake RAM boot and the reference model of the page
 * allocator (see model.h). The model knows which pages are free from the
 * layout alone; the allocator's own counters are only ever compared with
 * it, never used to compute an expectation.
 */
#include <kunit/private.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <linux/memblock.h>

#include "harness.h"
#include "model.h"

#define MB(x) ((phys_addr_t)(x) << 20)

const struct ram_layout layout_256m = {
	.name = "256M",
	.phys_offset = 0x40000000,
	.lowmem_limit = 0x70000000,
	.banks = { { 0x40000000, MB(256) } },
	.reserved = { { 0x40004000, 0x7fc000 }, { 0x48000000, MB(1) } },
};

const struct ram_layout layout_1g = {
	.name = "1G",
	.phys_offset = 0x40000000,
	.lowmem_limit = 0x6f8a3000,
	.banks = { { 0x40000000, MB(1024) } },
	.reserved = { { 0x40004000, 0x9fc000 }, { 0x48000000, MB(1) } },
};

const struct ram_layout layout_holes = {
	.name = "holes",
	.phys_offset = 0x40000000,
	.lowmem_limit = 0x46789000,
	.alloc_limit = 0x42000000,
	.banks = { { 0x40000000, 0x3000000 },
		   { 0x44100000, 0x3f00000 },
		   { 0x48345800, 0xcba800 } },
	.reserved = { { 0x40004000, 0x9fc000 },
		      { 0x41234000, 0x5000 },
		      { 0x44800123, 0x10 },
		      { 0x45555000, 0x1000 },
		      { 0x47fff000, 0x400000 } },
};

const struct ram_layout layout_2g = {
	.name = "2G",
	.phys_offset = 0x40000000,
	.lowmem_limit = 0x70000000,
	.banks = { { 0x40000000, MB(2048) } },
	.reserved = { { 0x40004000, 0xbfc000 }, { 0x48000000, MB(1) } },
};

/* Big enough for pcp lists in both zones (batch 3 and 1). */
const struct ram_layout layout_small = {
	.name = "small",
	.phys_offset = 0x40000000,
	.lowmem_limit = 0x43545000,
	.alloc_limit = 0x42000000,
	.banks = { { 0x40000000, MB(48) }, { 0x43100000, MB(47) } },
	.reserved = { { 0x40004000, 0x3fc000 }, { 0x40623000, 0x3000 } },
};

static u64 range_end(const struct ram_range *r)
{
	return (u64)r->base + r->size;
}

static u64 layout_end(const struct ram_layout *l)
{
	u64 end = 0;
	int i;

	for (i = 0; i < LAYOUT_MAX_RANGES && l->banks[i].size; i++)
		if (range_end(&l->banks[i]) > end)
			end = range_end(&l->banks[i]);
	return end;
}

void fake_ram_map(const struct ram_layout *l)
{
	size_t size = (size_t)(layout_end(l) - l->phys_offset);
	void *ram = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (ram == MAP_FAILED)
		abort();
	__pv_phys_offset = l->phys_offset;
	__pv_offset = (unsigned long)l->phys_offset - (unsigned long)ram;
}

unsigned long fake_ram_boot(const struct ram_layout *l)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES];
	int i;

	fake_ram_map(l);
	for (i = 0; i < LAYOUT_MAX_RANGES && l->banks[i].size; i++)
		memblock_add(l->banks[i].base, l->banks[i].size);
	for (i = 0; i < LAYOUT_MAX_RANGES && l->reserved[i].size; i++)
		memblock_reserve(l->reserved[i].base, l->reserved[i].size);
	memblock_set_current_limit(l->alloc_limit ? l->alloc_limit :
						    l->lowmem_limit);

	/* arch/arm/mm/init.c find_limits() and bootmem_init() */
	min_low_pfn = PFN_UP(memblock_start_of_DRAM());
	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	max_low_pfn = min(PFN_DOWN(l->lowmem_limit), max_pfn);
	high_memory = __va(PFN_PHYS(max_low_pfn) - 1) + 1;
	max_zone_pfn[ZONE_NORMAL] = max_low_pfn;
	max_zone_pfn[ZONE_HIGHMEM] = max_pfn;
	free_area_init(max_zone_pfn);
	return memblock_free_all();
}

static unsigned char *pfn_state(struct model *m, unsigned long pfn)
{
	return &m->state[pfn - m->start_pfn];
}

static unsigned short *block_free(struct model *m, unsigned long pfn)
{
	unsigned long base = ALIGN_DOWN(m->start_pfn, MAX_ORDER_NR_PAGES);

	return &m->block_free[(pfn - base) >> (MAX_ORDER - 1)];
}

/* Mark 2^order pages (within one MAX_ORDER block) free or used. */
static void model_set(struct model *m, unsigned long pfn, unsigned int order,
		      enum pfn_state to)
{
	unsigned long i, n = 1UL << order;

	for (i = 0; i < n; i++)
		*pfn_state(m, pfn + i) = to;
	if (to == PFN_FREE) {
		*block_free(m, pfn) += n;
		m->nr_free[model_zone_of(pfn)] += n;
	} else {
		*block_free(m, pfn) -= n;
		m->nr_free[model_zone_of(pfn)] -= n;
	}
}

static bool page_overlaps(unsigned long pfn, u64 base, u64 end)
{
	return (u64)pfn << PAGE_SHIFT < end &&
	       ((u64)pfn + 1) << PAGE_SHIFT > base;
}

static bool page_inside(unsigned long pfn, u64 base, u64 end)
{
	return (u64)pfn << PAGE_SHIFT >= base &&
	       ((u64)pfn + 1) << PAGE_SHIFT <= end;
}

/* Usable: all inside one bank, touching no reservation nor mem_map. */
static bool model_page_usable(const struct ram_layout *l, unsigned long pfn,
			      u64 map_base, u64 map_end)
{
	bool in_bank = false;
	int i;

	for (i = 0; i < LAYOUT_MAX_RANGES && l->banks[i].size; i++)
		in_bank |= page_inside(pfn, l->banks[i].base,
				       range_end(&l->banks[i]));
	for (i = 0; i < LAYOUT_MAX_RANGES && l->reserved[i].size; i++)
		if (page_overlaps(pfn, l->reserved[i].base,
				  range_end(&l->reserved[i])))
			return false;
	return in_bank && !page_overlaps(pfn, map_base, map_end);
}

/* Where free_area_init must have put mem_map: whole MAX_ORDER blocks. */
static void model_mem_map_range(u64 *base, u64 *end)
{
	unsigned long first = ALIGN_DOWN(ARCH_PFN_OFFSET, MAX_ORDER_NR_PAGES);
	unsigned long last = ALIGN(max_pfn, MAX_ORDER_NR_PAGES);

	*base = __pa(mem_map - (ARCH_PFN_OFFSET - first));
	*end = *base + (u64)(last - first) * sizeof(struct page);
}

static void model_check_zones(struct model *m)
{
	const struct ram_layout *l = m->layout;
	enum zone_type z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &NODE_DATA(0)->node_zones[z];
		unsigned long start = z ? max_low_pfn : min_low_pfn;
		unsigned long end = z ? max_pfn : max_low_pfn;
		unsigned long pfn, present = 0;
		int i;

		for (pfn = start; pfn < end; pfn++)
			for (i = 0; i < LAYOUT_MAX_RANGES && l->banks[i].size;
			     i++)
				present += page_inside(pfn, l->banks[i].base,
						       range_end(&l->banks[i]));
		CHECK_EQ(zone->zone_start_pfn, start);
		CHECK_EQ(zone->spanned_pages, end - start);
		CHECK_EQ(zone->present_pages, present);
		CHECK_EQ(zone->managed_pages, m->nr_free[z]);
		CHECK_EQ(zone->free_pages, m->nr_free[z]);
		CHECK(!strcmp(zone->name, z ? "HighMem" : "Normal"));
	}
}

void model_init(struct model *m, const struct ram_layout *l)
{
	struct buddyinfo expected;
	u64 map_base, map_end;
	unsigned long pfn;

	memset(m, 0, sizeof(*m));
	m->layout = l;
	m->start_pfn = ARCH_PFN_OFFSET;
	m->end_pfn = max_pfn;
	m->state = calloc(m->end_pfn - m->start_pfn, 1);
	m->block_free =
		calloc((m->end_pfn - m->start_pfn) / MAX_ORDER_NR_PAGES + 2,
		       sizeof(*m->block_free));
	m->max_blocks = m->end_pfn - m->start_pfn;
	m->blocks = calloc(m->max_blocks, sizeof(*m->blocks));
	if (!m->state || !m->blocks || !m->block_free)
		abort();
	model_mem_map_range(&map_base, &map_end);
	for (pfn = m->start_pfn; pfn < m->end_pfn; pfn++) {
		if (model_page_usable(l, pfn, map_base, map_end))
			model_set(m, pfn, 0, PFN_FREE);
		else
			m->reserved_pfn = pfn;
	}
	m->boot_free = m->nr_free[ZONE_NORMAL] + m->nr_free[ZONE_HIGHMEM];
	m->bad_reports = page_alloc_kunit_bad_page_reports();
	m->last_freed.pfn = m->end_pfn; /* none yet */

	CHECK_EQ(nr_free_pages(), m->boot_free);
	CHECK_EQ(totalram_pages(), m->boot_free);
	CHECK_EQ(totalhigh_pages(), m->nr_free[ZONE_HIGHMEM]);
	model_check_zones(m);
	model_check_structure(m);
	buddyinfo_snapshot(&m->boot);
	model_expected_buddyinfo(m, &expected);
	CHECK_MSG(buddyinfo_equal(&m->boot, &expected),
		  "boot buddyinfo is not the fully coalesced free set");
}

/* Does the zone hold 2^order free, aligned pages in a row (the model)? */
static bool model_has_free_run(struct model *m, enum zone_type z,
			       unsigned int order)
{
	const struct zone *zone = &NODE_DATA(0)->node_zones[z];
	unsigned long n = 1UL << order, pfn, i;

	if (m->nr_free[z] < n)
		return false;
	for (pfn = ALIGN(zone->zone_start_pfn, n);
	     pfn + n <= zone_end_pfn(zone); pfn += n) {
		/* Skip MAX_ORDER blocks with too few free pages at once. */
		if (*block_free(m, pfn) < n) {
			pfn = ALIGN_DOWN(pfn, MAX_ORDER_NR_PAGES) +
			      MAX_ORDER_NR_PAGES - n;
			continue;
		}
		for (i = 0; i < n && *pfn_state(m, pfn + i) == PFN_FREE; i++)
			;
		if (i == n)
			return true;
	}
	return false;
}

/* The contract's watermark test, on the model's free count. */
static bool model_watermark_ok(struct model *m, enum zone_type z,
			       gfp_t gfp_mask, unsigned int order)
{
	const struct zone *zone = &NODE_DATA(0)->node_zones[z];
	long min = (long)min_wmark_pages(zone);

	if (gfp_mask & __GFP_MEMALLOC)
		return true;
	if (gfp_mask & __GFP_HIGH)
		min -= min / 2;
	if (gfp_mask & __GFP_ATOMIC)
		min -= min / 4;
	return (long)m->nr_free[z] - (long)((1UL << order) - 1) >
	       min + zone->lowmem_reserve[gfp_zone(gfp_mask)];
}

static bool model_zone_can(struct model *m, enum zone_type z, gfp_t gfp_mask,
			   unsigned int order)
{
	return model_watermark_ok(m, z, gfp_mask, order) &&
	       model_has_free_run(m, z, order);
}

/*
 * Mark the first and last word of the first and last few pages of the
 * block, so a later __GFP_ZERO allocation has stale data to clear. (All
 * pages of a big block would cost more than the allocator's work.)
 */
static void model_dirty(unsigned long pfn, unsigned int order)
{
	unsigned long i, n = 1UL << order;

	for (i = 0; i < n; i = (i == 3 && n > 8) ? n - 4 : i + 1) {
		unsigned long *p = __va(PFN_PHYS(pfn + i));

		p[0] = pfn + i;
		p[PAGE_SIZE / sizeof(long) - 1] = ~(pfn + i);
	}
}

static bool model_zeroed(unsigned long pfn, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		unsigned long *p = __va(PFN_PHYS(pfn + i));

		if (p[0] || p[PAGE_SIZE / sizeof(long) - 1])
			return false;
	}
	return true;
}

/* Every page of the block is free in the model, and is now taken. */
static void model_take(struct model *m, unsigned long pfn, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++)
		CHECK_MSG(*pfn_state(m, pfn + i) == PFN_FREE,
			  "pfn %#lx handed out but state %d", pfn + i,
			  *pfn_state(m, pfn + i));
	model_set(m, pfn, order, PFN_USED);
}

static void model_check_page_result(struct model *m, struct page *page,
				    gfp_t gfp_mask, unsigned int order)
{
	enum zone_type classzone = gfp_zone(gfp_mask), z;
	unsigned long pfn = page_to_pfn(page);

	CHECK_MSG(pfn >= m->start_pfn && pfn + (1UL << order) <= m->end_pfn,
		  "pfn %#lx", pfn);
	CHECK_MSG(IS_ALIGNED(pfn, 1UL << order), "pfn %#lx order %u", pfn,
		  order);
	z = model_zone_of(pfn);
	CHECK_EQ(page_zonenum(page), z);
	CHECK_EQ(model_zone_of(pfn + (1UL << order) - 1), z);
	CHECK_MSG(z <= classzone, "gfp %#x got zone %d", gfp_mask, z);
	CHECK_MSG(model_watermark_ok(m, z, gfp_mask, order),
		  "zone %d below its watermark served gfp %#x order %u", z,
		  gfp_mask, order);
	/* Zones above it were tried first: they must have been unable. */
	while (++z <= classzone)
		CHECK_MSG(!model_zone_can(m, z, gfp_mask, order),
			  "zone %d could serve gfp %#x order %u", z, gfp_mask,
			  order);
	CHECK_EQ(page_count(page), 1);
	CHECK_EQ(page_alloc_order(page), (int)order);
	CHECK_EQ(page_mapcount(page), 0);
	if (gfp_mask & __GFP_ZERO)
		CHECK_MSG(model_zeroed(pfn, order), "pfn %#lx not zeroed", pfn);
}

struct page *model_alloc(struct model *m, gfp_t gfp_mask, unsigned int order)
{
	struct page *page = alloc_pages(gfp_mask, order);
	enum zone_type z;

	if (!page) {
		for (z = 0; z <= gfp_zone(gfp_mask); z++)
			CHECK_MSG(
				!model_zone_can(m, z, gfp_mask, order),
				"NULL but zone %d could serve gfp %#x order %u",
				z, gfp_mask, order);
		return NULL;
	}
	model_check_page_result(m, page, gfp_mask, order);
	model_take(m, page_to_pfn(page), order);
	model_dirty(page_to_pfn(page), order);
	m->blocks[m->nr_blocks].pfn = page_to_pfn(page);
	m->blocks[m->nr_blocks++].order = order;
	return page;
}

static void model_check_free_count(struct model *m)
{
	enum zone_type z;

	for (z = 0; z < MAX_NR_ZONES; z++)
		CHECK_EQ(NODE_DATA(0)->node_zones[z].free_pages, m->nr_free[z]);
}

void model_free(struct model *m, size_t i, unsigned int how)
{
	struct model_block b = m->blocks[i];
	struct page *page = pfn_to_page(b.pfn);

	if (how % 3 == 1 && !PageHighMem(page))
		free_pages((unsigned long)page_address(page), b.order);
	else if (how % 3 == 2)
		put_page(page);
	else
		__free_pages(page, b.order);

	CHECK_EQ(page_alloc_kunit_bad_page_reports(), m->bad_reports);
	model_set(m, b.pfn, b.order, PFN_FREE);
	model_check_free_count(m);
	m->blocks[i] = m->blocks[--m->nr_blocks];
	m->last_freed = b;
}

void model_shared_free(struct model *m, size_t i)
{
	struct page *page = pfn_to_page(m->blocks[i].pfn);

	get_page(page);
	CHECK_EQ(page_count(page), 2);
	__free_pages(page, m->blocks[i].order);
	CHECK_EQ(page_count(page), 1);
	CHECK_EQ(page_alloc_kunit_bad_page_reports(), m->bad_reports);
	model_check_free_count(m);
}

/* Everything a rejected free must leave as it was. */
struct alloc_state {
	struct buddyinfo info;
	unsigned long free[MAX_NR_ZONES];
	int pcp[MAX_NR_ZONES];
};

static void alloc_state_take(struct alloc_state *s)
{
	enum zone_type z;

	buddyinfo_snapshot(&s->info);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		s->free[z] = NODE_DATA(0)->node_zones[z].free_pages;
		s->pcp[z] = NODE_DATA(0)->node_zones[z].pcp.count;
	}
}

static bool alloc_state_same(const struct alloc_state *a,
			     const struct alloc_state *b)
{
	return buddyinfo_equal(&a->info, &b->info) &&
	       !memcmp(a->free, b->free, sizeof(a->free)) &&
	       !memcmp(a->pcp, b->pcp, sizeof(a->pcp));
}

static bool model_block_free(struct model *m, struct model_block b)
{
	unsigned long j;

	if (b.pfn >= m->end_pfn)
		return false;
	for (j = 0; j < (1UL << b.order); j++)
		if (*pfn_state(m, b.pfn + j) != PFN_FREE)
			return false;
	return true;
}

/* Commit the misuse; page is where it is undone afterwards. */
static bool bad_free_do(struct model *m, enum bad_free_kind kind,
			struct model_block b, unsigned int arg)
{
	struct page *page = pfn_to_page(b.pfn);
	struct page *tail = page + 1 + arg % ((1UL << b.order) - 1 + !b.order);

	switch (kind) {
	case BAD_DOUBLE_FREE:
		__free_pages(page, b.order);
		return true;
	case BAD_WRONG_ORDER:
		__free_pages(page,
			     (b.order + 1 + arg % (MAX_ORDER - 1)) % MAX_ORDER);
		return true;
	case BAD_TAIL_PAGE:
		__free_pages(tail, arg % 3);
		return true;
	case BAD_RESERVED:
		__free_pages(pfn_to_page(m->reserved_pfn), arg % 2);
		return true;
	case BAD_MAPCOUNT:
		page->_mapcount = (int)(arg % 7);
		__free_pages(page, b.order);
		page->_mapcount = -1;
		return true;
	case BAD_MAPPING:
		page->mapping = (struct address_space *)m;
		__free_pages(page, b.order);
		page->mapping = NULL;
		return true;
	case BAD_TAIL_REFCOUNT:
		get_page(tail);
		__free_pages(page, b.order);
		tail->_refcount = 0;
		return true;
	case BAD_HUGE_ORDER:
		__free_pages(page, MAX_ORDER + arg % 30);
		return true;
	default:
		return false;
	}
}

bool model_bad_free(struct model *m, enum bad_free_kind kind, size_t i,
		    unsigned int arg)
{
	bool needs_tail = kind == BAD_TAIL_PAGE || kind == BAD_TAIL_REFCOUNT;
	struct alloc_state before, after;
	struct model_block b;
	int head_count = 0;

	if (kind == BAD_DOUBLE_FREE) {
		b = m->last_freed;
		if (!model_block_free(m, b))
			return false;
	} else {
		if (!m->nr_blocks)
			return false;
		b = m->blocks[i % m->nr_blocks];
		if (needs_tail && !b.order)
			return false;
		head_count = page_count(pfn_to_page(b.pfn));
	}
	alloc_state_take(&before);
	bad_free_do(m, kind, b, arg);
	alloc_state_take(&after);

	CHECK_EQ(page_alloc_kunit_bad_page_reports(), ++m->bad_reports);
	CHECK_MSG(alloc_state_same(&before, &after),
		  "bad free kind %d of pfn %#lx order %u changed the allocator",
		  kind, b.pfn, b.order);
	if (kind != BAD_DOUBLE_FREE) {
		CHECK_EQ(page_count(pfn_to_page(b.pfn)), head_count);
		CHECK_EQ(page_alloc_order(pfn_to_page(b.pfn)), (int)b.order);
	}
	return true;
}

/* Claim the pages of a free block or pcp page exactly once. */
static void model_claim(struct model *m, unsigned long pfn, unsigned long n,
			unsigned long *claimed)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		unsigned char *s = pfn_state(m, pfn + i);

		CHECK_MSG(*s == PFN_FREE, "pfn %#lx on a free list, state %#x",
			  pfn + i, *s);
		*s |= 0x80;
	}
	*claimed += n;
}

static void model_check_free_lists(struct model *m, struct zone *zone,
				   unsigned long *claimed)
{
	enum zone_type z = zone_idx(zone);
	unsigned int order;
	struct page *page;

	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long n = 1UL << order, blocks = 0;

		list_for_each_entry(page, &zone->free_area[order].free_list,
				    lru) {
			unsigned long pfn = page_to_pfn(page);
			struct page *buddy = pfn_to_page(pfn ^ n);

			blocks++;
			CHECK(PageBuddy(page) && page->private == order);
			CHECK_EQ(page_zonenum(page), z);
			CHECK_MSG(IS_ALIGNED(pfn, n) &&
					  zone_spans_pfn(zone, pfn) &&
					  zone_spans_pfn(zone, pfn + n - 1),
				  "block %#lx order %u", pfn, order);
			CHECK_MSG(order == MAX_ORDER - 1 || !PageBuddy(buddy) ||
					  buddy->private != order ||
					  page_zonenum(buddy) != z,
				  "free buddies %#lx/%#lx order %u not merged",
				  pfn, pfn ^ n, order);
			model_claim(m, pfn, n, claimed);
		}
		CHECK_EQ(zone->free_area[order].nr_free, blocks);
	}
}

static void model_check_pcp(struct model *m, struct zone *zone,
			    unsigned long *claimed)
{
	struct page *page;
	long n = 0;

	list_for_each_entry(page, &zone->pcp.list, lru) {
		CHECK(page_count(page) == 0 && !PageBuddy(page));
		CHECK_EQ(page_zonenum(page), zone_idx(zone));
		model_claim(m, page_to_pfn(page), 1, claimed);
		n++;
	}
	CHECK_EQ(zone->pcp.count, n);
}

void model_check_structure(struct model *m)
{
	unsigned long pfn;
	struct zone *zone;
	size_t i;

	for_each_zone(zone)
	{
		unsigned long claimed = 0;

		model_check_free_lists(m, zone, &claimed);
		model_check_pcp(m, zone, &claimed);
		CHECK_EQ(claimed, m->nr_free[zone_idx(zone)]);
		CHECK_EQ(zone->free_pages, m->nr_free[zone_idx(zone)]);
	}
	for (pfn = m->start_pfn; pfn < m->end_pfn; pfn++)
		*pfn_state(m, pfn) &= 0x7f;
	for (i = 0; i < m->nr_blocks; i++) {
		struct page *page = pfn_to_page(m->blocks[i].pfn);

		CHECK(page_count(page) >= 1);
		CHECK_EQ(page_alloc_order(page), (int)m->blocks[i].order);
	}
}

/* Is [pfn, pfn + n) inside the zone and free in the model? */
static bool model_run_free(struct model *m, const struct zone *zone,
			   unsigned long pfn, unsigned long n)
{
	unsigned long i;

	if (pfn < zone->zone_start_pfn || pfn + n > zone_end_pfn(zone))
		return false;
	for (i = 0; i < n; i++)
		if (*pfn_state(m, pfn + i) != PFN_FREE)
			return false;
	return true;
}

void model_expected_buddyinfo(struct model *m, struct buddyinfo *info)
{
	struct zone *zone;
	unsigned int order;

	memset(info, 0, sizeof(*info));
	for_each_zone(zone)
	{
		for (order = 0; order < MAX_ORDER; order++) {
			unsigned long n = 1UL << order, pfn;

			for (pfn = ALIGN(zone->zone_start_pfn, n);
			     pfn + n <= zone_end_pfn(zone); pfn += n)
				if (model_run_free(m, zone, pfn, n) &&
				    (order == MAX_ORDER - 1 ||
				     !model_run_free(m, zone,
						     ALIGN_DOWN(pfn, 2 * n),
						     2 * n)))
					info->nr_free[zone_idx(zone)][order]++;
		}
	}
}

/*
 * Cheap enough to end every fuzzer input: the boot buddyinfo was checked
 * against the model's full-coalescing expectation once, so equality with
 * it (and the free count) is the full check here.
 */
void model_release_all(struct model *m)
{
	struct buddyinfo now;

	while (m->nr_blocks)
		model_free(m, m->nr_blocks - 1, m->nr_blocks);
	drain_all_pages(NULL);
	buddyinfo_snapshot(&now);
	CHECK_MSG(buddyinfo_equal(&now, &m->boot),
		  "buddyinfo differs from boot after freeing everything");
	CHECK_EQ(nr_free_pages(), m->boot_free);
}

/* Mostly small orders, as real callers use, but every order happens. */
static unsigned int op_order(unsigned char b)
{
	unsigned int order = b % 16;

	return order < MAX_ORDER ? order : order - MAX_ORDER;
}

static gfp_t op_gfp(unsigned char b)
{
	static const gfp_t base[] = { GFP_KERNEL, GFP_ATOMIC,
				      GFP_KERNEL | __GFP_MEMALLOC, GFP_NOWAIT };
	gfp_t gfp = base[b & 3];

	if (b & 4)
		gfp |= __GFP_HIGHMEM;
	if (b & 8)
		gfp |= __GFP_ZERO;
	if (!(b & 0x30))
		gfp |= __GFP_NOWARN;
	return gfp;
}

void model_run_ops(struct model *m, const unsigned char *data, size_t size)
{
	for (; size >= 3; data += 3, size -= 3) {
		unsigned char op = data[0] % 16, a = data[1], b = data[2];
		size_t i = m->nr_blocks ? (a | b << 8) % m->nr_blocks : 0;

		if (op < 7) {
			gfp_t gfp_mask = op_gfp(a);

			/* Zeroing megabytes would dominate; gfp_zero covers it. */
			if (op_order(b) > 3)
				gfp_mask &= ~__GFP_ZERO;
			if (m->nr_blocks < m->max_blocks)
				model_alloc(m, gfp_mask, op_order(b));
		} else if (op < 12) {
			if (m->nr_blocks)
				model_free(m, i, b);
		} else if (op == 12) {
			if (m->nr_blocks)
				model_shared_free(m, i);
		} else if (op == 13) {
			model_bad_free(m, b % NR_BAD_FREE_KINDS, i, b >> 3);
		} else if (op == 14) {
			drain_all_pages(NULL);
			model_check_free_count(m);
		} else if (op == 15 && !a && !b) { /* O(pages): rare */
			model_check_structure(m);
		}
	}
}
