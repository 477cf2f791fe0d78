/*
 * mm/highmem.c: persistent kernel maps of highmem pages over the pkmap
 * window, and the page -> virtual address association of highmem pages
 * (Linux's mm/highmem.c; see Documentation/mm/highmem.md).
 *
 * The window is LAST_PKMAP (512) pages at PKMAP_BASE, served by the one
 * PTE page pkmap_page_table. Per slot, pkmap_count says:
 *   0   free: no PTE, and no TLB entry can exist (flushed since last use);
 *   1   mapped, no users: the TLB may still hold the translation, so the
 *       slot is not reusable until flush_all_zero_pkmaps() clears it;
 *   n   mapped with n - 1 users.
 * Invariant (under kmap_lock): pkmap PTE non-empty <=> count >= 1 <=>
 * the page's hash entry names that slot. Slots are handed out round-robin;
 * only on wrap-around are all count-1 slots cleared, with ONE TLB flush
 * of the whole window, which is what makes persistent maps cheap.
 *
 * Architecture-independent: it uses only page/PTE/TLB interfaces, so the
 * host tests (tests/host/test_pkmap.c) build it as it is with stubbed
 * PTE and TLB operations.
 */
#include <asm/highmem.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <string.h>

#include <kunit/visibility.h>
#include <kunit/private.h>

/* pam_nr() relies on the window being size-aligned. */
BUILD_BUG_ON(PKMAP_BASE % ((unsigned long)LAST_PKMAP << PAGE_SHIFT));

/*
 * pkmap_count[i]: 0 free (no PTE, no TLB entry), 1 mapped without users
 * (a TLB entry may remain, so not reusable before a flush), n >= 2 mapped
 * with n - 1 users. The tests read it through pkmap_kunit_count().
 */
static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;     /* last slot handed out */
static unsigned long nr_pkmap_flushes; /* flush_all_zero_pkmaps's flushes */
static DECLARE_WAIT_QUEUE_HEAD(pkmap_map_wait);

/*
 * kmap_lock guards pkmap_count, last_pkmap_nr, the pkmap PTEs and the
 * page address hash table. It is taken with IRQs off: kunmap_high() and
 * page_address() may be reached from interrupt handlers, which must not
 * find the lock held by the code they interrupted.
 */
static DEFINE_SPINLOCK(kmap_lock);
#define lock_kmap(flags) spin_lock_irqsave(&kmap_lock, flags)
#define unlock_kmap(flags) spin_unlock_irqrestore(&kmap_lock, flags)

/*
 * ---- page -> pkmap address (Linux's HASHED_PAGE_VIRTUAL) ----
 *
 * struct page has no 'virtual' field (32 bytes per page of RAM, all in
 * scarce lowmem), and at most LAST_PKMAP highmem pages are mapped at a
 * time, so a small hash table holds the associations. The
 * entries are a static pool, one per slot: slot nr always uses
 * page_address_maps[nr], so no allocation happens under kmap_lock.
 * Chains are linked hlist-style (pprev points at whatever points at the
 * entry), so flush_all_zero_pkmaps unlinks slot i's entry in O(1)
 * without hashing its page again. Linux gives each bucket its own lock;
 * here every writer already holds kmap_lock, so kmap_lock alone guards
 * the table.
 *
 * One bucket per slot (Linux has 128 for the whole kernel): with at most
 * LAST_PKMAP entries the chains average at most one entry, so a kmap of
 * a new page, which walks its whole chain to miss, stays cheap; the
 * table costs 2 KB of lowmem.
 */
#define PA_HASH_ORDER 9

struct page_address_map {
	struct page *page;
	void *virtual;
	struct page_address_map *next, **pprev;
};

static struct page_address_map page_address_maps[LAST_PKMAP];
static struct page_address_map *page_address_htable[1 << PA_HASH_ORDER];

/*
 * The bucket of page: its mem_map index modulo the table size.
 *
 * Speed trick: struct page is a power of two bytes, so this is one
 * bit-field extract, and consecutive pages, the common case, spread
 * evenly over the buckets. Plain Linux form: hash_ptr(page,
 * PA_HASH_ORDER), a multiply by GOLDEN_RATIO_32 (a movw/movt constant)
 * and a shift. Saves 6 of 66 guest instructions per mapped-page
 * kmap+kunmap and 7.2 of 143.3 per new-page kmap+kunmap amortised (make
 * bench): under 10% of either, but both limits (60, 140) need it.
 */
static inline struct page_address_map **page_slot(const struct page *page)
{
	unsigned long idx = (uintptr_t)page / sizeof(struct page);

	return &page_address_htable[idx & ((1 << PA_HASH_ORDER) - 1)];
}

/*
 * Speed trick: the pkmap slot of an entry as one bit-field extract: the
 * window is aligned to its own size (the BUILD_BUG_ON above), so the slot
 * is the address's page number modulo LAST_PKMAP. Plain Linux form:
 * PKMAP_NR(pam->virtual), a subtract of PKMAP_BASE (a movw/movt
 * constant) and a shift. Saves 4 of 64 guest instructions per
 * mapped-page kmap+kunmap (make bench): under 10%, but the limit (60
 * then, 66 since SMP) needs it.
 */
static inline unsigned int pam_nr(const struct page_address_map *pam)
{
	return ((unsigned long)pam->virtual >> PAGE_SHIFT) & LAST_PKMAP_MASK;
}

/*
 * The entry of page in its chain, searched from the entry pam on (the
 * chain's first, or one the caller has already loaded), or NULL;
 * kmap_lock held.
 */
static struct page_address_map *find_pam(struct page_address_map *pam,
					 const struct page *page)
{
	for (; pam; pam = pam->next)
		if (pam->page == page)
			return pam;
	return NULL;
}

/* Record that page (hashing to chain) is mapped at slot nr; kmap_lock held. */
static void set_page_address(struct page_address_map **chain, struct page *page,
			     unsigned int nr)
{
	struct page_address_map *pam = &page_address_maps[nr];

	pam->page = page;
	pam->virtual = (void *)PKMAP_ADDR(nr);
	pam->next = *chain;
	if (pam->next)
		pam->next->pprev = &pam->next;
	pam->pprev = chain;
	*chain = pam;
}

/* Forget the page mapped at slot nr; kmap_lock held. */
static inline void clear_page_address(unsigned int nr)
{
	struct page_address_map *pam = &page_address_maps[nr];
	struct page_address_map *next = pam->next, **pprev = pam->pprev;

	*pprev = next; /* locals: the store cannot make us reload pprev */
	if (next)
		next->pprev = pprev;
	pam->page = NULL;
}

/**
 * highmem_page_address - the pkmap address of a highmem page
 * @page: a HighMem page
 *
 * page_address() of a highmem page: the address of its pkmap slot if the
 * page is kmapped now (or still mapped with no users, count 1), found in
 * the page-address hash.
 *
 * Context: any context; takes kmap_lock with interrupts off. Never sleeps.
 * Return: the pkmap address, or NULL if the page has no mapping.
 */
void *highmem_page_address(const struct page *page)
{
	struct page_address_map *pam;
	unsigned long flags;
	void *virtual;

	lock_kmap(flags);
	pam = find_pam(*page_slot(page), page);
	virtual = pam ? pam->virtual : NULL;
	unlock_kmap(flags);
	return virtual;
}

/* ---- the window ---- */

/*
 * Free every slot whose count is 1 (mapped, no users): clear its PTE and
 * forget its page's address, then invalidate the whole window's TLB
 * entries at once. Clearing all such slots before the single flush is
 * the point: one flush per trip round the window instead of one per
 * kmap. Slots with users are untouched. kmap_lock held.
 */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;

	flush_cache_kmaps();
	for (int i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
#if CONFIG_DEBUG_HIGHMEM
		/* count 1 means mapped: an empty PTE is corruption */
		BUG_ON(pte_none(pkmap_page_table[i]));
#endif
		clear_page_address(i);
		pte_clear(&init_mm, PKMAP_ADDR(i), &pkmap_page_table[i]);
		need_flush = true;
	}
	if (!need_flush)
		return;
	flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
	nr_pkmap_flushes++;
}

/**
 * kmap_flush_unused - unmap every pkmap slot that has no users
 *
 * Frees each count-1 slot (mapped, no users) with one TLB flush of the
 * whole window, as the wrap-around in map_new_virtual() does. Slots with
 * users are untouched.
 *
 * Context: process or interrupt context; takes kmap_lock with interrupts
 * off. Never sleeps.
 */
void kmap_flush_unused(void)
{
	unsigned long flags;

	lock_kmap(flags);
	flush_all_zero_pkmaps();
	unlock_kmap(flags);
}

/*
 * Sleep on pkmap_map_wait until kunmap_high() drops some slot to count 1.
 * Entered and left with kmap_lock held (flags from kmap_high's
 * lock_kmap: the IRQ state to restore while asleep, the same one it
 * finds again on waking); the lock is dropped only after we are on the
 * queue, and kunmap_high looks at the queue under the same lock, so a
 * wake-up cannot slip in between. As in Linux there is no way out but a
 * kunmap: a waiter nobody ever wakes is reported by the hung-task check
 * (kernel/hung_task.c), with this function in its backtrace.
 */
static noinline void pkmap_wait(unsigned long flags)
{
	DECLARE_WAITQUEUE(wait, current);

	__set_current_state(TASK_UNINTERRUPTIBLE);
	add_wait_queue(&pkmap_map_wait, &wait);
	unlock_kmap(flags);
	schedule();
	remove_wait_queue(&pkmap_map_wait, &wait);
	lock_kmap(flags);
}

/* Take one more use of a mapped page's slot; kmap_lock held. */
static inline void *pkmap_get(struct page_address_map *pam)
{
	void *vaddr = pam->virtual; /* before the store, which may alias it */
	int count = ++pkmap_count[pam_nr(pam)];

#if CONFIG_DEBUG_HIGHMEM
	BUG_ON(count < 2); /* hashed means mapped: count was >= 1 */
#endif
	(void)count;
	return vaddr;
}

/*
 * Find a free slot for page and map it there; kmap_lock held. The cursor
 * pre-increments, so after boot the first kmap gets slot 1 and slot 0 is
 * first used just after the first wrap-around, whose flush may free
 * count-1 slots. `count` bounds the search to one full trip after the
 * last flush: if every slot has users, wait for a kunmap and start over.
 * Returns the page's address with the caller's use taken (a new slot
 * starts at count 2: mapped, plus that use).
 */
static void *map_new_virtual(struct page *page, unsigned long flags)
{
	struct page_address_map *pam;
	unsigned int count, nr;

start:
	count = LAST_PKMAP;
	for (;;) {
		nr = last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[nr])
			break;
		if (--count)
			continue;
		pkmap_wait(flags);
		/* Somebody else may have mapped it while we slept. */
		pam = find_pam(*page_slot(page), page);
		if (pam)
			return pkmap_get(pam);
		goto start;
	}
	/* A count-0 slot has no TLB entry: no flush, just the barrier. */
	set_pte_at(&init_mm, PKMAP_ADDR(nr), &pkmap_page_table[nr],
		   mk_pte(page, kmap_prot));
	arch_kmap_post_map();
	pkmap_count[nr] = 2;
	set_page_address(page_slot(page), page, nr);
	return (void *)PKMAP_ADDR(nr);
}

/**
 * kmap_high - map a highmem page into memory
 * @page: &struct page to map; must be a HighMem page
 *
 * Maps the page in the pkmap window: the existing mapping if the page has
 * one (another use of the same slot), else a new slot. kmap() calls it
 * for every highmem page: the one out-of-line entry of a highmem kmap,
 * so `break kmap_high` in GDB stops on every one. Each call needs one
 * kunmap_high() (kunmap()).
 *
 * Context: process context; sleeps (TASK_UNINTERRUPTIBLE, on
 * pkmap_map_wait) while all LAST_PKMAP slots have users, until a
 * kunmap_high() frees one, so never from interrupts or with a spinlock
 * held. BUGs on a lowmem page in the debug build.
 * Return: the page's virtual address in the pkmap window; never NULL.
 */
void *kmap_high(struct page *page)
{
	struct page_address_map *pam;
	unsigned long flags;
	void *vaddr;

#if CONFIG_DEBUG_HIGHMEM
	BUG_ON(!PageHighMem(page)); /* kmap() tests it before calling */
#endif
	lock_kmap(flags);
	pam = find_pam(*page_slot(page), page);
	vaddr = pam ? pkmap_get(pam) : map_new_virtual(page, flags);
	unlock_kmap(flags);
	return vaddr;
}

static void report_bad_kunmap(struct page *page, const char *why)
{
	pr_alert("BUG: kunmap: page %p pfn %#lx is not mapped%s\n", page,
		 page_to_pfn(page), why);
	dump_stack();
}

/*
 * kunmap_high()'s rare cases, on a path of their own so the fast path
 * keeps no wake-up flag: an unbalanced kunmap (count < 2: reported, left alone)
 * and the last use going (count 2: a kmap may be waiting for a slot).
 * Entered with kmap_lock held (flags from kunmap_high's lock_kmap);
 * releases it.
 */
static __always_inline void kunmap_high_last(struct page *page, int *count,
					     unsigned long flags)
{
	bool need_wakeup;

	if (*count < 2) {
		unlock_kmap(flags);
		report_bad_kunmap(page, " (no kmap users: unbalanced kunmap)");
		return;
	}
	/*
	 * Testing the queue without its lock is safe: a waiter queues
	 * itself while holding kmap_lock, which we hold.
	 */
	need_wakeup = waitqueue_active(&pkmap_map_wait);
	--*count;
	unlock_kmap(flags);
	if (need_wakeup)
		wake_up(&pkmap_map_wait);
}

/**
 * kunmap_high - drop one use of a highmem page's pkmap mapping
 * @page: a page kmap_high() mapped
 *
 * The mapping itself stays (count 1) until the next wrap-around flush, so
 * kmapping the page again soon is free. The use that brings the count to
 * 1 wakes a kmap_high() waiting for a slot. A page with no kmap use
 * (never mapped, or more kunmaps than kmaps) is reported with a
 * `BUG: kunmap:` line and left alone: decrementing would corrupt the
 * window's bookkeeping.
 *
 * Context: any context; takes kmap_lock with interrupts off. Never sleeps.
 */
void kunmap_high(struct page *page)
{
	struct page_address_map *pam;
	unsigned long flags;
	int *count;

	lock_kmap(flags);
	pam = find_pam(*page_slot(page), page);
	if (unlikely(!pam)) {
		unlock_kmap(flags);
		report_bad_kunmap(page, "");
		return;
	}
	count = &pkmap_count[pam_nr(pam)];
	/*
	 * Speed trick: one test on the fast path for both rare cases, an
	 * unbalanced kunmap (count < 2) and the last use going (count 2),
	 * both on a path of their own that ends in its own unlock. Plain
	 * Linux form: test count < 2, then --count == 1 for the wake-up.
	 * Saves 2 of 62 guest instructions per mapped-page kmap+kunmap
	 * (make bench), and the separate path 4 of 70 more (5 of 149.1 per
	 * new-page kmap amortised): under 10%, but the limit of 66 needs it.
	 */
	if (unlikely(*count <= 2)) {
		kunmap_high_last(page, count, flags);
		return;
	}
	--*count;
	unlock_kmap(flags);
}

/**
 * kmap_to_page - the page behind a kmap address
 * @vaddr: an address kmap() returned, or a linear-map address
 *
 * A pkmap address's page comes from its PTE; anything else must be a
 * linear-map address.
 *
 * Context: any context; no lock: the caller holds the mapping, so the
 * PTE cannot change under it.
 * Return: the &struct page mapped at @vaddr.
 */
struct page *kmap_to_page(void *vaddr)
{
	unsigned long addr = (unsigned long)vaddr;

	if (addr >= PKMAP_ADDR(0) && addr < PKMAP_ADDR(LAST_PKMAP))
		return pte_page(pkmap_page_table[PKMAP_NR(addr)]);
	return virt_to_page(vaddr);
}

/* ---- the console's view of the window (read only) ---- */

/* One slot's count and PTE, read together under kmap_lock. */
static void pkmap_slot_read(unsigned int nr, int *count, pte_t *pte)
{
	unsigned long flags;

	lock_kmap(flags);
	*count = pkmap_count[nr];
	*pte = pkmap_page_table[nr];
	unlock_kmap(flags);
}

/**
 * pkmap_show_slot - print one pkmap slot: address, count, page and PTE
 * @nr: the slot (taken modulo LAST_PKMAP)
 *
 * One line, "pkmap slot NR: 0xADDR count C (U users) pfn 0xPFN pte
 * 0xPTE", as the console's `kmap`, `kunmap` and `pkmap` print it.
 *
 * Context: process context; takes kmap_lock with interrupts off while
 * it reads. Does not sleep.
 */
void pkmap_show_slot(unsigned int nr)
{
	int count;
	pte_t pte;

	nr %= LAST_PKMAP;
	pkmap_slot_read(nr, &count, &pte);
	pr_info("pkmap slot %3u: 0x%08lx count %d (%d users) pfn 0x%05lx pte "
		"0x%08lx\n",
		nr, PKMAP_ADDR(nr), count, count > 1 ? count - 1 : 0,
		pte_none(pte) ? 0UL : pte_pfn(pte), (unsigned long)pte);
}

/**
 * pkmap_show - print every pkmap slot in use, and the window's state
 *
 * A header with the window, the round-robin cursor and the flush count,
 * then pkmap_show_slot() for each slot whose count is not 0 (count 1:
 * mapped without users, waiting for the next flush).
 *
 * Context: process context; does not sleep.
 */
void pkmap_show(void)
{
	unsigned int nr, used = 0;

	pr_info("pkmap: %u slots at 0x%08lx, last_pkmap_nr %u, %lu flushes\n",
		(unsigned int)LAST_PKMAP, PKMAP_ADDR(0),
		READ_ONCE(last_pkmap_nr), READ_ONCE(nr_pkmap_flushes));
	for (nr = 0; nr < LAST_PKMAP; nr++) {
		if (!READ_ONCE(pkmap_count[nr]))
			continue;
		pkmap_show_slot(nr);
		used++;
	}
	pr_info("pkmap: %u slots in use\n", used);
}

/* ---- the tests' view of the window (include/kunit/private.h) ---- */

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * pkmap_kunit_count - a pkmap slot's use count, for the self-tests
 * @nr: the slot (taken modulo LAST_PKMAP)
 *
 * Context: any; reads without kmap_lock, so the value is a snapshot.
 * Return: pkmap_count[@nr]: 0 free, 1 mapped without users, n >= 2
 * mapped with n - 1 users.
 */
int pkmap_kunit_count(unsigned int nr)
{
	return pkmap_count[nr % LAST_PKMAP];
}
EXPORT_SYMBOL_IF_KUNIT(pkmap_kunit_count);

/**
 * pkmap_kunit_counts - copy every slot's use count, for the self-tests
 * @counts: LAST_PKMAP ints to fill
 *
 * Context: any; a snapshot taken without kmap_lock.
 */
void pkmap_kunit_counts(int *counts)
{
	memcpy(counts, pkmap_count, sizeof(pkmap_count));
}
EXPORT_SYMBOL_IF_KUNIT(pkmap_kunit_counts);

/**
 * pkmap_kunit_counts_cmp - compare a copy of the counts with the window's
 * @counts: LAST_PKMAP ints from pkmap_kunit_counts()
 *
 * Context: any; compares without kmap_lock.
 * Return: 0 if every slot's count is as in @counts, non-zero otherwise.
 */
int pkmap_kunit_counts_cmp(const int *counts)
{
	return memcmp(counts, pkmap_count, sizeof(pkmap_count));
}
EXPORT_SYMBOL_IF_KUNIT(pkmap_kunit_counts_cmp);

/**
 * pkmap_kunit_last_nr - the round-robin cursor, for the self-tests
 *
 * Context: any; a snapshot taken without kmap_lock.
 * Return: the slot the last new kmap took (last_pkmap_nr).
 */
unsigned int pkmap_kunit_last_nr(void)
{
	return last_pkmap_nr;
}
EXPORT_SYMBOL_IF_KUNIT(pkmap_kunit_last_nr);

/**
 * pkmap_kunit_flushes - count of whole-window TLB flushes, for self-tests
 *
 * Context: any; a snapshot taken without kmap_lock.
 * Return: how many times flush_all_zero_pkmaps() has flushed the window.
 */
unsigned long pkmap_kunit_flushes(void)
{
	return nr_pkmap_flushes;
}
EXPORT_SYMBOL_IF_KUNIT(pkmap_kunit_flushes);

/**
 * pkmap_kunit_wait_queue - the pkmap wait queue, for the self-tests
 *
 * Context: any.
 * Return: pkmap_map_wait, the queue kmap_high() sleeps on while every
 * slot has users.
 */
wait_queue_head_t *pkmap_kunit_wait_queue(void)
{
	return &pkmap_map_wait;
}
EXPORT_SYMBOL_IF_KUNIT(pkmap_kunit_wait_queue);
#endif
