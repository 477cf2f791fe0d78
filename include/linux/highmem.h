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
#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))
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

/* ---- atomic maps (arch/arm/mm/highmem.c) ---- */

/*
 * The depth of each CPU's stack of kmap_atomic slots (Linux's per-CPU
 * __kmap_atomic_idx). Slot `type` of CPU c is fixmap index FIX_KMAP_BEGIN
 * + type + KM_TYPE_NR * c. Interrupt handlers push above the interrupted
 * code and pop before returning, so the depth is back where the
 * interrupted code left it: an IRQ never disturbs a slot in use.
 */
extern int __kmap_atomic_idx[NR_CPUS];

/* Nesting deeper than KM_TYPE_NR: the "BUG:" report (debug build). */
void kmap_atomic_idx_overflow(void);

/* Take the next slot type of this CPU; -1 on overflow (debug build). */
static inline int kmap_atomic_idx_push(void)
{
	int *depth = &__kmap_atomic_idx[smp_processor_id()];
	int type = (*depth)++;

#if CONFIG_DEBUG_HIGHMEM
	WARN_ON_ONCE(in_irq() && !irqs_disabled());
	if (unlikely(type >= KM_TYPE_NR)) {
		(*depth)--;
		kmap_atomic_idx_overflow();
		return -1;
	}
#endif
	return type;
}

/* The slot type on top of this CPU's stack (-1 if empty). */
static inline int kmap_atomic_idx(void)
{
	return __kmap_atomic_idx[smp_processor_id()] - 1;
}

static inline void kmap_atomic_idx_pop(void)
{
	int *depth = &__kmap_atomic_idx[smp_processor_id()];

#if CONFIG_DEBUG_HIGHMEM
	BUG_ON(*depth <= 0);
#endif
	(*depth)--;
}

/* Map a highmem page in this CPU's next slot (preemption already off). */
void *kmap_atomic_high_prot(struct page *page, pgprot_t prot);
/* Undo kmap_atomic_high_prot for a slot address; ignore lowmem ones. */
void kunmap_atomic_high(void *kvaddr);
void *kmap_atomic_pfn(unsigned long pfn);
/* The page behind a kmap_atomic, pkmap or linear-map address. */
struct page *kmap_atomic_to_page(const void *ptr);

/*
 * Preemption off keeps the task on this CPU and its slot stack; page
 * faults off tells the fault handler the caller cannot sleep. Both come
 * first, even for lowmem, so the caller's rules do not depend on the page.
 */
static inline void *kmap_atomic_prot(struct page *page, pgprot_t prot)
{
	preempt_disable();
	pagefault_disable();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_atomic_high_prot(page, prot);
}

static inline void *kmap_atomic(struct page *page)
{
	return kmap_atomic_prot(page, kmap_prot);
}

static inline void __kunmap_atomic(void *addr)
{
	kunmap_atomic_high(addr);
	pagefault_enable();
	preempt_enable();
}

/*
 * kunmap_atomic takes the address kmap_atomic returned, not the page
 * (unlike kunmap); passing the page is a common slip that would compile
 * silently through the void * parameter, so refuse it at build time.
 */
#define kunmap_atomic(addr)                                          \
	do {                                                         \
		BUILD_BUG_ON(__same_type((addr), struct page *));    \
		__kunmap_atomic(addr);                               \
	} while (0)

/* Zero one page through a temporary mapping (works for any page). */
void clear_highpage(struct page *page);

#endif /* _LINUX_HIGHMEM_H */
