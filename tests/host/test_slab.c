/*
 * tests/host/test_slab.c: host tests of the slab allocator (mm/slab.c)
 * on the real buddy allocator over fake RAM (model.c), under ASan and
 * UBSan. Built twice by tests/host/slab.mk, with CONFIG_DEBUG=1 (red
 * zones, poison, the misuse reports) and CONFIG_DEBUG=0 (the production
 * fast paths).
 *
 * What is checked: every size class and the large path; long random
 * kmalloc/kfree sequences where no two live objects overlap, every byte
 * survives, slabinfo agrees with the live objects, and freeing everything
 * gives every page back; slab list transitions; constructors;
 * multi-page slabs; misuse reported once and changing nothing.
 */
#include <kunit/private.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "harness.h"
#include "model.h"
#include "shim.h"

/* mm/slab.c's reports end with a backtrace; the host has none to give. */
void dump_stack(void)
{
}

static unsigned long boot_free;

static void boot(const struct ram_layout *l)
{
	shim_quiet = true;
	fake_ram_boot(l);
	boot_free = nr_free_pages();
}

static bool is_lowmem(const void *p)
{
	return (const char *)p >= (const char *)__va(PHYS_OFFSET) &&
	       p < high_memory;
}

static u8 pattern_byte(unsigned long tag, size_t i)
{
	return (u8)(tag * 131 + i * 7 + (i >> 8));
}

static void fill(void *p, size_t n, unsigned long tag)
{
	for (size_t i = 0; i < n; i++)
		((u8 *)p)[i] = pattern_byte(tag, i);
}

static bool intact(const void *p, size_t n, unsigned long tag)
{
	for (size_t i = 0; i < n; i++)
		if (((const u8 *)p)[i] != pattern_byte(tag, i))
			return false;
	return true;
}

/* Every kmalloc cache empty: no slab left anywhere. */
static void check_caches_empty(void)
{
	for (unsigned int c = KMALLOC_SHIFT_LOW; c <= KMALLOC_SHIFT_HIGH; c++) {
		struct slabinfo si;

		get_slabinfo(&kmalloc_caches[c], &si);
		CHECK_EQ(si.num_slabs, 0);
		CHECK_EQ(si.active_objs, 0);
	}
}

static void test_size_classes(void)
{
	boot(&layout_256m);
	for (size_t n = 1; n <= 3 * PAGE_SIZE; n += n < 300 ? 1 : 97) {
		u8 *p = kmalloc(n, GFP_KERNEL);
		size_t want = n <= KMALLOC_MAX_CACHE_SIZE ?
				      1UL << kmalloc_index(n) :
				      PAGE_SIZE << (n > 2 * PAGE_SIZE ? 2 : 1);

		CHECK(p && is_lowmem(p));
		CHECK(((unsigned long)p & (ARCH_KMALLOC_MINALIGN - 1)) == 0);
		CHECK_EQ(ksize(p), want);
		fill(p, ksize(p), n);
		CHECK(intact(p, ksize(p), n));
		kfree(p);
	}
	check_caches_empty();
	CHECK_EQ(nr_free_pages(), boot_free);
	CHECK_EQ(slab_kunit_bug_reports(), 0);
}

#define NR_LIVE 512

struct live {
	u8 *p;
	size_t size;
};

static u32 rnd(u32 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static size_t random_size(u32 *s)
{
	u32 r = rnd(s);

	switch (r % 10) {
	case 0:
		return 1 + (r >> 4) % (4 * PAGE_SIZE);
	case 1:
	case 2:
		return 1 + (r >> 4) % KMALLOC_MAX_CACHE_SIZE;
	default:
		return 1 + (r >> 4) % 192;
	}
}

/* The new object overlaps no live one (by their usable sizes). */
static void check_no_overlap(const struct live *objs, unsigned int slot)
{
	const u8 *a = objs[slot].p;
	size_t na = ksize(a);

	for (unsigned int i = 0; i < NR_LIVE; i++) {
		const u8 *b = objs[i].p;

		if (i != slot && b)
			CHECK_MSG(a + na <= b || b + ksize(b) <= a,
				  "slot %u %p+%zu overlaps slot %u %p", slot,
				  (void *)a, na, i, (void *)b);
	}
}

/* slabinfo's active objects per kmalloc cache equal the live table's. */
static void check_slabinfo(const struct live *objs)
{
	unsigned long mine[KMALLOC_SHIFT_HIGH + 1] = { 0 };

	for (unsigned int i = 0; i < NR_LIVE; i++)
		if (objs[i].p && objs[i].size <= KMALLOC_MAX_CACHE_SIZE)
			mine[kmalloc_index(objs[i].size)]++;
	for (unsigned int c = KMALLOC_SHIFT_LOW; c <= KMALLOC_SHIFT_HIGH; c++) {
		struct slabinfo si;

		get_slabinfo(&kmalloc_caches[c], &si);
		CHECK_EQ(si.active_objs, mine[c]);
		CHECK(si.active_objs <= si.num_objs);
		/* Empty slabs are given back: at most one slab's worth free. */
		CHECK(si.num_objs - si.active_objs <
			      si.num_slabs * si.objects_per_slab ||
		      si.num_slabs == 0);
	}
}

static void random_run(const struct ram_layout *l, u32 seed, unsigned int ops)
{
	static struct live objs[NR_LIVE];

	boot(l);
	for (unsigned int op = 0; op < ops; op++) {
		unsigned int slot = rnd(&seed) % NR_LIVE;
		struct live *o = &objs[slot];

		if (o->p) {
			CHECK_MSG(intact(o->p, o->size, slot), "slot %u", slot);
			kfree(o->p);
			o->p = NULL;
			continue;
		}
		o->size = random_size(&seed);
		o->p = kmalloc(o->size, GFP_KERNEL);
		CHECK(o->p && is_lowmem(o->p));
		if (!o->p)
			return;
		check_no_overlap(objs, slot);
		fill(o->p, o->size, slot);
		if (op % 4096 == 0)
			check_slabinfo(objs);
	}
	for (unsigned int i = 0; i < NR_LIVE; i++) {
		if (!objs[i].p)
			continue;
		CHECK(intact(objs[i].p, objs[i].size, i));
		kfree(objs[i].p);
		objs[i].p = NULL;
	}
	check_caches_empty();
	CHECK_EQ(nr_free_pages(), boot_free);
	CHECK_EQ(slab_kunit_bug_reports(), 0);
}

static void test_random_256m(void)
{
	random_run(&layout_256m, 0x1234567, 60000);
}
static void test_random_1g(void)
{
	random_run(&layout_1g, 0x89abcdef, 60000);
}

static unsigned int ctor_calls;

static void ctor(void *p)
{
	ctor_calls++;
	memcpy(p, "ctor", 4);
}

/*
 * Fill three slabs of a private cache, then empty them in a scattered
 * order: slabs go full -> partial -> back to the page allocator, and the
 * constructor ran exactly once per slot.
 */
static void test_cache_lifecycle(void)
{
	struct kmem_cache *s;
	struct slabinfo si;
	void **objs;
	unsigned int n;

	boot(&layout_256m);
	s = kmem_cache_create("host-52", 52, 0, 0, ctor);
	CHECK(s != NULL);
	get_slabinfo(s, &si);
	n = 3 * si.objects_per_slab;
	objs = calloc(n, sizeof(*objs));
	for (unsigned int i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		CHECK(objs[i] && !memcmp(objs[i], "ctor", 4));
	}
	CHECK_EQ(ctor_calls, n);
	get_slabinfo(s, &si);
	CHECK_EQ(si.num_slabs, 3);
	CHECK_EQ(si.active_objs, n);
	for (unsigned int i = 0; i < n; i++) {
		kmem_cache_free(s, objs[(i * 7919UL) % n]);
		get_slabinfo(s, &si);
		CHECK_EQ(si.active_objs, n - 1 - i);
	}
	CHECK_EQ(si.num_slabs, 0);
	/* Reused slots are not constructed again. */
	objs[0] = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, objs[0]);
	kmem_cache_destroy(s);
	free(objs);
	CHECK_EQ(slab_kunit_bug_reports(), 0);
	CHECK_EQ(nr_free_pages(), boot_free);
}

/* Objects in the tail pages of multi-page slabs (kmalloc-2k/4k). */
static void test_multi_page_slabs(void)
{
	void *objs[64];
	struct slabinfo si;

	boot(&layout_256m);
	get_slabinfo(&kmalloc_caches[12], &si);
	for (unsigned int i = 0; i < 64; i++) {
		objs[i] = kmalloc(4096, GFP_KERNEL);
		fill(objs[i], 4096, i);
	}
	for (unsigned int i = 0; i < 64; i++) {
		unsigned int j = (i * 37) % 64;

		CHECK(intact(objs[j], 4096, j));
		kfree(objs[j]);
	}
	check_caches_empty();
	CHECK_EQ(nr_free_pages(), boot_free);
	CHECK_EQ(slab_kunit_bug_reports(), 0);
}

/* kfree(p) reports exactly once, naming why, and changes nothing. */
static void expect_rejected(const void *p, const char *why)
{
	unsigned long bugs = slab_kunit_bug_reports(), free = nr_free_pages();

	shim_log_clear();
	kfree(p);
	CHECK_EQ(slab_kunit_bug_reports(), bugs + 1);
	CHECK_EQ(nr_free_pages(), free);
	CHECK_MSG(shim_log_contains(why), "log: %s", shim_log());
}

static void test_invalid_kfree(void)
{
	struct page *page;
	u8 *large, *obj;
	static u8 not_ram[64];

	boot(&layout_256m);
	page = alloc_page(GFP_KERNEL);
	large = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	obj = kmalloc(100, GFP_KERNEL);
	expect_rejected(not_ram, "(not a lowmem address)");
	expect_rejected(lowmem_page_address(page), "(not from kmalloc)");
	expect_rejected(large + 8, "(not the start of a kmalloc block)");
	expect_rejected(large + PAGE_SIZE, "(not from kmalloc)");
	CHECK_EQ(page_count(page), 1);
	kfree(large);
	expect_rejected(large, "BUG: kfree: invalid pointer");
	__free_page(page);
	kfree(obj);
	CHECK_EQ(nr_free_pages(), boot_free);
}

#if CONFIG_DEBUG
/* Three objects; return two in the same slab, free the odd one out. */
static void slab_mates(size_t size, u8 **p, u8 **keep)
{
	u8 *o[3];

	for (int i = 0; i < 3; i++)
		o[i] = kmalloc(size, GFP_KERNEL);
	if (virt_to_page(o[0]) == virt_to_page(o[1])) {
		*p = o[0], *keep = o[1];
		kfree(o[2]);
	} else {
		*p = o[1], *keep = o[2];
		kfree(o[0]);
	}
}

static void test_debug_reports(void)
{
	u8 *p, *keep, *q;
	unsigned long bugs;

	boot(&layout_256m);
	slab_mates(64, &p, &keep);
	expect_rejected(p + 4, "Invalid object pointer");
	kfree(p);
	expect_rejected(p, "BUG kmalloc-64 (Not tainted): Object already free");
	/* The freelist took it once: two allocations, two objects. */
	p = kmalloc(64, GFP_KERNEL);
	q = kmalloc(64, GFP_KERNEL);
	CHECK(p != q);
	kfree(q);
	p[64] = 0;
	expect_rejected(p, "Redzone overwritten");
	CHECK(shim_log_contains("First byte 0x0 instead of 0xcc"));
	/* Restored: the second kfree is a normal one. */
	bugs = slab_kunit_bug_reports();
	kfree(p);
	CHECK_EQ(slab_kunit_bug_reports(), bugs);
	/* Write after free: found when the slot is handed out again. */
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	p[10] = 1;
	shim_log_clear();
	q = kmalloc(64, GFP_KERNEL);
	CHECK(q == p);
	CHECK_EQ(slab_kunit_bug_reports(), bugs + 1);
	CHECK(shim_log_contains("Poison overwritten"));
	kfree(q);
	kfree(keep);
	check_caches_empty();
	CHECK_EQ(nr_free_pages(), boot_free);
}
#endif

static void test_destroy_busy(void)
{
	struct kmem_cache *s;
	void *obj;

	boot(&layout_256m);
	s = kmem_cache_create("host-busy", 200, 64, 0, NULL);
	obj = kmem_cache_alloc(s, GFP_KERNEL | __GFP_ZERO);
	CHECK(obj && ((unsigned long)obj & 63) == 0);
	CHECK(!memcmp(obj, (char[200]){ 0 }, 200));
	shim_log_clear();
	kmem_cache_destroy(s);
	CHECK_EQ(slab_kunit_bug_reports(), 1);
	CHECK(shim_log_contains("Slab cache still has objects"));
	kmem_cache_free(&kmalloc_caches[8], obj); /* wrong cache */
	CHECK_EQ(slab_kunit_bug_reports(), 2);
	kmem_cache_free(s, obj);
	kmem_cache_destroy(s);
	CHECK_EQ(slab_kunit_bug_reports(), 2);
	CHECK_EQ(nr_free_pages(), boot_free);
	/* Bad geometry is refused, not half-built. */
	CHECK(!kmem_cache_create("host-bad", 16, 24, 0, NULL));
	CHECK(!kmem_cache_create("host-zero", 0, 0, 0, NULL));
}

/* __GFP_HIGHMEM is fixed up (with Linux's warning): still lowmem. */
static void test_highmem_flag(void)
{
	void *p;

	boot(&layout_1g);
	shim_log_clear();
	p = kmalloc(512, GFP_KERNEL | __GFP_HIGHMEM);
	CHECK(p && is_lowmem(p));
	CHECK(shim_log_contains("Unexpected gfp"));
	kfree(p);
	CHECK_EQ(nr_free_pages(), boot_free);
}

static void test_slabinfo_format(void)
{
	void *p;

	boot(&layout_256m);
	p = kmalloc(32, GFP_KERNEL);
	shim_log_clear();
	show_slabinfo();
	CHECK(shim_log_contains("slabinfo - version: 2.1\n# name "));
	CHECK(shim_log_contains("\nkmalloc-32   "));
	CHECK(shim_log_contains(" : tunables    0    0    0 : slabdata      1  "
				"    1      0\n"));
	kfree(p);
}

static const struct host_test tests[] = {
	{ "size classes and large kmalloc", test_size_classes, false },
	{ "random kmalloc/kfree, 256 MB", test_random_256m, false },
	{ "random kmalloc/kfree, 1 GB (HighMem)", test_random_1g, false },
	{ "cache lifecycle and constructor", test_cache_lifecycle, false },
	{ "multi-page slabs", test_multi_page_slabs, false },
	{ "invalid kfree", test_invalid_kfree, false },
#if CONFIG_DEBUG
	{ "debug: bad pointer, double free, red zone, poison",
	  test_debug_reports, false },
#endif
	{ "kmem_cache_destroy of a busy cache", test_destroy_busy, false },
	{ "__GFP_HIGHMEM fixed up", test_highmem_flag, false },
	{ "slabinfo format", test_slabinfo_format, false },
};

int main(void)
{
	printf("mm/slab.c host tests, CONFIG_DEBUG=%d\n", CONFIG_DEBUG);
	return run_tests(tests, sizeof(tests) / sizeof(tests[0]));
}
