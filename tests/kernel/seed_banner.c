/*
 * tests/kernel/seed_banner.c: the region banner of the Linux 5.5 board's
 * example modules (Documentation/boards.md, section 2), shared by every
 * test that reproduces one of them so that the
 * banner is written once (see seed.h).
 */
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/memory.h>
#include <linux/printk.h>

#include "seed.h"

#define SEED_RULE "***************************************************\n"

void seed_print_banner(void)
{
	/* The example module computes PKMAP's end as PKMAP_BASE + 0x200000. */
	unsigned long pkmap_end = PKMAP_BASE + 0x200000;

	printk(SEED_RULE);
	printk("FIXMAP:      %8lx -- %8lx\n", FIXADDR_START, FIXADDR_END);
	printk("VMALLOC:     %8lx -- %8lx\n", VMALLOC_START, VMALLOC_END);
	printk("LOWMEM:      %8lx -- %8lx\n", PAGE_OFFSET,
	       (unsigned long)high_memory);
	printk("PKMAP:       %8lx -- %8lx\n", PKMAP_BASE, pkmap_end);
	printk(SEED_RULE);
}
