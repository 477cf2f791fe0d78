/*
 * CPU helpers for generic code (Linux's arch/arm/include/asm/processor.h
 * and proc-fns.h): the busy-wait hint and the idle instruction.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <asm/barrier.h>
#include <linux/compiler.h>

/* Spin-wait hint; on a uniprocessor v7 core a compiler barrier is all. */
#define cpu_relax() barrier()

/* Sleep until the next interrupt (the idle loop). */
static inline void cpu_do_idle(void)
{
	dsb(sy);
	wfi();
}

#endif /* _ASM_PROCESSOR_H */
