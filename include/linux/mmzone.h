/*
 * Memory zones and the (single) node, as in Linux's include/linux/mmzone.h
 * for 32-bit ARM without ZONE_DMA: ZONE_NORMAL holds lowmem (the linear
 * map), ZONE_HIGHMEM everything above the lowmem limit.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

enum zone_type { ZONE_NORMAL, ZONE_HIGHMEM, MAX_NR_ZONES };

/* Orders 0..MAX_ORDER-1: the largest block is 1024 pages (4 MB). */
#define MAX_ORDER 11
#define MAX_ORDER_NR_PAGES (1UL << (MAX_ORDER - 1))

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, NR_WMARK };

/* nr_free counts blocks of this order, not pages. */
struct free_area {
	struct list_head free_list;
	unsigned long nr_free;
};

/*
 * Linux's per-CPU page list (there is one CPU): order-0 pages freed and
 * allocated with IRQs off but without zone->lock, and moved to and from
 * the buddy lists batch pages at a time. They do not coalesce while here.
 */
struct per_cpu_pages {
	struct list_head list;
	int count; /* pages on list */
	int high;  /* give batch pages back when count reaches this */
	int batch;
};

/*
 * The order-0 fast paths (alloc_pages, __free_pages) touch only the first
 * fields, pcp first so its list head is the zone's own address; the size
 * is a power of two so that a zone index becomes a pointer with a shift.
 */
struct zone {
	struct per_cpu_pages pcp;
	/*
	 * Free pages, in the buddy lists and on pcp (unlike Linux's
	 * NR_FREE_PAGES, which leaves pcp pages out). Changed with IRQs
	 * off; an SMP kernel would need per-CPU deltas here.
	 */
	unsigned long free_pages;
	unsigned long _watermark[NR_WMARK];
	/*
	 * Pages this zone keeps back from requests that could have been
	 * served by zone j (lowmem_reserve[j]), so GFP_HIGHUSER falling
	 * back to lowmem cannot starve GFP_KERNEL. Always 0 for j = the
	 * zone itself, which the alloc_pages fast path relies on.
	 */
	long lowmem_reserve[MAX_NR_ZONES];

	spinlock_t lock; /* free_area and the buddy state of its pages */
	struct free_area free_area[MAX_ORDER];

	const char *name;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages; /* zone_end_pfn - zone_start_pfn */
	unsigned long present_pages; /* spanned minus holes */
	unsigned long managed_pages; /* handed to the buddy allocator */
} __attribute__((aligned(256)));

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int node_id;
	unsigned long node_start_pfn;
	unsigned long node_spanned_pages;
} pg_data_t;

/* Flat memory, one node. */
extern struct pglist_data contig_page_data;
#define NODE_DATA(nid) (&contig_page_data)

#define min_wmark_pages(z) ((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z) ((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z) ((z)->_watermark[WMARK_HIGH])

#define for_each_zone(zone)                   \
	for (zone = NODE_DATA(0)->node_zones; \
	     zone < NODE_DATA(0)->node_zones + MAX_NR_ZONES; zone++)

static inline enum zone_type zone_idx(const struct zone *zone)
{
	return (enum zone_type)(zone - NODE_DATA(0)->node_zones);
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool is_highmem_idx(enum zone_type idx)
{
	return idx == ZONE_HIGHMEM;
}

static inline bool is_highmem(const struct zone *zone)
{
	return is_highmem_idx(zone_idx(zone));
}

/* A copy of every zone's buddyinfo row, for "back to the boot state". */
struct buddyinfo {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
};

#endif /* _LINUX_MMZONE_H */
