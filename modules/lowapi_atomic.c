/*
 * modules/lowapi_atomic.c: seed 002's low-level fixmap example: take a
 * kmap_atomic slot type with kmap_atomic_idx_push(), turn it into this
 * CPU's fixmap index and map a HighMem page there with set_fixmap(); the
 * address lands in the fixmap ("[*]unsignd long vaddr: Address:
 * 0xffefe000" on the seed's board; "unsignd" is the seed's).
 *
 * The seed's listing does not compile and maps the wrong slot: it writes
 * __fix_to_virt(iFIX_KMAP_BEGIN + idx) (a typo for FIX_KMAP_BEGIN), then
 * set_fixmap(idx, ...) and clear_fixmap(idx) without FIX_KMAP_BEGIN, so
 * the page would be mapped one slot away from the address it prints (and
 * over the earlycon UART's slot 0 for CPU 0, type 0). It also never
 * gives the slot type back and runs with preemption on. This module
 * uses the one index for all three calls, as the seed's first listing
 * does, pops the slot type and keeps preemption off while it holds it,
 * as kmap_atomic() does.
 */
#include <linux/gfp.h>
#include <linux/highmem.h> /* kmap_atomic_idx_push */
#include <linux/mm_types.h>
#include <linux/module.h>
#include <linux/smp.h> /* smp_processor_id */

#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/kmap_types.h> /* KM_TYPE_NR */
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm-generic/fixmap.h> /* __fix_to_virt, set_fixmap */

#include "seed_banner.h"

static int __init lowapi_atomic_example_init(void)
{
	struct page *high_page;
	int idx, type;
	unsigned long vaddr;

	printk("lowapi_atomic map example init\n");
	seed_print_banner(true);

	/* Allocate a physical page */
	high_page = alloc_page(__GFP_HIGHMEM);
	if (!high_page)
		return -ENOMEM;

	/* Obtain current CPU's FIX_KMAP_BEGIN */
	preempt_disable();
	type = kmap_atomic_idx_push();
	idx = FIX_KMAP_BEGIN + type + KM_TYPE_NR * smp_processor_id();

	/* Obtain fixmap virtual address by index */
	vaddr = __fix_to_virt(idx);
	/* Associate fixmap virtual address with physical address */
	set_fixmap(idx, page_to_phys(high_page));

	printk("[*]unsignd long vaddr:       Address: %#08x\n",
	       (unsigned int)(unsigned long)vaddr);

	/* Remove associate with fixmap */
	clear_fixmap(idx);
	kmap_atomic_idx_pop();
	preempt_enable();
	__free_page(high_page);
	return 0;
}

static void __exit lowapi_atomic_example_exit(void)
{
	printk("lowapi atomic map example exit\n");
}

module_init(lowapi_atomic_example_init);
module_exit(lowapi_atomic_example_exit);

MODULE_AUTHOR("yeshen");
MODULE_DESCRIPTION("lowapi atomic map example");
MODULE_LICENSE("GPL");
