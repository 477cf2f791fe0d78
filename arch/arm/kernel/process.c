/*
 * arch/arm/kernel/process.c: the ARM side of tasks: a new thread's first
 * frame, and the idle instruction.
 */
#include <asm/thread_info.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <stddef.h>

/* The thread_info offsets entry-armv.S and switch.S use. */
BUILD_BUG_ON(offsetof(struct thread_info, preempt_count) != TI_PREEMPT);
BUILD_BUG_ON(offsetof(struct thread_info, flags) != TI_FLAGS);
BUILD_BUG_ON(offsetof(struct thread_info, cpu_context) != TI_CPU_CONTEXT);

void ret_from_fork(void);
void __ret_from_fork_returned(void);

/* kthread() never returns; if a thread function did, say so. */
void __ret_from_fork_returned(void)
{
	panic("%s: the thread function returned to ret_from_fork",
	      current->comm);
}

/**
 * copy_thread - set up @p so that its first switch-in runs @fn(@arg)
 * __switch_to() loads cpu_context: pc is ret_from_fork (switch.S), which
 * finishes the switch (schedule_tail) and calls r4(r5). sp starts 8 bytes
 * below the top of the task's stack (Linux's THREAD_START_SP): sp must
 * lie inside the stack's own THREAD_SIZE block, or `current` computed
 * from it before the first push (sp & ~(THREAD_SIZE - 1)) would name the
 * next block; 8 keeps AAPCS's alignment. fp 0 ends backtraces there. The preempt count starts
 * at 1, the count schedule() holds across a switch; schedule_tail()
 * drops it.
 */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct thread_info *ti = task_thread_info(p);

	ti->preempt_count = 1;
	ti->cpu_context = (struct cpu_context_save){
		.r4 = (unsigned long)fn,
		.r5 = (unsigned long)arg,
		.sp = (unsigned long)ti + THREAD_START_SP,
		.pc = (unsigned long)ret_from_fork,
	};
}

/*
 * Called with IRQs off: wfi wakes on a pending interrupt even while they
 * are masked, so a wake-up between the caller's check and the wfi is not
 * slept through. The interrupt is taken once IRQs are back on.
 */
void arch_cpu_idle(void)
{
	__asm__ __volatile__("dsb\n\twfi" : : : "memory");
	local_irq_enable();
}
