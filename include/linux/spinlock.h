/*
 * Spinlocks. The kernel is uniprocessor today, so a lock is "IRQs off".
 * The test build adds an owner flag that catches recursion (Linux's
 * CONFIG_DEBUG_SPINLOCK); the production build leaves the flag alone: on
 * UP with IRQs off nothing else can hold the lock, so the flag only ever
 * catches a bug the test build already reports, and it cost ~10
 * instructions per lock/unlock pair on every allocator fast path. The SMP
 * issue turns the body into ldrex/strex without changing any caller.
 * Interrupt masking is linux/irqflags.h's (the architecture's hooks).
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/bug.h>
#include <linux/irqflags.h>
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
