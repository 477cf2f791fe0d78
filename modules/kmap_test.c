/*
 * modules/kmap_test.c: seed 000's kmap_test, recorded on x86-64 (no
 * HighMem there: the address it printed, 0x208af000, was a truncated
 * linear-map address). On this 32-bit ARM kernel a HighMem page mapped
 * with kmap() lands in the pkmap window. The banner has seed 000's three
 * regions (no PKMAP line).
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm_types.h>
#include <linux/module.h>

#include "seed_banner.h"

static int __init kmap_test_init(void)
{
	struct page *high_page;
	unsigned int *KMAP_int;

	printk("kmap example init\n");
	seed_print_banner(false);
	high_page = alloc_pages(__GFP_HIGHMEM, 0);
	if (!high_page)
		return -ENOMEM;
	KMAP_int = kmap(high_page);
	printk("[*]unsigned int *KMAP_int:       Address: %#08x\n",
	       (unsigned int)(unsigned long)KMAP_int);
	kunmap(high_page);
	__free_pages(high_page, 0);
	return 0;
}

static void __exit kmap_test_exit(void)
{
	printk("kmap example exit\n");
}

module_init(kmap_test_init);
module_exit(kmap_test_exit);

MODULE_DESCRIPTION("kmap test (seed 000)");
MODULE_LICENSE("GPL");
