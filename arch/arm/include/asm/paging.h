/* Boot-time construction of the kernel's address space (arch/arm/mm). */
#ifndef _ASM_PAGING_H
#define _ASM_PAGING_H

#include <linux/types.h>

/* Fill mem_types[] (needed before the first fixmap/earlycon mapping). */
void build_mem_type_table(void);
/* Final page tables, vectors, fixmap/pkmap tables, then the zones. */
void paging_init(void);
/* Zone boundaries from the lowmem limit; calls free_area_init(). */
void bootmem_init(void);
/* Release memory to the buddy allocator; print Memory line and layout. */
void mem_init(void);
/* The "Virtual kernel memory layout" block (boot, and the console). */
void print_memory_layout(void);
/* What kernel_mapping_prot() reports for a mapped address. */
#define KPROT_WRITE 1
#define KPROT_EXEC 2
#define KPROT_DEVICE 4
/*
 * Permissions of the mapping at va as KPROT_* bits, or -1 if unmapped;
 * *size is how far the same answer holds (a section or a page).
 */
int kernel_mapping_prot(unsigned long va, unsigned long *size);
/* True if some kernel mapping is writable+executable; *va is the first. */
bool find_wx_mapping(unsigned long *va);
/*
 * The boot-time W+X report is Linux's CONFIG_DEBUG_WX, a debug option: on
 * in the test build. The production build skips the walk (about 0.2 M
 * guest instructions of the boot); the mmu suite's no_wx_mappings case
 * checks the same tables in both builds.
 */
#define CONFIG_DEBUG_WX CONFIG_DEBUG
void ptdump_check_wx(void);
/* The console's `ptdump` and `pagewalk ADDR` (arch/arm/mm/dump.c). */
void ptdump_show(void);
void pagewalk_show(unsigned long addr);
/* Pages of L2 tables allocated for the kernel map (meminfo PageTables). */
unsigned long kernel_pte_pages(void);

/* Set once the buddy allocator owns memory (page tables come from it). */
extern bool mm_buddy_ready;

#endif /* _ASM_PAGING_H */
