/*
 * Device tree match tables, with Linux's names: struct of_device_id
 * (Linux's mod_devicetable.h) and the *_OF_DECLARE linker tables
 * (Linux's of.h, irqchip.h, clocksource.h and serial_core.h).
 *
 * A driver declares which compatible strings it handles next to the code
 * that handles them:
 *
 *	static bool gic_of_scan(const struct of_scan *sc, struct boot_info *bi)
 *	{ ... }
 *	IRQCHIP_DECLARE(gic_400, "arm,gic-400", gic_of_scan);
 *
 * Each declaration is one struct of_device_id in a linker section of its
 * own kind (earlycon_of_table, irqchip_of_table, timer_of_table); the boot
 * scan (drivers/of/fdt.c, early_init_dt_scan()) reads the three tables, so
 * the device tree reader itself knows no device. The sections are named
 * as C identifiers: linker.ld brackets them with __start_/__stop_ symbols,
 * and the host linker makes the same symbols for the host tests.
 *
 * Where Linux calls a table's init function on a struct device_node once
 * the tree is unflattened, hikern calls it during the single walk of the
 * flattened tree, for it only fills struct boot_info (asm/setup.h).
 */
#ifndef _LINUX_OF_H
#define _LINUX_OF_H

#include <linux/compiler.h>
#include <linux/types.h>

struct boot_info;
struct of_scan;

/* One entry of a match table: Linux's layout. */
struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};

/*
 * of_scan_init_fn - what a *_OF_DECLARE entry's data points to
 * Called by the boot scan for each available node whose "compatible"
 * holds the entry's string, with the node reachable through @sc (see
 * of_scan_get_prop() and friends in linux/of_fdt.h). Fills what it found
 * in @bi. Returns true once it wants no further node: the scan then offers
 * none to any entry with the same function (so a driver declared under
 * several compatible strings takes the first of its nodes only).
 */
typedef bool (*of_scan_init_fn)(const struct of_scan *sc, struct boot_info *bi);

/*
 * The explicit alignment keeps the compiler from padding entries to a
 * larger boundary, which would put holes in the table walked as an array.
 */
#define _OF_DECLARE(table, name, compat, fn)                                 \
	static const struct of_device_id __of_table_##name __used __section( \
		#table "_of_table")                                          \
		__aligned(__alignof__(struct of_device_id)) = {              \
			.compatible = compat,                                \
			.data = (of_scan_init_fn)(fn),                       \
		}

/* Console UARTs (Linux: serial_core.h, with a struct earlycon_id). */
#define OF_EARLYCON_DECLARE(name, compat, fn) \
	_OF_DECLARE(earlycon, name, compat, fn)
/* Interrupt controllers (Linux: irqchip.h). */
#define IRQCHIP_DECLARE(name, compat, fn) _OF_DECLARE(irqchip, name, compat, fn)
/* Clock sources and timers (Linux: clocksource.h). */
#define TIMER_OF_DECLARE(name, compat, fn) _OF_DECLARE(timer, name, compat, fn)

/* SMP enable methods: PSCI, the vexpress system registers (Linux matches
 * these from its psci and platsmp code). */
#define SMP_OF_DECLARE(name, compat, fn) _OF_DECLARE(smp, name, compat, fn)

/* The tables; weak so that an empty one is simply NULL..NULL. */
#define OF_TABLE_BOUNDS(table)                                        \
	extern const struct of_device_id __start_##table##_of_table[] \
		__attribute__((weak));                                \
	extern const struct of_device_id __stop_##table##_of_table[]  \
		__attribute__((weak))

OF_TABLE_BOUNDS(earlycon);
OF_TABLE_BOUNDS(irqchip);
OF_TABLE_BOUNDS(timer);
OF_TABLE_BOUNDS(smp);

#endif /* _LINUX_OF_H */
