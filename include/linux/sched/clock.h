/* The clock behind printk timestamps and benchmarks (arch/arm/kernel/time.c). */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/types.h>

/* Nanoseconds since the clock was set up; 0 before that. */
u64 local_clock(void);

#endif /* _LINUX_SCHED_CLOCK_H */
