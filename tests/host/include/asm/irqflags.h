/*
 * Host builds only: the kernel's asm/irqflags.h. A host test has no
 * interrupts, so masking them does nothing and they always count as
 * masked (the state the code under test expects inside its locks).
 */
#ifndef _HOST_ASM_IRQFLAGS_H
#define _HOST_ASM_IRQFLAGS_H

static inline unsigned long arch_local_irq_save(void)
{
	return 0;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	(void)flags;
}

static inline int arch_irqs_disabled(void)
{
	return true;
}

static inline void arch_local_irq_enable(void)
{
}

static inline void arch_local_irq_disable(void)
{
}

#endif /* _HOST_ASM_IRQFLAGS_H */
