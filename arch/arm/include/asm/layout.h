/*
 * The part of the kernel memory map that depends on the Linux version being
 * reproduced (the layout profile, "hikern.layout=") and on the RAM found at
 * boot. arch/arm/mm/layout.c fills it in; everything downstream (fixmap slot
 * addresses, the lowmem limit, zones, the layout banner) reads it.
 *
 *  profile "v3.18" (default; Documentation/boards.md, section 1):
 *      VMALLOC_END 0xff000000, fixmap
 *      0xffc00000-0xffe00000, Memory line without cma-reserved;
 *  profile "v5" (a v5.5 board, Documentation/boards.md, section 2):
 *      VMALLOC_END 0xff800000, fixmap
 *      0xffc00000-0xfff00000, FIXADDR_TOP 0xffeff000.
 *
 * Both use v3.19+'s top-down fixmap indexing (__fix_to_virt(x) =
 * FIXADDR_TOP - x pages, FIXADDR_TOP = FIXADDR_END - PAGE_SIZE).
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#include <asm/memory.h>
#include <linux/types.h>

struct layout_profile {
	const char *name;
	const char *linux_versions; /* which kernels used these constants */
	unsigned long vmalloc_end;
	unsigned long fixaddr_start;
	unsigned long fixaddr_end;
	bool memory_line_cma; /* "%luK cma-reserved" field, v3.19+ */
};

extern const struct layout_profile *layout;

#define VMALLOC_END (layout->vmalloc_end)
#define FIXADDR_START (layout->fixaddr_start)
#define FIXADDR_END (layout->fixaddr_end)
#define FIXADDR_TOP (FIXADDR_END - PAGE_SIZE)
#define FIXADDR_SIZE (FIXADDR_END - FIXADDR_START)

/* The first 8 MB boundary strictly above high_memory (Linux's formula). */
#define VMALLOC_START \
	(((unsigned long)high_memory + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1))

/* Default vmalloc size, and Linux's bounds for vmalloc=. */
#define VMALLOC_DEFAULT_SIZE (240 * SZ_1M)
#define VMALLOC_MIN_SIZE SZ_16M

/* Lowest start of vmalloc space = highest end of lowmem (virtual). */
extern unsigned long vmalloc_min;
/* Physical end of lowmem (arm_lowmem_limit). */
extern phys_addr_t arm_lowmem_limit;

int layout_select(const char *name);
void adjust_lowmem_bounds(void);

#endif /* _ASM_LAYOUT_H */
