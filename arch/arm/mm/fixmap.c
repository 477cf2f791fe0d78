/*
 * arch/arm/mm/fixmap.c: the fixmap slots (Linux's __set_fixmap and
 * early_fixmap_init from arch/arm/mm/mmu.c).
 *
 * The earlycon UART is mapped before any allocator exists, so the PMD that
 * holds FIXADDR_TOP is served by a static PTE page (bm_pte). Unlike Linux,
 * bm_pte is not __initdata: it simply stays the PTE page of that PMD, so
 * there is nothing to hand over in paging_init. fixmap_init() then makes
 * sure every PMD of [FIXADDR_START, FIXADDR_END) has a PTE page.
 */
#include <asm/fixmap.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/kernel.h>

static pte_t bm_pte[PAGE_SIZE / sizeof(pte_t)] __aligned(PAGE_SIZE);

void __init early_fixmap_init(void)
{
	pmd_t *pmd = pmd_off_k(FIXADDR_TOP);

	/* All permanent and kmap slots must share bm_pte's PMD. */
	BUG_ON((FIXADDR_TOP & PMD_MASK) !=
	       (__fix_to_virt(__end_of_fixed_addresses - 1) & PMD_MASK));
	BUG_ON(__fix_to_virt(__end_of_fixed_addresses - 1) < FIXADDR_START);
	pmd_populate_kernel(&init_mm, pmd, bm_pte);
}

void __init fixmap_init(void)
{
	for (unsigned long a = FIXADDR_START;
	     a < FIXADDR_END && a >= FIXADDR_START; a += PMD_SIZE)
		BUG_ON(!pte_alloc_kernel(pmd_off_k(a), a));
}

pte_t *fixmap_pte(unsigned int idx)
{
	unsigned long vaddr = __fix_to_virt(idx);

	return pte_offset_kernel(pmd_off_k(vaddr), vaddr);
}

unsigned long virt_to_fix(unsigned long vaddr)
{
	BUG_ON(vaddr >= FIXADDR_TOP + PAGE_SIZE || vaddr < FIXADDR_START);
	return __virt_to_fix(vaddr);
}

/*
 * Install (prot != 0) or clear a slot, then flush this CPU's TLB entry for
 * it: the slot may have held another page a moment ago, and a stale entry
 * would let the next user reach the old page.
 */
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot)
{
	unsigned long vaddr = __fix_to_virt(idx);
	pte_t *ptep;

	BUG_ON(idx >= __end_of_fixed_addresses);
	ptep = fixmap_pte(idx);
	if (prot)
		set_pte_ext(ptep, pfn_pte(phys >> PAGE_SHIFT, prot));
	else
		set_pte_ext(ptep, 0);
	local_flush_tlb_kernel_page(vaddr);
}
