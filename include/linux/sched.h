/*
 * Tasks, task states and schedule(), with Linux's names, for a kernel
 * that so far has exactly one task: the boot task (init_task, "swapper/0"),
 * which is always `current`.
 *
 * Code that must wait does it the Linux way (see linux/wait.h):
 *
 *	DECLARE_WAITQUEUE(wait, current);
 *	__set_current_state(TASK_UNINTERRUPTIBLE);
 *	add_wait_queue(&wq, &wait);
 *	...drop locks...
 *	schedule();
 *	remove_wait_queue(&wq, &wait);
 *
 * and a waker calls wake_up(&wq), which puts the task back to
 * TASK_RUNNING. schedule() here knows there is no other task to run, so
 * it cannot block: a sleeper nobody can wake would hang the kernel. It
 * returns at once and leaves current->state as it was, so a caller that
 * finds itself still not TASK_RUNNING after schedule() knows it was not
 * woken (schedule_was_woken()). With a real scheduler schedule() only
 * returns after a wake-up, that test is always true, and no caller has to
 * change.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>

#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
/* The states wake_up() ends. */
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

struct task_struct {
	volatile long state; /* TASK_*; written by the task and its wakers */
	const char *comm;
};

extern struct task_struct init_task;

/*
 * The running task: each CPU's idle task (init_task on CPU 0,
 * "swapper/N" on the others) until there is a scheduler. Found from sp.
 */
static inline struct task_struct *get_current(void)
{
#ifdef __arm__
	return current_thread_info()->task;
#else /* host unit tests: the one task there is */
	return &init_task;
#endif
}
#define current get_current()

#define __set_current_state(s) WRITE_ONCE(current->state, (s))
#define set_current_state(s)            \
	do {                            \
		__set_current_state(s); \
		barrier();              \
	} while (0)

/* Give up the CPU until woken; see the top of this file. */
void schedule(void);

/* After schedule(): false if nobody woke us (no other task exists). */
static inline bool schedule_was_woken(void)
{
	return READ_ONCE(current->state) == TASK_RUNNING;
}

/* Make p runnable if it sleeps in one of `state`; 1 if it was woken. */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
int wake_up_process(struct task_struct *p);

/* The tick's hook into the scheduler, on every CPU. */
void scheduler_tick(void);
/* IPI_RESCHEDULE arrived: another CPU wants this one to reschedule. */
void scheduler_ipi(void);
/* @idle becomes @cpu's idle task (a secondary CPU, as it comes up). */
void init_idle(struct task_struct *idle, int cpu);

/*
 * might_sleep(): document (and, in the debug build, check) that a
 * function may block. Sleeping with preemption off, with interrupts off
 * or from an interrupt handler is a bug even when this call happens not
 * to sleep, so the check does not wait for the rare path that actually
 * sleeps. The report is Linux v5.10's ___might_sleep() (kernel/sched.c):
 *
 *   BUG: sleeping function called from invalid context at <file>:<line>
 *   in_atomic(): 1, irqs_disabled(): 128, non_block: 0, pid: 0, name: swapper/0
 *
 * and a stack dump; the caller carries on, as in Linux. The test is
 * inline and the report out of line, so the production build (where
 * might_sleep() is empty) keeps kmap()'s fast path as it was.
 */
#define CONFIG_DEBUG_ATOMIC_SLEEP CONFIG_DEBUG
/* might_sleep() reports so far, for the self-tests (0 without the check). */
extern unsigned long nr_might_sleep_reports;
/* Host builds (tests/host) have no CPU state to check: no check there. */
#if CONFIG_DEBUG_ATOMIC_SLEEP && defined(__arm__)
void __might_sleep_report(const char *file, int line);
#define might_sleep()                                             \
	do {                                                      \
		if (unlikely(in_atomic() || irqs_disabled()))     \
			__might_sleep_report(__FILE__, __LINE__); \
	} while (0)
#else
#define might_sleep() \
	do {          \
	} while (0)
#endif

#endif /* _LINUX_SCHED_H */
