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

/* Contracts (kernel-doc) at the definitions in mm/memblock.c. */
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size); /* e.g. mem= */
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size); /* unreserve */

/* Must be set to the end of the linear map before memblock_alloc(). */
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);

/* Highest fit below the limit, reserved; 0 on failure. */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* The same, zeroed, as a linear-map pointer; NULL on failure. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
/* The same, not zeroed (poisoned in debug builds), e.g. for mem_map. */
void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align);

phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void); /* exclusive */
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_reserved(phys_addr_t addr);

/* All free RAM to the buddy allocator; memblock is retired after. */
unsigned long memblock_free_all(void);

void memblock_dump_all(void);

/**
 * memblock_dump - print the memory and reserved regions
 *
 * Linux's name for memblock_dump_all().
 *
 * Context: Any context; does not sleep.
 */
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

/**
 * memblock_region_end - the end of a region
 * @r: a memory or reserved region
 *
 * Context: Any context; does not sleep.
 * Return: @r's base + size, exclusive; never wraps, as every range is
 * capped when recorded (a region reaching 4 GB ends at 0xffffffff).
 */
static inline phys_addr_t memblock_region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

#endif /* _LINUX_MEMBLOCK_H */
