/*
 * Spinlocks (Linux's linux/spinlock.h, reduced): spinlock_t wraps the
 * architecture's ticket lock (asm/spinlock.h: ldrex/strex, wfe/sev), with
 * the plain, _irq and _irqsave forms; interrupt masking is
 * linux/irqflags.h's (the architecture's hooks).
 *
 * The debug build adds Linux's CONFIG_DEBUG_SPINLOCK checks
 * (lib/spinlock_debug.c): who holds the lock (task and CPU), so taking a
 * lock one already holds, releasing one held by another CPU or task, and
 * waiting for one far too long print Linux's "BUG: spinlock ..." reports.
 * The production build keeps only the ticket lock. Host builds
 * (tests/host) have one thread and no interrupts: the IRQ part compiles
 * away and the lock never waits there.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/spinlock.h>
#include <linux/bug.h>
#include <linux/irqflags.h>
#include <linux/types.h>

/* The owner checks: on in the test build, ARM only. */
#if CONFIG_DEBUG && defined(__arm__)
#define CONFIG_DEBUG_SPINLOCK 1
#else
#define CONFIG_DEBUG_SPINLOCK 0
#endif

typedef struct spinlock {
	arch_spinlock_t raw_lock;
#if CONFIG_DEBUG_SPINLOCK
	unsigned int owner_cpu;
	void *owner; /* the holder's task_struct, NULL when free */
#endif
} spinlock_t;

#if CONFIG_DEBUG_SPINLOCK
#define __SPIN_LOCK_UNLOCKED(name)                                       \
	{                                                                \
		.raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, .owner_cpu = -1U, \
		.owner = NULL                                            \
	}
#else
#define __SPIN_LOCK_UNLOCKED(name)                     \
	{                                              \
		.raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, \
	}
#endif
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *l)
{
	*l = (spinlock_t)__SPIN_LOCK_UNLOCKED(l);
}

#if CONFIG_DEBUG_SPINLOCK
void do_raw_spin_lock(spinlock_t *l);
int do_raw_spin_trylock(spinlock_t *l);
void do_raw_spin_unlock(spinlock_t *l);
/* The debug build keeps the owner checks: the lock word is always taken. */
#define do_raw_spin_lock_irqoff(l) do_raw_spin_lock(l)
#define do_raw_spin_unlock_irqoff(l) do_raw_spin_unlock(l)
#else
static inline void do_raw_spin_lock(spinlock_t *l)
{
	arch_spin_lock(&l->raw_lock);
}

static inline int do_raw_spin_trylock(spinlock_t *l)
{
	return arch_spin_trylock(&l->raw_lock);
}

static inline void do_raw_spin_unlock(spinlock_t *l)
{
	arch_spin_unlock(&l->raw_lock);
}

/* Interrupts already off: one CPU skips the lock word (asm/spinlock.h). */
static __always_inline void do_raw_spin_lock_irqoff(spinlock_t *l)
{
	arch_spin_lock_irqoff(&l->raw_lock);
}

/* A macro: @l is evaluated only where the lock word is taken. */
#define do_raw_spin_unlock_irqoff(l) arch_spin_unlock_irqoff(&(l)->raw_lock)
#endif

/*
 * Preemption is not counted here yet (the scheduler work adds it with
 * its preempt_disable()); interrupts are the caller's choice of form.
 */
#define spin_lock(l) do_raw_spin_lock(l)
#define spin_trylock(l) do_raw_spin_trylock(l)
#define spin_unlock(l) do_raw_spin_unlock(l)
#define spin_is_locked(l) arch_spin_is_locked(&(l)->raw_lock)

#define spin_lock_irq(l)                    \
	do {                                \
		local_irq_disable();        \
		do_raw_spin_lock_irqoff(l); \
	} while (0)

#define spin_unlock_irq(l)                    \
	do {                                  \
		do_raw_spin_unlock_irqoff(l); \
		local_irq_enable();           \
	} while (0)

#define spin_lock_irqsave(l, flags)         \
	do {                                \
		local_irq_save(flags);      \
		do_raw_spin_lock_irqoff(l); \
	} while (0)

#define spin_unlock_irqrestore(l, flags)      \
	do {                                  \
		do_raw_spin_unlock_irqoff(l); \
		local_irq_restore(flags);     \
	} while (0)

#endif /* _LINUX_SPINLOCK_H */
