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
 * and kunmap_atomic need them. The two counters sit side by side in
 * thread_info; an architecture may update both at once
 * (arch_preempt_pagefault_add(), asm/preempt.h: a marked speed trick);
 * the plain form is Linux's two read-modify-writes.
 */
#ifndef arch_preempt_pagefault_add
static __always_inline void arch_preempt_pagefault_add(struct thread_info *ti,
						       int delta)
{
	ti->preempt_count += delta;
	ti->pagefault_disabled += delta;
}
#endif

static __always_inline void preempt_and_pagefault_disable(void)
{
	arch_preempt_pagefault_add(current_thread_info(), 1);
	barrier();
}

static __always_inline void pagefault_and_preempt_enable(void)
{
	struct thread_info *ti = current_thread_info();

	barrier();
	arch_preempt_pagefault_add(ti, -1);
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
