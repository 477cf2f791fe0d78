/*
 * Kernel threads (kernel/kthread.c), with Linux's API:
 *
 *	p = kthread_run(fn, data, "name/%d", i);   // created and started
 *	...
 *	ret = kthread_stop(p);                      // fn's return value
 *
 * fn loops until kthread_should_stop() (sleeping between rounds) and
 * returns its result; returning earlier is fine too, kthread_stop() then
 * just collects the value. The creator owns a reference to the thread
 * until kthread_stop() (or put_task_struct()); the thread's stack is
 * freed when both the thread has exited and that reference is gone.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/compiler.h>
#include <linux/sched.h>

/*
 * kthread_create - a new kernel thread running @threadfn(@data), asleep
 * until wake_up_process(); named from @namefmt (printf-style). It goes
 * to the CPU with the fewest runnable tasks unless kthread_bind()
 * says otherwise. Returns NULL when there is no memory for its stack.
 */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...) __printf(3, 4);

/* kthread_create() and wake_up_process() in one. */
#define kthread_run(threadfn, data, namefmt, ...)                \
	({                                                       \
		struct task_struct *__k = kthread_create(        \
			threadfn, data, namefmt, ##__VA_ARGS__); \
		if (__k)                                         \
			wake_up_process(__k);                    \
		__k;                                             \
	})

/*
 * Pin a thread that has not been woken yet to @cpu: its mask becomes that
 * CPU alone, and set_cpus_allowed_ptr() refuses to change it
 * (PF_NO_SETAFFINITY), as for Linux's per-CPU threads.
 */
void kthread_bind(struct task_struct *p, unsigned int cpu);

/*
 * kthread_stop - ask @k to stop and wait until it has exited
 * Sets kthread_should_stop() for it, wakes it, waits for its function to
 * return and gives back that value (-EINTR if it was stopped before it
 * ever ran). Drops the creator's reference.
 */
int kthread_stop(struct task_struct *k);
/* In a kernel thread: has kthread_stop() been called for me? */
bool kthread_should_stop(void);
/* End the calling kernel thread now with @result (what fn returning does). */
void __noreturn kthread_exit(int result);

#endif /* _LINUX_KTHREAD_H */
