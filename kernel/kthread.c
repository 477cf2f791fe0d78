/*
 * kernel/kthread.c: kernel threads, see include/linux/kthread.h.
 *
 * Linux creates kernel threads through kthreadd; hikern creates them
 * directly: sched_alloc_task() gives the task its stack and first frame,
 * and the thread starts in kthread() below, which calls the function
 * and exits with its result.
 */
#include <asm/processor.h>
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <stdarg.h>

#include "sched/sched.h"

#define EINTR 4

/* The kthread part of a task, in its stack block after the task_struct. */
struct kthread {
	int (*threadfn)(void *data);
	void *data;
	bool should_stop;
	int result;
	struct completion exited;
};

static struct kthread *to_kthread(struct task_struct *p)
{
	return p->kthread;
}

/* The first function of every kernel thread (from ret_from_fork). */
static int kthread(void *arg)
{
	struct kthread *self = arg;
	int ret = -EINTR;

	if (!READ_ONCE(self->should_stop))
		ret = self->threadfn(self->data);
	kthread_exit(ret);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct task_struct *p;
	struct kthread *k;
	unsigned long flags;
	va_list args;

	might_sleep();
	p = sched_alloc_task(sizeof(*k));
	if (!p)
		return NULL;
	k = (struct kthread *)(p + 1);
	k->threadfn = threadfn;
	k->data = data;
	init_completion(&k->exited);
	p->kthread = k;
	p->flags |= PF_KTHREAD;
	va_start(args, namefmt);
	vsnprintf(p->comm, sizeof(p->comm), namefmt, args);
	va_end(args);
	copy_thread(p, kthread, k);
	spin_lock_irqsave(&tasklist_lock, flags);
	nr_kthreads++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

void kthread_bind(struct task_struct *p, unsigned int cpu)
{
	if (WARN_ON(!p->blocked || p->nvcsw || cpu >= NR_CPUS))
		return;
	/* Not woken yet: no runqueue holds it, nobody else moves it. */
	set_task_cpu(p, cpu);
	p->cpus_mask = *cpumask_of(cpu);
	p->flags |= PF_NO_SETAFFINITY;
}

bool kthread_should_stop(void)
{
	struct kthread *k = to_kthread(current);

	return k && READ_ONCE(k->should_stop);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);
	int ret;

	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	/*
	 * The thread completed with preemption off and is at most a few
	 * instructions from its last switch, after which its CPU drops the
	 * thread's own reference. Wait for that, so that the stack is free
	 * when kthread_stop() returns (on another CPU this is a short spin;
	 * on this one it has already happened). Nobody else may hold a
	 * reference by then (get_task_struct()).
	 */
	while (READ_ONCE(k->usage) > 1)
		cpu_relax();
	put_task_struct(k);
	return ret;
}

/*
 * Leave the task list, tell kthread_stop() the result and switch away
 * for good, with preemption off so that no other task runs between the
 * completion and the last switch (the stack is freed after it).
 */
void __noreturn kthread_exit(int result)
{
	struct task_struct *p = current;
	struct kthread *k = to_kthread(p);
	unsigned long flags;

	preempt_disable();
	p->flags |= PF_EXITING;
	k->result = result;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	nr_kthreads--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	complete(&k->exited);
	do_task_dead();
}
