/*
 * What the boot loader told us, in one place: struct boot_info is filled
 * from a flattened device tree (drivers/of/fdt.c, early_init_dt_scan()) or
 * from an ATAG list plus a machine record (arch/arm/kernel/atags.c and
 * machines.c), so the rest of the kernel never cares which one QEMU passed.
 *
 * ATAG numbers and layouts are those of Linux's asm/setup.h (the boot ABI).
 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <stdarg.h>
#include <linux/printk.h>
#include <linux/types.h>

#define NR_BANKS 8
#define COMMAND_LINE_SIZE 1024
/* CPUs the boot scan records (NR_CPUS; more are reported and ignored). */
#define BOOT_MAX_CPUS 4

struct membank {
	u64 start;
	u64 size;
};

struct boot_info {
	const char *source; /* "DTB", "ATAGS" or "defaults" */
	unsigned int nr_banks;
	struct membank bank[NR_BANKS];
	char cmdline[COMMAND_LINE_SIZE];
	u64 initrd_start, initrd_end; /* 0 if none */
	const char *model;	      /* /model or a board name */
	/* devices found in the tree (0 if absent) */
	u64 uart_base;	       /* PL011 for the console */
	unsigned int uart_irq; /* its GIC INTID (SPI n is 32 + n), 0: none */
	u64 gic_dist_base, gic_cpu_base;
	u64 twd_or_gt_base;		  /* Cortex-A9 global timer */
	bool has_arch_timer;		  /* "arm,armv7-timer" present */
	unsigned int arch_timer_virt_ppi; /* virtual timer GIC INTID */
	u64 sysreg_base;		  /* vexpress system registers */
	/* CPUs: /cpus (0 CPUs: no /cpus, ask the hardware) and /psci */
	unsigned int nr_cpus;
	u32 cpu_mpidr[BOOT_MAX_CPUS];
	bool cpus_psci;	     /* a cpu node's enable-method is "psci" */
	char psci_method[4]; /* "hvc", "smc" or "" (no /psci node) */
	u32 psci_cpu_on;     /* CPU_ON function id */
	char error[128];     /* non-empty: what was wrong */
};

/*
 * Record the first problem met while reading boot information; later ones
 * are usually consequences of the first, so they do not overwrite it.
 */
static inline __printf(2, 3) void boot_info_error(struct boot_info *bi,
						  const char *fmt, ...)
{
	va_list args;

	if (bi->error[0])
		return;
	va_start(args, fmt);
	vsnprintf(bi->error, sizeof(bi->error), fmt, args);
	va_end(args);
}

/* arch/arm/mm/initrd.c: the initrd accepted by arm_initrd_init (0 if none) */
extern phys_addr_t phys_initrd_start;
extern unsigned long phys_initrd_size;
void arm_initrd_init(const struct boot_info *bi);

/* drivers/of/fdt.c */
int early_init_dt_scan(const void *blob, size_t max_size, struct boot_info *bi);

/* The ATAG list (Documentation/arm/Booting in Linux). */
#define ATAG_NONE 0x00000000
#define ATAG_CORE 0x54410001
#define ATAG_MEM 0x54410002
#define ATAG_CMDLINE 0x54410009
#define ATAG_INITRD2 0x54420005

#define ATAG_CORE_SIZE 5       /* words, header included */
#define ATAG_CORE_SIZE_EMPTY 2 /* ATAG_CORE with no payload */
#define ATAG_MAX_TAGS 256      /* more than this is garbage */

struct tag_header {
	u32 size; /* in 32-bit words, this header included */
	u32 tag;
};

struct tag_mem32 {
	u32 size;
	u32 start;
};

struct tag_initrd {
	u32 start;
	u32 size;
};

enum boot_params_type {
	BOOT_PARAMS_NONE,
	BOOT_PARAMS_DTB,
	BOOT_PARAMS_ATAGS,
};

int boot_params_type(const void *p);
int parse_atags(const void *tags, size_t max_size, struct boot_info *bi);

/*
 * Machine records for the ATAGS path (arch/arm/kernel/machines.c): the
 * board number from r1 plus the CPU's MIDR pick the device addresses an
 * ATAG list cannot carry.
 */
#define MACH_TYPE_VEXPRESS 2272 /* 0x8e0 */

struct machine_desc {
	unsigned int nr; /* MACH_TYPE_* passed in r1 */
	const char *name;
	u16 cpu_parts[3]; /* MIDR[15:4] of matching cores, 0 ends */
	u64 uart_base;
	unsigned int uart_irq;
	u64 gic_dist_base, gic_cpu_base;
	u64 twd_or_gt_base;
	bool has_arch_timer;
	unsigned int arch_timer_virt_ppi;
	u64 sysreg_base; /* SYS_FLAGS holds the secondaries' entry */
};

const struct machine_desc *lookup_machine_type(unsigned int nr, u32 midr);
void machine_fill_devices(const struct machine_desc *mdesc,
			  struct boot_info *bi);

#endif /* _ASM_SETUP_H */
