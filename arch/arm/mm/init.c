/*
 * arch/arm/mm/init.c: zones, the hand-over to the buddy allocator, and the
 * boot report (Linux's bootmem_init/zone_sizes_init and mem_init).
 *
 * Every figure printed here is read back from the allocator or from the
 * link symbols: the Memory line's "available" is what the buddy allocator
 * really holds after memblock_free_all(), "reserved" is the rest of the
 * present pages, and the layout block's addresses are the variables the
 * kernel itself uses (VMALLOC_START, high_memory, FIXADDR_*, ...).
 */
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/paging.h>
#include <asm/sections.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/sched/clock.h>

static void __init find_limits(unsigned long *min, unsigned long *max_low,
			       unsigned long *max_high)
{
	*max_low = PFN_DOWN(arm_lowmem_limit);
	*min = PFN_UP(memblock_start_of_DRAM());
	*max_high = PFN_DOWN(memblock_end_of_DRAM());
}

void __init bootmem_init(void)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };

	find_limits(&min_low_pfn, &max_low_pfn, &max_pfn);
	max_zone_pfn[ZONE_NORMAL] = max_low_pfn;
	max_zone_pfn[ZONE_HIGHMEM] = max_pfn;
	free_area_init(max_zone_pfn);
}

#define MLK(b, t) (b), (t), (((t) - (b)) >> 10)
#define MLM(b, t) (b), (t), (((t) - (b)) >> 20)
#define MLK_ROUNDUP(b, t) (b), (t), (long)DIV_ROUND_UP((t) - (b), SZ_1K)

/* Linux's mem_init_print_info (v3.18 format, or v3.19+ with cma). */
static void __init mem_init_print_info(void)
{
	unsigned long physpages = memblock_phys_mem_size() >> PAGE_SHIFT;
	unsigned long codesize = _etext - _stext;
	unsigned long datasize = _edata - _sdata;
	unsigned long rosize = __end_rodata - __start_rodata;
	unsigned long bss_size = __bss_stop - __bss_start;
	unsigned long init_size = __init_end - __init_begin;
	unsigned long reserved = physpages - totalram_pages();

	printk(KERN_INFO "Memory: %luK/%luK available (%luK kernel code, "
			 "%luK rwdata, %luK rodata, %luK init, %luK bss, "
			 "%luK reserved",
	       nr_free_pages() << (PAGE_SHIFT - 10),
	       physpages << (PAGE_SHIFT - 10), codesize >> 10, datasize >> 10,
	       rosize >> 10, init_size >> 10, bss_size >> 10,
	       reserved << (PAGE_SHIFT - 10));
	if (layout->memory_line_cma)
		pr_cont(", %luK cma-reserved", 0UL);
	pr_cont(", %luK highmem)\n", totalhigh_pages() << (PAGE_SHIFT - 10));
}

/* local_clock() when the layout block was printed (for make bench). */
u64 layout_printed_ns;

/* The "Virtual kernel memory layout" block, Linux's exact format. */
void print_memory_layout(void)
{
	layout_printed_ns = local_clock();
	printk(KERN_NOTICE "Virtual kernel memory layout:\n"
			   "    vector  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
			   "    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
			   "    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)\n"
			   "    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)\n"
			   "    pkmap   : 0x%08lx - 0x%08lx   (%4ld MB)\n"
			   "    modules : 0x%08lx - 0x%08lx   (%4ld MB)\n"
			   "      .text : 0x%p - 0x%p   (%4ld kB)\n"
			   "      .init : 0x%p - 0x%p   (%4ld kB)\n"
			   "      .data : 0x%p - 0x%p   (%4ld kB)\n"
			   "       .bss : 0x%p - 0x%p   (%4ld kB)\n",
	       MLK(VECTORS_BASE, VECTORS_BASE + PAGE_SIZE),
	       MLK(FIXADDR_START, FIXADDR_END), MLM(VMALLOC_START, VMALLOC_END),
	       MLM(PAGE_OFFSET, (unsigned long)high_memory),
	       MLM(PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE),
	       MLM(MODULES_VADDR, MODULES_END), MLK_ROUNDUP(_text, _etext),
	       MLK_ROUNDUP(__init_begin, __init_end),
	       MLK_ROUNDUP(_sdata, _edata),
	       MLK_ROUNDUP(__bss_start, __bss_stop));
}

void __init mem_init(void)
{
	/* Linux checks these at build and run time; so do we. */
	BUG_ON(TASK_SIZE > MODULES_VADDR);
	BUG_ON(PKMAP_BASE + LAST_PKMAP * PAGE_SIZE > PAGE_OFFSET);
	BUG_ON((unsigned long)high_memory > VMALLOC_START);

	memblock_free_all();
	mm_buddy_ready = true;
	mem_map_report();
	/* Linux's /proc/buddyinfo and /proc/zoneinfo, at KERN_DEBUG (loglevel=debug). */
	show_buddyinfo();
	show_zoneinfo();
	mem_init_print_info();
	print_memory_layout();
}
