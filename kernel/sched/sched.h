/*
 * kernel/sched/sched.h: the scheduler's private state (Linux keeps its
 * struct rq here too). One runqueue per CPU, each under its own lock:
 * the runnable tasks waiting for that CPU in FIFO order (round-robin),
 * the task on the CPU, its idle task, and the sleepers with a timeout,
 * which that CPU's tick wakes. A task moves between runqueues only under
 * both locks (kernel/sched/core.c: move_task()).
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <asm/fixmap.h> /* NR_CPUS */
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

struct rq {
	spinlock_t lock;
	struct list_head queue;	 /* runnable tasks not on the CPU */
	unsigned int nr_running; /* queued + running, idle not counted */
	struct task_struct *curr;
	struct task_struct *idle;  /* from init_idle() */
	struct list_head timeouts; /* tasks in schedule_timeout() */
	unsigned long nr_switches; /* context switches so far */
	bool online;		   /* has an idle task: a placement target */
} __aligned(64);		   /* one line per CPU, and this_rq() a shift */

extern struct rq runqueues[NR_CPUS];

#define cpu_rq(cpu) (&runqueues[(cpu)])
#define this_rq() cpu_rq(smp_processor_id())
#define cpu_of(rq) ((unsigned int)((rq)-runqueues))

/* Live kernel threads (kernel/kthread.c keeps the count). */
extern unsigned int nr_kthreads;

/* A new task's memory and identity, with `extra` bytes after it. */
struct task_struct *sched_alloc_task(size_t extra);
/*
 * The CPU of @mask a task goes to: fewest runnable tasks, ties in turn;
 * NR_CPUS if none of @mask is online.
 */
unsigned int select_task_rq(const struct cpumask *mask);
void set_task_cpu(struct task_struct *p, unsigned int cpu);
/* The end of an exiting task: it never runs again. */
void __noreturn do_task_dead(void);

#endif /* _KERNEL_SCHED_SCHED_H */
