/* Static device mappings in the vmalloc area (arch/arm/mm/iomap.c). */
#ifndef _ASM_IOMAP_H
#define _ASM_IOMAP_H

#include <asm/io.h>
#include <linux/types.h>

#define MAX_STATIC_VM 16

struct static_vm {
	unsigned long addr; /* virtual start */
	phys_addr_t phys;
	unsigned long size;
};

extern struct static_vm static_vmlist[MAX_STATIC_VM];
extern unsigned int nr_static_vm;

/* Map device registers [phys, phys+size) for good; NULL if out of slots. */
void __iomem *iotable_map(phys_addr_t phys, unsigned long size);

#endif /* _ASM_IOMAP_H */
