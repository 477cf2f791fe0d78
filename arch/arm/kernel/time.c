/*
 * arch/arm/kernel/time.c: the clock behind printk timestamps.
 *
 * Cortex-A15 (virt, vexpress-a15) has the architected timer: CNTVCT at
 * CNTFRQ. Cortex-A9 (vexpress-a9) has none; its MPCore global timer
 * (PERIPHBASE + 0x200, PERIPHBASE from CBAR) counts at 100 MHz under QEMU
 * (10 ns per tick with prescaler 0). ID_PFR1[19:16] says which we have.
 */
#include <asm/io.h>
#include <asm/iomap.h>
#include <asm/setup.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched.h>
#include <linux/smp.h>

#define GT_COUNTER_LO 0x00
#define GT_COUNTER_HI 0x04
#define GT_CONTROL 0x08
#define GT_ENABLE 1
#define A9_GT_HZ 100000000ULL

static u64 (*read_counter)(void);
static u64 counter_hz;
static void __iomem *gt_base;

static u64 arch_counter_read(void)
{
	u32 lo, hi;

	__asm__ __volatile__("isb\n\tmrrc p15, 1, %0, %1, c14"
			     : "=r"(lo), "=r"(hi));
	return ((u64)hi << 32) | lo;
}

static u64 gt_counter_read(void)
{
	u32 hi, lo;

	/* Re-read until the high word is stable across the low read. */
	do {
		hi = readl(gt_base + GT_COUNTER_HI);
		lo = readl(gt_base + GT_COUNTER_LO);
	} while (hi != readl(gt_base + GT_COUNTER_HI));
	return ((u64)hi << 32) | lo;
}

bool cpu_has_arch_timer(void)
{
	u32 pfr1;

	__asm__("mrc p15, 0, %0, c0, c1, 1" : "=r"(pfr1));
	return ((pfr1 >> 16) & 0xf) != 0;
}

/*
 * gt: the A9 global timer, already mapped, or NULL. setup_arch() calls this
 * first with NULL, so on a core with the architected timer printk has real
 * timestamps from the first line; time_init() completes the A9 case.
 */
void __init sched_clock_init(void *gt)
{
	if (cpu_has_arch_timer()) {
		u32 frq;

		__asm__("mrc p15, 0, %0, c14, c0, 0" : "=r"(frq));
		counter_hz = frq;
		read_counter = arch_counter_read;
	} else if (gt) {
		gt_base = gt;
		writel(GT_ENABLE, gt_base + GT_CONTROL);
		counter_hz = A9_GT_HZ;
		read_counter = gt_counter_read;
	}
}

u64 local_clock(void)
{
	u64 c;

	if (!read_counter || !counter_hz)
		return 0;
	c = read_counter();
	/* Split to keep the multiply inside 64 bits for years of uptime. */
	return (c / counter_hz) * 1000000000ULL +
	       (c % counter_hz) * 1000000000ULL / counter_hz;
}

/*
 * The tick. On the A15 the virtual timer (CNTV_*) reloads its down-counter
 * each tick; on the A9 the global timer's comparator auto-increments by
 * one tick period, so no reload is needed. Both raise PPI 27.
 */
#define GT_COMPARATOR_LO 0x10
#define GT_COMPARATOR_HI 0x14
#define GT_AUTO_INCREMENT 0x18
#define GT_INT_STATUS 0x0c
#define GT_COMP_ENABLE (1 << 1)
#define GT_IRQ_ENABLE (1 << 2)
#define GT_AUTO_INC (1 << 3)

volatile unsigned long jiffies;
static tick_hook_t tick_hook;
static bool ticking;
static u32 tick_period;

void set_tick_hook(tick_hook_t fn)
{
	tick_hook = fn;
}

bool tick_running(void)
{
	return ticking;
}

static void arch_timer_arm(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c14, c3, 0" : : "r"(tick_period));
	__asm__ __volatile__("mcr p15, 0, %0, c14, c3, 1"
			     :
			     : "r"(1)
			     : "memory");
	__asm__ __volatile__("isb");
}

/*
 * Every CPU ticks from its own timer (the virtual timer and the global
 * timer's comparator are banked per CPU); CPU 0 alone keeps jiffies and
 * runs the test hook, as Linux's tick_do_timer_cpu keeps the time.
 */
static void timer_interrupt(unsigned int irq, void *dev)
{
	(void)irq;
	(void)dev;
	if (gt_base)
		writel(1, gt_base + GT_INT_STATUS);
	else
		arch_timer_arm();
	if (smp_processor_id() == 0) {
		jiffies++;
		if (tick_hook)
			tick_hook();
	}
	scheduler_tick();
}

static unsigned int tick_irq = 27;

static void gt_tick_init(void)
{
	u64 next = gt_counter_read() + tick_period;

	writel(GT_ENABLE, gt_base + GT_CONTROL);
	writel((u32)next, gt_base + GT_COMPARATOR_LO);
	writel((u32)(next >> 32), gt_base + GT_COMPARATOR_HI);
	writel(tick_period, gt_base + GT_AUTO_INCREMENT);
	writel(GT_ENABLE | GT_COMP_ENABLE | GT_IRQ_ENABLE | GT_AUTO_INC,
	       gt_base + GT_CONTROL);
}

extern struct boot_info boot_info;

/**
 * local_timer_setup - start the tick on a secondary CPU
 *
 * The same interrupt and period as CPU 0's (time_init()), from this CPU's
 * own banked timer. Nothing if CPU 0 has no tick.
 */
void local_timer_setup(void)
{
	if (!ticking)
		return;
	enable_percpu_irq(tick_irq);
	if (gt_base)
		gt_tick_init();
	else
		arch_timer_arm();
}

void __init time_init(void)
{
	struct boot_info *bi = &boot_info;
	void __iomem *gt = NULL;
	unsigned int irq = tick_irq;

	if (!read_counter && bi->twd_or_gt_base) {
		gt = iotable_map((phys_addr_t)bi->twd_or_gt_base, 0x20);
		sched_clock_init(gt);
	}
	if (!read_counter || !bi->gic_dist_base || !bi->gic_cpu_base ||
	    gic_init((phys_addr_t)bi->gic_dist_base,
		     (phys_addr_t)bi->gic_cpu_base)) {
		pr_warn("time: no timer or interrupt controller, no tick\n");
		return;
	}
	tick_period = (u32)(counter_hz / HZ);
	if (read_counter == arch_counter_read && bi->arch_timer_virt_ppi)
		irq = bi->arch_timer_virt_ppi;
	request_irq(irq, timer_interrupt, NULL);
	enable_percpu_irq(irq);
	if (gt_base)
		gt_tick_init();
	else
		arch_timer_arm();
	ticking = true;
	tick_irq = irq;
	pr_info("sched_clock: %llu Hz, tick: %d Hz on IRQ %u\n", counter_hz, HZ,
		irq);
}
