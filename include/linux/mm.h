/*
 * struct page accessors for the flat memory model (one mem_map array from
 * ARCH_PFN_OFFSET to max_pfn), page <-> pfn/phys/virt conversions, page
 * reference counts, and the memory totals and reports of mm/.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <asm/memory.h>
#include <asm/page.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/types.h>

/* mem_map[0] describes the first page of RAM, at PHYS_OFFSET. */
#define ARCH_PFN_OFFSET ((unsigned long)PHYS_PFN_OFFSET)

extern struct page *mem_map;
extern unsigned long max_mapnr; /* pages described by mem_map */

/* Set by the boot code before free_area_init() (arch find_limits()). */
extern unsigned long min_low_pfn; /* first RAM pfn */
extern unsigned long max_low_pfn; /* end of lowmem (exclusive) */
extern unsigned long max_pfn;	  /* end of RAM (exclusive) */

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + ARCH_PFN_OFFSET;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - ARCH_PFN_OFFSET);
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= ARCH_PFN_OFFSET && pfn - ARCH_PFN_OFFSET < max_mapnr;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

/* Only for linear-map (lowmem) addresses. */
static inline unsigned long virt_to_pfn(const void *kaddr)
{
	return PHYS_PFN(__pa(kaddr));
}

static inline struct page *virt_to_page(const void *kaddr)
{
	return pfn_to_page(virt_to_pfn(kaddr));
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(0)->node_zones[page_zonenum(page)];
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

static inline bool PageReserved(const struct page *page)
{
	return page->flags & (1UL << PG_reserved);
}

static inline void SetPageReserved(struct page *page)
{
	page->flags |= 1UL << PG_reserved;
}

static inline void ClearPageReserved(struct page *page)
{
	page->flags &= ~(1UL << PG_reserved);
}

static inline bool PageBuddy(const struct page *page)
{
	return page->flags & (1UL << PG_buddy);
}

static inline bool PageSlab(const struct page *page)
{
	return page->flags & (1UL << PG_slab);
}

/*
 * Reference counts are plain ints: the kernel is uniprocessor and a page
 * has one owner at a time (the order-0 fast paths update a page they own
 * with IRQs on); the SMP issue makes them atomic.
 */
static inline int page_count(const struct page *page)
{
	return READ_ONCE(page->_refcount);
}

static inline int page_mapcount(const struct page *page)
{
	return page->_mapcount + 1;
}

static inline void get_page(struct page *page)
{
	page->_refcount++;
}

/*
 * Drop a reference; the last one frees the block at the order it was
 * allocated with (Linux would free only order 0 for a non-compound page).
 */
void put_page(struct page *page);

/* The order of the allocated block headed by page, or -1. */
static inline int page_alloc_order(const struct page *page)
{
	return (int)((page->flags & PAGE_ORDER_MASK) >> PAGE_ORDER_SHIFT) - 1;
}

static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/*
 * Kernel virtual address of a page: the linear map for lowmem; for
 * highmem the kmap address, or NULL while the page is not kmapped.
 */
void *page_address(const struct page *page);

/* Zones and mem_map from the boot code's max_zone_pfn[MAX_NR_ZONES]. */
void free_area_init(unsigned long *max_zone_pfn);

unsigned long totalram_pages(void);    /* pages managed by the buddy */
unsigned long totalhigh_pages(void);   /* of which in ZONE_HIGHMEM */
unsigned long get_num_physpages(void); /* present RAM pages */

void dump_page(const struct page *page, const char *reason);

/* Reports (mm/show_mem.c), at KERN_DEBUG unless noted. */
void show_buddyinfo(void);
void show_zoneinfo(void);
void mem_map_report(void); /* KERN_INFO: sizeof(struct page), mem_map size */
void buddyinfo_snapshot(struct buddyinfo *info);
bool buddyinfo_equal(const struct buddyinfo *a, const struct buddyinfo *b);

#endif /* _LINUX_MM_H */
