/*
 * The boot task's stack and thread_info (Linux's init_thread_union). The
 * thread_info sits at the bottom of the 8 KB stack, so it is found from sp
 * alone; preempt_count lives here as in Linux so that kmap_atomic's
 * preemption accounting is already per task when scheduling arrives.
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#include <linux/types.h>

#define THREAD_SIZE 8192

struct thread_info {
	int preempt_count; /* 0 = preemptible */
	/* next to preempt_count: one ldm/stm updates both (linux/preempt.h) */
	int pagefault_disabled;
	unsigned int cpu;
	const char *comm;
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
