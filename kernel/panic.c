/*
 * kernel/panic.c: panic(), BUG() and WARN(), with Linux's messages.
 *
 * A panic ends the QEMU run through semihosting with EXIT_PANIC, so a test
 * run never hangs on a dead kernel.
 */
#include <asm/bug.h>
#include <asm/semihosting.h>
#include <asm/atomic.h>
#include <asm/thread_info.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <string.h>

int oops_in_progress;
/* The CPU that panics first, -1 until one does (as Linux). */
static atomic_t panic_cpu = ATOMIC_INIT(-1);

static unsigned long tainted_mask;

/* Linux's taint_flags[]: the letter when set, when clear. */
static const struct {
	char c_true, c_false;
} taint_flags[] = {
	{ 'P', 'G' }, { 'F', ' ' }, { 'S', ' ' }, { 'R', ' ' }, { 'M', ' ' },
	{ 'B', ' ' }, { 'U', ' ' }, { 'D', ' ' }, { 'A', ' ' }, { 'W', ' ' },
	{ 'C', ' ' }, { 'I', ' ' }, { 'O', ' ' }, { 'E', ' ' }, { 'L', ' ' },
	{ 'K', ' ' }, { 'X', ' ' }, { 'T', ' ' },
};

void add_taint(unsigned int flag)
{
	tainted_mask |= 1UL << flag;
}

bool test_taint(unsigned int flag)
{
	return tainted_mask & (1UL << flag);
}

const char *print_tainted(void)
{
	static char buf[ARRAY_SIZE(taint_flags) + sizeof("Tainted: ")];
	char *s = buf + sizeof("Tainted: ") - 1;

	if (!tainted_mask)
		return "Not tainted";
	memcpy(buf, "Tainted: ", sizeof("Tainted: ") - 1);
	for (unsigned int i = 0; i < ARRAY_SIZE(taint_flags); i++)
		*s++ = test_taint(i) ? taint_flags[i].c_true :
				       taint_flags[i].c_false;
	*s = '\0';
	return buf;
}

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
	arch_bug_trap();
	panic("BUG at %s:%d", file, line); /* not reached */
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %u PID: %d at %s:%d %s()\n", smp_processor_id(),
		current->pid, file, line, func);
	(void)cond;
	print_modules();
	pr_warn("CPU: %u PID: %d Comm: %s %s\n", smp_processor_id(),
		current->pid, current->comm, print_tainted());
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}
