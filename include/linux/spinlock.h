/*
 * Spinlocks (Linux's linux/spinlock.h, reduced): spinlock_t wraps the
 * architecture's ticket lock (asm/spinlock.h: ldrex/strex, wfe/sev), with
 * the plain, _irq and _irqsave forms; interrupt masking is
 * linux/irqflags.h's (the architecture's hooks), the preemption count
 * linux/preempt.h's. The plain forms count preemption as Linux's do; the
 * _irq and _irqsave forms, unlike Linux's, do not (see each below).
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
#include <linux/preempt.h>
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
 * The plain forms count preemption, as Linux's: spin_lock() is
 * preempt_disable() and then the lock word, spin_unlock() the lock word
 * and then preempt_enable(). So a task holding a plain spinlock is never
 * preempted (a preempted holder would keep every other CPU that wants the
 * lock spinning for a time slice or more, and a task of its own CPU
 * spinning for ever on one CPU), in_atomic() is true inside and
 * might_sleep() reports there; a reschedule that fell due meanwhile
 * (TIF_NEED_RESCHED set by the tick) is taken at spin_unlock(). The
 * count goes up before the lock word is taken, as in Linux, so the
 * holder cannot be preempted between the two. spin_trylock() gives the
 * count back when the lock is taken by someone else.
 */
static __always_inline void spin_lock(spinlock_t *l)
{
	preempt_disable();
	do_raw_spin_lock(l);
}

static __always_inline int spin_trylock(spinlock_t *l)
{
	preempt_disable();
	if (do_raw_spin_trylock(l))
		return 1;
	preempt_enable();
	return 0;
}

static __always_inline void spin_unlock(spinlock_t *l)
{
	do_raw_spin_unlock(l);
	preempt_enable();
}

#define spin_is_locked(l) arch_spin_is_locked(&(l)->raw_lock)

/*
 * The _irq and _irqsave forms mask interrupts on this CPU and take the
 * lock word (skipped when only one CPU can run: asm/spinlock.h's
 * arch_spin_lock_irqoff()); the unlock releases the word and then
 * unmasks (_irq) or restores the saved mask (_irqrestore). Linux's also
 * call preempt_disable() and preempt_enable(); hikern's do not, because
 * with interrupts off nothing can preempt the holder anyway: preemption
 * happens only on the way out of an interrupt (no tick, no IPI is taken
 * here) and in preempt_enable(), whose preempt_schedule() returns at once
 * while interrupts are off. Nothing the count is checked for is lost:
 * might_sleep() tests irqs_disabled() as well as in_atomic(), so sleeping
 * under these locks is still reported ("BUG: sleeping function called
 * from invalid context", "irqs_disabled(): 128"), and TIF_NEED_RESCHED
 * is set by interrupts (the tick, the reschedule IPI), which arrive once
 * the unlock unmasks and preempt on their way out, or by a wake-up while
 * the idle task runs, whose loop tests it. What differs from
 * Linux: in_atomic() is false inside (irqs_disabled() is the test), a
 * bare schedule() inside is not called "scheduling while atomic" (the
 * might_sleep() of every sleeping function reports first), and a
 * reschedule that a preempt_enable() nested inside found due waits for
 * the next interrupt (at most a tick) instead of the unlock.
 *
 * Why: counting costs the hot paths, which take these forms (kmap_lock,
 * the page allocator's, slab's and vmalloc's locks, wait queues and
 * completions; the runqueue lock is taken raw). Measured with make
 * bench (-smp 1, counted as Linux's): mapped-page kmap+kunmap 66 -> 94 guest instructions (two
 * lock/unlock pairs on kmap_lock, and the registers the thread_info
 * address takes), new-page kmap amortised 144.1 -> 173.1, vmalloc of 4
 * pages 1355 -> 1387. The plain forms pay 9 per pair (spin_lock row:
 * 17 -> 26): the count's load, add and store twice and the flag test.
 */
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
