/*
 * Register frame saved on the SVC stack by every exception entry
 * (arch/arm/kernel/entry-armv.S). The layout is Linux's pt_regs minus
 * ARM_ORIG_r0: r0-r12, sp, lr, pc, cpsr.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#ifndef __ASSEMBLY__
struct pt_regs {
	unsigned long uregs[17];
};
#endif

#define ARM_cpsr uregs[16]
#define ARM_pc uregs[15]
#define ARM_lr uregs[14]
#define ARM_sp uregs[13]
#define ARM_ip uregs[12]
#define ARM_fp uregs[11]
#define ARM_r0 uregs[0]

#define MODE_MASK 0x1f
#define SVC_MODE 0x13
#define PSR_I_BIT 0x80
#define PSR_F_BIT 0x40
#define PSR_T_BIT 0x20

#define S_FRAME_SIZE (17 * 4)

#endif /* _ASM_PTRACE_H */
