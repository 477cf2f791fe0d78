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

/**
 * get_vm_area_size - the usable size of an area
 * @area: the area
 *
 * vm->size includes the guard page (as in Linux, and as
 * /proc/vmallocinfo prints it); this is the part that may be mapped.
 *
 * Context: Any context.
 * Return: @area's size in bytes without its guard page.
 */
static inline unsigned long get_vm_area_size(const struct vm_struct *area)
{
	return (area->flags & VM_NO_GUARD) ? area->size :
					     area->size - PAGE_SIZE;
}

/* Contracts (kernel-doc) at the definitions in mm/vmalloc.c. */
void *vmalloc(unsigned long size); /* BUG in an interrupt handler */
void *vzalloc(unsigned long size);
/*
 * vmalloc in [start, end) with explicit flags and protection (Linux's
 * __vmalloc_node_range; align above a page is not supported, as nothing
 * needs it). module_alloc() uses it for the modules area.
 */
void *__vmalloc_node_range(unsigned long size, unsigned long align,
			   unsigned long start, unsigned long end,
			   gfp_t gfp_mask, pgprot_t prot, const void *caller);
void *__vmalloc(unsigned long size, gfp_t gfp_mask, pgprot_t prot);
/* Deferred to the next vmalloc/vfree when called in an interrupt. */
void vfree(const void *addr);

void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr); /* the pages are not freed */

struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);

/**
 * is_vmalloc_addr - is an address in the vmalloc area?
 * @x: any address
 *
 * True for any address in [VMALLOC_START, VMALLOC_END): vmalloc, vmap and
 * ioremap areas, their guard pages and the free gaps alike.
 *
 * Context: Any context.
 * Return: True if @x lies in the vmalloc area.
 */
static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
struct vm_struct *find_vm_area(const void *addr);
/* The caller frees the vm_struct (and whatever was mapped). */
struct vm_struct *remove_vm_area(const void *addr);
void free_vm_area(struct vm_struct *area);

/* For areas in static storage (iotable), before kmalloc works. */
int vm_area_add_early(struct vm_struct *vm);

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot);

/* Number of areas starting in [start, end), for the self-tests. */
unsigned int vm_area_count(unsigned long start, unsigned long end);

/* The areas in /proc/vmallocinfo's format, lowest address first. */
void show_vmallocinfo(void);
/* Pages held by vmalloc areas (/proc/meminfo VmallocUsed). */
unsigned long vmalloc_nr_pages(void);

#endif /* _LINUX_VMALLOC_H */
