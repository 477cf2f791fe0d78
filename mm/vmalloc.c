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
#include <asm/cacheflush.h>
#include <asm/layout.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <kunit/private.h>
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

static unsigned long
	nr_vmalloc_warnings; /* vmalloc_kunit_warnings() for the tests */

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

/**
 * vm_area_add_early - register an area the caller owns
 * @vm: the area, in static storage (usable before and after kmalloc
 *	works); size set (including any guard page); addr set, or NULL to
 *	have it placed
 *
 * As Linux's vm_area_add_early. With vm->addr set the range must be free
 * (BUG otherwise: two owners for one address; it is not checked to lie
 * in the vmalloc area). With vm->addr NULL the area is placed top-down,
 * in the highest free gap below VMALLOC_END, and vm->addr is set. Nothing
 * is mapped.
 *
 * Context: Any context, in practice boot (ioremap's iotable); takes
 * vmap_area_lock with IRQs disabled. Does not sleep.
 * Return: 0, or -1 if there is no room.
 */
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

/**
 * get_vm_area_caller - reserve a range of the vmalloc area
 * @size: bytes, rounded up to whole pages
 * @flags: what the area is for (VM_ALLOC, VM_MAP, VM_IOREMAP...);
 *	VM_NO_GUARD leaves out the guard page
 * @caller: who asked, shown by show_vmallocinfo()
 *
 * The lowest free range (first fit) of @size plus an unmapped guard page
 * is reserved, with nothing mapped; the vm_struct comes from kmalloc.
 * Give it back with free_vm_area().
 *
 * BUGs in an interrupt handler, as Linux's (BUG_ON(in_interrupt())).
 *
 * Context: Process context; takes vmap_area_lock with IRQs disabled.
 * Does not sleep.
 * Return: The area, or NULL for @size 0, if there is no room, or if the
 * vm_struct could not be allocated.
 */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return __get_vm_area_caller(size, flags, VMALLOC_START, VMALLOC_END,
				    caller);
}

/**
 * get_vm_area - reserve a range of the vmalloc area
 * @size: bytes, rounded up to whole pages
 * @flags: what the area is for, as for get_vm_area_caller()
 *
 * get_vm_area_caller() with this function's caller as the caller.
 *
 * Context: Process context (BUG in an interrupt handler); does not sleep.
 * Return: The area, or NULL as get_vm_area_caller().
 */
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

/**
 * find_vm_area - look up an area by its start
 * @addr: the area's first address
 *
 * Context: Any context; takes vmap_area_lock with IRQs disabled. The area
 * is not pinned: the caller must know nobody frees it meanwhile.
 * Return: The area that starts at @addr, or NULL (also for an address
 * inside an area).
 */
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
	 * first access, as in Linux: the slots had no TLB entries, so no
	 * invalidate is needed.
	 */
	flush_cache_vmap(addr, end);
	return 0;
}

/* Map pages[0..nr) at addr; on failure nothing stays mapped. */
static int vmap_pages_range(unsigned long addr, struct page **pages,
			    unsigned int nr, pgprot_t prot)
{
	return vmap_range(addr, addr + ((unsigned long)nr << PAGE_SHIFT), pages,
			  0, prot);
}

/**
 * ioremap_page_range - map a physical range into kernel space
 * @addr: first virtual address, page aligned
 * @end: virtual address after the last, page aligned
 * @phys_addr: physical address to map at @addr, page aligned
 * @prot: page protection
 *
 * Maps [@addr, @end) page by page, allocating PTE pages on demand (they
 * are never freed). The caller owns the range (an area it reserved): no
 * lock is taken. A PTE already present means two owners for one address
 * and is refused with a WARNING. New mappings need no TLB flush: the TLB
 * never caches a translation fault. Used by ioremap.
 *
 * Context: Any context the caller's reservation allows; does not sleep.
 * Return: 0, or -1 with nothing left mapped if a PTE page could not be
 * allocated or a PTE was present.
 */
int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	return vmap_range(addr, end, NULL, phys_addr, prot);
}

/**
 * remove_vm_area - unlink and unmap an area
 * @addr: the area's first address
 *
 * The area's PTEs are cleared and the TLB flushed for it, all under
 * vmap_area_lock, so its addresses are never both free and mapped.
 * Boot-time static mappings (VM_ARM_STATIC_MAPPING) are never removed.
 * The caller frees the vm_struct (and whatever was mapped).
 *
 * Context: Any context; takes vmap_area_lock with IRQs disabled. Does not
 * sleep.
 * Return: The area, or NULL if no removable area starts at @addr.
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

/**
 * free_vm_area - remove an area and free its vm_struct
 * @area: an area from get_vm_area(), mapped or not
 *
 * remove_vm_area() plus kfree() of @area; the pages mapped in it are the
 * caller's. BUGs if @area is not a registered, removable area.
 *
 * Context: Any context; does not sleep.
 */
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

/**
 * __vmalloc_node_range - allocate virtually contiguous memory in a range
 * @size: bytes, rounded up to whole pages
 * @align: ignored: areas are page aligned, which is all hikern needs
 * @start: lowest address the area may start at
 * @end: address the area (with its guard page) must end below
 * @gfp_mask: GFP flags for the pages, as for __vmalloc()
 * @prot: protection of the mapping
 * @caller: the caller's address, for vmallocinfo
 *
 * __vmalloc() in [@start, @end) instead of the vmalloc area: how
 * module_alloc() takes module memory from the modules area.
 *
 * Context: Process context (BUG in an interrupt handler), as __vmalloc().
 * Return: The page-aligned address, or NULL on failure with one warning
 * line unless __GFP_NOWARN.
 */
void *__vmalloc_node_range(unsigned long size, unsigned long align,
			   unsigned long start, unsigned long end,
			   gfp_t gfp_mask, pgprot_t prot, const void *caller)
{
	(void)align; /* areas are page aligned: all hikern needs */
	return __vmalloc_range_caller(size, start, end, gfp_mask, prot, caller);
}

/**
 * __vmalloc - allocate virtually contiguous memory
 * @size: bytes, rounded up to whole pages
 * @gfp_mask: GFP flags for the pages (__GFP_HIGHMEM is added: highmem
 *	first) and the page array; __GFP_ZERO zeroes the memory,
 *	__GFP_NOWARN silences the failure report
 * @prot: protection of the mapping
 *
 * Reserves an area, then fills it: the page array (a nested vmalloc if it
 * needs more than a page), one page at a time, then the mapping. A
 * zeroed request is one memset through the new mapping, not a kmap per
 * highmem page. Deferred vfree()s of interrupt handlers are done first.
 *
 * Interrupt context follows Linux v5.10 (v3.18 is the same): BUGs in an
 * interrupt handler (BUG_ON(in_interrupt())). More pages than RAM can
 * never succeed, so such a @size fails before trying.
 *
 * Context: Process context, IRQs on or off; takes vmap_area_lock with
 * IRQs disabled. Does not sleep here (there is no reclaim), though
 * Linux's may: callers must not rely on that.
 * Return: The page-aligned address, or NULL on failure (@size 0 too),
 * with everything given back and "vmalloc: allocation failure: N bytes"
 * printed unless __GFP_NOWARN (counted in nr_vmalloc_warnings).
 */
void *__vmalloc(unsigned long size, gfp_t gfp_mask, pgprot_t prot)
{
	return __vmalloc_caller(size, gfp_mask, prot,
				__builtin_return_address(0));
}

/**
 * vmalloc - allocate virtually contiguous memory
 * @size: bytes, rounded up to whole pages
 *
 * __vmalloc() with GFP_KERNEL and PAGE_KERNEL: the pages, highmem first,
 * need not be physically contiguous; each area is followed by an
 * unmapped guard page. Free with vfree().
 *
 * Context: Process context (BUG in an interrupt handler); does not sleep
 * here, though Linux's may.
 * Return: The address, or NULL with one warning line on failure.
 */
void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL, PAGE_KERNEL,
				__builtin_return_address(0));
}

/**
 * vzalloc - allocate virtually contiguous memory, zeroed
 * @size: bytes, rounded up to whole pages
 *
 * Context: Process context (BUG in an interrupt handler); does not sleep
 * here, though Linux's may.
 * Return: As vmalloc(), the memory zeroed.
 */
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

/**
 * vfree - free memory vmalloc() returned
 * @addr: the address vmalloc() returned; NULL is ignored
 *
 * Unmaps the area (PTEs cleared, TLB flushed), frees its pages and its
 * page array. An address that no area starts at is reported with
 * Linux's "Trying to vfree() bad address" (not page aligned) or "Trying
 * to vfree() nonexistent vm area" and a stack dump (counted in
 * nr_vmalloc_warnings); nothing is freed. A vmap()ed area is only
 * unmapped: its pages are the caller's.
 *
 * From an interrupt handler the free is deferred, as Linux's
 * __vfree_deferred (which hands it to a work item; hikern has no
 * workqueue yet, so the next caller drains): a page-aligned start of a
 * live area is queued through its own first word, which is overwritten
 * at once, and freed by the next vmalloc() or vfree() from process
 * context; anything else is reported at once, as vfree would.
 *
 * Context: Any context; takes vmap_area_lock with IRQs disabled. Does not
 * sleep.
 */
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

/**
 * vmap - map an array of pages into virtually contiguous space
 * @pages: the pages, none NULL; they stay the caller's
 * @count: number of pages
 * @flags: vm_struct flags (VM_MAP is added)
 * @prot: protection of the mapping
 *
 * A NULL entry in @pages has no frame to map: refused with a WARNING, as
 * Linux's vmap_pte_range, and nothing is left mapped. Undo with vunmap().
 *
 * Context: Process context (BUG in an interrupt handler, as Linux's);
 * does not sleep.
 * Return: The address, or NULL if @count is 0 or more than RAM, if there
 * is no room, or on a NULL page.
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

/**
 * vunmap - undo vmap()
 * @addr: the address vmap() returned; NULL is ignored
 *
 * The area is unmapped (PTEs cleared, TLB flushed) and forgotten; the
 * pages are not freed. A bad @addr is reported as by vfree(), with
 * Linux's "Trying to vfree() ..." messages.
 *
 * Context: Process context: BUGs in an interrupt handler, as Linux's.
 * Does not sleep.
 */
void vunmap(const void *addr)
{
	BUG_ON(in_interrupt());
	__vunmap(addr, false);
}

/**
 * vmalloc_to_pfn - the page frame mapped at a kernel address
 * @addr: an address mapped by PTEs (vmalloc, vmap, ioremap, pkmap,
 *	fixmap)
 *
 * Reads the kernel page table without a lock: the caller must keep the
 * mapping alive.
 *
 * Context: Any context; does not sleep.
 * Return: The pfn, or 0 if @addr is unmapped or mapped by a section
 * (the linear map).
 */
unsigned long vmalloc_to_pfn(const void *addr)
{
	pte_t *ptep = virt_to_kpte((unsigned long)addr);

	return ptep && !pte_none(*ptep) ? pte_pfn(*ptep) : 0;
}

/**
 * vmalloc_to_page - the page mapped at a vmalloc or vmap address
 * @addr: an address mapped by PTEs, as for vmalloc_to_pfn()
 *
 * Context: Any context; does not sleep.
 * Return: The page, or NULL if nothing is mapped or the frame has no
 * struct page (an ioremap'd device page has a pfn but no struct page).
 */
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

/**
 * vm_area_count - count the areas starting in an address range
 * @start: lowest start address counted
 * @end: first start address not counted
 *
 * For the self-tests: what a module load or unload leaves behind.
 *
 * Context: Any context; takes vmap_area_lock with IRQs disabled.
 * Return: the number of areas whose start lies in [@start, @end).
 */
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

/**
 * show_vmallocinfo - print the areas as /proc/vmallocinfo does
 *
 * One line per area, lowest address first, in Linux's s_show format:
 * range, size (with the guard page), caller, pages=, phys= and the
 * ioremap/vmalloc/vmap/vpages tags. At KERN_INFO.
 *
 * Context: Any context; holds vmap_area_lock with IRQs disabled while it
 * prints. Does not sleep.
 */
void show_vmallocinfo(void)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	for (const struct vm_struct *v = vmlist; v; v = v->next)
		show_vm_area(v);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}

/**
 * vmalloc_nr_pages - pages that vmalloc areas hold
 *
 * The sum of nr_pages over the areas (vmalloc'd pages only: ioremap and
 * the early areas map memory they do not own), what /proc/meminfo's
 * VmallocUsed shows since Linux 5.3.
 *
 * Context: Any context; holds vmap_area_lock with IRQs disabled.
 * Return: the number of pages.
 */
unsigned long vmalloc_nr_pages(void)
{
	unsigned long flags, nr = 0;

	spin_lock_irqsave(&vmap_area_lock, flags);
	for (const struct vm_struct *v = vmlist; v; v = v->next)
		if (v->flags & VM_ALLOC)
			nr += v->nr_pages;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return nr;
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * vmalloc_kunit_warnings - a report counter, for the self-tests
 *
 * Context: any; a snapshot.
 * Return: the number of vmalloc warnings ("vmalloc: allocation failure", bad vfree) so far.
 */
unsigned long vmalloc_kunit_warnings(void)
{
	return nr_vmalloc_warnings;
}
EXPORT_SYMBOL_IF_KUNIT(vmalloc_kunit_warnings);
#endif
