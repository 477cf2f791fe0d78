/*
 * arch/arm/mm/dump.c: walk the kernel page tables and check that no
 * mapping is both writable and executable (Linux's CONFIG_DEBUG_WX,
 * ptdump_check_wx). Decoding the descriptors is mmu.c's business, so this
 * file asks mmu.c (kernel_mapping_prot) rather than reading bits itself.
 */
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/paging.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgtable.h>
#include <linux/kernel.h>
#include <linux/printk.h>

/*
 * Calls fn for each mapped page or section; stops at the first for which
 * fn returns true and stores its address in *found (VA 0 included: a
 * stray low mapping is exactly what the W+X check must see).
 */
static bool walk(bool (*fn)(unsigned long va, unsigned int prot),
		 unsigned long *found)
{
	unsigned long va = 0;

	do {
		unsigned long size;
		int prot = kernel_mapping_prot(va, &size);

		if (prot >= 0 && fn(va, (unsigned int)prot)) {
			*found = va;
			return true;
		}
		va += size;
	} while (va);
	return false;
}

static bool is_wx(unsigned long va, unsigned int prot)
{
	(void)va;
	return (prot & KPROT_WRITE) && (prot & KPROT_EXEC);
}

bool find_wx_mapping(unsigned long *va)
{
	return walk(is_wx, va);
}

void ptdump_check_wx(void)
{
	unsigned long va;

	if (find_wx_mapping(&va))
		pr_warn("arm/mm: Found insecure W+X mapping at address %08lx\n",
			va);
	else
		pr_info("Checked W+X mappings: passed, no W+X pages found\n");
}

/* ------------------------------------------------------------------ */
/*
 * The console's views of the page tables: `ptdump` (Linux's
 * /sys/kernel/debug/kernel_page_tables) and `pagewalk` (Linux's
 * show_pte, with every field decoded). Unlike the W+X check above these
 * read descriptor bits themselves: naming a memory type is decoding.
 */

/* TEX[2:0], C, B with TEX remap off, as Linux's ptdump names them. */
static const char *mem_type_name(unsigned int tex, bool c, bool b)
{
	static const char *const tex0[4] = { "SO/UNCACHED", "DEV/SHARED",
					     "MEM/CACHED/WT",
					     "MEM/CACHED/WBRA" };

	if (tex == 0)
		return tex0[(c << 1) | b];
	if (tex == 1 && !c && !b)
		return "MEM/BUFFERABLE/WC";
	if (tex == 1 && c && b)
		return "MEM/CACHED/WBWA";
	if (tex == 2 && !c && !b)
		return "DEV/NONSHARED";
	return "MEM/OTHER";
}

/* The attributes of one mapping, comparable between neighbours. */
struct pt_attr {
	bool mapped, section, user, ro, nx, shared;
	const char *type;
};

static void sect_attr(pmdval_t v, struct pt_attr *a)
{
	a->mapped = a->section = true;
	a->user = v & PMD_SECT_AP_READ;
	a->ro = v & PMD_SECT_APX;
	a->nx = v & PMD_SECT_XN;
	a->shared = v & PMD_SECT_S;
	a->type = mem_type_name((v >> 12) & 7, v & PMD_SECT_CACHEABLE,
				v & PMD_SECT_BUFFERABLE);
}

static void pte_attr(pteval_t v, struct pt_attr *a)
{
	a->mapped = true;
	a->section = false;
	a->user = v & PTE_EXT_AP1;
	a->ro = v & PTE_EXT_APX;
	a->nx = v & PTE_EXT_XN;
	a->shared = v & PTE_EXT_SHARED;
	a->type = mem_type_name((v >> 6) & 7, v & PTE_CACHEABLE,
				v & PTE_BUFFERABLE);
}

static bool pt_attr_equal(const struct pt_attr *a, const struct pt_attr *b)
{
	return a->mapped == b->mapped && a->section == b->section &&
	       a->user == b->user && a->ro == b->ro && a->nx == b->nx &&
	       a->shared == b->shared && a->type == b->type;
}

/* The L1 entry the walker uses for va (each pgd_t is a pair of them). */
static pmdval_t l1_entry(unsigned long va)
{
	return ((pmd_t *)swapper_pg_dir)[va >> SECTION_SHIFT];
}

/* The hardware L2 table an L1 table entry points to, by its linear map. */
static const pteval_t *l2_table(pmdval_t l1)
{
	return (const pteval_t *)__va(l1 & ~(HWPTE_TABLE_SIZE - 1));
}

/* The attributes at va and how far they hold (to the next entry). */
static unsigned long pt_lookup(unsigned long va, struct pt_attr *a)
{
	pmdval_t l1 = l1_entry(va);
	pteval_t l2;

	a->mapped = false;
	switch (l1 & PMD_TYPE_MASK) {
	case PMD_TYPE_SECT:
		sect_attr(l1, a);
		return SECTION_SIZE - (va & (SECTION_SIZE - 1));
	case PMD_TYPE_TABLE:
		l2 = l2_table(l1)[(va >> PAGE_SHIFT) & (PTRS_PER_HWPTE - 1)];
		if (l2 & PTE_TYPE_SMALL)
			pte_attr(l2, a);
		return PAGE_SIZE;
	default:
		return SECTION_SIZE - (va & (SECTION_SIZE - 1));
	}
}

struct addr_marker {
	unsigned long start;
	const char *name;
};

static void pt_print_range(unsigned long start, unsigned long end,
			   const struct pt_attr *a)
{
	static const char units[] = "KMG";
	unsigned long size = (end - start) >> 10;
	const char *unit = units;

	while (!(size & 1023) && unit[1]) {
		size >>= 10;
		unit++;
	}
	pr_info("0x%08lx-0x%08lx   %9lu%c %s %s %s %s %s %s\n", start, end,
		size, *unit, a->user ? "USR" : "   ", a->ro ? "ro" : "RW",
		a->nx ? "NX" : "x ", a->shared ? "SHD" : "   ", a->type,
		a->section ? "section" : "page");
}

/* Print the marker of [va, ...) if one starts there; advance *m past it. */
static bool pt_marker(const struct addr_marker *mk, unsigned int n,
		      unsigned int *m, unsigned long va)
{
	bool crossed = false;

	while (*m < n && mk[*m].start <= va) {
		if (mk[*m].start == va || !crossed)
			pr_info("---[ %s ]---\n", mk[*m].name);
		crossed = true;
		(*m)++;
	}
	return crossed;
}

/**
 * ptdump_show - print the kernel page tables as Linux's kernel_page_tables
 *
 * Every run of neighbouring entries with the same attributes is one line:
 * range, size, USR, ro/RW, NX/x, SHD, the memory type, and whether the
 * entries are sections or pages; "---[ name ]---" lines mark the regions
 * of the layout block.
 *
 * Context: process context; reads the tables without a lock (a mapping
 * made meanwhile may or may not show). Does not sleep.
 */
void ptdump_show(void)
{
	const struct addr_marker mk[] = {
		{ MODULES_VADDR, "Modules" },
		{ PKMAP_BASE, "Kmap Area" },
		{ PAGE_OFFSET, "Kernel Mapping" },
		{ VMALLOC_START, "vmalloc() Area" },
		{ VMALLOC_END, "vmalloc() End" },
		{ FIXADDR_START, "Fixmap Area" },
		{ VECTORS_BASE, "Vectors" },
		{ VECTORS_BASE + PAGE_SIZE * 2, "Vectors End" },
	};
	struct pt_attr cur = { 0 }, next;
	unsigned long va = 0, start = 0, step;
	unsigned int m = 0;

	do {
		step = pt_lookup(va, &next);
		if (!pt_attr_equal(&cur, &next) ||
		    (m < ARRAY_SIZE(mk) && mk[m].start <= va)) {
			if (cur.mapped)
				pt_print_range(start, va, &cur);
			pt_marker(mk, ARRAY_SIZE(mk), &m, va);
			cur = next;
			start = va;
		}
		va += step;
	} while (va);
	if (cur.mapped)
		pt_print_range(start, 0, &cur);
}

static void pagewalk_l1(unsigned long addr, const pmd_t *pmd, pmdval_t l1)
{
	pr_info("L1 [0x%08lx] index %lu: 0x%08lx ", (unsigned long)pmd,
		addr >> SECTION_SHIFT, (unsigned long)l1);
	switch (l1 & PMD_TYPE_MASK) {
	case PMD_TYPE_SECT:
		pr_cont("section: phys 0x%08lx, AP[2:0] %lu%lu%lu, XN %lu, "
			"TEX %lu C %lu B %lu, S %lu, nG %lu, domain %lu\n",
			(unsigned long)(l1 & ~(SECTION_SIZE - 1)),
			(unsigned long)!!(l1 & PMD_SECT_APX),
			(unsigned long)!!(l1 & PMD_SECT_AP_READ),
			(unsigned long)!!(l1 & PMD_SECT_AP_WRITE),
			(unsigned long)!!(l1 & PMD_SECT_XN),
			(unsigned long)(l1 >> 12) & 7,
			(unsigned long)!!(l1 & PMD_SECT_CACHEABLE),
			(unsigned long)!!(l1 & PMD_SECT_BUFFERABLE),
			(unsigned long)!!(l1 & PMD_SECT_S),
			(unsigned long)!!(l1 & PMD_SECT_nG),
			(unsigned long)(l1 >> 5) & 15);
		break;
	case PMD_TYPE_TABLE:
		pr_cont("page table: L2 at phys 0x%08lx, domain %lu\n",
			(unsigned long)(l1 & ~(HWPTE_TABLE_SIZE - 1)),
			(unsigned long)(l1 >> 5) & 15);
		break;
	default:
		pr_cont("fault (nothing mapped)\n");
	}
}

static void pagewalk_l2(unsigned long addr, pmdval_t l1)
{
	const pteval_t *pte =
		l2_table(l1) + ((addr >> PAGE_SHIFT) & (PTRS_PER_HWPTE - 1));
	pteval_t l2 = *pte;

	pr_info("L2 [0x%08lx] index %lu: 0x%08lx ", (unsigned long)pte,
		(addr >> PAGE_SHIFT) & (PTRS_PER_HWPTE - 1), (unsigned long)l2);
	if (!(l2 & PTE_TYPE_SMALL)) {
		pr_cont("fault (nothing mapped)\n");
		return;
	}
	pr_cont("small page: pfn 0x%05lx phys 0x%08lx, AP[2:0] %lu%lu%lu, "
		"XN %lu, TEX %lu C %lu B %lu, S %lu, nG %lu\n",
		(unsigned long)pte_pfn(l2), (unsigned long)(l2 & PAGE_MASK),
		(unsigned long)!!(l2 & PTE_EXT_APX),
		(unsigned long)!!(l2 & PTE_EXT_AP1),
		(unsigned long)!!(l2 & PTE_EXT_AP0),
		(unsigned long)!!(l2 & PTE_EXT_XN),
		(unsigned long)(l2 >> 6) & 7,
		(unsigned long)!!(l2 & PTE_CACHEABLE),
		(unsigned long)!!(l2 & PTE_BUFFERABLE),
		(unsigned long)!!(l2 & PTE_EXT_SHARED),
		(unsigned long)!!(l2 & PTE_EXT_NG));
}

/**
 * pagewalk_show - print the walk of one virtual address, decoded
 * @addr: the kernel virtual address
 *
 * Linux's show_pte line ("[addr] *pgd=..., *pte=...") first, then the L1
 * descriptor and, under a page table, the L2 descriptor, each with its
 * address, index and every field; then what the walk ends in: the
 * physical address and the attributes as ptdump prints them.
 *
 * Context: any context; reads without a lock. Does not sleep.
 */
void pagewalk_show(unsigned long addr)
{
	const pmd_t *pmd = (pmd_t *)swapper_pg_dir + (addr >> SECTION_SHIFT);
	pmdval_t l1 = *pmd;
	struct pt_attr a;
	pteval_t l2 = 0;
	phys_addr_t pa;

	if ((l1 & PMD_TYPE_MASK) == PMD_TYPE_TABLE)
		l2 = l2_table(l1)[(addr >> PAGE_SHIFT) & (PTRS_PER_HWPTE - 1)];
	pr_info("pgd = 0x%p\n", (void *)swapper_pg_dir);
	if ((l1 & PMD_TYPE_MASK) == PMD_TYPE_TABLE)
		pr_info("[%08lx] *pgd=%08lx, *pte=%08lx\n", addr,
			(unsigned long)l1, (unsigned long)l2);
	else
		pr_info("[%08lx] *pgd=%08lx\n", addr, (unsigned long)l1);
	pagewalk_l1(addr, pmd, l1);
	if ((l1 & PMD_TYPE_MASK) == PMD_TYPE_TABLE)
		pagewalk_l2(addr, l1);
	pt_lookup(addr, &a);
	if (!a.mapped) {
		pr_info("0x%08lx: not mapped\n", addr);
		return;
	}
	pa = a.section ?
		     (l1 & ~(SECTION_SIZE - 1)) | (addr & (SECTION_SIZE - 1)) :
		     (l2 & PAGE_MASK) | (addr & ~PAGE_MASK);
	pr_info("0x%08lx -> phys 0x%08lx: %s %s %s %s %s\n", addr,
		(unsigned long)pa, a.ro ? "ro" : "RW", a.nx ? "NX" : "x",
		a.shared ? "SHD" : "non-shared", a.type,
		a.section ? "section" : "page");
}
