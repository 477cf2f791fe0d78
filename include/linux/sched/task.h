/* The architecture's part in creating and switching tasks. */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

struct task_struct;
struct thread_info;

/* The first frame of a new thread (arch/arm/kernel/process.c). */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg);
/* Save prev's registers, load next's; returns the task switched from. */
struct task_struct *__switch_to(struct task_struct *prev,
				struct thread_info *prev_ti,
				struct thread_info *next_ti);

#endif /* _LINUX_SCHED_TASK_H */
