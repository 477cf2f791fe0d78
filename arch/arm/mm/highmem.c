/*
 * arch/arm/mm/highmem.c: temporary (atomic) maps of highmem pages in the
 * fixmap (Linux's arch/arm/mm/highmem.c; section 11 of the highmem
 * reference).
 *
 * Each CPU owns KM_TYPE_NR consecutive fixmap slots, used as a stack
 * whose depth is __kmap_atomic_idx[cpu]: slot `type` of CPU c is fixmap
 * index FIX_KMAP_BEGIN + type + KM_TYPE_NR * c. Why 16 x 4 (see also
 * asm/fixmap.h): KM_TYPE_NR = 16 is ARM's own kmap_types.h value, one
 * slot per nesting level, which covers process context plus the softirq,
 * hardirq and NMI-like users that may interrupt it, each holding a few
 * maps (a copy needs two); NR_CPUS = 4 is ARM's default CONFIG_NR_CPUS
 * and the most cores the vexpress boards have. The 64 slots plus the
 * earlycon slot fit in one PMD below FIXADDR_TOP in both layout profiles.
 *
 * A map writes one PTE and invalidates that one TLB entry; an unmap
 * clears the PTE and invalidates again, so a stale pointer into a freed
 * slot faults at once instead of reaching whichever page the slot maps
 * next (Linux keeps the old PTE outside CONFIG_DEBUG_HIGHMEM; hikern
 * always clears, which is what makes the stale-map tests meaningful).
 * Nothing here takes a lock: the slots are per CPU, and interrupt
 * handlers nest above the interrupted code on the same stack.
 */
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <string.h>

#define KMAP_SLOTS (KM_TYPE_NR * NR_CPUS)

int __kmap_atomic_idx[NR_CPUS];

/*
 * Slot 0 (FIX_KMAP_BEGIN) cached as x86's kmap_pte: fixmap indices grow
 * downward in address and all kmap slots share one PTE page, so slot i's
 * PTE is kmap_pte - i and its address kmap_vaddr - i pages. The fast path
 * then needs no table walk and no look at the layout profile.
 */
static pte_t *kmap_pte;
static unsigned long kmap_vaddr;
static unsigned long kmap_vlast; /* last byte of slot 0's page */

void __init kmap_atomic_init(void)
{
	kmap_pte = fixmap_pte(FIX_KMAP_BEGIN);
	kmap_vaddr = __fix_to_virt(FIX_KMAP_BEGIN);
	kmap_vlast = kmap_vaddr + PAGE_SIZE - 1;
	/* The derivation above holds only inside one PTE page. */
	BUG_ON(fixmap_pte(FIX_KMAP_END) != kmap_pte - (KMAP_SLOTS - 1));
}

static inline unsigned long kmap_slot_vaddr(int slot)
{
	return kmap_vaddr - ((unsigned long)slot << PAGE_SHIFT);
}

/*
 * The slot number of an address inside a kmap_atomic slot, or -1 for any
 * other. Slot i's bytes lie i pages below slot 0's last byte, so the
 * distance down from that byte, in pages, is the slot; addresses above
 * slot 0 wrap to huge distances: one compare rejects both ends.
 */
static inline int kmap_slot_of(unsigned long addr)
{
	unsigned long off = kmap_vlast - addr;

	if (off >= (unsigned long)KMAP_SLOTS << PAGE_SHIFT)
		return -1;
	return (int)(off >> PAGE_SHIFT);
}

void kmap_atomic_idx_overflow(void)
{
	pr_alert("BUG: kmap_atomic: nesting deeper than KM_TYPE_NR (%d) on CPU %u\n",
		 KM_TYPE_NR, smp_processor_id());
	dump_stack();
}

/*
 * Push a slot on this CPU's stack and map pte there; preemption and page
 * faults are already off. The debug build checks the slot is empty (a
 * full one means the stack and the PTEs disagree: someone unmapped out
 * of order or wrote the slot behind our back) and turns an overflow into
 * NULL, re-enabling what the caller disabled.
 */
static __always_inline void *kmap_atomic_install(pte_t pte)
{
	int type = kmap_atomic_idx_push();
	unsigned long vaddr;
	pte_t *ptep;
	int slot;

#if CONFIG_DEBUG_HIGHMEM
	if (unlikely(type < 0)) {
		pagefault_enable();
		preempt_enable();
		return NULL;
	}
#endif
	slot = type + KM_TYPE_NR * smp_processor_id();
	ptep = kmap_pte - slot;
	vaddr = kmap_slot_vaddr(slot);
#if CONFIG_DEBUG_HIGHMEM
	BUG_ON(!pte_none(*ptep));
#endif
	set_pte_ext(ptep, pte);
	local_flush_tlb_kernel_page(vaddr);
	return (void *)vaddr;
}

void *kmap_atomic_high_prot(struct page *page, pgprot_t prot)
{
	return kmap_atomic_install(mk_pte(page, prot));
}

/* kmap_atomic for a page frame number (no struct page needed). */
void *kmap_atomic_pfn(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	preempt_disable();
	pagefault_disable();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_atomic_install(pfn_pte(pfn, kmap_prot));
}

/*
 * The slot to free is the top of this CPU's stack, whatever the address
 * says (as Linux): unmapping out of order is the caller's bug, reported
 * in the debug build, and freeing the top keeps the stack and the PTEs
 * consistent. Lowmem addresses (kmap_atomic of a lowmem page) have
 * nothing to undo.
 */
void kunmap_atomic_high(void *kvaddr)
{
	unsigned long vaddr = (unsigned long)kvaddr, top;
	int slot;

	if (kmap_slot_of(vaddr) < 0) {
#if CONFIG_DEBUG_HIGHMEM
		WARN_ON(vaddr < PAGE_OFFSET || vaddr >= (unsigned long)high_memory);
#endif
		return;
	}
#if CONFIG_DEBUG_HIGHMEM
	/* An empty stack would make the "top" the earlycon slot. */
	if (WARN_ON(kmap_atomic_idx() < 0))
		return;
#endif
	slot = kmap_atomic_idx() + KM_TYPE_NR * smp_processor_id();
	top = kmap_slot_vaddr(slot);
#if CONFIG_DEBUG_HIGHMEM
	WARN_ON((vaddr & PAGE_MASK) != top);
#endif
	pte_clear(&init_mm, top, kmap_pte - slot);
	local_flush_tlb_kernel_page(top);
	kmap_atomic_idx_pop();
}

struct page *kmap_atomic_to_page(const void *ptr)
{
	int slot = kmap_slot_of((unsigned long)ptr);

	if (slot < 0)
		return kmap_to_page((void *)ptr);
	return pte_page(*(kmap_pte - slot));
}

void clear_highpage(struct page *page)
{
	void *kaddr = kmap_atomic(page);

	memset(kaddr, 0, PAGE_SIZE);
	kunmap_atomic(kaddr);
}
