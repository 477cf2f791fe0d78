/*
 * arch/arm/include/asm/elf.h: the ARM relocation types the module loader
 * knows (ELF for the ARM Architecture, table 4-8; Linux's names).
 */
#ifndef _ASM_ARM_ELF_H
#define _ASM_ARM_ELF_H

#define R_ARM_NONE 0
#define R_ARM_PC24 1
#define R_ARM_ABS32 2
#define R_ARM_REL32 3
#define R_ARM_THM_CALL 10
#define R_ARM_CALL 28
#define R_ARM_JUMP24 29
#define R_ARM_TARGET1 38
#define R_ARM_V4BX 40
#define R_ARM_PREL31 42
#define R_ARM_MOVW_ABS_NC 43
#define R_ARM_MOVT_ABS 44
#define R_ARM_MOVW_PREL_NC 45
#define R_ARM_MOVT_PREL 46

#endif /* _ASM_ARM_ELF_H */
