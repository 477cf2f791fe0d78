/*
 * arch/arm/kernel/switch.S: switching between tasks, and where a new
 * kernel thread starts.
 */
#include <asm/thread_info.h>

	.arm
	.text

/*
 * struct task_struct *__switch_to(prev, prev_ti, next_ti)
 * Save the callee-saved registers, sp and the return address of the
 * outgoing task in its thread_info (struct cpu_context_save), load the
 * incoming task's and return into it: into its own __schedule(), or to
 * ret_from_fork for a new thread. r0 (prev) passes through untouched, so
 * the incoming task learns which task it replaced.
 */
	.globl	__switch_to
	.type	__switch_to, %function
__switch_to:
	add	ip, r1, #TI_CPU_CONTEXT
	stmia	ip!, {r4 - r11}
	str	sp, [ip], #4
	str	lr, [ip]
	add	ip, r2, #TI_CPU_CONTEXT
	ldmia	ip, {r4 - r11, sp, pc}
	.size	__switch_to, . - __switch_to

/*
 * A new thread's first instructions (copy_thread): finish the switch
 * that brought us here (r0 = the previous task), then call r4(r5), which
 * for a kernel thread is kthread() and never returns.
 */
	.globl	ret_from_fork
	.type	ret_from_fork, %function
ret_from_fork:
	bl	schedule_tail
	mov	r0, r5
	blx	r4
	bl	__ret_from_fork_returned
	.size	ret_from_fork, . - ret_from_fork
