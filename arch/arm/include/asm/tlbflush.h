/*
 * TLB maintenance (ARMv7, with the multiprocessing extensions). Kernel mappings are global
 * (nG clear), so by-MVA "all ASID" operations (TLBIMVAA) are used. Each
 * operation ends with DSB (the invalidate is complete) and ISB (later
 * instructions translate afresh).
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <asm/page.h>

static inline void local_flush_tlb_all(void)
{
	__asm__ __volatile__("dsb\n\t"
			     "mcr p15, 0, %0, c8, c7, 0\n\t"
			     "dsb\n\tisb"
			     :
			     : "r"(0)
			     : "memory");
}

static inline void local_flush_tlb_kernel_page(unsigned long addr)
{
	__asm__ __volatile__("dsb\n\t"
			     "mcr p15, 0, %0, c8, c7, 3\n\t"
			     "dsb\n\tisb"
			     :
			     : "r"(addr & PAGE_MASK)
			     : "memory");
}

/*
 * Every CPU may hold a kernel translation (pkmap, vmalloc, the linear
 * map), so these invalidate across the inner-shareable domain: TLBIALLIS
 * and TLBIMVAAIS reach every CPU's TLB. DSB ISHST first (the PTE store
 * must be visible to the other walkers before their entries go), DSB ISH
 * after (every CPU has finished the invalidate), ISB (this CPU's next
 * instructions translate afresh). Only kmap_atomic's slots, which
 * belong to one CPU, use local_flush_tlb_kernel_page().
 */
static inline void flush_tlb_all(void)
{
	__asm__ __volatile__("dsb ishst\n\t"
			     "mcr p15, 0, %0, c8, c3, 0\n\t"
			     "dsb ish\n\tisb"
			     :
			     : "r"(0)
			     : "memory");
}

static inline void flush_tlb_kernel_page(unsigned long addr)
{
	__asm__ __volatile__("dsb ishst\n\t"
			     "mcr p15, 0, %0, c8, c3, 3\n\t"
			     "dsb ish\n\tisb"
			     :
			     : "r"(addr & PAGE_MASK)
			     : "memory");
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end);

#endif /* _ASM_TLBFLUSH_H */
