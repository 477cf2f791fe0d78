/*
 * kernel/panic.c: panic(), BUG() and WARN(), with Linux's messages.
 *
 * A panic ends the QEMU run through semihosting with EXIT_PANIC, so a test
 * run never hangs on a dead kernel.
 */
#include <asm/semihosting.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include <linux/printk.h>
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
 * BUG(): Linux raises an undefined instruction and oopses from the trap;
 * we print the same header and take the same oops path via panic.
 */
void __noreturn __bug(const char *file, int line, const char *func)
{
	pr_crit("------------[ cut here ]------------\n");
	pr_crit("kernel BUG at %s:%d!\n", file, line);
	pr_crit("Internal error: BUG in %s()\n", func);
	panic("BUG at %s:%d", file, line);
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: 0 PID: 0 at %s:%d %s()\n", file, line, func);
	pr_warn("condition: %s\n", cond);
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}
