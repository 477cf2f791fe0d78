/*
 * arch/arm/mm/mmu.c: the kernel's page tables (Linux's arch/arm/mm/mmu.c).
 *
 * Builds the final kernel map over the boot sections of boot/head.S:
 * lowmem as 1 MB sections, except the megabytes holding the kernel image,
 * which get 4 KB pages so that text is RX, rodata R/NX and data RW/NX
 * (no RWX mapping survives paging_init); the identity map and everything
 * below the modules area are cleared; the vectors, fixmap and pkmap get
 * PTE pages.
 *
 * The only place that knows descriptor bits is the pair of translators
 * below (sect_bits/pte_bits), which turn arch-neutral memory types into
 * the mem_types[] table, as Linux's build_mem_type_table does.
 */
#include <asm/cacheflush.h>
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/paging.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/smp_plat.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <string.h>

struct mm_struct init_mm = { .pgd = swapper_pg_dir };
struct mem_type_bits mem_types[MT_NR_TYPES];
bool mm_buddy_ready;

enum mem_flags {
	MF_WRITE = 1 << 0,
	MF_EXEC = 1 << 1,
	MF_DEVICE = 1 << 2,
	MF_SHARED = 1 << 3, /* Normal memory on SMP hardware */
};

static const unsigned int mem_type_flags[MT_NR_TYPES] = {
	[MT_MEMORY_RWX] = MF_WRITE | MF_EXEC,
	[MT_MEMORY_RW] = MF_WRITE,
	[MT_MEMORY_RO] = 0,
	[MT_MEMORY_RX] = MF_EXEC,
	[MT_DEVICE] = MF_WRITE | MF_DEVICE,
	[MT_HIGH_VECTORS] = MF_EXEC,
};

/*
 * Translator 1: L1 section bits. Kernel-only access is AP[1:0] = 01
 * (AP_WRITE alone); APX turns that into read-only. Normal memory is
 * write-back write-allocate (TEX=001 C B, no TEX remap), and Shareable (S)
 * on SMP hardware; devices are Shareable Device (B only: that encoding is
 * shareable whatever S says) and never executable.
 */
static pmdval_t sect_bits(unsigned int f)
{
	pmdval_t v = PMD_TYPE_SECT | PMD_SECT_AP_WRITE;

	v |= (f & MF_DEVICE) ? PMD_SECT_BUFFERABLE : PMD_SECT_WBWA;
	if (f & MF_SHARED)
		v |= PMD_SECT_S;
	if (!(f & MF_WRITE))
		v |= PMD_SECT_APX;
	if (!(f & MF_EXEC))
		v |= PMD_SECT_XN;
	return v;
}

/* Translator 2: L2 small-page bits, the same rules at 4 KB. */
static pteval_t pte_bits(unsigned int f)
{
	pteval_t v = PTE_TYPE_SMALL | PTE_EXT_AP0;

	if (f & MF_DEVICE)
		v |= PTE_BUFFERABLE;
	else
		v |= PTE_EXT_TEX(1) | PTE_CACHEABLE | PTE_BUFFERABLE;
	if (f & MF_SHARED)
		v |= PTE_EXT_SHARED;
	if (!(f & MF_WRITE))
		v |= PTE_EXT_APX;
	if (!(f & MF_EXEC))
		v |= PTE_EXT_XN;
	return v;
}

/* The translators' inverse: what a section or small page allows. */
static int sect_kprot(pmdval_t v)
{
	int p = 0;

	if (!(v & PMD_SECT_APX))
		p |= KPROT_WRITE;
	if (!(v & PMD_SECT_XN))
		p |= KPROT_EXEC;
	if (!(v & PMD_SECT_CACHEABLE))
		p |= KPROT_DEVICE;
	return p;
}

static int pte_kprot(pteval_t v)
{
	int p = 0;

	if (!(v & PTE_EXT_APX))
		p |= KPROT_WRITE;
	if (!(v & PTE_EXT_XN))
		p |= KPROT_EXEC;
	if (!(v & PTE_CACHEABLE))
		p |= KPROT_DEVICE;
	return p;
}

int kernel_mapping_prot(unsigned long va, unsigned long *size)
{
	pmdval_t l1 = ((pmd_t *)swapper_pg_dir)[va >> SECTION_SHIFT];
	pteval_t l2;

	*size = SECTION_SIZE - (va & (SECTION_SIZE - 1));
	switch (l1 & PMD_TYPE_MASK) {
	case PMD_TYPE_SECT:
		return sect_kprot(l1);
	case PMD_TYPE_TABLE:
		*size = PAGE_SIZE - (va & ~PAGE_MASK);
		l2 = ((pteval_t *)__va(
			l1 & ~(HWPTE_TABLE_SIZE -
			       1)))[(va >> PAGE_SHIFT) & (PTRS_PER_HWPTE - 1)];
		return (l2 & PTE_TYPE_SMALL) ? pte_kprot(l2) : -1;
	default:
		return -1;
	}
}

/*
 * On SMP hardware (is_smp(), decided by boot/head.S) every mapping of
 * memory is Shareable, sections and pages alike, as Linux's
 * build_mem_type_table() marks them (PMD_SECT_S, L_PTE_SHARED) when
 * is_smp(); head.S gave the boot sections the same bit, so the kernel
 * never sees its memory with two shareability attributes.
 */
void __init build_mem_type_table(void)
{
	for (int t = 0; t < MT_NR_TYPES; t++) {
		unsigned int f = mem_type_flags[t];

		if (is_smp() && !(f & MF_DEVICE))
			f |= MF_SHARED;
		mem_types[t].prot_sect = sect_bits(f);
		mem_types[t].prot_pte = pte_bits(f);
	}
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	/* Past 64 pages one full invalidate is cheaper than per-page ops. */
	if (end - start > 64 * PAGE_SIZE) {
		flush_tlb_all();
		return;
	}
	/*
	 * The PTE writes must be visible to every walker before the TLBIs;
	 * TLBIMVAAIS reaches every CPU's TLB (asm/tlbflush.h).
	 */
	__asm__ __volatile__("dsb ishst" : : : "memory");
	for (start &= PAGE_MASK; start < end; start += PAGE_SIZE)
		__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 3"
				     :
				     : "r"(start));
	__asm__ __volatile__("dsb ish\n\tisb" : : : "memory");
}

static void clean_pmd_entry(pmd_t *pmd)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1\n\tdsb"
			     :
			     : "r"(pmd)
			     : "memory");
}

/*
 * A PTE page comes from memblock until the buddy allocator owns memory,
 * then from the buddy allocator (lowmem: the walker needs its physical
 * address and we need a virtual one).
 */
static unsigned long nr_pte_pages;

unsigned long kernel_pte_pages(void)
{
	return READ_ONCE(nr_pte_pages);
}

static pte_t *alloc_pte_page(void)
{
	pte_t *p;

	if (mm_buddy_ready)
		p = (pte_t *)get_zeroed_page(GFP_KERNEL);
	else
		p = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	if (p)
		nr_pte_pages++; /* never freed: kernel tables stay */
	return p;
}

void pmd_populate_kernel(struct mm_struct *mm, pmd_t *pmd, pte_t *ptep)
{
	phys_addr_t pa = __pa(ptep);

	(void)mm;
	pmd[0] = pa | PMD_TYPE_TABLE;
	pmd[1] = (pa + HWPTE_TABLE_SIZE) | PMD_TYPE_TABLE;
	clean_pmd_entry(&pmd[0]);
	clean_pmd_entry(&pmd[1]);
}

pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr)
{
	if (pmd_none(*pmd)) {
		pte_t *ptep = alloc_pte_page();

		if (!ptep)
			return NULL;
		pmd_populate_kernel(&init_mm, pmd, ptep);
	}
	/* A section here would mean two owners for the same 2 MB. */
	BUG_ON((*pmd & PMD_TYPE_MASK) != PMD_TYPE_TABLE);
	return pte_offset_kernel(pmd, addr);
}

pte_t *virt_to_kpte(unsigned long addr)
{
	pmd_t *pmd = pmd_off_k(addr);

	if ((*pmd & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

static void map_sections(unsigned long virt, phys_addr_t phys,
			 unsigned long size, pmdval_t prot)
{
	for (; size;
	     virt += SECTION_SIZE, phys += SECTION_SIZE, size -= SECTION_SIZE) {
		pmd_t *pmd = pmd_off_k(virt) + ((virt >> SECTION_SHIFT) & 1);

		*pmd = phys | prot;
		clean_pmd_entry(pmd);
	}
}

static void map_pages(unsigned long virt, phys_addr_t phys, unsigned long size,
		      pteval_t prot)
{
	for (; size; virt += PAGE_SIZE, phys += PAGE_SIZE, size -= PAGE_SIZE) {
		pte_t *ptep = pte_alloc_kernel(pmd_off_k(virt), virt);

		BUG_ON(!ptep);
		set_pte_ext(ptep, pfn_pte(phys >> PAGE_SHIFT, prot));
	}
}

void create_mapping(unsigned long virt, phys_addr_t phys, unsigned long size,
		    enum mem_type type)
{
	BUG_ON(!IS_ALIGNED(virt | phys | size, PAGE_SIZE));
	if (IS_ALIGNED(virt | phys | size, SECTION_SIZE) &&
	    type != MT_HIGH_VECTORS)
		map_sections(virt, phys, size, mem_types[type].prot_sect);
	else
		map_pages(virt, phys, size, mem_types[type].prot_pte);
}

/*
 * Clear what head.S left below PAGE_OFFSET (the identity map) and every
 * L1 entry above lowmem except the early fixmap's PTE page.
 */
static void __init prepare_page_table(void)
{
	pmd_t *l1 = (pmd_t *)swapper_pg_dir;
	pmd_t *keep = pmd_off_k(FIXADDR_TOP);
	unsigned int first_high =
		DIV_ROUND_UP((unsigned long)high_memory, SECTION_SIZE);

	for (unsigned int i = 0; i < (PAGE_OFFSET >> SECTION_SHIFT); i++)
		l1[i] = 0;
	for (unsigned int i = first_high; i < PTRS_PER_HWPGD; i++)
		if (&l1[i] != keep && &l1[i] != keep + 1)
			l1[i] = 0;
	local_flush_tlb_all();
}

/* Memory type of a page of the kernel image's megabytes (see linker.ld). */
static enum mem_type __init kernel_page_type(unsigned long va)
{
	if (va >= (unsigned long)_text && va < (unsigned long)__start_rodata)
		return MT_MEMORY_RX;
	if (va >= (unsigned long)__start_rodata &&
	    va < (unsigned long)__init_begin)
		return MT_MEMORY_RO;
	if (va >= (unsigned long)_sinittext &&
	    va < (unsigned long)__init_data_begin)
		return MT_MEMORY_RX;
	if (va >= (unsigned long)__kallsyms_start &&
	    va < (unsigned long)__kallsyms_end)
		return MT_MEMORY_RO;
	return MT_MEMORY_RW;
}

/*
 * Map one 2 MB pmd of lowmem with 4 KB pages: the kernel image's pages get
 * their own types (kernel_page_type), everything else RW/NX, and addresses
 * past high_memory or outside RAM stay unmapped. The PTE page is filled
 * completely before the pmd switches from sections to it, and the old
 * section entries are invalidated at once, so the code running here (the
 * image's pmd) never sees a hole and the TLB never holds both sizes long.
 */
static void __init map_pmd_pages(unsigned long addr)
{
	pte_t *pte = alloc_pte_page();

	BUG_ON(!pte);
	for (unsigned int i = 0; i < PTRS_PER_PTE; i++) {
		unsigned long va = addr + i * PAGE_SIZE;
		phys_addr_t pa = __pa(va);

		if (va >= (unsigned long)high_memory || !memblock_is_memory(pa))
			continue;
		pte[i] = pfn_pte(pa >> PAGE_SHIFT,
				 mem_types[kernel_page_type(va)].prot_pte);
	}
	__cpuc_flush_dcache_area(pte, PAGE_SIZE);
	pmd_populate_kernel(&init_mm, pmd_off_k(addr), pte);
	local_flush_tlb_kernel_page(addr);
	local_flush_tlb_kernel_page(addr + SECTION_SIZE);
}

/* The pmds holding the kernel image, with per-page permissions. */
static void __init map_kernel_image(void)
{
	unsigned long first = ALIGN_DOWN((unsigned long)_text, PMD_SIZE);
	unsigned long last = ALIGN((unsigned long)_end, PMD_SIZE);

	for (unsigned long addr = first; addr < last; addr += PMD_SIZE)
		map_pmd_pages(addr);
	local_flush_tlb_all();
}

/* Is the pmd at physical address pa one of the kernel image's? */
static bool __init is_kernel_pmd(phys_addr_t pa)
{
	return pa >= ALIGN_DOWN(__pa(_text), PMD_SIZE) &&
	       pa < ALIGN(__pa(_end), PMD_SIZE);
}

/* The end of a memblock region, clipped to the lowmem limit. */
static phys_addr_t __init lowmem_end(const struct memblock_region *r)
{
	phys_addr_t end = r->base + r->size;

	return end > arm_lowmem_limit ? arm_lowmem_limit : end;
}

/*
 * The end of the sections boot/head.S mapped for the kernel, from
 * PHYS_OFFSET up to the section holding _end: they are mapped whatever
 * RAM there is, and stay until map_kernel_image() replaces them.
 */
static phys_addr_t __init boot_sections_end(void)
{
	return ALIGN(__pa(_end), SECTION_SIZE);
}

/*
 * Lowmem that starts or ends inside a pmd (mem=300500K, say) has that pmd
 * mapped with pages, as Linux's create_mapping does, so that high_memory
 * stays exact and every byte of RAM below it is mapped. A pmd shared by
 * two regions is done once.
 */
static void __init map_partial_pmd(phys_addr_t pa)
{
	unsigned long va = __phys_to_virt(ALIGN_DOWN(pa, PMD_SIZE));

	if (IS_ALIGNED(pa, PMD_SIZE) || is_kernel_pmd(pa) ||
	    (*pmd_off_k(va) & PMD_TYPE_MASK) == PMD_TYPE_TABLE)
		return;
	map_pmd_pages(va);
}

static void __init map_lowmem_tails(void)
{
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (r->base >= arm_lowmem_limit)
			break;
		map_partial_pmd(r->base);
		map_partial_pmd(lowmem_end(r));
	}
}

/*
 * Linear map of lowmem as RW/NX sections, every whole megabyte of RAM
 * (the kernel's pmd included: with 3 MB of RAM its second megabyte is
 * RAM that early allocations may use). The sections head.S mapped for the
 * image keep their boot mapping until map_kernel_image() replaces them,
 * so the code doing this never loses its own mapping.
 */
static void __init map_lowmem(void)
{
	phys_addr_t boot_end = boot_sections_end();

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];
		phys_addr_t start = ALIGN(r->base, SECTION_SIZE);
		phys_addr_t end = ALIGN_DOWN(lowmem_end(r), SECTION_SIZE);

		for (phys_addr_t pa = start; pa < end; pa += SECTION_SIZE) {
			if (pa >= PHYS_OFFSET && pa < boot_end)
				continue;
			map_sections(__phys_to_virt(pa), pa, SECTION_SIZE,
				     mem_types[MT_MEMORY_RW].prot_sect);
		}
	}
	local_flush_tlb_all();
}

/*
 * The memblock limit while map_kernel_image() and map_lowmem_tails()
 * allocate their PTE pages: all RAM below it must already be mapped, by
 * head.S's boot sections or by map_lowmem()'s. The first region boundary
 * that is not on a section (past the boot sections) ends that, and the
 * limit is then rounded down to a pmd as Linux's adjust_lowmem_bounds
 * does; head.S's sections always count, so the smallest RAM the kernel
 * accepts (see arm_memblock_init) still has room to allocate.
 */
static phys_addr_t __init early_alloc_limit(void)
{
	phys_addr_t boot_end = min(boot_sections_end(), arm_lowmem_limit);
	phys_addr_t limit = arm_lowmem_limit;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		phys_addr_t end = lowmem_end(r);

		if (r->base >= arm_lowmem_limit)
			break;
		if (!IS_ALIGNED(r->base, SECTION_SIZE) && r->base > boot_end) {
			limit = r->base;
			break;
		}
		if (!IS_ALIGNED(end, SECTION_SIZE) && end > boot_end) {
			limit = end;
			break;
		}
	}
	return max(ALIGN_DOWN(limit, PMD_SIZE), boot_end);
}

extern char __vectors_start[], __vectors_end[];
extern char __stubs_start[], __stubs_end[];

/*
 * Exceptions have gone through VBAR (__vectors_early, set by boot/head.S)
 * so far; from here on they use the vector page at 0xffff0000, as Linux.
 */
static void __init use_high_vectors(void)
{
	u32 cr;

	__asm__ __volatile__("mrc p15, 0, %0, c1, c0, 0" : "=r"(cr));
	cr |= CR_V;
	__asm__ __volatile__("mcr p15, 0, %0, c1, c0, 0\n\tisb"
			     :
			     : "r"(cr)
			     : "memory");
}

/*
 * Linux's early_trap_init + devicemaps_init: page 0 holds the vectors
 * (the rest filled with an undefined instruction, so a stray jump traps),
 * page 1 the stubs; mapped read-only/executable at 0xffff0000, then
 * SCTLR.V switches the exception entry there.
 */
static void __init devicemaps_init(void)
{
	char *vectors = memblock_alloc(2 * PAGE_SIZE, PAGE_SIZE);
	u32 *p = (u32 *)vectors;

	BUG_ON(!vectors);
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = 0xe7fddef1;
	memcpy(vectors, __vectors_start, __vectors_end - __vectors_start);
	memcpy(vectors + PAGE_SIZE, __stubs_start, __stubs_end - __stubs_start);
	__cpuc_flush_dcache_area(vectors, 2 * PAGE_SIZE);
	create_mapping(VECTORS_BASE, __pa(vectors), 2 * PAGE_SIZE,
		       MT_HIGH_VECTORS);
	flush_icache_range(VECTORS_BASE, VECTORS_BASE + 2 * PAGE_SIZE);
	local_flush_tlb_all();
	use_high_vectors();
}

/*
 * pkmap_page_table: the one PTE page behind the 2 MB pkmap window
 * (LAST_PKMAP == PTRS_PER_PTE); then the fixmap's PTE pages.
 */
pte_t *pkmap_page_table;

static void __init kmap_init(void)
{
	pkmap_page_table = pte_alloc_kernel(pmd_off_k(PKMAP_BASE), PKMAP_BASE);
	BUG_ON(!pkmap_page_table);
	fixmap_init();
}

void __init paging_init(void)
{
	prepare_page_table();
	map_lowmem();
	/* Until here, only head.S's sections could be allocated from. */
	memblock_set_current_limit(early_alloc_limit());
	map_kernel_image();
	map_lowmem_tails();
	devicemaps_init();
	kmap_init();
	bootmem_init();
	kmap_atomic_init(); /* needs mem_map, from bootmem_init */
}
