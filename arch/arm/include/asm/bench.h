/*
 * The counter the benchmarks read (include/hikern/bench.h): the ARMv7 PMU
 * cycle counter, PMCCNTR. Under QEMU's `-icount shift=0,sleep=off` it
 * counts retired guest instructions exactly; otherwise host nanoseconds.
 */
#ifndef _ASM_BENCH_H
#define _ASM_BENCH_H

#include <linux/types.h>

#define ARMV7_PMCR_E (1U << 0) /* enable every counter */
#define ARMV7_PMCR_C (1U << 2) /* reset the cycle counter */
#define ARMV7_PMCR_D (1U << 3) /* count every 64th cycle */
#define ARMV7_PMCNTEN_CYCLES (1U << 31)

/* Start the cycle counter from 0, counting every cycle, in kernel mode. */
static inline void arch_bench_counter_enable(void)
{
	u32 pmcr;

	__asm__ __volatile__("mrc p15, 0, %0, c9, c12, 0" : "=r"(pmcr));
	pmcr |= ARMV7_PMCR_E | ARMV7_PMCR_C;
	pmcr &= ~ARMV7_PMCR_D;
	__asm__ __volatile__("mcr p15, 0, %0, c9, c12, 0" : : "r"(pmcr));
	__asm__ __volatile__("mcr p15, 0, %0, c9, c12, 1"
			     :
			     : "r"(ARMV7_PMCNTEN_CYCLES));
}

/* The counter now; the ISB keeps earlier instructions out of the count. */
static inline u32 arch_bench_counter_read(void)
{
	u32 c;

	__asm__ __volatile__("isb\n\tmrc p15, 0, %0, c9, c13, 0" : "=r"(c));
	return c;
}

#endif /* _ASM_BENCH_H */
