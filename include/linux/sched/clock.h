/* The clock behind printk timestamps and benchmarks (arch/arm/kernel/time.c). */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/types.h>

/* Nanoseconds since the clock was set up; 0 before that. */
u64 local_clock(void);
/* Start the clock (arch/arm/kernel/time.c); gt: mapped A9 global timer. */
void sched_clock_init(void *gt);

#endif /* _LINUX_SCHED_CLOCK_H */
