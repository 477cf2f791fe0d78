/*
 * mm/show_mem.c: the allocator's reports in Linux's formats: the
 * /proc/buddyinfo and /proc/zoneinfo views, dump_page(), flag names for
 * page->flags and gfp masks, and the mem_map size line printed at boot.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

#include "internal.h"

struct flag_name {
	unsigned long mask;
	const char *name;
};

/* Composite masks first, so GFP_KERNEL prints as one name (Linux's table). */
static const struct flag_name gfp_names[] = {
	{ GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE" },
	{ GFP_HIGHUSER, "GFP_HIGHUSER" },
	{ GFP_USER, "GFP_USER" },
	{ GFP_KERNEL_ACCOUNT, "GFP_KERNEL_ACCOUNT" },
	{ GFP_KERNEL, "GFP_KERNEL" },
	{ GFP_NOFS, "GFP_NOFS" },
	{ GFP_ATOMIC, "GFP_ATOMIC" },
	{ GFP_NOIO, "GFP_NOIO" },
	{ GFP_NOWAIT, "GFP_NOWAIT" },
	{ GFP_DMA, "GFP_DMA" },
	{ __GFP_HIGHMEM, "__GFP_HIGHMEM" },
	{ GFP_DMA32, "GFP_DMA32" },
	{ __GFP_HIGH, "__GFP_HIGH" },
	{ __GFP_ATOMIC, "__GFP_ATOMIC" },
	{ __GFP_IO, "__GFP_IO" },
	{ __GFP_FS, "__GFP_FS" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL" },
	{ __GFP_NOFAIL, "__GFP_NOFAIL" },
	{ __GFP_NORETRY, "__GFP_NORETRY" },
	{ __GFP_COMP, "__GFP_COMP" },
	{ __GFP_ZERO, "__GFP_ZERO" },
	{ __GFP_NOMEMALLOC, "__GFP_NOMEMALLOC" },
	{ __GFP_MEMALLOC, "__GFP_MEMALLOC" },
	{ __GFP_HARDWALL, "__GFP_HARDWALL" },
	{ __GFP_THISNODE, "__GFP_THISNODE" },
	{ __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" },
	{ __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_ACCOUNT, "__GFP_ACCOUNT" },
	{ __GFP_WRITE, "__GFP_WRITE" },
	{ __GFP_RECLAIM, "__GFP_RECLAIM" },
	{ __GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM" },
	{ __GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM" },
};

static const struct flag_name pageflag_names[] = {
	{ 1UL << PG_reserved, "reserved" },
	{ 1UL << PG_buddy, "buddy" },
	{ 1UL << PG_slab, "slab" },
};

/*
 * Each table entry whose bits are all set consumes them; leftover bits
 * are printed in hex. An empty result is an empty string, as Linux's.
 */
static void format_flags(char *buf, size_t size, unsigned long flags,
			 const struct flag_name *names, size_t nr)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < nr && flags; i++) {
		if ((flags & names[i].mask) != names[i].mask)
			continue;
		flags &= ~names[i].mask;
		len += scnprintf(buf + len, size - len, "%s%s", len ? "|" : "",
				 names[i].name);
	}
	if (flags)
		scnprintf(buf + len, size - len, "%s%#lx", len ? "|" : "",
			  flags);
}

/**
 * format_gfp_flags - render a gfp mask as Linux's %pGg does
 * @buf: output buffer
 * @size: its size in bytes, at least 1
 * @gfp_mask: the mask
 *
 * Composite names first, so GFP_KERNEL prints as one name; bits no name
 * covers are printed in hex ("GFP_KERNEL|__GFP_ZERO|0x800000"). Output
 * that does not fit is cut short, always terminated.
 *
 * Context: Any context; does not sleep.
 */
void format_gfp_flags(char *buf, size_t size, gfp_t gfp_mask)
{
	format_flags(buf, size, gfp_mask, gfp_names, ARRAY_SIZE(gfp_names));
}

/**
 * format_page_flags - render page->flags as Linux's %pGp does
 * @buf: output buffer
 * @size: its size in bytes, at least 1
 * @flags: a page->flags value
 *
 * The page flags proper, without zone or order bits; an empty string if
 * none is set, as Linux's. Output that does not fit is cut short, always
 * terminated.
 *
 * Context: Any context; does not sleep.
 */
void format_page_flags(char *buf, size_t size, unsigned long flags)
{
	format_flags(buf, size, flags & ((1UL << NR_PAGEFLAGS) - 1),
		     pageflag_names, ARRAY_SIZE(pageflag_names));
}

/**
 * dump_page - print a struct page as Linux's dump_page does
 * @page: the page
 * @reason: the "page dumped because:" line, or NULL for none
 *
 * Prints refcount, mapcount, mapping, index and flags at KERN_WARNING.
 * Reads the struct page without a lock.
 *
 * Context: Any context; does not sleep.
 */
void dump_page(const struct page *page, const char *reason)
{
	char names[64];

	format_page_flags(names, sizeof(names), page->flags);
	pr_warn("page:%px refcount:%d mapcount:%d mapping:%px index:%#lx\n",
		(const void *)page, page->_refcount, page_mapcount(page),
		(const void *)page->mapping, page->index);
	pr_warn("flags: %#lx(%s)\n", page->flags, names);
	if (reason)
		pr_warn("page dumped because: %s\n", reason);
}

/* One consistent copy of a zone's per-order block counts. */
static void zone_nr_free(struct zone *zone, unsigned long *nr_free)
{
	unsigned long flags;
	unsigned int order;

	spin_lock_irqsave(&zone->lock, flags);
	for (order = 0; order < MAX_ORDER; order++)
		nr_free[order] = zone->free_area[order].nr_free;
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * buddyinfo_snapshot - copy every zone's free block counts
 * @info: filled in with nr_free per zone and order
 *
 * Each zone's counts are one consistent copy (taken under zone->lock);
 * pages on the pcp lists are not counted, as in /proc/buddyinfo.
 *
 * Context: Any context; takes each zone->lock with IRQs disabled. Does
 * not sleep.
 */
void buddyinfo_snapshot(struct buddyinfo *info)
{
	struct zone *zone;

	for_each_zone(zone) zone_nr_free(zone, info->nr_free[zone_idx(zone)]);
}

/**
 * buddyinfo_equal - compare two buddyinfo snapshots
 * @a: a snapshot
 * @b: another
 *
 * Context: Any context.
 * Return: True if every zone has the same number of free blocks of each
 * order in both.
 */
bool buddyinfo_equal(const struct buddyinfo *a, const struct buddyinfo *b)
{
	unsigned int z, order;

	for (z = 0; z < MAX_NR_ZONES; z++)
		for (order = 0; order < MAX_ORDER; order++)
			if (a->nr_free[z][order] != b->nr_free[z][order])
				return false;
	return true;
}

/**
 * show_buddyinfo - print the free block counts as /proc/buddyinfo does
 *
 * mm/vmstat.c frag_show_print's format, populated zones only, at
 * KERN_DEBUG. Pages on the pcp lists are not in any column, as in Linux:
 * drain_all_pages() first to see them coalesced.
 *
 * Context: Any context; takes each zone->lock with IRQs disabled. Does
 * not sleep.
 */
void show_buddyinfo(void)
{
	unsigned long nr_free[MAX_ORDER];
	char line[16 + 8 + MAX_ORDER * 7 + 2];
	struct zone *zone;
	unsigned int order;
	size_t len;

	for_each_zone(zone)
	{
		if (!populated_zone(zone))
			continue;
		zone_nr_free(zone, nr_free);
		len = scnprintf(line, sizeof(line), "Node %d, zone %8s ",
				NODE_DATA(0)->node_id, zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			len += scnprintf(line + len, sizeof(line) - len,
					 "%6lu ", nr_free[order]);
		printk(KERN_DEBUG "%s\n", line);
	}
}

static void show_protection(const struct zone *zone)
{
	char line[16 + MAX_NR_ZONES * 22];
	size_t len;
	int j;

	len = scnprintf(line, sizeof(line), "protection: (%ld",
			zone->lowmem_reserve[0]);
	for (j = 1; j < MAX_NR_ZONES; j++)
		len += scnprintf(line + len, sizeof(line) - len, ", %ld",
				 zone->lowmem_reserve[j]);
	printk(KERN_DEBUG "        %s)\n", line);
}

/**
 * show_zoneinfo - print the head of /proc/zoneinfo for every zone
 *
 * mm/vmstat.c zoneinfo_show_print's format at KERN_DEBUG: free pages,
 * watermarks, spanned/present/managed, protection, and for a populated
 * zone the pcp set and start_pfn. "pages free" includes the pcp pages,
 * which Linux leaves out. Read without zone->lock.
 *
 * Context: Any context; does not sleep.
 */
void show_zoneinfo(void)
{
	struct zone *zone;

	for_each_zone(zone)
	{
		printk(KERN_DEBUG "Node %d, zone %8s\n", NODE_DATA(0)->node_id,
		       zone->name);
		printk(KERN_DEBUG "  pages free     %lu\n", zone->free_pages);
		printk(KERN_DEBUG "        min      %lu\n",
		       min_wmark_pages(zone));
		printk(KERN_DEBUG "        low      %lu\n",
		       low_wmark_pages(zone));
		printk(KERN_DEBUG "        high     %lu\n",
		       high_wmark_pages(zone));
		printk(KERN_DEBUG "        spanned  %lu\n",
		       zone->spanned_pages);
		printk(KERN_DEBUG "        present  %lu\n",
		       zone->present_pages);
		printk(KERN_DEBUG "        managed  %lu\n",
		       zone->managed_pages);
		show_protection(zone);
		/* As Linux's zoneinfo: an empty zone stops here. */
		if (!populated_zone(zone))
			continue;
		printk(KERN_DEBUG "  pagesets\n");
		printk(KERN_DEBUG "    cpu: 0\n");
		printk(KERN_DEBUG "              count: %i\n", zone->pcp.count);
		printk(KERN_DEBUG "              high:  %i\n", zone->pcp.high);
		printk(KERN_DEBUG "              batch: %i\n", zone->pcp.batch);
		printk(KERN_DEBUG "  start_pfn:           %lu\n",
		       zone->zone_start_pfn);
	}
}

/**
 * mem_map_report - print mem_map's size and place
 *
 * The boot line "mem_map: N struct pages of N bytes = NK at ... (N RAM
 * pages)" at KERN_INFO: struct pages for all of mem_map (rounded out to
 * MAX_ORDER blocks), its start, and the pages that describe RAM.
 *
 * Context: Any context after free_area_init(); does not sleep.
 */
void mem_map_report(void)
{
	unsigned long nr = memmap_end_pfn() - memmap_start_pfn();
	unsigned long bytes = nr * sizeof(struct page);

	pr_info("mem_map: %lu struct pages of %u bytes = %luK at %px (%lu RAM "
		"pages)\n",
		nr, (unsigned int)sizeof(struct page), bytes >> 10,
		(void *)(mem_map - (ARCH_PFN_OFFSET - memmap_start_pfn())),
		max_mapnr);
}
