/*
 * modules/kmap_test2.c: seed 000's kmap_test2, the kmap_atomic variant
 * ("high api_atomic map example init"). On this 32-bit ARM kernel the
 * HighMem page lands in this CPU's fixmap slot.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm_types.h>
#include <linux/module.h>

#include "seed_banner.h"

static int __init kmap_test2_init(void)
{
	struct page *high_page;
	unsigned int *KMAP_atomic;

	printk("high api_atomic map example init\n");
	seed_print_banner(false);
	high_page = alloc_pages(__GFP_HIGHMEM, 0);
	if (!high_page)
		return -ENOMEM;
	KMAP_atomic = kmap_atomic(high_page);
	printk("[*]unsigned int *KMAP_atomic:       Address: %#08x\n",
	       (unsigned int)(unsigned long)KMAP_atomic);
	kunmap_atomic(KMAP_atomic);
	__free_pages(high_page, 0);
	return 0;
}

static void __exit kmap_test2_exit(void)
{
	printk("high api_atomic map example exit\n");
}

module_init(kmap_test2_init);
module_exit(kmap_test2_exit);

MODULE_DESCRIPTION("kmap_atomic test (seed 000)");
MODULE_LICENSE("GPL");
