/*
 * modules/seed_banner.h: the region banner every example module of the
 * seeds prints before its "[*]... Address:" line (Documentation/boards.md,
 * section 2), written once for all of them. The values are the running
 * kernel's own, read through the same macros the seeds' modules use
 * (FIXADDR_*, VMALLOC_*, PAGE_OFFSET..high_memory, PKMAP_BASE + 2 MB):
 *
 *	***************************************************
 *	FIXMAP:      ffc00000 -- fff00000
 *	VMALLOC:     f0800000 -- ff800000
 *	LOWMEM:      c0000000 -- f0000000
 *	PKMAP:       bfe00000 -- c0000000
 *	***************************************************
 *
 * Seed 000's modules (written for x86-64) print no PKMAP line: with_pkmap
 * false.
 */
#ifndef _MODULES_SEED_BANNER_H
#define _MODULES_SEED_BANNER_H

#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <linux/module.h>

#define SEED_RULE "***************************************************\n"

static inline void seed_print_banner(bool with_pkmap)
{
	unsigned long fixaddr_end = FIXADDR_END, fixaddr_start = FIXADDR_START;
	unsigned long vmalloc_end = VMALLOC_END, vmalloc_start = VMALLOC_START;
	unsigned long lowmem_start = PAGE_OFFSET;
	unsigned long lowmem_end = (unsigned long)high_memory;
	unsigned long pkmap_start = PKMAP_BASE;
	unsigned long pkmap_end = PKMAP_BASE + 0x200000;

	printk(SEED_RULE);
	printk("FIXMAP:      %8lx -- %8lx\n", fixaddr_start, fixaddr_end);
	printk("VMALLOC:     %8lx -- %8lx\n", vmalloc_start, vmalloc_end);
	printk("LOWMEM:      %8lx -- %8lx\n", lowmem_start, lowmem_end);
	if (with_pkmap)
		printk("PKMAP:       %8lx -- %8lx\n", pkmap_start, pkmap_end);
	printk(SEED_RULE);
}

#endif /* _MODULES_SEED_BANNER_H */
