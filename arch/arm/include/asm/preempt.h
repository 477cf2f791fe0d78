/*
 * The call from preempt_enable() into the scheduler, ARM side. It sits
 * inside every preempt_enable() and kunmap_atomic(), so it is written to
 * cost the fast path nothing but the flag test: the call goes through
 * preempt_schedule_thunk (arch/arm/kernel/switch.S), which saves the
 * registers a C call would clobber. To the compiler the call then
 * clobbers only lr, so the code around it keeps its values in r0-r3 and
 * ip instead of moving them into callee-saved registers and spilling
 * (kmap_atomic+kunmap_atomic stays at its figure).
 */
#ifndef _ASM_ARM_PREEMPT_H
#define _ASM_ARM_PREEMPT_H

static __always_inline void __preempt_schedule(void)
{
	__asm__ __volatile__("bl	preempt_schedule_thunk"
			     :
			     :
			     : "lr", "cc", "memory");
}

/*
 * Speed trick: preempt_count and pagefault_disabled, adjacent words at
 * the 8-byte aligned base of thread_info, both updated with one ldrd and
 * one strd. Plain Linux form: preempt_disable(); pagefault_disable(),
 * two read-modify-writes (linux/preempt.h's default). Saves 3 of 47 guest
 * instructions per kmap_atomic+kunmap_atomic (make bench): under 10%,
 * but the limit (41 then, 44 since SMP) needs every one. Written out here because GCC pairs
 * the plain form into ldm/stm only when its register choice happens to
 * allow it. DImode operands are even/odd register pairs in ARM state, as
 * ldrd and strd require; an immediate delta of -1 assembles as a sub.
 */
#define arch_preempt_pagefault_add arch_preempt_pagefault_add
static __always_inline void arch_preempt_pagefault_add(struct thread_info *ti,
						       int delta)
{
	unsigned long long both;

	__asm__ __volatile__("ldrd	%Q0, %R0, [%1]\n\t"
			     "add	%Q0, %Q0, %2\n\t"
			     "add	%R0, %R0, %2\n\t"
			     "strd	%Q0, %R0, [%1]"
			     : "=&r"(both)
			     : "r"(ti), "rIL"(delta)
			     : "memory");
}

#endif /* _ASM_ARM_PREEMPT_H */
