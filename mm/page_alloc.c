/*
 * mm/page_alloc.c: the zoned buddy allocator (Linux's design, see
 * Documentation/mm/page_alloc.md): mem_map and zone set-up, alloc_pages and
 * __free_pages with splitting and coalescing, zone fallback, watermarks,
 * and Linux-style "Bad page state" reports for misuse.
 *
 * Invariants (all under zone->lock, taken with IRQs off: the buddy lists,
 * the pcp list and free_pages; one lock, so that a CPU's pcp operation
 * and another CPU's buddy operation never update free_pages at once.
 * Linux keeps a pcp list per CPU with only IRQs off around it, which
 * scales; hikern has one pcp list per zone, so it takes the zone's lock,
 * whose lock word the one-CPU boot patches out: asm/spinlock.h):
 * - a free block of order k starts at a pfn aligned to 2^k, lies in one
 *   zone, has PG_buddy and private == k on its head page and _refcount 0
 *   on all its pages; no other page has PG_buddy;
 * - two free buddies of the same order never coexist on the buddy lists:
 *   they are merged (full coalescing), so once the pcp lists are drained,
 *   freeing everything restores the boot layout exactly;
 * - order-0 pages on zone->pcp.list are free too (_refcount 0, no flags
 *   but the zone) but are not buddies: they do not merge until given back;
 * - zone->free_pages = sum of 2^k over its buddy blocks + pcp.count, and
 *   free_area[k].nr_free is the number of blocks on free_area[k].free_list;
 * - an allocated block's head has _refcount >= 1 and records its order
 *   in page->flags, its tails have _refcount 0.
 */
#include <asm/memmap.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <kunit/private.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

#include "internal.h"

BUILD_BUG_ON(MAX_NR_ZONES > (1 << ZONES_SHIFT));
BUILD_BUG_ON(NR_PAGEFLAGS > PAGE_ORDER_SHIFT);
BUILD_BUG_ON(MAX_ORDER + 1 > (1 << PAGE_ORDER_BITS));
BUILD_BUG_ON(PAGE_ORDER_SHIFT + PAGE_ORDER_BITS > ZONES_PGSHIFT);

/* Weak: in a build without mm/highmem.c (host tests) they are NULL. */
extern void clear_highpage(struct page *page) __attribute__((weak));
extern void *highmem_page_address(const struct page *page)
	__attribute__((weak));

static const char *const zone_names[MAX_NR_ZONES] = {
	[ZONE_NORMAL] = "Normal",
	[ZONE_HIGHMEM] = "HighMem",
};

struct pglist_data contig_page_data;
struct page *mem_map;
unsigned long max_mapnr;
static unsigned long
	nr_bad_page_reports; /* page_alloc_kunit_bad_page_reports() for the tests */

/* Flags a page may not carry when it enters the allocator: all of them. */
#define PAGE_FLAGS_CHECK_AT_FREE ((1UL << PAGE_ORDER_SHIFT) - 1)
/* The part of page->flags whose exact value the free path checks. */
#define PAGE_STATE_MASK (PAGE_FLAGS_CHECK_AT_FREE | PAGE_ORDER_MASK)

static inline unsigned long order_flags(unsigned int order)
{
	return (unsigned long)(order + 1) << PAGE_ORDER_SHIFT;
}

static inline unsigned long __find_buddy_pfn(unsigned long pfn,
					     unsigned int order)
{
	return pfn ^ (1UL << order);
}

/* Signed: a buddy or parent may lie below page. */
static inline struct page *page_at_pfn_of(struct page *page, unsigned long pfn,
					  unsigned long target)
{
	return page + ((long)target - (long)pfn);
}

static inline void add_to_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	page->flags |= 1UL << PG_buddy;
	page->private = order;
	list_add(&page->lru, &area->free_list);
	area->nr_free++;
}

static inline void del_page_from_free_list(struct page *page, struct zone *zone,
					   unsigned int order)
{
	list_del(&page->lru);
	page->flags &= ~(1UL << PG_buddy);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/*
 * buddy heads a free block of exactly this order in the zone whose flag
 * bits are zone_bits. The zone test matters where the highmem boundary
 * is not MAX_ORDER aligned; holes are PG_reserved and never match.
 */
static inline bool page_is_buddy(const struct page *buddy, unsigned int order,
				 unsigned long zone_bits)
{
	unsigned long mask = (1UL << PG_buddy) | (ZONES_MASK << ZONES_PGSHIFT);

	return (buddy->flags & mask) == (zone_bits | (1UL << PG_buddy)) &&
	       buddy->private == order;
}

/*
 * Put the block [pfn, pfn + 2^order) on the free lists, merging upward
 * while its buddy is free at the same order. New blocks go to the list
 * head (LIFO), so a page freed and allocated again stays cache-hot.
 * The caller accounts zone->free_pages.
 */
static void __free_one_page(struct page *page, unsigned long pfn,
			    struct zone *zone, unsigned int order)
{
	unsigned long zone_bits = page->flags & (ZONES_MASK << ZONES_PGSHIFT);

	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = __find_buddy_pfn(pfn, order);
		struct page *buddy = page_at_pfn_of(page, pfn, buddy_pfn);
		unsigned long combined_pfn = buddy_pfn & pfn;

		if (!page_is_buddy(buddy, order, zone_bits))
			break;
		del_page_from_free_list(buddy, zone, order);
		page = page_at_pfn_of(page, pfn, combined_pfn);
		pfn = combined_pfn;
		order++;
	}
	add_to_free_list(page, zone, order);
}

/* Split a block of order high down to order low, freeing upper halves. */
static inline void expand(struct zone *zone, struct page *page,
			  unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(page + (1UL << high), zone, high);
	}
}

/* First fit from the requested order up; the block's lowest pages. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER;
	     current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order);
		return page;
	}
	return NULL;
}

/* Move up to count pcp pages, oldest first, back to the buddy lists. */
static void __free_pcppages_bulk(struct zone *zone, int count)
{
	struct per_cpu_pages *pcp = &zone->pcp;

	for (; count > 0 && pcp->count; count--, pcp->count--) {
		struct page *page =
			list_entry(pcp->list.prev, struct page, lru);

		list_del(&page->lru);
		__free_one_page(page, page_to_pfn(page), zone, 0);
	}
}

static void free_pcppages_bulk(struct zone *zone, int count)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	__free_pcppages_bulk(zone, count);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * drain_all_pages - give the pcp lists' pages back to the buddy lists
 * @zone: the zone whose pcp list to drain, or NULL for every zone
 *
 * Order-0 pages cached on a zone's per-CPU (pcp) list are free but are
 * not buddies, so they do not coalesce until given back: /proc/buddyinfo
 * only shows the boot layout again after this. nr_free_pages() is not
 * changed (it counts pcp pages too).
 *
 * Context: Any context; takes each zone->lock with IRQs disabled. Does
 * not sleep.
 */
void drain_all_pages(struct zone *zone)
{
	struct zone *z;

	for_each_zone(z) if (!zone || z == zone)
		free_pcppages_bulk(z, z->pcp.count);
}

/* Refill an empty pcp list with up to batch order-0 pages; zone->lock held. */
static noinline int rmqueue_bulk(struct zone *zone)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	int i;

	for (i = 0; i < pcp->batch; i++) {
		struct page *page = __rmqueue_smallest(zone, 0);

		if (!page)
			break;
		list_add_tail(&page->lru, &pcp->list);
	}
	pcp->count += i;
	return i;
}

/* A page leaving the allocator: referenced once, its order recorded. */
static inline void prep_new_page(struct zone *zone, struct page *page,
				 unsigned int order)
{
	page->_refcount = 1;
	page->flags |= order_flags(order);
	zone->free_pages -= 1UL << order;
}

/*
 * Take the first page of a non-empty pcp list and hand it out. lru is
 * unlinked without being made an empty list again: it now belongs to
 * whoever gets the page. zone->lock held.
 */
static inline struct page *pcp_take_page(struct zone *zone)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	struct page *page = list_first_entry(&pcp->list, struct page, lru);
	struct list_head *next = page->lru.next;

	/* Counters first: the page stores below could alias them. */
	zone->free_pages--;
	pcp->count--;
	pcp->list.next = next;
	next->prev = &pcp->list;
	page->_refcount = 1;
	page->flags |= order_flags(0);
	return page;
}

/* Order 0: from the pcp list, refilled from the buddy lists if empty. */
static inline struct page *rmqueue_pcplist(struct zone *zone)
{
	struct page *page = NULL;
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	if (likely(!list_empty(&zone->pcp.list)) || rmqueue_bulk(zone))
		page = pcp_take_page(zone);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

/*
 * Higher orders come from the buddy lists. Order-0 pages parked on pcp
 * cannot coalesce, so if the request fails while some are there, give
 * them back and retry: a failure then means no free block is big enough.
 */
static noinline struct page *rmqueue_buddy(struct zone *zone,
					   unsigned int order)
{
	unsigned long flags;
	struct page *page;

	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue_smallest(zone, order);
	if (!page && zone->pcp.count) {
		__free_pcppages_bulk(zone, zone->pcp.count);
		page = __rmqueue_smallest(zone, order);
	}
	if (page)
		prep_new_page(zone, page, order);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

static inline struct page *rmqueue(struct zone *zone, unsigned int order)
{
	if (likely(!order))
		return rmqueue_pcplist(zone);
	return rmqueue_buddy(zone, order);
}

/*
 * The part of the watermark test that only requests allowed to dig into
 * the reserve need: reached when the plain test failed.
 */
static noinline bool zone_watermark_ok_harder(const struct zone *z,
					      unsigned int order,
					      gfp_t gfp_mask,
					      enum zone_type classzone)
{
	long free = (long)z->free_pages - z->lowmem_reserve[classzone];
	long min = (long)min_wmark_pages(z);

	if (gfp_mask & __GFP_MEMALLOC)
		return true;
	if (gfp_mask & __GFP_HIGH)
		min -= min / 2;
	if (gfp_mask & __GFP_ATOMIC)
		min -= min / 4;
	return free - min >= 1L << order;
}

/*
 * Linux's __zone_watermark_ok in outline: after this allocation the zone
 * must keep more than min (halved for __GFP_HIGH, a further quarter off
 * for __GFP_ATOMIC, ignored for __GFP_MEMALLOC) plus what it reserves
 * against requests that could have used the classzone. Those flags only
 * lower the bar, so they are looked at only when the plain test fails.
 * Read without the lock, as Linux does: it is a heuristic.
 */
static inline bool zone_watermark_ok(const struct zone *z, unsigned int order,
				     gfp_t gfp_mask, enum zone_type classzone)
{
	long free = (long)z->free_pages - z->lowmem_reserve[classzone];

	if (likely(free - (long)min_wmark_pages(z) >= 1L << order))
		return true;
	return zone_watermark_ok_harder(z, order, gfp_mask, classzone);
}

static noinline void prep_zero_page(struct page *page, unsigned int order)
{
	unsigned long i;

	if (!PageHighMem(page)) {
		__builtin_memset(lowmem_page_address(page), 0,
				 PAGE_SIZE << order);
		return;
	}
	if (!clear_highpage) {
		pr_crit("__GFP_ZERO on a highmem page needs clear_highpage() "
			"from mm/highmem.c\n");
		BUG();
	}
	for (i = 0; i < (1UL << order); i++)
		clear_highpage(page + i);
}

static noinline void warn_alloc(gfp_t gfp_mask, unsigned int order)
{
	char names[160];

	if (gfp_mask & __GFP_NOWARN)
		return;
	format_gfp_flags(names, sizeof(names), gfp_mask);
	pr_warn("%s: page allocation failure: order:%u, mode:%#x(%s), "
		"nodemask=(null)\n",
		current_comm, order, gfp_mask, names);
}

/* The zonelist walk: from the highest zone gfp_mask allows down to Normal. */
static struct page *get_page_from_zonelist(gfp_t gfp_mask, unsigned int order)
{
	enum zone_type classzone = gfp_zone(gfp_mask);
	struct zone *zone = &NODE_DATA(0)->node_zones[classzone];
	struct page *page;

	for (;;) {
		if (zone_watermark_ok(zone, order, gfp_mask, classzone)) {
			page = rmqueue(zone, order);
			if (likely(page)) {
				if (unlikely(gfp_mask & __GFP_ZERO))
					prep_zero_page(page, order);
				return page;
			}
		}
		if (zone == NODE_DATA(0)->node_zones)
			return NULL;
		zone--;
	}
}

/* Linux's: above this order a request is "costly" (mmzone.h). */
#define PAGE_ALLOC_COSTLY_ORDER 3

/*
 * __GFP_NOFAIL after the normal attempt failed: never return NULL.
 *
 * Linux v5.10 (__alloc_pages_slowpath) warns once for a __GFP_NOFAIL
 * order above PAGE_ALLOC_COSTLY_ORDER, retries with ALLOC_HARDER (the min
 * watermark lowered as for __GFP_HIGH | __GFP_ATOMIC), and otherwise
 * reclaims, calls the OOM killer and retries for ever. hikern has no
 * reclaim and no task to kill, and on one CPU nothing but an interrupt
 * handler could free memory meanwhile, so looping would hang. It retries
 * with ALLOC_HARDER, then with every reserve (what Linux's OOM victim is
 * given); if even that fails, it does what Linux's out_of_memory() does
 * with nothing killable: "Out of memory and no killable processes..." and
 * panic("System is deadlocked on memory").
 *
 * An order >= MAX_ORDER can never be satisfied. Linux v5.10 WARNs and
 * returns NULL before looking at __GFP_NOFAIL, which hands the caller (who
 * was promised a page and will not check) a NULL to dereference later;
 * hikern keeps the WARN and names the order in Linux's allocation-failure
 * line, then BUG()s at once, where the misuse is.
 */
static noinline struct page *alloc_pages_nofail(gfp_t gfp_mask,
						unsigned int order)
{
	struct page *page;

	WARN_ON_ONCE(order > PAGE_ALLOC_COSTLY_ORDER);
	if (order >= MAX_ORDER) {
		warn_alloc(gfp_mask & ~__GFP_NOWARN, order);
		BUG();
	}
	page = get_page_from_zonelist(gfp_mask | __GFP_HIGH | __GFP_ATOMIC,
				      order);
	if (!page)
		page = get_page_from_zonelist(gfp_mask | __GFP_MEMALLOC, order);
	if (page)
		return page;
	warn_alloc(gfp_mask & ~__GFP_NOWARN, order);
	pr_warn("Out of memory and no killable processes...\n");
	panic("System is deadlocked on memory\n");
}

/*
 * Everything but the fast path of alloc_pages: other orders, __GFP_ZERO,
 * an empty pcp list, a zone at its watermark, falling back to lower zones.
 */
static noinline struct page *__alloc_pages_slow(gfp_t gfp_mask,
						unsigned int order)
{
	struct page *page;

	if (unlikely(order >= MAX_ORDER)) {
		if (gfp_mask & __GFP_NOFAIL)
			return alloc_pages_nofail(gfp_mask, order);
		WARN_ON_ONCE(!(gfp_mask & __GFP_NOWARN));
		return NULL;
	}
	page = get_page_from_zonelist(gfp_mask, order);
	if (likely(page))
		return page;
	if (gfp_mask & __GFP_NOFAIL)
		return alloc_pages_nofail(gfp_mask, order);
	warn_alloc(gfp_mask, order);
	return NULL;
}

/**
 * alloc_pages - allocate 2^order physically contiguous pages
 * @gfp_mask: GFP flags: __GFP_HIGHMEM tries ZONE_HIGHMEM first, then
 *	falls back to ZONE_NORMAL; __GFP_ZERO zeroes the block;
 *	__GFP_HIGH, __GFP_ATOMIC and __GFP_MEMALLOC dig into the min
 *	watermark reserve; __GFP_NOWARN silences the failure report;
 *	__GFP_NOFAIL never returns NULL
 * @order: log2 of the number of pages, below MAX_ORDER
 *
 * The block is naturally aligned; its head page has _refcount 1 and
 * records @order, which __free_pages() must be given back. A highmem
 * page has no kernel address until it is kmapped.
 *
 The fast path
 * (an order-0 page from the preferred zone's pcp list) is described
 * where it sits, in the body.
 *
 * An @order >= MAX_ORDER WARNs once (unless __GFP_NOWARN) and fails;
 * with __GFP_NOFAIL it is a BUG. A request no zone can serve prints
 * Linux's "page allocation failure: order:N, mode:..." line unless
 * __GFP_NOWARN. __GFP_NOFAIL above PAGE_ALLOC_COSTLY_ORDER WARNs once;
 * if even the reserves cannot serve it, the kernel panics ("System is
 * deadlocked on memory"), as Linux's OOM killer with nothing to kill.
 * __GFP_ZERO on a highmem page BUGs in a build without mm/highmem.c.
 *
 * Context: Any context, including interrupt handlers and with IRQs
 * disabled: takes zone->lock with IRQs disabled. Never sleeps (there is no reclaim), whatever @gfp_mask.
 * Return: The head page of the block, or NULL on failure.
 */
struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	struct zone *zone = &NODE_DATA(0)->node_zones[gfp_zone(gfp_mask)];
	unsigned long flags;
	struct page *page;

	/*
	 * Speed trick: rmqueue_pcplist() on the preferred zone, inlined by
	 * hand to what it does when it succeeds: an order-0 page without
	 * __GFP_ZERO, the zone above its min watermark (a zone keeps no
	 * lowmem_reserve against its own classzone, so zone_watermark_ok()
	 * is free_pages - min >= 1 there) and its pcp list not empty.
	 * Anything else takes the general path, which checks it all again.
	 * OPTIMIZER_HIDE_VAR() makes zone opaque so that GCC keeps its
	 * address in one register instead of re-deriving each field's
	 * address from gfp_mask (4 of the instructions saved). Plain Linux
	 * form: __alloc_pages() -> get_page_from_freelist() -> rmqueue()
	 * for every request, here __alloc_pages_slow(). Saves 26 of 111
	 * guest instructions per alloc_page+__free_page (make bench).
	 */
	OPTIMIZER_HIDE_VAR(zone);
	if (likely(!order && !(gfp_mask & __GFP_ZERO))) {
		spin_lock_irqsave(&zone->lock, flags);
		if (likely(zone->free_pages > min_wmark_pages(zone) &&
			   !list_empty(&zone->pcp.list))) {
			page = pcp_take_page(zone);
			spin_unlock_irqrestore(&zone->lock, flags);
			return page;
		}
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	return __alloc_pages_slow(gfp_mask, order);
}

/**
 * __get_free_pages - allocate 2^order lowmem pages, by address
 * @gfp_mask: GFP flags as for alloc_pages(); __GFP_HIGHMEM is ignored
 * @order: log2 of the number of pages, below MAX_ORDER
 *
 * As alloc_pages(), but always from ZONE_NORMAL, so that the block has
 * a linear-map address. Free it with free_pages() at the same @order.
 *
 * Context: Any context; never sleeps.
 * Return: The block's kernel virtual address, or 0 on failure.
 */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = alloc_pages(gfp_mask & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)lowmem_page_address(page) : 0;
}

/**
 * get_zeroed_page - allocate one zeroed lowmem page, by address
 * @gfp_mask: GFP flags as for alloc_pages(); __GFP_HIGHMEM is ignored
 *
 * Context: Any context; never sleeps.
 * Return: The page's kernel virtual address, or 0 on failure.
 */
unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}

/* What every page of a block entering the free path must look like. */
static inline bool page_expected_state(const struct page *page, int refcount,
				       unsigned long state)
{
	return page->_refcount == refcount &&
	       (page->flags & PAGE_STATE_MASK) == state &&
	       page->_mapcount == -1 && !page->mapping;
}

/*
 * Linux's reasons; NULL if none applies. Linux's free_pages_check_bad
 * tests mapcount, mapping, _refcount, flags in turn and the last match
 * wins, so the tests run here in the reverse order and the first wins.
 */
static const char *page_bad_reason(const struct page *page, int refcount)
{
	if (page->flags & PAGE_FLAGS_CHECK_AT_FREE)
		return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set";
	if (page->_refcount != refcount)
		return "nonzero _refcount";
	if (page->mapping)
		return "non-NULL mapping";
	if (page->_mapcount != -1)
		return "nonzero mapcount";
	return NULL;
}

static void bad_page(const struct page *page, const char *reason)
{
	unsigned long bad_flags = page->flags & PAGE_FLAGS_CHECK_AT_FREE;
	char names[64];

	nr_bad_page_reports++;
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n", current_comm,
		 page_to_pfn(page));
	dump_page(page, reason);
	if (bad_flags) {
		format_page_flags(names, sizeof(names), bad_flags);
		pr_alert("bad because of flags: %#lx(%s)\n", bad_flags, names);
	}
}

/*
 * Is page free: inside a buddy block (whose head is the pfn rounded down
 * to the block's order) or parked on the zone's pcp list? Slow, for
 * reports only; zone->lock held.
 */
static bool page_is_free(struct zone *zone, struct page *page)
{
	unsigned long pfn = page_to_pfn(page);
	struct page *pos;
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long head_pfn = pfn & ~((1UL << order) - 1);
		struct page *head = page_at_pfn_of(page, pfn, head_pfn);

		if (PageBuddy(head) && head->private >= order)
			return true;
	}
	list_for_each_entry(pos, &zone->pcp.list, lru)
		if (pos == page)
			return true;
	return false;
}

/* Why the head page may not be freed at order; NULL if it may. */
static const char *bad_head_reason(struct zone *zone, struct page *page,
				   unsigned int order, char *buf, size_t size)
{
	const char *reason;

	if (order >= MAX_ORDER) {
		scnprintf(buf, size, "freed at order %u >= MAX_ORDER", order);
		return buf;
	}
	if (page->_refcount <= 0) {
		if (page_is_free(zone, page))
			return "double free: page is already free";
		scnprintf(buf, size,
			  "freed at order %u but not an allocated block's head",
			  order);
		return buf;
	}
	reason = page_bad_reason(page, 1);
	if (reason)
		return reason;
	if ((page->flags & PAGE_ORDER_MASK) != order_flags(order)) {
		scnprintf(buf, size, "freed at order %u, allocated at order %d",
			  order, page_alloc_order(page));
		return buf;
	}
	return NULL;
}

/*
 * The fast checks refused to free page at order: find the page to blame
 * and why, and report it. Nothing is changed, so the block stays as it
 * was (allocated or free) and the free lists stay intact.
 */
static noinline void bad_free(struct zone *zone, struct page *page,
			      unsigned int order)
{
	const char *reason;
	unsigned long flags, i;
	char buf[80];

	spin_lock_irqsave(&zone->lock, flags);
	reason = bad_head_reason(zone, page, order, buf, sizeof(buf));
	for (i = 1; !reason && i < (1UL << order); i++) {
		reason = page_bad_reason(&page[i], 0);
		if (reason)
			page = &page[i];
	}
	bad_page(page, reason ? reason : "inconsistent page state");
	spin_unlock_irqrestore(&zone->lock, flags);
}

/*
 * A sound order-0 page, its last reference dropped and its state already
 * that of a free page, goes on the pcp list; a full list gives its oldest
 * batch back. zone->lock held.
 */
static inline void free_unref_page(struct zone *zone, struct page *page)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	/* Counters first: the list stores below could alias them. */
	int count = ++pcp->count, high = pcp->high;

	zone->free_pages++;
	list_add(&page->lru, &pcp->list);
	if (unlikely(count >= high))
		__free_pcppages_bulk(zone, pcp->batch);
}

/*
 * Free a block of order > 0 if the head and (as Linux) every tail page
 * pass the checks; false, changing nothing, if not.
 */
static noinline bool __free_pages_ok(struct zone *zone, struct page *page,
				     unsigned int order)
{
	unsigned long flags, i;

	if (order >= MAX_ORDER ||
	    !page_expected_state(page, 1, order_flags(order)))
		return false;
	for (i = 1; i < (1UL << order); i++)
		if (!page_expected_state(page + i, 0, 0))
			return false;
	page->_refcount = 0;
	page->flags &= ~PAGE_ORDER_MASK;
	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, page_to_pfn(page), zone, order);
	zone->free_pages += 1UL << order;
	spin_unlock_irqrestore(&zone->lock, flags);
	return true;
}

/*
 * Everything but the fast path of __free_pages: orders above 0, and a
 * page that fails the checks because it is still referenced or misused.
 */
static noinline void __free_pages_slow(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	local_irq_save(flags);
	if (!order || !__free_pages_ok(zone, page, order)) {
		/* Not the last reference (Linux's put_page_testzero), or misuse. */
		if (page->_refcount > 1)
			page->_refcount--;
		else
			bad_free(zone, page, order);
	}
	local_irq_restore(flags);
}

/*
 * The last reference to a sound order-0 page. (Measured: the five tests
 * OR'ed by hand into one value and one branch saved 2 of 82 guest
 * instructions per alloc_page+__free_page, under 10%, so they are plain.)
 */
static inline bool free_page_fast_ok(const struct page *page,
				     unsigned int order)
{
	return order == 0 && page_expected_state(page, 1, order_flags(0));
}

/**
 * __free_pages - drop a reference to a block of pages
 * @page: the head page of a block from alloc_pages()
 * @order: the order the block was allocated with
 *
 * Drops one reference; the last one returns the block to the allocator
 * (an order-0 page to its zone's pcp list, a larger block to the buddy
 * lists, merged with its free buddies). @page must not be used after
 * the last reference is dropped.
 *
 * Misuse, as Linux's free_pages_check: a double free, a page that is not
 * an allocated block's head, the wrong @order, page flags, a mapping or
 * a mapcount left set on the head or any tail page, an @order >=
 * MAX_ORDER. Each is reported as "BUG: Bad page state in process ..."
 * with dump_page() and counted in nr_bad_page_reports; nothing is
 * changed, so the block stays as it was (allocated or free) and the free
 * lists stay intact. The kernel carries on.
 *
 * Context: Any context, including interrupt handlers; disables IRQs
 * and takes zone->lock inside. Does not sleep.
 */
void __free_pages(struct page *page, unsigned int order)
{
	unsigned long page_flags = page->flags, flags;
	struct zone *zone = page_zone(page);

	/*
	 * Speed trick: the last reference to a sound order-0 page goes
	 * straight to the pcp list. The checks read only the page, which
	 * the caller owns, so IRQs go off after them. Plain Linux form:
	 * every free through the general path (here __free_pages_slow(),
	 * doing the same for order 0 with IRQs off throughout). Saves 8 of
	 * 93 guest instructions per alloc_page+__free_page (make bench):
	 * under 10%, but the limit of 88 needs it.
	 */
	if (unlikely(!free_page_fast_ok(page, order))) {
		__free_pages_slow(page, order);
		return;
	}
	/* The page is the caller's until it is on the list: no lock yet. */
	page->_refcount = 0;
	page->flags = page_flags & ~PAGE_ORDER_MASK;
	spin_lock_irqsave(&zone->lock, flags);
	free_unref_page(zone, page);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * free_pages - drop a reference to a block of lowmem pages, by address
 * @addr: the address __get_free_pages() returned, or 0 (ignored)
 * @order: the order the block was allocated with
 *
 * __free_pages() on the page at @addr. Only the linear map has a __pa():
 * a vmalloc or pkmap address (or any other outside lowmem's valid pfns)
 * would name some unrelated page, so it WARNs and frees nothing.
 *
 * Context: Any context; does not sleep.
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	/* Only the linear map has a __pa(): a vmalloc or pkmap address would
	 * name some unrelated page. */
	if (WARN_ON(addr < PAGE_OFFSET || addr >= (unsigned long)high_memory ||
		    !pfn_valid(virt_to_pfn((void *)addr))))
		return;
	__free_pages(virt_to_page((void *)addr), order);
}

/**
 * put_page - drop a reference to a page
 * @page: the head page of an allocated block
 *
 * The last reference frees the block at the order it was allocated with,
 * read from page->flags (Linux would free only order 0 for a page that is
 * not compound). A page that heads no allocated block is freed at order
 * 0, so misuse is reported by __free_pages() as "Bad page state".
 *
 * Context: Any context; does not sleep.
 */
void put_page(struct page *page)
{
	int order = page_alloc_order(page);

	__free_pages(page, order > 0 ? (unsigned int)order : 0);
}

/**
 * __free_pages_core - give a never-used block to the buddy allocator
 * @zone: the zone the block lies in
 * @page: the block's first page, at a pfn aligned to 2^@order
 * @order: log2 of the number of pages, below MAX_ORDER
 *
 * The block's pages count as managed from now on and are free. Its
 * struct pages must already hold the free state (memmap_init_free()), so
 * only the head is touched, as Linux's deferred struct page init frees.
 *
 * BUGs if the block does not lie wholly in @zone: a block spilling into
 * the next zone would corrupt both.
 *
 * Context: Boot only (__init), from memblock_free_all(); takes
 * zone->lock with IRQs disabled.
 */
void __init __free_pages_core(struct zone *zone, struct page *page,
			      unsigned int order)
{
	unsigned long nr = 1UL << order, pfn = page_to_pfn(page);
	unsigned long flags;

	/* A block spilling into the next zone would corrupt both. */
	BUG_ON(!zone_spans_pfn(zone, pfn) ||
	       !zone_spans_pfn(zone, pfn + nr - 1));
	spin_lock_irqsave(&zone->lock, flags);
	zone->managed_pages += nr;
	__free_one_page(page, pfn, zone, order);
	zone->free_pages += nr;
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * page_address - the kernel virtual address of a page
 * @page: any page in mem_map
 *
 * Context: Any context; for a highmem page takes kmap_lock with IRQs
 * disabled. Does not sleep.
 * Return: The linear-map address of a lowmem page. For a highmem page,
 * its kmap() address while it is kmapped, else NULL; NULL as well in a
 * build without mm/highmem.c (the host tests). A kmap_atomic() address
 * is never returned, as in Linux.
 */
void *page_address(const struct page *page)
{
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return highmem_page_address ? highmem_page_address(page) : NULL;
}

/* A zone counter summed over the node. */
#define sum_zone_pages(field)                                 \
	({                                                    \
		unsigned long __sum = 0;                      \
		struct zone *__zone;                          \
		for_each_zone(__zone) __sum += __zone->field; \
		__sum;                                        \
	})

/**
 * nr_free_pages - the free pages of every zone
 *
 * Counts the pages on the pcp lists too. Read without zone->lock: a
 * snapshot that interrupt handlers may change at once.
 *
 * Context: Any context; does not sleep.
 * Return: The number of free pages.
 */
unsigned long nr_free_pages(void)
{
	return sum_zone_pages(free_pages);
}

/**
 * totalram_pages - the pages the buddy allocator manages
 *
 * Context: Any context; does not sleep.
 * Return: The managed pages of all zones: 0 before memblock_free_all().
 */
unsigned long totalram_pages(void)
{
	return sum_zone_pages(managed_pages);
}

/**
 * totalhigh_pages - the pages the buddy allocator manages in HighMem
 *
 * Context: Any context; does not sleep.
 * Return: ZONE_HIGHMEM's managed pages: 0 before memblock_free_all() and
 * on a machine whose RAM is all lowmem.
 */
unsigned long totalhigh_pages(void)
{
	return NODE_DATA(0)->node_zones[ZONE_HIGHMEM].managed_pages;
}

/**
 * get_num_physpages - the pages of RAM present in the zones
 *
 * Context: Any context after free_area_init(); does not sleep.
 * Return: The present pages of all zones (RAM, reserved or not, without
 * the holes the zones span).
 */
unsigned long get_num_physpages(void)
{
	return sum_zone_pages(present_pages);
}

/*
 * x * num / den by shift-and-subtract: boot-time only, and it keeps the
 * kernel independent of libgcc's 64-bit division helpers.
 */
static unsigned long mult_frac_slow(unsigned long x, unsigned long num,
				    unsigned long den)
{
	u64 n = (u64)x * num, q = 0, r = 0;
	int bit;

	for (bit = 63; bit >= 0; bit--) {
		r = (r << 1) | ((n >> bit) & 1);
		if (r >= den) {
			r -= den;
			q |= (u64)1 << bit;
		}
	}
	return (unsigned long)q;
}

/* floor(sqrt(x)), one result bit per step (no division). */
static unsigned long int_sqrt(unsigned long x)
{
	unsigned long root = 0, bit;

	for (bit = 1UL << (BITS_PER_LONG - 2); bit > x; bit >>= 2)
		;
	for (; bit; bit >>= 2) {
		if (x >= root + bit) {
			x -= root + bit;
			root = (root >> 1) + bit;
		} else {
			root >>= 1;
		}
	}
	return root;
}

/*
 * A lower zone keeps (managed pages of the zones above it up to j) /
 * ratio back from requests whose classzone is j (Linux's
 * sysctl_lowmem_reserve_ratio; HighMem protects nothing below it).
 */
static void setup_per_zone_lowmem_reserve(void)
{
	static const unsigned long ratio[MAX_NR_ZONES] = {
		[ZONE_NORMAL] = 32,
	};
	struct zone *zones = NODE_DATA(0)->node_zones;
	int i, j;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		long *reserve = zones[i].lowmem_reserve;
		unsigned long above = 0;

		for (j = 0; j < MAX_NR_ZONES; j++) {
			reserve[j] = 0;
			if (j <= i || !ratio[i])
				continue;
			above += zones[j].managed_pages;
			reserve[j] = (long)mult_frac_slow(above, 1, ratio[i]);
		}
	}
}

/*
 * Documentation/mm/page_alloc.md, section 6:
 * min_free_kbytes = sqrt(16 * lowmem KB)
 * in [128, 65536]; each zone's share of it (by managed pages) is its min,
 * except that HighMem's min is managed/1024 in [32, 128]; low and high
 * add one and two times max(share / 4, managed * 10 / 10000).
 */
static void setup_per_zone_wmarks(void)
{
	unsigned long lowmem_pages = 0, min_free_kbytes, pages_min;
	struct zone *zone;

	for_each_zone(zone) if (!is_highmem(zone)) lowmem_pages +=
		zone->managed_pages;
	min_free_kbytes = int_sqrt(lowmem_pages * (PAGE_SIZE >> 10) * 16);
	min_free_kbytes = clamp(min_free_kbytes, 128UL, 65536UL);
	pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);

	for_each_zone(zone)
	{
		unsigned long managed = zone->managed_pages;
		unsigned long share = 0, min, delta;

		if (lowmem_pages)
			share = mult_frac_slow(pages_min, managed,
					       lowmem_pages);
		min = share;
		if (is_highmem(zone))
			min = clamp(managed / 1024, 32UL, 128UL);
		delta = max(share / 4, managed * 10 / 10000);
		zone->_watermark[WMARK_MIN] = min;
		zone->_watermark[WMARK_LOW] = min + delta;
		zone->_watermark[WMARK_HIGH] = min + 2 * delta;
	}
	setup_per_zone_lowmem_reserve();
}

/*
 * Linux's zone_batchsize and pageset_set_batch: about a quarter of a
 * thousandth of the zone (at most 1 MB / 4) per batch, as 2^n - 1 to
 * avoid cache aliasing between batches; the list holds up to 6 batches.
 */
static void zone_set_pageset_batch(struct zone *zone)
{
	unsigned long batch =
		min(zone->managed_pages / 1024, SZ_1M / PAGE_SIZE) / 4;

	batch = max(batch, 1UL);
	batch += batch / 2;
	batch = (1UL << (BITS_PER_LONG - 1 - __builtin_clzl(batch))) - 1;
	zone->pcp.high = (int)(6 * batch);
	zone->pcp.batch = (int)max(batch, 1UL);
}

/**
 * page_alloc_init_late - size the pcp lists, watermarks and reserves
 *
 * Once memblock_free_all() has set the managed page counts: each zone's
 * pcp batch and high mark, its min/low/high watermarks and its
 * lowmem_reserve (Linux's initcall-time set-up).
 *
 * Context: Boot, called by memblock_free_all(); writes the zones without
 * their locks, so nothing else may allocate meanwhile.
 */
void page_alloc_init_late(void)
{
	struct zone *zone;

	for_each_zone(zone) zone_set_pageset_batch(zone);
	setup_per_zone_wmarks();
}

/*
 * Write *tmpl to nr struct pages from page: the whole per-page cost of
 * boot. The architecture may provide a faster fill (asm/memmap.h).
 */
static inline void __init memmap_fill(struct page *page, unsigned long nr,
				      const struct page *tmpl)
{
#ifdef arch_memmap_fill
	BUILD_BUG_ON(sizeof(struct page) != 32);
	arch_memmap_fill(page, nr, tmpl);
#else
	while (nr--)
		*page++ = *tmpl;
#endif
}

/*
 * The pfns whose struct pages belong to zone j: its span, widened to the
 * ends of mem_map for the first and last zone (free_area_init's rule).
 */
static unsigned long __init memmap_zone_start(enum zone_type j)
{
	return j ? NODE_DATA(0)->node_zones[j].zone_start_pfn :
		   memmap_start_pfn();
}

static unsigned long __init memmap_zone_end(enum zone_type j)
{
	return j < MAX_NR_ZONES - 1 ?
		       zone_end_pfn(&NODE_DATA(0)->node_zones[j]) :
		       memmap_end_pfn();
}

/* Struct pages of [start, end) in zone j, otherwise as *tmpl. */
static void __init memmap_init_range(unsigned long start, unsigned long end,
				     enum zone_type j, struct page *tmpl)
{
	start = max(start, memmap_zone_start(j));
	end = min(end, memmap_zone_end(j));
	if (start >= end)
		return;
	tmpl->flags |= (unsigned long)j << ZONES_PGSHIFT;
	memmap_fill(pfn_to_page(start), end - start, tmpl);
}

/**
 * memmap_init_reserved - initialise struct pages as reserved
 * @start: first pfn
 * @end: pfn after the last
 *
 * Every struct page of [@start, @end) (clipped to mem_map) becomes a page
 * the buddy allocator never gets: PG_reserved, referenced, in its zone.
 * Each struct page is overwritten whole; lru is left NULL: it belongs to
 * whoever owns the page.
 *
 * Context: Boot only (__init), before the pages are handed to the buddy
 * allocator (a free page overwritten here would corrupt the free lists).
 */
void __init memmap_init_reserved(unsigned long start, unsigned long end)
{
	enum zone_type j;

	for (j = 0; j < MAX_NR_ZONES; j++) {
		struct page tmpl = {
			.flags = 1UL << PG_reserved,
			._mapcount = -1,
			._refcount = 1,
		};

		memmap_init_range(start, end, j, &tmpl);
	}
}

/**
 * memmap_init_free - initialise struct pages as free
 * @zone: the zone [@start, @end) lies in
 * @start: first pfn
 * @end: pfn after the last
 *
 * Every struct page of [@start, @end), all in @zone, as it is inside a
 * free buddy block except at a head: no flags, _refcount 0, unmapped.
 * Linux's deferred_init_pages: done when the range is handed over, not
 * before, so that each struct page of free RAM is written once.
 *
 * BUGs if the range is not inside @zone.
 *
 * Context: Boot only (__init), just before __free_pages_core() hands the
 * range over.
 */
void __init memmap_init_free(struct zone *zone, unsigned long start,
			     unsigned long end)
{
	struct page tmpl = { ._mapcount = -1 };

	BUG_ON(start < zone->zone_start_pfn || end > zone_end_pfn(zone));
	memmap_init_range(start, end, zone_idx(zone), &tmpl);
}

static void __init alloc_node_mem_map(unsigned long end_pfn)
{
	unsigned long start = ALIGN_DOWN(ARCH_PFN_OFFSET, MAX_ORDER_NR_PAGES);
	unsigned long end = ALIGN(end_pfn, MAX_ORDER_NR_PAGES);
	phys_addr_t size = (phys_addr_t)((end - start) * sizeof(struct page));
	/* Not zeroed: every struct page is written whole before use. */
	struct page *map = memblock_alloc_raw(size, PAGE_SIZE);

	if (!map) {
		pr_emerg("Failed to allocate %lu bytes for node 0 memory map\n",
			 (unsigned long)size);
		BUG();
	}
	mem_map = map + (ARCH_PFN_OFFSET - start);
	max_mapnr = end_pfn - ARCH_PFN_OFFSET;
}

static unsigned long __init memblock_present_pages(unsigned long start_pfn,
						   unsigned long end_pfn)
{
	const struct memblock_region *r;
	unsigned long present = 0;

	for_each_mem_region(r)
	{
		unsigned long s =
			max(start_pfn, (unsigned long)PFN_UP(r->base));
		unsigned long e =
			min(end_pfn,
			    (unsigned long)PFN_DOWN(memblock_region_end(r)));

		if (s < e)
			present += e - s;
	}
	return present;
}

static void __init zone_init(struct zone *zone, enum zone_type j,
			     unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned int order;

	zone->name = zone_names[j];
	zone->zone_start_pfn = start_pfn;
	zone->spanned_pages = end_pfn - start_pfn;
	zone->present_pages = memblock_present_pages(start_pfn, end_pfn);
	spin_lock_init(&zone->lock);
	INIT_LIST_HEAD(&zone->pcp.list);
	zone->pcp.count = 0;
	zone_set_pageset_batch(zone);
	for (order = 0; order < MAX_ORDER; order++) {
		INIT_LIST_HEAD(&zone->free_area[order].free_list);
		zone->free_area[order].nr_free = 0;
	}
	if (start_pfn == end_pfn)
		pr_info("  %-8s empty\n", zone->name);
	else
		pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone->name,
			(unsigned long long)start_pfn << PAGE_SHIFT,
			((unsigned long long)end_pfn << PAGE_SHIFT) - 1);
}

static void __init print_node_ranges(unsigned long start_pfn,
				     unsigned long end_pfn)
{
	const struct memblock_region *r;

	pr_info("Early memory node ranges\n");
	for_each_mem_region(r)
		pr_info("  node   0: [mem %#018llx-%#018llx]\n",
			(unsigned long long)r->base,
			(unsigned long long)memblock_region_end(r) - 1);
	pr_info("Initmem setup node 0 [mem %#018llx-%#018llx]\n",
		(unsigned long long)start_pfn << PAGE_SHIFT,
		((unsigned long long)end_pfn << PAGE_SHIFT) - 1);
}

/**
 * free_area_init - set up mem_map and the zones
 * @max_zone_pfn: the end pfn (exclusive) of each zone, MAX_NR_ZONES of
 *	them, ascending
 *
 * Zone j spans [end of zone j-1, @max_zone_pfn[j]), the first starting at
 * the first RAM pfn (Linux v5.8+). mem_map covers ARCH_PFN_OFFSET to the
 * end of the last zone, rounded out to MAX_ORDER blocks. Every struct
 * page outside memblock's free ranges (holes, the rounding, reserved RAM)
 * starts PG_reserved here; those of free RAM are written only when
 * memblock_free_all() hands them over, as Linux's deferred struct page
 * init does, and nothing may look at them before. Prints the "Zone
 * ranges:" and "Early memory node ranges" blocks, as Linux.
 *
 * BUGs if RAM starts below ARCH_PFN_OFFSET or the last zone is empty, and
 * ("Failed to allocate ... for node 0 memory map") if memblock has no
 * room for mem_map.
 *
 * Context: Boot only (__init), once, after memblock holds all RAM and
 * its current limit is set to the end of the linear map (mem_map is used
 * through __va()).
 */
void __init free_area_init(unsigned long *max_zone_pfn)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	unsigned long start_pfn = PFN_UP(memblock_start_of_DRAM());
	unsigned long end_pfn = max_zone_pfn[MAX_NR_ZONES - 1];
	unsigned long zone_start = start_pfn;
	int j;

	if (start_pfn < ARCH_PFN_OFFSET || end_pfn <= start_pfn) {
		pr_emerg("free_area_init: RAM %#lx-%#lx, mem_map %#lx\n",
			 start_pfn, end_pfn, ARCH_PFN_OFFSET);
		BUG();
	}
	alloc_node_mem_map(end_pfn);

	pr_info("Zone ranges:\n");
	for (j = 0; j < MAX_NR_ZONES; j++) {
		unsigned long end = clamp(max_zone_pfn[j], zone_start, end_pfn);

		zone_init(&pgdat->node_zones[j], j, zone_start, end);
		zone_start = end;
	}
	memmap_init_reserved_pages();
	pgdat->node_id = 0;
	pgdat->node_start_pfn = start_pfn;
	pgdat->node_spanned_pages = end_pfn - start_pfn;
	print_node_ranges(start_pfn, end_pfn);
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * page_alloc_kunit_bad_page_reports - a report counter, for the self-tests
 *
 * Context: any; a snapshot.
 * Return: the number of "BUG: Bad page state" reports printed so far.
 */
unsigned long page_alloc_kunit_bad_page_reports(void)
{
	return nr_bad_page_reports;
}
EXPORT_SYMBOL_IF_KUNIT(page_alloc_kunit_bad_page_reports);
#endif
