/* A CPU's idle loop (Linux's linux/cpu.h): what a CPU runs with no task. */
#ifndef _LINUX_CPU_H
#define _LINUX_CPU_H

#include <linux/compiler.h>

/* Wait for an interrupt (wfi), with interrupts as the caller left them. */
void arch_cpu_idle(void);
/* The idle loop a CPU enters when it has booted; never returns. */
void __noreturn cpu_startup_entry(void);

#endif /* _LINUX_CPU_H */
