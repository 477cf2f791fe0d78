/*
 * ARM's interrupt mask (Linux's arch/arm/include/asm/irqflags.h): the
 * CPSR I bit, set and cleared with CPS, saved and restored whole with
 * MRS/MSR. include/linux/irqflags.h builds local_irq_save() and friends
 * on these.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <asm/ptrace.h>
#include <linux/types.h>

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, cpsr\n\tcpsid i"
			     : "=r"(flags)
			     :
			     : "memory", "cc");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr cpsr_c, %0" : : "r"(flags) : "memory", "cc");
}

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, cpsr" : "=r"(flags));
	return flags;
}

/* Non-zero (the I bit, 128, as ARM Linux reports it) if masked. */
static inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return (int)(flags & PSR_I_BIT);
}

static inline int arch_irqs_disabled(void)
{
	return arch_irqs_disabled_flags(arch_local_save_flags());
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("cpsie i" : : : "memory", "cc");
}

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cpsid i" : : : "memory", "cc");
}

#endif /* _ASM_IRQFLAGS_H */
