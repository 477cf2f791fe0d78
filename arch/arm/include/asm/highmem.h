/*
 * ARM's part of highmem (Linux's arch/arm/include/asm/highmem.h). The
 * pkmap window's geometry (PKMAP_BASE, LAST_PKMAP, PKMAP_NR/PKMAP_ADDR)
 * is in asm/memory.h; its single PTE page, pkmap_page_table, is allocated
 * by kmap_init() in arch/arm/mm/mmu.c.
 *
 * ARMv7 data caches behave as PIPT (VIPT without aliases), so unlike
 * Linux on VIVT cores nothing here flushes caches when a virtual alias of
 * a page comes or goes, and kmap_atomic() needs no kmap_high_get(): it
 * always takes its own fixmap slot, as Linux's CONFIG_DEBUG_HIGHMEM build
 * does on non-VIVT caches.
 */
#ifndef _ASM_HIGHMEM_H
#define _ASM_HIGHMEM_H

#include <asm/barrier.h>
#include <asm/memory.h>
#include <asm/pgtable.h>

extern pte_t *pkmap_page_table;

/* No cache aliases to write back before pkmap slots are reused. */
#define flush_cache_kmaps() \
	do {                \
	} while (0)

/*
 * A PTE just written into a free pkmap slot (count 0) needs no TLB
 * invalidate: the slot's old entry was invalidated by the flush that
 * freed it, and ARMv7 TLBs never cache a faulting translation. But the
 * table walker must see the store before the caller's first access: DSB
 * waits for the store and its cache clean (set_pte_ext) to complete, ISB
 * makes the following instructions translate afresh.
 */
static inline void arch_kmap_post_map(void)
{
	dsb();
	isb();
}

/* Set up kmap_atomic_data; paging_init() calls it once mem_map exists. */
void kmap_atomic_init(void);

#endif /* _ASM_HIGHMEM_H */
