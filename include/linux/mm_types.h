/*
 * struct page: the descriptor of one physical page frame, one per RAM page
 * in mem_map (flat memory model), and the layout of its flags word.
 *
 * It must stay at Linux's 32 bytes on 32-bit ARM: mem_map costs
 * sizeof(struct page) / PAGE_SIZE of all RAM (0.78%), and it all lives in
 * lowmem, which is the scarce resource on a highmem machine.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/types.h>

#ifndef BITS_PER_LONG
#define BITS_PER_LONG (__SIZEOF_LONG__ * 8)
#endif

struct address_space;
struct kmem_cache;

/*
 * Who owns which field:
 * - free in the buddy allocator: PG_buddy set on the head page of the
 *   block, the order in private, lru on zone->free_area[order].free_list,
 *   _refcount 0 on every page of the block;
 * - allocated: the head page has _refcount >= 1 and its allocation order
 *   recorded in flags (see PAGE_ORDER_SHIFT); lru, mapping, index and
 *   private belong to the owner, tail pages keep _refcount 0;
 * - slab (issue 5): the owner uses lru for its lists and the slab_cache /
 *   freelist / inuse overlay, and clears slab_cache (which aliases
 *   mapping) and PG_slab before handing the page back, as Linux does.
 * Highmem pages have no permanent virtual address, so there is no
 * 'virtual' field: mm/highmem.c keeps kmap addresses in a hash table.
 */
struct page {
	/*
	 * lru first (Linux has flags first): a page and its list entry are
	 * then the same address, which saves the order-0 fast paths of the
	 * page allocator a conversion each way.
	 */
	struct list_head lru;
	unsigned long flags;
	union {
		struct {
			struct address_space *mapping;
			unsigned long index;
			unsigned long private;
		};
		struct {
			struct kmem_cache *slab_cache;
			void *freelist;
			unsigned int inuse;
		};
	};
	int _mapcount; /* user mappings minus one: -1 means none */
	int _refcount;
};

#if defined(__arm__)
BUILD_BUG_ON(sizeof(struct page) > 32);
#endif

/*
 * page->flags, from bit 0 up: the page flags below, then the allocation
 * order field, and the zone index in the top ZONES_SHIFT bits (Linux's
 * page_zonenum). The zone never changes after free_area_init().
 */
enum pageflags {
	PG_reserved, /* never given to the buddy allocator: holes, kernel... */
	PG_buddy,    /* head of a free block on a free_area list */
	PG_slab,     /* owned by the slab allocator */
	NR_PAGEFLAGS,
};

/*
 * Allocation order + 1 of an allocated block's head page, 0 on every other
 * page, so __free_pages() can tell a block handed out at another order
 * (or a page that is not a block head at all) in one compare. With the
 * page flags below it, the bits the free path checks are the low 12.
 */
#define PAGE_ORDER_SHIFT 8
#define PAGE_ORDER_BITS 4
#define PAGE_ORDER_MASK (((1UL << PAGE_ORDER_BITS) - 1) << PAGE_ORDER_SHIFT)

#define ZONES_SHIFT 1
#define ZONES_PGSHIFT (BITS_PER_LONG - ZONES_SHIFT)
#define ZONES_MASK ((1UL << ZONES_SHIFT) - 1)

#endif /* _LINUX_MM_TYPES_H */
