/*
 * boot/head.S: the kernel's first instructions, after Linux's
 * arch/arm/kernel/head.S.
 *
 * Entered with the MMU and caches off, in SVC mode, through Linux's ARM boot
 * protocol: r0 = 0, r1 = machine number, r2 = physical address of a device
 * tree or an ATAG list (or 0). The code is position independent until the
 * MMU is on:
 *
 *  1. Find PHYS_OFFSET (the RAM base) from where we run: QEMU loads a raw
 *     image at RAM base + 0x10000 and an ELF at RAM base + TEXT_OFFSET, and
 *     every supported board has RAM on a 16 MB boundary (Linux's p2v
 *     granule), so rounding the run address down to 16 MB gives the base.
 *  2. If we are not at PHYS_OFFSET + TEXT_OFFSET, copy the image there. The
 *     destination is below the source, so an ascending copy never
 *     overwrites bytes it has still to read.
 *  3. Decide once whether this CPU is part of a multiprocessor system
 *     (__smp_hw_detect, Linux's __fixup_smp test): if so, every mapping of
 *     memory is Shareable, the table walks use Linux's TTB_FLAGS_SMP and
 *     the CPU joins coherency (ACTLR.SMP) before its MMU and caches are
 *     on, as Linux's __v7_setup does. C reads the answer as is_smp().
 *     Build swapper_pg_dir at PHYS_OFFSET + TEXT_OFFSET - 16 KB with 1 MB
 *     sections: an identity map of __turn_mmu_on (so the instruction after
 *     the SCTLR write still has a translation), the kernel at PAGE_OFFSET,
 *     and the two sections holding the boot parameters at their linear
 *     address so C code can read them through __va().
 *  4. Point VBAR at the image's own vector table (__vectors_early, at its
 *     virtual address) with SCTLR.V clear, so any exception from the first
 *     C instruction on reaches a handler; paging_init() maps the vector
 *     page at 0xffff0000 and only then sets SCTLR.V (high vectors).
 *  5. Turn the MMU and caches on, jump to the virtual __mmap_switched,
 *     zero .bss, record __pv_offset and the boot registers, start_kernel().
 *
 * paging_init() later replaces these sections with the final, strict map
 * and drops the identity map.
 */
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>

#define PG_DIR_SIZE 0x4000
#define THREAD_SIZE 8192
/* Sections for boot: kernel RW (no user access), normal write-back memory. */
#define BOOT_SECT_FLAGS (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_WBWA)
/* Boot parameters further than this from the RAM base are not mapped. */
#define BOOT_PARAMS_MAX_OFFSET 0x20000000

	.arm
	.section ".head.text", "ax"
	.globl	stext
	.type	stext, %function
stext:
	cpsid	aif, #0x13		@ SVC mode, IRQ/FIQ/async aborts masked
	mov	r9, r1			@ machine number
	mov	r10, r2			@ DTB or ATAGS physical address

	adr	r4, stext		@ where we run (physical)
	mov	r8, r4, lsr #24		@ PHYS_OFFSET = run address & ~(16 MB - 1)
	mov	r8, r8, lsl #24
	add	r5, r8, #TEXT_OFFSET	@ where Linux's layout wants stext
	cmp	r4, r5
	beq	__create_page_tables

	/*
	 * Relocate [stext, __image_end) down to PHYS_OFFSET + TEXT_OFFSET.
	 * The copy overwrites the code doing it once it passes 32 KB, so the
	 * loop first moves itself to the (still unused) page-table area
	 * below the destination and runs from there.
	 */
	adr	r0, __reloc_loop
	adr	r1, .Lreloc_loop_end
	add	r2, r8, #TEXT_OFFSET - PG_DIR_SIZE
	mov	r3, r2
1:	ldr	r7, [r0], #4
	str	r7, [r3], #4
	cmp	r0, r1
	blo	1b
	ldr	r6, =__image_end
	ldr	r7, =stext
	sub	r6, r6, r7
	add	r6, r6, r4		@ source end
	adr	r0, __create_page_tables	@ continue at this label, in the copy
	adr	r1, stext
	sub	r0, r0, r1
	add	r0, r0, r5
	mov	sp, r0			@ no stack yet: sp holds the return address
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU: fetch the moved loop
	dsb
	isb
	bx	r2

__reloc_loop:
1:	ldmia	r4!, {r0-r3, r7, r11, r12, lr}
	stmia	r5!, {r0-r3, r7, r11, r12, lr}
	cmp	r4, r6
	blo	1b
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU: fetch the new copy
	dsb
	isb
	mov	pc, sp
.Lreloc_loop_end:			@ local: GDB names the next line __create_page_tables

__create_page_tables:
	add	r4, r8, #TEXT_OFFSET - PG_DIR_SIZE	@ r4 = phys swapper_pg_dir
	mov	r0, r4
	add	r6, r0, #PG_DIR_SIZE
	mov	r3, #0
1:	str	r3, [r0], #4
	str	r3, [r0], #4
	str	r3, [r0], #4
	str	r3, [r0], #4
	cmp	r0, r6
	bne	1b

	bl	__smp_hw_detect		@ r11 = 1: SMP hardware, 0: uniprocessor
	ldr	r7, =BOOT_SECT_FLAGS
	teq	r11, #0
	orrne	r7, r7, #PMD_SECT_S	@ SMP: Shareable (Linux's PMD_FLAGS_SMP)

	/* Identity map for __turn_mmu_on .. __turn_mmu_on_end. */
	adr	r0, __turn_mmu_on_loc
	ldmia	r0, {r3, r5, r6}
	sub	r0, r0, r3		@ phys - virt
	add	r5, r5, r0
	add	r6, r6, r0
	mov	r5, r5, lsr #20
	mov	r6, r6, lsr #20
1:	orr	r3, r7, r5, lsl #20
	str	r3, [r4, r5, lsl #2]
	cmp	r5, r6
	addlo	r5, r5, #1
	blo	1b

	/* Kernel: PAGE_OFFSET.. -> PHYS_OFFSET.., up to the section of _end. */
	add	r0, r4, #(PAGE_OFFSET >> 20) << 2
	ldr	r6, =(_end - 1)
	add	r6, r4, r6, lsr #(20 - 2)
	orr	r3, r8, r7
1:	str	r3, [r0], #4
	add	r3, r3, #1 << 20
	cmp	r0, r6
	bls	1b

	/* Boot parameters: two sections at their linear-map address. */
	movs	r0, r10
	beq	2f
	sub	r3, r0, r8
	cmp	r3, #BOOT_PARAMS_MAX_OFFSET
	bhs	2f			@ not in RAM near us: C code reports it
	mov	r3, r3, lsr #20
	add	r0, r4, #(PAGE_OFFSET >> 20) << 2
	add	r0, r0, r3, lsl #2
	mov	r6, r10, lsr #20
	orr	r6, r7, r6, lsl #20
	str	r6, [r0], #4
	add	r6, r6, #1 << 20
	str	r6, [r0]
2:
	/*
	 * Enable the MMU (Linux's __v7_setup + __enable_mmu, reduced). On
	 * SMP hardware the CPU joins the coherency domain first (ACTLR.SMP,
	 * written only if clear: the write may trap in the non-secure
	 * state), as the A9 and A15 ask before caches, MMU or maintenance
	 * operations are used; secondaries do it in head-smp.S.
	 */
	teq	r11, #0
	beq	1f
	mrc	p15, 0, r0, c1, c0, 1	@ ACTLR
	tst	r0, #(1 << 6)		@ SMP bit
	orreq	r0, r0, #(1 << 6)
	mcreq	p15, 0, r0, c1, c0, 1
1:	bl	v7_invalidate_l1
	mov	r0, #0
	mcr	p15, 0, r0, c8, c7, 0	@ TLBIALL
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU
	mcr	p15, 0, r0, c2, c0, 2	@ TTBCR = 0: TTBR0 translates everything
	teq	r11, #0
	orreq	r0, r4, #TTB_FLAGS_UP	@ walks: write-back write-allocate
	orrne	r0, r4, #TTB_FLAGS_SMP	@ ... and Inner Shareable
	mcr	p15, 0, r0, c2, c0, 0	@ TTBR0 (secondaries copy it)
	ldr	r0, =DACR_INIT
	mcr	p15, 0, r0, c3, c0, 0	@ DACR
	ldr	r0, =__vectors_early
	mcr	p15, 0, r0, c12, c0, 0	@ VBAR: the image's vectors (virtual)
	dsb
	isb
	mrc	p15, 0, r0, c1, c0, 0
	ldr	r1, =(CR_A | CR_TRE | CR_AFE | CR_V)
	bic	r0, r0, r1		@ no alignment traps, no TEX remap, no AF,
					@ vectors at VBAR (nothing at 0xffff0000 yet)
	ldr	r1, =(CR_M | CR_C | CR_Z | CR_I)
	orr	r0, r0, r1		@ MMU, caches, branch prediction
	ldr	r13, =__mmap_switched	@ virtual address to continue at
	b	__turn_mmu_on
	.ltorg

/*
 * Is this CPU part of a multiprocessor system? Linux's __fixup_smp test
 * (arch/arm/kernel/head.S), run with the MMU off: the MIDR uses the
 * CPUID scheme, MPIDR has the multiprocessing extensions format (bit 31)
 * without the U bit (bit 30, "uniprocessor implementation"), and a
 * Cortex-A9 has an SCU (CBAR non-zero) whose configuration register counts
 * more than one core (a lone A9 has the MP format too). QEMU sets no U
 * bit, so its Cortex-A15 counts as SMP even with -smp 1, as it does for
 * Linux; its Cortex-A9's SCU follows -smp. Returns r11 = 1 (SMP) or 0;
 * clobbers r0 and r3.
 */
	.type	__smp_hw_detect, %function
__smp_hw_detect:
	mov	r11, #0
	mrc	p15, 0, r3, c0, c0, 0	@ MIDR
	and	r0, r3, #0x000f0000
	teq	r0, #0x000f0000		@ architecture: CPUID scheme?
	bxne	lr
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	and	r0, r0, #0xc0000000
	teq	r0, #0x80000000		@ MP extensions, not uniprocessor?
	bxne	lr
	bic	r3, r3, #0x00ff0000	@ implementer and part number
	bic	r3, r3, #0x0000000f
	movw	r0, #0xc090
	movt	r0, #0x4100
	teq	r3, r0			@ Cortex-A9?
	bne	1f
	mrc	p15, 4, r0, c15, c0, 0	@ CBAR: PERIPHBASE[31:13], the SCU
	lsr	r0, r0, #13
	lsls	r0, r0, #13
	bxeq	lr			@ none: a uniprocessor A9
	ldr	r0, [r0, #4]		@ SCU configuration (physical address)
	ands	r0, r0, #3		@ cores - 1
	bxeq	lr
1:	mov	r11, #1
	bx	lr
	.size	__smp_hw_detect, . - __smp_hw_detect

/*
 * Invalidate the L1 data cache by set/way (Linux's v7_invalidate_l1): its
 * contents after reset are unknown (Cortex-A9), and stale lines would
 * shadow the page tables just written with the caches off. Clobbers
 * r0-r3, r5-r7; runs before any stack exists.
 */
	.globl	v7_invalidate_l1
	.type	v7_invalidate_l1, %function
v7_invalidate_l1:
	mov	r0, #0
	mcr	p15, 2, r0, c0, c0, 0	@ CSSELR: level 1 data cache
	isb
	mrc	p15, 1, r0, c0, c0, 0	@ CCSIDR
	ubfx	r1, r0, #3, #10		@ ways - 1
	ubfx	r2, r0, #13, #15	@ sets - 1
	and	r3, r0, #7
	add	r3, r3, #4		@ log2(line size in bytes)
	clz	r5, r1			@ way field shift: 32 - log2(ways)
	cmp	r1, #0
	moveq	r5, #0			@ (one way: no way field)
1:	mov	r6, r2			@ set
2:	lsl	r7, r1, r5		@ way << shift
	orr	r7, r7, r6, lsl r3	@ | set << log2(line)
	mcr	p15, 0, r7, c7, c6, 2	@ DCISW
	subs	r6, r6, #1
	bge	2b
	subs	r1, r1, #1
	bge	1b
	dsb
	isb
	bx	lr

	.align	2
__turn_mmu_on_loc:
	.long	.
	.long	__turn_mmu_on
	.long	__turn_mmu_on_end

/*
 * Runs from the identity map: the instruction after the SCTLR write is
 * fetched with the MMU on, from the same (physical == virtual) address.
 */
	.section ".idmap.text", "ax"
	.align	5
	.type	__turn_mmu_on, %function
	.globl	__turn_mmu_on
__turn_mmu_on:
	mcr	p15, 0, r0, c1, c0, 0	@ SCTLR: MMU on
	isb
	mov	r3, r13
	bx	r3
__turn_mmu_on_end:

	.text
	.type	__mmap_switched, %function
/*
 * The CFI says __mmap_switched has no caller (lr undefined), so GDB's
 * backtrace from C code ends here cleanly; fp = 0 ends the kernel's own.
 */
	.cfi_sections .debug_frame
	.cfi_startproc
	.cfi_undefined lr
__mmap_switched:
	ldr	sp, =init_thread_union + THREAD_SIZE
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	ldr	r0, =__pv_phys_offset
	str	r8, [r0]
	sub	r1, r8, #PAGE_OFFSET
	ldr	r0, =__pv_offset
	str	r1, [r0]
	ldr	r0, =__machine_arch_type
	str	r9, [r0]
	ldr	r0, =__atags_pointer
	str	r10, [r0]
	ldr	r0, =__smp_hw
	str	r11, [r0]		@ is_smp() (asm/smp_plat.h)
	ldr	r0, =kmap_atomic_cpu	@ CPU 0's per-CPU block (asm/percpu.h),
	mcr	p15, 0, r0, c13, c0, 4	@ its cpu 0 from the bss: TPIDRPRW
	mov	fp, #0			@ ends the frame-pointer backtrace
	bl	start_kernel		@ never returns
	.cfi_endproc
	.ltorg
	.size	__mmap_switched, . - __mmap_switched	@ GDB: not _stext

/* The boot L1 table sits 16 KB below the kernel, as in Linux. */
	.globl	swapper_pg_dir
	.equ	swapper_pg_dir, KERNEL_RAM_VADDR - PG_DIR_SIZE
