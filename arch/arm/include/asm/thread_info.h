/*
 * Each task's stack and thread_info (Linux's layout): the thread_info
 * sits at the bottom of the task's 8 KB, 8 KB-aligned stack, so it is
 * found from sp alone, and `current` is its task pointer. It holds what
 * the low-level code needs: the preemption counters (kmap_atomic bumps
 * them on its fast path), TIF_NEED_RESCHED (tested on every IRQ return
 * and preempt_enable()), the CPU the task runs on and the registers
 * __switch_to() saves (struct cpu_context_save, as Linux's ARM port).
 * The boot task's is init_thread_union (kernel/init_task.c).
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#define THREAD_SIZE 8192
/*
 * Where a new stack's sp starts: 8 bytes below the top, inside the
 * stack's own THREAD_SIZE block (so `current`, found from sp, is right
 * before the first push) and 8-byte aligned for AAPCS (Linux's value).
 */
#define THREAD_START_SP (THREAD_SIZE - 8)

/* Bit numbers in thread_info->flags. */
#define TIF_NEED_RESCHED 1 /* reschedule at the next chance */
#define _TIF_NEED_RESCHED (1 << TIF_NEED_RESCHED)

/*
 * Offsets for assembly (arch/arm/kernel/entry-armv.S, switch.S); checked
 * against the structure by BUILD_BUG_ONs in arch/arm/kernel/process.c.
 */
#define TI_PREEMPT 0
#define TI_FLAGS 8
#define TI_CPU_CONTEXT 20

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct task_struct;

/*
 * The callee-saved registers of a task that is not running: r4-r11 (sl is
 * r10, fp r11), sp, and pc (where __switch_to() resumes it: the lr it was
 * called with, or ret_from_fork for a new thread).
 */
struct cpu_context_save {
	unsigned long r4, r5, r6, r7, r8, r9, sl, fp, sp, pc;
};

struct thread_info {
	int preempt_count; /* 0 = preemptible */
	/* next to preempt_count: one ldm/stm updates both (linux/preempt.h) */
	int pagefault_disabled;
	unsigned long flags; /* TIF_* */
	unsigned int cpu;    /* the CPU whose runqueue has the task */
	struct task_struct *task;
	struct cpu_context_save cpu_context;
};

union thread_union {
	struct thread_info thread_info;
	unsigned long stack[THREAD_SIZE / sizeof(long)];
};

extern union thread_union init_thread_union;

#if defined(__arm__)
static inline struct thread_info *current_thread_info(void)
{
	unsigned long sp;

	__asm__("mov %0, sp" : "=r"(sp));
	return (struct thread_info *)(sp & ~(THREAD_SIZE - 1));
}
#else
/* Host builds (tests/host) have one task, the boot task. */
static inline struct thread_info *current_thread_info(void)
{
	return &init_thread_union.thread_info;
}
#endif

#endif /* __ASSEMBLY__ */
#endif /* _ASM_THREAD_INFO_H */
