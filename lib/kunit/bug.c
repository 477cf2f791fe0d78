/*
 * lib/kunit/bug.c: kunit_expect_bug(), how a self-test proves a BUG()
 * really happened (Linux's KUnit has no such thing: there a BUG kills the
 * test thread; hikern has one thread, so the test takes the oops report
 * and resumes instead). do_undefinstr() (arch/arm/kernel/traps.c) prints
 * the oops and calls kunit_bug_catch(), which resumes here.
 *
 * Kept apart from kunit_expect_fault() on purpose: a case that expects a
 * data abort must not pass because the code BUG()ed instead, and the
 * reverse.
 */
#include <asm/ptrace.h>
#include <kunit/fault.h>
#include <kunit/test.h>
#include <linux/irq.h>
#include <linux/spinlock.h>
#include <setjmp.h>

static struct {
	jmp_buf resume;
	volatile bool armed;
	int irq_depth; /* hardirq_count when armed */
} bug_ctx;

bool kunit_bug_expected(void)
{
	return bug_ctx.armed && hardirq_count == bug_ctx.irq_depth;
}

static void kunit_bug_resume(void)
{
	longjmp(bug_ctx.resume, 1);
}

bool kunit_bug_catch(struct pt_regs *regs)
{
	if (!kunit_bug_expected())
		return false;
	bug_ctx.armed = false;
	/* Resume in ARM state, same mode, at the recovery stub. */
	regs->ARM_pc = (unsigned long)kunit_bug_resume;
	regs->ARM_cpsr &= ~PSR_T_BIT;
	return true;
}

bool kunit_expect_bug(void (*fn)(void *), void *arg)
{
	/* The interrupt mask fn may have left: given back on a BUG. */
	bool irqs_were_off = irqs_disabled();

	bug_ctx.irq_depth = hardirq_count;
	if (setjmp(bug_ctx.resume)) {
		barrier();
		if (!irqs_were_off)
			local_irq_enable();
		return true;
	}
	bug_ctx.armed = true;
	fn(arg);
	bug_ctx.armed = false;
	return false;
}
