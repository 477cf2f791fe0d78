/*
 * arch/arm/kernel/reboot.c: powering the machine off (Linux's
 * machine_power_off, with PSCI's SYSTEM_OFF as drivers/firmware/psci
 * issues it).
 *
 * virt's device tree has a /psci node whose "method" names the conduit
 * (QEMU's built-in PSCI answers "hvc"); SYSTEM_OFF makes QEMU exit with
 * status 0. The vexpress boards have no PSCI firmware, so there the
 * semihosting exit (status 0) is all there is; it is also the fallback
 * if SYSTEM_OFF returns.
 */
#include <asm/semihosting.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <string.h>

#define PSCI_0_2_FN_SYSTEM_OFF 0x84000008

enum psci_conduit { PSCI_CONDUIT_NONE, PSCI_CONDUIT_HVC, PSCI_CONDUIT_SMC };

static enum psci_conduit psci_conduit;

void __init psci_dt_init(const void *blob)
{
	int node = of_flat_dt_path_offset(blob, "/psci", 5);
	const char *method;
	int len = 0;

	if (node < 0 || !of_flat_dt_is_available(blob, node))
		return;
	method = of_get_flat_dt_prop(blob, node, "method", &len);
	if (!method || len < 4 || method[len - 1])
		return;
	if (!strcmp(method, "hvc"))
		psci_conduit = PSCI_CONDUIT_HVC;
	else if (!strcmp(method, "smc"))
		psci_conduit = PSCI_CONDUIT_SMC;
}

static int psci_system_off(void)
{
	register u32 r0 __asm__("r0") = PSCI_0_2_FN_SYSTEM_OFF;

	if (psci_conduit == PSCI_CONDUIT_HVC)
		__asm__ __volatile__(".arch_extension virt\n\thvc #0"
				     : "+r"(r0)
				     :
				     : "memory");
	else if (psci_conduit == PSCI_CONDUIT_SMC)
		__asm__ __volatile__(".arch_extension sec\n\tsmc #0"
				     : "+r"(r0)
				     :
				     : "memory");
	return (int)r0;
}

void __noreturn machine_power_off(void)
{
	pr_emerg("reboot: Power down\n");
	if (psci_conduit != PSCI_CONDUIT_NONE) {
		int ret = psci_system_off();

		pr_err("psci: SYSTEM_OFF returned %d\n", ret);
	}
	semihosting_exit(EXIT_PASS);
}
