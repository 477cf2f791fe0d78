/*
 * ARM's part of SMP (Linux's asm/smp.h): the CPU number and the calls
 * between arch/arm/kernel/smp.c and the rest of the kernel.
 *
 * Each CPU writes its logical number into TPIDRPRW (the PL1-only
 * software thread ID register, banked per CPU) when it comes up
 * (boot/head.S for CPU 0, secondary_start_kernel() for the others), so
 * raw_smp_processor_id() is one mrc: no memory access and nothing shared,
 * which keeps the per-CPU fast paths (kmap_atomic) as cheap as on one
 * CPU. The asm reads a dummy stack operand so that GCC does not merge two
 * reads across a call or a barrier (a task may move between them once
 * there is a scheduler); within straight-line code it still may.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <linux/compiler.h>
#include <linux/types.h>

#ifdef __arm__
/* sp as a global register variable (Linux's current_stack_pointer). */
register unsigned long __smp_stack_pointer __asm__("sp");

static __always_inline unsigned int __arch_smp_processor_id(void)
{
	unsigned int cpu;

	__asm__("mrc p15, 0, %0, c13, c0, 4"
		: "=r"(cpu)
		: "Q"(*(const unsigned long *)__smp_stack_pointer));
	return cpu;
}

static inline void set_my_cpu_id(unsigned int cpu)
{
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 4" : : "r"(cpu));
}

/* MPIDR: the hardware CPU id (Aff0 = core in cluster, Aff1 = cluster). */
static inline u32 read_cpuid_mpidr(void)
{
	u32 mpidr;

	__asm__("mrc p15, 0, %0, c0, c0, 5" : "=r"(mpidr));
	return mpidr;
}
#else /* host unit tests: CPU 0 */
#define __arch_smp_processor_id() 0u
static inline void set_my_cpu_id(unsigned int cpu)
{
	(void)cpu;
}
#endif

#define MPIDR_HWID_BITMASK 0xffffff
#define MPIDR_AFFINITY_LEVEL(mpidr, level) (((mpidr) >> ((level)*8)) & 0xff)

struct task_struct;

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
