/*
 * arch/arm/kernel/entry-armv.S: exception vectors and entry/exit.
 *
 * The vector page (copied to 0xffff0000) branches into the stubs page
 * (0xffff1000), exactly one page further on, as in Linux. Each stub loads
 * the absolute address of its handler in kernel text, since the kernel is
 * far from 0xffff0000.
 *
 * Entry saves the interrupted context as a struct pt_regs on the SVC stack:
 * SRS stores lr/spsr of the exception mode straight onto the SVC stack, so
 * the exception modes need no stacks of their own and a fault taken in
 * SVC mode keeps its whole context (the interrupted sp and lr included).
 * Only kernel (SVC-mode) code runs today, so no user-mode frames exist.
 * The way out of an IRQ preempts the interrupted task when its
 * preempt_count is 0 and TIF_NEED_RESCHED is set (the tick used up its
 * time slice, or a wake-up found the idle task running).
 *
 * Until paging_init() has mapped the vector page at 0xffff0000, boot/head.S
 * points VBAR at __vectors_early below (SCTLR.V clear): the same handlers,
 * reached from the image itself, so a BUG() or an abort in the first C
 * code oopses and panics instead of faulting forever on an unmapped
 * vector fetch.
 */
#include <asm/ptrace.h>
#include <asm/thread_info.h>

	.arm

@ Build pt_regs on the SVC stack; r0 = regs, r4 = regs (callee-saved).
@ \correction: how far lr is past the instruction to resume/report.
	.macro	vector_entry, correction
	sub	lr, lr, #\correction
	srsdb	sp!, #SVC_MODE		@ push {lr_<mode>, spsr_<mode>} to SVC sp
	cps	#SVC_MODE
	sub	sp, sp, #(15 * 4)
	stmia	sp, {r0-r12}
	add	r0, sp, #S_FRAME_SIZE	@ sp before the exception
	str	r0, [sp, #(13 * 4)]
	str	lr, [sp, #(14 * 4)]	@ lr_svc of the interrupted code
	mov	r0, sp
	mov	r4, sp
	bic	sp, sp, #7		@ AAPCS: 8-byte aligned calls
	.endm

	.macro	vector_exit
	mov	sp, r4
	ldmia	sp, {r0-r12}
	ldr	lr, [sp, #(14 * 4)]
	add	sp, sp, #(15 * 4)
	rfeia	sp!			@ pc, cpsr from the frame
	.endm

	.text
	.align	5
__dabt_svc:
	vector_entry 8
	bl	do_DataAbort
	vector_exit
	.type	__dabt_svc, %function

	.align	5
__pabt_svc:
	vector_entry 4
	bl	do_PrefetchAbort
	vector_exit
	.type	__pabt_svc, %function

	.align	5
__und_svc:
	vector_entry 4
	bl	do_undefinstr
	vector_exit
	.type	__und_svc, %function

	.align	5
__irq_svc:
	vector_entry 4
	bl	handle_arch_irq
	@ Preempt the interrupted task if it is preemptible and a reschedule
	@ is due (Linux's svc_preempt). thread_info is at the stack's base.
	lsr	r0, sp, #13
	lsl	r0, r0, #13
	ldr	r1, [r0, #TI_PREEMPT]
	teq	r1, #0
	bne	1f
	ldr	r1, [r0, #TI_FLAGS]
	tst	r1, #_TIF_NEED_RESCHED
	blne	preempt_schedule_irq
1:	vector_exit
	.type	__irq_svc, %function

	.align	5
__bad_svc:
	vector_entry 4
	bl	bad_mode
	vector_exit
	.type	__bad_svc, %function

/*
 * The boot-time vector table, used through VBAR (which needs 32-byte
 * alignment) until the high vector page exists. The branches reach the
 * handlers directly: this table runs at its link address.
 */
	.align	5
	.globl	__vectors_early
__vectors_early:
	b	__bad_svc		@ reset
	b	__und_svc		@ undefined instruction
	movs	pc, lr			@ SVC: semihosting, as in the stubs
	b	__pabt_svc		@ prefetch abort
	b	__dabt_svc		@ data abort
	b	__bad_svc		@ address exception (unused on v7)
	b	__irq_svc		@ IRQ (masked until after paging_init)
	subs	pc, lr, #4		@ FIQ is never enabled
	.type	__vectors_early, %object

/*
 * The vector page. Stub i sits at the same offset in the stubs page as
 * vector i in the vector page, so every vector is "b . + 0x1000"; the
 * branch is PC-relative and survives the copy to 0xffff0000.
 */
	.section ".vectors", "ax"
	.rept	8
	b	. + 0x1000
	.endr

	.section ".stubs", "ax"
	ldr	pc, .Lbad		@ reset
	ldr	pc, .Lund		@ undefined instruction
	movs	pc, lr			@ SVC: only semihosting calls, which QEMU
					@ takes; without -semihosting, return
					@ (the caller then waits, no recursion)
	ldr	pc, .Lpabt		@ prefetch abort
	ldr	pc, .Ldabt		@ data abort
	ldr	pc, .Lbad		@ address exception (unused on v7)
	ldr	pc, .Lirq		@ IRQ
	subs	pc, lr, #4		@ FIQ is never enabled
.Lbad:	.long	__bad_svc
.Lund:	.long	__und_svc
.Lpabt:	.long	__pabt_svc
.Ldabt:	.long	__dabt_svc
.Lirq:	.long	__irq_svc
