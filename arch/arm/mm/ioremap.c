/*
 * arch/arm/mm/ioremap.c: ioremap/iounmap (Linux's __arm_ioremap_caller
 * and __iounmap, without the section mappings): device registers mapped
 * page by page into a vmalloc area with the memory type's attributes.
 */
#include <asm/io.h>
#include <asm/iomap.h>
#include <asm/pgtable.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/vmalloc.h>

/* Does [pfn, pfn+nr) touch RAM that mem_map describes? */
static bool range_has_ram(unsigned long pfn, unsigned long nr)
{
	for (unsigned long i = 0; i < nr; i++)
		if (pfn_valid(pfn + i))
			return true;
	return false;
}

void __iomem *__arm_ioremap_caller(phys_addr_t phys_addr, size_t size,
				   unsigned int mtype, const void *caller)
{
	phys_addr_t paddr = phys_addr & PAGE_MASK;
	unsigned long offset = phys_addr & ~PAGE_MASK;
	struct static_vm *svm;
	struct vm_struct *area;
	unsigned long addr;

	size = ALIGN(offset + size, PAGE_SIZE);
	/* No size, or the range wraps past 4 GB. */
	if (!size || paddr + size - 1 < paddr || mtype >= MT_NR_TYPES)
		return NULL;
	if (WARN_ON(range_has_ram(paddr >> PAGE_SHIFT, size >> PAGE_SHIFT)))
		return NULL;
	if (mtype == MT_DEVICE) {
		svm = find_static_vm_paddr(paddr, size);
		if (svm)
			return (void __iomem *)((char *)svm->vm.addr +
						(paddr - svm->vm.phys_addr) +
						offset);
	}
	area = get_vm_area_caller(size, VM_IOREMAP, caller);
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	area->phys_addr = paddr;
	if (ioremap_page_range(addr, addr + size, paddr,
			       mem_types[mtype].prot_pte)) {
		free_vm_area(area);
		return NULL;
	}
	return (void __iomem *)(addr + offset);
}

void __iomem *ioremap(phys_addr_t phys_addr, size_t size)
{
	return __arm_ioremap_caller(phys_addr, size, MT_DEVICE,
				    __builtin_return_address(0));
}

/*
 * Static mappings are shared and permanent: unmapping one is a no-op, as
 * in Linux. Anything else must be an ioremap area.
 */
void iounmap(volatile void __iomem *io_addr)
{
	void *addr = (void *)((unsigned long)io_addr & PAGE_MASK);
	struct vm_struct *area;

	if (!io_addr || find_static_vm_vaddr(io_addr))
		return;
	area = find_vm_area(addr);
	if (!area || !(area->flags & VM_IOREMAP)) {
		pr_err("iounmap: bad address %p\n", addr);
		WARN_ON(1);
		return;
	}
	free_vm_area(area);
}
