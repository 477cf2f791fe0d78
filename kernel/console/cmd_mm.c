/*
 * kernel/console/cmd_mm.c: the console's memory reports, each in the
 * format of the Linux file it copies: meminfo (/proc/meminfo), buddyinfo,
 * zoneinfo, vmallocinfo, slabinfo (/proc), layout (the boot block),
 * ptdump (/sys/kernel/debug/kernel_page_tables) and pagewalk (show_pte,
 * decoded).
 */
#include <asm/layout.h>
#include <asm/paging.h>
#include <hikern/console.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

/* Linux's show_val_kb(): the name padded to 16, the value to 8, in kB. */
static void show_val_kb(const char *name, unsigned long pages)
{
	pr_info("%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

static int cmd_meminfo(int argc, char **argv)
{
	unsigned long total = totalram_pages(), high = totalhigh_pages();
	unsigned long free = nr_free_pages();
	unsigned long high_free =
		NODE_DATA(0)->node_zones[ZONE_HIGHMEM].free_pages;

	(void)argv;
	if (argc > 1)
		return CMD_USAGE;
	show_val_kb("MemTotal:", total);
	show_val_kb("MemFree:", free);
	show_val_kb("HighTotal:", high);
	show_val_kb("HighFree:", high_free);
	show_val_kb("LowTotal:", total - high);
	show_val_kb("LowFree:", free - high_free);
	show_val_kb("Slab:", slab_nr_pages());
	show_val_kb("PageTables:", kernel_pte_pages());
	pr_info("%-16s%8lu kB\n",
		"VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb("VmallocUsed:", vmalloc_nr_pages());
	return 0;
}
CONSOLE_CMD(meminfo, "", "the /proc/meminfo fields that apply", cmd_meminfo, 0);

CONSOLE_SIMPLE_CMD(buddyinfo, show_buddyinfo,
		   "free blocks per order, /proc/buddyinfo");
CONSOLE_SIMPLE_CMD(zoneinfo, show_zoneinfo,
		   "zones and watermarks, /proc/zoneinfo");
CONSOLE_SIMPLE_CMD(vmallocinfo, show_vmallocinfo,
		   "vmalloc areas, /proc/vmallocinfo");
CONSOLE_SIMPLE_CMD(slabinfo, show_slabinfo, "slab caches, /proc/slabinfo");
CONSOLE_SIMPLE_CMD(layout, print_memory_layout,
		   "the boot's Virtual kernel memory layout block");
CONSOLE_SIMPLE_CMD(ptdump, ptdump_show,
		   "kernel page tables, as debugfs kernel_page_tables");

static int cmd_pagewalk(int argc, char **argv)
{
	unsigned long addr;

	if (argc != 2 || !console_parse_ulong(argv[1], &addr))
		return CMD_USAGE;
	pagewalk_show(addr);
	return 0;
}
CONSOLE_CMD(pagewalk, "ADDR", "the L1 and L2 descriptors of ADDR, decoded",
	    cmd_pagewalk, 0);
