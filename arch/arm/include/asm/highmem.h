/*
 * ARM's part of highmem (Linux's arch/arm/include/asm/highmem.h): the
 * kmap_atomic slots and their PTE arithmetic, and the hooks pkmap
 * (mm/highmem.c) calls around its PTE writes. The pkmap window's geometry (PKMAP_BASE, LAST_PKMAP, PKMAP_NR/PKMAP_ADDR)
 * is in asm/memory.h; its single PTE page, pkmap_page_table, is allocated
 * by kmap_init() in arch/arm/mm/mmu.c.
 *
 * ARMv7 data caches behave as PIPT (VIPT without aliases), so unlike
 * Linux on VIVT cores nothing here flushes caches when a virtual alias of
 * a page comes or goes, and kmap_atomic() needs no kmap_high_get(): it
 * always takes its own fixmap slot, as Linux's CONFIG_DEBUG_HIGHMEM build
 * does on non-VIVT caches.
 */
#ifndef _ASM_HIGHMEM_H
#define _ASM_HIGHMEM_H

#include <asm/barrier.h>
#include <asm/fixmap.h>
#include <asm/memory.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/irq.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

/* Debug checks of the kmap_atomic stack: on in the test build. */
#define CONFIG_DEBUG_HIGHMEM CONFIG_DEBUG

extern pte_t *pkmap_page_table;

/* No cache aliases to write back before pkmap slots are reused. */
#define flush_cache_kmaps() \
	do {                \
	} while (0)

/*
 * A PTE just written into a free pkmap slot (count 0) needs no TLB
 * invalidate: the slot's old entry was invalidated by the flush that
 * freed it, and ARMv7 TLBs never cache a faulting translation. But the
 * table walker must see the store before the caller's first access: DSB
 * waits for the store and its cache clean (set_pte_ext) to complete, ISB
 * makes the following instructions translate afresh.
 */
static inline void arch_kmap_post_map(void)
{
	dsb(sy);
	isb();
}

/* Set up kmap_atomic_data; paging_init() calls it once mem_map exists. */
void kmap_atomic_init(void);
/* The console's `fixmap` (every CPU's slots) and `kmap_atomic` views. */
void kmap_atomic_show(void);
void kmap_atomic_show_addr(const void *addr);

/*
 * ---- atomic maps (arch/arm/mm/highmem.c) ----
 *
 * The architecture's half of kmap_atomic(), as Linux up to 5.10 splits
 * it: linux/highmem.h disables preemption and page faults and handles
 * lowmem, then calls kmap_atomic_high_prot() here; __kunmap_atomic()
 * calls kunmap_atomic_high() before enabling them again.
 */

/* Each CPU's stack of kmap_atomic slots: struct kmap_atomic_cpu, asm/percpu.h. */

/* FIXADDR_START in both layout profiles (kmap_atomic_init() checks). */
#define KMAP_FIXADDR_START 0xffc00000UL

static __always_inline pte_t *kmap_slot_pte(const struct kmap_atomic_cpu *k,
					    unsigned long vaddr)
{
	return (pte_t *)(k->pte_k + (vaddr >> (PAGE_SHIFT - 2)));
}

/*
 * Take the next slot of this CPU and return its address.
 *
 * Nesting deeper than KM_TYPE_NR is Linux's BUG_ON(idx >= KM_TYPE_NR) of
 * kmap_atomic_idx_push() under CONFIG_DEBUG_HIGHMEM (v3.18 to v5.10; v5.11's
 * kmap_local made it unconditional). The BUG comes before the push, so the
 * stack is untouched; the caller's preempt and pagefault counts stay raised,
 * never below what they were. The production build, like Linux without
 * CONFIG_DEBUG_HIGHMEM, keeps the fast path free of the check: an overflow
 * there takes the next CPU's slots, with both counts still balanced by the
 * caller's kunmap_atomic().
 */
static __always_inline unsigned long
kmap_atomic_slot_push(struct kmap_atomic_cpu *k)
{
	unsigned long top = k->top - PAGE_SIZE;

#if CONFIG_DEBUG_HIGHMEM
	WARN_ON_ONCE(in_irq() && !irqs_disabled());
	BUG_ON(k->base - top > (unsigned long)KM_TYPE_NR << PAGE_SHIFT);
#endif
	k->top = top;
	return top;
}

/* The slot type on top of this CPU's stack (-1 if empty). */
static inline int kmap_atomic_idx(void)
{
	const struct kmap_atomic_cpu *k = this_cpu_kmap_atomic();

	return (int)((k->base - k->top) >> PAGE_SHIFT) - 1;
}

/* Take the next slot type of this CPU (BUG on overflow, debug build). */
static inline int kmap_atomic_idx_push(void)
{
	kmap_atomic_slot_push(this_cpu_kmap_atomic());
	return kmap_atomic_idx();
}

static inline void kmap_atomic_idx_pop(void)
{
	struct kmap_atomic_cpu *k = this_cpu_kmap_atomic();

#if CONFIG_DEBUG_HIGHMEM
	BUG_ON(k->top >= k->base);
#endif
	k->top += PAGE_SIZE;
}

/*
 * Slot 0's (FIX_KMAP_BEGIN's) PTE and address, for the slow paths
 * (kmap_atomic_to_page()) and the layout checks.
 */
struct kmap_atomic_data {
	pte_t *pte;	     /* slot 0's PTE */
	unsigned long vaddr; /* slot 0's address */
	unsigned long vlast; /* slot 0's last byte, for kmap_slot_of() */
};
extern struct kmap_atomic_data kmap_atomic_data;

/*
 * The slot number of an address inside a kmap_atomic slot, or -1 for any
 * other. Slot i's bytes lie i pages below slot 0's last byte, so the
 * distance down from that byte, in pages, is the slot; addresses above
 * slot 0 wrap to huge distances: one compare rejects both ends.
 */
static inline int kmap_slot_of(unsigned long addr)
{
	unsigned long off = kmap_atomic_data.vlast - addr;

	if (off >= (unsigned long)(KM_TYPE_NR * NR_CPUS) << PAGE_SHIFT)
		return -1;
	return (int)(off >> PAGE_SHIFT);
}

/*
 * Push a slot on this CPU's stack and map pte there; preemption and page
 * faults are already off.
 *
 * No TLB invalidate: a free slot has an empty PTE and no TLB entry,
 * because kunmap_atomic_high() cleared its PTE and invalidated its entry
 * when it was freed, and ARMv7 TLBs never cache a faulting translation
 * (the invariant pkmap's count-0 slots rely on too). The debug build
 * checks the PTE is empty: a full one means the stack and the PTEs
 * disagree (someone unmapped out of order or wrote the slot behind our
 * back). The walker must still see the store before the caller's first
 * access: arch_kmap_post_map()'s DSB and ISB.
 */
static __always_inline void *__kmap_atomic_install(struct kmap_atomic_cpu *k,
						   pte_t pte)
{
	unsigned long vaddr = kmap_atomic_slot_push(k);
	pte_t *ptep;

	/* k, not a second TPIDRPRW read: the store to k->top may alias. */
	ptep = kmap_slot_pte(k, vaddr);
#if CONFIG_DEBUG_HIGHMEM
	BUG_ON(!pte_none(*ptep));
#endif
	set_pte_ext(ptep, pte);
	arch_kmap_post_map();
	return (void *)vaddr;
}

static __always_inline void *kmap_atomic_install(pte_t pte)
{
	return __kmap_atomic_install(this_cpu_kmap_atomic(), pte);
}

/* Map a highmem page in this CPU's next slot (preemption already off). */
static __always_inline void *kmap_atomic_high_prot(struct page *page,
						   pgprot_t prot)
{
	struct kmap_atomic_cpu *k = this_cpu_kmap_atomic();

	/*
	 * Speed trick: mk_pte() as one shift and subtract. sizeof(struct
	 * page) divides PAGE_SIZE, so a page's physical address is its byte
	 * offset in mem_map times PAGE_SIZE / sizeof(struct page), plus
	 * PHYS_OFFSET; kmap_atomic_init() folds mem_map and PHYS_OFFSET into
	 * each CPU's pte_bias, which the ldm of top and pte_k loads too.
	 * Plain Linux form: mk_pte(page, prot), i.e. pfn_pte(page_to_pfn(
	 * page), prot), which loads mem_map and PHYS_OFFSET and shifts
	 * twice. Saves 2 of 42 guest instructions per kmap_atomic+
	 * kunmap_atomic (make bench): under 10%, but the limit (41 then,
	 * 44 since SMP) needs it.
	 */
	return __kmap_atomic_install(
		k, ((unsigned long)page * (PAGE_SIZE / sizeof(struct page)) -
		    k->pte_bias) |
			   prot);
}

/*
 * kmap_atomic_high_prot(page, kmap_prot), what kmap_atomic() asks for.
 *
 * Speed trick: kmap_prot folded into the mk_pte() bias. The physical
 * address above is page aligned and kmap_prot lies below PAGE_SIZE, so
 * the or is an add, and kmap_atomic_init() stores pte_bias - kmap_prot
 * per CPU (mem_types[] is fixed by then): the PTE is one shift and one
 * subtract. Plain Linux form: kmap_atomic_prot(page, kmap_prot), which
 * loads pgprot_kernel and ors it in. Saves 4 of 46 guest instructions
 * per kmap_atomic+kunmap_atomic (make bench: one load, one or, and the
 * register they kept busy). The folded bias sits right after top and
 * pte_k in struct kmap_atomic_cpu, so the ldm that loads those two
 * loads it too (one more saved: 42 -> 41).
 */
static __always_inline void *kmap_atomic_high(struct page *page)
{
	struct kmap_atomic_cpu *k = this_cpu_kmap_atomic();

	return __kmap_atomic_install(
		k, (unsigned long)page * (PAGE_SIZE / sizeof(struct page)) -
			   k->pte_kmap);
}

/*
 * Undo kmap_atomic_high_prot for a slot address; ignore lowmem ones.
 * The slot freed is the top of this CPU's stack, whatever the address
 * says (as Linux): unmapping out of order is the caller's bug, reported
 * in the debug build, and freeing the top keeps the stack and the PTEs
 * consistent. The PTE is cleared and its TLB entry invalidated, so a
 * stale pointer into the slot faults at once instead of reaching
 * whichever page the slot maps next (Linux keeps the old PTE outside
 * CONFIG_DEBUG_HIGHMEM; hikern always clears, which is also what lets
 * kmap_atomic_install() skip the invalidate).
 */
static __always_inline void kunmap_atomic_high(void *kvaddr)
{
	struct kmap_atomic_cpu *k = this_cpu_kmap_atomic();
	unsigned long vaddr = (unsigned long)kvaddr, top;

#if CONFIG_DEBUG_HIGHMEM
	if (kmap_slot_of(vaddr) < 0) {
		WARN_ON(vaddr < PAGE_OFFSET ||
			vaddr >= (unsigned long)high_memory);
		return;
	}
	/* An empty stack would make the "top" the earlycon slot. */
	if (WARN_ON(kmap_atomic_idx() < 0))
		return;
#else
	/*
	 * As Linux: any fixmap address is a kmap_atomic one, anything below
	 * (lowmem, which kmap_atomic returns for lowmem pages) is ignored;
	 * the debug build checks the address is exactly a slot.
	 *
	 * Speed trick: FIXADDR_START is 0xffc00000 in both layout profiles
	 * (kmap_atomic_init() checks), so this compares with a constant.
	 * Plain Linux form: vaddr < FIXADDR_START, a load from the layout
	 * profile. Saves 4 of 46 guest instructions per kmap_atomic+
	 * kunmap_atomic and 4 of 114 per kmap_local pair (make bench; 2 of
	 * 42 when it came in): under 10%, but the limit of 44 needs it.
	 */
	if (vaddr < KMAP_FIXADDR_START)
		return;
#endif
	/* Page aligned: the TLB invalidate need not mask it. */
	top = (unsigned long)__builtin_assume_aligned((void *)k->top,
						      PAGE_SIZE);
#if CONFIG_DEBUG_HIGHMEM
	WARN_ON((vaddr & PAGE_MASK) != top);
#endif
	pte_clear(&init_mm, top, kmap_slot_pte(k, top));
	local_flush_tlb_kernel_page(top);
	/*
	 * kmap_atomic_idx_pop() with the top read above, which is still
	 * right: an interrupt handler pops whatever it pushes. The pop
	 * comes last, so a handler never gets the slot while it is mapped.
	 */
	k->top = top + PAGE_SIZE;
}

void *kmap_atomic_pfn(unsigned long pfn);
/* The page behind a kmap_atomic, pkmap or linear-map address. */
struct page *kmap_atomic_to_page(const void *ptr);

#endif /* _ASM_HIGHMEM_H */
