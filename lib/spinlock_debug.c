/*
 * lib/spinlock_debug.c: CONFIG_DEBUG_SPINLOCK (the debug build), after
 * Linux's lib/locking/spinlock_debug.c, written for hikern. A lock
 * records its holder (task and CPU), which catches:
 *  - recursion: the holder takes it again, which would wait for ever;
 *    reported, then BUG() (Linux would deadlock; hikern ends the run);
 *  - an unlock by another CPU or task ("wrong CPU", "wrong owner") or of
 *    a free lock ("already unlocked"): reported, the unlock goes ahead;
 *  - a wait of more than a second: "lockup suspected", then BUG().
 * Each report is Linux's:
 *   BUG: spinlock recursion on CPU#0, swapper/0/0
 *    lock: kmap_lock+0x0/0x10, .owner: swapper/0/0, .owner_cpu: 0
 * and a stack dump. spin_lock() counts preemption before it gets here
 * (linux/spinlock.h), so a recorded holder stays on its CPU until its
 * unlock, and a waiter spins with preemption off. Unlike Linux there is no .magic: locks in zeroed
 * memory (static, kzalloc) are valid unlocked locks here, as they were
 * before this file existed.
 */
#include <asm/processor.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#if CONFIG_DEBUG_SPINLOCK

/*
 * Waiting LOCKUP_NS prints Linux's "lockup suspected" report and goes on
 * waiting, as Linux's __spin_lock_debug() does: under QEMU a holder's CPU
 * thread can be descheduled by the host for a second when make test runs
 * QEMUs side by side, and that is slowness, not a bug. A wait of
 * LOCKUP_BUG_NS is a deadlock in all likelihood: BUG(), so that it ends
 * with an oops and a message instead of a hang (Linux spins on).
 */
#define LOCKUP_NS 1000000000ULL
#define LOCKUP_BUG_NS (30 * LOCKUP_NS)

/* Reports so far, for the self-tests. */
unsigned long nr_spinlock_bugs;

static void spin_dump(spinlock_t *lock, const char *msg)
{
	struct task_struct *owner = lock->owner;

	nr_spinlock_bugs++;
	pr_emerg("BUG: spinlock %s on CPU#%u, %s/%d\n", msg, smp_processor_id(),
		 current->comm, current->pid);
	pr_emerg(" lock: %pS, .owner: %s/%d, .owner_cpu: %d\n", lock,
		 owner ? owner->comm : "<none>", owner ? owner->pid : -1,
		 (int)lock->owner_cpu);
	dump_stack();
}

static void debug_spin_lock_before(spinlock_t *lock)
{
	if (lock->owner == current && lock->owner_cpu == smp_processor_id()) {
		spin_dump(lock, "recursion");
		BUG();
	}
}

static void debug_spin_lock_after(spinlock_t *lock)
{
	lock->owner_cpu = smp_processor_id();
	lock->owner = current;
}

void do_raw_spin_lock(spinlock_t *lock)
{
	bool reported = false;
	u64 start;

	debug_spin_lock_before(lock);
	if (likely(arch_spin_trylock(&lock->raw_lock)))
		goto got_it;
	start = local_clock();
	while (!arch_spin_trylock(&lock->raw_lock)) {
		u64 waited = local_clock() - start;

		if (waited > LOCKUP_NS && !reported) {
			spin_dump(lock, "lockup suspected");
			reported = true;
		}
		if (waited > LOCKUP_BUG_NS)
			BUG();
		cpu_relax();
	}
got_it:
	debug_spin_lock_after(lock);
}

int do_raw_spin_trylock(spinlock_t *lock)
{
	int ret = arch_spin_trylock(&lock->raw_lock);

	if (ret)
		debug_spin_lock_after(lock);
	return ret;
}

/* The holder is the one unlocking: Linux's debug_spin_unlock(). */
static void debug_spin_unlock(spinlock_t *lock)
{
	if (!arch_spin_is_locked(&lock->raw_lock))
		spin_dump(lock, "already unlocked");
	else if (lock->owner_cpu != smp_processor_id())
		spin_dump(lock, "wrong CPU");
	else if (lock->owner != current)
		spin_dump(lock, "wrong owner");
}

void do_raw_spin_unlock(spinlock_t *lock)
{
	/*
	 * During an oops printk breaks its lock open (kernel/printk.c), so a
	 * CPU that took it before holds a lock someone else re-took: Linux's
	 * oops_enter() turns lock debugging off (debug_locks_off()) for the
	 * same reason.
	 */
	if (likely(!oops_in_progress))
		debug_spin_unlock(lock);
	lock->owner = NULL;
	lock->owner_cpu = -1U;
	arch_spin_unlock(&lock->raw_lock);
}

#endif /* CONFIG_DEBUG_SPINLOCK */
