/*
 * mm/internal.h: what the files of mm/ share with each other and nobody
 * else (as Linux's mm/internal.h).
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/types.h>

/* Task name in reports: there are no tasks yet, only the boot context. */
#define current_comm "swapper/0"

/*
 * Boot-time struct page initialisation (mem_map is not zeroed): pfns
 * [start, end) as PG_reserved pages, clipped to mem_map; or, for pfns of
 * zone about to be handed over, as the pages of a free buddy block.
 */
void memmap_init_reserved(unsigned long start, unsigned long end);
void memmap_init_free(struct zone *zone, unsigned long start,
		      unsigned long end);
/* Every page outside memblock's free ranges as PG_reserved (memblock.c). */
void memmap_init_reserved_pages(void);

/*
 * Give a naturally aligned block of 2^order pages of zone, initialised by
 * memmap_init_free() and used by nobody, to the buddy allocator for good
 * (counts as managed).
 */
void __free_pages_core(struct zone *zone, struct page *page,
		       unsigned int order);

/*
 * Once memblock_free_all() has set the managed page counts: pcp batch
 * sizes, watermarks and lowmem_reserve (Linux's initcall-time set-up).
 */
void page_alloc_init_late(void);

/* "name|name|0xrest" renderings of page->flags and gfp masks. */
void format_page_flags(char *buf, size_t size, unsigned long flags);
void format_gfp_flags(char *buf, size_t size, gfp_t gfp_mask);

/*
 * mem_map is allocated for whole MAX_ORDER blocks, so the buddy of any
 * page in it is in it too and the buddy code never needs pfn_valid().
 */
static inline unsigned long memmap_start_pfn(void)
{
	return ALIGN_DOWN(ARCH_PFN_OFFSET, MAX_ORDER_NR_PAGES);
}

static inline unsigned long memmap_end_pfn(void)
{
	return ALIGN(ARCH_PFN_OFFSET + max_mapnr, MAX_ORDER_NR_PAGES);
}

#endif /* _MM_INTERNAL_H */
