/*
 * drivers/irqchip/irq-gic.c: the ARM GICv2 (virt, vexpress-a15) and the
 * Cortex-A9 MPCore GIC (vexpress-a9), which share the programming model.
 *
 * Each IRQ is acknowledged by reading GICC_IAR, handled, then completed
 * by writing the same value to GICC_EOIR; IDs >= 1020 are spurious.
 * The device tree's boot scan finds the two register blocks
 * (gic_of_scan() below).
 */
#include <asm/iomap.h>
#include <asm/ptrace.h>
#include <asm/barrier.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/of.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/smp.h>

#define GICD_CTLR 0x000
#define GICD_ISENABLER 0x100
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICD_SGIR 0xf00
#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10
#define GIC_SPURIOUS 1020

static void __iomem *gicd, *gicc;
static struct {
	irq_handler_t handler;
	void *dev;
} irq_table[NR_IRQS];
int hardirq_counts[NR_CPUS];

/*
 * The calling CPU's own part of the GIC: its CPU interface (banked: same
 * address on every CPU) and its software interrupts, the IPIs.
 */
void gic_cpu_init(void)
{
	volatile u8 *prio = (volatile u8 *)(gicd + GICD_IPRIORITYR);

	for (unsigned int i = 0; i < NR_IPI; i++)
		prio[i] = 0xa0;
	writel((1U << NR_IPI) - 1, gicd + GICD_ISENABLER);
	writel(0xf0, gicc + GICC_PMR); /* let every priority through */
	writel(1, gicc + GICC_CTLR);
}

int gic_init(phys_addr_t dist, phys_addr_t cpu)
{
	gicd = iotable_map(dist, 0x1000);
	gicc = iotable_map(cpu, 0x1000);
	if (!gicd || !gicc)
		return -1;
	writel(1, gicd + GICD_CTLR);
	gic_cpu_init();
	return 0;
}

/* Stores before the IPI must be visible to its target: DSB first. */
void gic_raise_softirq(unsigned long mask, unsigned int ipinr)
{
	dsb(ishst);
	writel((u32)(mask << 16) | ipinr, gicd + GICD_SGIR);
}

int request_irq(unsigned int irq, irq_handler_t handler, void *dev)
{
	if (irq >= NR_IRQS || irq_table[irq].handler)
		return -1;
	irq_table[irq].dev = dev;
	irq_table[irq].handler = handler;
	return 0;
}

void enable_percpu_irq(unsigned int irq)
{
	volatile u8 *prio = (volatile u8 *)(gicd + GICD_IPRIORITYR);

	prio[irq] = 0xa0;
	writel(1U << (irq % 32), gicd + GICD_ISENABLER + (irq / 32) * 4);
}

/*
 * An SPI also needs a target CPU (GICD_ITARGETSR, one byte per interrupt;
 * read-only on a GIC with one CPU interface): CPU 0, as Linux's default
 * affinity.
 */
void enable_irq(unsigned int irq)
{
	volatile u8 *targets = (volatile u8 *)(gicd + GICD_ITARGETSR);

	if (irq >= 32)
		targets[irq] = 1;
	enable_percpu_irq(irq);
}

void handle_arch_irq(struct pt_regs *regs)
{
	(void)regs;
	for (;;) {
		u32 iar = readl(gicc + GICC_IAR);
		u32 irq = iar & 0x3ff;

		if (irq >= GIC_SPURIOUS)
			return;
		hardirq_count++;
		if (irq < NR_IPI)
			handle_IPI(irq, (iar >> 10) & 7);
		else if (irq < NR_IRQS && irq_table[irq].handler)
			irq_table[irq].handler(irq, irq_table[irq].dev);
		else
			pr_warn("irq %u: nobody cared\n", irq);
		hardirq_count--;
		writel(iar, gicc + GICC_EOIR);
	}
}

/*
 * The first GIC in the tree gives the distributor (reg[0]) and the CPU
 * interface (reg[1]); the scan offers no other, whatever its flavour.
 */
static bool __init gic_of_scan(const struct of_scan *sc, struct boot_info *bi)
{
	u64 dist, cpu, size;

	if (of_scan_reg(sc, 0, &dist, &size) &&
	    of_scan_reg(sc, 1, &cpu, &size)) {
		bi->gic_dist_base = dist;
		bi->gic_cpu_base = cpu;
	}
	return true;
}
IRQCHIP_DECLARE(cortex_a15_gic, "arm,cortex-a15-gic", gic_of_scan);
IRQCHIP_DECLARE(cortex_a9_gic, "arm,cortex-a9-gic", gic_of_scan);
IRQCHIP_DECLARE(gic_400, "arm,gic-400", gic_of_scan);
