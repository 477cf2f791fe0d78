/*
 * arch/arm/mm/iomap.c: static device mappings (Linux's iotable_init with
 * vm_area_add_early), for the interrupt controller and timer that must be
 * reachable before, and independently of, anything dynamic.
 *
 * Each is an ordinary vm_struct in the vmalloc allocator's list (so
 * vmalloc never hands out its addresses and vmallocinfo lists it as
 * "ioremap"), placed top-down below VMALLOC_END with its guard page, in
 * static storage so no allocator is needed, and flagged
 * VM_ARM_STATIC_MAPPING so it is never unmapped.
 */
#include <asm/io.h>
#include <asm/iomap.h>
#include <asm/pgtable.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/vmalloc.h>

struct static_vm static_vmlist[MAX_STATIC_VM];
unsigned int nr_static_vm;

static unsigned long vm_usable_end(const struct vm_struct *vm)
{
	return (unsigned long)vm->addr + get_vm_area_size(vm);
}

struct static_vm *find_static_vm_paddr(phys_addr_t paddr, size_t size)
{
	for (unsigned int i = 0; i < nr_static_vm; i++) {
		struct vm_struct *vm = &static_vmlist[i].vm;

		if (paddr >= vm->phys_addr &&
		    paddr + size <= vm->phys_addr + get_vm_area_size(vm))
			return &static_vmlist[i];
	}
	return NULL;
}

struct static_vm *find_static_vm_vaddr(const volatile void *vaddr)
{
	unsigned long addr = (unsigned long)vaddr;

	for (unsigned int i = 0; i < nr_static_vm; i++) {
		struct vm_struct *vm = &static_vmlist[i].vm;

		if (addr >= (unsigned long)vm->addr && addr < vm_usable_end(vm))
			return &static_vmlist[i];
	}
	return NULL;
}

void __iomem *iotable_map(phys_addr_t phys, unsigned long size)
{
	phys_addr_t base = ALIGN_DOWN(phys, PAGE_SIZE);
	unsigned long len = ALIGN(phys + size, PAGE_SIZE) - base;
	struct static_vm *svm = find_static_vm_paddr(base, len);
	struct vm_struct *vm;

	if (svm)
		return (void __iomem *)((char *)svm->vm.addr +
					(phys - svm->vm.phys_addr));
	if (nr_static_vm == MAX_STATIC_VM) {
		pr_err("iotable_map: no room for 0x%08lx\n",
		       (unsigned long)phys);
		return NULL;
	}
	vm = &static_vmlist[nr_static_vm].vm;
	vm->size = len + PAGE_SIZE;
	vm->phys_addr = base;
	vm->flags = VM_IOREMAP;
	vm->caller = iotable_map;
	if (vm_area_add_early(vm)) {
		pr_err("iotable_map: no vmalloc space for 0x%08lx\n",
		       (unsigned long)phys);
		return NULL;
	}
	/* Pages, never sections: the vmalloc area's pmds must stay tables. */
	if (ioremap_page_range((unsigned long)vm->addr,
			       (unsigned long)vm->addr + len, base,
			       PAGE_KERNEL_IO)) {
		pr_err("iotable_map: cannot map 0x%08lx\n",
		       (unsigned long)phys);
		remove_vm_area(vm->addr);
		return NULL;
	}
	/* Only now: remove_vm_area refuses static mappings. */
	vm->flags |= VM_ARM_STATIC_MAPPING;
	nr_static_vm++;
	return (void __iomem *)((char *)vm->addr + (phys - base));
}
