/*
 * ARM SMP platform queries (Linux's asm/smp_plat.h, reduced to is_smp()).
 */
#ifndef _ASM_SMP_PLAT_H
#define _ASM_SMP_PLAT_H

#include <linux/types.h>

extern unsigned int __smp_hw;

/**
 * is_smp - is this CPU part of a multiprocessor system?
 *
 * Decided once by boot/head.S before the MMU is on, as Linux's
 * __fixup_smp decides it: MPIDR has the multiprocessing extensions and
 * not the uniprocessor bit, and a Cortex-A9's SCU counts more than one
 * core. It chooses the page-table attributes (Shareable memory, the
 * TTB_FLAGS_SMP walks: arch/arm/mm/mmu.c, boot/head.S), not how many CPUs
 * run: a Cortex-A15 under QEMU -smp 1 is SMP hardware with one CPU
 * (smp_patch_up() counts those, arch/arm/kernel/smp.c).
 *
 * Context: any, from start_kernel() on.
 * Return: true on SMP hardware.
 */
static inline bool is_smp(void)
{
	return __smp_hw != 0;
}

#endif /* _ASM_SMP_PLAT_H */
