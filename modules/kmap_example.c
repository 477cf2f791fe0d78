/*
 * modules/kmap_example.c: seed 002's kmap example. A HighMem page mapped
 * with kmap() lands in the pkmap window (0xbfe00000-0xc0000000 on the
 * seed's board: "[*]unsigned int *KMAP_int: Address: 0xbfe2b000").
 */
#include <linux/gfp.h>	    /* alloc_pages, __GFP_HIGHMEM */
#include <linux/highmem.h>  /* kmap, kunmap */
#include <linux/mm_types.h> /* struct page */
#include <linux/module.h>

#include "seed_banner.h"

static int __init kmap_example_init(void)
{
	struct page *high_page = NULL;
	unsigned int *KMAP_int = NULL;

	printk("kmap example init\n");
	seed_print_banner(true);

	/* Allocate a page from Highmem */
	high_page = alloc_pages(__GFP_HIGHMEM, 0);
	if (!high_page)
		return -ENOMEM; /* the seed does not check */
	/* Map on pkmap */
	KMAP_int = kmap(high_page);
	printk("[*]unsigned int *KMAP_int:       Address: %#08x\n",
	       (unsigned int)(unsigned long)KMAP_int);
	if (KMAP_int)
		kunmap(high_page);
	__free_pages(high_page, 0);
	return 0;
}

static void __exit kmap_example_exit(void)
{
	printk("kmap example exit\n");
}

module_init(kmap_example_init);
module_exit(kmap_example_exit);

MODULE_AUTHOR("yeshen");
MODULE_DESCRIPTION("kmap example");
MODULE_LICENSE("GPL");
