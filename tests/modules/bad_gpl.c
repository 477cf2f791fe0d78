/*
 * tests/modules/bad_gpl.c: a proprietary module using get_vm_area, which
 * the kernel exports GPL-only (EXPORT_SYMBOL_GPL, as Linux): refused as
 * Linux refuses it, "bad_gpl: Unknown symbol get_vm_area (err -2)".
 */
#include <linux/module.h>
#include <linux/vmalloc.h>

static int __init bad_gpl_init(void)
{
	return get_vm_area(PAGE_SIZE, VM_IOREMAP) ? 0 : -ENOMEM;
}
module_init(bad_gpl_init);

MODULE_LICENSE("Proprietary");
