/*
 * ARMv7 barriers (Linux's arch/arm/include/asm/barrier.h). dsb(): every
 * earlier memory access and cache/TLB maintenance has completed; isb():
 * later instructions are fetched (and translated) afresh; dmb(): ordering
 * of memory accesses only. mb()/rmb()/wmb() are Linux's mandatory
 * barriers, which on ARM also order against devices, hence DSB.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#define isb() __asm__ __volatile__("isb" : : : "memory")
#define dsb() __asm__ __volatile__("dsb" : : : "memory")
#define dmb() __asm__ __volatile__("dmb" : : : "memory")

#define mb() dsb()
#define rmb() dsb()
#define wmb() dsb()

/* Wait for an interrupt (the idle loop's low-power wait). */
#define wfi() __asm__ __volatile__("wfi" : : : "memory")

#endif /* _ASM_BARRIER_H */
