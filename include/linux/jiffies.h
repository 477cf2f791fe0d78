/*
 * The periodic tick (arch/arm/kernel/time.c): HZ interrupts a second from
 * the architected timer (Cortex-A15) or the A9 global timer.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#define HZ 100

extern volatile unsigned long jiffies;

/*
 * A function the tick interrupt calls on every tick, in IRQ context
 * (tests use it to act from an interrupt). NULL removes it.
 */
typedef void (*tick_hook_t)(void);
void set_tick_hook(tick_hook_t fn);

/* True once the tick interrupt is running. */
bool tick_running(void);

#endif /* _LINUX_JIFFIES_H */
