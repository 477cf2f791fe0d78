/*
 * ARM's part of SMP (Linux's asm/smp.h): the CPU number and the calls
 * between arch/arm/kernel/smp.c and the rest of the kernel.
 *
 * Each CPU points TPIDRPRW (the PL1-only software thread ID register,
 * banked per CPU) at its own per-CPU block when it comes up (boot/head.S
 * for CPU 0, secondary_start_kernel() for the others; asm/percpu.h), so
 * raw_smp_processor_id() is one mrc and one load from this CPU's own
 * block: nothing shared, as cheap on four CPUs as on one.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <asm/percpu.h>
#include <linux/compiler.h>
#include <linux/types.h>

#ifdef __arm__
/* This CPU's number: the cpu field of the block TPIDRPRW points at. */
static __always_inline unsigned int __arch_smp_processor_id(void)
{
	return this_cpu_kmap_atomic()->cpu;
}

/* MPIDR: the hardware CPU id (Aff0 = core in cluster, Aff1 = cluster). */
static inline u32 read_cpuid_mpidr(void)
{
	u32 mpidr;

	__asm__("mrc p15, 0, %0, c0, c0, 5" : "=r"(mpidr));
	return mpidr;
}

/*
 * MIDR, the main ID register: implementer [31:24], variant [23:20],
 * architecture [19:16] (0xf: the CPUID scheme), part number [15:4],
 * revision [3:0] (Linux's read_cpuid_id(), asm/cputype.h).
 */
static inline u32 read_cpuid_id(void)
{
	u32 midr;

	__asm__("mrc p15, 0, %0, c0, c0, 0" : "=r"(midr));
	return midr;
}
#else /* host unit tests: CPU 0 */
#define __arch_smp_processor_id() 0u
#endif

#define MPIDR_HWID_BITMASK 0xffffff
#define MPIDR_AFFINITY_LEVEL(mpidr, level) (((mpidr) >> ((level)*8)) & 0xff)

struct task_struct;
struct boot_info;

/* setup_arch(): one CPU possible -> patch the PATCH_UP sites (smp.c). */
void smp_patch_up(const struct boot_info *bi);

/*
 * What a secondary CPU needs before it can run C, filled by __cpu_up()
 * and read by secondary_startup (arch/arm/kernel/head-smp.S) with the
 * MMU off: the offsets below are used there (SD_*).
 */
struct secondary_data {
	u32 mpidr; /* the CPU allowed out of the pen; ~0: none */
	u32 stack; /* top of its idle task's stack (virtual) */
	u32 ttbr0; /* the boot CPU's TTBR0, TTBCR, DACR and SCTLR */
	u32 ttbcr;
	u32 dacr;
	u32 sctlr;
	u32 cpu; /* logical number, for TPIDRPRW */
	struct task_struct *task;
};

extern struct secondary_data secondary_data;

/* C entry of a secondary CPU, on its own stack with the MMU on. */
void secondary_start_kernel(void);
/* Physical entry point, MMU off (head-smp.S). */
void secondary_startup(void);

/* The IPIs, numbered as Linux's ARM enum ipi_msg_type (GIC SGI ids). */
enum ipi_msg_type {
	IPI_WAKEUP,
	IPI_TIMER,
	IPI_RESCHEDULE,
	IPI_CALL_FUNC,
	IPI_CPU_STOP,
	NR_IPI,
};

/* A software-generated interrupt arrived (drivers/irqchip/irq-gic.c). */
void handle_IPI(int ipinr, unsigned int from);
/* The GIC sends SGI @ipinr to the CPUs in @mask (bit n = CPU interface n). */
void gic_raise_softirq(unsigned long mask, unsigned int ipinr);
/* Per-CPU GIC CPU interface and banked interrupt set-up. */
void gic_cpu_init(void);
/* Start the tick on the calling CPU (arch/arm/kernel/time.c). */
void local_timer_setup(void);

#endif /* _ASM_SMP_H */
