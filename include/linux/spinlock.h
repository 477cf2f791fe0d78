/*
 * Spinlocks. The kernel is uniprocessor today, so a lock is "IRQs off".
 * The test build adds an owner flag that catches recursion (Linux's
 * CONFIG_DEBUG_SPINLOCK); the production build leaves the flag alone: on
 * UP with IRQs off nothing else can hold the lock, so the flag only ever
 * catches a bug the test build already reports, and it cost ~10
 * instructions per lock/unlock pair on every allocator fast path. The SMP
 * issue turns the body into ldrex/strex without changing any caller. Host
 * builds (tests/host) have no interrupts, so the IRQ part compiles away
 * there.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/bug.h>
#include <linux/types.h>

/* The recursion check: on in the test build. */
#define CONFIG_DEBUG_SPINLOCK CONFIG_DEBUG

typedef struct {
	volatile int locked; /* CONFIG_DEBUG_SPINLOCK only */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) \
	{                          \
		0                  \
	}
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *l)
{
	l->locked = 0;
}

#if defined(__arm__)
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

static inline bool irqs_disabled(void)
{
	unsigned long flags;
	__asm__ __volatile__("mrs %0, cpsr" : "=r"(flags));
	return flags & 0x80;
}
#else
static inline unsigned long arch_local_irq_save(void)
{
	return 0;
}
static inline void arch_local_irq_restore(unsigned long flags)
{
	(void)flags;
}
static inline bool irqs_disabled(void)
{
	return true;
}
#endif

#if defined(__arm__)
static inline void local_irq_enable(void)
{
	__asm__ __volatile__("cpsie i" : : : "memory", "cc");
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cpsid i" : : : "memory", "cc");
}
#else
static inline void local_irq_enable(void)
{
}

static inline void local_irq_disable(void)
{
}
#endif

#define local_irq_save(flags) ((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)

static inline void do_raw_spin_lock(spinlock_t *l)
{
#if CONFIG_DEBUG_SPINLOCK
	/* On UP with IRQs off a held lock can only be our own: a deadlock. */
	BUG_ON(l->locked);
	l->locked = 1;
#endif
}

static inline void do_raw_spin_unlock(spinlock_t *l)
{
#if CONFIG_DEBUG_SPINLOCK
	BUG_ON(!l->locked);
	l->locked = 0;
#endif
}

#define spin_lock_irqsave(l, flags)    \
	do {                           \
		local_irq_save(flags); \
		do_raw_spin_lock(l);   \
	} while (0)

#define spin_unlock_irqrestore(l, flags)  \
	do {                              \
		do_raw_spin_unlock(l);    \
		local_irq_restore(flags); \
	} while (0)

#endif /* _LINUX_SPINLOCK_H */
