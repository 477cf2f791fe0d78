/*
 * mm/slab.c: the slab allocator, a small SLUB (Linux's mm/slub.c design):
 * object caches in lowmem pages, the kmalloc caches kmalloc-8 ...
 * kmalloc-4k on top of them, and kmalloc/kfree/ksize.
 *
 * A slab is a naturally aligned block of 2^order lowmem pages cut into
 * equal slots. Its head page carries the slab overlay of struct page:
 * PG_slab, slab_cache, freelist (first free object; each free object holds
 * the next one's address at s->offset) and inuse (objects handed out);
 * its tail pages point back to it through lru.next with bit 0 set (Linux's
 * compound_head encoding), so any address inside finds the slab.
 *
 * A new slab starts with an empty freelist: its slots are handed out in
 * address order from s->cpu_fresh, and only freed objects are chained.
 * Linux builds the whole freelist up front; not doing so makes a slab of
 * 512 objects as cheap to create as one of a single object, which
 * matters because an empty slab is given back at once (below).
 *
 * Where a slab is:
 * - the cache's cpu slab (s->cpu_slab), on no list: the fast paths
 *   allocate from it and free into any slab under s->cpu_lock;
 * - on s->partial (some objects free) or s->full (none, freelist
 *   SLAB_FULL), under s->list_lock;
 * - nowhere: the moment its last object is freed it goes back to the page
 *   allocator, so freeing everything restores nr_free_pages exactly.
 *
 * Locking: one lock per cache. s->cpu_lock, taken with IRQs off
 * (spin_lock_irqsave: kmalloc and kfree run in interrupt handlers too),
 * guards s->cpu_slab, s->cpu_fresh and every slab's freelist and inuse,
 * so the fast paths of two CPUs on one cache take turns. Lock order:
 * cpu_lock, then s->list_lock (___slab_alloc and __slab_free take it
 * inside), and cpu_lock outside the page allocator (new_slab and
 * discard_slab call it with cpu_lock held). On one CPU the lock word is
 * patched out at boot (asm/spinlock.h), leaving IRQs off and a branch in
 * lock and unlock. Linux's SLUB instead gives each CPU its own cpu slab
 * and pops and pushes freelists with cmpxchg_double, which scales where
 * one lock per cache serialises the CPUs; hikern takes the simple form.
 *
 * Debug build (CONFIG_DEBUG=1), SLUB's red zoning and poisoning: a slot
 * is [object | red zone | free pointer | alloc caller]. The red zone holds
 * SLUB_RED_ACTIVE while the object is allocated and SLUB_RED_INACTIVE
 * while free; a free object (without a constructor) is filled with
 * POISON_FREE. kfree checks the pointer, the red zone (overrun, or an
 * already free object: double free), kmalloc checks the poison (write
 * after free); each problem is reported as SLUB does and counted in
 * nr_slab_bug_reports.
 */
#include <asm/memory.h>
#include <kunit/private.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <string.h>

#include "internal.h"

#define SLUB_RED_INACTIVE 0xbb
#define SLUB_RED_ACTIVE 0xcc
#define POISON_FREE 0x6b
#define POISON_END 0xa5

/* Slabs stay this small unless one object needs more (Linux's default). */
#define SLAB_MAX_ORDER 3

/*
 * page->freelist of a slab on the full list. Its freelist is empty, but
 * so is the cpu slab's whenever only never-used slots are left (all the
 * time under a kmalloc/kfree ping-pong); the marker tells kfree which
 * case it is without looking at the cache.
 */
#define SLAB_FULL ((void *)1)

/* page->private of a large kmalloc block's head: "kmalloc'd pages". */
#define KMALLOC_LARGE_TAG 0x4b4d4c47UL

#define _RET_IP_ ((unsigned long)__builtin_return_address(0))

static unsigned long
	nr_slab_bug_reports; /* slab_kunit_bug_reports() for the tests */

static LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);

#define KMALLOC_CACHE(shift, str)                                         \
	[shift] = {                                                       \
		.object_size = 1U << (shift),                             \
		.align = ARCH_KMALLOC_MINALIGN,                           \
		.name = "kmalloc-" str,                                   \
		.partial = LIST_HEAD_INIT(kmalloc_caches[shift].partial), \
		.full = LIST_HEAD_INIT(kmalloc_caches[shift].full),       \
		.list = LIST_HEAD_INIT(kmalloc_caches[shift].list),       \
	}

/*
 * Statically initialised, so kmalloc works as soon as the page allocator
 * does; each cache works out its geometry at its first slab.
 */
struct kmem_cache kmalloc_caches[KMALLOC_SHIFT_HIGH + 1] = {
	KMALLOC_CACHE(3, "8"),	 KMALLOC_CACHE(4, "16"),
	KMALLOC_CACHE(5, "32"),	 KMALLOC_CACHE(6, "64"),
	KMALLOC_CACHE(7, "128"), KMALLOC_CACHE(8, "256"),
	KMALLOC_CACHE(9, "512"), KMALLOC_CACHE(10, "1k"),
	KMALLOC_CACHE(11, "2k"), KMALLOC_CACHE(12, "4k"),
};

static inline void __SetPageSlab(struct page *page)
{
	page->flags |= 1UL << PG_slab;
}

static inline void __ClearPageSlab(struct page *page)
{
	page->flags &= ~(1UL << PG_slab);
}

/* In the production build the free pointer is the object's first word. */
static inline unsigned int freeptr_offset(const struct kmem_cache *s)
{
	return CONFIG_DEBUG ? s->offset : 0;
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + freeptr_offset(s));
}

static inline void set_freepointer(const struct kmem_cache *s, void *object,
				   void *fp)
{
	*(void **)((char *)object + freeptr_offset(s)) = fp;
}

static inline unsigned int slab_bytes(const struct kmem_cache *s)
{
	return PAGE_SIZE << s->order;
}

/*
 * virt_to_page for the address PAGE_OFFSET + off of the linear map: lowmem
 * starts at PHYS_OFFSET, which mem_map[0] describes, so this is one shift
 * and add where virt_to_page goes through the physical address.
 */
static inline struct page *lowmem_page_of_offset(unsigned long off)
{
	return mem_map + (off >> PAGE_SHIFT);
}

/*
 * The struct page of a lowmem address, or NULL for any other address.
 * Checked first, so a wild pointer never indexes past mem_map.
 */
static inline struct page *lowmem_page(const void *x)
{
	unsigned long off = (unsigned long)x - PAGE_OFFSET;

	if (unlikely(off >= (unsigned long)high_memory - PAGE_OFFSET))
		return NULL;
	return lowmem_page_of_offset(off);
}

/* ---------------------------------------------------------------------
 * Geometry
 */

/*
 * The smallest order whose slab wastes at most 1/8 of itself (Linux's
 * slab_order fraction), preferring SLAB_MAX_ORDER or less; a slot bigger
 * than that gets the first order it fits in.
 */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		unsigned int bytes = PAGE_SIZE << order;

		if (size > bytes)
			continue;
		if ((bytes % size) * 8 <= bytes || order >= SLAB_MAX_ORDER)
			return order;
	}
	return MAX_ORDER;
}

/*
 * Lay out a slot. Production: the object, the free pointer in its first
 * word while it is free. Debug: the red zone runs from the object's end
 * to one word past its word-aligned end (so it is never empty), then the
 * free pointer (outside the object, so the poison survives) and the
 * address that allocated it.
 */
static bool calculate_sizes(struct kmem_cache *s)
{
	unsigned int size = ALIGN(s->object_size, sizeof(void *));

	if (CONFIG_DEBUG) {
		size += sizeof(void *);
		s->offset = size;
		size += 2 * sizeof(void *);
	} else {
		s->offset = 0;
	}
	s->size = ALIGN(size, s->align);
	s->order = calculate_order(s->size);
	if (s->order >= MAX_ORDER)
		return false;
	/* ceil(2^32 / size) without 64-bit division. */
	s->reciprocal_size = 0xffffffffU / s->size + 1;
	s->objects = slab_bytes(s) / s->size;
	return true;
}

/* ---------------------------------------------------------------------
 * Reports
 */

static void slab_bug(const struct kmem_cache *s, const char *what)
{
	nr_slab_bug_reports++;
	pr_err("==============================================================="
	       "==============\n");
	pr_err("BUG %s (Not tainted): %s\n", s->name, what);
	pr_err("---------------------------------------------------------------"
	       "--------------\n\n");
}

static void object_not_freed(const struct kmem_cache *s, const void *object)
{
	pr_err("FIX %s: Object at 0x%p not freed\n", s->name, object);
}

static void print_hex_line(const char *prefix, const u8 *p, unsigned int n)
{
	char buf[3 * 16 + 1];
	unsigned int i;

	for (i = 0; i < n && i < 16; i++)
		scnprintf(buf + 3 * i, sizeof(buf) - 3 * i, " %02x", p[i]);
	pr_err("%-8s %08lx:%s\n", prefix, (unsigned long)p, buf);
}

static void print_hex(const char *prefix, const u8 *p, unsigned int n)
{
	for (unsigned int i = 0; i < n; i += 16)
		print_hex_line(prefix, p + i, min(n - i, 16U));
}

static const unsigned long *slot_track(const struct kmem_cache *s,
				       const void *object)
{
	return (const unsigned long *)((const char *)object + s->offset +
				       sizeof(void *));
}

/* Linux's print_trailer: where the object came from and what is around. */
static void print_trailer(const struct kmem_cache *s, const struct page *page,
			  const u8 *object)
{
	unsigned long caller = *slot_track(s, object);

	if (caller)
		pr_err("INFO: Allocated in %pS age=0 cpu=0 pid=0\n",
		       (void *)caller);
	pr_err("INFO: Slab 0x%p objects=%u used=%u fp=0x%p flags=0x%04lx\n",
	       (const void *)page, s->objects, page->inuse, page->freelist,
	       page->flags & ((1UL << PAGE_ORDER_SHIFT) - 1));
	pr_err("INFO: Object 0x%p @offset=%lu fp=0x%p\n\n",
	       (const void *)object,
	       (unsigned long)(object - (const u8 *)lowmem_page_address(page)),
	       get_freepointer(s, (void *)object));
	print_hex("Object", object, min(s->object_size, 64U));
	print_hex("Redzone", object + s->object_size,
		  s->offset - s->object_size);
	dump_stack();
}

/* ---------------------------------------------------------------------
 * Debug checks (compiled out of the production build's fast paths)
 */

static bool slot_is_object(const struct kmem_cache *s, const struct page *page,
			   const void *x)
{
	unsigned long off =
		(const char *)x - (const char *)lowmem_page_address(page);
	unsigned long idx =
		(unsigned long)(((u64)off * s->reciprocal_size) >> 32);

	return off < slab_bytes(s) && idx < s->objects && idx * s->size == off;
}

/* First byte of [p, p+n) that is not val, or NULL. */
static u8 *first_mismatch(u8 *p, unsigned int n, u8 val)
{
	for (unsigned int i = 0; i < n; i++)
		if (p[i] != val)
			return p + i;
	return NULL;
}

/*
 * Linux's check_bytes_and_report: if [start, start+n) is not all val,
 * report it, restore it, and return false.
 */
static bool check_bytes_and_report(const struct kmem_cache *s,
				   const struct page *page, u8 *object,
				   const char *what, u8 *start, u8 val,
				   unsigned int n)
{
	u8 *fault = first_mismatch(start, n, val);
	u8 *end = start + n;
	char msg[48];

	if (!fault)
		return true;
	while (end > fault && end[-1] == val)
		end--;
	scnprintf(msg, sizeof(msg), "%s overwritten", what);
	slab_bug(s, msg);
	pr_err("INFO: 0x%p-0x%p. First byte 0x%x instead of 0x%x\n",
	       (void *)fault, (void *)(end - 1), *fault, val);
	print_trailer(s, page, object);
	memset(fault, val, end - fault);
	pr_err("FIX %s: Restoring 0x%p-0x%p=0x%x\n\n", s->name, (void *)fault,
	       (void *)(end - 1), val);
	return false;
}

static bool slab_poisons(const struct kmem_cache *s)
{
	return CONFIG_DEBUG && !s->ctor;
}

/* Red zone (and poison, if the object is free) to their state val. */
static void init_object(const struct kmem_cache *s, u8 *object, u8 val)
{
	memset(object + s->object_size, val, s->offset - s->object_size);
	if (val == SLUB_RED_INACTIVE && slab_poisons(s)) {
		memset(object, POISON_FREE, s->object_size - 1);
		object[s->object_size - 1] = POISON_END;
	}
}

/*
 * A free object about to be handed out: its red zone and poison must be
 * intact (anything else is a write after free or an overrun of the
 * neighbour); repaired and reported if not, then marked allocated.
 */
static void alloc_debug_processing(const struct kmem_cache *s, u8 *object,
				   unsigned long caller)
{
	const struct page *page = virt_to_page(object);
	u8 *redzone = object + s->object_size;

	check_bytes_and_report(s, page, object, "Redzone", redzone,
			       SLUB_RED_INACTIVE, s->offset - s->object_size);
	if (slab_poisons(s) &&
	    check_bytes_and_report(s, page, object, "Poison", object,
				   POISON_FREE, s->object_size - 1))
		check_bytes_and_report(s, page, object, "Poison",
				       object + s->object_size - 1, POISON_END,
				       1);
	init_object(s, object, SLUB_RED_ACTIVE);
	*(unsigned long *)slot_track(s, object) = caller;
}

static bool redzone_is(const struct kmem_cache *s, u8 *object, u8 val)
{
	return !first_mismatch(object + s->object_size,
			       s->offset - s->object_size, val);
}

/*
 * May x, in slab page, be freed? It must start a slot and be allocated
 * (red zone active). An already free object (red zone inactive) is a
 * double free; a damaged red zone, an overrun: repaired, reported, and
 * the object is not freed, as SLUB does, since it can no longer be
 * trusted.
 */
static bool free_debug_processing(const struct kmem_cache *s,
				  const struct page *page, void *x)
{
	u8 *object = x;

	if (!slot_is_object(s, page, x)) {
		char msg[64];

		scnprintf(msg, sizeof(msg), "Invalid object pointer 0x%p", x);
		slab_bug(s, msg);
		dump_stack();
		goto fail;
	}
	if (redzone_is(s, object, SLUB_RED_INACTIVE)) {
		slab_bug(s, "Object already free");
		print_trailer(s, page, object);
		goto fail;
	}
	if (!check_bytes_and_report(s, page, object, "Redzone",
				    object + s->object_size, SLUB_RED_ACTIVE,
				    s->offset - s->object_size))
		goto fail;
	init_object(s, object, SLUB_RED_INACTIVE);
	*(unsigned long *)slot_track(s, object) = 0;
	return true;
fail:
	object_not_freed(s, x);
	return false;
}

/* ---------------------------------------------------------------------
 * Slabs
 */

static void unexpected_gfp(gfp_t flags)
{
	pr_warn("Unexpected gfp: %#x. Fixing up to gfp: %#x. Fix your code!\n",
		flags, flags & ~__GFP_HIGHMEM);
	dump_stack();
}

/*
 * A new slab for s from the page allocator (lowmem only: kmalloc memory
 * must be in the linear map), or NULL. IRQs are off.
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t flags)
{
	unsigned int nr = 1U << s->order;
	struct page *page;

	if (unlikely(flags & __GFP_HIGHMEM)) {
		unexpected_gfp(flags);
		flags &= ~__GFP_HIGHMEM;
	}
	page = alloc_pages(flags & ~__GFP_ZERO, s->order);
	if (!page)
		return NULL;
	__SetPageSlab(page);
	page->slab_cache = s;
	for (unsigned int i = 1; i < nr; i++)
		page[i].lru.next =
			(struct list_head *)((unsigned long)page | 1);
	page->freelist = NULL;
	page->inuse = 0;
	return page;
}

/* An empty slab, on no list, back to the page allocator. */
static void discard_slab(struct kmem_cache *s, struct page *page)
{
	unsigned int nr = 1U << s->order;

	for (unsigned int i = 0; i < nr; i++)
		INIT_LIST_HEAD(&page[i].lru);
	/* slab_cache aliases mapping, which the page allocator checks. */
	page->slab_cache = NULL;
	page->freelist = NULL;
	page->inuse = 0;
	__ClearPageSlab(page);
	__free_pages(page, s->order);
}

/* The head of the multi-page slab a tail page belongs to, or NULL. */
static struct page *slab_head_of_tail(struct page *page)
{
	unsigned long tag = (unsigned long)page->lru.next;
	struct page *head = (struct page *)(tag - 1);

	if (!(tag & 1) || head >= page || head < mem_map || !PageSlab(head) ||
	    page - head >= (1L << head->slab_cache->order))
		return NULL;
	return head;
}

static inline void *slab_pop(struct kmem_cache *s, struct page *page)
{
	void *object = page->freelist;

	page->freelist = get_freepointer(s, object);
	page->inuse++;
	return object;
}

/*
 * Hand out the cpu slab's next never-used slot, made ready first: red
 * zone and poison (debug build), the constructor.
 */
static void *take_fresh_object(struct kmem_cache *s, struct page *page)
{
	u8 *object = s->cpu_fresh;
	u8 *end = (u8 *)lowmem_page_address(page) + s->objects * s->size;

	s->cpu_fresh = object + s->size < end ? object + s->size : NULL;
	if (CONFIG_DEBUG)
		init_object(s, object, SLUB_RED_INACTIVE);
	if (s->ctor)
		s->ctor(object);
	page->inuse++;
	return object;
}

/*
 * The cpu slab's freelist is empty; s->cpu_lock held. Use its never-used slots
 * if any are left; else retire it (it is full) to the full list, and take
 * a partial slab or make a new one.
 */
static void *___slab_alloc(struct kmem_cache *s, gfp_t flags)
{
	struct page *page = s->cpu_slab;
	unsigned long irqflags;

	if (page && s->cpu_fresh)
		return take_fresh_object(s, page);
	if (unlikely(!s->objects) && !calculate_sizes(s))
		return NULL;
	/*
	 * Peek without list_lock first, as Linux's get_partial_node: only
	 * cpu_lock holders change s->partial, but it is a hint anyway.
	 */
	if (page || !list_empty(&s->partial)) {
		spin_lock_irqsave(&s->list_lock, irqflags);
		if (page) {
			page->freelist = SLAB_FULL;
			list_add(&page->lru, &s->full);
		}
		s->cpu_slab = NULL;
		page = NULL;
		if (!list_empty(&s->partial)) {
			page = list_first_entry(&s->partial, struct page, lru);
			list_del(&page->lru);
		}
		spin_unlock_irqrestore(&s->list_lock, irqflags);
	}
	if (page) {
		s->cpu_slab = page;
		return slab_pop(s, page);
	}
	page = new_slab(s, flags);
	if (!page)
		return NULL;
	s->cpu_slab = page;
	s->cpu_fresh = lowmem_page_address(page);
	return take_fresh_object(s, page);
}

/*
 * The slab is now empty, or it was full (so on the full list);
 * s->cpu_lock held (list_lock is taken inside it).
 * A full slab becomes partial; an empty one goes back to the page
 * allocator, even the cpu slab.
 */
static noinline void __slab_free(struct page *page)
{
	struct kmem_cache *s = page->slab_cache;
	unsigned long irqflags;

	if (page == s->cpu_slab) {
		s->cpu_slab = NULL;
		s->cpu_fresh = NULL;
	} else {
		spin_lock_irqsave(&s->list_lock, irqflags);
		list_del(&page->lru);
		if (page->inuse)
			list_add(&page->lru, &s->partial);
		spin_unlock_irqrestore(&s->list_lock, irqflags);
		if (page->inuse)
			return;
	}
	discard_slab(s, page);
}

/* ---------------------------------------------------------------------
 * Allocation and freeing
 */

/*
 * The general allocation path: any cache state, debug checks, zeroing.
 * caller is recorded (debug build) as the object's allocator.
 */
static noinline void *slab_alloc(struct kmem_cache *s, gfp_t flags,
				 unsigned long caller)
{
	struct page *page;
	unsigned long irqflags;
	void *object;

	spin_lock_irqsave(&s->cpu_lock, irqflags);
	page = s->cpu_slab;
	if (page && page->freelist)
		object = slab_pop(s, page);
	else
		object = ___slab_alloc(s, flags);
	if (CONFIG_DEBUG && object)
		alloc_debug_processing(s, object, caller);
	spin_unlock_irqrestore(&s->cpu_lock, irqflags);
	if ((flags & __GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	return object;
}

/**
 * kmem_cache_alloc - allocate an object from a cache
 * @s: the cache
 * @flags: GFP flags for a new slab's pages; __GFP_ZERO zeroes the
 *	object; __GFP_HIGHMEM is refused (see below)
 *
 * The fast path, SLUB's: slab_alloc_fastpath() (linux/slab.h, inline in
 * kmalloc of a constant size too) pops the cpu slab's first free object
 * under s->cpu_lock. Everything else (no cpu slab, a full one, zeroing, the
 * debug build's checks) is the general path's business.
 *
 * A new object runs the cache's constructor once, before it is first
 * handed out, not at every allocation. Slab memory must be in the linear
 * map, so __GFP_HIGHMEM is reported as SLUB does ("Unexpected gfp: ...
 * Fix your code!", with a stack dump) when a new slab is made, and
 * dropped. In the debug build a free object whose poison or red zone was
 * overwritten (a write after free, an overrun of its neighbour) is
 * reported ("BUG <cache> (Not tainted): Poison overwritten"), repaired
 * and handed out all the same, as SLUB does.
 *
 * Context: Any context: takes s->cpu_lock with IRQs disabled, and
 * s->list_lock and the page allocator's lock inside it. Never sleeps, whatever @flags.
 * Return: The object, or NULL if no slab page could be had (the page
 * allocator prints its failure line unless __GFP_NOWARN).
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	void *object;

	if (CONFIG_DEBUG || unlikely(flags & __GFP_ZERO))
		return slab_alloc(s, flags, _RET_IP_);
	object = slab_alloc_fastpath(s);
	if (likely(object))
		return object;
	return slab_alloc(s, flags, _RET_IP_);
}

/*
 * Push x onto its slab's freelist (page: the slab's head page) after the
 * debug build's checks; the rare transitions (was full, now empty) are
 * __slab_free's.
 */
static __always_inline void slab_free(struct page *page, void *x)
{
	struct kmem_cache *s = page->slab_cache;
	unsigned long irqflags;
	void *prior;

	spin_lock_irqsave(&s->cpu_lock, irqflags);
	if (CONFIG_DEBUG && !free_debug_processing(s, page, x)) {
		spin_unlock_irqrestore(&s->cpu_lock, irqflags);
		return;
	}
	prior = page->freelist;
	set_freepointer(s, x, prior == SLAB_FULL ? NULL : prior);
	page->freelist = x;
	if (unlikely(--page->inuse == 0 || prior == SLAB_FULL))
		__slab_free(page);
	spin_unlock_irqrestore(&s->cpu_lock, irqflags);
}

static void *kmalloc_large(size_t size, gfp_t flags)
{
	unsigned int order = 0;
	struct page *page;

	while ((PAGE_SIZE << order) < size && order < MAX_ORDER)
		order++;
	page = alloc_pages(flags & ~__GFP_HIGHMEM, order);
	if (!page)
		return NULL;
	page->private = KMALLOC_LARGE_TAG;
	return lowmem_page_address(page);
}

/**
 * __kmalloc - kmalloc for any size
 * @size: bytes
 * @flags: GFP flags as for kmem_cache_alloc(); __GFP_HIGHMEM is ignored
 *	for large blocks
 *
 * kmalloc() for sizes not known at compile time, and for the large ones:
 * up to KMALLOC_MAX_CACHE_SIZE from the kmalloc-N caches, above that
 * straight from the page allocator as a block of 2^order lowmem pages
 * (page aligned). A size no block below MAX_ORDER holds makes
 * alloc_pages() WARN (unless __GFP_NOWARN) and fail.
 *
 * Context: Any context; never sleeps.
 * Return: The memory, aligned to ARCH_KMALLOC_MINALIGN at least;
 * ZERO_SIZE_PTR for @size 0; NULL on failure.
 */
void *__kmalloc(size_t size, gfp_t flags)
{
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags);
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	return slab_alloc(&kmalloc_caches[kmalloc_index(size)], flags,
			  _RET_IP_);
}

enum kmalloc_kind {
	KM_INVALID,
	KM_SLAB,  /* *pagep: the slab's head page */
	KM_LARGE, /* *pagep: the block's head page */
};

/*
 * What x is: an object in a slab, a large kmalloc block, or neither (then
 * *why says what is wrong). Checked in an order that never reads
 * memory a wild pointer could make up.
 */
static enum kmalloc_kind kmalloc_classify(const void *x, struct page **pagep,
					  const char **why)
{
	struct page *page = lowmem_page(x);

	*why = "not a lowmem address";
	if (!page)
		return KM_INVALID;
	*pagep = PageSlab(page) ? page : slab_head_of_tail(page);
	if (*pagep)
		return KM_SLAB;
	*pagep = page;
	*why = "not from kmalloc";
	if (page->private != KMALLOC_LARGE_TAG)
		return KM_INVALID;
	*why = "not the start of a kmalloc block";
	if (page_count(page) <= 0 || x != lowmem_page_address(page))
		return KM_INVALID;
	return KM_LARGE;
}

static void report_invalid(const char *func, const void *x, const char *why)
{
	nr_slab_bug_reports++;
	pr_alert("BUG: %s: invalid pointer 0x%p (%s)\n", func, x, why);
	dump_stack();
}

static noinline void kfree_slow(const void *x)
{
	struct page *page;
	const char *why;

	if (ZERO_OR_NULL_PTR(x))
		return;
	switch (kmalloc_classify(x, &page, &why)) {
	case KM_SLAB:
		slab_free(page, (void *)x);
		break;
	case KM_LARGE:
		page->private = 0;
		__free_pages(page, page_alloc_order(page));
		break;
	default:
		report_invalid("kfree", x, why);
		break;
	}
}

/**
 * kfree - free memory kmalloc() returned
 * @x: the pointer kmalloc() returned; NULL and ZERO_SIZE_PTR are ignored
 *
 * The fast path: a lowmem address whose page is a slab's head page goes
 * straight to slab_free; NULL, large blocks, tails of multi-page slabs
 * and invalid pointers to kfree_slow.
 *
 * A pointer kmalloc never returned (outside lowmem, into a page that is
 * neither a slab nor a large kmalloc block, or not the start of a large
 * block) is reported ("BUG: kfree: invalid pointer 0x... (why)" and a
 * stack dump, counted in nr_slab_bug_reports) and nothing is freed. The
 * debug build also reports, as SLUB does, a pointer into a slab that does
 * not start an object, an object already free (double free) and an
 * overrun red zone, and then does not free the object: it can no longer
 * be trusted. The production build, like SLUB without debugging, does not
 * check objects in slabs: a double free or a pointer inside an object
 * corrupts the slab's freelist.
 *
 * An object whose slab becomes empty gives the slab back to the page
 * allocator at once.
 *
 * Context: Any context, including interrupt handlers; takes the cache's
 * cpu_lock with IRQs disabled (list_lock inside it). Does not sleep.
 */
void kfree(const void *x)
{
	unsigned long off = (unsigned long)x - PAGE_OFFSET;
	struct page *page;

	if (likely(off < (unsigned long)high_memory - PAGE_OFFSET)) {
		page = lowmem_page_of_offset(off);
		if (likely(PageSlab(page))) {
			slab_free(page, (void *)x);
			return;
		}
	}
	kfree_slow(x);
}

/**
 * kmem_cache_free - give an object back to its cache
 * @s: the cache @x was allocated from
 * @x: the object; NULL is ignored
 *
 * Checked like kfree(), and more: anything that is not an object in a
 * slab of @s (an object of another cache, a kmalloc'd large block, a
 * wild pointer, ZERO_SIZE_PTR) is reported ("BUG: kmem_cache_free:
 * invalid pointer 0x... (why)") and nothing is freed.
 *
 * Context: Any context, including interrupt handlers; does not sleep.
 */
void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct page *page;
	const char *why;
	enum kmalloc_kind kind;

	if (!x)
		return;
	kind = kmalloc_classify(x, &page, &why);
	if (kind == KM_SLAB && page->slab_cache == s) {
		slab_free(page, x);
		return;
	}
	report_invalid("kmem_cache_free", x,
		       kind == KM_SLAB ? "object of another cache" : why);
}

/**
 * ksize - the usable size of a kmalloc'd object
 * @x: a pointer kmalloc() returned
 *
 * An invalid @x is reported as kfree() reports it ("BUG: ksize: invalid
 * pointer").
 *
 * Context: Any context; does not sleep.
 * Return: The bytes usable at @x, at least what was asked: the object
 * size of its cache, or the size of a large block. 0 for NULL,
 * ZERO_SIZE_PTR and invalid pointers.
 */
size_t ksize(const void *x)
{
	struct page *page;
	const char *why;

	if (ZERO_OR_NULL_PTR(x))
		return 0;
	switch (kmalloc_classify(x, &page, &why)) {
	case KM_SLAB:
		return page->slab_cache->object_size;
	case KM_LARGE:
		return PAGE_SIZE << page_alloc_order(page);
	default:
		report_invalid("ksize", x, why);
		return 0;
	}
}

/* ---------------------------------------------------------------------
 * Caches
 */

/* Linux's -EINVAL, the one error kmem_cache_create reports here. */
#define SLAB_EINVAL 22

/*
 * Linux's kmem_cache_sanity_check() (mm/slab_common.c, v5.10; there under
 * CONFIG_DEBUG_VM, here always: it is not a hot path). An object smaller
 * than a pointer cannot hold the free pointer, and one larger than the
 * largest kmalloc (KMALLOC_MAX_SIZE: SLUB's MAX_ORDER - 1 block) cannot
 * be a slab object; a size near 2^32 would also wrap to 0 when aligned.
 */
static int kmem_cache_sanity_check(const char *name, unsigned int size)
{
	if (!name || in_interrupt() || size < sizeof(void *) ||
	    size > (PAGE_SIZE << (MAX_ORDER - 1))) {
		pr_err("kmem_cache_create(%s) integrity check failed\n",
		       name ? name : "(null)");
		return -SLAB_EINVAL;
	}
	return 0;
}

/* Linux's report for a cache that could not be made; NULL to return. */
static struct kmem_cache *kmem_cache_create_failed(const char *name)
{
	pr_warn("kmem_cache_create(%s) failed with error %d\n",
		name ? name : "(null)", -SLAB_EINVAL);
	dump_stack();
	return NULL;
}

/**
 * kmem_cache_create - create a cache of equal-sized objects
 * @name: the cache's name in reports and slabinfo; kept, not copied, so
 *	it must live as long as the cache
 * @size: object size in bytes, from sizeof(void *) up to a MAX_ORDER - 1
 *	block (4 MB)
 * @align: object alignment, a power of two; raised to
 *	ARCH_KMALLOC_MINALIGN at least
 * @flags: SLAB_HWCACHE_ALIGN raises @align to L1_CACHE_BYTES
 * @ctor: constructor or NULL
 *
 * @ctor, if given, runs once per slot, before the slot is first handed
 * out, not at every allocation: a freed object must be left in its
 * constructed state. Objects of a cache with a constructor are not
 * poisoned in the debug build.
 *
 * The checks are Linux's kmem_cache_sanity_check() (mm/slab_common.c,
 * v5.10; there under CONFIG_DEBUG_VM, here always: it is not a hot
 * path): a NULL @name, a call from an interrupt handler, or a @size out
 * of range print "kmem_cache_create(name) integrity check failed"; those,
 * an @align that is not a power of two, and a slot (object plus debug
 * metadata) too big for a MAX_ORDER - 1 block then print Linux's
 * "kmem_cache_create(name) failed with error -22" with a stack dump.
 *
 * Context: Process context; takes slab_caches_lock with IRQs disabled.
 * Never sleeps.
 * Return: The new cache, or NULL on failure (reported as above, or by
 * kmalloc if the cache itself could not be allocated).
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;
	unsigned long irqflags;

	if (kmem_cache_sanity_check(name, size))
		return kmem_cache_create_failed(name);
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return NULL;
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (unsigned int)L1_CACHE_BYTES);
	s->align = max(align, (unsigned int)ARCH_KMALLOC_MINALIGN);
	s->object_size = size;
	s->flags = flags;
	s->ctor = ctor;
	s->name = name;
	spin_lock_init(&s->cpu_lock);
	spin_lock_init(&s->list_lock);
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	/* A power of two, at least the free pointer's alignment. */
	if ((s->align & (s->align - 1)) || !calculate_sizes(s)) {
		kfree(s);
		return kmem_cache_create_failed(name);
	}
	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_add(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	return s;
}

/**
 * kmem_cache_destroy - destroy an empty cache
 * @s: a cache from kmem_cache_create(), or NULL (ignored)
 *
 * Empty slabs are freed at once, so any slab left holds objects. If
 * objects are still allocated, the cache is kept and the leak reported
 * as Linux does ("kmem_cache_destroy NAME: Slab cache still has
 * objects", a stack dump, counted in nr_slab_bug_reports): its memory
 * would otherwise be reused under live objects. A kmalloc cache is never
 * destroyed: WARN, nothing changed.
 *
 * Context: Any context, but nobody may use @s meanwhile or afterwards;
 * takes s->cpu_lock, s->list_lock inside it, and slab_caches_lock with
 * IRQs disabled. Does not sleep.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long irqflags, irqflags2;
	bool busy;

	if (!s)
		return;
	if (s >= kmalloc_caches &&
	    s < kmalloc_caches + ARRAY_SIZE(kmalloc_caches)) {
		WARN_ON(1);
		return;
	}
	/* Empty slabs are freed at once, so any slab left holds objects. */
	spin_lock_irqsave(&s->cpu_lock, irqflags);
	spin_lock_irqsave(&s->list_lock, irqflags2);
	busy = s->cpu_slab || !list_empty(&s->partial) || !list_empty(&s->full);
	spin_unlock_irqrestore(&s->list_lock, irqflags2);
	spin_unlock_irqrestore(&s->cpu_lock, irqflags);
	if (!busy) {
		spin_lock_irqsave(&slab_caches_lock, irqflags);
		list_del(&s->list);
		spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	}
	if (busy) {
		nr_slab_bug_reports++;
		pr_err("kmem_cache_destroy %s: Slab cache still has objects\n",
		       s->name);
		dump_stack();
		return;
	}
	kfree(s);
}

/* ---------------------------------------------------------------------
 * slabinfo
 */

/* Slabs on a list; their objects in use are added to *inuse. */
static unsigned long count_slabs(const struct list_head *list,
				 unsigned long *inuse)
{
	const struct page *page;
	unsigned long n = 0;

	list_for_each_entry(page, list, lru) {
		*inuse += page->inuse;
		n++;
	}
	return n;
}

/**
 * get_slabinfo - the figures slabinfo prints for one cache
 * @s: the cache
 * @sinfo: filled in: objects in use and in all, slabs, objects per slab,
 *	slab order
 *
 * Counted, not kept up to date: a slab counter would cost the slab
 * creation and destruction paths a lock round trip each. A cache that
 * has had no slab yet gets its geometry worked out here.
 *
 * Context: Any context; takes s->cpu_lock and s->list_lock inside it
 * with IRQs disabled. Does not sleep.
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	unsigned long irqflags, irqflags2, inuse = 0, slabs;

	spin_lock_irqsave(&s->cpu_lock, irqflags);
	spin_lock_irqsave(&s->list_lock, irqflags2);
	if (!s->objects)
		calculate_sizes(s);
	slabs = count_slabs(&s->partial, &inuse) +
		count_slabs(&s->full, &inuse);
	if (s->cpu_slab) {
		inuse += s->cpu_slab->inuse;
		slabs++;
	}
	sinfo->active_objs = inuse;
	sinfo->num_slabs = slabs;
	sinfo->num_objs = slabs * s->objects;
	sinfo->objects_per_slab = s->objects;
	sinfo->cache_order = s->order;
	spin_unlock_irqrestore(&s->list_lock, irqflags2);
	spin_unlock_irqrestore(&s->cpu_lock, irqflags);
}

/* One line in Linux's cache_show format (mm/slab_common.c). */
static void cache_show(struct kmem_cache *s)
{
	struct slabinfo sinfo;

	get_slabinfo(s, &sinfo);
	pr_info("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata "
		"%6lu %6lu %6lu\n",
		s->name, sinfo.active_objs, sinfo.num_objs, s->size,
		sinfo.objects_per_slab, 1 << sinfo.cache_order, 0U, 0U, 0U,
		sinfo.num_slabs, sinfo.num_slabs, 0UL);
}

/**
 * show_slabinfo - print every cache as /proc/slabinfo does
 *
 * Version 2.1's format: name, active and total objects, object size,
 * objects and pages per slab, the (zero) tunables and the slab counts;
 * the newest created cache first, the kmalloc caches last, largest
 * first. At KERN_INFO.
 *
 * Context: Process context: the list of created caches is walked
 * without slab_caches_lock, so none may be created or destroyed
 * meanwhile. Does not sleep.
 */
void show_slabinfo(void)
{
	struct kmem_cache *s;

	pr_info("slabinfo - version: 2.1\n");
	pr_info("# name            <active_objs> <num_objs> <objsize> "
		"<objperslab> <pagesperslab> : tunables <limit> <batchcount> "
		"<sharedfactor> : slabdata <active_slabs> <num_slabs> "
		"<sharedavail>\n");
	/* Linux lists the newest cache first; the kmalloc caches are oldest. */
	list_for_each_entry(s, &slab_caches, list)
		cache_show(s);
	for (int i = KMALLOC_SHIFT_HIGH; i >= KMALLOC_SHIFT_LOW; i--)
		cache_show(&kmalloc_caches[i]);
}

/**
 * slab_nr_pages - pages that the slab caches hold
 *
 * The sum over every cache of its slabs times the pages per slab, what
 * /proc/meminfo's Slab shows (hikern has no reclaimable caches).
 *
 * Context: as show_slabinfo(): no cache may be created or destroyed
 * meanwhile. Does not sleep.
 * Return: the number of pages.
 */
unsigned long slab_nr_pages(void)
{
	struct slabinfo sinfo;
	struct kmem_cache *s;
	unsigned long nr = 0;

	list_for_each_entry(s, &slab_caches, list) {
		get_slabinfo(s, &sinfo);
		nr += sinfo.num_slabs << sinfo.cache_order;
	}
	for (int i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
		get_slabinfo(&kmalloc_caches[i], &sinfo);
		nr += sinfo.num_slabs << sinfo.cache_order;
	}
	return nr;
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * slab_kunit_bug_reports - a report counter, for the self-tests
 *
 * Context: any; a snapshot.
 * Return: the number of slab BUG reports (invalid kfree, double free, red zone, poison) so far.
 */
unsigned long slab_kunit_bug_reports(void)
{
	return nr_slab_bug_reports;
}
EXPORT_SYMBOL_IF_KUNIT(slab_kunit_bug_reports);
#endif
