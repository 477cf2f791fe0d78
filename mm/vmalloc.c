/*
 * mm/vmalloc.c: the vmalloc area, [VMALLOC_START, VMALLOC_END): virtually
 * contiguous mappings of pages that need not be physically contiguous
 * (vmalloc, vmap) and of device registers (ioremap, iotable).
 *
 * Bookkeeping is Linux's before 2.6.28: vmlist, a list of struct vm_struct
 * sorted by address and searched first fit. That is linear in the number
 * of areas, which stays small here; Linux moved to an rbtree of
 * vmap_areas when thousands of areas made it matter. Each area owns one
 * unmapped guard page after itself (counted in vm->size, as in Linux), so
 * running off the end of an area faults instead of reaching the next one.
 *
 * Page tables: an area's PTE pages are allocated on demand by
 * pte_alloc_kernel and never freed (Linux keeps kernel page tables too);
 * unmapping clears the PTEs and flushes the TLB for the range.
 *
 * Interrupt context follows Linux v5.10 (v3.18 is the same): reserving
 * an area (vmalloc, vmap, ioremap) or vunmap() from an interrupt handler
 * is BUG_ON(in_interrupt()); vfree() from one is deferred: the area is
 * queued through its own first word and freed by the next vmalloc or
 * vfree from process context (Linux's __vfree_deferred hands it to a
 * work item; hikern has no workqueue yet, so the next caller drains).
 */
#include <asm/layout.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <string.h>

#include "internal.h"

unsigned long nr_vmalloc_warnings;

static struct vm_struct *vmlist; /* sorted by addr, under vmap_area_lock */
static DEFINE_SPINLOCK(vmap_area_lock);

static inline unsigned long vm_start(const struct vm_struct *vm)
{
	return (unsigned long)vm->addr;
}

static inline unsigned long vm_end(const struct vm_struct *vm)
{
	return vm_start(vm) + vm->size;
}

/* ---------------------------------------------------------------------
 * Address space
 */

/*
 * A free range of size bytes, aligned, inside [start, end): the lowest
 * (first fit) or the highest (topdown); 0 if none. Walks the gaps between
 * consecutive areas. vmap_area_lock held.
 */
static unsigned long find_gap(unsigned long size, unsigned long align,
			      unsigned long start, unsigned long end,
			      bool topdown)
{
	unsigned long gap_start = start, found = 0;
	struct vm_struct *v = vmlist;

	for (;;) {
		unsigned long gap_end = v ? min(vm_start(v), end) : end;
		unsigned long a = ALIGN(gap_start, align);

		/* a >= gap_start: ALIGN did not wrap past the top. */
		if (a >= gap_start && a < gap_end && gap_end - a >= size) {
			if (!topdown)
				return a;
			found = ALIGN_DOWN(gap_end - size, align);
		}
		if (!v || gap_end == end)
			return found;
		gap_start = max(gap_start, vm_end(v));
		v = v->next;
	}
}

/* Link vm (addr and size set) into vmlist in order; lock held. */
static void insert_vm_struct(struct vm_struct *vm)
{
	struct vm_struct **p = &vmlist;

	while (*p && vm_start(*p) < vm_start(vm))
		p = &(*p)->next;
	/* Linux's vm_area_add_early BUG: two owners for one address. */
	BUG_ON(*p && vm_start(*p) < vm_end(vm));
	vm->next = *p;
	*p = vm;
}

int vm_area_add_early(struct vm_struct *vm)
{
	unsigned long flags, addr = vm_start(vm);

	spin_lock_irqsave(&vmap_area_lock, flags);
	if (!addr)
		addr = find_gap(vm->size, PAGE_SIZE, VMALLOC_START, VMALLOC_END,
				true);
	if (addr) {
		vm->addr = (void *)addr;
		insert_vm_struct(vm);
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return addr ? 0 : -1;
}

/*
 * Reserve size bytes (page-aligned, plus the guard page unless
 * VM_NO_GUARD) in [start, end), first fit; the vm_struct comes from
 * kmalloc. NULL if there is no room.
 */
static struct vm_struct *
__get_vm_area_caller(unsigned long size, unsigned long flags,
		     unsigned long start, unsigned long end, const void *caller)
{
	struct vm_struct *area;
	unsigned long irqflags, addr;

	BUG_ON(in_interrupt());
	size = ALIGN(size, PAGE_SIZE);
	if (!size || size > end - start)
		return NULL;
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;
	/* Every field set here: cheaper than kzalloc's general path. */
	area = kmalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	*area = (struct vm_struct){
		.size = size,
		.flags = flags,
		.caller = caller,
	};
	spin_lock_irqsave(&vmap_area_lock, irqflags);
	addr = find_gap(size, PAGE_SIZE, start, end, false);
	if (addr) {
		area->addr = (void *)addr;
		insert_vm_struct(area);
	}
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
	if (!addr) {
		kfree(area);
		return NULL;
	}
	return area;
}

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return __get_vm_area_caller(size, flags, VMALLOC_START, VMALLOC_END,
				    caller);
}

struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return get_vm_area_caller(size, flags, __builtin_return_address(0));
}

/* The link that points at the area starting at addr, or NULL; lock held. */
static struct vm_struct **find_vm_link(const void *addr)
{
	struct vm_struct **p;

	for (p = &vmlist; *p && vm_start(*p) <= (unsigned long)addr;
	     p = &(*p)->next)
		if ((*p)->addr == addr)
			return p;
	return NULL;
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct **p;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	p = find_vm_link(addr);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return p ? *p : NULL;
}

/* ---------------------------------------------------------------------
 * Page tables
 */

/*
 * The kernel PTE for addr, walking forward from prev (the PTE of the page
 * before addr, or NULL): the next entry of the same PTE page, unless
 * addr starts another pmd; then the page-table walk, allocating the PTE
 * page if asked to. NULL if there is (or could be) no PTE page.
 */
static pte_t *next_kpte(pte_t *prev, unsigned long addr, bool alloc)
{
	if (prev && pte_index(addr))
		return prev + 1;
	return alloc ? pte_alloc_kernel(pmd_off_k(addr), addr) :
		       virt_to_kpte(addr);
}

/*
 * Clear the PTEs of [addr, end) and flush the TLB for it. New mappings
 * need no flush (the TLB never caches a translation fault); removed ones
 * do, or the CPU could keep reaching the freed pages.
 */
static void vunmap_range(unsigned long addr, unsigned long end)
{
	pte_t *ptep = NULL;

	for (unsigned long a = addr; a < end; a += PAGE_SIZE) {
		ptep = next_kpte(ptep, a, false);
		if (ptep && !pte_none(*ptep))
			pte_clear(&init_mm, a, ptep);
	}
	flush_tlb_kernel_range(addr, end);
}

/*
 * Map the pages of [addr, end): pages[i] if pages is given, else the
 * physical range from phys (ioremap). A PTE already present means two
 * owners for one address, a NULL page has no frame to map: both refused
 * with a WARNING. On failure nothing stays mapped.
 */
static int vmap_range(unsigned long addr, unsigned long end,
		      struct page **pages, phys_addr_t phys, pgprot_t prot)
{
	pte_t *ptep = NULL;

	for (unsigned long a = addr, i = 0; a < end; a += PAGE_SIZE, i++) {
		ptep = next_kpte(ptep, a, true);
		/* As Linux's vmap_pte_range: a NULL page is the caller's bug. */
		if (!ptep || WARN_ON(!pte_none(*ptep)) ||
		    (pages && WARN_ON(!pages[i]))) {
			vunmap_range(addr, a);
			return -1;
		}
		set_pte_at(&init_mm, a, ptep,
			   pages ? mk_pte(pages[i], prot) :
				   pfn_pte((phys >> PAGE_SHIFT) + i, prot));
	}
	/*
	 * The new entries must reach the table walker before the caller's
	 * first access (Linux's flush_cache_vmap does the same): the slots
	 * had no TLB entries, so no invalidate is needed.
	 */
	__asm__ __volatile__("dsb\n\tisb" : : : "memory");
	return 0;
}

/* Map pages[0..nr) at addr; on failure nothing stays mapped. */
static int vmap_pages_range(unsigned long addr, struct page **pages,
			    unsigned int nr, pgprot_t prot)
{
	return vmap_range(addr, addr + ((unsigned long)nr << PAGE_SHIFT), pages,
			  0, prot);
}

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	return vmap_range(addr, end, NULL, phys_addr, prot);
}

/*
 * Unlink the area at addr and clear its mapping, all under the lock so
 * its addresses are never both free and mapped. Boot-time static
 * mappings are never removed.
 */
struct vm_struct *remove_vm_area(const void *addr)
{
	struct vm_struct **p, *area = NULL;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	p = find_vm_link(addr);
	if (p && !((*p)->flags & VM_ARM_STATIC_MAPPING)) {
		area = *p;
		vunmap_range(vm_start(area),
			     vm_start(area) + get_vm_area_size(area));
		*p = area->next;
		area->next = NULL;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return area;
}

void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *ret = remove_vm_area(area->addr);

	BUG_ON(ret != area);
	kfree(area);
}

/* ---------------------------------------------------------------------
 * vmalloc / vfree
 */

/* Linux's "Trying to vfree() ..." reports for addresses we never gave. */
static void vm_report(const char *what, const void *addr)
{
	nr_vmalloc_warnings++;
	pr_err("Trying to %s (%p)\n", what, addr);
	dump_stack();
}

/* Linux's warn_alloc line for a failed vmalloc (without the stack dump). */
static void warn_vmalloc_failure(gfp_t gfp_mask, unsigned long size)
{
	char names[160];

	if (gfp_mask & __GFP_NOWARN)
		return;
	nr_vmalloc_warnings++;
	format_gfp_flags(names, sizeof(names), gfp_mask);
	pr_warn("%s: vmalloc: allocation failure: %lu bytes, mode:%#x(%s), "
		"nodemask=(null)\n",
		current_comm, size, gfp_mask, names);
}

/* The page array's own memory: vmalloc'd if over a page, as in Linux. */
static void free_page_array(struct page **pages)
{
	if (is_vmalloc_addr(pages))
		vfree(pages);
	else
		kfree(pages);
}

/* What an area that vmalloc filled owns: its pages and the page array. */
static void free_area_pages(struct vm_struct *area)
{
	for (unsigned int i = 0; i < area->nr_pages; i++)
		__free_page(area->pages[i]);
	if (area->pages)
		free_page_array(area->pages);
}

static void *__vmalloc_caller(unsigned long size, gfp_t gfp_mask, pgprot_t prot,
			      const void *caller);
static void drain_deferred_vfree(void);

/*
 * Fill a reserved area: the page array (nested vmalloc if it needs more
 * than a page), one page at a time from highmem first, then the
 * mapping. On failure everything is given back and NULL returned.
 */
static void *__vmalloc_area(struct vm_struct *area, gfp_t gfp_mask,
			    pgprot_t prot, const void *caller)
{
	unsigned int nr = get_vm_area_size(area) >> PAGE_SHIFT;
	unsigned long array_size = nr * sizeof(struct page *);
	gfp_t page_gfp = (gfp_mask & ~__GFP_ZERO) | __GFP_HIGHMEM;

	if (array_size > PAGE_SIZE)
		area->pages =
			__vmalloc_caller(array_size, gfp_mask & ~__GFP_ZERO,
					 PAGE_KERNEL, caller);
	else
		area->pages = kmalloc(array_size,
				      gfp_mask & ~(__GFP_HIGHMEM | __GFP_ZERO));
	if (!area->pages)
		return NULL;
	for (area->nr_pages = 0; area->nr_pages < nr; area->nr_pages++) {
		struct page *page = alloc_page(page_gfp);

		if (!page)
			return NULL;
		area->pages[area->nr_pages] = page;
	}
	if (vmap_pages_range(vm_start(area), area->pages, nr, prot))
		return NULL;
	/* One memset through the new mapping, not a kmap per highmem page. */
	if (gfp_mask & __GFP_ZERO)
		memset(area->addr, 0, get_vm_area_size(area));
	return area->addr;
}

/*
 * Linux's __vmalloc_node_range: vmalloc in [start, end). module_alloc()
 * takes its memory from the modules area through it; vmalloc() and the
 * rest from the vmalloc area.
 */
static void *__vmalloc_range_caller(unsigned long size, unsigned long start,
				    unsigned long end, gfp_t gfp_mask,
				    pgprot_t prot, const void *caller)
{
	struct vm_struct *area;
	void *addr = NULL;

	BUG_ON(in_interrupt()); /* before the drain: that is vfree's work */
	drain_deferred_vfree();
	/* More pages than RAM can never succeed: fail before trying. */
	if (size && ALIGN(size, PAGE_SIZE) >> PAGE_SHIFT <= totalram_pages()) {
		area = __get_vm_area_caller(size, VM_ALLOC, start, end, caller);
		if (area) {
			addr = __vmalloc_area(area, gfp_mask, prot, caller);
			if (!addr)
				vfree(area->addr); /* what it did get */
		}
	}
	if (!addr)
		warn_vmalloc_failure(gfp_mask, size);
	return addr;
}

static void *__vmalloc_caller(unsigned long size, gfp_t gfp_mask, pgprot_t prot,
			      const void *caller)
{
	return __vmalloc_range_caller(size, VMALLOC_START, VMALLOC_END,
				      gfp_mask, prot, caller);
}

void *__vmalloc_node_range(unsigned long size, unsigned long align,
			   unsigned long start, unsigned long end,
			   gfp_t gfp_mask, pgprot_t prot, const void *caller)
{
	(void)align; /* areas are page aligned: all hikern needs */
	return __vmalloc_range_caller(size, start, end, gfp_mask, prot, caller);
}

void *__vmalloc(unsigned long size, gfp_t gfp_mask, pgprot_t prot)
{
	return __vmalloc_caller(size, gfp_mask, prot,
				__builtin_return_address(0));
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL, PAGE_KERNEL,
				__builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_ZERO, PAGE_KERNEL,
				__builtin_return_address(0));
}

/* vfree()s from interrupt handlers, linked through their first word. */
static void *deferred_vfree;

/*
 * From an interrupt handler: queue addr for the next process-context
 * vfree or vmalloc. Only a page-aligned start of a live area is queued
 * (it is written to); anything else is reported now, as vfree would.
 */
static void vfree_deferred(const void *addr)
{
	unsigned long flags;

	if (!IS_ALIGNED((unsigned long)addr, PAGE_SIZE) ||
	    !find_vm_area(addr)) {
		vm_report("vfree() nonexistent vm area", addr);
		return;
	}
	local_irq_save(flags);
	*(void **)addr = deferred_vfree;
	deferred_vfree = (void *)addr;
	local_irq_restore(flags);
}

static void __vunmap(const void *addr, bool deallocate_pages);

/* Free what interrupt handlers queued (process context). */
static void drain_deferred_vfree(void)
{
	unsigned long flags;
	void *p;

	if (likely(!READ_ONCE(deferred_vfree)))
		return;
	local_irq_save(flags);
	p = deferred_vfree;
	deferred_vfree = NULL;
	local_irq_restore(flags);
	while (p) {
		void *next = *(void **)p;

		__vunmap(p, true);
		p = next;
	}
}

/*
 * Linux's __vunmap, behind vfree and vunmap: remove the area starting at
 * addr and, for vfree, free what vmalloc put in it. An address no area
 * starts at is reported (with Linux's messages, "vfree()" for both).
 */
static void __vunmap(const void *addr, bool deallocate_pages)
{
	struct vm_struct *area;

	if (!addr)
		return;
	if (!IS_ALIGNED((unsigned long)addr, PAGE_SIZE)) {
		vm_report("vfree() bad address", addr);
		return;
	}
	area = remove_vm_area(addr);
	if (!area) {
		vm_report("vfree() nonexistent vm area", addr);
		return;
	}
	if (deallocate_pages)
		free_area_pages(area);
	kfree(area);
}

void vfree(const void *addr)
{
	if (!addr)
		return;
	if (unlikely(in_interrupt())) {
		vfree_deferred(addr);
		return;
	}
	drain_deferred_vfree();
	__vunmap(addr, true);
}

/* ---------------------------------------------------------------------
 * vmap / vunmap, vmalloc_to_page
 */

void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot)
{
	struct vm_struct *area;

	if (!count || count > totalram_pages())
		return NULL;
	area = get_vm_area_caller((unsigned long)count << PAGE_SHIFT,
				  flags | VM_MAP, __builtin_return_address(0));
	if (!area)
		return NULL;
	if (vmap_pages_range(vm_start(area), pages, count, prot)) {
		free_vm_area(area);
		return NULL;
	}
	return area->addr;
}

void vunmap(const void *addr)
{
	BUG_ON(in_interrupt());
	__vunmap(addr, false);
}

unsigned long vmalloc_to_pfn(const void *addr)
{
	pte_t *ptep = virt_to_kpte((unsigned long)addr);

	return ptep && !pte_none(*ptep) ? pte_pfn(*ptep) : 0;
}

struct page *vmalloc_to_page(const void *addr)
{
	unsigned long pfn = vmalloc_to_pfn(addr);

	/* An ioremap'd device page has a pfn but no struct page. */
	return pfn && pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;
}

/* ---------------------------------------------------------------------
 * /proc/vmallocinfo
 */

/* One line in Linux's s_show format (mm/vmalloc.c). */
static void show_vm_area(const struct vm_struct *v)
{
	char line[192];
	size_t n;

	n = scnprintf(line, sizeof(line), "0x%08lx-0x%08lx %7ld", vm_start(v),
		      vm_end(v), v->size);
	if (v->caller)
		n += scnprintf(line + n, sizeof(line) - n, " %pS", v->caller);
	if (v->nr_pages)
		n += scnprintf(line + n, sizeof(line) - n, " pages=%u",
			       v->nr_pages);
	if (v->phys_addr)
		n += scnprintf(line + n, sizeof(line) - n, " phys=%pa",
			       &v->phys_addr);
	scnprintf(line + n, sizeof(line) - n, "%s%s%s%s",
		  (v->flags & VM_IOREMAP) ? " ioremap" : "",
		  (v->flags & VM_ALLOC) ? " vmalloc" : "",
		  (v->flags & VM_MAP) ? " vmap" : "",
		  (v->pages && is_vmalloc_addr(v->pages)) ? " vpages" : "");
	pr_info("%s\n", line);
}

unsigned int vm_area_count(unsigned long start, unsigned long end)
{
	unsigned int n = 0;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	for (const struct vm_struct *v = vmlist; v; v = v->next)
		n += vm_start(v) >= start && vm_start(v) < end;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return n;
}

void show_vmallocinfo(void)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	for (const struct vm_struct *v = vmlist; v; v = v->next)
		show_vm_area(v);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}
