/*
 * tests/kernel/slab_test.c: suite "slab", mm/slab.c's promises, and the
 * kmalloc benchmarks.
 *
 * The kmalloc example module of Documentation/boards.md (banner,
 * "[*]unsigned int *NORMAL_int:" line, in lowmem); every size class and
 * the large path; mixed random
 * kmalloc/kfree with every byte checked and the per-cache counts
 * compared with slabinfo; empty slabs going back to the page allocator
 * (nr_free_pages exactly as before); kmem_cache_create/destroy; and bad
 * input (invalid and double kfree, red zone overrun, write after free)
 * reported, counted in slab_kunit_bug_reports(), and harmless.
 */
#include <kunit/private.h>
#include <asm/memory.h>
#include <hikern/bench.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <string.h>

#include "kmap_test.h"

static bool is_lowmem(const void *p)
{
	unsigned long a = (unsigned long)p;

	return a >= PAGE_OFFSET && a < (unsigned long)high_memory;
}

static u8 pattern_byte(unsigned long tag, unsigned long i)
{
	return (u8)(tag * 31 + i * 7 + (i >> 8));
}

static void fill(void *p, size_t n, unsigned long tag)
{
	for (size_t i = 0; i < n; i++)
		((u8 *)p)[i] = pattern_byte(tag, i);
}

/* Index of the first byte that does not hold the pattern, or n. */
static size_t check(const void *p, size_t n, unsigned long tag)
{
	for (size_t i = 0; i < n; i++)
		if (((const u8 *)p)[i] != pattern_byte(tag, i))
			return i;
	return n;
}

/* What ksize must say: the size class, or whole pages above 4 KB. */
static size_t expected_ksize(size_t size)
{
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return PAGE_SIZE
		       << (32 - __builtin_clz((size - 1) >> PAGE_SHIFT));
	return 1UL << kmalloc_index(size);
}

static void kmalloc_every_size(struct kunit *test)
{
	static const size_t sizes[] = { 1,    7,    8,	  9,	31,    32,
					33,   100,  1000, 1024, 2000,  2049,
					4095, 4096, 4097, 8192, 12288, 100000 };
	unsigned long free_before = nr_free_pages();

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t n = sizes[i];
		u8 *p = kmalloc(n, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, is_lowmem(p));
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p,
						   ARCH_KMALLOC_MINALIGN));
		KUNIT_EXPECT_EQ(test, ksize(p), expected_ksize(n));
		fill(p, ksize(p), i);
		KUNIT_EXPECT_EQ(test, check(p, ksize(p), i), ksize(p));
		kfree(p);
		/* Zeroing covers the whole object, even after a dirty user. */
		p = kzalloc(n, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		for (size_t j = 0; j < n; j++)
			if (p[j]) {
				KUNIT_EXPECT_EQ(test, p[j], 0);
				break;
			}
		kfree(p);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

static void kmalloc_zero_and_null(struct kunit *test)
{
	unsigned long bugs = slab_kunit_bug_reports();

	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	KUNIT_EXPECT_EQ(test, ksize(NULL), 0);
	KUNIT_EXPECT_EQ(test, ksize(ZERO_SIZE_PTR), 0);
	KUNIT_EXPECT_EQ(test, slab_kunit_bug_reports(), bugs);
}

/* A large kmalloc is one page block of the right order, freed as such. */
static void kmalloc_large_order(struct kunit *test)
{
	unsigned long free_before = nr_free_pages();
	void *p = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, page_alloc_order(virt_to_page(p)), 2);
	KUNIT_EXPECT_EQ(test, ksize(p), 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, free_before - nr_free_pages(), 4);
	kfree(p);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/* xorshift32: the same sequence on every run. */
static u32 next_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* Mostly small objects, some up to 4 KB, a few large ones. */
static size_t random_size(u32 *state)
{
	u32 r = next_rand(state);

	switch (r & 7) {
	case 0:
		return 1 + (r >> 8) % 4096;
	case 1:
		return 4097 + (r >> 8) % (3 * PAGE_SIZE);
	default:
		return 1 + (r >> 8) % 256;
	}
}

#define NR_SLOTS 256

struct live_obj {
	u8 *p;
	size_t size;
};

static unsigned long active_objs(unsigned int idx)
{
	struct slabinfo si;

	get_slabinfo(&kmalloc_caches[idx], &si);
	return si.active_objs;
}

/* Per size class, slabinfo's active objects minus base must equal ours. */
static void check_slabinfo_counts(struct kunit *test, struct live_obj *objs,
				  const unsigned long *base)
{
	unsigned long mine[KMALLOC_SHIFT_HIGH + 1] = { 0 };

	for (unsigned int i = 0; i < NR_SLOTS; i++)
		if (objs[i].p && objs[i].size <= KMALLOC_MAX_CACHE_SIZE)
			mine[kmalloc_index(objs[i].size)]++;
	for (unsigned int c = KMALLOC_SHIFT_LOW; c <= KMALLOC_SHIFT_HIGH; c++)
		KUNIT_EXPECT_EQ(test, active_objs(c) - base[c], mine[c]);
}

static void free_checked(struct kunit *test, struct live_obj *o,
			 unsigned long tag)
{
	KUNIT_EXPECT_EQ(test, check(o->p, o->size, tag), o->size);
	kfree(o->p);
	o->p = NULL;
}

static void kmalloc_random_mixed(struct kunit *test)
{
	static struct live_obj objs[NR_SLOTS];
	unsigned long base[KMALLOC_SHIFT_HIGH + 1];
	unsigned long free_before = nr_free_pages();
	unsigned long bugs = slab_kunit_bug_reports();
	u32 state = 0x2545f491;

	for (unsigned int c = KMALLOC_SHIFT_LOW; c <= KMALLOC_SHIFT_HIGH; c++)
		base[c] = active_objs(c);
	for (unsigned int op = 0; op < 6000; op++) {
		unsigned int slot = next_rand(&state) % NR_SLOTS;
		struct live_obj *o = &objs[slot];

		if (o->p) {
			free_checked(test, o, slot);
			continue;
		}
		o->size = random_size(&state);
		o->p = kmalloc(o->size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, o->p);
		KUNIT_EXPECT_TRUE(test, is_lowmem(o->p));
		fill(o->p, o->size, slot);
		if (op == 3000)
			check_slabinfo_counts(test, objs, base);
	}
	for (unsigned int i = 0; i < NR_SLOTS; i++)
		if (objs[i].p)
			free_checked(test, &objs[i], i);
	check_slabinfo_counts(test, objs, base);
	KUNIT_EXPECT_EQ(test, slab_kunit_bug_reports(), bugs);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

static unsigned int ctor_calls;

static void obj_ctor(void *p)
{
	ctor_calls++;
	*(u32 *)p = 0xc0ffee;
}

/*
 * A private cache: slabs are added as it fills and each one goes back
 * to the page allocator when its last object is freed.
 */
static void kmem_cache_slabs_come_and_go(struct kunit *test)
{
	unsigned long free_before = nr_free_pages();
	struct kmem_cache *s;
	struct slabinfo si;
	void **objs;
	unsigned int n;

	s = kmem_cache_create("test-obj-24", 24, 0, 0, obj_ctor);
	KUNIT_ASSERT_NOT_NULL(test, s);
	get_slabinfo(s, &si);
	n = 3 * si.objects_per_slab;
	objs = kmalloc_array(n, sizeof(void *), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);
	ctor_calls = 0;
	for (unsigned int i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
		KUNIT_EXPECT_EQ(test, *(u32 *)objs[i], 0xc0ffee);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)objs[i], 8));
	}
	KUNIT_EXPECT_EQ(test, ctor_calls, n);
	get_slabinfo(s, &si);
	KUNIT_EXPECT_EQ(test, si.num_slabs, 3);
	KUNIT_EXPECT_EQ(test, si.active_objs, n);
	KUNIT_EXPECT_EQ(test, si.num_objs, n);
	show_slabinfo();
	/*
	 * Free in a scattered order (7919 is prime and larger than n, so
	 * this visits every index once): slabs go full, partial, gone.
	 */
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_free(s, objs[(i * 7919) % n]);
	get_slabinfo(s, &si);
	KUNIT_EXPECT_EQ(test, si.num_slabs, 0);
	KUNIT_EXPECT_EQ(test, si.active_objs, 0);
	kmem_cache_destroy(s);
	kfree(objs);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/*
 * Sizes no cache can have: 0, and sizes that wrap to 0 or a few bytes
 * when aligned. Refused with Linux's two lines, nothing taken, and the
 * next good cache is made as usual.
 */
static void kmem_cache_create_bad_size(struct kunit *test)
{
	static const struct {
		const char *name;
		unsigned int size;
	} bad[] = {
		{ "test-size-0", 0 },
		{ "test-size-fffffffd", 0xfffffffd },
		{ "test-size-fffffff4", 0xfffffff4 },
	};
	unsigned long free_before = nr_free_pages();
	struct kmem_cache *s;
	char line[80];
	void *obj;

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		kmap_test_capture_start();
		s = kmem_cache_create(bad[i].name, bad[i].size, 0, 0, NULL);
		kmap_test_capture_stop();
		KUNIT_EXPECT_NULL(test, s);
		snprintf(line, sizeof(line),
			 "kmem_cache_create(%s) integrity check failed",
			 bad[i].name);
		KUNIT_EXPECT_TRUE(test, kmap_test_captured(line));
		snprintf(line, sizeof(line),
			 "kmem_cache_create(%s) failed with error -22",
			 bad[i].name);
		KUNIT_EXPECT_TRUE(test, kmap_test_captured(line));
		if (s)
			kmem_cache_destroy(s);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
	s = kmem_cache_create("test-size-4", 4, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, obj);
	kmem_cache_free(s, obj);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

static void kmem_cache_destroy_busy(struct kunit *test)
{
	unsigned long bugs = slab_kunit_bug_reports();
	struct kmem_cache *s;
	void *obj;

	s = kmem_cache_create("test-hwalign", 40, 0, SLAB_HWCACHE_ALIGN, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)obj, L1_CACHE_BYTES));
	KUNIT_EXPECT_EQ(test, *(u32 *)obj, 0);
	/* Refused and reported: the cache keeps working. */
	kunit_expect_report(test, "BUG",
			    "kmem_cache_destroy of a cache with objects");
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, slab_kunit_bug_reports(), bugs + 1);
	/* An object of this cache given to a kmalloc cache is caught too. */
	kunit_expect_report(test, "BUG", "kmem_cache_free to the wrong cache");
	kmem_cache_free(&kmalloc_caches[6], obj);
	KUNIT_EXPECT_EQ(test, slab_kunit_bug_reports(), bugs + 2);
	kmem_cache_free(s, obj);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, slab_kunit_bug_reports(), bugs + 2);
}

/* kfree(p) must report once and change nothing the page allocator sees. */
static void expect_rejected(struct kunit *test, const void *p)
{
	unsigned long bugs = slab_kunit_bug_reports();
	unsigned long free_before = nr_free_pages();

	kunit_expect_report(test, "BUG", "kfree(0x%08lx) refused",
			    (unsigned long)p);
	kfree(p);
	KUNIT_EXPECT_EQ(test, slab_kunit_bug_reports(), bugs + 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

static void kfree_invalid_pointer(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u32 on_stack = 0;
	u8 *large = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	void *vm = vmalloc(PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_NOT_NULL(test, large);
	expect_rejected(test, &on_stack); /* kernel stack/image */
	expect_rejected(test, lowmem_page_address(page)); /* alloc_page */
	expect_rejected(test, vm);			  /* vmalloc area */
	expect_rejected(test, (void *)0x12345678);	  /* user space */
	expect_rejected(test, large + 64);	  /* inside a large block */
	expect_rejected(test, large + PAGE_SIZE); /* its tail page */
	KUNIT_EXPECT_EQ(test, page_count(page), 1);
	fill(large, 2 * PAGE_SIZE, 1);
	KUNIT_EXPECT_EQ(test, check(large, 2 * PAGE_SIZE, 1), 2 * PAGE_SIZE);
	vfree(vm);
	kfree(large);
	__free_page(page);
}

/* A large block's second kfree finds a page kmalloc no longer owns. */
static void kfree_twice_large(struct kunit *test)
{
	void *p = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree(p);
	expect_rejected(test, p);
}

#if CONFIG_DEBUG
/*
 * Two live objects of one size in the same slab, so freeing one never
 * empties (and discards) the slab: of three consecutive objects, two
 * share a slab. The third is freed.
 */
static void alloc_slab_mates(struct kunit *test, size_t size, u8 **p, u8 **keep)
{
	u8 *o[3];

	for (int i = 0; i < 3; i++) {
		o[i] = kmalloc(size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, o[i]);
	}
	if (virt_to_page(o[0]) == virt_to_page(o[1])) {
		*p = o[0];
		*keep = o[1];
		kfree(o[2]);
	} else {
		*p = o[1];
		*keep = o[2];
		kfree(o[0]);
	}
	KUNIT_ASSERT_TRUE(test, virt_to_page(*p) == virt_to_page(*keep));
}

/* Debug build: a pointer inside an object is not an object. */
static void kfree_inside_object(struct kunit *test)
{
	u8 *p = kmalloc(64, GFP_KERNEL);
	u8 *keep = kmalloc(64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	expect_rejected(test, p + 8);
	kfree(p);
	kfree(keep);
}

/*
 * SLUB's "Object already free": the slab stays (another object lives in
 * it) and the freelist must not take the object twice.
 */
static void kfree_twice(struct kunit *test)
{
	u8 *keep, *p;
	void *a, *b;

	alloc_slab_mates(test, 32, &p, &keep);
	kfree(p);
	expect_rejected(test, p);
	a = kmalloc(32, GFP_KERNEL);
	b = kmalloc(32, GFP_KERNEL);
	KUNIT_EXPECT_NE(test, (unsigned long)a, (unsigned long)b);
	kfree(a);
	kfree(b);
	kfree(keep);
}

/*
 * One byte past a kmalloc-32 object lands in its red zone: kfree reports
 * "Redzone overwritten", restores it and keeps the object (not freed);
 * freeing it again then succeeds quietly.
 */
static void redzone_overwrite(struct kunit *test)
{
	unsigned long free_before = nr_free_pages();
	u8 *p = kmalloc(32, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	p[32] = 0x5a;
	expect_rejected(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), 32);
	{
		unsigned long bugs = slab_kunit_bug_reports();

		kfree(p);
		KUNIT_EXPECT_EQ(test, slab_kunit_bug_reports(), bugs);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/*
 * A write after free shows in the poison when the object is handed out
 * again (LIFO: the next kmalloc of that size returns it).
 */
static void write_after_free(struct kunit *test)
{
	unsigned long bugs = slab_kunit_bug_reports();
	u8 *keep, *p, *q;

	alloc_slab_mates(test, 128, &p, &keep);
	kfree(p);
	p[5] = 0;
	kunit_expect_report(test, "BUG", "kmalloc-128 Poison overwritten");
	q = kmalloc(128, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_EQ(test, slab_kunit_bug_reports(), bugs + 1);
	kfree(q);
	kfree(keep);
	KUNIT_EXPECT_EQ(test, slab_kunit_bug_reports(), bugs + 1);
}
#endif

/* __GFP_HIGHMEM makes no sense for kmalloc: still lowmem. */
static void kmalloc_ignores_highmem(struct kunit *test)
{
	void *p = kmalloc(2048, GFP_KERNEL | __GFP_HIGHMEM);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_lowmem(p));
	kfree(p);
}

static struct kunit_case slab_cases[] = {
	KUNIT_CASE(kmalloc_every_size),
	KUNIT_CASE(kmalloc_zero_and_null),
	KUNIT_CASE(kmalloc_large_order),
	KUNIT_CASE(kmalloc_random_mixed),
	KUNIT_CASE(kmem_cache_slabs_come_and_go),
	KUNIT_CASE(kmem_cache_create_bad_size),
	KUNIT_CASE(kmem_cache_destroy_busy),
	KUNIT_CASE(kfree_invalid_pointer),
	KUNIT_CASE(kfree_twice_large),
#if CONFIG_DEBUG
	KUNIT_CASE(kfree_inside_object),
	KUNIT_CASE(kfree_twice),
	KUNIT_CASE(redzone_overwrite),
	KUNIT_CASE(write_after_free),
#endif
	KUNIT_CASE(kmalloc_ignores_highmem),
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab",
	.test_cases = slab_cases,
};
kunit_test_suite(slab_suite);

/* ---------------------------------------------------------------------
 * Benchmarks (scripts/bench.py's names): kmalloc32 and kmalloc1k are
 * kmalloc+kfree of one object, 4 pairs per loop turn so the
 * loop's own instructions weigh little. One object of the size stays
 * allocated meanwhile, so the figure is the steady state (the slab
 * exists); without it every kfree would return the slab's page and every
 * kmalloc fetch a new one, which "kmalloc1k_cold" shows.
 */
#define BENCH_ROUNDS 1024

static __always_inline u32 bench_kmalloc_kfree(size_t size)
{
	u32 t0, t1;

	t0 = bench_cycles();
	for (unsigned int i = 0; i < BENCH_ROUNDS; i += 4) {
		kfree(kmalloc(size, GFP_KERNEL));
		kfree(kmalloc(size, GFP_KERNEL));
		kfree(kmalloc(size, GFP_KERNEL));
		kfree(kmalloc(size, GFP_KERNEL));
	}
	t1 = bench_cycles();
	return t1 - t0;
}

/* Sizes as constants, as callers write them: the cache is compile-time. */
static void bench_kmalloc(void)
{
	void *keep32 = kmalloc(32, GFP_KERNEL);
	void *keep1k = kmalloc(1024, GFP_KERNEL);

	bench_report_per_op("kmalloc32", bench_kmalloc_kfree(32), BENCH_ROUNDS);
	bench_report_per_op("kmalloc1k", bench_kmalloc_kfree(1024),
			    BENCH_ROUNDS);
	kfree(keep32);
	kfree(keep1k);
	bench_report_per_op("kmalloc1k_cold", bench_kmalloc_kfree(1024),
			    BENCH_ROUNDS);
}

static const struct bench kmalloc_bench = {
	.name = "kmalloc",
	.run = bench_kmalloc,
};
bench_register(kmalloc_bench);
