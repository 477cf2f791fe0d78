/*
 * kernel/sched.c: the single-task "scheduler" (see include/linux/sched.h):
 * the boot task, schedule() that has nothing to switch to, and the wake-up
 * side that later scheduling work keeps unchanged.
 */
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <kunit/private.h>

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.comm = "swapper/0",
};

/*
 * There is no other task, so there is nothing to run instead of current
 * and nobody who could wake it: blocking would hang for good. Return at
 * once; a sleeper sees, through schedule_was_woken(), that it was not
 * woken and must fail its wait instead of looping.
 */
void schedule(void)
{
	barrier();
}

/* A task in one of `state` becomes runnable; 1 if it was woken. */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	(void)wake_flags;
	if (!(READ_ONCE(p->state) & state))
		return 0;
	WRITE_ONCE(p->state, TASK_RUNNING);
	return 1;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

static unsigned long
	nr_might_sleep_reports; /* might_sleep_kunit_reports() for the tests */

#if CONFIG_DEBUG_ATOMIC_SLEEP && defined(__arm__)
/*
 * might_sleep() found an atomic context: Linux's report. irqs_disabled()
 * is printed as ARM Linux prints it, the CPSR I bit (128). Linux limits
 * the report to one a second; hikern prints each one, since its self-tests
 * provoke several in a row and each must be seen. Not while an oops is
 * being printed, as Linux.
 */
void __might_sleep_report(const char *file, int line)
{
	if (oops_in_progress)
		return;
	nr_might_sleep_reports++;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: 0, "
	       "name: %s\n",
	       in_atomic(), irqs_disabled(), current->comm);
	dump_stack();
}
#endif

#if IS_ENABLED(CONFIG_KUNIT)
unsigned long might_sleep_kunit_reports(void)
{
	return nr_might_sleep_reports;
}
EXPORT_SYMBOL_IF_KUNIT(might_sleep_kunit_reports);
#endif
