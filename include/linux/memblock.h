/*
 * memblock: the boot-time physical memory allocator, in the spirit of
 * Linux's. It records which physical ranges are RAM ("memory") and which
 * of those are taken ("reserved"), serves early allocations (page tables,
 * mem_map) top-down below a limit, and finally hands every free page to
 * the buddy allocator (memblock_free_all), after which it only answers
 * queries.
 *
 * Both lists are sorted, non-overlapping, and adjacent ranges are merged.
 * They live in fixed static arrays: an operation that would need more
 * than INIT_MEMBLOCK_REGIONS entries fails with -ENOMEM, an error line,
 * and leaves the list unchanged.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#ifndef ENOMEM
#define ENOMEM 12
#endif

#define INIT_MEMBLOCK_REGIONS 32
#define PHYS_ADDR_MAX (~(phys_addr_t)0)
#define MEMBLOCK_ALLOC_ANYWHERE PHYS_ADDR_MAX

/*
 * A range is capped so that base + size never wraps (Linux's
 * memblock_cap_size): RAM reaching 4 GB ends at 0xffffffff, which loses
 * the last page without LPAE.
 */
struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	bool retired;		   /* memblock_free_all() has run */
	phys_addr_t current_limit; /* allocations end below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size); /* e.g. mem= */
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size); /* unreserve */

/*
 * The boot code must set the limit to the end of what the linear map
 * covers (at most the lowmem limit) before memblock_alloc(), whose
 * result is used through __va(). The default allows anything.
 */
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);

/*
 * Highest free, align-aligned (a power of two) range of size bytes that
 * ends at or below the current limit; it is reserved. Returns 0 on
 * failure (physical page 0 is never handed out).
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* The same, zeroed, as a linear-map pointer; NULL on failure. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
/*
 * The same, not zeroed (Linux's memblock_alloc_raw): for memory the
 * caller writes whole anyway, such as mem_map (8 MB at 1 GB of RAM,
 * where zeroing first would double the cost of initialising it).
 */
void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align);

phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void); /* exclusive */
bool memblock_is_memory(phys_addr_t addr);
/*
 * memblock_is_region_memory - is all of [base, base + size) RAM?
 * True if one memory region holds the whole range (regions that touch are
 * merged, so a range over a hole is not).
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_reserved(phys_addr_t addr);

/*
 * Give every page of memory that is not reserved (lowmem and highmem)
 * to the buddy allocator, in the largest aligned blocks, then compute
 * the zone watermarks and retire memblock: later changes are a BUG.
 * Needs free_area_init() first. Returns the number of pages freed.
 */
unsigned long memblock_free_all(void);

/* "MEMBLOCK configuration:" dump at KERN_INFO, as Linux's. */
void memblock_dump_all(void);
static inline void memblock_dump(void)
{
	memblock_dump_all();
}

/*
 * Iterators. for_each_free_mem_range walks, in ascending order, the
 * maximal ranges that are memory and not reserved; idx is a u64 cursor.
 */
#define for_each_mem_region(rgn)            \
	for (rgn = memblock.memory.regions; \
	     rgn < memblock.memory.regions + memblock.memory.cnt; rgn++)

#define for_each_reserved_mem_region(rgn)     \
	for (rgn = memblock.reserved.regions; \
	     rgn < memblock.reserved.regions + memblock.reserved.cnt; rgn++)

void __next_free_mem_range(u64 *idx, phys_addr_t *out_start,
			   phys_addr_t *out_end);

#define for_each_free_mem_range(i, p_start, p_end)                           \
	for (i = 0, __next_free_mem_range(&i, p_start, p_end); i != (u64)-1; \
	     __next_free_mem_range(&i, p_start, p_end))

static inline phys_addr_t memblock_region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

#endif /* _LINUX_MEMBLOCK_H */
