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

#define LOCKUP_NS 1000000000ULL

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
	u64 start;

	debug_spin_lock_before(lock);
	if (likely(arch_spin_trylock(&lock->raw_lock)))
		goto got_it;
	start = local_clock();
	while (!arch_spin_trylock(&lock->raw_lock)) {
		if (local_clock() - start > LOCKUP_NS) {
			spin_dump(lock, "lockup suspected");
			BUG();
		}
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

void do_raw_spin_unlock(spinlock_t *lock)
{
	if (!arch_spin_is_locked(&lock->raw_lock))
		spin_dump(lock, "already unlocked");
	else if (lock->owner_cpu != smp_processor_id())
		spin_dump(lock, "wrong CPU");
	else if (lock->owner != current)
		spin_dump(lock, "wrong owner");
	lock->owner = NULL;
	lock->owner_cpu = -1U;
	arch_spin_unlock(&lock->raw_lock);
}

#endif /* CONFIG_DEBUG_SPINLOCK */
