/*
 * arch/arm/kernel/smp.c: secondary CPUs, IPIs and cross-CPU calls
 * (Linux's arch/arm/kernel/smp.c, psci_smp.c and mach-vexpress platsmp,
 * written for hikern; Documentation/arm/smp.md tells the story).
 *
 * smp_init() finds the CPUs (the device tree's /cpus, else the A9's SCU
 * or the A15's L2CTLR), then starts each in turn and waits, bounded, for
 * it to say it is online:
 *  - virt: PSCI CPU_ON through the /psci node's conduit (hvc or smc) and
 *    function id;
 *  - vexpress-a9/a15: the board's boot monitor (QEMU's SRAM loop) jumps
 *    to SYS_FLAGS once a GIC software interrupt wakes the CPU; on the A9
 *    the SCU is enabled first.
 * Every secondary enters at secondary_startup (head-smp.S) and continues
 * in secondary_start_kernel() on its idle task's stack.
 */
#include <asm/atomic.h>
#include <asm/cacheflush.h>
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/iomap.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/thread_info.h>
#include <asm/tlbflush.h>
#include <kunit/private.h>
#include <kunit/visibility.h>
#include <linux/bug.h>
#include <linux/cmdline.h>
#include <linux/cpu.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/of.h>
#include <linux/of_fdt.h>
#include <linux/spinlock.h>
#include <string.h>

extern struct boot_info boot_info;

/* Bounded waits: a CPU that does not answer is reported, never waited on. */
#define BOOT_TIMEOUT_NS 5000000000ULL
#define CALL_TIMEOUT_NS 2000000000ULL
#define STOP_TIMEOUT_NS 1000000000ULL

unsigned long cpu_possible_bits = 1, cpu_online_bits = 1;
unsigned int setup_max_cpus = NR_CPUS;
unsigned long smp_call_timeouts;
struct secondary_data secondary_data = { .mpidr = ~0u };

static u32 cpu_logical_map[NR_CPUS]; /* logical CPU -> MPIDR affinity */

/*
 * IRQ, abort and undefined-mode stacks, per CPU, as Linux's cpu_init()
 * sets them. entry-armv.S never uses them (SRS saves straight onto the
 * SVC stack), so three words each are plenty; they exist so that no
 * CPU runs with a banked sp pointing into another CPU's memory.
 */
struct mode_stack {
	u32 irq[3], abt[3], und[3];
};
static struct mode_stack mode_stacks[NR_CPUS];

/* How this board starts CPUs. */
enum smp_method { SMP_NONE, SMP_PSCI, SMP_SYSFLAGS };
static enum smp_method smp_method;
static bool psci_smc;
static u32 psci_cpu_on_fn;
static void __iomem *sysreg;

#define PSCI_0_2_FN_PSCI_VERSION 0x84000000
#define PSCI_0_2_FN_CPU_ON 0x84000003
#define SYS_FLAGSSET 0x30
#define SYS_FLAGSCLR 0x34
#define SCU_CTRL 0x00
#define SCU_CONFIG 0x04

/* Each secondary's idle task, its stack (thread_info at the base). */
static union thread_union secondary_stack[NR_CPUS - 1] __aligned(THREAD_SIZE);
static struct task_struct idle_task[NR_CPUS];

/* ---- command line ---- */

static int __init early_nosmp(char *p)
{
	(void)p;
	setup_max_cpus = 0;
	return 0;
}
early_param("nosmp", early_nosmp);

static int __init early_maxcpus(char *p)
{
	int n;

	if (get_option(&p, &n) != 1 || n < 0)
		return -1;
	setup_max_cpus = n;
	return 0;
}
early_param("maxcpus", early_maxcpus);

/* ---- masks ---- */

static void set_cpu_online(unsigned int cpu, bool online)
{
	unsigned long old, new;

	do {
		old = READ_ONCE(cpu_online_bits);
		new = online ? old | (1UL << cpu) : old & ~(1UL << cpu);
	} while (cmpxchg(&cpu_online_bits, old, new) != old);
}

static bool waited_too_long(u64 start, u64 limit)
{
	return local_clock() - start > limit;
}

/* ---- finding the CPUs ---- */

static bool cpu_is_a9(void)
{
	return ((read_cpuid_id() >> 4) & 0xfff) == 0xc09;
}

/* The A9's CBAR: PERIPHBASE[31:13], where its SCU is; 0 on a lone A9. */
static u32 read_cbar(void)
{
	u32 cbar;

	__asm__("mrc p15, 4, %0, c15, c0, 0" : "=r"(cbar));
	return cbar;
}

/* The A9 MPCore's SCU, at PERIPHBASE (CBAR). */
static void __iomem *scu_base(void)
{
	static void __iomem *scu;

	if (!scu)
		scu = iotable_map(read_cbar() & ~0xfffUL, 0x100);
	return scu;
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * smp_kunit_scu_cores - the cores a Cortex-A9's SCU counts, for the self-tests
 *
 * Lets a test check is_smp() against the hardware without trusting
 * boot/head.S's answer: the SCU configuration register, read through the
 * same mapping scu_enable() uses (scu_base()).
 *
 * Context: process context (may map the SCU on first use).
 * Return: (SCU configuration & 3) + 1; 0 if this CPU is not a Cortex-A9
 * or its CBAR is zero (no SCU: a uniprocessor A9).
 */
unsigned int smp_kunit_scu_cores(void)
{
	void __iomem *scu;

	if (!cpu_is_a9() || !(read_cbar() & ~0x1fffUL))
		return 0;
	scu = scu_base();
	return scu ? (readl(scu + SCU_CONFIG) & 3) + 1 : 0;
}
EXPORT_SYMBOL_IF_KUNIT(smp_kunit_scu_cores);
#endif

/*
 * Cores in the cluster, as the hardware says: the A9's SCU configuration
 * register, the A15's L2CTLR[25:24] (QEMU sets both from -smp). Read by
 * smp_init_cpus() from smp_patch_up(), before paging_init(): the SCU has no
 * mapping yet then, so its page goes into CPU 0's first kmap_atomic
 * fixmap slot for the one read, as Linux's early_ioremap() borrows the
 * kmap slots (ARM's FIX_BTMAP_END is FIX_KMAP_BEGIN): nothing kmaps
 * before paging_init().
 */
static unsigned int __init hw_nr_cores(void)
{
	u32 l2ctlr, config;

	if (cpu_is_a9()) {
		set_fixmap_io(FIX_KMAP_BEGIN, read_cbar() & PAGE_MASK);
		config = readl((void __iomem *)fix_to_virt(FIX_KMAP_BEGIN) +
			       SCU_CONFIG);
		clear_fixmap(FIX_KMAP_BEGIN);
		return (config & 3) + 1;
	}
	__asm__("mrc p15, 1, %0, c9, c0, 2" : "=r"(l2ctlr));
	return ((l2ctlr >> 24) & 3) + 1;
}

/* virt's way: the tree has /psci and its CPUs say so (or it lists none). */
static bool __init smp_uses_psci(const struct boot_info *bi)
{
	return bi->psci_method[0] && (bi->cpus_psci || !bi->nr_cpus);
}

/*
 * The logical map: the boot CPU is logical 0 whatever its MPIDR, the
 * others follow in /cpus order (Linux's arm_dt_init_cpu_maps()). A
 * vexpress tree lists the core tile's CPUs, which QEMU's -smp may not all
 * have made, and a CPU that is not there would cost a 5-second boot
 * timeout: as Linux's vexpress and Cortex-A9 platform code caps the
 * possible CPUs with the SCU's count, the cluster's count (hw_nr_cores())
 * leaves out the tree's CPUs beyond it, with one line saying so. A PSCI
 * board (virt) is taken at its tree's word: PSCI itself answers for a
 * CPU that does not exist (-EINVAL, at once).
 */
static void __init smp_init_cpus(const struct boot_info *bi)
{
	u32 boot = read_cpuid_mpidr() & MPIDR_HWID_BITMASK;
	unsigned int n = 1, i, count, left_out = 0;

	cpu_logical_map[0] = boot;
	if (bi->nr_cpus) {
		count = smp_uses_psci(bi) ? NR_CPUS : hw_nr_cores();
		for (i = 0; i < bi->nr_cpus && n < NR_CPUS; i++) {
			u32 mpidr = bi->cpu_mpidr[i] & MPIDR_HWID_BITMASK;

			if (mpidr == boot)
				continue;
			if (MPIDR_AFFINITY_LEVEL(mpidr, 0) >= count)
				left_out++;
			else
				cpu_logical_map[n++] = bi->cpu_mpidr[i];
		}
		if (left_out)
			pr_info("smp: the device tree lists %u CPUs, the %s "
				"counts %u in the cluster: %u left out\n",
				bi->nr_cpus, cpu_is_a9() ? "SCU" : "L2CTLR",
				count, left_out);
	} else {
		count = min(hw_nr_cores(), (unsigned int)NR_CPUS);
		for (i = 0; i < count; i++)
			if (i != (boot & 0xff))
				cpu_logical_map[n++] = (boot & ~0xffUL) | i;
	}
	cpu_possible_bits = (1UL << n) - 1;
}

/* Set once smp_patch_up() made the IRQs-off spinlocks uniprocessor. */
static bool smp_on_up;

/**
 * smp_patch_up - on a machine where one CPU can ever run, patch the
 * SMP-only instructions out (Linux's SMP_ON_UP fixup)
 * @bi: the boot information (the device tree's /cpus)
 *
 * One CPU possible: nosmp, maxcpus=0 or 1, a /cpus node with only the
 * boot CPU, or on a board without PSCI one core in the cluster (the SCU
 * or L2CTLR, read here: hw_nr_cores()). Then every PATCH_UP site
 * (asm/patch.h: the IRQs-off spinlocks' lock word) is skipped, and
 * smp_init() starts no other CPU.
 *
 * Context: setup_arch(), before paging_init() (the text is writable) and
 * long before smp_init().
 */
void __init smp_patch_up(const struct boot_info *bi)
{
	unsigned int n;

	smp_init_cpus(bi);
	if (setup_max_cpus > 1 && num_possible_cpus() > 1)
		return;
	smp_on_up = true;
	n = apply_patch_sites(PATCH_UP);
	pr_info("smp: one CPU possible: %u IRQs-off spinlock sites patched "
		"to skip the lock word\n",
		n);
}

static void __init smp_pick_method(const struct boot_info *bi)
{
	if (smp_uses_psci(bi)) {
		smp_method = SMP_PSCI;
		psci_smc = !strcmp(bi->psci_method, "smc");
		psci_cpu_on_fn =
			bi->psci_cpu_on ? bi->psci_cpu_on : PSCI_0_2_FN_CPU_ON;
	} else if (bi->sysreg_base) {
		smp_method = SMP_SYSFLAGS;
		sysreg = iotable_map((phys_addr_t)bi->sysreg_base, 0x1000);
		if (!sysreg)
			smp_method = SMP_NONE;
	} else if (PHYS_OFFSET == 0x40000000) {
		/* virt booted without its tree: QEMU's PSCI is hvc, 0.2 ids */
		smp_method = SMP_PSCI;
		psci_cpu_on_fn = PSCI_0_2_FN_CPU_ON;
	}
}

/* ---- starting one CPU ---- */

static int psci_call(u32 fn, u32 a1, u32 a2, u32 a3)
{
	register u32 r0 __asm__("r0") = fn;
	register u32 r1 __asm__("r1") = a1;
	register u32 r2 __asm__("r2") = a2;
	register u32 r3 __asm__("r3") = a3;

	if (psci_smc)
		__asm__ __volatile__(".arch_extension sec\n\tsmc #0"
				     : "+r"(r0)
				     : "r"(r1), "r"(r2), "r"(r3)
				     : "memory");
	else
		__asm__ __volatile__(".arch_extension virt\n\thvc #0"
				     : "+r"(r0)
				     : "r"(r1), "r"(r2), "r"(r3)
				     : "memory");
	return (int)r0;
}

/* PSCI's return codes as errnos, as Linux's psci_to_linux_errno(). */
#define PSCI_RET_SUCCESS 0
#define PSCI_RET_NOT_SUPPORTED -1
#define PSCI_RET_DENIED -3

static int psci_to_linux_errno(int ret)
{
	switch (ret) {
	case PSCI_RET_SUCCESS:
		return 0;
	case PSCI_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case PSCI_RET_DENIED:
		return -EPERM;
	default: /* INVALID_PARAMS, INVALID_ADDRESS and the rest */
		return -EINVAL;
	}
}

/* The GIC's CPU interface number is the MPIDR's Aff0 on these boards. */
static unsigned long cpu_gic_mask(unsigned int cpu)
{
	return 1UL << (cpu_logical_map[cpu] & 0xff);
}

static int boot_secondary(unsigned int cpu)
{
	u32 entry = (u32)__pa(secondary_startup);

	switch (smp_method) {
	case SMP_PSCI:
		return psci_to_linux_errno(psci_call(
			psci_cpu_on_fn, cpu_logical_map[cpu], entry, 0));
	case SMP_SYSFLAGS:
		writel(~0u, sysreg + SYS_FLAGSCLR);
		writel(entry, sysreg + SYS_FLAGSSET);
		gic_raise_softirq(cpu_gic_mask(cpu), IPI_WAKEUP);
		return 0;
	default:
		return -1;
	}
}

/*
 * The boot CPU's translation regime, for head-smp.S; the pen opens for
 * @cpu last, once everything else is in memory (the secondary reads it
 * with its caches off, hence the clean to the point of coherency).
 */
static void prepare_secondary_data(unsigned int cpu)
{
	struct secondary_data *sd = &secondary_data;
	struct thread_info *ti = &secondary_stack[cpu - 1].thread_info;
	struct task_struct *idle = &idle_task[cpu];

	/* init_idle() on the new CPU names it and queues it there. */
	idle->state = TASK_RUNNING;
	idle->stack = ti;
	ti->cpu = cpu;
	ti->task = idle;
	__asm__("mrc p15, 0, %0, c2, c0, 0" : "=r"(sd->ttbr0));
	__asm__("mrc p15, 0, %0, c2, c0, 2" : "=r"(sd->ttbcr));
	__asm__("mrc p15, 0, %0, c3, c0, 0" : "=r"(sd->dacr));
	__asm__("mrc p15, 0, %0, c1, c0, 0" : "=r"(sd->sctlr));
	sd->stack = (u32)&secondary_stack[cpu - 1] + THREAD_START_SP;
	sd->cpu = cpu;
	sd->task = idle;
	smp_wmb();
	WRITE_ONCE(sd->mpidr, cpu_logical_map[cpu]);
	__cpuc_flush_dcache_area(sd, sizeof(*sd));
	dsb(sy);
	sev();
}

static void close_pen(void)
{
	WRITE_ONCE(secondary_data.mpidr, ~0u);
	__cpuc_flush_dcache_area(&secondary_data, sizeof(secondary_data));
}

static bool __cpu_up(unsigned int cpu)
{
	u64 start;
	int ret;

	prepare_secondary_data(cpu);
	ret = boot_secondary(cpu);
	if (ret) {
		pr_err("CPU%u: failed to boot: %d\n", cpu, ret);
		close_pen();
		return false;
	}
	start = local_clock();
	while (!cpu_online(cpu)) {
		if (waited_too_long(start, BOOT_TIMEOUT_NS))
			break;
		cpu_relax();
	}
	close_pen();
	if (!cpu_online(cpu)) {
		pr_crit("CPU%u: failed to come online\n", cpu);
		return false;
	}
	return true;
}

/*
 * __turn_mmu_on runs at its physical address with the MMU going on, so
 * the section holding it is mapped 1:1 in swapper_pg_dir while CPUs come
 * up (boot/head.S had the same map; paging_init() dropped it). Below
 * PAGE_OFFSET on every board, where the kernel maps nothing else.
 */
static pmd_t *idmap_pmd(void)
{
	extern char __turn_mmu_on[];
	unsigned long pa = __pa(__turn_mmu_on);

	return (pmd_t *)pgd_offset_k(pa) + ((pa >> SECTION_SHIFT) & 1);
}

static void idmap_set(bool on)
{
	extern char __turn_mmu_on[];
	unsigned long pa = __pa(__turn_mmu_on) & ~(SECTION_SIZE - 1);
	pmd_t *pmd = idmap_pmd();

	/* head.S's own identity section: the boot type, shareable on SMP */
	*pmd = on ? pa | mem_types[MT_MEMORY_RWX].prot_sect : 0;
	__cpuc_flush_dcache_area(pmd, sizeof(*pmd));
	flush_tlb_all();
}

static void __init print_cpu_line(unsigned int cpu, u32 mpidr)
{
	pr_info("CPU%u: thread -1, cpu %u, socket %u, mpidr %08x\n", cpu,
		MPIDR_AFFINITY_LEVEL(mpidr, 0), MPIDR_AFFINITY_LEVEL(mpidr, 1),
		mpidr);
}

static void cpu_init(unsigned int cpu)
{
	struct mode_stack *s = &mode_stacks[cpu];
	unsigned long cpsr;

	/*
	 * Banked sp of IRQ (0x12), ABT (0x17) and UND (0x1b) modes, then back
	 * to SVC mode with the interrupt masks as they were.
	 */
	__asm__ __volatile__("mrs %0, cpsr" : "=r"(cpsr));
	__asm__ __volatile__("msr cpsr_c, %1\n\t"
			     "add sp, %0, %4\n\t"
			     "msr cpsr_c, %2\n\t"
			     "add sp, %0, %5\n\t"
			     "msr cpsr_c, %3\n\t"
			     "add sp, %0, %6\n\t"
			     "msr cpsr_c, %7"
			     :
			     : "r"(s), "I"(PSR_F_BIT | PSR_I_BIT | 0x12),
			       "I"(PSR_F_BIT | PSR_I_BIT | 0x17),
			       "I"(PSR_F_BIT | PSR_I_BIT | 0x1b),
			       "I"(sizeof(s->irq)),
			       "I"(sizeof(s->irq) + sizeof(s->abt)),
			       "I"(sizeof(*s)), "r"(cpsr)
			     : "memory", "cc");
}

/* The A9's Snoop Control Unit keeps the cores' L1s coherent: on first. */
static void __init scu_enable(void)
{
	void __iomem *scu = scu_base();
	u32 ctrl;

	if (!scu)
		return;
	ctrl = readl(scu + SCU_CTRL);
	if (!(ctrl & 1))
		writel(ctrl | 1, scu + SCU_CTRL);
}

static void __init smp_prepare_cpus(void)
{
	u32 actlr, v;

	if (cpu_is_a9())
		scu_enable();
	/* The boot CPU joins coherency too (ACTLR.SMP), as head-smp.S does. */
	__asm__("mrc p15, 0, %0, c1, c0, 1" : "=r"(actlr));
	if (!(actlr & (1 << 6)))
		__asm__ __volatile__("mcr p15, 0, %0, c1, c0, 1"
				     :
				     : "r"(actlr | (1 << 6)));
	if (smp_method == SMP_PSCI) {
		pr_info("psci: probing for conduit method from DT.\n");
		v = (u32)psci_call(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
		pr_info("psci: PSCIv%u.%u detected in firmware.\n", v >> 16,
			v & 0xffff);
	}
}

/**
 * smp_init - bring up the secondary CPUs
 *
 * Called once by start_kernel() with the tick running on CPU 0. Starts at
 * most setup_max_cpus - 1 secondaries (maxcpus=, nosmp) one at a time;
 * one that is not online within BOOT_TIMEOUT_NS is reported and skipped.
 */
void __init smp_init(void)
{
	const struct boot_info *bi = &boot_info;
	unsigned int cpu, n;

	/* The possible CPUs: smp_patch_up() found them (smp_init_cpus()). */
	smp_pick_method(bi);
	print_cpu_line(0, read_cpuid_mpidr());
	cpu_init(0);
	pr_info("smp: Bringing up secondary CPUs ...\n");
	if (num_possible_cpus() > 1 && setup_max_cpus > 1 &&
	    smp_method != SMP_NONE && !smp_on_up) {
		smp_prepare_cpus();
		idmap_set(true);
		for (cpu = 1; cpu < NR_CPUS; cpu++) {
			if (!cpu_possible(cpu))
				continue;
			if (num_online_cpus() >= setup_max_cpus)
				break;
			__cpu_up(cpu);
		}
		idmap_set(false);
	} else if (num_possible_cpus() > 1 && smp_method == SMP_NONE) {
		pr_warn("smp: no way to start the other CPUs on this board\n");
	}
	n = num_online_cpus();
	pr_info("smp: Brought up 1 node, %u CPU%s\n", n, n > 1 ? "s" : "");
}

/**
 * secondary_start_kernel - C entry of a secondary CPU
 *
 * On its idle task's stack, MMU on (head-smp.S). Sets up what is per CPU
 * (TPIDRPRW, mode stacks, vectors, GIC CPU interface, tick), says so, and
 * becomes the CPU's idle task. Never returns.
 */
void __noreturn secondary_start_kernel(void)
{
	unsigned int cpu = READ_ONCE(secondary_data.cpu);
	struct task_struct *idle = secondary_data.task;

	/* The vectors are the high page: SCTLR.V came from the boot CPU. */
	set_my_cpu_id(cpu);
	cpu_init(cpu);
	local_flush_tlb_all();
	gic_cpu_init();
	local_timer_setup();
	print_cpu_line(cpu, read_cpuid_mpidr());
	smp_wmb();
	set_cpu_online(cpu, true);
	init_idle(idle, cpu);
	cpu_startup_entry();
}

/* ---- IPIs ---- */

struct call_single_data {
	smp_call_func_t func;
	void *info;
	atomic_t busy; /* 1 from the sender's fill to the target's finish */
};

/*
 * One slot per (sender, target) pair: a sender (preemption off) owns its
 * row, so no lock is needed and no two calls ever share a slot.
 */
static struct call_single_data csd[NR_CPUS][NR_CPUS];

static bool csd_wait(struct call_single_data *c, int to)
{
	u64 start = local_clock();

	while (atomic_read(&c->busy)) {
		if (waited_too_long(start, CALL_TIMEOUT_NS)) {
			smp_call_timeouts++;
			pr_err("smp: CPU%d did not answer a function call "
			       "within %llu ms\n",
			       to, CALL_TIMEOUT_NS / 1000000);
			return false;
		}
		cpu_relax();
	}
	smp_mb();
	return true;
}

static int send_call(int to, smp_call_func_t func, void *info)
{
	struct call_single_data *c = &csd[smp_processor_id()][to];

	if (!csd_wait(c, to)) /* the previous call still runs there */
		return -1;
	c->func = func;
	c->info = info;
	smp_wmb();
	atomic_set(&c->busy, 1);
	gic_raise_softirq(cpu_gic_mask(to), IPI_CALL_FUNC);
	return 0;
}

static void call_function_interrupt(unsigned int me)
{
	for (unsigned int from = 0; from < NR_CPUS; from++) {
		struct call_single_data *c = &csd[from][me];

		if (!atomic_read(&c->busy))
			continue;
		smp_rmb();
		c->func(c->info);
		smp_mb();
		atomic_set(&c->busy, 0);
	}
}

static bool call_context_ok(void)
{
	/* With IRQs off we could not answer a call made to us meanwhile. */
	return !WARN_ON_ONCE(irqs_disabled() || in_interrupt());
}

void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	unsigned int me, cpu;

	if (!call_context_ok())
		return;
	preempt_disable();
	me = smp_processor_id();
	for_each_online_cpu(cpu) if (cpu != me) send_call(cpu, func, info);
	if (wait)
		for_each_online_cpu(cpu) if (cpu != me)
			csd_wait(&csd[me][cpu], cpu);
	preempt_enable();
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     int wait)
{
	unsigned long flags;
	int ret = 0;

	if (!call_context_ok())
		return -22; /* -EINVAL */
	preempt_disable();
	if ((unsigned int)cpu == smp_processor_id()) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	} else if (!cpu_online(cpu)) {
		ret = -6; /* -ENXIO, as Linux */
	} else if (send_call(cpu, func, info) ||
		   (wait && !csd_wait(&csd[smp_processor_id()][cpu], cpu))) {
		ret = -110; /* -ETIMEDOUT */
	}
	preempt_enable();
	return ret;
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function(func, info, wait);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}

void smp_send_reschedule(int cpu)
{
	gic_raise_softirq(cpu_gic_mask(cpu), IPI_RESCHEDULE);
}

/* IPI_CPU_STOP: leave the online mask and sleep with interrupts off. */
static void __noreturn ipi_cpu_stop(unsigned int cpu)
{
	pr_crit("CPU%u: stopping\n", cpu);
	set_cpu_online(cpu, false);
	local_irq_disable();
	for (;;)
		__asm__ __volatile__("wfi");
}

void smp_send_stop(void)
{
	unsigned int me = smp_processor_id(), cpu;
	unsigned long mask = 0;
	u64 start;

	for_each_online_cpu(cpu) if (cpu != me) mask |= cpu_gic_mask(cpu);
	if (!mask)
		return;
	gic_raise_softirq(mask, IPI_CPU_STOP);
	start = local_clock();
	while (num_online_cpus() > 1 &&
	       !waited_too_long(start, STOP_TIMEOUT_NS))
		cpu_relax();
	if (num_online_cpus() > 1)
		pr_warn("SMP: failed to stop secondary CPUs\n");
}

void handle_IPI(int ipinr, unsigned int from)
{
	unsigned int me = smp_processor_id();

	(void)from;
	switch (ipinr) {
	case IPI_WAKEUP: /* left pending by the vexpress boot monitor */
		break;
	case IPI_RESCHEDULE:
		scheduler_ipi();
		break;
	case IPI_CALL_FUNC:
		call_function_interrupt(me);
		break;
	case IPI_CPU_STOP:
		ipi_cpu_stop(me);
	default:
		pr_crit("CPU%u: Unknown IPI message 0x%x\n", me, ipinr);
		break;
	}
}

/* ---- device tree: the enable methods ---- */

/* /psci: the conduit and CPU_ON's id (PSCI 0.1 gives it; 0.2+ fixes it). */
static bool __init psci_of_scan(const struct of_scan *sc, struct boot_info *bi)
{
	int len;
	const char *method = of_scan_get_prop(sc, "method", &len);
	const __be32 *on = of_scan_get_prop(sc, "cpu_on", &len);

	if (method && len >= 4 &&
	    (!strcmp(method, "hvc") || !strcmp(method, "smc")))
		strcpy(bi->psci_method, method);
	else
		boot_info_error(bi, "DTB: %s: no method (hvc or smc)",
				of_scan_node_name(sc));
	bi->psci_cpu_on = on && len == 4 ? be32_to_cpup(on) : 0;
	return true;
}
SMP_OF_DECLARE(psci_1_0, "arm,psci-1.0", psci_of_scan);
SMP_OF_DECLARE(psci_0_2, "arm,psci-0.2", psci_of_scan);
SMP_OF_DECLARE(psci, "arm,psci", psci_of_scan);

/* The vexpress motherboard's system registers (SYS_FLAGS). */
static bool __init sysreg_of_scan(const struct of_scan *sc,
				  struct boot_info *bi)
{
	u64 base, size;

	if (of_scan_reg(sc, 0, &base, &size))
		bi->sysreg_base = base;
	return true;
}
SMP_OF_DECLARE(vexpress_sysreg, "arm,vexpress-sysreg", sysreg_of_scan);
