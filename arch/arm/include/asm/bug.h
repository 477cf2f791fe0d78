/*
 * ARM's BUG() trap (Linux's arch/arm/include/asm/bug.h): BUG_INSTR_VALUE
 * is a permanently undefined instruction that do_undefinstr()
 * (arch/arm/kernel/traps.c) recognises as a BUG, and any other undefined
 * instruction oopses as "Oops - undefined instruction".
 */
#ifndef _ASM_BUG_H
#define _ASM_BUG_H

#include <linux/stringify.h>

#define BUG_INSTR_VALUE 0xe7f001f2
/* Another permanently undefined encoding, not the BUG one. */
#define UDF_INSTR_VALUE 0xe7f000f0

#define __arm_inst(v) __asm__ __volatile__(".inst " __stringify(v))

/* Execute the BUG instruction: the undefined-instruction trap follows. */
#define arch_bug_trap() __arm_inst(BUG_INSTR_VALUE)

/* Execute an undefined instruction that is not BUG (lkdtm, tests). */
#define arch_undefined_instruction() __arm_inst(UDF_INSTR_VALUE)

#endif /* _ASM_BUG_H */
