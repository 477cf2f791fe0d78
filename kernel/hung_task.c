/*
 * kernel/hung_task.c: report tasks stuck in TASK_UNINTERRUPTIBLE, as
 * Linux's khungtaskd does. Linux runs the check in a kernel thread every
 * hung_task_timeout_secs; hikern runs it from CPU 0's tick once a second
 * (scheduler_tick), so it needs no thread of its own and also sees a boot
 * task that waits forever. A task is reported once per sleep, when it
 * has been off the CPU in TASK_UNINTERRUPTIBLE for longer than the
 * timeout: the INFO line, its task line and the backtrace of where it
 * sleeps. The boot task asleep with no other task to wake it (say a kmap
 * on a full pkmap window before any kernel thread exists) is reported
 * the same way, then the kernel panics: the boot could never finish.
 */
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>

/* Seconds; 0 turns the check off. hikern.hung_task_timeout_secs= */
unsigned long sysctl_hung_task_timeout_secs = 10;
unsigned long nr_hung_task_reports;

static int __init setup_hung_task_timeout(char *str)
{
	sysctl_hung_task_timeout_secs = simple_strtoull(str, NULL, 0);
	return 1;
}
__setup("hikern.hung_task_timeout_secs=", setup_hung_task_timeout);

static void check_hung_task(struct task_struct *t, unsigned long timeout)
{
	unsigned long slept = jiffies - READ_ONCE(t->sleep_start);

	/* nvcsw == 0: never ran (a new thread not yet woken). */
	if (READ_ONCE(t->state) != TASK_UNINTERRUPTIBLE ||
	    !READ_ONCE(t->blocked) || !t->nvcsw || t->hung_reported)
		return;
	if (slept <= timeout * HZ)
		return;
	t->hung_reported = true;
	nr_hung_task_reports++;
	pr_err("INFO: task %s:%d blocked for more than %lu seconds.\n", t->comm,
	       t->pid, slept / HZ);
	pr_err("      Not tainted\n");
	pr_err("\"hikern.hung_task_timeout_secs=0\" disables this "
	       "message.\n");
	sched_show_task(t);
	/*
	 * Linux would leave the boot task asleep for good; hikern must end:
	 * nothing but an interrupt handler could wake it, and the boot
	 * cannot finish. Linux's panic with hung_task_panic=1.
	 */
	if (sched_task_unwakeable(t)) {
		pr_emerg("hung_task: %s:%d is the only task and no timeout "
			 "is set: nothing can wake it\n",
			 t->comm, t->pid);
		panic("hung_task: blocked tasks");
	}
}

void check_hung_uninterruptible_tasks(void)
{
	unsigned long timeout = READ_ONCE(sysctl_hung_task_timeout_secs);
	struct task_struct *t;
	unsigned long flags;

	if (!timeout)
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks)
		check_hung_task(t, timeout);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
