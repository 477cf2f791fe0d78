/*
 * The block of per-CPU data TPIDRPRW points at (the idea of Linux ARM's
 * __my_cpu_offset in TPIDRPRW and this_cpu_ptr(), reduced to the one
 * block the fast paths need).
 *
 * Each CPU writes the address of its own kmap_atomic_cpu[] entry into
 * TPIDRPRW (the PL1-only software thread ID register, banked per CPU) as
 * it comes up: boot/head.S for CPU 0, set_my_cpu_id() for the others.
 * The entry holds this CPU's kmap_atomic slot stack and its logical
 * number, so this CPU's slot stack is one mrc away and
 * smp_processor_id() is an mrc and a load; nothing is shared between
 * CPUs, which keeps the per-CPU fast paths as cheap on four CPUs as on
 * one.
 */
#ifndef _ASM_ARM_PERCPU_H
#define _ASM_ARM_PERCPU_H

#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/types.h>

/*
 * Each CPU's stack of kmap_atomic slots (Linux's per-CPU
 * __kmap_atomic_idx, kept as an address). Slot `type` of CPU c is fixmap
 * index FIX_KMAP_BEGIN + type + KM_TYPE_NR * c; fixmap indices grow
 * downward in address, so a push moves `top` one page down and a pop one
 * page up, and the depth is (base - top) / PAGE_SIZE. Interrupt handlers
 * push above the interrupted code and pop before returning, so `top` is
 * back where the interrupted code left it: an IRQ never disturbs a slot
 * in use.
 *
 * Speed trick: the stack is kept as its top slot's address rather than
 * a depth. The address is what kmap_atomic returns and what the TLB
 * invalidate takes, and all kmap slots share one PTE page, so the slot's
 * PTE is pte_k + (top >> 10) (top is page aligned: its page number times
 * sizeof(pte_t); pte_k folds in the PTE page and its first address,
 * modulo 2^32). One ldm loads top, pte_k and pte_kmap (the next trick,
 * in kmap_atomic_high()). Plain Linux form: a per-CPU
 * __kmap_atomic_idx, then idx + KM_TYPE_NR * cpu, __fix_to_virt(
 * FIX_KMAP_BEGIN + idx) and kmap_pte - idx on both map and unmap. Saves
 * 22 of 62 guest instructions per kmap_atomic+kunmap_atomic (make bench).
 *
 * `cpu` is the owner's logical number (smp_processor_id()). The entry is
 * padded to 32 bytes, so two CPUs' stacks never share a 32-byte line.
 */
struct kmap_atomic_cpu {
	unsigned long top;   /* top slot's address; base when empty */
	unsigned long pte_k; /* slot at address a: PTE at pte_k + (a >> 10) */
	unsigned long pte_kmap; /* pte_bias - kmap_prot: kmap_atomic_high() */
	unsigned long base;	/* one page above this CPU's slot 0 */
	unsigned int cpu;	/* smp_processor_id() of the owner */
	unsigned long pte_bias; /* kmap_atomic_high_prot()'s mk_pte() bias */
	unsigned long pad[2];
};
extern struct kmap_atomic_cpu kmap_atomic_cpu[NR_CPUS];

#ifdef __arm__
/* sp as a global register variable (Linux's current_stack_pointer). */
register unsigned long __smp_stack_pointer __asm__("sp");

/*
 * This CPU's kmap_atomic_cpu[] entry, read from TPIDRPRW.
 *
 * Speed trick: TPIDRPRW holds the address of this CPU's block, not its
 * number, so kmap_atomic and kunmap_atomic reach their slot stack with
 * one mrc and no indexing (and keep a register free), at the price of a
 * load in smp_processor_id(). Plain Linux form: Linux ARM keeps the
 * per-CPU offset there (__my_cpu_offset), this_cpu_ptr() adds it to the
 * variable's address, and smp_processor_id() reads thread_info->cpu;
 * hikern's number-in-TPIDRPRW form was kmap_atomic_cpu[mrc] on both
 * map and unmap. Saves 6 of 52 guest instructions per kmap_atomic+
 * kunmap_atomic (make bench), 6 of 116 per kmap_local pair; costs 3 of
 * 159.5 per context switch.
 *
 * The asm reads
 * a dummy stack operand so that GCC does not merge two reads across a
 * call or a barrier (a task may move between them once there is a
 * scheduler); within straight-line code it still may (Linux's
 * __my_cpu_offset does the same).
 */
static __always_inline struct kmap_atomic_cpu *this_cpu_kmap_atomic(void)
{
	struct kmap_atomic_cpu *k;

	__asm__("mrc p15, 0, %0, c13, c0, 4"
		: "=r"(k)
		: "Q"(*(const unsigned long *)__smp_stack_pointer));
	return k;
}

/* Point TPIDRPRW at @cpu's block, which learns its number first. */
static inline void set_my_cpu_id(unsigned int cpu)
{
	kmap_atomic_cpu[cpu].cpu = cpu;
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 4"
			     :
			     : "r"(&kmap_atomic_cpu[cpu])
			     : "memory");
}
#else /* host unit tests: CPU 0 */
static inline struct kmap_atomic_cpu *this_cpu_kmap_atomic(void)
{
	return &kmap_atomic_cpu[0];
}

static inline void set_my_cpu_id(unsigned int cpu)
{
	(void)cpu;
}
#endif

#endif /* _ASM_ARM_PERCPU_H */
