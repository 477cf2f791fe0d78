/*
 * Boot-time instruction patching (the idea of Linux ARM's SMP_ON_UP:
 * the ALT_SMP()/ALT_UP() pairs that head.S's __fixup_smp rewrites, and
 * of set_pte_ext's per-core choice of cache clean).
 *
 * The kernel is built for the general case; an instruction that some
 * machines do not need records its address in the .patch.sites table
 * with a condition and a replacement. Once at boot, while the kernel
 * text is still writable and before any other CPU runs, setup_arch()
 * calls apply_patch_sites() for each condition that holds, and every
 * site with that condition is overwritten: with a NOP (target 0), or
 * with a branch to target, which skips the instructions in between.
 *
 * Conditions:
 *   PATCH_WALK_COHERENT  the table walker snoops the D-cache (ID_MMFR3):
 *                        set_pte_ext()'s clean becomes a NOP
 *   PATCH_UP             one CPU can ever run (-smp 1, nosmp,
 *                        maxcpus=0/1): the lock word of an IRQs-off
 *                        spinlock is skipped (asm/spinlock.h)
 *
 * Code in modules is not patched: it keeps the general form, which is
 * always correct.
 */
#ifndef _ASM_ARM_PATCH_H
#define _ASM_ARM_PATCH_H

#define PATCH_WALK_COHERENT 1
#define PATCH_UP 2

#define __PATCH_STR(x) #x
#define PATCH_STR(x) __PATCH_STR(x)

/*
 * Inline-asm text recording one site: the instruction at @site (an asm
 * label, e.g. "1b") becomes, when @cond holds, a branch to @target (an
 * asm label or "0" for a NOP).
 */
#define PATCH_SITE(site, target, cond)        \
	"	.pushsection .patch.sites, \"a\"\n" \
	"	.long	" site ", " target    \
	", " PATCH_STR(cond) "\n"             \
			     "	.popsection\n"

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct patch_site {
	u32 *insn;  /* the instruction to replace */
	u32 target; /* branch target, or 0: a NOP */
	u32 cond;   /* PATCH_* */
};

/* Patch every site of @cond; returns how many (setup_arch() only). */
unsigned int apply_patch_sites(u32 cond);
#endif

#endif /* _ASM_ARM_PATCH_H */
