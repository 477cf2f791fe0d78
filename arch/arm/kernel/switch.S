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

/*
 * preempt_enable()'s call into preempt_schedule() (asm/preempt.h): saves
 * r0-r3, ip and lr, which the caller's compiler was told stay intact,
 * and gives the C function the 8-byte aligned stack AAPCS asks for.
 */
	.globl	preempt_schedule_thunk
	.type	preempt_schedule_thunk, %function
preempt_schedule_thunk:
	push	{r0 - r5, ip, lr}
	mov	r4, sp
	bic	sp, sp, #7
	bl	preempt_schedule
	mov	sp, r4
	pop	{r0 - r5, ip, lr}
	bx	lr
	.size	preempt_schedule_thunk, . - preempt_schedule_thunk
