/*
 * Tasks and the scheduler (kernel/sched/core.c), with Linux's names.
 *
 * A task is a struct task_struct plus an 8 KB stack whose bottom holds its
 * thread_info (asm/thread_info.h); `current` is the running task, found
 * from sp. The boot task, init_task ("swapper/0", pid 0), runs
 * start_kernel() and the self-tests and then becomes CPU 0's idle task
 * (cpu_startup_entry()); kernel threads (linux/kthread.h) get pids 1, 2, ...
 *
 * Each CPU has a runqueue (struct rq, kernel/sched/core.c) of runnable
 * tasks served round-robin with a time slice of RR_TIMESLICE ticks; the
 * tick preempts a task whose slice is used up when another one waits.
 * A task stays on its CPU unless someone narrows the CPUs it may use
 * (set_cpus_allowed_ptr()); migrate_disable() holds such a move off.
 * A task that must wait does it the Linux way (see linux/wait.h):
 *
 *	DECLARE_WAITQUEUE(wait, current);
 *	__set_current_state(TASK_UNINTERRUPTIBLE);
 *	add_wait_queue(&wq, &wait);
 *	...drop locks...
 *	schedule();
 *	remove_wait_queue(&wq, &wait);
 *
 * and a waker calls wake_up(&wq), which makes the task TASK_RUNNING and
 * queues it again. As in Linux, nothing ends such a sleep but a wake-up.
 * The boot task sleeping while no kernel thread exists waits on its own
 * stack in wfi (kernel/sched/core.c); if no interrupt handler wakes it,
 * the hung-task check (kernel/hung_task.c) reports it and panics, so a
 * boot that can never finish ends with a message.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <asm/thread_info.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>

#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_DEAD 0x0080
/* The states wake_up() ends. */
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->flags */
#define PF_IDLE 0x00000002	     /* running cpu_startup_entry() */
#define PF_EXITING 0x00000004	     /* in do_exit() */
#define PF_KTHREAD 0x00200000	     /* a kernel thread */
#define PF_NO_SETAFFINITY 0x04000000 /* kthread_bind(), idle: CPU fixed */

#define TASK_COMM_LEN 16
/* Round-robin time slice, in ticks (50 ms at HZ = 100). */
#define RR_TIMESLICE 5
#define MAX_SCHEDULE_TIMEOUT 0x7fffffffL

struct kthread;

/*
 * The most kmap_local_page() maps one task may hold at once (Linux's
 * KM_MAX_IDX): they share the CPU's KM_TYPE_NR kmap_atomic slots.
 */
#define KMAP_LOCAL_MAX 16

/*
 * A task's kmap_local_page() maps (mm/kmap_local.c), Linux's struct
 * kmap_ctrl: map i sits in slot i of the CPU's kmap_atomic slot stack,
 * and pteval[i] is the PTE it installed there, so the scheduler can clear
 * the slots when the task leaves the CPU and write them again when it
 * comes back. cpu: whose slots they are (each map holds a
 * migrate_disable(), so the task stays on that CPU while it has any).
 */
struct kmap_ctrl {
	int idx; /* maps held */
	unsigned int cpu;
	unsigned long pteval[KMAP_LOCAL_MAX];
};

struct task_struct {
	volatile long state; /* TASK_*; written by the task and its wakers */
	unsigned int flags;  /* PF_* */
	int pid;
	unsigned int cpu; /* whose runqueue the task is on */
	/*
	 * Where it may run (set_cpus_allowed_ptr(), kthread_bind()); every
	 * CPU by default. migration_disabled: migrate_disable() depth,
	 * written by the task alone. migration_pending: it is on a CPU its
	 * mask excludes and leaves at its next switch-out with
	 * migration_disabled at 0 (under its runqueue's lock).
	 */
	struct cpumask cpus_mask;
	int migration_disabled;
	bool migration_pending;
	struct thread_info *stack; /* its stack (thread_info at the bottom) */
	char comm[TASK_COMM_LEN];

	/* Runqueue state, under the runqueue's lock. */
	struct list_head run_list; /* on rq->queue while on_rq */
	bool on_rq;
	bool blocked;		   /* left the CPU in a sleeping state */
	int time_slice;		   /* ticks left before preemption */
	unsigned long nvcsw;	   /* times switched in */
	unsigned long sleep_start; /* jiffies when it last blocked */
	bool hung_reported;	   /* this sleep was reported (hung_task.c) */
	struct list_head timeout_list; /* on rq->timeouts while sleeping */
	unsigned long timeout_expires; /* with a timeout */
	bool timeout_pending;

	struct list_head tasks;	 /* every task, under tasklist_lock */
	int usage;		 /* references; the last put frees the stack */
	struct kthread *kthread; /* kernel/kthread.c's part, or NULL */
	struct kmap_ctrl kmap_ctrl; /* kmap_local_page() maps held */
};

extern struct task_struct init_task;
/* Protects the task list, pids and task references. */
extern spinlock_t tasklist_lock;
extern struct list_head task_list;

static inline struct task_struct *get_current(void)
{
	return current_thread_info()->task;
}
#define current get_current()

static inline struct thread_info *task_thread_info(struct task_struct *p)
{
	return p->stack;
}

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return p->cpu;
}

static inline bool is_idle_task(const struct task_struct *p)
{
	return p->pid == 0;
}

#define __set_current_state(s) WRITE_ONCE(current->state, (s))
#define set_current_state(s)            \
	do {                            \
		__set_current_state(s); \
		barrier();              \
	} while (0)

static inline void set_tsk_need_resched(struct task_struct *p)
{
	task_thread_info(p)->flags |= _TIF_NEED_RESCHED;
}

static inline void clear_tsk_need_resched(struct task_struct *p)
{
	task_thread_info(p)->flags &= ~_TIF_NEED_RESCHED;
}

static inline bool need_resched(void)
{
	return unlikely(READ_ONCE(current_thread_info()->flags) &
			_TIF_NEED_RESCHED);
}

/* Give up the CPU until woken; see the top of this file. */
void schedule(void);
/* Let the other runnable tasks of this CPU run first (stays runnable). */
void yield(void);
/*
 * Sleep in the state the caller set until woken or `timeout` ticks pass;
 * returns the ticks left (0: timed out). MAX_SCHEDULE_TIMEOUT: no limit.
 */
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);

/**
 * set_cpus_allowed_ptr - change the CPUs a task may run on
 * @p: the task
 * @new_mask: the CPUs; at least one must be online
 *
 * Records @new_mask in @p->cpus_mask and, if @p's CPU is not in it, moves
 * @p to the allowed online CPU with the fewest runnable tasks. A task
 * that is queued or asleep moves at once, under both runqueue locks. A
 * task running on a CPU is pushed off it at its next switch-out: its CPU
 * is asked to reschedule (TIF_NEED_RESCHED, and the reschedule IPI if it
 * is another CPU). A task inside migrate_disable() moves when its
 * migrate_enable() brings the count back to 0.
 *
 * Unlike Linux, which waits on a completion until the move is done, this
 * does not wait for a task running elsewhere or with migration disabled:
 * it returns once the move is asked for (task_cpu(@p) changes when it
 * happens). Called on current, it does wait: current is rescheduled
 * before the call returns, on an allowed CPU, unless preemption or
 * migration is disabled.
 *
 * Context: process context, or any context for a task other than current.
 * Return: 0, or -EINVAL if @new_mask has no online CPU or @p may not be
 * moved (PF_NO_SETAFFINITY: kthread_bind()'s threads and the idle tasks;
 * Linux applies that check to sched_setaffinity(), hikern, without user
 * space, to every caller).
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask);

/*
 * The slow half of migrate_enable(): the count reached 0 with a move
 * pending (kernel/sched/core.c).
 */
void __migrate_enable(void);

/**
 * migrate_disable - keep the calling task on this CPU
 *
 * Until the matching migrate_enable(), set_cpus_allowed_ptr() does not
 * move the task (the move is kept pending); unlike preempt_disable(), the
 * task can still be preempted and sleep, and comes back on this CPU.
 * kmap_local_page() takes one per map: the map is a slot of this CPU.
 * Calls nest (a count in the task, as Linux).
 *
 * Context: any; in an interrupt handler it counts for the interrupted
 * task, and must be undone before the handler returns.
 */
static __always_inline void migrate_disable(void)
{
	get_current()->migration_disabled++;
	barrier();
}

/**
 * migrate_enable - undo migrate_disable()
 *
 * When the count reaches 0 and a move was asked for meanwhile, the task
 * reschedules itself and is pushed to an allowed CPU before this returns
 * (where it cannot switch, with preemption off or in an interrupt
 * handler: at the next preempt_enable() or interrupt return). A task
 * without a pending move pays the decrement and one test.
 *
 * Context: the context of the matching migrate_disable(). An unmatched
 * call is a WARNING in the debug build.
 */
static __always_inline void migrate_enable(void)
{
	struct task_struct *p = get_current();

	barrier();
#if CONFIG_DEBUG
	if (WARN_ON(p->migration_disabled <= 0))
		return;
#endif
	if (!--p->migration_disabled &&
	    unlikely(READ_ONCE(p->migration_pending)))
		__migrate_enable();
}

/* Make p runnable if it sleeps in one of `state`; 1 if it was woken. */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
int wake_up_process(struct task_struct *p);

/* References to a task; the last put frees a kernel thread's stack. */
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);
/**
 * find_get_task_by_vpid - the kernel thread with a pid, referenced
 * @pid: its pid (kernel threads count from 1)
 *
 * Context: any context; takes tasklist_lock with IRQs off.
 * Return: the task with a reference the caller drops with
 * put_task_struct(), or NULL if none has @pid or it is exiting. pid 0
 * (the idle tasks, one per CPU) finds none.
 */
struct task_struct *find_get_task_by_vpid(int pid);

/* Set up the runqueues with the boot task as CPU 0's (start_kernel). */
void sched_init(void);
/* Make `idle` the idle task of `cpu` (call on that CPU, on idle's stack). */
void init_idle(struct task_struct *idle, int cpu);
/* A CPU's idle loop once it has booted; never returns. */
void __noreturn cpu_startup_entry(void);
/* Wait for an interrupt; called with IRQs off, returns with them on. */
void arch_cpu_idle(void);
/* From each CPU's timer tick (arch/arm/kernel/time.c), in IRQ context. */
void scheduler_tick(void);
/* The reschedule IPI's handler. */
void scheduler_ipi(void);
/* Ask `cpu` to look at its runqueue (the SMP code's IPI; UP: nothing). */
void smp_send_reschedule(int cpu);

/* Print every task: name, pid, state, CPU (Linux's SysRq-T, shortened). */
void show_state(void);
/* The same tasks as a compact ps table (the console's `ps`). */
void show_state_table(void);
/* One task's line and, when it is not running, its saved backtrace. */
void sched_show_task(struct task_struct *p);
/* Backtrace of a task that is not running, from its saved registers. */
void show_stack(struct task_struct *p);
/* "BUG: scheduling while atomic" reports so far, for the self-tests. */
extern unsigned long nr_schedule_bug_reports;

/* kernel/hung_task.c: hikern.hung_task_timeout_secs= (0: off). */
extern unsigned long sysctl_hung_task_timeout_secs;
extern unsigned long nr_hung_task_reports;
/* Once a second from CPU 0's tick: report long TASK_UNINTERRUPTIBLE. */
void check_hung_uninterruptible_tasks(void);
/* t sleeps where no task could wake it (the lone boot task, no timeout). */
bool sched_task_unwakeable(const struct task_struct *t);

/*
 * might_sleep(): document (and, in the debug build, check) that a
 * function may block. Sleeping with preemption off, with interrupts off
 * or from an interrupt handler is a bug even when this call happens not
 * to sleep, so the check does not wait for the rare path that actually
 * sleeps. The report is Linux v5.10's ___might_sleep():
 *
 *   BUG: sleeping function called from invalid context at <file>:<line>
 *   in_atomic(): 1, irqs_disabled(): 128, non_block: 0, pid: 0, name: swapper/0
 *
 * and a stack dump; the caller carries on, as in Linux. The test is
 * inline and the report out of line, so the production build (where
 * might_sleep() is empty) keeps kmap()'s fast path as it was.
 */
#define CONFIG_DEBUG_ATOMIC_SLEEP CONFIG_DEBUG
/* Host builds (tests/host) have no CPU state to check: no check there. */
#if CONFIG_DEBUG_ATOMIC_SLEEP && defined(__arm__)
void __might_sleep_report(const char *file, int line);
#define might_sleep()                                             \
	do {                                                      \
		if (unlikely(in_atomic() || irqs_disabled()))     \
			__might_sleep_report(__FILE__, __LINE__); \
	} while (0)
#else
#define might_sleep() \
	do {          \
	} while (0)
#endif

#endif /* _LINUX_SCHED_H */
