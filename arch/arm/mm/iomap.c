/*
 * arch/arm/mm/iomap.c: static device mappings (Linux's iotable_init and
 * vm_area_add_early), carved top-down out of the vmalloc area just below
 * VMALLOC_END. They are recorded in static_vmlist so the vmalloc allocator
 * treats those addresses as taken.
 */
#include <asm/io.h>
#include <asm/iomap.h>
#include <asm/layout.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/printk.h>

struct static_vm static_vmlist[MAX_STATIC_VM];
unsigned int nr_static_vm;
static unsigned long iotable_next; /* lowest address handed out so far */

void __iomem *iotable_map(phys_addr_t phys, unsigned long size)
{
	phys_addr_t base = ALIGN_DOWN(phys, PAGE_SIZE);
	unsigned long len = ALIGN(phys + size, PAGE_SIZE) - base;
	struct static_vm *vm;

	for (unsigned int i = 0; i < nr_static_vm; i++) {
		vm = &static_vmlist[i];
		if (base >= vm->phys && base + len <= vm->phys + vm->size)
			return (void __iomem *)(vm->addr + (phys - vm->phys));
	}
	if (nr_static_vm == MAX_STATIC_VM) {
		pr_err("iotable_map: no room for 0x%08lx\n", (unsigned long)phys);
		return NULL;
	}
	if (!iotable_next)
		iotable_next = VMALLOC_END;
	/* One unmapped guard page below each mapping, as vmalloc keeps. */
	iotable_next -= len + PAGE_SIZE;
	vm = &static_vmlist[nr_static_vm++];
	vm->addr = iotable_next + PAGE_SIZE;
	vm->phys = base;
	vm->size = len;
	create_mapping(vm->addr, base, len, MT_DEVICE);
	flush_tlb_kernel_range(vm->addr, vm->addr + len);
	return (void __iomem *)(vm->addr + (phys - base));
}
