/*
 * Cache maintenance needed by code patching and page-table setup
 * (Linux's arch/arm/include/asm/cacheflush.h).
 */
#ifndef _ASM_CACHEFLUSH_H
#define _ASM_CACHEFLUSH_H

#include <asm/barrier.h>

/* Make freshly written instructions in [start, end) visible to fetch. */
void flush_icache_range(unsigned long start, unsigned long end);
/* Clean and invalidate [start, start+size) to the point of coherency. */
void __cpuc_flush_dcache_area(void *addr, unsigned long size);

/*
 * New kernel mappings in [start, end) (vmap, ioremap) must be seen by the
 * table walker before their first use: set_pte_ext() cleaned each entry,
 * DSB waits for those cleans, ISB refetches later instructions. ARMv7's
 * PIPT-like data caches need no flush of the data itself.
 */
static inline void flush_cache_vmap(unsigned long start, unsigned long end)
{
	(void)start;
	(void)end;
	dsb(sy);
	isb();
}

#endif /* _ASM_CACHEFLUSH_H */
