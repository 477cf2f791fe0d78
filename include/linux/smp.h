/*
 * SMP: the running CPU's number, the masks of CPUs that exist and that
 * run, and calls into other CPUs (Linux's linux/smp.h and the cpumask
 * basics, with NR_CPUS = 4 so a mask is one word).
 *
 * smp_processor_id() is a read of TPIDRPRW (asm/smp.h); callers keep
 * preemption off while they use it, which is what makes it stable.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <asm/smp.h>
#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/types.h>

#define raw_smp_processor_id() __arch_smp_processor_id()
#define smp_processor_id() raw_smp_processor_id()

/* Bit n: CPU n. possible = found at boot, online = running the kernel. */
extern unsigned long cpu_possible_bits, cpu_online_bits;

static inline bool cpu_online(unsigned int cpu)
{
	return cpu < NR_CPUS && (READ_ONCE(cpu_online_bits) >> cpu) & 1;
}

static inline bool cpu_possible(unsigned int cpu)
{
	return cpu < NR_CPUS && (cpu_possible_bits >> cpu) & 1;
}

static inline unsigned int num_online_cpus(void)
{
	return __builtin_popcountl(READ_ONCE(cpu_online_bits));
}

static inline unsigned int num_possible_cpus(void)
{
	return __builtin_popcountl(cpu_possible_bits);
}

#define for_each_possible_cpu(cpu)                \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++) \
		if (cpu_possible(cpu))
#define for_each_online_cpu(cpu)                  \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++) \
		if (cpu_online(cpu))

typedef void (*smp_call_func_t)(void *info);

/*
 * Run @func(@info) on every other online CPU (smp_call_function), on one
 * CPU (smp_call_function_single) or on every online CPU, this one
 * included, with interrupts off here (on_each_cpu). With @wait, return
 * only once each call has finished. Callers must have interrupts on
 * (another CPU may be waiting for us to answer its own call) and must not
 * be in an interrupt handler. Every wait is bounded: a CPU that does not
 * answer within a second is reported and counted in smp_call_timeouts.
 */
void smp_call_function(smp_call_func_t func, void *info, int wait);
int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
extern unsigned long smp_call_timeouts;

/* Ask the other CPUs to stop (panic); bounded wait for them. */
void smp_send_stop(void);
/* Ask @cpu to reschedule (IPI_RESCHEDULE -> scheduler_ipi()). */
void smp_send_reschedule(int cpu);

/* start_kernel(): bring up the secondary CPUs (arch/arm/kernel/smp.c). */
void smp_init(void);
/* maxcpus= (nosmp is maxcpus=0): how many CPUs smp_init() may run. */
extern unsigned int setup_max_cpus;

/* The boot CPU's own set-up: the secondaries mirror it. */
void smp_setup_processor_id(void);

#endif /* _LINUX_SMP_H */
