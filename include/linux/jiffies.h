/*
 * The periodic tick (arch/arm/kernel/time.c): HZ interrupts a second from
 * the architected timer (Cortex-A15) or the A9 global timer.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ 100

extern volatile unsigned long jiffies;

/* Ticks for ms milliseconds, rounded up (Linux's msecs_to_jiffies). */
static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;
}

/* a is after b, across the wrap of jiffies. */
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)

/*
 * A function the tick interrupt calls on every tick, in IRQ context
 * (tests use it to act from an interrupt). NULL removes it.
 */
typedef void (*tick_hook_t)(void);
void set_tick_hook(tick_hook_t fn);

/* True once the tick interrupt is running. */
bool tick_running(void);

#endif /* _LINUX_JIFFIES_H */
