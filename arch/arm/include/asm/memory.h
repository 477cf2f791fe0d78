/*
 * The fixed part of the kernel's virtual memory map (VMSPLIT_3G), derived as
 * arch/arm/include/asm/memory.h derives it, and the linear-map conversions.
 *
 * The parts that depend on the layout profile or on RAM (VMALLOC_END, the
 * fixmap, high_memory, VMALLOC_START) live in struct kernel_layout
 * (arch/arm/include/asm/layout.h) and are computed at boot.
 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

#include <asm/page.h>
#include <linux/sizes.h>

#define PAGE_OFFSET _AC(0xC0000000, UL)
#define TEXT_OFFSET _AC(0x00008000, UL)
#define KERNEL_RAM_VADDR (PAGE_OFFSET + TEXT_OFFSET)

/* Linux's PMD is a pair of 1 MB hardware L1 entries: 2 MB. */
#define SECTION_SHIFT 20
#define SECTION_SIZE (_AC(1, UL) << SECTION_SHIFT)
#define PMD_SHIFT 21
#define PMD_SIZE (_AC(1, UL) << PMD_SHIFT)
#define PMD_MASK (~(PMD_SIZE - 1))
#define PTRS_PER_PTE 512

/* Modules must sit within the 32 MB reach of BL from kernel text. */
#define MODULES_VADDR (PAGE_OFFSET - SZ_16M)
#define TASK_SIZE MODULES_VADDR

/* The pkmap window is exactly one PMD: one PTE page serves all of it. */
#define LAST_PKMAP PTRS_PER_PTE
#define LAST_PKMAP_MASK (LAST_PKMAP - 1)
#define PKMAP_BASE (PAGE_OFFSET - PMD_SIZE)
#define PKMAP_NR(virt) (((unsigned long)(virt)-PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr) (PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))
#define MODULES_END PKMAP_BASE

#define VECTORS_BASE _AC(0xFFFF0000, UL)
#define VMALLOC_OFFSET SZ_8M

#ifndef __ASSEMBLY__
#include <linux/kernel.h>
#include <linux/types.h>

/*
 * PHYS_OFFSET - PAGE_OFFSET, found by boot/head.S from where the image runs
 * (Linux's ARM_PATCH_PHYS_VIRT idea without the instruction patching).
 */
extern unsigned long __pv_offset;
extern phys_addr_t __pv_phys_offset;
#define PHYS_OFFSET __pv_phys_offset
#define PHYS_PFN_OFFSET (PHYS_OFFSET >> PAGE_SHIFT)

static inline phys_addr_t __virt_to_phys(unsigned long x)
{
	return (phys_addr_t)(x + __pv_offset);
}

static inline unsigned long __phys_to_virt(phys_addr_t x)
{
	return (unsigned long)x - __pv_offset;
}

#define __pa(x) __virt_to_phys((unsigned long)(x))
#define __va(x) ((void *)__phys_to_virt((phys_addr_t)(x)))
#define virt_to_phys(x) __pa(x)
#define phys_to_virt(x) __va(x)

/* End of the linear map (exclusive); set by the layout code at boot. */
extern void *high_memory;
#endif

#endif /* _ASM_MEMORY_H */
