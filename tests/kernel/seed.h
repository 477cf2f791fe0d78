/*
 * tests/kernel/seed.h: helpers shared by the self-tests that reproduce the
 * example modules of Documentation/boards.md (kmalloc, vmalloc, kmap,
 * kmap_atomic...).
 */
#ifndef _TESTS_KERNEL_SEED_H
#define _TESTS_KERNEL_SEED_H

/*
 * Print the region banner every example module of the Linux 5.5 board
 * (Documentation/boards.md, section 2) prints before its "[*]... Address:"
 * line, in the modules' exact format:
 *	***************************************************
 *	FIXMAP:      ffc00000 -- fff00000
 *	VMALLOC:     f0800000 -- ff800000
 *	LOWMEM:      c0000000 -- f0000000
 *	PKMAP:       bfe00000 -- c0000000
 *	***************************************************
 * The values are the running kernel's own (FIXADDR_*, VMALLOC_*,
 * PAGE_OFFSET..high_memory, the 2 MB pkmap window).
 */
void seed_print_banner(void);

#endif /* _TESTS_KERNEL_SEED_H */
