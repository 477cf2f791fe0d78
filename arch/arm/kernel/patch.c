/*
 * arch/arm/kernel/patch.c: boot-time patching of the sites recorded in
 * .patch.sites (asm/patch.h), Linux's SMP_ON_UP fixup made one table for
 * every condition the boot decides once.
 */
#include <asm/cacheflush.h>
#include <asm/patch.h>
#include <linux/init.h>

#define ARM_NOP 0xe320f000 /* the A32 NOP (hint #0) */
#define ARM_B 0xea000000   /* B, condition AL; imm24 = words from pc + 8 */

static u32 patch_insn(const struct patch_site *p)
{
	if (!p->target)
		return ARM_NOP;
	return ARM_B | (((p->target - (u32)p->insn - 8) >> 2) & 0xffffff);
}

/**
 * apply_patch_sites - rewrite every recorded site of one condition
 * @cond: the PATCH_* condition that holds on this machine
 *
 * Each site becomes a NOP or a branch to its target (asm/patch.h), made
 * visible to instruction fetch. Must run while the kernel text is still
 * writable (setup_arch(), before paging_init()) and before any other CPU
 * runs.
 *
 * Context: boot, one CPU.
 * Return: the number of sites patched.
 */
unsigned int __init apply_patch_sites(u32 cond)
{
	extern struct patch_site __patch_sites_start[], __patch_sites_end[];
	unsigned int n = 0;

	for (struct patch_site *p = __patch_sites_start; p < __patch_sites_end;
	     p++) {
		if (p->cond != cond)
			continue;
		*p->insn = patch_insn(p);
		__cpuc_flush_dcache_area(p->insn, 4);
		flush_icache_range((unsigned long)p->insn,
				   (unsigned long)p->insn + 4);
		n++;
	}
	return n;
}
