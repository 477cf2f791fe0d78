/*
 * Machine records for booting with ATAGS, as Linux's MACHINE_START tables
 * were before device trees: an ATAG list says nothing about devices, so
 * the board number QEMU passes in r1 selects a record giving the console
 * UART, the GIC and the timer.
 *
 * The Versatile Express motherboard has two memory maps, and which one a
 * board uses depends on the core tile, which we identify from MIDR:
 *  - Cortex-A9 tile: the "legacy" map, motherboard CS7 at 0x10000000
 *    (UART0 at +0x9000); the A9MPCore private region at PERIPHBASE
 *    0x1e000000 holds the GIC CPU interface (+0x100), global timer
 *    (+0x200), TWD (+0x600) and GIC distributor (+0x1000).
 *  - Cortex-A15 (or A7) tile: the "RS1" (Cortex-A Series) map, CS3 at
 *    0x1c000000 (UART0 at +0x90000); GIC at 0x2c000000 (distributor
 *    +0x1000, CPU interface +0x2000) and the architected timer, whose
 *    virtual timer is PPI 11 (GIC INTID 27).
 * Addresses checked against QEMU's hw/arm/vexpress.c and a9mpcore.c.
 */
#include <linux/kernel.h>
#include <asm/setup.h>

#define MIDR_IMPLEMENTER(midr) ((midr) >> 24)
#define MIDR_PARTNUM(midr) (((midr) >> 4) & 0xfff)
#define ARM_CPU_IMP_ARM 0x41
#define ARM_CPU_PART_CORTEX_A7 0xc07
#define ARM_CPU_PART_CORTEX_A9 0xc09
#define ARM_CPU_PART_CORTEX_A15 0xc0f

#define VEXPRESS_A9_PERIPHBASE 0x1e000000

static const struct machine_desc machine_records[] = {
	{
		.nr = MACH_TYPE_VEXPRESS,
		.name = "ARM-Versatile Express (V2P-CA9, legacy map)",
		.cpu_parts = { ARM_CPU_PART_CORTEX_A9 },
		.uart_base = 0x10009000,
		.uart_irq = 32 + 5, /* UART0: SPI 5 */
		.gic_dist_base = VEXPRESS_A9_PERIPHBASE + 0x1000,
		.gic_cpu_base = VEXPRESS_A9_PERIPHBASE + 0x100,
		.twd_or_gt_base = VEXPRESS_A9_PERIPHBASE + 0x200,
		.sysreg_base = 0x10000000,
	},
	{
		.nr = MACH_TYPE_VEXPRESS,
		.name = "ARM-Versatile Express (V2P-CA15, RS1 map)",
		.cpu_parts = { ARM_CPU_PART_CORTEX_A15,
			       ARM_CPU_PART_CORTEX_A7 },
		.uart_base = 0x1c090000,
		.uart_irq = 32 + 5,
		.gic_dist_base = 0x2c001000,
		.gic_cpu_base = 0x2c002000,
		.has_arch_timer = true,
		.arch_timer_virt_ppi = 27,
		.sysreg_base = 0x1c010000,
	},
};

static bool machine_matches_cpu(const struct machine_desc *m, u32 midr)
{
	size_t i;

	if (MIDR_IMPLEMENTER(midr) != ARM_CPU_IMP_ARM)
		return false;
	for (i = 0; i < ARRAY_SIZE(m->cpu_parts) && m->cpu_parts[i]; i++) {
		if (m->cpu_parts[i] == MIDR_PARTNUM(midr))
			return true;
	}
	return false;
}

/*
 * lookup_machine_type - the record for board @nr (r1 at boot) on a CPU
 * whose Main ID Register reads @midr
 * Returns NULL for an unknown board, or a known one with a core tile we
 * have no map for: the caller then has no devices but its defaults.
 */
const struct machine_desc *lookup_machine_type(unsigned int nr, u32 midr)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(machine_records); i++) {
		const struct machine_desc *m = &machine_records[i];

		if (m->nr == nr && machine_matches_cpu(m, midr))
			return m;
	}
	return NULL;
}

/* Copy @mdesc's devices and name into @bi; memory and cmdline untouched. */
void machine_fill_devices(const struct machine_desc *mdesc,
			  struct boot_info *bi)
{
	bi->model = mdesc->name;
	bi->uart_base = mdesc->uart_base;
	bi->uart_irq = mdesc->uart_irq;
	bi->gic_dist_base = mdesc->gic_dist_base;
	bi->gic_cpu_base = mdesc->gic_cpu_base;
	bi->twd_or_gt_base = mdesc->twd_or_gt_base;
	bi->has_arch_timer = mdesc->has_arch_timer;
	bi->arch_timer_virt_ppi = mdesc->arch_timer_virt_ppi;
	bi->sysreg_base = mdesc->sysreg_base;
}
