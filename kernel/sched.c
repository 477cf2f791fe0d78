/*
 * kernel/sched.c: the single-task "scheduler" (see include/linux/sched.h):
 * the boot task, schedule() that has nothing to switch to, and the wake-up
 * side that later scheduling work keeps unchanged.
 */
#include <linux/sched.h>

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.comm = "swapper/0",
};

/*
 * There is no other task, so there is nothing to run instead of current
 * and nobody who could wake it: blocking would hang for good. Return at
 * once; a sleeper sees, through schedule_was_woken(), that it was not
 * woken and must fail its wait instead of looping.
 */
void schedule(void)
{
	barrier();
}

/* A task in one of `state` becomes runnable; 1 if it was woken. */
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
