/* Sleeping for a while (kernel/sched/core.c). */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

/*
 * msleep - sleep (TASK_UNINTERRUPTIBLE) for at least @msecs milliseconds
 * Timer based: the task is off the CPU and the tick wakes it once
 * msecs_to_jiffies(@msecs) + 1 ticks have passed.
 */
void msleep(unsigned int msecs);

#endif /* _LINUX_DELAY_H */
