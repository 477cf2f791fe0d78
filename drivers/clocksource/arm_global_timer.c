/*
 * drivers/clocksource/arm_global_timer.c: the device tree side of the
 * Cortex-A9 MPCore global timer (Linux's file of the same name). The
 * counter itself is read in arch/arm/kernel/time.c.
 */
#include <asm/setup.h>
#include <linux/init.h>
#include <linux/of.h>
#include <linux/of_fdt.h>

/* The first global timer in the tree gives its register block. */
static bool __init global_timer_of_scan(const struct of_scan *sc,
					struct boot_info *bi)
{
	u64 base, size;

	if (of_scan_reg(sc, 0, &base, &size))
		bi->twd_or_gt_base = base;
	return true;
}
TIMER_OF_DECLARE(arm_gt, "arm,cortex-a9-global-timer", global_timer_of_scan);
