/*
 * TLB maintenance (ARMv7, uniprocessor view). Kernel mappings are global
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

#define flush_tlb_all() local_flush_tlb_all()
#define flush_tlb_kernel_page(addr) local_flush_tlb_kernel_page(addr)
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

#endif /* _ASM_TLBFLUSH_H */
