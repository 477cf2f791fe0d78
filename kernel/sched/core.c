/*
 * kernel/sched/core.c: the scheduler. See include/linux/sched.h for the
 * model and Documentation/kernel/scheduler.md for the design.
 *
 * Round-robin per CPU: each CPU's runqueue (kernel/sched/sched.h) holds
 * its runnable tasks in FIFO order; schedule() puts a still-runnable
 * current at the tail and runs the head. The tick takes a tick off the
 * current task's slice and, when it reaches 0 while another task waits,
 * sets TIF_NEED_RESCHED: the way out of the interrupt (entry-armv.S) or
 * the next preempt_enable() to 0 then calls in here. A task stays on the
 * CPU it was placed on (new kernel threads: the CPU with the fewest
 * runnable tasks; kthread_bind() pins); there is no load balancing. It
 * moves only when set_cpus_allowed_ptr() takes its CPU out of its mask:
 * at once if it is off the CPU, else pushed at its next switch-out
 * (finish_task_switch()), and not while it is inside migrate_disable().
 *
 * Locking: a runqueue's lock is taken with IRQs off, and held across the
 * context switch; the task switched to releases it (finish_task_switch).
 * A task's CPU changes only under both runqueues' locks, taken in
 * address order (double_rq_lock()); the lock of a task's runqueue is
 * found with task_rq_lock(). Wait queue locks nest outside runqueue locks
 * (wake_up -> try_to_wake_up).
 */
#include <asm/ptrace.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <kunit/private.h>
#include <kunit/visibility.h>
#include <string.h>

#include "sched.h"

#define THREAD_SIZE_ORDER 1 /* 8 KB */

struct rq runqueues[NR_CPUS];
DEFINE_SPINLOCK(tasklist_lock);
LIST_HEAD(task_list);
unsigned int nr_kthreads;
unsigned long nr_schedule_bug_reports;
static int last_pid;

static __always_inline void rq_lock(struct rq *rq)
{
	do_raw_spin_lock_irqoff(&rq->lock);
}

static __always_inline void rq_unlock(struct rq *rq)
{
	do_raw_spin_unlock_irqoff(&rq->lock);
}

/*
 * The runqueue lock is taken by the task that switches out and released
 * by the one switched to (finish_task_switch()): hand the debug build's
 * owner over first, as Linux's prepare_lock_switch() does, or the unlock
 * would be reported as by the wrong owner.
 */
static inline void prepare_lock_switch(struct rq *rq, struct task_struct *next)
{
#if CONFIG_DEBUG_SPINLOCK
	rq->lock.owner = next;
#endif
	(void)rq;
	(void)next;
}

void set_task_cpu(struct task_struct *p, unsigned int cpu)
{
	p->cpu = cpu;
	task_thread_info(p)->cpu = cpu;
}

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
	p->on_rq = true;
}

/*
 * A task was queued on @rq: an idle CPU is told to reschedule; another
 * CPU also gets the reschedule IPI.
 */
static void resched_queued(struct rq *rq)
{
	if (rq->curr->flags & PF_IDLE)
		set_tsk_need_resched(rq->curr);
	if (cpu_of(rq) != smp_processor_id())
		smp_send_reschedule(cpu_of(rq));
}

/*
 * Lock the runqueue @p is on (IRQs already off): Linux's task_rq_lock(),
 * without pi_lock. p->cpu changes only under the locks of both the old
 * and the new runqueue (move_task()), so once the lock of the runqueue
 * p->cpu names is held and p->cpu still names it, p stays there.
 */
static struct rq *task_rq_lock(struct task_struct *p)
{
	for (;;) {
		struct rq *rq = cpu_rq(READ_ONCE(p->cpu));

		rq_lock(rq);
		if (likely(rq == cpu_rq(p->cpu)))
			return rq;
		rq_unlock(rq);
	}
}

/*
 * Two runqueues' locks (IRQs off), always the lower address first, so
 * two CPUs locking the same pair never hold one each while waiting for
 * the other (Linux's double_rq_lock()); one lock if they are the same.
 */
static void double_rq_lock(struct rq *rq1, struct rq *rq2)
{
	if (rq1 == rq2) {
		rq_lock(rq1);
		return;
	}
	if (rq1 > rq2) {
		struct rq *t = rq1;

		rq1 = rq2;
		rq2 = t;
	}
	rq_lock(rq1);
	rq_lock(rq2);
}

static void double_rq_unlock(struct rq *rq1, struct rq *rq2)
{
	rq_unlock(rq1);
	if (rq1 != rq2)
		rq_unlock(rq2);
}

/* task_rq_lock() and @dst's lock with it, in double_rq_lock()'s order. */
static struct rq *task_double_rq_lock(struct task_struct *p, struct rq *dst)
{
	for (;;) {
		struct rq *rq = cpu_rq(READ_ONCE(p->cpu));

		double_rq_lock(rq, dst);
		if (likely(rq == cpu_rq(p->cpu)))
			return rq;
		double_rq_unlock(rq, dst);
	}
}

/*
 * The boot task is CPU 0's task from the start (it counts as running
 * until it turns into the idle loop, cpu_startup_entry()).
 */
void __init sched_init(void)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct rq *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		INIT_LIST_HEAD(&rq->queue);
		INIT_LIST_HEAD(&rq->timeouts);
	}
	init_idle(&init_task, 0);
	cpu_rq(0)->nr_running = 1;
}

/**
 * init_idle - make @idle the idle task of @cpu
 * @idle: a task whose stack the caller runs on (a secondary CPU's first
 *        task), or with ->stack set
 * @cpu: the CPU; from now on it takes new kernel threads
 *
 * The idle task runs when nothing else is runnable on @cpu; it has pid 0
 * and is called swapper/<cpu>, as in Linux.
 */
void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;

	if (!idle->stack)
		idle->stack = current_thread_info();
	idle->stack->task = idle;
	idle->state = TASK_RUNNING;
	idle->pid = 0;
	idle->time_slice = RR_TIMESLICE;
	idle->nvcsw = 1;
	idle->usage = 1;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->timeout_list);
	/* Never moved, as Linux's idle tasks (and the boot task with it). */
	idle->flags |= PF_NO_SETAFFINITY;
	idle->cpus_mask = *cpumask_of(cpu);
	set_task_cpu(idle, cpu);
	local_irq_save(flags);
	rq_lock(rq);
	rq->idle = idle;
	rq->curr = idle;
	rq->online = true;
	rq_unlock(rq);
	do_raw_spin_lock_irqoff(&tasklist_lock);
	list_add_tail(&idle->tasks, &task_list);
	do_raw_spin_unlock_irqoff(&tasklist_lock);
	local_irq_restore(flags);
}

/* ------------------------------------------------------------------ */
/* Waking up */

/*
 * Make p runnable again, with its runqueue's lock held. A task that has
 * not yet left the CPU (it set its state but has not called schedule(),
 * or is waiting inside it as the only task) only needs its state back;
 * one that blocked goes to the tail of its runqueue. An idle CPU is told
 * to reschedule; another CPU also gets the reschedule IPI.
 */
static int ttwu_locked(struct rq *rq, struct task_struct *p, unsigned int state)
{
	if (!(READ_ONCE(p->state) & state))
		return 0;
	WRITE_ONCE(p->state, TASK_RUNNING);
	if (!p->blocked)
		return 1;
	p->blocked = false;
	rq->nr_running++;
	if (p == rq->curr)
		return 1;
	enqueue_task(rq, p);
	resched_queued(rq);
	return 1;
}

/**
 * try_to_wake_up - wake @p if it sleeps in one of @state
 * Returns 1 if @p was woken (its state was in @state), else 0. Callable
 * from interrupt handlers.
 */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	unsigned long flags;
	struct rq *rq;
	int ret;

	(void)wake_flags;
	local_irq_save(flags);
	rq = task_rq_lock(p);
	ret = ttwu_locked(rq, p, state);
	rq_unlock(rq);
	local_irq_restore(flags);
	return ret;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

/*
 * The reschedule IPI: a wake-up on another CPU queued a task here. The
 * flag makes the way out of this interrupt switch to it if this CPU is
 * idle; a busy CPU gets to it at the end of its current slice.
 */
void scheduler_ipi(void)
{
	struct rq *rq = this_rq();

	rq_lock(rq);
	if (!list_empty(&rq->queue) && (rq->curr->flags & PF_IDLE))
		set_tsk_need_resched(rq->curr);
	rq_unlock(rq);
}

/* ------------------------------------------------------------------ */
/* Moving tasks between CPUs */

/*
 * Move @p, which is on no CPU (queued or asleep), from @src to @dst, both
 * locked: Linux's move_queued_task() for a queued task, set_task_cpu()
 * alone for a sleeper (its wake-up will queue it on @dst). A queued task
 * joins the tail of @dst's queue and @dst's CPU is told. A pending
 * timeout moves too, so that @dst's tick is the one that ends it.
 */
static void move_task(struct rq *src, struct rq *dst, struct task_struct *p)
{
	if (p->on_rq) {
		list_del(&p->run_list);
		src->nr_running--;
	}
	if (p->timeout_pending) {
		list_del(&p->timeout_list);
		list_add_tail(&p->timeout_list, &dst->timeouts);
	}
	set_task_cpu(p, cpu_of(dst));
	p->migration_pending = false;
	if (p->on_rq) {
		enqueue_task(dst, p);
		dst->nr_running++;
		resched_queued(dst);
	}
}

/*
 * The contract is in linux/sched.h. Three cases, under the locks of p's
 * runqueue and of the destination: p's CPU is still allowed (nothing to
 * do); p is on no CPU and may move (move it now); p is running or has
 * migration disabled (mark the move pending and, if it is running, make
 * its CPU reschedule, so that its switch-out pushes it).
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask)
{
	struct cpumask mask = *new_mask;
	bool yield_now = false;
	unsigned long flags;
	unsigned int dest;
	struct rq *rq, *dst;

	if (p->flags & PF_NO_SETAFFINITY)
		return -EINVAL;
	dest = select_task_rq(&mask);
	if (dest >= NR_CPUS)
		return -EINVAL; /* no online CPU in the mask */
	dst = cpu_rq(dest);
	local_irq_save(flags);
	rq = task_double_rq_lock(p, dst);
	p->cpus_mask = mask;
	if (cpumask_test_cpu(task_cpu(p), &mask)) {
		p->migration_pending = false; /* an earlier request is void */
	} else if (rq->curr == p || p->migration_disabled) {
		/*
		 * On its CPU, or pinned there: it leaves at a switch-out with
		 * migration enabled (finish_task_switch()) or at its last
		 * migrate_enable(). A running task's count may be changing as
		 * we look (it writes it unlocked), so it is always asked to
		 * switch out; the push then reads the count under this lock.
		 */
		p->migration_pending = true;
		if (rq->curr == p) {
			set_tsk_need_resched(p);
			if (cpu_of(rq) != smp_processor_id())
				smp_send_reschedule(cpu_of(rq));
			else
				yield_now =
					p == current && !p->migration_disabled;
		}
	} else {
		move_task(rq, dst, p);
	}
	double_rq_unlock(rq, dst);
	local_irq_restore(flags);
	if (yield_now)
		preempt_schedule(); /* returns at once if preemption is off */
	return 0;
}

/*
 * migrate_enable() reached 0 with a move pending: make this CPU
 * reschedule, and switch now if this context may (the switch-out pushes
 * current to an allowed CPU); if not, the next preempt_enable() or
 * interrupt return does it.
 */
void __migrate_enable(void)
{
	struct task_struct *p = current;
	unsigned long flags;
	struct rq *rq;

	local_irq_save(flags);
	rq = this_rq();
	rq_lock(rq);
	if (p->migration_pending)
		set_tsk_need_resched(p);
	rq_unlock(rq);
	local_irq_restore(flags);
	preempt_schedule(); /* not here if atomic: preempt_enable, IRQ return */
}

/*
 * finish_task_switch() found prev->migration_pending: prev has just left
 * its CPU, its registers are saved, and it is now an ordinary queued or
 * sleeping task. Move it to an allowed CPU, unless it has migration
 * disabled (its last migrate_enable() asks again), has died, or was
 * moved or given back this CPU meanwhile. Linux does this from the old
 * CPU's stopper thread (migration/N, migration_cpu_stop()); hikern does
 * it in the switch's second half, on the task that came in. A task left
 * queued here with the idle task running (idle_to_leave()) gets the CPU
 * back.
 */
static noinline void migrate_pending_task(struct task_struct *p)
{
	unsigned long flags;
	bool moved = false;

	local_irq_save(flags);
	for (;;) {
		unsigned int dest = select_task_rq(&p->cpus_mask);
		struct rq *rq, *dst;

		if (dest >= NR_CPUS)
			break; /* no CPU of its mask online: it stays */
		dst = cpu_rq(dest);
		rq = task_double_rq_lock(p, dst);
		if (p->migration_pending && !p->migration_disabled &&
		    rq->curr != p && p->state != TASK_DEAD) {
			if (!cpumask_test_cpu(dest, &p->cpus_mask)) {
				double_rq_unlock(rq, dst);
				continue; /* the mask changed under us */
			}
			move_task(rq, dst, p);
			moved = true;
		}
		if (!moved && p->on_rq)
			resched_queued(rq);
		double_rq_unlock(rq, dst);
		break;
	}
	local_irq_restore(flags);
}

/*
 * prev is the only runnable task of this CPU but has a move pending: it
 * cannot push itself off the CPU it runs on, so it goes back on the
 * queue and the CPU switches to its idle task, after which
 * migrate_pending_task() moves it. Not while its migration is disabled,
 * nor before the CPU has an idle loop (CPU 0 during the boot): then prev
 * runs on and leaves at a later switch-out.
 */
static noinline struct task_struct *idle_to_leave(struct rq *rq,
						  struct task_struct *prev)
{
	if (prev->migration_disabled || !(rq->idle->flags & PF_IDLE))
		return prev;
	enqueue_task(rq, prev);
	return rq->idle;
}

/* ------------------------------------------------------------------ */
/* Switching */

/*
 * kmap_local_page() maps across a switch (mm/kmap_local.c): the outgoing
 * task's slots are cleared, the incoming task's written back. A task
 * without local maps costs one load and test each way. A new thread
 * (ret_from_fork) has none, so only __schedule() calls these.
 */
static inline void kmap_local_sched_out(struct task_struct *prev)
{
	if (unlikely(prev->kmap_ctrl.idx))
		__kmap_local_sched_out(prev);
}

static inline void kmap_local_sched_in(struct task_struct *p)
{
	if (unlikely(p->kmap_ctrl.idx))
		__kmap_local_sched_in(p);
}

/*
 * The second half of a switch, on the new task's stack: drop the
 * runqueue lock the previous task took, push the previous task to
 * another CPU if it has a move pending (set_cpus_allowed_ptr(): it is
 * off the CPU only now), and free a task that has just left the CPU for
 * good (it could not free the stack it ran on). The push comes after the
 * unlock: it takes two runqueue locks, in order.
 */
static __always_inline void finish_task_switch(struct task_struct *prev)
{
	/*
	 * Speed trick: the runqueue is found inside the unlock, after its
	 * patch site, so one CPU (PATCH_UP, asm/patch.h) skips finding it
	 * too. Plain Linux form: rq_unlock(this_rq()). Saves 2 of 138.5
	 * guest instructions per context switch (make bench): under 10%,
	 * but the limit of 138 needs it.
	 */
	do_raw_spin_unlock_irqoff(&this_rq()->lock);
	local_irq_enable();
	/* A task without a move pending pays this one load and test. */
	if (unlikely(READ_ONCE(prev->migration_pending)))
		migrate_pending_task(prev);
	if (prev->state == TASK_DEAD)
		put_task_struct(prev);
}

/* A new thread's first C code (ret_from_fork), before its function. */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable();
}

/*
 * Nothing is runnable and this CPU has no idle loop yet (CPU 0 while the
 * boot task still runs start_kernel): wait right here, on prev's stack,
 * for a wake-up. If prev is the only task and sleeps without a timeout,
 * only an interrupt handler could wake it; the hung-task check reports
 * it and, since the boot could then never finish, panics
 * (kernel/hung_task.c).
 */
static struct task_struct *wait_for_runnable(struct rq *rq,
					     struct task_struct *prev)
{
	for (;;) {
		if (!prev->blocked && !prev->on_rq && !(prev->flags & PF_IDLE))
			return prev; /* woken while it waited here */
		if (!list_empty(&rq->queue)) {
			struct task_struct *next = list_first_entry(
				&rq->queue, struct task_struct, run_list);

			list_del(&next->run_list);
			next->on_rq = false;
			return next;
		}
		if (rq->idle->flags & PF_IDLE)
			return rq->idle;
		rq_unlock(rq);
		arch_cpu_idle();
		local_irq_disable();
		rq_lock(rq);
	}
}

/*
 * True if @t sleeps where no task could ever wake it: it is the boot
 * task, still in start_kernel() (CPU 0 has no idle loop yet), no kernel
 * thread exists, and it set no timeout. Only an interrupt handler could
 * end such a sleep; the hung-task check calls it to decide that the boot
 * is lost. A snapshot: called without the runqueue lock.
 */
bool sched_task_unwakeable(const struct task_struct *t)
{
	return t == &init_task && !(t->flags & PF_IDLE) &&
	       !READ_ONCE(nr_kthreads) && !READ_ONCE(t->timeout_pending);
}

static noinline void __schedule_bug(struct task_struct *prev)
{
	nr_schedule_bug_reports++;
	pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm,
	       prev->pid, preempt_count() | (hardirq_count << 16));
	pr_err("Modules linked in:\n");
	dump_stack();
}

/*
 * Switch to the next task of this CPU. preempt: prev was interrupted and
 * stays runnable whatever its state says (it may have been about to
 * sleep; it will call schedule() itself when it runs again).
 */
static void __schedule(bool preempt)
{
	struct task_struct *const self = current;
	struct task_struct *prev = self, *next;
	struct rq *rq;

	local_irq_disable();
	rq = this_rq();
	rq_lock(rq);
	if (!preempt && prev->state != TASK_RUNNING) {
		prev->blocked = true;
		prev->sleep_start = jiffies;
		prev->hung_reported = false;
		rq->nr_running--;
	} else if (!(prev->flags & PF_IDLE)) {
		enqueue_task(rq, prev);
	}
	clear_tsk_need_resched(prev);
	next = wait_for_runnable(rq, prev);
	/* Off the switch path: only when prev would run on. */
	if (unlikely(next == prev && prev->migration_pending))
		next = idle_to_leave(rq, prev);
	if (next != prev) {
		rq->curr = next;
		rq->nr_switches++;
		next->nvcsw++;
		kmap_local_sched_out(prev);
		prepare_lock_switch(rq, next);
		/* self: this task again when __switch_to returns into it */
		prev = __switch_to(self, task_thread_info(self),
				   task_thread_info(next));
		kmap_local_sched_in(self);
		finish_task_switch(prev);
		return;
	}
	rq_unlock(rq);
	local_irq_enable();
}

/**
 * schedule - give the CPU to the next runnable task
 * If the caller set a sleeping state, it stays off the runqueue until
 * woken; otherwise it goes to the tail (yield). Entered with preemption
 * disabled it still switches, after Linux's "scheduling while atomic"
 * report; from an interrupt handler it reports and returns (the handler
 * cannot be left half done).
 */
void schedule(void)
{
	if (unlikely(preempt_count() || in_interrupt())) {
		preempt_disable();
		__schedule_bug(current);
		preempt_enable_no_resched();
		if (in_interrupt())
			return;
	}
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
}

void yield(void)
{
	set_current_state(TASK_RUNNING);
	schedule();
}

/* preempt_enable() found TIF_NEED_RESCHED as the count reached 0. */
void preempt_schedule(void)
{
	if (preempt_count() || irqs_disabled() || in_interrupt())
		return;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

/*
 * From the way out of an interrupt (entry-armv.S) with IRQs off, the
 * interrupted task preemptible and TIF_NEED_RESCHED set. The interrupted
 * registers stay on this task's stack until it runs again.
 */
void preempt_schedule_irq(void)
{
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

/* ------------------------------------------------------------------ */
/* The tick and timeouts */

/* Wake the sleepers whose timeout has passed (rq locked). */
static void expire_timeouts(struct rq *rq)
{
	struct task_struct *p, *n;

	list_for_each_entry_safe(p, n, &rq->timeouts, timeout_list) {
		if ((long)(jiffies - p->timeout_expires) < 0)
			continue;
		list_del(&p->timeout_list);
		p->timeout_pending = false;
		ttwu_locked(rq, p, TASK_NORMAL);
	}
}

/*
 * Each CPU's tick, in IRQ context: timeouts, the round-robin slice, and
 * (CPU 0, once a second) the hung-task check.
 */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	rq_lock(rq);
	expire_timeouts(rq);
	curr = rq->curr;
	if (curr->flags & PF_IDLE) {
		if (!list_empty(&rq->queue))
			set_tsk_need_resched(curr);
	} else if (--curr->time_slice <= 0) {
		curr->time_slice = RR_TIMESLICE;
		if (!list_empty(&rq->queue))
			set_tsk_need_resched(curr);
	}
	rq_unlock(rq);
	if (smp_processor_id() == 0 && jiffies % HZ == 0)
		check_hung_uninterruptible_tasks();
}

/**
 * schedule_timeout - sleep until woken or @timeout ticks have passed
 * The caller sets the sleeping state first, as in Linux. Returns the
 * ticks left: 0 if the time ran out.
 */
long schedule_timeout(long timeout)
{
	struct task_struct *p = current;
	unsigned long expire = jiffies + timeout;
	unsigned long flags;
	struct rq *rq;
	long left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	local_irq_save(flags);
	rq = task_rq_lock(p);
	p->timeout_expires = expire;
	p->timeout_pending = true;
	list_add_tail(&p->timeout_list, &rq->timeouts);
	rq_unlock(rq);
	local_irq_restore(flags);

	schedule();

	/* The entry moved with the task if it changed CPUs (move_task). */
	local_irq_save(flags);
	rq = task_rq_lock(p);
	if (p->timeout_pending) {
		list_del(&p->timeout_list);
		p->timeout_pending = false;
	}
	rq_unlock(rq);
	local_irq_restore(flags);
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/*
 * msleep - sleep at least @msecs milliseconds
 * One tick more than the time asks for, as Linux: the first tick may come
 * at once.
 */
void msleep(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

/* ------------------------------------------------------------------ */
/* The idle loop */

/**
 * cpu_startup_entry - this CPU's idle loop, for good
 * The calling task becomes the idle task (PF_IDLE): it runs only when no
 * other task of this CPU is runnable, and waits for interrupts meanwhile.
 */
void __noreturn cpu_startup_entry(void)
{
	struct rq *rq = this_rq();

	local_irq_disable();
	rq_lock(rq);
	if (current == &init_task)
		rq->nr_running--; /* the boot task stops counting */
	current->flags |= PF_IDLE;
	rq_unlock(rq);
	local_irq_enable();
	for (;;) {
		local_irq_disable();
		if (!need_resched()) {
			arch_cpu_idle(); /* wfi; enables IRQs */
			continue;
		}
		local_irq_enable();
		schedule();
	}
}

/* ------------------------------------------------------------------ */
/* Tasks: creation, references, the end */

/*
 * The CPU a task goes to (a new kernel thread, or one that must leave
 * its CPU): the online CPU of @mask with the fewest runnable tasks; ties
 * go round-robin, starting after the last CPU chosen. NR_CPUS if no CPU
 * of @mask is online. The counts are read unlocked: a hint.
 */
unsigned int select_task_rq(const struct cpumask *mask)
{
	static unsigned int last;
	unsigned int best = NR_CPUS, best_nr = ~0u;

	for (unsigned int i = 1; i <= NR_CPUS; i++) {
		unsigned int cpu = (last + i) % NR_CPUS;
		struct rq *rq = cpu_rq(cpu);

		unsigned int nr = READ_ONCE(rq->nr_running);

		if (cpumask_test_cpu(cpu, mask) && READ_ONCE(rq->online) &&
		    nr < best_nr) {
			best = cpu;
			best_nr = nr;
		}
	}
	if (best < NR_CPUS)
		last = best;
	return best;
}

/*
 * A new task in one order-1 block: its thread_info at the bottom, then
 * the task_struct, then `extra` bytes for the caller (kthread's part),
 * then the stack, growing down from the top. It is asleep and unqueued
 * (TASK_UNINTERRUPTIBLE) until wake_up_process(); the caller sets up
 * its first frame (copy_thread). Two references: one for the running
 * thread (dropped when it has died), one for the caller.
 */
struct task_struct *sched_alloc_task(size_t extra)
{
	struct thread_info *ti;
	struct task_struct *p;
	unsigned long flags;

	ti = (struct thread_info *)__get_free_pages(GFP_KERNEL,
						    THREAD_SIZE_ORDER);
	if (!ti)
		return NULL;
	memset(ti, 0, sizeof(*ti) + sizeof(*p) + extra);
	p = (struct task_struct *)(ti + 1);
	p->stack = ti;
	ti->task = p;
	p->state = TASK_UNINTERRUPTIBLE;
	p->blocked = true;
	p->time_slice = RR_TIMESLICE;
	p->usage = 2;
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->timeout_list);
	p->cpus_mask = CPU_MASK_ALL;
	set_task_cpu(p, select_task_rq(&p->cpus_mask));
	local_irq_save(flags);
	do_raw_spin_lock_irqoff(&tasklist_lock);
	p->pid = ++last_pid;
	list_add_tail(&p->tasks, &task_list);
	do_raw_spin_unlock_irqoff(&tasklist_lock);
	local_irq_restore(flags);
	return p;
}

void get_task_struct(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p->usage++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

struct task_struct *find_get_task_by_vpid(int pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	if (pid <= 0)
		return NULL;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->pid == pid && !(p->flags & PF_EXITING)) {
			p->usage++; /* get_task_struct(), the lock already held */
			found = p;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/* The last reference frees the task's block (never the idle tasks'). */
void put_task_struct(struct task_struct *p)
{
	unsigned long flags;
	bool last;

	spin_lock_irqsave(&tasklist_lock, flags);
	last = --p->usage == 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (last && (p->flags & PF_KTHREAD))
		free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
}

/*
 * An exiting task's last switch (preemption is off): it is off the task
 * list already, and the next task frees its stack (finish_task_switch).
 */
void __noreturn do_task_dead(void)
{
	set_current_state(TASK_DEAD);
	__schedule(false);
	BUG();
}

/* ------------------------------------------------------------------ */
/* Reports */

static char task_state_char(const struct task_struct *p)
{
	long state = READ_ONCE(p->state);

	if (state == TASK_RUNNING)
		return 'R';
	if (state & TASK_UNINTERRUPTIBLE)
		return 'D';
	if (state & TASK_INTERRUPTIBLE)
		return 'S';
	return 'X';
}

static bool task_on_cpu(struct task_struct *p)
{
	return cpu_rq(task_cpu(p))->curr == p;
}

void sched_show_task(struct task_struct *p)
{
	pr_info("task:%-15.15s state:%c stack:    0 pid:%5d cpu:%u "
		"flags:0x%08x\n",
		p->comm, task_state_char(p), p->pid, task_cpu(p), p->flags);
	if (p == current)
		dump_stack();
	else if (!task_on_cpu(p))
		show_stack(p);
}

/*
 * Every task as one line of a ps table: pid, CPU, state (R running or
 * runnable, S interruptible sleep, D uninterruptible, X dead; "+" when on
 * its CPU now), times switched in, and the name in brackets, as ps shows
 * kernel threads. Callable from any context.
 */
void show_state_table(void)
{
	struct task_struct *p;
	unsigned long flags;

	pr_info("  PID CPU STAT  SWITCHES COMMAND\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		pr_info("%5d %3u %c%c   %9lu [%s]\n", p->pid, task_cpu(p),
			task_state_char(p), task_on_cpu(p) ? '+' : ' ',
			p->nvcsw, p->comm);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* Every task, as SysRq-T; callable from any context. */
void show_state(void)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		sched_show_task(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
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
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, "
	       "name: %s\n",
	       in_atomic(), irqs_disabled(), current->pid, current->comm);
	dump_stack();
}
#endif

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * might_sleep_kunit_reports - a report counter, for the self-tests
 *
 * Context: any; a snapshot.
 * Return: the number of "BUG: sleeping function called from invalid
 * context" reports printed so far.
 */
unsigned long might_sleep_kunit_reports(void)
{
	return nr_might_sleep_reports;
}
EXPORT_SYMBOL_IF_KUNIT(might_sleep_kunit_reports);
#endif
