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
#include <linux/kernel.h>
#include <linux/sched/clock.h>

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

	__asm__ __volatile__("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));
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

/* gt: the A9 global timer, already mapped (NULL on cores without one). */
void __init sched_clock_init(void __iomem *gt)
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

extern struct boot_info boot_info;

void __init time_init(void)
{
	void __iomem *gt = NULL;

	if (!cpu_has_arch_timer() && boot_info.twd_or_gt_base)
		gt = iotable_map((phys_addr_t)boot_info.twd_or_gt_base, 0x20);
	sched_clock_init(gt);
}
