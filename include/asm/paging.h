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
/* Set once the buddy allocator owns memory (page tables come from it). */
extern bool mm_buddy_ready;

#endif /* _ASM_PAGING_H */
