/*
 * The vmalloc area's interface (mm/vmalloc.c): virtually contiguous
 * mappings between VMALLOC_START and VMALLOC_END of pages that need not
 * be physically contiguous (vmalloc, vmap) or of device registers
 * (ioremap, asm/io.h), each followed by an unmapped guard page.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <asm/layout.h>
#include <asm/pgtable.h>
#include <linux/gfp.h>
#include <linux/types.h>

struct page;

/* vm_struct.flags (Linux's values). */
#define VM_IOREMAP 0x00000001  /* ioremap() and friends */
#define VM_ALLOC 0x00000002    /* vmalloc() */
#define VM_MAP 0x00000004      /* vmap()ed pages */
#define VM_NO_GUARD 0x00000040 /* no guard page after the area */
/* ARM: a boot-time device mapping (iotable), never unmapped. */
#define VM_ARM_STATIC_MAPPING 0x40000000

/*
 * One area. size includes the guard page (as in Linux, and as
 * /proc/vmallocinfo prints it); get_vm_area_size() is the usable part.
 */
struct vm_struct {
	struct vm_struct *next; /* vmlist: sorted by address */
	void *addr;
	unsigned long size;
	unsigned long flags;
	struct page **pages; /* vmalloc: the pages mapped, in order */
	unsigned int nr_pages;
	phys_addr_t phys_addr; /* ioremap: what is mapped at addr */
	const void *caller;    /* who asked, for vmallocinfo */
};

static inline unsigned long get_vm_area_size(const struct vm_struct *area)
{
	return (area->flags & VM_NO_GUARD) ? area->size :
					     area->size - PAGE_SIZE;
}

/* vmalloc failures reported so far ("vmalloc: allocation failure"). */
extern unsigned long nr_vmalloc_warnings;

/*
 * size bytes (rounded up to pages) of page-by-page allocated memory,
 * mapped contiguously; the pages come from highmem first. NULL and one
 * warning line if the address space or the pages run out.
 */
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
/*
 * vmalloc in [start, end) with explicit flags and protection (Linux's
 * __vmalloc_node_range; align above a page is not supported, as nothing
 * needs it). module_alloc() uses it for the modules area.
 */
void *__vmalloc_node_range(unsigned long size, unsigned long align,
			   unsigned long start, unsigned long end,
			   gfp_t gfp_mask, pgprot_t prot, const void *caller);
/* vmalloc with explicit flags and protection (Linux's __vmalloc). */
void *__vmalloc(unsigned long size, gfp_t gfp_mask, pgprot_t prot);
/*
 * Unmap (PTEs cleared, TLB flushed) and free what vmalloc returned. NULL
 * is ignored; anything else that is not a vmalloc area is reported. From
 * an interrupt handler the free is deferred to the next vmalloc or vfree
 * from process context (vmalloc, vmap and vunmap there are a BUG).
 */
void vfree(const void *addr);

/*
 * Map count pages contiguously (they stay the caller's); NULL if no room,
 * or with a WARNING if pages[] holds a NULL (nothing left mapped).
 */
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
/* Undo vmap (the pages are not freed). */
void vunmap(const void *addr);

/* The page mapped at a vmalloc/vmap address, or NULL. */
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);

static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

/*
 * Reserve an area (size rounded up to pages, plus the guard page) with
 * nothing mapped; flags say what it is for. NULL if there is no room.
 */
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
/* The area that starts at addr, or NULL. */
struct vm_struct *find_vm_area(const void *addr);
/*
 * Unlink the area starting at addr and unmap it; the caller frees the
 * vm_struct (and whatever was mapped). NULL if there is none.
 */
struct vm_struct *remove_vm_area(const void *addr);
/* remove_vm_area plus freeing the vm_struct. */
void free_vm_area(struct vm_struct *area);

/*
 * Register an area the caller owns (static storage: usable before and
 * after kmalloc works), as Linux's vm_area_add_early. With vm->addr set
 * the area must be free (BUG otherwise); with vm->addr NULL it is placed
 * top-down, the highest free gap below VMALLOC_END. 0, or -1 if no room.
 */
int vm_area_add_early(struct vm_struct *vm);

/*
 * Map [addr, end) to the physical range at phys_addr with prot, page by
 * page (PTE pages allocated on demand); 0 or -1. Used by ioremap.
 */
int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot);

/* Number of areas starting in [start, end), for the self-tests. */
unsigned int vm_area_count(unsigned long start, unsigned long end);

/* The areas in /proc/vmallocinfo's format, lowest address first. */
void show_vmallocinfo(void);

#endif /* _LINUX_VMALLOC_H */
