/*
 * modules/vmalloc_example.c: seed 002's vmalloc example: the address
 * lands in the vmalloc area ("[*]unsigned int *VMALLOC_int: Address:
 * 0xf081f000" on the seed's board).
 */
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/module.h>
#include <linux/vmalloc.h> /* vmalloc */

#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/memory.h>
#include <asm/pgtable.h>

#include "seed_banner.h"

static int __init vmalloc_example_init(void)
{
	unsigned int *VMALLOC_int = NULL;

	printk("vmalloc example init\n");
	seed_print_banner(true);

	VMALLOC_int = (unsigned int *)vmalloc(sizeof(unsigned int));
	printk("[*]unsigned int *VMALLOC_int:    Address: %#08x\n",
	       (unsigned int)(unsigned long)VMALLOC_int);
	if (VMALLOC_int)
		vfree(VMALLOC_int);
	return 0;
}

static void __exit vmalloc_example_exit(void)
{
	printk("vmalloc example exit\n");
}

module_init(vmalloc_example_init);
module_exit(vmalloc_example_exit);

MODULE_AUTHOR("yeshen");
MODULE_DESCRIPTION("vmalloc example");
MODULE_LICENSE("GPL");
