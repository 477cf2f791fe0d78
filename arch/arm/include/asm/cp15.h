/*
 * Reads of CP15 system registers that generic code and the self-tests
 * need to probe the MMU (Linux's arch/arm/include/asm/cp15.h names where
 * it has them).
 */
#ifndef _ASM_CP15_H
#define _ASM_CP15_H

#include <asm/barrier.h>
#include <asm/pgtable-hwdef.h> /* the SCTLR bits: CR_M, CR_V, ... */
#include <linux/types.h>

/* SCTLR, the system control register. */
static inline u32 get_cr(void)
{
	u32 val;

	__asm__ __volatile__("mrc p15, 0, %0, c1, c0, 0" : "=r"(val));
	return val;
}

/* TTBR0, the translation table base the kernel runs on. */
static inline u32 get_ttbr0(void)
{
	u32 val;

	__asm__ __volatile__("mrc p15, 0, %0, c2, c0, 0" : "=r"(val));
	return val;
}

#define PAR_F (1U << 0) /* the translation faulted */

/*
 * The hardware walker's translation of va for a privileged read
 * (ATS1CPR), as the PAR reports it: PAR_F set if it faulted, else the
 * physical page address in bits 31:12.
 */
static inline u32 arch_translate_kernel_read(unsigned long va)
{
	u32 par;

	__asm__ __volatile__("mcr p15, 0, %0, c7, c8, 0" : : "r"(va));
	isb();
	__asm__ __volatile__("mrc p15, 0, %0, c7, c4, 0" : "=r"(par));
	return par;
}

#endif /* _ASM_CP15_H */
