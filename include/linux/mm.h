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

/**
 * page_to_pfn - the page frame number of a struct page
 * @page: a page in mem_map
 *
 * Context: Any context.
 * Return: @page's pfn.
 */
static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + ARCH_PFN_OFFSET;
}

/**
 * pfn_to_page - the struct page of a page frame
 * @pfn: a page frame number for which pfn_valid() holds (not checked)
 *
 * Context: Any context.
 * Return: @pfn's struct page in mem_map; for an invalid @pfn, a pointer
 * outside mem_map.
 */
static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - ARCH_PFN_OFFSET);
}

/**
 * pfn_valid - does mem_map describe a page frame?
 * @pfn: a page frame number
 *
 * True for holes between RAM banks too: their struct pages exist and are
 * PG_reserved.
 *
 * Context: Any context after free_area_init().
 * Return: True if @pfn has a struct page.
 */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= ARCH_PFN_OFFSET && pfn - ARCH_PFN_OFFSET < max_mapnr;
}

/**
 * page_to_phys - the physical address of a page
 * @page: a page in mem_map
 *
 * Context: Any context.
 * Return: The physical address of @page's first byte.
 */
static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

/**
 * virt_to_pfn - the page frame of a linear-map address
 * @kaddr: a lowmem (linear-map) address; not checked: any other address
 *	(vmalloc, pkmap, fixmap) gives an unrelated pfn
 *
 * Context: Any context.
 * Return: The pfn @kaddr lies in.
 */
static inline unsigned long virt_to_pfn(const void *kaddr)
{
	return PHYS_PFN(__pa(kaddr));
}

/**
 * virt_to_page - the struct page of a linear-map address
 * @kaddr: a lowmem (linear-map) address; not checked, as virt_to_pfn()
 *
 * Context: Any context.
 * Return: The struct page of the frame @kaddr lies in.
 */
static inline struct page *virt_to_page(const void *kaddr)
{
	return pfn_to_page(virt_to_pfn(kaddr));
}

/**
 * page_zonenum - the zone a page belongs to, as an index
 * @page: an initialised struct page
 *
 * Context: Any context.
 * Return: The zone index recorded in page->flags.
 */
static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

/**
 * page_zone - the zone a page belongs to
 * @page: an initialised struct page
 *
 * Context: Any context.
 * Return: The zone of node 0 that @page lies in.
 */
static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(0)->node_zones[page_zonenum(page)];
}

/**
 * PageHighMem - is a page in ZONE_HIGHMEM?
 * @page: an initialised struct page
 *
 * A highmem page has no permanent kernel address: kmap() it to reach it.
 *
 * Context: Any context.
 * Return: True if @page lies in ZONE_HIGHMEM.
 */
static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

/**
 * PageReserved - is a page one the buddy allocator never gets?
 * @page: an initialised struct page
 *
 * Context: Any context.
 * Return: True if PG_reserved is set (holes, the kernel image, memblock
 * reservations).
 */
static inline bool PageReserved(const struct page *page)
{
	return page->flags & (1UL << PG_reserved);
}

/**
 * SetPageReserved - set PG_reserved
 * @page: a page the caller owns (the update is not atomic)
 *
 * Context: Any context; the caller keeps others off @page.
 */
static inline void SetPageReserved(struct page *page)
{
	page->flags |= 1UL << PG_reserved;
}

/**
 * ClearPageReserved - clear PG_reserved
 * @page: a page the caller owns (the update is not atomic)
 *
 * Context: Any context; the caller keeps others off @page.
 */
static inline void ClearPageReserved(struct page *page)
{
	page->flags &= ~(1UL << PG_reserved);
}

/**
 * PageBuddy - does a page head a free buddy block?
 * @page: an initialised struct page
 *
 * Context: Any context; the answer only stays true under zone->lock.
 * Return: True if PG_buddy is set (page->private is then the block's
 * order). Pages on the pcp lists are free but not buddies.
 */
static inline bool PageBuddy(const struct page *page)
{
	return page->flags & (1UL << PG_buddy);
}

/**
 * PageSlab - is a page a slab's head page?
 * @page: an initialised struct page
 *
 * Context: Any context.
 * Return: True if PG_slab is set; a multi-page slab's tail pages do not
 * carry it.
 */
static inline bool PageSlab(const struct page *page)
{
	return page->flags & (1UL << PG_slab);
}

/**
 * page_count - a page's reference count
 * @page: an initialised struct page
 *
 * Reference counts are plain ints: the kernel is uniprocessor and a page
 * has one owner at a time (the order-0 fast paths update a page they own
 * with IRQs on); the SMP issue makes them atomic.
 *
 * Context: Any context.
 * Return: _refcount: 0 for a free page (and a tail page of an allocated
 * block), at least 1 for an allocated block's head and a reserved page.
 */
static inline int page_count(const struct page *page)
{
	return READ_ONCE(page->_refcount);
}

/**
 * page_mapcount - how many page tables map a page
 * @page: an initialised struct page
 *
 * Context: Any context.
 * Return: _mapcount + 1: 0 for a page nobody maps.
 */
static inline int page_mapcount(const struct page *page)
{
	return page->_mapcount + 1;
}

/**
 * get_page - take another reference to a page
 * @page: an allocated block's head, to which the caller holds a
 *	reference
 *
 * A plain increment (see page_count()). Each reference is dropped with
 * put_page() or __free_pages().
 *
 * Context: Any context; the caller keeps others off @page's count.
 */
static inline void get_page(struct page *page)
{
	page->_refcount++;
}

/* Contracts (kernel-doc) at the definitions in mm/page_alloc.c. */
void put_page(struct page *page);

/**
 * page_alloc_order - the order of the block a page heads
 * @page: an initialised struct page
 *
 * Context: Any context.
 * Return: The order alloc_pages() recorded in page->flags, or -1 if
 * @page heads no allocated block (free, reserved, or a tail page).
 */
static inline int page_alloc_order(const struct page *page)
{
	return (int)((page->flags & PAGE_ORDER_MASK) >> PAGE_ORDER_SHIFT) - 1;
}

/**
 * lowmem_page_address - the linear-map address of a lowmem page
 * @page: a page outside ZONE_HIGHMEM; not checked: a highmem page gives
 *	an address past the linear map
 *
 * Context: Any context.
 * Return: @page's kernel virtual address.
 */
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

void *page_address(const struct page *page);

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
