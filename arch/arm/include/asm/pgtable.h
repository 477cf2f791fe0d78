/*
 * Kernel page tables with Linux's two-level names over ARM short
 * descriptors.
 *
 * As in Linux, a "pgd/pmd" entry covers 2 MB and is a pair of hardware L1
 * words (each 1 MB), and one 4 KB "PTE page" serves one pmd: its first
 * 2 KB are the two hardware L2 tables back to back, so pte_offset_kernel()
 * indexes 512 entries (PTRS_PER_PTE) directly and pkmap_page_table[nr] is
 * the PTE of PKMAP_ADDR(nr). Linux keeps software "Linux PTEs" in the other
 * half; hikern has no user space or swap, so pte_t is the hardware
 * small-page descriptor itself and the upper 2 KB stay unused.
 *
 * Protections (pgprot_t) are hardware bits computed once at boot from
 * arch-neutral memory types by the two translators in arch/arm/mm/mmu.c
 * (Linux's build_mem_type_table); nothing else knows descriptor bits.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <asm/memory.h>
#include <asm/patch.h>
#include <linux/types.h>

typedef u32 pteval_t;
typedef u32 pmdval_t;
typedef pteval_t pte_t;
typedef pmdval_t pmd_t;
typedef pmdval_t pgd_t[2];
typedef pteval_t pgprot_t;

#define PTRS_PER_PGD 2048
#define PGDIR_SHIFT PMD_SHIFT

/* Arch-neutral memory types; mmu.c turns each into section/PTE bits. */
enum mem_type {
	MT_MEMORY_RWX, /* boot only */
	MT_MEMORY_RW,
	MT_MEMORY_RO,
	MT_MEMORY_RX,
	MT_DEVICE,
	MT_HIGH_VECTORS,
	MT_NR_TYPES,
};

struct mem_type_bits {
	pteval_t prot_pte;
	pmdval_t prot_sect;
};
extern struct mem_type_bits mem_types[MT_NR_TYPES];

#define PAGE_KERNEL (mem_types[MT_MEMORY_RW].prot_pte)
#define PAGE_KERNEL_RO (mem_types[MT_MEMORY_RO].prot_pte)
#define PAGE_KERNEL_EXEC (mem_types[MT_MEMORY_RX].prot_pte)
#define PAGE_KERNEL_IO (mem_types[MT_DEVICE].prot_pte)
#define kmap_prot PAGE_KERNEL

struct mm_struct {
	pgd_t *pgd;
};
extern struct mm_struct init_mm;
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

#define pgd_index(addr) ((addr) >> PGDIR_SHIFT)
#define pgd_offset_k(addr) (&swapper_pg_dir[pgd_index(addr)])

/* pud and pmd are folded: the pmd is the first word of the pgd pair. */
static inline pmd_t *pmd_off_k(unsigned long addr)
{
	return (pmd_t *)pgd_offset_k(addr);
}

static inline bool pmd_none(pmd_t pmd)
{
	return pmd == 0;
}

/* Kernel virtual address of the PTE page a table pmd points to. */
static inline pte_t *pmd_page_vaddr(pmd_t pmd)
{
	return (pte_t *)__va(pmd & PAGE_MASK);
}

static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return pmd_page_vaddr(*pmd) + pte_index(addr);
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return ((pteval_t)pfn << PAGE_SHIFT) | prot;
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte >> PAGE_SHIFT;
}

static inline bool pte_none(pte_t pte)
{
	return pte == 0;
}

#define mk_pte(page, prot) pfn_pte(page_to_pfn(page), prot)
#define pte_page(pte) pfn_to_page(pte_pfn(pte))

/*
 * Store a PTE. Whether the table walker sees the store without a cache
 * clean depends on the core: ID_MMFR3's coherent-walk field says so
 * (QEMU's Cortex-A15 walks coherently, its Cortex-A9 does not). Each
 * store is followed by a clean to the point of unification (one line
 * op) recorded as a PATCH_WALK_COHERENT site (asm/patch.h); on a core
 * with coherent walks, pte_clean_init() turns every recorded clean into a
 * NOP at boot, before the kernel text becomes read-only (Linux's SMP
 * kernels likewise issue no clean), so the choice costs nothing on the
 * hot paths either way.
 */
static inline void set_pte_ext(pte_t *ptep, pte_t pte)
{
	*ptep = pte;
	__asm__ __volatile__(
		"1:	mcr p15, 0, %0, c7, c11, 1\n" PATCH_SITE(
			"1b", "0", PATCH_WALK_COHERENT)
		:
		: "r"(ptep)
		: "memory");
}

/* True once pte_clean_init() found coherent table walks. */
extern bool pte_walk_coherent;
/* Read ID_MMFR3, patch the cleans if not needed, say which (once). */
void pte_clean_init(void);

#define set_pte_at(mm, addr, ptep, pte) set_pte_ext(ptep, pte)
#define pte_clear(mm, addr, ptep) set_pte_ext(ptep, 0)

/* Hook a PTE page (kernel virtual address) under a pmd. */
void pmd_populate_kernel(struct mm_struct *mm, pmd_t *pmd, pte_t *ptep);
/* The PTE for addr, allocating its PTE page from memblock/buddy if absent. */
pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr);
/* Map [virt, virt+size) to phys with a memory type (pages or sections). */
void create_mapping(unsigned long virt, phys_addr_t phys, unsigned long size,
		    enum mem_type type);
/* The PTE currently mapping a kernel address, or NULL (no table). */
pte_t *virt_to_kpte(unsigned long addr);

#endif /* _ASM_PGTABLE_H */
