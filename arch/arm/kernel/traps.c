/*
 * arch/arm/kernel/traps.c: oops reports (registers, backtrace), undefined
 * instructions and unexpected exceptions, in Linux's formats.
 *
 * Backtraces follow APCS frames (the kernel is built with -mapcs-frame, as
 * Linux's frame-pointer unwinder expects): fp points at the saved pc, with
 * the saved lr at fp-4, sp at fp-8 and the caller's fp at fp-12.
 */
#include <asm/bug.h>
#include <asm/ptrace.h>
#include <asm/thread_info.h>
#include <kunit/fault.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/irq.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>

static const char *const processor_modes[] = {
	[0x10] = "USER_32", [0x11] = "FIQ_32", [0x12] = "IRQ_32",
	[0x13] = "SVC_32",  [0x16] = "MON_32", [0x17] = "ABT_32",
	[0x1a] = "HYP_32",  [0x1b] = "UND_32", [0x1f] = "SYS_32",
};

/* fp inside the task stack that starts at low (its thread_info). */
static bool on_stack(unsigned long low, unsigned long fp)
{
	return fp >= low + 12 && fp < low + THREAD_SIZE && !(fp & 3);
}

/*
 * Linux's dump_backtrace over frame pointers, from pc/fp, on the stack of
 * the task whose thread_info is ti.
 */
static void dump_backtrace_ti(unsigned long pc, unsigned long fp,
			      struct thread_info *ti)
{
	unsigned long low = (unsigned long)ti;

	pr_emerg("Backtrace:\n");
	for (int depth = 0; depth < 32 && on_stack(low, fp); depth++) {
		unsigned long lr = *(unsigned long *)(fp - 4);
		unsigned long next = *(unsigned long *)(fp - 12);

		pr_emerg("[<%08lx>] (%ps) from [<%08lx>] (%pS)\n", pc,
			 (void *)pc, lr, (void *)lr);
		if (next <= fp)
			break; /* frames grow upward as we unwind */
		pc = lr;
		fp = next;
	}
}

static void dump_backtrace(unsigned long pc, unsigned long fp)
{
	dump_backtrace_ti(pc, fp, current_thread_info());
}

/*
 * The backtrace of a task that is off the CPU, from the registers
 * __switch_to() saved: it starts in __schedule().
 */
void show_stack(struct task_struct *p)
{
	struct thread_info *ti = task_thread_info(p);

	dump_backtrace_ti(ti->cpu_context.pc, ti->cpu_context.fp, ti);
}

void dump_stack(void)
{
	unsigned long fp;

	__asm__("mov %0, fp" : "=r"(fp));
	dump_backtrace((unsigned long)dump_stack, fp);
}

void show_regs(struct pt_regs *regs)
{
	unsigned long flags = regs->ARM_cpsr;
	unsigned long sctlr, ttbr0, dacr;
	const char *mode = processor_modes[flags & MODE_MASK];

	__asm__("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
	__asm__("mrc p15, 0, %0, c2, c0, 0" : "=r"(ttbr0));
	__asm__("mrc p15, 0, %0, c3, c0, 0" : "=r"(dacr));
	pr_emerg("PC is at %pS\n", (void *)regs->ARM_pc);
	pr_emerg("LR is at %pS\n", (void *)regs->ARM_lr);
	pr_emerg("pc : [<%08lx>]    lr : [<%08lx>]    psr: %08lx\n",
		 regs->ARM_pc, regs->ARM_lr, flags);
	pr_emerg("sp : %08lx  ip : %08lx  fp : %08lx\n", regs->ARM_sp,
		 regs->ARM_ip, regs->ARM_fp);
	pr_emerg("r10: %08lx  r9 : %08lx  r8 : %08lx\n", regs->uregs[10],
		 regs->uregs[9], regs->uregs[8]);
	pr_emerg("r7 : %08lx  r6 : %08lx  r5 : %08lx  r4 : %08lx\n",
		 regs->uregs[7], regs->uregs[6], regs->uregs[5],
		 regs->uregs[4]);
	pr_emerg("r3 : %08lx  r2 : %08lx  r1 : %08lx  r0 : %08lx\n",
		 regs->uregs[3], regs->uregs[2], regs->uregs[1],
		 regs->uregs[0]);
	pr_emerg("Flags: %c%c%c%c  IRQs o%s  FIQs o%s  Mode %s  ISA %s  "
		 "Segment kernel\n",
		 flags & (1UL << 31) ? 'N' : 'n', flags & (1 << 30) ? 'Z' : 'z',
		 flags & (1 << 29) ? 'C' : 'c', flags & (1 << 28) ? 'V' : 'v',
		 flags & PSR_I_BIT ? "ff" : "n", flags & PSR_F_BIT ? "ff" : "n",
		 mode ? mode : "???", flags & PSR_T_BIT ? "Thumb" : "ARM");
	pr_emerg("Control: %08lx  Table: %08lx  DAC: %08lx\n", sctlr, ttbr0,
		 dacr);
}

/* The oops report itself (Linux's __die): header, registers, backtrace. */
static void __die(const char *str, struct pt_regs *regs, unsigned long err)
{
	static int die_counter;

	pr_emerg("Internal error: %s: %lx [#%d] ARM\n", str, err,
		 ++die_counter);
	print_modules();
	pr_emerg("CPU: %u PID: %d Comm: %s %s\n", smp_processor_id(),
		 current->pid, current->comm, print_tainted());
	show_regs(regs);
	dump_backtrace(regs->ARM_pc, regs->ARM_fp);
}

void __noreturn die(const char *str, struct pt_regs *regs, unsigned long err)
{
	oops_in_progress++;
	__die(str, regs, err);
	/* As Linux's die(): an oops in a handler says where it happened. */
	if (in_interrupt())
		panic("Fatal exception in interrupt");
	panic("Fatal exception");
}

/*
 * A BUG() a self-test provoked on purpose (kunit_expect_bug()) gets the
 * whole oops report, as Linux prints it, and then the test's context back
 * instead of the panic: the report is what the test is about.
 */
static bool expected_bug(struct pt_regs *regs)
{
	if (!kunit_bug_expected())
		return false;
	oops_in_progress++;
	__die("Oops - BUG", regs, 0);
	oops_in_progress--;
	return kunit_bug_catch(regs);
}

void do_undefinstr(struct pt_regs *regs)
{
	/*
	 * BUG() is never an expected fault for kunit_expect_fault(): it
	 * always oopses, and only kunit_expect_bug() survives it.
	 */
	if (*(u32 *)regs->ARM_pc == BUG_INSTR_VALUE) {
		if (expected_bug(regs))
			return;
		die("Oops - BUG", regs, 0);
	}
	if (kunit_fault_catch(regs, regs->ARM_pc, 0, KUNIT_FAULT_UNDEF))
		return;
	die("Oops - undefined instruction", regs, 0);
}

void bad_mode(struct pt_regs *regs)
{
	pr_crit("Bad mode in exception handler detected\n");
	die("Oops - bad mode", regs, 0);
}
