/*
 * kernel/panic.c: panic(), BUG() and WARN(), with Linux's messages.
 *
 * A panic ends the QEMU run through semihosting with EXIT_PANIC, so a test
 * run never hangs on a dead kernel.
 */
#include <asm/semihosting.h>
#include <asm/atomic.h>
#include <asm/thread_info.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

int oops_in_progress;
/* The CPU that panics first, -1 until one does (as Linux). */
static atomic_t panic_cpu = ATOMIC_INIT(-1);

void __noreturn panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;

	unsigned int cpu = smp_processor_id();

	local_irq_disable();
	/*
	 * One CPU panics; a second one to get here waits (interrupts off)
	 * for the first to end the run. It cannot wait for ever: the first
	 * ends QEMU after at most smp_send_stop()'s bounded wait.
	 */
	if (atomic_cmpxchg(&panic_cpu, -1, (int)cpu) != -1 &&
	    atomic_read(&panic_cpu) != (int)cpu)
		for (;;)
			__asm__ __volatile__("wfi");
	oops_in_progress++;
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (oops_in_progress == 1)
		dump_stack();
	smp_send_stop();
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
	__asm__ __volatile__(".inst " __stringify(BUG_INSTR_VALUE));
	panic("BUG at %s:%d", file, line); /* not reached */
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %u PID: 0 at %s:%d %s()\n", smp_processor_id(),
		file, line, func);
	(void)cond;
	pr_warn("Modules linked in:\n");
	pr_warn("CPU: %u PID: 0 Comm: %s Not tainted\n", smp_processor_id(),
		current_thread_info()->comm);
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}
