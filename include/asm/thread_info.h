/*
 * The boot task's stack and thread_info (Linux's init_thread_union). The
 * thread_info sits at the bottom of the 8 KB stack, so it is found from sp
 * alone; preempt_count lives here as in Linux so that kmap_atomic's
 * preemption accounting is already per task when scheduling arrives.
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#include <linux/types.h>

struct task_struct;

#define THREAD_SIZE 8192

struct thread_info {
	union {
		struct {
			int preempt_count; /* 0 = preemptible */
			int pagefault_disabled;
		};
		/* Both at once: one ldm/stm (linux/preempt.h). */
		u64 preempt_pagefault;
	};
	unsigned int cpu;
	const char *comm;
	struct task_struct *task; /* `current` (linux/sched.h) */
};

union thread_union {
	struct thread_info thread_info;
	unsigned long stack[THREAD_SIZE / sizeof(long)];
};

extern union thread_union init_thread_union;

static inline struct thread_info *current_thread_info(void)
{
	unsigned long sp;

	__asm__("mov %0, sp" : "=r"(sp));
	return (struct thread_info *)(sp & ~(THREAD_SIZE - 1));
}

#endif /* _ASM_THREAD_INFO_H */
