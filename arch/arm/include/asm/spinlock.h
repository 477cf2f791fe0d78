/*
 * Ticket spinlocks for ARMv7 (the scheme of Linux's ARM asm/spinlock.h,
 * written for hikern). The lock word holds two 16-bit counters: `next`,
 * the ticket the next arrival takes, and `owner`, the ticket now served.
 * A locker takes a ticket with one ldrex/strex increment of `next` and
 * waits in wfe until `owner` reaches it, so CPUs get the lock in arrival
 * order. Unlock increments `owner` with a plain store (only the holder
 * writes it), then DSB + SEV wake the waiters' wfe.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <asm/barrier.h>
#include <asm/patch.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define TICKET_SHIFT 16

typedef struct {
	union {
		u32 slock;
		struct {
			u16 owner; /* little-endian: the low half */
			u16 next;
		} tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		{                 \
			0         \
		}                 \
	}

#ifdef __arm__
static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	unsigned long tmp;
	u32 newval;
	arch_spinlock_t lockval;

	__asm__ __volatile__("1:	ldrex	%0, [%3]\n"
			     "	add	%1, %0, %4\n"
			     "	strex	%2, %1, [%3]\n"
			     "	teq	%2, #0\n"
			     "	bne	1b"
			     : "=&r"(lockval.slock), "=&r"(newval), "=&r"(tmp)
			     : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
			     : "cc");
	while (lockval.tickets.next != lockval.tickets.owner) {
		wfe();
		lockval.tickets.owner = READ_ONCE(lock->tickets.owner);
	}
	smp_mb();
}

/* 1 if the lock was free and is now ours, 0 if someone holds it. */
static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	unsigned long contended, res;
	u32 slock;

	do {
		__asm__ __volatile__("	ldrex	%0, [%3]\n"
				     "	mov	%2, #0\n"
				     "	subs	%1, %0, %0, ror #16\n"
				     "	addeq	%0, %0, %4\n"
				     "	strexeq	%2, %0, [%3]"
				     : "=&r"(slock), "=&r"(contended),
				       "=&r"(res)
				     : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
				     : "cc");
	} while (res);
	if (!contended) {
		smp_mb();
		return 1;
	}
	return 0;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	smp_mb();
	lock->tickets.owner++;
	dsb(ishst);
	sev();
}

/*
 * The forms taken with interrupts already off (spin_lock_irq*(), the
 * runqueue lock). With interrupts off nothing else runs on this CPU, so
 * when the boot finds that only one CPU can ever run (PATCH_UP,
 * asm/patch.h) the lock word is not needed at all: the first
 * instruction of each becomes a branch over the rest, as a uniprocessor
 * Linux kernel compiles spin_lock_irqsave() down to local_irq_save().
 * A lock must be released in the form it was taken (lock and unlock of
 * one critical section come from the same kernel: modules, never
 * patched, take the word themselves).
 *
 * Speed trick: the whole lock and unlock skipped on one CPU. Plain Linux
 * form: SMP_ON_UP (ALT_SMP/ALT_UP) only turns the SMP barriers into
 * NOPs, which still retire (and cost as many guest instructions as
 * the barriers); the ticket ldrex/strex stays. Saves 26 of 96 guest
 * instructions per mapped-page kmap+kunmap, 24 of 173.1 per new-page
 * kmap amortised, 5 of 162.5 per context switch and 25 of 1380 per
 * vmalloc of 4 pages (make bench, -smp 1).
 */
static __always_inline void arch_spin_lock_irqoff(arch_spinlock_t *lock)
{
	unsigned long tmp;
	u32 newval;
	arch_spinlock_t lockval;

	__asm__ goto(
		"1:	ldrex	%0, [%3]\n" PATCH_SITE(
			"1b", "%l[up]", PATCH_UP) "	add	%1, %0, %4\n"
						  "	strex	%2, %1, [%3]\n"
						  "	teq	%2, #0\n"
						  "	bne	1b"
		: "=&r"(lockval.slock), "=&r"(newval), "=&r"(tmp)
		: "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
		: "cc"
		: up);
	while (lockval.tickets.next != lockval.tickets.owner) {
		wfe();
		lockval.tickets.owner = READ_ONCE(lock->tickets.owner);
	}
	smp_mb();
up:
	barrier();
}

static __always_inline void __arch_spin_unlock_tail(arch_spinlock_t *lock)
{
	lock->tickets.owner++;
	dsb(ishst);
	sev();
}

/*
 * A macro, so that @lockp is evaluated after the patch site: on one CPU
 * a lock whose address takes work to find (the runqueue's, this_rq())
 * costs only the branch.
 */
#define arch_spin_unlock_irqoff(lockp)                             \
	do {                                                       \
		__label__ up;                                      \
		__asm__ goto("1:	dmb	ish\n" PATCH_SITE( \
				     "1b", "%l[up]", PATCH_UP)     \
			     :                                     \
			     :                                     \
			     : "memory"                            \
			     : up);                                \
		__arch_spin_unlock_tail(lockp);                    \
up:                                                                \
		barrier();                                         \
	} while (0)
#else /* host unit tests: one thread, a lock is never contended */
static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	lock->tickets.next++;
}

static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	if (lock->tickets.next != lock->tickets.owner)
		return 0;
	lock->tickets.next++;
	return 1;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	lock->tickets.owner++;
}

#define arch_spin_lock_irqoff arch_spin_lock
#define arch_spin_unlock_irqoff arch_spin_unlock
#endif

static inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t v = { { READ_ONCE(lock->slock) } };

	return v.tickets.owner != v.tickets.next;
}

#endif /* _ASM_SPINLOCK_H */
