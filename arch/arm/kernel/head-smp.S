/*
 * arch/arm/kernel/head-smp.S: where a secondary CPU enters the kernel.
 *
 * PSCI CPU_ON (virt) or the board's boot monitor (the vexpress SYS_FLAGS
 * loop QEMU writes into SRAM) jumps to secondary_startup's physical
 * address in SVC mode with the MMU and caches off. Every secondary
 * arrives here, so the first thing is a holding pen (as Linux's
 * vexpress platsmp): a CPU waits in wfe until secondary_data.mpidr names
 * it, which makes a CPU that wakes for any other reason harmless, and a
 * CPU that comes late (after __cpu_up gave up on it) waits for good.
 * Then, as the boot CPU did in boot/head.S: ACTLR.SMP (the A9's caches
 * and TLB join the coherency domain), invalidate its own L1 D-cache, load
 * the boot CPU's TTBCR, TTBR0 and DACR, and turn the MMU on through the
 * identity-mapped __turn_mmu_on (smp.c maps its section for the
 * duration of the bring-up). On the virtual side: the idle task's stack,
 * then secondary_start_kernel().
 */
#include <asm/ptrace.h>

#define SD_MPIDR 0
#define SD_STACK 4
#define SD_TTBR0 8
#define SD_TTBCR 12
#define SD_DACR 16
#define SD_SCTLR 20

	.arm
	.text
	.align	5
	.globl	secondary_startup
	.type	secondary_startup, %function
secondary_startup:
	cpsid	aif, #SVC_MODE
	mrc	p15, 0, r8, c0, c0, 5		@ MPIDR
	bic	r8, r8, #0xff000000		@ affinity only
	adr	r0, .Lsd_loc
	ldmia	r0, {r1, r2}
	sub	r1, r0, r1			@ phys - virt
	add	r9, r2, r1			@ r9 = &secondary_data (phys)
1:	ldr	r0, [r9, #SD_MPIDR]
	cmp	r0, r8
	beq	2f
	wfe
	b	1b
2:	mrc	p15, 0, r0, c1, c0, 1		@ ACTLR
	tst	r0, #(1 << 6)			@ SMP bit
	orreq	r0, r0, #(1 << 6)
	mcreq	p15, 0, r0, c1, c0, 1
	bl	v7_invalidate_l1		@ clobbers r0-r3, r5-r7
	mov	r0, #0
	mcr	p15, 0, r0, c8, c7, 0		@ TLBIALL
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	ldr	r0, [r9, #SD_TTBCR]
	mcr	p15, 0, r0, c2, c0, 2
	ldr	r0, [r9, #SD_TTBR0]
	mcr	p15, 0, r0, c2, c0, 0
	ldr	r0, [r9, #SD_DACR]
	mcr	p15, 0, r0, c3, c0, 0
	dsb
	isb
	ldr	r0, [r9, #SD_SCTLR]
	ldr	r13, =__secondary_switched	@ virtual address to continue at
	b	__turn_mmu_on
	.ltorg

	.align	2
.Lsd_loc:
	.long	.
	.long	secondary_data

/*
 * With the MMU on, at the kernel's virtual address: the idle task's stack
 * (thread_info at its base) and C. fp = 0 ends the backtrace here.
 */
	.type	__secondary_switched, %function
__secondary_switched:
	ldr	r0, =secondary_data
	ldr	sp, [r0, #SD_STACK]
	mov	fp, #0
	bl	secondary_start_kernel		@ never returns
1:	wfi
	b	1b
	.ltorg
