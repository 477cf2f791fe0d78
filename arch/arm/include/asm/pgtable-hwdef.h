/*
 * ARMv7 short-descriptor bits (Linux's pgtable-2level-hwdef.h names).
 * Only arch/arm/mm/mmu.c (the two prot translators) and boot/head.S may use
 * these to build descriptors; everything else speaks pgprot_t
 * (arch/arm/include/asm/pgtable.h). The page-table dump (arch/arm/mm/dump.c)
 * and the tests that check descriptors read them.
 */
#ifndef _ASM_PGTABLE_HWDEF_H
#define _ASM_PGTABLE_HWDEF_H

#include <linux/const.h>

/* First-level descriptors (one per 1 MB). */
#define PMD_TYPE_MASK (_AC(3, UL) << 0)
#define PMD_TYPE_FAULT (_AC(0, UL) << 0)
#define PMD_TYPE_TABLE (_AC(1, UL) << 0)
#define PMD_TYPE_SECT (_AC(2, UL) << 0)
#define PMD_PXNTABLE (_AC(1, UL) << 2)
#define PMD_BIT4 (_AC(1, UL) << 4)
#define PMD_DOMAIN(x) (_AC(x, UL) << 5)
#define PMD_SECT_PXN (_AC(1, UL) << 0)
#define PMD_SECT_BUFFERABLE (_AC(1, UL) << 2)
#define PMD_SECT_CACHEABLE (_AC(1, UL) << 3)
#define PMD_SECT_XN (_AC(1, UL) << 4)
#define PMD_SECT_AP_WRITE (_AC(1, UL) << 10)
#define PMD_SECT_AP_READ (_AC(1, UL) << 11)
#define PMD_SECT_TEX(x) (_AC(x, UL) << 12)
#define PMD_SECT_APX (_AC(1, UL) << 15)
#define PMD_SECT_S (_AC(1, UL) << 16)
#define PMD_SECT_nG (_AC(1, UL) << 17)
#define PMD_SECT_SUPER (_AC(1, UL) << 18)
/* Normal memory, outer and inner write-back write-allocate. */
#define PMD_SECT_WBWA \
	(PMD_SECT_TEX(1) | PMD_SECT_CACHEABLE | PMD_SECT_BUFFERABLE)

/* Second-level small-page descriptors (one per 4 KB). */
#define PTE_TYPE_MASK (_AC(3, UL) << 0)
#define PTE_TYPE_FAULT (_AC(0, UL) << 0)
#define PTE_TYPE_SMALL (_AC(2, UL) << 0)
#define PTE_EXT_XN (_AC(1, UL) << 0)
#define PTE_BUFFERABLE (_AC(1, UL) << 2)
#define PTE_CACHEABLE (_AC(1, UL) << 3)
#define PTE_EXT_AP0 (_AC(1, UL) << 4)
#define PTE_EXT_AP1 (_AC(2, UL) << 4)
#define PTE_EXT_TEX(x) (_AC(x, UL) << 6)
#define PTE_EXT_APX (_AC(1, UL) << 9)
#define PTE_EXT_SHARED (_AC(1, UL) << 10)
#define PTE_EXT_NG (_AC(1, UL) << 11)

/* Hardware table geometry. */
#define PTRS_PER_HWPGD 4096
#define PTRS_PER_HWPTE 256
#define HWPTE_TABLE_SIZE (PTRS_PER_HWPTE * 4)

/*
 * TTBR0 walk attributes: inner/outer write-back write-allocate; on SMP
 * hardware also Shareable (S) and Not Outer Shareable (NOS), so the walks
 * are Inner Shareable, as Linux's TTB_FLAGS_SMP (proc-v7-2level.S).
 */
#define TTB_S (_AC(1, UL) << 1)
#define TTB_IRGN_WBWA ((_AC(0, UL) << 0) | (_AC(1, UL) << 6))
#define TTB_RGN_OC_WBWA (_AC(1, UL) << 3)
#define TTB_NOS (_AC(1, UL) << 5)
#define TTB_FLAGS_UP (TTB_IRGN_WBWA | TTB_RGN_OC_WBWA)
#define TTB_FLAGS_SMP (TTB_IRGN_WBWA | TTB_S | TTB_NOS | TTB_RGN_OC_WBWA)

/* SCTLR bits we set or rely on. */
#define CR_M (1 << 0)
#define CR_A (1 << 1)
#define CR_C (1 << 2)
#define CR_Z (1 << 11)
#define CR_I (1 << 12)
#define CR_V (1 << 13)
#define CR_TRE (1 << 28)
#define CR_AFE (1 << 29)

/* Every domain "client": permission bits are always checked. */
#define DACR_INIT 0x55555555

#endif /* _ASM_PGTABLE_HWDEF_H */
