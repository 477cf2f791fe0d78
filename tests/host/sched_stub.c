/*
 * The scheduler as the host build of mm/highmem.c sees it
 * (tests/host/pkmap.mk): one task, the boot task, and no other task that
 * could wake it, so schedule() returns at once and leaves the state as
 * it was, as kernel/sched/core.c does for the only task in the kernel.
 */
#include <linux/sched.h>

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.comm = "swapper/0",
	.stack = &init_thread_union.thread_info,
};

union thread_union init_thread_union = {
	.thread_info = { .task = &init_task },
};

unsigned long nr_might_sleep_reports;

void schedule(void)
{
}

void preempt_schedule(void)
{
}

int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	(void)wake_flags;
	if (!(READ_ONCE(p->state) & state))
		return 0;
	WRITE_ONCE(p->state, TASK_RUNNING);
	return 1;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}
