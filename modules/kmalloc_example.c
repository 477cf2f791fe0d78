/*
 * modules/kmalloc_example.c: seed 002's kmalloc example: kmalloc(...,
 * GFP_KERNEL) returns a lowmem address ("[*]unsigned int *NORMAL_int:
 * Address: 0xeea18980" on the seed's board).
 */
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/module.h>
#include <linux/slab.h> /* kmalloc */

#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/memory.h>
#include <asm/pgtable.h>

#include "seed_banner.h"

static int __init kmalloc_example_init(void)
{
	unsigned int *NORMAL_int = NULL;

	printk("kmalloc example init\n");
	seed_print_banner(true);

	NORMAL_int = (unsigned int *)kmalloc(sizeof(unsigned int), GFP_KERNEL);
	printk("[*]unsigned int *NORMAL_int:     Address: %#08x\n",
	       (unsigned int)(unsigned long)NORMAL_int);
	if (NORMAL_int)
		kfree(NORMAL_int);
	return 0;
}

static void __exit kmalloc_example_exit(void)
{
	printk("kmalloc example exit\n");
}

module_init(kmalloc_example_init);
module_exit(kmalloc_example_exit);

MODULE_AUTHOR("yeshen");
MODULE_DESCRIPTION("kmalloc example");
MODULE_LICENSE("GPL");
