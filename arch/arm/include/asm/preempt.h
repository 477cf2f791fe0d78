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

#endif /* _ASM_ARM_PREEMPT_H */
