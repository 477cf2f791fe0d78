/*
 * Boot-time static device mappings (Linux's iotable_init and struct
 * static_vm, arch/arm/mm/mm.h): ordinary vmalloc areas, flagged
 * VM_ARM_STATIC_MAPPING, that are never unmapped (arch/arm/mm/iomap.c).
 */
#ifndef _ASM_IOMAP_H
#define _ASM_IOMAP_H

#include <asm/io.h>
#include <linux/types.h>
#include <linux/vmalloc.h>

#define MAX_STATIC_VM 16

struct static_vm {
	struct vm_struct vm;
};

extern struct static_vm static_vmlist[MAX_STATIC_VM];
extern unsigned int nr_static_vm;

/*
 * Map device registers [phys, phys+size) for good, top-down below
 * VMALLOC_END; the same range again returns the same mapping. NULL if
 * out of slots or of room.
 */
void __iomem *iotable_map(phys_addr_t phys, unsigned long size);

/* The static mapping covering [paddr, paddr+size), or NULL. */
struct static_vm *find_static_vm_paddr(phys_addr_t paddr, size_t size);
/* The static mapping whose area contains vaddr, or NULL. */
struct static_vm *find_static_vm_vaddr(const volatile void *vaddr);

#endif /* _ASM_IOMAP_H */
