/*
 * tests/kernel/seeds_test.c: suite "seeds", the example modules of the
 * Linux 5.5 board (Documentation/boards.md, section 2) run as self-tests,
 * printing the modules' own lines:
 *
 *   kmap:        banner, "[*]unsigned int *KMAP_int: ..."
 *   low level:   banner, "[*]unsignd long vaddr: ..." from
 *                kmap_atomic_idx_push + set_fixmap
 *   kmap_atomic: banner, "[*]unsigned int *KMAP_atomic: ..."
 *
 * (the misspelt "unsignd" is the module's). Beyond printing, each case
 * checks that its address lies in the region the article says it does, at
 * the slot the formulas give, and that it really reaches the allocated
 * page: a value written through it is read back through a second,
 * independent mapping of the same page.
 */
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/smp.h>

#include "kmap_test.h"
#include "seed.h"

static bool in_range(unsigned long a, unsigned long start, unsigned long end)
{
	return a >= start && a < end;
}

/* The module allocates with __GFP_HIGHMEM; without HighMem: lowmem. */
static struct page *seed_alloc(struct kunit *test)
{
	struct page *page = alloc_pages(__GFP_HIGHMEM, 0);

	KUNIT_ASSERT_NOT_NULL(test, page);
	return page;
}

/*
 * Lowmem fallback (-m 256): the module's calls still work and return the
 * linear address; check that and end the case as skipped, since the
 * highmem path it is about was not exercised.
 */
static bool seed_lowmem_fallback(struct kunit *test, struct page *page,
				 unsigned long addr)
{
	if (PageHighMem(page))
		return false;
	KUNIT_EXPECT_EQ(test, addr, (unsigned long)lowmem_page_address(page));
	kunit_skip(test, "no HighMem: __GFP_HIGHMEM fell back to lowmem");
	return true;
}

/* The kmap module: a HighMem page lands in the pkmap window. */
static void seed_002_kmap(struct kunit *test)
{
	struct page *high_page = NULL;
	unsigned int *KMAP_int = NULL;
	unsigned long pfn;
	u32 *other;

	seed_print_banner();
	high_page = seed_alloc(test);
	pfn = page_to_pfn(high_page);
	KMAP_int = kmap(high_page);
	printk("[*]unsigned int *KMAP_int:       Address: %#08x\n",
	       (unsigned int)(unsigned long)KMAP_int);
	if (!seed_lowmem_fallback(test, high_page, (unsigned long)KMAP_int)) {
		KUNIT_EXPECT_TRUE(test,
				  in_range((unsigned long)KMAP_int, PKMAP_BASE,
					   PKMAP_BASE + 0x200000));
		KUNIT_EXPECT_EQ(test,
				pte_pfn(pkmap_page_table[PKMAP_NR(KMAP_int)]),
				pfn);
		KMAP_int[0] = kmap_test_pattern(pfn, 0, 0x002);
		other = kmap_atomic(high_page);
		KUNIT_EXPECT_EQ(test, other[0],
				kmap_test_pattern(pfn, 0, 0x002));
		kunmap_atomic(other);
	}
	if (KMAP_int)
		kunmap(high_page);
	__free_pages(high_page, 0);
}

/*
 * The low-level module: push a slot type, turn it into this
 * CPU's fixmap index, map the page there with set_fixmap. The article's
 * second listing passes the index without FIX_KMAP_BEGIN to set_fixmap,
 * which maps the slot below the one it prints; this follows the first,
 * correct listing. kmap_atomic would also disable preemption and page
 * faults around the use; so does this test.
 */
static void seed_003_set_fixmap(struct kunit *test)
{
	struct page *high_page;
	int idx, type;
	unsigned long vaddr, pfn;
	u32 *other;
	bool high;

	seed_print_banner();
	high_page = alloc_page(__GFP_HIGHMEM);
	KUNIT_ASSERT_NOT_NULL(test, high_page);
	pfn = page_to_pfn(high_page);
	high = PageHighMem(high_page);

	preempt_disable();
	type = kmap_atomic_idx_push();
	idx = FIX_KMAP_BEGIN + type + KM_TYPE_NR * smp_processor_id();
	vaddr = __fix_to_virt(idx);
	set_fixmap(idx, page_to_phys(high_page));
	printk("[*]unsignd long vaddr:       Address: %#08x\n",
	       (unsigned int)(unsigned long)vaddr);

	KUNIT_EXPECT_EQ(test, type, 0); /* nothing else holds a slot */
	KUNIT_EXPECT_TRUE(test, in_range(vaddr, FIXADDR_START, FIXADDR_END));
	KUNIT_EXPECT_EQ(test, vaddr,
			__fix_to_virt(FIX_KMAP_BEGIN) -
				KM_TYPE_NR * smp_processor_id() * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pte_pfn(*fixmap_pte(idx)), pfn);
	*(u32 *)vaddr = kmap_test_pattern(pfn, 0, 0x003);

	clear_fixmap(idx);
	kmap_atomic_idx_pop();
	preempt_enable();
	KUNIT_EXPECT_TRUE(test, pte_none(*fixmap_pte(idx)));
	KUNIT_EXPECT_TRUE(test, kunit_expect_fault(kmap_test_read_word,
						   (void *)vaddr, NULL));

	other = kmap(high_page);
	KUNIT_EXPECT_EQ(test, other[0], kmap_test_pattern(pfn, 0, 0x003));
	kunmap(high_page);
	__free_page(high_page);
	if (!high)
		kunit_info(test,
			   "no HighMem: the fixmap slot mapped a lowmem page");
}

/* The kmap_atomic module: the page lands in this CPU's fixmap slot. */
static void seed_003_kmap_atomic(struct kunit *test)
{
	struct page *high_page = NULL;
	unsigned int *KMAP_atomic = NULL;
	unsigned long pfn, top_slot;
	u32 *other;

	seed_print_banner();
	high_page = seed_alloc(test);
	pfn = page_to_pfn(high_page);
	KMAP_atomic = kmap_atomic(high_page);
	top_slot = __fix_to_virt(FIX_KMAP_BEGIN + kmap_atomic_idx() +
				 KM_TYPE_NR * smp_processor_id());
	printk("[*]unsigned int *KMAP_atomic:       Address: %#08x\n",
	       (unsigned int)(unsigned long)KMAP_atomic);
	if (seed_lowmem_fallback(test, high_page, (unsigned long)KMAP_atomic)) {
		kunmap_atomic(KMAP_atomic);
		__free_pages(high_page, 0);
		return;
	}
	KUNIT_EXPECT_TRUE(test, in_range((unsigned long)KMAP_atomic,
					 FIXADDR_START, FIXADDR_END));
	KUNIT_EXPECT_EQ(test, (unsigned long)KMAP_atomic, top_slot);
	KUNIT_EXPECT_EQ(test, pte_pfn(*virt_to_kpte(top_slot)), pfn);
	KMAP_atomic[0] = kmap_test_pattern(pfn, 0, 0x0a3);
	if (KMAP_atomic)
		kunmap_atomic(KMAP_atomic);
	other = kmap(high_page);
	KUNIT_EXPECT_EQ(test, other[0], kmap_test_pattern(pfn, 0, 0x0a3));
	kunmap(high_page);
	__free_pages(high_page, 0);
}

static struct kunit_case seeds_cases[] = {
	KUNIT_CASE(seed_002_kmap),
	KUNIT_CASE(seed_003_set_fixmap),
	KUNIT_CASE(seed_003_kmap_atomic),
	{},
};

static struct kunit_suite seeds_suite = {
	.name = "seeds",
	.test_cases = seeds_cases,
};
kunit_test_suite(seeds_suite);
