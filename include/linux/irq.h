/*
 * Interrupts: a flat table of handlers indexed by GIC interrupt ID
 * (drivers/irqchip/irq-gic.c). Enough for the timer tick; the SMP issue
 * adds per-CPU registration without changing handlers.
 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/smp.h>
#include <linux/threads.h>
#include <linux/types.h>

struct pt_regs;

typedef void (*irq_handler_t)(unsigned int irq, void *dev);

#define NR_IRQS 256

/* Map the GIC (distributor, CPU interface) and make it deliver IRQs. */
int gic_init(phys_addr_t dist, phys_addr_t cpu);
int request_irq(unsigned int irq, irq_handler_t handler, void *dev);
void enable_percpu_irq(unsigned int irq);
/* A shared peripheral interrupt (SPI): routed to CPU 0 and enabled. */
void enable_irq(unsigned int irq);
/* Entry from the IRQ vector (arch/arm/kernel/entry-armv.S). */
void handle_arch_irq(struct pt_regs *regs);
/*
 * Nonzero while an interrupt handler runs on this CPU (Linux's in_irq()):
 * one counter per CPU, since each takes its own interrupts.
 */
extern int hardirq_counts[NR_CPUS];
#define hardirq_count (hardirq_counts[raw_smp_processor_id()])
#define in_irq() (hardirq_count != 0)
#define in_interrupt() in_irq()

#endif /* _LINUX_IRQ_H */
