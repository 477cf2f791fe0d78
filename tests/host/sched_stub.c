/*
 * The scheduler as the host build of mm/highmem.c sees it
 * (tests/host/pkmap.mk): one task, the boot task. A test that makes it
 * sleep names "the other task" with sched_stub_set_other(): schedule()
 * runs that function once, in place of a switch, and it must wake the
 * sleeper (say by a kunmap_high()). A schedule() that sleeps with no
 * other task set would never return in a real kernel: it fails the test
 * process at once instead of spinning.
 */
#include <linux/sched.h>
#include <stdio.h>
#include <stdlib.h>

#include "sched_stub.h"

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.comm = "swapper/0",
	.stack = &init_thread_union.thread_info,
};

union thread_union init_thread_union = {
	.thread_info = { .task = &init_task },
};

unsigned long nr_might_sleep_reports;

static void (*other_task)(void *);
static void *other_arg;
unsigned int sched_stub_switches;

void sched_stub_set_other(void (*fn)(void *), void *arg)
{
	other_task = fn;
	other_arg = arg;
}

void schedule(void)
{
	void (*fn)(void *) = other_task;

	if (READ_ONCE(current->state) == TASK_RUNNING)
		return; /* a yield: nobody else to run */
	if (!fn) {
		fprintf(stderr, "FAIL: schedule() sleeps with no other task "
				"to wake it (would hang)\n");
		abort();
	}
	other_task = NULL; /* runs once, as one switch */
	sched_stub_switches++;
	fn(other_arg);
	if (READ_ONCE(current->state) != TASK_RUNNING) {
		fprintf(stderr, "FAIL: the other task did not wake the "
				"sleeper (would hang)\n");
		abort();
	}
}

void preempt_schedule(void)
{
}

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
