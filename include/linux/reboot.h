/* Powering off (arch/arm/kernel/reboot.c). */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/*
 * Read /psci's "method" (hvc or smc) from the boot device tree: the
 * conduit machine_power_off() uses for SYSTEM_OFF.
 */
void psci_dt_init(const void *blob);
/*
 * "reboot: Power down", then PSCI SYSTEM_OFF where the tree offered a
 * conduit, else (or if it returns) the semihosting exit with status 0.
 */
void __noreturn machine_power_off(void);

#endif /* _LINUX_REBOOT_H */
