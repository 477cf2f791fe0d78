/*
 * The slab allocator's interface (mm/slab.c): caches of equal-sized
 * objects carved out of lowmem pages, the kmalloc caches kmalloc-8 ...
 * kmalloc-4k built on them, and kmalloc/kfree, with Linux's names.
 *
 * kmalloc memory is always lowmem: it must be directly addressable (the
 * linear map), physically contiguous, and kfree must find its struct page
 * from the address alone (virt_to_page), which only lowmem allows.
 * Requests above KMALLOC_MAX_CACHE_SIZE go straight to the page allocator.
 *
 * Debug build (CONFIG_DEBUG=1): every object gets a red zone and, while
 * free, poison, so overruns, double frees and writes after free are
 * reported SLUB-style when the object is next freed or allocated.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/spinlock.h>
#include <linux/types.h>

typedef unsigned int slab_flags_t;

/* Align objects to the L1 cache line (Linux's flag value). */
#define SLAB_HWCACHE_ALIGN ((slab_flags_t)0x00002000U)
#define L1_CACHE_BYTES 64

/* The smallest alignment kmalloc guarantees (ARM: 8, for ldrd/strd). */
#define ARCH_KMALLOC_MINALIGN 8

/* kmalloc caches: 2^3 = 8 bytes up to 2^12 = 4 KB. */
#define KMALLOC_SHIFT_LOW 3
#define KMALLOC_SHIFT_HIGH 12
#define KMALLOC_MIN_SIZE (1UL << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)

/*
 * kmalloc(0) returns this: not NULL (the call did not fail) but it faults
 * if used, and kfree accepts it.
 */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/*
 * A cache. cpu_slab is the slab every CPU allocates from (SLUB's
 * c->page, but one per cache, not per CPU): the fast paths only touch it
 * and the slab's page->freelist and inuse, under cpu_lock taken with
 * IRQs off (spin_lock_irqsave). cpu_lock guards cpu_slab, cpu_fresh and
 * every slab's freelist and inuse; it nests outside list_lock and the
 * page allocator's lock. It comes first: the lock word's address is the
 * cache's own, and ARM-mode ldrex takes no offset. A new slab is not cut up in advance: its slots are
 * handed out in address order from cpu_fresh once the freelist (objects
 * freed meanwhile) is empty, so making a slab costs the same for 8-byte
 * as for 4 KB objects. Other slabs sit on the partial (some objects
 * free) or full list under list_lock; an empty slab goes back to the
 * page allocator at once.
 */
struct kmem_cache {
	spinlock_t cpu_lock; /* cpu_slab, cpu_fresh, slabs' freelist, inuse */
	struct page *cpu_slab;
	void *cpu_fresh;     /* cpu_slab's first never-used slot, or NULL */
	unsigned int offset; /* of the free pointer inside an object slot */
	unsigned int size;   /* slot stride: object plus debug metadata */
	unsigned int object_size; /* what the user may use */
	unsigned int objects;	  /* per slab; 0 until the geometry is set */
	unsigned int order;	  /* a slab is 2^order pages */
	unsigned int align;
	unsigned int reciprocal_size; /* ceil(2^32 / size): slot index */
	slab_flags_t flags;
	void (*ctor)(void *object);
	const char *name;
	spinlock_t list_lock; /* partial, full */
	struct list_head partial;
	struct list_head full;
	struct list_head list; /* on slab_caches (created caches only) */
};

/* The kmalloc caches, indexed by log2 of their size (3..12). */
extern struct kmem_cache kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

/* Contracts (kernel-doc) at the definitions in mm/slab.c. */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s); /* reported if not empty */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *x);

void *__kmalloc(size_t size, gfp_t flags);
/* NULL and ZERO_SIZE_PTR ignored; a wild pointer reported, not freed. */
void kfree(const void *x);
size_t ksize(const void *x);

/* /proc/slabinfo's format (version 2.1). */
void show_slabinfo(void);
/* Pages held by every cache (/proc/meminfo Slab). */
unsigned long slab_nr_pages(void);

struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long num_slabs;
	unsigned int objects_per_slab;
	unsigned int cache_order;
};
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);

/**
 * kmalloc_index - the kmalloc cache for a size
 * @size: bytes, at most KMALLOC_MAX_CACHE_SIZE (larger sizes index past
 *	kmalloc_caches[]: the caller sends them to the page allocator)
 *
 * Folds to a constant for a constant @size.
 *
 * Context: Any context.
 * Return: The index into kmalloc_caches[]: KMALLOC_SHIFT_LOW for @size
 * <= 8 (and for 0), else ceil(log2(@size)).
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (size <= KMALLOC_MIN_SIZE)
		return KMALLOC_SHIFT_LOW;
	return 32 - __builtin_clz((unsigned int)size - 1);
}

/**
 * slab_alloc_fastpath - SLUB's allocation fast path
 * @s: the cache
 *
 * Pops the cpu slab's first free object under s->cpu_lock (IRQs off;
 * on one CPU the lock word is patched out, asm/spinlock.h). Production build
 * (CONFIG_DEBUG=0) only: there the free pointer is the object's first
 * word, and there are no debug checks to run. Neither zeroes nor runs
 * a constructor (freed objects are left constructed).
 *
 * Context: Any context; does not sleep.
 * Return: The object, or NULL if there is none (no cpu slab, or nothing
 * on its freelist), for the general path in mm/slab.c.
 */
static __always_inline void *slab_alloc_fastpath(struct kmem_cache *s)
{
	unsigned long irqflags;
	struct page *page;
	void *object = NULL;

	spin_lock_irqsave(&s->cpu_lock, irqflags);
	page = s->cpu_slab;
	if (likely(page) && likely(page->freelist)) {
		object = page->freelist;
		page->freelist = *(void **)object;
		page->inuse++;
	}
	spin_unlock_irqrestore(&s->cpu_lock, irqflags);
	return object;
}

/**
 * kmalloc - allocate physically contiguous lowmem
 * @size: bytes
 * @flags: GFP flags as for kmem_cache_alloc(): __GFP_ZERO zeroes;
 *	__GFP_HIGHMEM is dropped, with a report for sizes a kmalloc cache
 *	serves (kmalloc memory is always lowmem)
 *
 * With a constant size the cache is picked at compile time, as in Linux,
 * and the production build runs the fast path inline (the call and its
 * APCS frame cost as much as the pop); kmem_cache_alloc does the rest,
 * and everything in the debug build, where it records its caller. Other
 * sizes, and those above KMALLOC_MAX_CACHE_SIZE, go to __kmalloc().
 * Free with kfree().
 *
 * Context: Any context, including interrupt handlers; never sleeps,
 * whatever @flags.
 * Return: The memory, aligned to ARCH_KMALLOC_MINALIGN at least (to the
 * size class in the production build); ZERO_SIZE_PTR for @size 0; NULL
 * on failure.
 */
static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size &&
	    size <= KMALLOC_MAX_CACHE_SIZE) {
		struct kmem_cache *s = &kmalloc_caches[kmalloc_index(size)];

		/*
		 * Speed trick: slab_alloc_fastpath() inline here, where
		 * the call and its APCS frame cost as much as the pop.
		 * Plain Linux form: kmem_cache_alloc(s, flags), out of
		 * line. Saves 11 of 63.5 guest instructions per
		 * kmalloc(32)+kfree (make bench).
		 */
		if (!CONFIG_DEBUG && !(flags & __GFP_ZERO)) {
			void *object = slab_alloc_fastpath(s);

			if (likely(object))
				return object;
		}
		return kmem_cache_alloc(s, flags);
	}
	return __kmalloc(size, flags);
}

/**
 * kzalloc - allocate zeroed lowmem
 * @size: bytes
 * @flags: GFP flags as for kmalloc()
 *
 * Context: Any context; never sleeps.
 * Return: As kmalloc(), the memory zeroed.
 */
static __always_inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/**
 * kmalloc_array - allocate memory for an array
 * @n: number of elements
 * @size: bytes per element
 * @flags: GFP flags as for kmalloc()
 *
 * Context: Any context; never sleeps.
 * Return: As kmalloc() for @n * @size bytes; NULL, without a report, if
 * that product overflows.
 */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return __kmalloc(n * size, flags);
}

/**
 * kcalloc - allocate memory for an array, zeroed
 * @n: number of elements
 * @size: bytes per element
 * @flags: GFP flags as for kmalloc()
 *
 * Context: Any context; never sleeps.
 * Return: As kmalloc_array(), the memory zeroed.
 */
static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

#endif /* _LINUX_SLAB_H */
