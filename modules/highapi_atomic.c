/*
 * modules/highapi_atomic.c: seed 002's kmap_atomic example: the page
 * lands in this CPU's fixmap slot ("[*]unsigned int *KMAP_atomic:
 * Address: 0xffefd000" on the seed's board).
 */
#include <linux/gfp.h>
#include <linux/highmem.h> /* kmap_atomic, kunmap_atomic */
#include <linux/mm_types.h>
#include <linux/module.h>
#include <linux/smp.h>

#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/kmap_types.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm-generic/fixmap.h>

#include "seed_banner.h"

static int __init highapi_atomic_example_init(void)
{
	struct page *high_page = NULL;
	unsigned int *KMAP_atomic = NULL;

	printk("highapi_atomic map example init\n");
	seed_print_banner(true);

	/* Allocate a page from Highmem */
	high_page = alloc_pages(__GFP_HIGHMEM, 0);
	if (!high_page)
		return -ENOMEM;
	/* Map on fixmap */
	KMAP_atomic = kmap_atomic(high_page);
	printk("[*]unsigned int *KMAP_atomic:       Address: %#08x\n",
	       (unsigned int)(unsigned long)KMAP_atomic);
	/*
	 * The seed says this unmap is optional ("the next map overwrites
	 * the slot"): it is not. kmap_atomic() disabled preemption and page
	 * faults and took a slot of this CPU's stack; only kunmap_atomic()
	 * gives all three back.
	 */
	if (KMAP_atomic)
		kunmap_atomic(KMAP_atomic);
	__free_pages(high_page, 0);
	return 0;
}

static void __exit highapi_atomic_example_exit(void)
{
	printk("highapi atomic map example exit\n");
}

module_init(highapi_atomic_example_init);
module_exit(highapi_atomic_example_exit);

MODULE_AUTHOR("yeshen");
MODULE_DESCRIPTION("highapi atomic map example");
MODULE_LICENSE("GPL");
