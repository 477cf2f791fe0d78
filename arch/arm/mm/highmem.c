/*
 * arch/arm/mm/highmem.c: temporary (atomic) maps of highmem pages in the
 * fixmap (Linux's arch/arm/mm/highmem.c; see
 * Documentation/mm/highmem.md).
 *
 * Each CPU owns KM_TYPE_NR consecutive fixmap slots, used as a stack
 * whose top is kmap_atomic_cpu[cpu].top: slot `type` of CPU c is fixmap
 * index FIX_KMAP_BEGIN + type + KM_TYPE_NR * c. Why 16 x 4 (see also
 * asm/fixmap.h): KM_TYPE_NR = 16 is ARM's own kmap_types.h value, one
 * slot per nesting level, which covers process context plus the softirq,
 * hardirq and NMI-like users that may interrupt it, each holding a few
 * maps (a copy needs two); NR_CPUS = 4 is ARM's default CONFIG_NR_CPUS
 * and the most cores the vexpress boards have. The 64 slots plus the
 * earlycon slot fit in one PMD below FIXADDR_TOP in both layout profiles.
 *
 * An unmap clears the PTE and invalidates its TLB entry, so a stale
 * pointer into a freed slot faults at once instead of reaching whichever
 * page the slot maps next (Linux keeps the old PTE outside
 * CONFIG_DEBUG_HIGHMEM; hikern always clears, which is what makes the
 * stale-map tests meaningful). A map then only writes the PTE: a free
 * slot has no TLB entry to invalidate. Nothing here takes a lock: the
 * slots are per CPU, and interrupt handlers nest above the interrupted
 * code on the same stack. The fast paths (kmap_atomic, kunmap_atomic)
 * are inline in asm/highmem.h; this file sets up their data.
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

/*
 * kmap_atomic_high_prot()'s bias (asm/highmem.h's speed trick): a page's
 * physical address is its byte offset in mem_map times
 * PAGE_SIZE / sizeof(struct page), plus PHYS_OFFSET, so
 * page * (PAGE_SIZE / sizeof(struct page)) - bias is its PTE address bits,
 * modulo 2^32.
 */
static unsigned long __init kmap_pte_bias(void)
{
	struct page *last = mem_map + max_mapnr - 1;
	unsigned long bias;

	BUILD_BUG_ON(PAGE_SIZE % sizeof(struct page));
	bias = (unsigned long)mem_map * (PAGE_SIZE / sizeof(struct page)) -
	       (unsigned long)PFN_PHYS(ARCH_PFN_OFFSET);
	BUG_ON((unsigned long)last * (PAGE_SIZE / sizeof(struct page)) - bias !=
	       (unsigned long)PFN_PHYS(page_to_pfn(last)));
	return bias;
}

struct kmap_atomic_cpu kmap_atomic_cpu[NR_CPUS];
struct kmap_atomic_data kmap_atomic_data;

/*
 * Fill in kmap_atomic_cpu[] for the inline fast path (asm/highmem.h)
 * and kmap_atomic_data for the slow ones, before the first kmap_atomic.
 */
void __init kmap_atomic_init(void)
{
	struct kmap_atomic_data *d = &kmap_atomic_data;
	unsigned long bias = kmap_pte_bias();

	d->pte = fixmap_pte(FIX_KMAP_BEGIN);
	d->vaddr = __fix_to_virt(FIX_KMAP_BEGIN);
	d->vlast = d->vaddr + PAGE_SIZE - 1;
	/* The derivation of slot i's PTE holds only inside one PTE page. */
	BUG_ON(fixmap_pte(FIX_KMAP_END) != d->pte - (KMAP_SLOTS - 1));

	/* kunmap_atomic_high()'s production range check (asm/highmem.h). */
	BUG_ON(FIXADDR_START != KMAP_FIXADDR_START);
	/* kmap_atomic_high()'s add for an or: prot within the page offset. */
	BUG_ON(kmap_prot & PAGE_MASK);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct kmap_atomic_cpu *k = &kmap_atomic_cpu[cpu];
		unsigned long slot0 = d->vaddr - cpu * (KM_TYPE_NR * PAGE_SIZE);

		k->base = k->top = slot0 + PAGE_SIZE;
		k->pte_bias = bias;
		k->pte_kmap = bias - kmap_prot;
		k->pte_k = (unsigned long)(d->pte - cpu * KM_TYPE_NR) -
			   (slot0 >> (PAGE_SHIFT - 2));
		BUG_ON(kmap_slot_pte(k, slot0 - (KM_TYPE_NR - 1) * PAGE_SIZE) !=
		       fixmap_pte(FIX_KMAP_BEGIN + cpu * KM_TYPE_NR +
				  KM_TYPE_NR - 1));
	}
}

/* kmap_atomic for a page frame number (no struct page needed). */
void *kmap_atomic_pfn(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	preempt_and_pagefault_disable();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_atomic_install(pfn_pte(pfn, kmap_prot));
}

struct page *kmap_atomic_to_page(const void *ptr)
{
	int slot = kmap_slot_of((unsigned long)ptr);

	if (slot < 0)
		return kmap_to_page((void *)ptr);
	return pte_page(*(kmap_atomic_data.pte - slot));
}

void clear_highpage(struct page *page)
{
	void *kaddr = kmap_atomic(page);

	memset(kaddr, 0, PAGE_SIZE);
	kunmap_atomic(kaddr);
}

/*
 * The console's views of the kmap_atomic slots. Another CPU's stack is
 * read through the same per-CPU data (kmap_atomic_cpu[cpu]) and PTE
 * accessor the fast path uses; it may change while it is printed.
 */
static void kmap_atomic_show_entry(unsigned int cpu, unsigned int type,
				   const char *what)
{
	const struct kmap_atomic_cpu *k = &kmap_atomic_cpu[cpu];
	unsigned long vaddr = k->base - (type + 1) * PAGE_SIZE;
	pte_t pte = *kmap_slot_pte(k, vaddr);

	pr_info("  CPU%u slot %2u (fixmap index %3u): 0x%08lx pte 0x%08lx pfn "
		"0x%05lx%s\n",
		cpu, type, FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu, vaddr,
		(unsigned long)pte, pte_none(pte) ? 0UL : pte_pfn(pte), what);
}

/**
 * kmap_atomic_show - print every CPU's occupied kmap_atomic slots
 *
 * For each possible CPU: how deep its slot stack is, then each slot
 * below the top with its fixmap index, address and PTE; a slot above the
 * top whose PTE is not empty would be a leak and is printed as "stale".
 *
 * Context: any context; does not sleep.
 */
void kmap_atomic_show(void)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		const struct kmap_atomic_cpu *k = &kmap_atomic_cpu[cpu];
		unsigned int depth =
			(READ_ONCE(k->base) - READ_ONCE(k->top)) >> PAGE_SHIFT;

		pr_info("CPU%u: %u of %u kmap_atomic slots in use\n", cpu,
			depth, KM_TYPE_NR);
		for (unsigned int type = 0; type < KM_TYPE_NR; type++) {
			unsigned long vaddr = k->base - (type + 1) * PAGE_SIZE;

			if (type < depth)
				kmap_atomic_show_entry(cpu, type, "");
			else if (!pte_none(*kmap_slot_pte(k, vaddr)))
				kmap_atomic_show_entry(cpu, type, " stale");
		}
	}
}

/**
 * kmap_atomic_show_addr - print the slot behind a kmap_atomic address
 * @addr: what kmap_atomic() returned, still mapped
 *
 * Context: the caller's atomic section (between kmap_atomic and
 * kunmap_atomic); does not sleep.
 */
void kmap_atomic_show_addr(const void *addr)
{
	int slot = kmap_slot_of((unsigned long)addr);

	if (slot < 0) {
		pr_info("kmap_atomic: 0x%p is no fixmap slot (a lowmem "
			"page's linear address)\n",
			addr);
		return;
	}
	kmap_atomic_show_entry(slot / KM_TYPE_NR, slot % KM_TYPE_NR, "");
}
