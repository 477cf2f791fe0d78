/*
 * kernel/panic.c: panic(), BUG() and WARN(), with Linux's messages.
 *
 * A panic ends the QEMU run through semihosting with EXIT_PANIC, so a test
 * run never hangs on a dead kernel.
 */
#include <asm/bug.h>
#include <asm/semihosting.h>
#include <asm/thread_info.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

int oops_in_progress;

void __noreturn panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;

	local_irq_disable();
	oops_in_progress++;
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (oops_in_progress == 1)
		dump_stack();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	semihosting_exit(EXIT_PANIC);
}

/*
 * BUG(): as Linux on ARM, print where, then execute BUG_INSTR (a
 * permanently undefined instruction); do_undefinstr() recognises it and
 * oopses with the registers of this point: "Internal error: Oops - BUG".
 */
void __noreturn __bug(const char *file, int line, const char *func)
{
	(void)func;
	pr_crit("------------[ cut here ]------------\n");
	pr_crit("kernel BUG at %s:%d!\n", file, line);
	arch_bug_trap();
	panic("BUG at %s:%d", file, line); /* not reached */
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %u PID: %d at %s:%d %s()\n", smp_processor_id(),
		current->pid, file, line, func);
	(void)cond;
	pr_warn("Modules linked in:\n");
	pr_warn("CPU: %u PID: %d Comm: %s Not tainted\n", smp_processor_id(),
		current->pid, current->comm);
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}
