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
 * kmap_local_page(page)/kunmap_local(addr): a temporary map in the same
 * per-CPU slots, owned by the calling task and kept across preemption
 * and sleep: the scheduler clears the task's slots when it leaves the CPU
 * and re-installs them when it comes back (mm/kmap_local.c); each map
 * holds a migrate_disable(), so the task comes back on the same CPU.
 * Cheap as kmap_atomic, usable where kmap_atomic's rules are too strict;
 * unmaps in reverse order, and the address is valid only in the mapping
 * task.
 *
 * All return the linear-map address for a lowmem page without touching
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

/* Map a highmem page into the pkmap window; sleeps while it is full. */
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

/**
 * kmap - map a page persistently, visible to every CPU
 * @page: the page to map
 *
 * A lowmem page is always mapped: its linear address. A highmem page
 * gets a pkmap slot through kmap_high(), shared with any other kmap of
 * the same page. Each kmap() needs one kunmap().
 *
 * Context: process context; may sleep (while all pkmap slots have
 * users), so not with interrupts or preemption off (might_sleep()).
 * Return: the page's address, valid until the matching kunmap().
 */
static inline void *kmap(struct page *page)
{
	might_sleep();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_high(page);
}

/**
 * kunmap - drop one kmap() of a page
 * @page: the page (not the address) kmap() mapped
 *
 * Context: process context (might_sleep(), as Linux); never sleeps itself.
 */
static inline void kunmap(struct page *page)
{
	might_sleep();
	if (!PageHighMem(page))
		return;
	kunmap_high(page);
}

/* ---- atomic maps (the architecture's kmap_atomic_high_prot) ---- */

/**
 * kmap_atomic_prot - map a page in this CPU's next kmap_atomic slot
 * @page: the page to map
 * @prot: the PTE protection bits
 *
 * Preemption off keeps the task on this CPU and its slot stack; page
 * faults off tells the fault handler the caller cannot sleep. Both come
 * first, even for lowmem, so the caller's rules do not depend on the page.
 *
 * Context: any context; the caller must not sleep until kunmap_atomic().
 * Return: the page's linear address (lowmem) or its slot's address.
 */
static __always_inline void *kmap_atomic_prot(struct page *page, pgprot_t prot)
{
	preempt_and_pagefault_disable();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_atomic_high_prot(page, prot);
}

/**
 * kmap_atomic - map a page in this CPU's next kmap_atomic slot
 * @page: the page to map
 *
 * kmap_atomic_prot() with kmap_prot.
 *
 * Context: any context; the caller must not sleep until kunmap_atomic().
 * Return: the page's linear address (lowmem) or its slot's address.
 */
static __always_inline void *kmap_atomic(struct page *page)
{
	preempt_and_pagefault_disable();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_atomic_high(page); /* the arch's kmap_prot form */
}

/**
 * __kunmap_atomic - undo the newest kmap_atomic() (kunmap_atomic())
 * @addr: the address kmap_atomic() returned
 *
 * Frees this CPU's top slot (a lowmem address frees nothing), then turns
 * page faults and preemption back on.
 *
 * Context: the context that called kmap_atomic(); maps are undone in
 * reverse order (debug build: WARNING otherwise).
 */
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

/* ---- local maps (mm/kmap_local.c) ---- */

void *__kmap_local_page_prot(struct page *page, pgprot_t prot);
void *__kmap_local_pfn_prot(unsigned long pfn, pgprot_t prot);
void kunmap_local_indexed(const void *vaddr);
/* The scheduler's hooks around __switch_to (kernel/sched/core.c). */
void __kmap_local_sched_out(struct task_struct *p);
void __kmap_local_sched_in(struct task_struct *p);

/**
 * kmap_local_page - map a page for the calling task, preemptible
 * @page: the page to map
 *
 * A highmem page gets the next slot of this CPU's kmap_atomic slot
 * stack, recorded in the task: the map stays valid while the task is
 * preempted or sleeps (the scheduler clears the slot when the task
 * leaves the CPU and writes it back when it returns), but only in this
 * task: the address means nothing to another task or CPU. Until the
 * matching kunmap_local() the task stays on this CPU (migrate_disable();
 * a set_cpus_allowed_ptr() meanwhile takes effect at the unmap). Maps
 * nest as a stack: undo them with kunmap_local() in reverse order. A
 * lowmem page takes no slot.
 *
 * Context: any context, including interrupt handlers (whose maps must be
 * undone before they return); does not disable preemption or page
 * faults, and never sleeps. At most KMAP_LOCAL_MAX maps per task.
 * Return: the page's address: its linear-map address for a lowmem page,
 * else a kmap_atomic slot's.
 */
static inline void *kmap_local_page(struct page *page)
{
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return __kmap_local_page_prot(page, kmap_prot);
}

/**
 * kmap_local_pfn - map a page frame for the calling task, preemptible
 * @pfn: the page frame number
 *
 * kmap_local_page() for a frame given by number.
 *
 * Context: as kmap_local_page().
 * Return: the frame's address, as kmap_local_page().
 */
static inline void *kmap_local_pfn(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return __kmap_local_pfn_prot(pfn, kmap_prot);
}

/*
 * kunmap_local(addr) undoes the task's newest kmap_local_page(), given
 * the address it returned (kunmap_local_indexed()); as for
 * kunmap_atomic, passing the page is refused at build time.
 */
#define kunmap_local(addr)                                        \
	do {                                                      \
		BUILD_BUG_ON(__same_type((addr), struct page *)); \
		kunmap_local_indexed(addr);                       \
	} while (0)

/* Zero one page through a temporary mapping (works for any page). */
void clear_highpage(struct page *page);

#endif /* _LINUX_HIGHMEM_H */
