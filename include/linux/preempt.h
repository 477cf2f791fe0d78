/*
 * Preemption and page-fault disabling as per-task nesting counters in
 * thread_info, with Linux's names. The scheduler (kernel/sched/core.c)
 * preempts a task only while its preempt_count is 0: on the way out of an
 * interrupt (arch/arm/kernel/entry-armv.S) and in preempt_enable() when
 * the count drops to 0 with TIF_NEED_RESCHED set. No page fault is
 * handled yet; pagefault_disabled() is kept exact for when one is.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <asm/thread_info.h>
#include <linux/compiler.h>
#include <linux/irq.h>

#define preempt_count() (current_thread_info()->preempt_count)

/*
 * The barrier keeps the compiler from moving accesses of the protected
 * section out past the counter update (Linux's preempt_disable does the
 * same); the hardware needs nothing, the counter is per task.
 */
static __always_inline void preempt_disable(void)
{
	current_thread_info()->preempt_count++;
	barrier();
}

/* Run the tasks waiting for this CPU (kernel/sched/core.c). */
void preempt_schedule(void);
#if defined(__arm__)
#include <asm/preempt.h> /* __preempt_schedule(): a register-saving call */
#else
#define __preempt_schedule() preempt_schedule()
#endif

/*
 * The fast path is one load and test of the flags word after the
 * decrement; preempt_schedule() itself checks that the count is 0 (the
 * flag is rarely set, so the count test is off the fast path). The flag
 * is set when the tick found the time slice used up while another task
 * waits, or when a wake-up found the idle task running.
 */
static __always_inline void preempt_check_resched(struct thread_info *ti)
{
	if (unlikely(READ_ONCE(ti->flags) & _TIF_NEED_RESCHED))
		__preempt_schedule();
}

static __always_inline void preempt_enable(void)
{
	struct thread_info *ti = current_thread_info();

	barrier();
	ti->preempt_count--;
	barrier();
	preempt_check_resched(ti);
}

/* Drop the count without rescheduling (the scheduler's own use). */
static __always_inline void preempt_enable_no_resched(void)
{
	barrier();
	current_thread_info()->preempt_count--;
}

static __always_inline void pagefault_disable(void)
{
	current_thread_info()->pagefault_disabled++;
	barrier();
}

static __always_inline void pagefault_enable(void)
{
	barrier();
	current_thread_info()->pagefault_disabled--;
}

/*
 * preempt_disable() + pagefault_disable(), and the reverse, as kmap_atomic
 * and kunmap_atomic need them.
 *
 * Speed trick: both counters are read, then both written, so that GCC
 * pairs the adjacent words of thread_info into one ldm and one stm (the
 * stores in descending address order, which is the order its peephole
 * pairs). Plain Linux form: preempt_disable(); pagefault_disable(); two
 * read-modify-writes, each with its own compiler barrier. Saves 4 of 44
 * guest instructions per kmap_atomic+kunmap_atomic (make bench): under
 * 10%, but the limit of 41 needs it.
 */
static __always_inline void preempt_and_pagefault_disable(void)
{
	struct thread_info *ti = current_thread_info();
	int preempt = ti->preempt_count, pagefault = ti->pagefault_disabled;

	ti->pagefault_disabled = pagefault + 1;
	ti->preempt_count = preempt + 1;
	barrier();
}

static __always_inline void pagefault_and_preempt_enable(void)
{
	struct thread_info *ti = current_thread_info();
	int preempt, pagefault;

	barrier();
	preempt = ti->preempt_count;
	pagefault = ti->pagefault_disabled;
	ti->pagefault_disabled = pagefault - 1;
	ti->preempt_count = preempt - 1;
	barrier();
	preempt_check_resched(ti);
}

static inline bool pagefault_disabled(void)
{
	return current_thread_info()->pagefault_disabled != 0;
}

/*
 * Linux folds the hardirq depth into preempt_count; hikern keeps it in
 * hardirq_count (linux/irq.h), so in_atomic() looks at both.
 */
#define in_atomic() (preempt_count() != 0 || in_interrupt())

#endif /* _LINUX_PREEMPT_H */
