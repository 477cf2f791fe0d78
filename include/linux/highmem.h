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
 * CPU's fixmap slots (the architecture's kmap_atomic_high_prot(),
 * arch/arm/include/asm/highmem.h). Never sleeps, works in interrupt
 * handlers, costs one PTE write and one TLB entry; but between the two
 * calls preemption and page faults are off, the caller must not sleep,
 * and unmaps must come in reverse order of the maps (the slots are a
 * per-CPU stack).
 *
 * Both return the linear-map address for a lowmem page without touching
 * pkmap or fixmap. mm/page_alloc.c calls highmem_page_address() (for
 * page_address() of a highmem page) and clear_highpage() (for __GFP_ZERO),
 * so both stay out-of-line functions.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <asm/highmem.h>
#include <linux/bug.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>

#ifndef __same_type
#define __same_type(a, b) \
	__builtin_types_compatible_p(__typeof__(a), __typeof__(b))
#endif

/* ---- persistent maps (mm/highmem.c) ---- */

/* Map a highmem page into the pkmap window; NULL only on exhaustion. */
void *kmap_high(struct page *page);
/* Drop one kmap_high() use of page. */
void kunmap_high(struct page *page);
/* Unmap every pkmap slot without users now (one TLB flush). */
void kmap_flush_unused(void);
/* The page behind a pkmap or linear-map address. */
struct page *kmap_to_page(void *addr);
/* The pkmap address of a highmem page, or NULL if it is not kmapped. */
void *highmem_page_address(const struct page *page);
/* The console's read-only view: one slot's line, or every used slot. */
void pkmap_show_slot(unsigned int nr);
void pkmap_show(void);

/* A lowmem page is always mapped; a highmem one goes through pkmap. */
static inline void *kmap(struct page *page)
{
	might_sleep();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_high(page);
}

static inline void kunmap(struct page *page)
{
	might_sleep();
	if (!PageHighMem(page))
		return;
	kunmap_high(page);
}

/* ---- atomic maps (the architecture's kmap_atomic_high_prot) ---- */

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

static __always_inline void *kmap_atomic(struct page *page)
{
	return kmap_atomic_prot(page, kmap_prot);
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
