/*
 * tests/kernel/vmalloc_test.c: suite "vmalloc", mm/vmalloc.c and ioremap,
 * and the vmalloc benchmark.
 *
 * The vmalloc example module of Documentation/boards.md
 * ("[*]unsigned int *VMALLOC_int:", in the vmalloc region); mappings
 * that agree with vmalloc_to_page and with a
 * second (vmap) mapping of the same pages; the guard page and freed areas
 * faulting; 64 MB from a buddy allocator holding no order-10 block; the
 * region exhausted cleanly; ioremap with device attributes, static
 * mappings reused, the console moved off the fixmap.
 */
#include <kunit/private.h>
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/iomap.h>
#include <asm/layout.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <hikern/bench.h>
#include <kunit/fault.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <string.h>

#include "kmap_test.h"

extern struct boot_info boot_info;

/* The "vmalloc of 64 MB". */
#define BIG_SIZE (64 * SZ_1M)

/* Short-descriptor fault status: page translation fault. */
#define FS_PAGE_TRANSLATION 0x7

static unsigned int fault_fs(unsigned long fsr)
{
	return (fsr & 0xf) | ((fsr >> 6) & 0x10);
}

static void read_word(void *p)
{
	(void)*(volatile u32 *)p;
}

static void write_word(void *p)
{
	*(volatile u32 *)p = 0x600dbeef;
}

static bool in_vmalloc_region(const void *p)
{
	unsigned long a = (unsigned long)p;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/* Fault expected at exactly addr, as a page translation fault. */
static void expect_translation_fault(struct kunit *test, void (*fn)(void *),
				     unsigned long addr)
{
	struct kunit_fault f;

	KUNIT_ASSERT_TRUE(test, kunit_expect_fault(fn, (void *)addr, &f));
	KUNIT_EXPECT_EQ(test, f.kind, KUNIT_FAULT_DATA);
	KUNIT_EXPECT_EQ(test, f.far, addr);
	KUNIT_EXPECT_EQ(test, fault_fs(f.fsr), FS_PAGE_TRANSLATION);
}

static void fill_words(u32 *p, unsigned long words, u32 seed)
{
	for (unsigned long i = 0; i < words; i++)
		p[i] = (u32)i * 2654435761U ^ seed;
}

/* Index of the first word that does not hold the pattern, or words. */
static unsigned long check_words(const u32 *p, unsigned long words, u32 seed)
{
	for (unsigned long i = 0; i < words; i++)
		if (p[i] != ((u32)i * 2654435761U ^ seed))
			return i;
	return words;
}

/* Every page of the area is what its PTE maps, with PAGE_KERNEL. */
static void check_area_mapping(struct kunit *test, struct vm_struct *area)
{
	for (unsigned int i = 0; i < area->nr_pages; i++) {
		char *va = (char *)area->addr + i * PAGE_SIZE;
		pte_t *ptep = virt_to_kpte((unsigned long)va);

		KUNIT_ASSERT_NOT_NULL(test, ptep);
		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(va), area->pages[i]);
		KUNIT_EXPECT_EQ(test, *ptep,
				mk_pte(area->pages[i], PAGE_KERNEL));
		if (totalhigh_pages())
			KUNIT_EXPECT_TRUE(test, PageHighMem(area->pages[i]));
	}
}

static void vmalloc_maps_its_pages(struct kunit *test)
{
	unsigned long size = 5 * PAGE_SIZE + 100, free_before;
	struct vm_struct *area;
	char *p;

	/* The first use of a 2 MB range may add a PTE page for good. */
	vfree(vmalloc(size));
	free_before = nr_free_pages();
	p = vmalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
	area = find_vm_area(p);
	KUNIT_ASSERT_NOT_NULL(test, area);
	KUNIT_EXPECT_EQ(test, area->nr_pages, 6);
	KUNIT_EXPECT_EQ(test, area->size, 7 * PAGE_SIZE); /* + guard */
	KUNIT_EXPECT_EQ(test, area->flags, VM_ALLOC);
	check_area_mapping(test, area);
	fill_words((u32 *)p, 6 * PAGE_SIZE / 4, 1);
	KUNIT_EXPECT_EQ(test, check_words((u32 *)p, 6 * PAGE_SIZE / 4, 1),
			6 * PAGE_SIZE / 4);
	show_vmallocinfo();
	vfree(p);
	KUNIT_EXPECT_NULL(test, find_vm_area(p));
	for (unsigned int i = 0; i < 7; i++)
		KUNIT_EXPECT_NULL(test, vmalloc_to_page(p + i * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

static void vzalloc_zeroes(struct kunit *test)
{
	unsigned long words = 3 * PAGE_SIZE / 4;
	u32 *p = vmalloc(3 * PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 3 * PAGE_SIZE);
	vfree(p);
	p = vzalloc(3 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (unsigned long i = 0; i < words; i++)
		if (p[i]) {
			KUNIT_EXPECT_EQ(test, p[i], 0);
			break;
		}
	vfree(p);
}

static void guard_page_faults(struct kunit *test)
{
	char *p = vmalloc(2 * PAGE_SIZE);
	unsigned long guard = (unsigned long)p + 2 * PAGE_SIZE;

	KUNIT_ASSERT_NOT_NULL(test, p);
	p[2 * PAGE_SIZE - 1] = 1; /* the last byte is fine */
	KUNIT_EXPECT_TRUE(test, pte_none(*virt_to_kpte(guard)));
	expect_translation_fault(test, read_word, guard);
	expect_translation_fault(test, write_word, guard + PAGE_SIZE - 4);
	vfree(p);
}

static void freed_area_faults(struct kunit *test)
{
	u32 *p = vmalloc(PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, p);
	*p = 42;
	KUNIT_EXPECT_EQ(test, *p, 42); /* the TLB now holds the mapping */
	vfree(p);
	expect_translation_fault(test, read_word, (unsigned long)p);
}

/*
 * Two vmaps of the same pages, one in reverse order: what is written
 * through one is read through the other, page for page.
 */
static void vmap_aliases(struct kunit *test)
{
	struct page *pages[4], *rev[4];
	u32 *a, *b;

	for (int i = 0; i < 4; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_HIGHMEM);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		rev[3 - i] = pages[i];
	}
	a = vmap(pages, 4, VM_MAP, PAGE_KERNEL);
	b = vmap(rev, 4, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_TRUE(test, in_vmalloc_region(a) && in_vmalloc_region(b));
	for (int i = 0; i < 4; i++) {
		u32 *pa = a + i * PAGE_SIZE / 4;
		u32 *pb = b + (3 - i) * PAGE_SIZE / 4;

		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(pa), pages[i]);
		fill_words(pa, PAGE_SIZE / 4, i);
		KUNIT_EXPECT_EQ(test, check_words(pb, PAGE_SIZE / 4, i),
				PAGE_SIZE / 4);
	}
	show_vmallocinfo();
	vunmap(a);
	vunmap(b);
	expect_translation_fault(test, read_word, (unsigned long)a);
	for (int i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, page_count(pages[i]), 1); /* still ours */
		__free_page(pages[i]);
	}
}

/*
 * A NULL in vmap's page array is Linux's WARN_ON(!page) of
 * vmap_pte_range: NULL back, the pages before it unmapped again and the
 * area given back (the next area of that size lands on the same address,
 * with nothing mapped there), no frame mapped for the NULL.
 */
static void vmap_null_page_warns(struct kunit *test)
{
	struct page *pages[3];
	struct vm_struct *probe;
	unsigned long free;
	void *addr, *v;

	for (int i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_HIGHMEM);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
	/* Where a 3-page area goes now: first fit, so vmap would use it. */
	probe = get_vm_area(3 * PAGE_SIZE, VM_MAP);
	KUNIT_ASSERT_NOT_NULL(test, probe);
	addr = probe->addr;
	free_vm_area(probe);

	free = nr_free_pages();
	pages[2] = pages[1];
	pages[1] = NULL;
	kunit_expect_report(test, "WARNING", "vmap of a NULL page");
	kmap_test_capture_start();
	v = vmap(pages, 3, VM_MAP, PAGE_KERNEL);
	kmap_test_capture_stop();
	KUNIT_EXPECT_NULL(test, v);
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("WARNING: CPU: 0 PID: 0 at "
						   "mm/vmalloc.c:"));
	KUNIT_EXPECT_TRUE(test, kmap_test_captured("vmap_range()"));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
	KUNIT_EXPECT_NULL(test, find_vm_area(addr));
	for (int i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(
			test, vmalloc_to_pfn((char *)addr + i * PAGE_SIZE), 0);
	probe = get_vm_area(3 * PAGE_SIZE, VM_MAP);
	KUNIT_EXPECT_TRUE(test, probe && probe->addr == addr);
	if (probe)
		free_vm_area(probe);
	KUNIT_EXPECT_EQ(test, page_count(pages[0]), 1);
	KUNIT_EXPECT_EQ(test, page_count(pages[2]), 1);
	__free_page(pages[0]);
	__free_page(pages[2]);
}

/*
 * vmalloc and vunmap from an interrupt handler: Linux v5.10's
 * BUG_ON(in_interrupt()). Run in the test's own context with the
 * interrupt depth raised by hand (a BUG in a real handler cannot be
 * survived), which is what in_interrupt() reads.
 */
static void *irq_vmalloc_result;

static void vmalloc_one_page(void *unused)
{
	(void)unused;
	irq_vmalloc_result = vmalloc(PAGE_SIZE);
}

static void vunmap_it(void *addr)
{
	vunmap(addr);
}

static bool bug_in_fake_irq(void (*fn)(void *), void *arg)
{
	bool bugged;

	hardirq_count++;
	bugged = kunit_expect_bug(fn, arg);
	hardirq_count--;
	return bugged;
}

static void vmalloc_in_interrupt_is_a_bug(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long free;
	void *v;

	KUNIT_ASSERT_NOT_NULL(test, page);
	v = vmap(&page, 1, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	free = nr_free_pages();
	irq_vmalloc_result = NULL;
	kunit_expect_report(test, "BUG", "vmalloc from an interrupt");
	kmap_test_capture_start();
	KUNIT_EXPECT_TRUE(test, bug_in_fake_irq(vmalloc_one_page, NULL));
	kmap_test_capture_stop();
	KUNIT_EXPECT_TRUE(test,
			  kmap_test_captured("kernel BUG at mm/vmalloc.c:"));
	KUNIT_EXPECT_NULL(test, irq_vmalloc_result);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free); /* BUG before taking */

	kunit_expect_report(test, "BUG", "vunmap from an interrupt");
	kmap_test_capture_start();
	KUNIT_EXPECT_TRUE(test, bug_in_fake_irq(vunmap_it, v));
	kmap_test_capture_stop();
	KUNIT_EXPECT_TRUE(test,
			  kmap_test_captured("kernel BUG at mm/vmalloc.c:"));
	/* The BUG came first: still mapped, and vunmap works from here. */
	KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(v), page);
	KUNIT_EXPECT_EQ(test, in_interrupt(), 0);
	vunmap(v);
	KUNIT_EXPECT_NULL(test, find_vm_area(v));
	__free_page(page);
}

/*
 * vfree from the tick handler is deferred, as Linux's __vfree_deferred:
 * the area lives on, mapped, until the next vfree or vmalloc from
 * process context, which frees it with its pages.
 */
static void *volatile irq_vfree_addr;

static void vfree_in_irq(void)
{
	void *p = irq_vfree_addr;

	if (p) {
		vfree(p);
		irq_vfree_addr = NULL;
	}
}

static void vfree_from_interrupt_is_deferred(struct kunit *test)
{
	unsigned long start = jiffies, free;
	void *p, *q;

	if (!tick_running()) {
		kunit_skip(test, "no timer tick on this machine");
		return;
	}
	free = nr_free_pages();
	p = vmalloc(2 * PAGE_SIZE);
	q = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, q);
	irq_vfree_addr = p;
	set_tick_hook(vfree_in_irq);
	while (irq_vfree_addr && jiffies - start < 10)
		barrier();
	set_tick_hook(NULL);
	KUNIT_ASSERT_NULL(test, irq_vfree_addr);
	/* Queued, not freed: the handler did not unmap or free a page. */
	KUNIT_EXPECT_NOT_NULL(test, find_vm_area(p));
	KUNIT_EXPECT_LT(test, nr_free_pages(), free);
	KUNIT_EXPECT_NOT_NULL(test, vmalloc_to_page(p));
	vfree(q); /* process context: frees q, then drains the queue */
	KUNIT_EXPECT_NULL(test, find_vm_area(p));
	KUNIT_EXPECT_NULL(test, find_vm_area(q));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
}

static void vfree_rejects_what_it_never_gave(struct kunit *test)
{
	unsigned long warns = vmalloc_kunit_warnings();
	u32 *p = vmalloc(2 * PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, p);
	*p = 7;
	vfree((char *)p + PAGE_SIZE); /* not an area's start */
	vfree((char *)p + 12);	      /* not even page aligned */
	KUNIT_EXPECT_EQ(test, vmalloc_kunit_warnings(), warns + 2);
	KUNIT_EXPECT_EQ(test, *p, 7);
	vfree(p);
	KUNIT_EXPECT_EQ(test, vmalloc_kunit_warnings(), warns + 2);
}

static bool no_free_block_of_order(unsigned int order)
{
	struct zone *zone;

	for_each_zone(zone) if (READ_ONCE(zone->free_area[order]
						  .nr_free)) return false;
	return true;
}

/*
 * Leave no free block of order MAX_ORDER-1 (or MAX_ORDER-2 either) yet
 * plenty of memory free: take every free block of order >= 9 as an
 * order-9 block, then give back the lower half of each pair of buddies
 * we hold. A freed block's buddy stays taken, so none can merge into an
 * order-10 block. Returns how many blocks are still held in *blocks.
 */
static unsigned int fragment_memory(struct page **blocks, unsigned int max)
{
	const gfp_t gfp =
		GFP_KERNEL | __GFP_HIGHMEM | __GFP_MEMALLOC | __GFP_NOWARN;
	const unsigned long half = 1UL << (MAX_ORDER - 2);
	unsigned int n = 0, kept = 0;

	while (n < max && (blocks[n] = alloc_pages(gfp, MAX_ORDER - 2)))
		n++;
	for (unsigned int i = 0; i < n; i++) {
		unsigned long pfn = page_to_pfn(blocks[i]);
		bool buddy_held = false;

		for (unsigned int j = 0; j < n && !(pfn & half); j++)
			buddy_held |= page_to_pfn(blocks[j]) == (pfn ^ half);
		if (buddy_held)
			__free_pages(blocks[i], MAX_ORDER - 2);
		else
			blocks[kept++] = blocks[i];
	}
	return kept;
}

/* Physically discontiguous neighbours among an area's pages. */
static unsigned int count_discontinuities(const struct vm_struct *area)
{
	unsigned int n = 0;

	for (unsigned int i = 1; i < area->nr_pages; i++)
		n += page_to_pfn(area->pages[i]) !=
		     page_to_pfn(area->pages[i - 1]) + 1;
	return n;
}

/*
 * Whether 64 MB can come out of what fragment_memory() left free: its
 * pages, its page array and PTE pages (one per MB at most), above every
 * zone's min watermark. If not, the machine has too little RAM for the
 * case (about half of RAM stays held): the blocks go back and the case
 * is skipped with the numbers, instead of failing.
 */
static bool big_vmalloc_fits(struct kunit *test, struct page **blocks,
			     unsigned int kept)
{
	static char reason[120];
	unsigned long need = BIG_SIZE / PAGE_SIZE, reserve = 0, free;

	need += DIV_ROUND_UP(need * sizeof(struct page *), PAGE_SIZE);
	need += BIG_SIZE / SZ_1M;
	for (int z = 0; z < MAX_NR_ZONES; z++)
		reserve += min_wmark_pages(&NODE_DATA(0)->node_zones[z]);
	free = nr_free_pages();
	if (free >= need + reserve)
		return true;
	for (unsigned int i = 0; i < kept; i++)
		__free_pages(blocks[i], MAX_ORDER - 2);
	kfree(blocks);
	snprintf(reason, sizeof(reason),
		 "needs %lu free pages with no order-10 block left, %lu are "
		 "(%lu MB of RAM)",
		 need + reserve, free, totalram_pages() >> (20 - PAGE_SHIFT));
	kunit_skip(test, reason);
	return false;
}

static void vmalloc_64mb_without_order10(struct kunit *test)
{
	unsigned int max = totalram_pages() / (1UL << (MAX_ORDER - 2)) + 1;
	struct page **blocks = kmalloc_array(max, sizeof(*blocks), GFP_KERNEL);
	unsigned long words = BIG_SIZE / 4;
	struct vm_struct *area;
	unsigned int kept;
	u32 *p;

	/* vmalloc= may shrink the area below 64 MB (down to 16 MB). */
	if (VMALLOC_END - VMALLOC_START < BIG_SIZE + PAGE_SIZE) {
		kfree(blocks);
		kunit_skip(test, "vmalloc area smaller than 64 MB (vmalloc=)");
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, blocks);
	kept = fragment_memory(blocks, max);
	kunit_info(test, "holding %u order-9 blocks, %lu pages free", kept,
		   nr_free_pages());
	if (!big_vmalloc_fits(test, blocks, kept))
		return;
	KUNIT_EXPECT_TRUE(test, no_free_block_of_order(MAX_ORDER - 1));
	p = vmalloc(BIG_SIZE);
	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, no_free_block_of_order(MAX_ORDER - 1));
	if (p) {
		area = find_vm_area(p);
		KUNIT_EXPECT_EQ(test, area->nr_pages, BIG_SIZE / PAGE_SIZE);
		KUNIT_EXPECT_GT(test, count_discontinuities(area), 0);
		check_area_mapping(test, area);
		fill_words(p, words, 0x5eed);
		KUNIT_EXPECT_EQ(test, check_words(p, words, 0x5eed), words);
		vfree(p);
	}
	for (unsigned int i = 0; i < kept; i++)
		__free_pages(blocks[i], MAX_ORDER - 2);
	kfree(blocks);
	/* Everything merges back. */
	KUNIT_EXPECT_FALSE(test, no_free_block_of_order(MAX_ORDER - 1));
}

#define MAX_RESERVED 64

/*
 * Fill the whole region with empty areas (largest first), so vmalloc
 * must fail for lack of address space: NULL, one warning, and nothing
 * else disturbed; then free them and vmalloc works again.
 */
static void vmalloc_region_exhausted(struct kunit *test)
{
	static struct vm_struct *reserved[MAX_RESERVED];
	unsigned long warns, free_before = nr_free_pages();
	unsigned int n = 0;
	u32 *keep, *p;

	keep = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, keep);
	fill_words(keep, PAGE_SIZE / 4, 3);
	for (unsigned long size = BIG_SIZE; size >= PAGE_SIZE; size >>= 1)
		while (n < MAX_RESERVED && (reserved[n] = get_vm_area(size, 0)))
			n++;
	KUNIT_EXPECT_LT(test, n, MAX_RESERVED);
	warns = vmalloc_kunit_warnings();
	p = vmalloc(PAGE_SIZE);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, vmalloc_kunit_warnings(), warns + 1);
	KUNIT_EXPECT_EQ(test, check_words(keep, PAGE_SIZE / 4, 3),
			PAGE_SIZE / 4);
	while (n)
		free_vm_area(reserved[--n]);
	p = vmalloc(16 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	fill_words(p, 16 * PAGE_SIZE / 4, 4);
	KUNIT_EXPECT_EQ(test, check_words(p, 16 * PAGE_SIZE / 4, 4),
			16 * PAGE_SIZE / 4);
	vfree(p);
	vfree(keep);
	KUNIT_EXPECT_EQ(test, vmalloc_kunit_warnings(), warns + 1);
	/* Reservations mapped nothing, so no page table page was added. */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/* PL011 identification registers (PrimeCell): PeriphID0, CellID0. */
#define UART_PERIPH_ID0 0xfe0
#define UART_CELL_ID0 0xff0

static void ioremap_uart(struct kunit *test)
{
	phys_addr_t phys = (phys_addr_t)boot_info.uart_base;
	u8 __iomem *regs;
	struct vm_struct *area;
	pte_t *ptep;

	if (!phys) {
		kunit_skip(test, "no UART on this machine");
		return;
	}
	regs = ioremap(phys, SZ_4K);
	KUNIT_ASSERT_NOT_NULL(test, regs);
	KUNIT_EXPECT_TRUE(test, in_vmalloc_region(regs));
	ptep = virt_to_kpte((unsigned long)regs);
	KUNIT_ASSERT_NOT_NULL(test, ptep);
	KUNIT_EXPECT_EQ(test, *ptep,
			pfn_pte(phys >> PAGE_SHIFT, PAGE_KERNEL_IO));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(regs)); /* no struct page */
	area = find_vm_area((void *)((unsigned long)regs & PAGE_MASK));
	KUNIT_ASSERT_NOT_NULL(test, area);
	KUNIT_EXPECT_EQ(test, area->flags, VM_IOREMAP);
	KUNIT_EXPECT_EQ(test, area->phys_addr, phys & PAGE_MASK);
	KUNIT_EXPECT_EQ(test, readl(regs + UART_PERIPH_ID0) & 0xff, 0x11);
	KUNIT_EXPECT_EQ(test, readl(regs + UART_CELL_ID0) & 0xff, 0x0d);
	show_vmallocinfo();
	iounmap(regs);
	expect_translation_fault(test, read_word, (unsigned long)regs);
}

/* After boot the console no longer uses the earlycon fixmap slot. */
static void earlycon_fixmap_released(struct kunit *test)
{
	if (!boot_info.uart_base) {
		kunit_skip(test, "no UART on this machine");
		return;
	}
	KUNIT_EXPECT_TRUE(test, pte_none(*fixmap_pte(FIX_EARLYCON_MEM_BASE)));
}

/*
 * The boot-time device mappings are vmalloc areas like any other, and
 * ioremap of a range they cover returns them instead of a new mapping.
 */
static void static_mappings_are_areas(struct kunit *test)
{
	void __iomem *p;

	if (!nr_static_vm) {
		kunit_skip(test, "no static device mappings");
		return;
	}
	for (unsigned int i = 0; i < nr_static_vm; i++) {
		struct vm_struct *vm = &static_vmlist[i].vm;

		KUNIT_EXPECT_PTR_EQ(test, find_vm_area(vm->addr), vm);
		KUNIT_EXPECT_TRUE(test, in_vmalloc_region(vm->addr));
		KUNIT_EXPECT_EQ(test, vm->flags,
				VM_IOREMAP | VM_ARM_STATIC_MAPPING);
	}
	p = ioremap(static_vmlist[0].vm.phys_addr + 4, 4);
	KUNIT_EXPECT_PTR_EQ(test, p, (char *)static_vmlist[0].vm.addr + 4);
	iounmap(p); /* a no-op: the mapping stays */
	KUNIT_EXPECT_PTR_EQ(test, find_vm_area(static_vmlist[0].vm.addr),
			    &static_vmlist[0].vm);
	KUNIT_EXPECT_NULL(test, remove_vm_area(static_vmlist[0].vm.addr));
}

/* Mapping RAM as a device would alias it with other attributes. */
static void ioremap_refuses_ram(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, page);
	kunit_expect_report(test, "WARNING", "ioremap of RAM refused");
	KUNIT_EXPECT_NULL(test, ioremap(page_to_phys(page), PAGE_SIZE));
	__free_page(page);
}

static struct kunit_case vmalloc_cases[] = {
	KUNIT_CASE(vmalloc_maps_its_pages),
	KUNIT_CASE(vzalloc_zeroes),
	KUNIT_CASE(guard_page_faults),
	KUNIT_CASE(freed_area_faults),
	KUNIT_CASE(vmap_aliases),
	KUNIT_CASE(vfree_rejects_what_it_never_gave),
	KUNIT_CASE(vmap_null_page_warns),
	KUNIT_CASE(vmalloc_in_interrupt_is_a_bug),
	KUNIT_CASE(vfree_from_interrupt_is_deferred),
	KUNIT_CASE(vmalloc_64mb_without_order10),
	KUNIT_CASE(vmalloc_region_exhausted),
	KUNIT_CASE(ioremap_uart),
	KUNIT_CASE(earlycon_fixmap_released),
	KUNIT_CASE(static_mappings_are_areas),
	KUNIT_CASE(ioremap_refuses_ram),
	{}
};

static struct kunit_suite vmalloc_suite = {
	.name = "vmalloc",
	.test_cases = vmalloc_cases,
};
kunit_test_suite(vmalloc_suite);

/* ---------------------------------------------------------------------
 * Benchmark "vmalloc4": vmalloc(4 pages) + vfree, after one warm-up pair
 * so the PTE page of the range already exists. Nothing else lives in
 * kmalloc-16, so each round also makes and frees the slab of its page
 * array (about 220 instructions of the figure).
 */
#define VMALLOC_BENCH_ROUNDS 64

static void bench_vmalloc(void)
{
	u32 t0, t1;

	vfree(vmalloc(4 * PAGE_SIZE));
	t0 = bench_cycles();
	for (unsigned int i = 0; i < VMALLOC_BENCH_ROUNDS; i++)
		vfree(vmalloc(4 * PAGE_SIZE));
	t1 = bench_cycles();
	bench_report_per_op("vmalloc4", t1 - t0, VMALLOC_BENCH_ROUNDS);
}

static const struct bench vmalloc_bench = {
	.name = "vmalloc",
	.run = bench_vmalloc,
};
bench_register(vmalloc_bench);
