/*
 * Highmem page access: the two ways a 32-bit kernel reaches a page that
 * has no permanent virtual address (Linux's include/linux/highmem.h).
 *
 * kmap(page)/kunmap(page): a persistent map in the 2 MB pkmap window
 * (mm/highmem.c). May sleep when all 512 slots have users, so never from
 * interrupts or atomic context; the mapping stays valid until kunmap and
 * is visible to every CPU.
 *
 * kmap_atomic(page)/kunmap_atomic(addr): a temporary map in one of this
 * CPU's fixmap slots (arch/arm/mm/highmem.c). Never sleeps, works in
 * interrupt handlers, costs one PTE write and one TLB entry; but between
 * the two calls preemption and page faults are off, the caller must not
 * sleep, and unmaps must come in reverse order of the maps (the slots
 * are a per-CPU stack).
 *
 * Both return the linear-map address for a lowmem page without touching
 * pkmap or fixmap. mm/page_alloc.c calls highmem_page_address() (for
 * page_address() of a highmem page) and clear_highpage() (for __GFP_ZERO),
 * so both stay out-of-line functions.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

/* Debug checks of the kmap_atomic stack: on in the test build. */
#define CONFIG_DEBUG_HIGHMEM CONFIG_DEBUG

#ifndef __same_type
#define __same_type(a, b) \
	__builtin_types_compatible_p(__typeof__(a), __typeof__(b))
#endif

/* ---- persistent maps (mm/highmem.c) ---- */

/* Map a highmem page into the pkmap window; NULL only on exhaustion. */
void *kmap_high(struct page *page);
/*
 * kmap_high() entered with kmap_lock held (flags), which it releases;
 * from is an entry of page's chain to search on from (NULL: none).
 */
struct page_address_map;
void *kmap_high_locked(struct page *page, unsigned long flags,
		       struct page_address_map *from);
/* Drop one kmap_high() use of page. */
void kunmap_high(struct page *page);
/* Unmap every pkmap slot without users now (one TLB flush). */
void kmap_flush_unused(void);
/* The page behind a pkmap or linear-map address. */
struct page *kmap_to_page(void *addr);
/* The pkmap address of a highmem page, or NULL if it is not kmapped. */
void *highmem_page_address(const struct page *page);

/*
 * The pkmap state, for the self-tests and reports (Linux keeps it
 * static); read it only as a snapshot, the writers hold kmap_lock.
 * pkmap_count[i]: 0 free (no PTE, no TLB entry), 1 mapped without users
 * (a TLB entry may remain, so not reusable before a flush), n >= 2 mapped
 * with n - 1 users.
 */
extern int pkmap_count[LAST_PKMAP];
extern unsigned int last_pkmap_nr; /* last slot handed out */
extern wait_queue_head_t pkmap_map_wait;
extern unsigned long nr_pkmap_flushes; /* flush_all_zero_pkmaps TLB flushes */

/*
 * The page -> pkmap address hash (mm/highmem.c explains it), here for
 * the inline fast paths below. Guarded by kmap_lock.
 */
#define PA_HASH_ORDER 9

struct page_address_map {
	struct page *page;
	void *virtual;
	struct page_address_map *next, **pprev;
};

extern struct page_address_map *page_address_htable[1 << PA_HASH_ORDER];
extern spinlock_t kmap_lock;

/* The bucket of page: its mem_map index modulo the table size. */
static __always_inline struct page_address_map **
page_slot(const struct page *page)
{
	unsigned long idx = (uintptr_t)page / sizeof(struct page);

	return &page_address_htable[idx & ((1 << PA_HASH_ORDER) - 1)];
}

/*
 * The pkmap slot of an entry, PKMAP_NR(pam->virtual): the window is
 * aligned to its own size (one PMD, checked in mm/highmem.c; not here,
 * since host builds may move PAGE_OFFSET), so the slot is the address's page
 * number modulo LAST_PKMAP, one bit-field extract; and kmap loads
 * pam->virtual anyway to return it.
 */
static __always_inline unsigned int pam_nr(const struct page_address_map *pam)
{
	return ((unsigned long)pam->virtual >> PAGE_SHIFT) & LAST_PKMAP_MASK;
}

/*
 * kmap() and kunmap() handle the common case inline: the page is already
 * mapped and is the first entry of its bucket (buckets hold at most one
 * entry on average). That is kmap_high()'s and kunmap_high()'s own work
 * under the same lock, without their calls and APCS frames. A kmap that
 * misses hands the held lock and the chain's first entry to
 * kmap_high_locked(), which searches the chain on from there and maps
 * a new slot; a kunmap that misses, or finds no
 * user to drop (unbalanced), drops the lock and lets kunmap_high() look
 * again and report.
 */
static __always_inline void *kmap(struct page *page)
{
	struct page_address_map *pam;
	unsigned long flags;

	might_sleep();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	spin_lock_irqsave(&kmap_lock, flags);
	pam = *page_slot(page);
	if (likely(pam && pam->page == page)) {
		void *vaddr = pam->virtual;
		int count = ++pkmap_count[pam_nr(pam)];

#if CONFIG_DEBUG_HIGHMEM
		BUG_ON(count < 2); /* hashed, so mapped: count >= 1 before */
#endif
		(void)count;
		spin_unlock_irqrestore(&kmap_lock, flags);
		return vaddr;
	}
	return kmap_high_locked(page, flags, pam);
}

static __always_inline void kunmap(struct page *page)
{
	struct page_address_map *pam;
	unsigned long flags;

	might_sleep();
	if (!PageHighMem(page))
		return;
	spin_lock_irqsave(&kmap_lock, flags);
	pam = *page_slot(page);
	if (likely(pam && pam->page == page)) {
		int *count = &pkmap_count[pam_nr(pam)];

		if (likely(*count >= 2)) {
			/* As kunmap_high(): the use leaving count 1 wakes. */
			bool wake = --*count == 1 &&
				    waitqueue_active(&pkmap_map_wait);

			spin_unlock_irqrestore(&kmap_lock, flags);
			if (unlikely(wake))
				wake_up(&pkmap_map_wait);
			return;
		}
	}
	spin_unlock_irqrestore(&kmap_lock, flags);
	kunmap_high(page);
}

/* ---- atomic maps (arch/arm/mm/highmem.c) ---- */

/*
 * Each CPU's stack of kmap_atomic slots (Linux's per-CPU
 * __kmap_atomic_idx, kept as an address). Slot `type` of CPU c is fixmap
 * index FIX_KMAP_BEGIN + type + KM_TYPE_NR * c; fixmap indices grow
 * downward in address, so a push moves `top` one page down and a pop one
 * page up, and the depth is (base - top) / PAGE_SIZE. Interrupt handlers
 * push above the interrupted code and pop before returning, so `top` is
 * back where the interrupted code left it: an IRQ never disturbs a slot
 * in use.
 *
 * Keeping the top slot's address rather than a depth is what makes the
 * inline fast path short: the address is what kmap_atomic returns and
 * what the TLB invalidate takes, and all kmap slots share one PTE page,
 * so the slot's PTE is pte_k + (top >> 10) (top is page aligned: its
 * page number times sizeof(pte_t); pte_k folds in the PTE page and its
 * first address, modulo 2^32). One ldm loads top, pte_k and pte_bias.
 */
struct kmap_atomic_cpu {
	unsigned long top;   /* top slot's address; base when empty */
	unsigned long pte_k; /* slot at address a: PTE at pte_k + (a >> 10) */
	unsigned long pte_bias; /* for kmap_mk_pte(), same on every CPU */
	unsigned long base;	/* one page above this CPU's slot 0 */
};
extern struct kmap_atomic_cpu kmap_atomic_cpu[NR_CPUS];

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
static __always_inline unsigned long kmap_atomic_slot_push(void)
{
	struct kmap_atomic_cpu *k = &kmap_atomic_cpu[smp_processor_id()];
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
	const struct kmap_atomic_cpu *k = &kmap_atomic_cpu[smp_processor_id()];

	return (int)((k->base - k->top) >> PAGE_SHIFT) - 1;
}

/* Take the next slot type of this CPU (BUG on overflow, debug build). */
static inline int kmap_atomic_idx_push(void)
{
	kmap_atomic_slot_push();
	return kmap_atomic_idx();
}

static inline void kmap_atomic_idx_pop(void)
{
	struct kmap_atomic_cpu *k = &kmap_atomic_cpu[smp_processor_id()];

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
 * mk_pte(page, kmap_prot) as one shift and subtract. sizeof(struct page)
 * divides PAGE_SIZE, so a page's physical address is its byte offset in
 * mem_map times PAGE_SIZE / sizeof(struct page), plus PHYS_OFFSET;
 * kmap_atomic_init() folds mem_map, PHYS_OFFSET and kmap_prot (attribute
 * bits below PAGE_SHIFT, where the address has zeros) into pte_bias, and
 * arithmetic modulo 2^32 keeps the subtraction exact. Saves the loads of
 * mem_map, of PHYS_OFFSET and of kmap_prot that mk_pte() makes; pkmap
 * (mm/highmem.c) uses it too. The bias is the same in every CPU's copy.
 */
static inline pte_t kmap_mk_pte(const struct page *page)
{
#if defined(__arm__)
	return (pte_t)((unsigned long)page * (PAGE_SIZE / sizeof(struct page)) -
		       kmap_atomic_cpu[raw_smp_processor_id()].pte_bias);
#else
	/* Host test builds: no kmap_atomic_init(), no 32-byte struct page. */
	return mk_pte(page, kmap_prot);
#endif
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
static __always_inline void *kmap_atomic_install(pte_t pte)
{
	unsigned long vaddr = kmap_atomic_slot_push();
	pte_t *ptep;

	ptep = kmap_slot_pte(&kmap_atomic_cpu[smp_processor_id()], vaddr);
#if CONFIG_DEBUG_HIGHMEM
	BUG_ON(!pte_none(*ptep));
#endif
	set_pte_ext(ptep, pte);
	arch_kmap_post_map();
	return (void *)vaddr;
}

/* Map a highmem page in this CPU's next slot (preemption already off). */
static __always_inline void *kmap_atomic_high_prot(struct page *page,
						   pgprot_t prot)
{
	return kmap_atomic_install(mk_pte(page, prot));
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
	struct kmap_atomic_cpu *k = &kmap_atomic_cpu[smp_processor_id()];
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
	 * (lowmem, which kmap_atomic returns for lowmem pages) is ignored.
	 * FIXADDR_START is 0xffc00000 in both layout profiles, so this is
	 * one compare with a constant instead of a load of the slot range;
	 * the debug build checks the address is exactly a slot.
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

/*
 * Preemption off keeps the task on this CPU and its slot stack; page
 * faults off tells the fault handler the caller cannot sleep. Both come
 * first, even for lowmem, so the caller's rules do not depend on the page.
 */
static __always_inline void *kmap_atomic_prot(struct page *page, pgprot_t prot)
{
	preempt_and_pagefault_disable();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_atomic_high_prot(page, prot);
}

/* kmap_atomic_prot(page, kmap_prot) with kmap_mk_pte()'s shortcut. */
static __always_inline void *kmap_atomic(struct page *page)
{
	preempt_and_pagefault_disable();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_atomic_install(kmap_mk_pte(page));
}

static __always_inline void __kunmap_atomic(void *addr)
{
	kunmap_atomic_high(addr);
	pagefault_and_preempt_enable();
}

/*
 * kunmap_atomic takes the address kmap_atomic returned, not the page
 * (unlike kunmap); passing the page is a common slip that would compile
 * silently through the void * parameter, so refuse it at build time.
 */
#define kunmap_atomic(addr)                                       \
	do {                                                      \
		BUILD_BUG_ON(__same_type((addr), struct page *)); \
		__kunmap_atomic(addr);                            \
	} while (0)

/* Zero one page through a temporary mapping (works for any page). */
void clear_highpage(struct page *page);

#endif /* _LINUX_HIGHMEM_H */
