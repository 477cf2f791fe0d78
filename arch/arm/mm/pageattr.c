/*
 * arch/arm/mm/pageattr.c: change the permissions of kernel pages mapped
 * with 4 KB PTEs (Linux's set_memory_ro/rw/x/nx, arch/arm/mm/pageattr.c).
 * The module loader maps a module's text read-only and executable and
 * its data never-executable with them.
 *
 * A PTE here is the frame number plus one of mmu.c's memory types
 * (mem_types[].prot_pte), so the current permission is read back by
 * finding which type a PTE carries, and the new one is written as the
 * type with the asked-for change: no descriptor bit is known here. A
 * request that would make a page writable and executable is refused
 * with a WARNING: no W+X mapping exists after boot (arch/arm/mm/dump.c
 * checks that at boot; the module suite checks module pages).
 */
#include <asm/pgtable.h>
#include <asm/set_memory.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>

enum { CHANGE_RO, CHANGE_RW, CHANGE_X, CHANGE_NX };

/* The type a PTE's protection bits are, or MT_NR_TYPES. */
static enum mem_type pte_mem_type(pte_t pte)
{
	for (int t = 0; t < MT_NR_TYPES; t++)
		if ((pte & ~PAGE_MASK) == mem_types[t].prot_pte)
			return (enum mem_type)t;
	return MT_NR_TYPES;
}

static int new_mem_type(enum mem_type old, int change, enum mem_type *out)
{
	bool ro = old == MT_MEMORY_RO || old == MT_MEMORY_RX;
	bool x = old == MT_MEMORY_RX || old == MT_MEMORY_RWX;

	if (old != MT_MEMORY_RW && old != MT_MEMORY_RO && old != MT_MEMORY_RX &&
	    old != MT_MEMORY_RWX)
		return -EINVAL;
	ro = change == CHANGE_RO ? true : change == CHANGE_RW ? false : ro;
	x = change == CHANGE_X ? true : change == CHANGE_NX ? false : x;
	if (!ro && x)
		return -EINVAL; /* W+X */
	*out = ro ? (x ? MT_MEMORY_RX : MT_MEMORY_RO) : MT_MEMORY_RW;
	return 0;
}

static int change_memory(unsigned long addr, int numpages, int change)
{
	unsigned long start = addr & PAGE_MASK;
	unsigned long end = start + ((unsigned long)numpages << PAGE_SHIFT);

	if (WARN_ON(addr & ~PAGE_MASK) || numpages <= 0)
		return -EINVAL;
	/* Check every page first: all change, or none. */
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		pte_t *ptep = virt_to_kpte(a);
		enum mem_type t;

		if (WARN_ON(!ptep || pte_none(*ptep)) ||
		    WARN_ON(new_mem_type(pte_mem_type(*ptep), change, &t)))
			return -EINVAL;
	}
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		pte_t *ptep = virt_to_kpte(a);
		enum mem_type t;

		new_mem_type(pte_mem_type(*ptep), change, &t);
		set_pte_ext(ptep,
			    pfn_pte(pte_pfn(*ptep), mem_types[t].prot_pte));
	}
	flush_tlb_kernel_range(start, end);
	return 0;
}

int set_memory_ro(unsigned long addr, int numpages)
{
	return change_memory(addr, numpages, CHANGE_RO);
}

int set_memory_rw(unsigned long addr, int numpages)
{
	return change_memory(addr, numpages, CHANGE_RW);
}

int set_memory_x(unsigned long addr, int numpages)
{
	return change_memory(addr, numpages, CHANGE_X);
}

int set_memory_nx(unsigned long addr, int numpages)
{
	return change_memory(addr, numpages, CHANGE_NX);
}

bool kernel_page_is(unsigned long addr, bool *writable, bool *exec)
{
	pte_t *ptep = virt_to_kpte(addr & PAGE_MASK);
	enum mem_type t;

	if (!ptep || pte_none(*ptep))
		return false;
	t = pte_mem_type(*ptep);
	*writable = t == MT_MEMORY_RW || t == MT_MEMORY_RWX;
	*exec = t == MT_MEMORY_RX || t == MT_MEMORY_RWX;
	return t != MT_NR_TYPES;
}
