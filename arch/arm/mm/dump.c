/*
 * arch/arm/mm/dump.c: walk the kernel page tables and check that no
 * mapping is both writable and executable (Linux's CONFIG_DEBUG_WX,
 * ptdump_check_wx). Decoding the descriptors is mmu.c's business, so this
 * file asks mmu.c (kernel_mapping_prot) rather than reading bits itself.
 */
#include <asm/paging.h>
#include <asm/pgtable.h>
#include <linux/kernel.h>
#include <linux/printk.h>

/*
 * Calls fn for each mapped page or section; stops at the first for which
 * fn returns true and stores its address in *found (VA 0 included: a
 * stray low mapping is exactly what the W+X check must see).
 */
static bool walk(bool (*fn)(unsigned long va, unsigned int prot),
		 unsigned long *found)
{
	unsigned long va = 0;

	do {
		unsigned long size;
		int prot = kernel_mapping_prot(va, &size);

		if (prot >= 0 && fn(va, (unsigned int)prot)) {
			*found = va;
			return true;
		}
		va += size;
	} while (va);
	return false;
}

static bool is_wx(unsigned long va, unsigned int prot)
{
	(void)va;
	return (prot & KPROT_WRITE) && (prot & KPROT_EXEC);
}

bool find_wx_mapping(unsigned long *va)
{
	return walk(is_wx, va);
}

void ptdump_check_wx(void)
{
	unsigned long va;

	if (find_wx_mapping(&va))
		pr_warn("arm/mm: Found insecure W+X mapping at address %08lx\n",
			va);
	else
		pr_info("Checked W+X mappings: passed, no W+X pages found\n");
}
