/*
 * drivers/clocksource/arm_arch_timer.c: the device tree side of the ARMv7
 * architected timer (Linux's file of the same name). The counter itself
 * is read in arch/arm/kernel/time.c; the tree only says that the timer
 * exists and which PPI its virtual timer raises.
 */
#include <asm/setup.h>
#include <linux/init.h>
#include <linux/of.h>
#include <linux/of_fdt.h>

/*
 * The architected timer's interrupts are <type number flags> triples
 * (GIC binding, #interrupt-cells = 3): secure phys, non-secure phys,
 * virtual, hyp. The third, a PPI (type 1), is the one a guest uses.
 * Only the first such node counts.
 */
static bool __init arch_timer_of_scan(const struct of_scan *sc,
				      struct boot_info *bi)
{
	int len = 0;
	const __be32 *irq = of_scan_get_prop(sc, "interrupts", &len);
	u32 type, num;

	bi->has_arch_timer = true;
	if (!irq || len % 12 || len < 3 * 12) {
		boot_info_error(
			bi, "DTB: arch timer has no virtual timer interrupt");
		return true;
	}
	type = be32_to_cpup(irq + 6);
	num = be32_to_cpup(irq + 7);
	if (type != 1 || num >= 16) {
		boot_info_error(bi,
				"DTB: arch timer virtual interrupt <%u %u> is "
				"not a PPI",
				type, num);
		return true;
	}
	bi->arch_timer_virt_ppi = 16 + num;
	return true;
}
TIMER_OF_DECLARE(armv7_arch_timer, "arm,armv7-timer", arch_timer_of_scan);
