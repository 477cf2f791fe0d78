/*
 * mm/memblock.c: the boot-time physical memory allocator (see
 * include/linux/memblock.h for the model), and the hand-over of all free
 * RAM to the buddy allocator.
 */
#include <asm/memory.h>
#include <asm/page.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>

#include "internal.h"

unsigned long min_low_pfn;
unsigned long max_low_pfn;
unsigned long max_pfn;

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = {
		.max = INIT_MEMBLOCK_REGIONS,
		.regions = memory_regions,
		.name = "memory",
	},
	.reserved = {
		.max = INIT_MEMBLOCK_REGIONS,
		.regions = reserved_regions,
		.name = "reserved",
	},
};

/* After memblock_free_all() the buddy allocator owns the free pages. */
static void memblock_check_live(void)
{
	if (unlikely(memblock.retired)) {
		pr_crit("memblock: changed after memblock_free_all()\n");
		BUG();
	}
}

/* Shrink size so that base + size does not wrap; returns the new size. */
static phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	*size = min(*size, PHYS_ADDR_MAX - base);
	return *size;
}

/*
 * Move regions [from, cnt) to start at index to (either direction),
 * adjusting cnt. The caller has checked the array has room.
 */
static void memblock_move_tail(struct memblock_type *type, unsigned long from,
			       unsigned long to)
{
	struct memblock_region *r = type->regions;
	unsigned long n = type->cnt - from;
	unsigned long k;

	if (to > from) {
		for (k = n; k-- > 0;)
			r[to + k] = r[from + k];
	} else {
		for (k = 0; k < n; k++)
			r[to + k] = r[from + k];
	}
	type->cnt = to + n;
}

/*
 * Replace regions [i, j) by the nr regions of repl, keeping the list
 * sorted (the caller guarantees repl fits between regions i-1 and j).
 * Returns false, changing nothing, if the array would overflow.
 */
static bool memblock_replace(struct memblock_type *type, unsigned long i,
			     unsigned long j,
			     const struct memblock_region *repl,
			     unsigned long nr)
{
	unsigned long k;

	if (type->cnt - (j - i) + nr > type->max)
		return false;
	memblock_move_tail(type, j, i + nr);
	for (k = 0; k < nr; k++)
		type->regions[i + k] = repl[k];
	return true;
}

static int memblock_full(const struct memblock_type *type, phys_addr_t base,
			 phys_addr_t size)
{
	pr_err("memblock: all %lu %s regions in use, cannot record "
	       "[0x%08lx-0x%08lx]\n",
	       type->max, type->name, (unsigned long)base,
	       (unsigned long)(base + size - 1));
	return -ENOMEM;
}

/* Add [base, base + size) to type, merging what it overlaps or touches. */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	struct memblock_region merged;
	phys_addr_t end;
	unsigned long i, j;

	memblock_check_live();
	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;

	/* Regions [i, j) overlap or touch the new range. */
	for (i = 0; i < type->cnt; i++)
		if (memblock_region_end(&type->regions[i]) >= base)
			break;
	for (j = i; j < type->cnt; j++)
		if (type->regions[j].base > end)
			break;
	if (j > i) {
		base = min(base, type->regions[i].base);
		end = max(end, memblock_region_end(&type->regions[j - 1]));
	}
	merged.base = base;
	merged.size = end - base;
	if (!memblock_replace(type, i, j, &merged, 1))
		return memblock_full(type, base, size);
	return 0;
}

/* Take [base, base + size) out of type; may split one region in two. */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	struct memblock_region rest[2];
	unsigned long i, j, nr = 0;
	phys_addr_t end;

	memblock_check_live();
	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;

	/* Regions [i, j) overlap the range; only their outer ends survive. */
	for (i = 0; i < type->cnt; i++)
		if (memblock_region_end(&type->regions[i]) > base)
			break;
	for (j = i; j < type->cnt; j++)
		if (type->regions[j].base >= end)
			break;
	if (i == j)
		return 0;
	if (type->regions[i].base < base) {
		rest[nr].base = type->regions[i].base;
		rest[nr++].size = base - type->regions[i].base;
	}
	if (memblock_region_end(&type->regions[j - 1]) > end) {
		rest[nr].base = end;
		rest[nr].size =
			memblock_region_end(&type->regions[j - 1]) - end;
		nr++;
	}
	if (!memblock_replace(type, i, j, rest, nr))
		return memblock_full(type, base, size);
	return 0;
}

/**
 * memblock_add - record a range of physical memory as RAM
 * @base: physical start
 * @size: bytes; capped so that @base + @size does not wrap
 *
 * The range is merged with the memory regions it overlaps or touches;
 * adding RAM already known changes nothing.
 *
 * BUGs ("memblock: changed after memblock_free_all()") once the buddy
 * allocator owns the free pages.
 *
 * Context: Boot, single-threaded: memblock takes no lock.
 * Return: 0 (also for @size 0), or -ENOMEM with an error line ("all N
 * memory regions in use") and the list unchanged if INIT_MEMBLOCK_REGIONS
 * would not hold the result.
 */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

/**
 * memblock_remove - forget a range of physical memory (e.g. for mem=)
 * @base: physical start
 * @size: bytes; capped so that @base + @size does not wrap
 *
 * Parts of the range that are not RAM are ignored; a region the range
 * cuts through the middle of is split in two. Reservations are kept.
 *
 * BUGs once memblock_free_all() has run, as memblock_add().
 *
 * Context: Boot, single-threaded: memblock takes no lock.
 * Return: 0, or -ENOMEM with an error line and the list unchanged if a
 * split would need more than INIT_MEMBLOCK_REGIONS regions.
 */
int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

/**
 * memblock_reserve - mark a physical range as taken
 * @base: physical start
 * @size: bytes; capped so that @base + @size does not wrap
 *
 * The range need not be RAM (reservations outside memory are kept and
 * simply never matter); it is merged with the reserved regions it
 * overlaps or touches. memblock_free_all() never hands reserved pages to
 * the buddy allocator: their struct pages stay PG_reserved.
 *
 * BUGs once memblock_free_all() has run, as memblock_add().
 *
 * Context: Boot, single-threaded: memblock takes no lock.
 * Return: 0, or -ENOMEM with an error line ("all N reserved regions in
 * use") and the list unchanged.
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/**
 * memblock_phys_free - unreserve a physical range
 * @base: physical start
 * @size: bytes; capped so that @base + @size does not wrap
 *
 * The inverse of memblock_reserve(): parts of the range that are not
 * reserved are ignored. Not a way to free pages after
 * memblock_free_all(): that BUGs, as memblock_add().
 *
 * Context: Boot, single-threaded: memblock takes no lock.
 * Return: 0, or -ENOMEM with an error line and the list unchanged if a
 * split would need more than INIT_MEMBLOCK_REGIONS regions.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

/**
 * memblock_set_current_limit - bound where memblock allocates
 * @limit: physical address allocations must end at or below
 *
 * The boot code must set the limit to the end of what the linear map
 * covers (at most the lowmem limit) before memblock_alloc(), whose
 * result is used through __va(). The default, MEMBLOCK_ALLOC_ANYWHERE,
 * allows anything.
 *
 * Context: Boot, single-threaded.
 */
void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/**
 * memblock_get_current_limit - where memblock allocations must end
 *
 * Context: Any context; does not sleep.
 * Return: The limit memblock_set_current_limit() set, or
 * MEMBLOCK_ALLOC_ANYWHERE.
 */
phys_addr_t memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

/*
 * Gap g is the space between reserved regions g - 1 and g: gap 0 starts
 * at 0, gap cnt ends at PHYS_ADDR_MAX.
 */
static phys_addr_t gap_start(const struct memblock_type *rsv, unsigned long g)
{
	return g ? memblock_region_end(&rsv->regions[g - 1]) : 0;
}

static phys_addr_t gap_end(const struct memblock_type *rsv, unsigned long g)
{
	return g < rsv->cnt ? rsv->regions[g].base : PHYS_ADDR_MAX;
}

/**
 * __next_free_mem_range - the iterator behind for_each_free_mem_range()
 * @idx: cursor: 0 to start; (u64)-1 when there are no more ranges
 * @out_start: set to the next free range's start
 * @out_end: set to the next free range's end (exclusive)
 *
 * Walks, in ascending order, the maximal ranges that are memory and not
 * reserved. The cursor holds the memory region index in its low 32 bits
 * and the next reserved gap to try in its high 32 bits. Gaps are
 * rescanned for each memory region: a gap may span several. The lists
 * must not change during the walk.
 *
 * Context: Any context; memblock takes no lock. Does not sleep.
 */
void __next_free_mem_range(u64 *idx, phys_addr_t *out_start,
			   phys_addr_t *out_end)
{
	const struct memblock_type *mem = &memblock.memory;
	const struct memblock_type *rsv = &memblock.reserved;
	unsigned long mi = (unsigned long)(*idx & 0xffffffffu);
	unsigned long ri = (unsigned long)(*idx >> 32);

	for (; mi < mem->cnt; mi++, ri = 0) {
		phys_addr_t m_start = mem->regions[mi].base;
		phys_addr_t m_end = memblock_region_end(&mem->regions[mi]);

		for (; ri <= rsv->cnt; ri++) {
			if (gap_start(rsv, ri) >= m_end)
				break;
			if (gap_end(rsv, ri) <= m_start)
				continue;
			*out_start = max(m_start, gap_start(rsv, ri));
			*out_end = min(m_end, gap_end(rsv, ri));
			*idx = (u64)mi | (u64)(ri + 1) << 32;
			return;
		}
	}
	*idx = (u64)-1;
}

/**
 * memblock_phys_alloc - allocate and reserve physical memory
 * @size: bytes
 * @align: alignment of the start, a power of two
 *
 * Takes the highest free range of @size bytes aligned to @align that
 * ends at or below the current limit, and reserves it. Physical page 0
 * is never handed out, so 0 can mean failure. The memory is not zeroed.
 *
 * BUGs if @align is 0 or not a power of two, and once memblock_free_all()
 * has run.
 *
 * Context: Boot, single-threaded: memblock takes no lock.
 * Return: The physical address, or 0 for @size 0, if nothing fits, or if
 * the reserved list is full (memblock_reserve() reports that).
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t start, end, found = 0;
	u64 i;

	memblock_check_live();
	BUG_ON(!align || (align & (align - 1)));
	if (!size)
		return 0;

	/* Free ranges ascend, so the last fit is the highest one. */
	for_each_free_mem_range(i, &start, &end)
	{
		start = max(start, (phys_addr_t)PAGE_SIZE);
		end = min(end, memblock.current_limit);
		if (end < start || end - start < size)
			continue;
		if (ALIGN_DOWN(end - size, align) >= start)
			found = ALIGN_DOWN(end - size, align);
	}
	if (found && memblock_reserve(found, size))
		return 0;
	return found;
}

/*
 * Debug builds fill what memblock_alloc_raw() returns with 0xff (Linux's
 * page_init_poison under CONFIG_DEBUG_VM): a struct page read before it
 * was initialised then looks corrupt (reserved, _refcount -1) instead of
 * like a plausible page. The host tests turn it on too.
 */
#ifndef MEMBLOCK_POISON_RAW
#if defined(CONFIG_DEBUG) && CONFIG_DEBUG
#define MEMBLOCK_POISON_RAW 1
#else
#define MEMBLOCK_POISON_RAW 0
#endif
#endif

/**
 * memblock_alloc_raw - allocate boot memory, not zeroed
 * @size: bytes
 * @align: alignment, a power of two
 *
 * As memblock_alloc() without the zeroing (Linux's memblock_alloc_raw):
 * for memory the caller writes whole anyway, such as mem_map (8 MB at
 * 1 GB of RAM, where zeroing first would double the cost of initialising
 * it). Debug builds fill it with 0xff (Linux's page_init_poison under
 * CONFIG_DEBUG_VM) so that a struct page read before it was initialised
 * looks corrupt (reserved, _refcount -1) instead of like a plausible
 * page.
 *
 * BUGs as memblock_phys_alloc().
 *
 * Context: Boot, single-threaded, with the current limit inside the
 * linear map (the result is used through __va()).
 * Return: A linear-map pointer, or NULL with an error line ("memblock:
 * cannot allocate N bytes below ...") on failure.
 */
void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);

	if (!phys) {
		pr_err("memblock: cannot allocate %lu bytes below 0x%08lx\n",
		       (unsigned long)size,
		       (unsigned long)memblock.current_limit);
		return NULL;
	}
	if (MEMBLOCK_POISON_RAW)
		__builtin_memset(__va(phys), 0xff, size);
	return __va(phys);
}

/**
 * memblock_alloc - allocate zeroed boot memory
 * @size: bytes
 * @align: alignment, a power of two
 *
 * memblock_phys_alloc() plus zeroing, through the linear map. There is
 * no way to give it back once the buddy allocator runs: it stays
 * reserved for good.
 *
 * BUGs as memblock_phys_alloc().
 *
 * Context: Boot, single-threaded, with the current limit inside the
 * linear map (the result is used through __va()).
 * Return: A linear-map pointer, or NULL with an error line on failure.
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	void *ptr = memblock_alloc_raw(size, align);

	if (ptr)
		__builtin_memset(ptr, 0, size);
	return ptr;
}

static phys_addr_t memblock_type_size(const struct memblock_type *type)
{
	phys_addr_t total = 0;
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

/**
 * memblock_phys_mem_size - how much RAM memblock knows of
 *
 * Context: Any context; does not sleep.
 * Return: The total size of the memory regions, in bytes.
 */
phys_addr_t memblock_phys_mem_size(void)
{
	return memblock_type_size(&memblock.memory);
}

/**
 * memblock_reserved_size - how much memory is reserved
 *
 * Context: Any context; does not sleep.
 * Return: The total size of the reserved regions, in bytes (including
 * any outside RAM).
 */
phys_addr_t memblock_reserved_size(void)
{
	return memblock_type_size(&memblock.reserved);
}

/**
 * memblock_start_of_DRAM - the lowest RAM address
 *
 * Context: Any context; does not sleep.
 * Return: The first memory region's base, or 0 if there is no memory.
 */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

/**
 * memblock_end_of_DRAM - the end of RAM
 *
 * Context: Any context; does not sleep.
 * Return: The end (exclusive) of the last memory region, or 0 if there is
 * no memory.
 */
phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long cnt = memblock.memory.cnt;

	return cnt ? memblock_region_end(&memblock.memory.regions[cnt - 1]) : 0;
}

static bool memblock_type_contains(const struct memblock_type *type,
				   phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base &&
		    addr < memblock_region_end(&type->regions[i]))
			return true;
	return false;
}

/**
 * memblock_is_memory - is an address RAM?
 * @addr: physical address
 *
 * Context: Any context; does not sleep.
 * Return: True if a memory region holds @addr.
 */
bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_type_contains(&memblock.memory, addr);
}

/**
 * memblock_is_region_memory - is all of a range RAM?
 * @base: physical start
 * @size: bytes; capped so that @base + @size does not wrap
 *
 * Context: Any context; does not sleep.
 * Return: True if one memory region holds the whole of [@base, @base +
 * @size) (regions that touch are merged, so a range over a hole is not).
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	memblock_cap_size(base, &size);
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (base >= r->base && base < memblock_region_end(r))
			return size <= memblock_region_end(r) - base;
	}
	return false;
}

/**
 * memblock_is_reserved - is an address reserved?
 * @addr: physical address
 *
 * Context: Any context; does not sleep.
 * Return: True if a reserved region holds @addr.
 */
bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_type_contains(&memblock.reserved, addr);
}

/* PFN_UP without the wrap at the top of a 32-bit physical space. */
static unsigned long pfn_up(phys_addr_t addr)
{
	return PFN_DOWN(addr) + ((addr & ~PAGE_MASK) != 0);
}

/**
 * memmap_init_reserved_pages - mark every page outside the free ranges
 *
 * Marks every struct page outside memblock's free ranges PG_reserved:
 * holes, mem_map's rounding, and any page that a reservation touches
 * even in part (Linux's memmap_init_reserved_pages). The free ranges' own
 * pages, pfn_up(start) to PFN_DOWN(end), are left to memblock_free_all().
 *
 * Context: Boot only (__init), after mem_map exists (free_area_init())
 * and before the free pages are handed over.
 */
void __init memmap_init_reserved_pages(void)
{
	unsigned long next = memmap_start_pfn();
	phys_addr_t start, end;
	u64 i;

	for_each_free_mem_range(i, &start, &end)
	{
		unsigned long s = pfn_up(start), e = PFN_DOWN(end);

		if (s >= e)
			continue;
		memmap_init_reserved(next, s);
		next = max(next, e);
	}
	memmap_init_reserved(next, memmap_end_pfn());
}

/*
 * Free pfns [start, end) of one zone in the largest naturally aligned
 * blocks: 2 GB of RAM is 512 calls at order 10, not 524288 at order 0.
 * The struct pages must already be initialised (free_memory_core).
 */
static void __init __free_pages_memory(struct zone *zone, unsigned long start,
				       unsigned long end)
{
	while (start < end) {
		unsigned int order = MAX_ORDER - 1;

		if (start)
			order = min(order, (unsigned int)__builtin_ctzl(start));
		while (start + (1UL << order) > end)
			order--;
		__free_pages_core(zone, pfn_to_page(start), order);
		start += 1UL << order;
	}
}

/*
 * A buddy block never spans two zones: free each zone's part apart. Every
 * struct page of the range, in all its zones, is initialised before the
 * first free, because merging a block looks at its buddy, which may be
 * the next block or the first pages of the next zone.
 */
static unsigned long __init free_memory_core(unsigned long start_pfn,
					     unsigned long end_pfn)
{
	unsigned long count = 0;
	struct zone *zone;

	for_each_zone(zone)
	{
		unsigned long s = max(start_pfn, zone->zone_start_pfn);
		unsigned long e = min(end_pfn, zone_end_pfn(zone));

		if (s < e)
			memmap_init_free(zone, s, e);
	}
	for_each_zone(zone)
	{
		unsigned long s = max(start_pfn, zone->zone_start_pfn);
		unsigned long e = min(end_pfn, zone_end_pfn(zone));

		if (s < e) {
			__free_pages_memory(zone, s, e);
			count += e - s;
		}
	}
	return count;
}

/**
 * memblock_free_all - hand all free RAM to the buddy allocator
 *
 * Gives every page of memory that is not reserved (lowmem and highmem)
 * to the buddy allocator, in the largest aligned blocks, then computes
 * the pcp batches, watermarks and lowmem reserves
 * (page_alloc_init_late()) and retires memblock: later changes to it
 * BUG; queries still work.
 *
 * Reservations made since free_area_init() (their pages were free then,
 * so not initialised) become PG_reserved first; then each free range's
 * pages are initialised free and handed over. The ranges ascend without
 * overlapping, which is what guarantees that no page is handed over
 * twice: checked (BUG_ON), since a page handed over twice would corrupt
 * the lists. A second call BUGs too.
 *
 * Context: Boot only (__init), once, after free_area_init().
 * Return: The number of pages handed over.
 */
unsigned long __init memblock_free_all(void)
{
	unsigned long count = 0, done = 0;
	phys_addr_t start, end;
	u64 i;

	memblock_check_live();
	memmap_init_reserved_pages();
	for_each_free_mem_range(i, &start, &end)
	{
		unsigned long s = pfn_up(start), e = PFN_DOWN(end);

		if (s >= e)
			continue;
		BUG_ON(s < done);
		count += free_memory_core(s, e);
		done = e;
	}
	memblock.retired = true;
	page_alloc_init_late();
	return count;
}

static void memblock_dump_type(const struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[0x%08lx-0x%08lx], 0x%08lx bytes flags: "
			"0x0\n",
			type->name, i, (unsigned long)r->base,
			(unsigned long)(memblock_region_end(r) - 1),
			(unsigned long)r->size);
	}
}

/**
 * memblock_dump_all - print the memory and reserved regions
 *
 * Linux's "MEMBLOCK configuration:" dump (there under memblock=debug),
 * at KERN_INFO.
 *
 * Context: Any context; does not sleep.
 */
void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = 0x%08lx reserved size = 0x%08lx\n",
		(unsigned long)memblock_phys_mem_size(),
		(unsigned long)memblock_reserved_size());
	memblock_dump_type(&memblock.memory);
	memblock_dump_type(&memblock.reserved);
}
