/*
 * arch/arm/mm/cache-v7.c: the cache maintenance the kernel needs by
 * address (ARMv7 CP15 c7 operations), with the line size read from CTR.
 */
#include <asm/cacheflush.h>
#include <asm/patch.h>
#include <asm/pgtable.h>
#include <linux/printk.h>
#include <linux/types.h>

static unsigned long dcache_line_size(void)
{
	u32 ctr;

	__asm__("mrc p15, 0, %0, c0, c0, 1" : "=r"(ctr));
	return 4UL << ((ctr >> 16) & 0xf); /* DminLine, in words */
}

void __cpuc_flush_dcache_area(void *addr, unsigned long size)
{
	unsigned long line = dcache_line_size();
	unsigned long p = (unsigned long)addr & ~(line - 1);
	unsigned long end = (unsigned long)addr + size;

	for (; p < end; p += line) /* DCCIMVAC: clean+invalidate to PoC */
		__asm__ __volatile__("mcr p15, 0, %0, c7, c14, 1" : : "r"(p));
	__asm__ __volatile__("dsb" : : : "memory");
}

bool pte_walk_coherent;

#define MMFR3_COHWALK(m) (((m) >> 20) & 0xf)

/**
 * pte_clean_init - choose, once, whether a PTE store needs a cache clean
 *
 * ID_MMFR3[23:20] (coherent walk) = 1: the walker sees PTE stores without
 * one. Then each clean set_pte_ext() emitted is overwritten with a NOP
 * (the PATCH_WALK_COHERENT sites, asm/patch.h). Must run while the kernel
 * text is still writable (setup_arch(), before paging_init()) and before
 * any other CPU runs.
 */
void pte_clean_init(void)
{
	u32 mmfr3;

	__asm__("mrc p15, 0, %0, c0, c1, 7" : "=r"(mmfr3));
	pte_walk_coherent = MMFR3_COHWALK(mmfr3) >= 1;
	if (pte_walk_coherent)
		apply_patch_sites(PATCH_WALK_COHERENT);
	pr_info("CPU: ID_MMFR3 %08x: table walks %scoherent, PTE stores %s\n",
		mmfr3, pte_walk_coherent ? "" : "not ",
		pte_walk_coherent ? "need no cache clean (cleans patched out)" :
				    "are cleaned to the PoU");
}

void flush_icache_range(unsigned long start, unsigned long end)
{
	unsigned long line = dcache_line_size();

	/* New instructions must reach the PoU before the I-side refetches. */
	for (unsigned long p = start & ~(line - 1); p < end; p += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" : : "r"(p));
	__asm__ __volatile__("dsb\n\t"
			     "mcr p15, 0, %0, c7, c5, 0\n\t" /* ICIALLU */
			     "mcr p15, 0, %0, c7, c5, 6\n\t" /* BPIALL */
			     "dsb\n\tisb"
			     :
			     : "r"(0)
			     : "memory");
}
