/*
 * Memory barriers for ARMv7 (Linux's asm/barrier.h). mb()/rmb()/wmb()
 * order against devices and the table walker (full-system DSB);
 * smp_*() only order normal memory between CPUs, for which a DMB over
 * the inner-shareable domain (every CPU of the cluster) is enough.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#define isb() __asm__ __volatile__("isb" : : : "memory")
#define dsb(opt) __asm__ __volatile__("dsb " #opt : : : "memory")
#define dmb(opt) __asm__ __volatile__("dmb " #opt : : : "memory")
/* Wake CPUs waiting in wfe (spinlock unlock, the secondary pen). */
#define sev() __asm__ __volatile__("sev" : : : "memory")
#define wfe() __asm__ __volatile__("wfe" : : : "memory")
/* Wait for an interrupt (the idle loop's low-power wait). */
#define wfi() __asm__ __volatile__("wfi" : : : "memory")

#define mb() dsb(sy)
#define rmb() dsb(sy)
#define wmb() dsb(st)

#define smp_mb() dmb(ish)
#define smp_rmb() dmb(ish)
#define smp_wmb() dmb(ishst)

#define __smp_store_release(p, v)    \
	do {                         \
		smp_mb();            \
		WRITE_ONCE(*(p), v); \
	} while (0)
#define smp_store_release(p, v) __smp_store_release(p, v)

#define smp_load_acquire(p)                              \
	({                                               \
		__typeof__(*(p)) ___v = READ_ONCE(*(p)); \
		smp_mb();                                \
		___v;                                    \
	})

/* After an atomic op that returns nothing, order it as a full barrier. */
#define smp_mb__before_atomic() smp_mb()
#define smp_mb__after_atomic() smp_mb()

#endif /* _ASM_BARRIER_H */
