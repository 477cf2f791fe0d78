/*
 * kernel/console/cmd_highmem.c: highmem at the keyboard: alloc, free,
 * kmap, kunmap, kmap_atomic, pkmap and fixmap.
 *
 * The console keeps its own books of what it allocated and kmapped
 * (console_pages[], console_kmaps[]), so that `free` of a page it did
 * not allocate and an unbalanced `kunmap` are refused with one error line
 * instead of reaching the allocator or the pkmap window, where they would
 * be a BUG. Both books are bounded, which also bounds the pkmap slots
 * the console can hold well below LAST_PKMAP: a `kmap` never has to wait.
 */
#include <asm/highmem.h>
#include <hikern/console.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <string.h>

#define CONSOLE_MAX_PAGES 64
#define CONSOLE_MAX_KMAPS 64
#define CONSOLE_MAX_KMAP_USES 1000

static struct {
	unsigned long pfn;
	unsigned int order;
	bool used;
} console_pages[CONSOLE_MAX_PAGES];

static struct {
	unsigned long pfn;
	unsigned int count; /* 0: entry free */
} console_kmaps[CONSOLE_MAX_KMAPS];

/* Is the page frame RAM (in a memblock memory region)? */
static bool pfn_is_ram(unsigned long pfn)
{
	phys_addr_t pa = PFN_PHYS(pfn);
	struct memblock_region *rgn;

	if (!pfn_valid(pfn))
		return false;
	for_each_mem_region(rgn) if (pa >= rgn->base &&
				     pa - rgn->base < rgn->size) return true;
	return false;
}

/* Parse a pfn that is RAM, or print why not. */
static int parse_ram_pfn(const char *cmd, const char *arg, unsigned long *pfn)
{
	if (!console_parse_ulong(arg, pfn))
		return CMD_USAGE;
	if (!pfn_is_ram(*pfn)) {
		pr_info("%s: pfn 0x%lx is not RAM (RAM is pfn 0x%lx-0x%lx)\n",
			cmd, *pfn, min_low_pfn, max_pfn - 1);
		return CMD_FAILED;
	}
	return 0;
}

static const char *pfn_zone_name(unsigned long pfn)
{
	return PageHighMem(pfn_to_page(pfn)) ? "HighMem" : "Normal";
}

static int cmd_alloc(int argc, char **argv)
{
	unsigned long order;
	gfp_t gfp = GFP_KERNEL | __GFP_NOWARN;
	struct page *page;
	int i;

	if (argc < 2 || argc > 3 || !console_parse_ulong(argv[1], &order) ||
	    (argc == 3 && strcmp(argv[2], "high")))
		return CMD_USAGE;
	if (order >= MAX_ORDER) {
		pr_info("alloc: order %lu is above MAX_ORDER - 1 = %d\n", order,
			MAX_ORDER - 1);
		return CMD_FAILED;
	}
	for (i = 0; i < CONSOLE_MAX_PAGES && console_pages[i].used; i++)
		;
	if (i == CONSOLE_MAX_PAGES) {
		pr_info("alloc: the console holds %d blocks already: free "
			"one first\n",
			CONSOLE_MAX_PAGES);
		return CMD_FAILED;
	}
	if (argc == 3)
		gfp |= __GFP_HIGHMEM;
	page = alloc_pages(gfp, order);
	if (!page) {
		pr_info("alloc: no free block of order %lu\n", order);
		return CMD_FAILED;
	}
	console_pages[i].pfn = page_to_pfn(page);
	console_pages[i].order = order;
	console_pages[i].used = true;
	pr_info("alloc: order %lu: pfn 0x%lx-0x%lx (%lu pages, %s, phys "
		"0x%08lx)\n",
		order, page_to_pfn(page),
		page_to_pfn(page) + (1UL << order) - 1, 1UL << order,
		pfn_zone_name(page_to_pfn(page)),
		(unsigned long)page_to_phys(page));
	return 0;
}
CONSOLE_CMD(alloc, "ORDER [high]",
	    "alloc_pages(GFP_KERNEL[|__GFP_HIGHMEM], ORDER): print the pfns",
	    cmd_alloc, 0);

static int cmd_free(int argc, char **argv)
{
	unsigned long pfn, order;
	int i;

	if (argc != 3 || !console_parse_ulong(argv[1], &pfn) ||
	    !console_parse_ulong(argv[2], &order))
		return CMD_USAGE;
	for (i = 0; i < CONSOLE_MAX_PAGES; i++)
		if (console_pages[i].used && console_pages[i].pfn == pfn &&
		    console_pages[i].order == order)
			break;
	if (i == CONSOLE_MAX_PAGES) {
		pr_info("free: pfn 0x%lx order %lu was not allocated by alloc "
			"here: refused\n",
			pfn, order);
		return CMD_FAILED;
	}
	__free_pages(pfn_to_page(pfn), order);
	console_pages[i].used = false;
	pr_info("free: pfn 0x%lx order %lu freed\n", pfn, order);
	return 0;
}
CONSOLE_CMD(free, "PFN ORDER", "__free_pages() of a block alloc gave", cmd_free,
	    0);

static int kmap_entry(unsigned long pfn, bool create)
{
	int i, empty = -1;

	for (i = 0; i < CONSOLE_MAX_KMAPS; i++) {
		if (console_kmaps[i].count && console_kmaps[i].pfn == pfn)
			return i;
		if (!console_kmaps[i].count && empty < 0)
			empty = i;
	}
	if (create && empty >= 0)
		console_kmaps[empty].pfn = pfn;
	return create ? empty : -1;
}

static int cmd_kmap(int argc, char **argv)
{
	unsigned long pfn;
	void *addr;
	int ret, e;

	if (argc != 2)
		return CMD_USAGE;
	ret = parse_ram_pfn("kmap", argv[1], &pfn);
	if (ret)
		return ret;
	if (!PageHighMem(pfn_to_page(pfn))) {
		pr_info("kmap: pfn 0x%lx is lowmem: always mapped at 0x%p, "
			"kmap has nothing to do\n",
			pfn, lowmem_page_address(pfn_to_page(pfn)));
		return CMD_FAILED;
	}
	e = kmap_entry(pfn, true);
	if (e < 0 || console_kmaps[e].count >= CONSOLE_MAX_KMAP_USES) {
		pr_info("kmap: the console holds too many kmaps: kunmap some "
			"first\n");
		return CMD_FAILED;
	}
	addr = kmap(pfn_to_page(pfn));
	console_kmaps[e].count++;
	pr_info("kmap: pfn 0x%lx -> 0x%p (the console holds %u)\n", pfn, addr,
		console_kmaps[e].count);
	pkmap_show_slot(PKMAP_NR(addr));
	return 0;
}
CONSOLE_CMD(kmap, "PFN", "kmap() a HighMem page: address, slot count, PTE",
	    cmd_kmap, 0);

static int cmd_kunmap(int argc, char **argv)
{
	unsigned long pfn;
	struct page *page;
	void *addr;
	int ret, e;

	if (argc != 2)
		return CMD_USAGE;
	ret = parse_ram_pfn("kunmap", argv[1], &pfn);
	if (ret)
		return ret;
	e = kmap_entry(pfn, false);
	if (e < 0) {
		pr_info("kunmap: pfn 0x%lx is not kmapped by the console: "
			"unbalanced kunmap refused\n",
			pfn);
		return CMD_FAILED;
	}
	page = pfn_to_page(pfn);
	addr = highmem_page_address(page);
	kunmap(page);
	console_kmaps[e].count--;
	pr_info("kunmap: pfn 0x%lx at 0x%p (the console holds %u)\n", pfn, addr,
		console_kmaps[e].count);
	if (addr)
		pkmap_show_slot(PKMAP_NR(addr));
	return 0;
}
CONSOLE_CMD(kunmap, "PFN", "kunmap() a page kmap mapped here", cmd_kunmap, 0);

static int cmd_kmap_atomic(int argc, char **argv)
{
	unsigned long pfn;
	void *addr;
	pte_t *ptep;
	int ret;

	if (argc != 2)
		return CMD_USAGE;
	ret = parse_ram_pfn("kmap_atomic", argv[1], &pfn);
	if (ret)
		return ret;
	addr = kmap_atomic(pfn_to_page(pfn));
	pr_info("kmap_atomic: pfn 0x%lx (%s) -> 0x%p\n", pfn,
		pfn_zone_name(pfn), addr);
	kmap_atomic_show_addr(addr);
	kunmap_atomic(addr);
	ptep = virt_to_kpte((unsigned long)addr);
	if (PageHighMem(pfn_to_page(pfn)) && ptep)
		pr_info("kunmap_atomic: 0x%p unmapped, pte now 0x%08lx\n", addr,
			(unsigned long)*ptep);
	return 0;
}
CONSOLE_CMD(kmap_atomic, "PFN",
	    "kmap_atomic() a page: the fixmap slot and PTE, then unmap",
	    cmd_kmap_atomic, 0);

CONSOLE_SIMPLE_CMD(pkmap, pkmap_show, "pkmap slots in use: page, count, PTE");
CONSOLE_SIMPLE_CMD(fixmap, kmap_atomic_show,
		   "occupied kmap_atomic slots of every CPU");
