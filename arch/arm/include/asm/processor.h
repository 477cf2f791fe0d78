/*
 * CPU helpers for generic code (Linux's arch/arm/include/asm/processor.h
 * and proc-fns.h): the busy-wait hint and the idle instruction.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <asm/barrier.h>
#include <linux/compiler.h>

/*
 * cpu_relax - the body of a busy-wait loop (waiting for another CPU)
 *
 * YIELD, ARMv7's spin-wait hint, plus a compiler barrier. On the cores
 * hikern runs on it retires as a NOP, so real hardware loses nothing;
 * Linux's ARMv7 cpu_relax() is the barrier alone, arm64's is YIELD too.
 * The reason is QEMU: without -accel tcg,thread=multi (and always under
 * -icount) it runs the CPUs one at a time, each for a slice of up to
 * several million instructions, and a CPU spinning on a flag another CPU
 * will set would burn its whole slice before that CPU even runs. QEMU
 * ends the slice at a YIELD (and a WFE: the spinlocks' wait), so the CPU
 * being waited for runs next. make bench showed the difference: with
 * every other CPU spinning for a whole slice at each hand-over of the
 * contended kmap_lock, 4 CPUs' kmap+kunmap of new pages measured about
 * 1.95 million guest instructions per operation instead of a few hundred.
 */
#define cpu_relax() __asm__ __volatile__("yield" : : : "memory")

/* Sleep until the next interrupt (the idle loop). */
static inline void cpu_do_idle(void)
{
	dsb(sy);
	wfi();
}

#endif /* _ASM_PROCESSOR_H */
