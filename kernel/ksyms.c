/*
 * kernel/ksyms.c: what the kernel exports to modules (EXPORT_SYMBOL),
 * in one list, as ARM Linux's arch/arm/kernel/armksyms.c keeps its own:
 * the module ABI is visible in one file.
 *
 * A module calls the functions it names, and also reaches whatever the
 * kernel's inline functions and macros reach: kmap() is inline and calls
 * kmap_high(); kunmap_atomic() and preempt_enable() may call the
 * scheduler through preempt_schedule_thunk; kmalloc()'s
 * inline fast path reads kmalloc_caches; kmap_atomic() and
 * kmap_atomic_idx_push() the per-CPU kmap_atomic_cpu stacks;
 * page_to_phys() mem_map and __pv_phys_offset; VMALLOC_END and
 * FIXADDR_START the layout profile; set_fixmap() mem_types (PAGE_KERNEL);
 * might_sleep(), BUG() and WARN() their reporting functions. Those
 * globals are exported too (the list is what the seeds' modules really
 * pull in: `arm-none-eabi-nm -u` of each .ko, debug and production
 * builds). EXPORT_SYMBOL_GPL marks what Linux also exports GPL-only.
 */
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/layout.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/irq.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <string.h>

/* printk and the reports inline code makes */
EXPORT_SYMBOL(printk);
EXPORT_SYMBOL(vprintk);
EXPORT_SYMBOL(snprintf);
EXPORT_SYMBOL(scnprintf);
EXPORT_SYMBOL(vsnprintf);
EXPORT_SYMBOL(panic);
EXPORT_SYMBOL(dump_stack);
EXPORT_SYMBOL(__bug);
EXPORT_SYMBOL(__warn);
#if CONFIG_DEBUG_ATOMIC_SLEEP /* might_sleep() calls it in debug builds */
EXPORT_SYMBOL(__might_sleep_report);
#endif
EXPORT_SYMBOL(hardirq_counts);
extern void preempt_schedule_thunk(void); /* arch/arm/kernel/switch.S */
EXPORT_SYMBOL(preempt_schedule_thunk);
EXPORT_SYMBOL(preempt_schedule);
EXPORT_SYMBOL(__wake_up);
EXPORT_SYMBOL(init_waitqueue_head);

/* the memory map: page_to_phys, __va/__pa, the layout macros */
EXPORT_SYMBOL(mem_map);
EXPORT_SYMBOL(high_memory);
EXPORT_SYMBOL(__pv_offset);
EXPORT_SYMBOL(__pv_phys_offset);
EXPORT_SYMBOL(layout);
EXPORT_SYMBOL(mem_types);

/* the page allocator */
EXPORT_SYMBOL(alloc_pages);
EXPORT_SYMBOL(__get_free_pages);
EXPORT_SYMBOL(get_zeroed_page);
EXPORT_SYMBOL(__free_pages);
EXPORT_SYMBOL(free_pages);
EXPORT_SYMBOL(page_address);
EXPORT_SYMBOL(nr_free_pages);
EXPORT_SYMBOL(totalram_pages);

/* kmalloc */
EXPORT_SYMBOL(kmalloc_caches);
EXPORT_SYMBOL(__kmalloc);
EXPORT_SYMBOL(kfree);
EXPORT_SYMBOL(ksize);
EXPORT_SYMBOL(kmem_cache_create);
EXPORT_SYMBOL(kmem_cache_destroy);
EXPORT_SYMBOL(kmem_cache_alloc);
EXPORT_SYMBOL(kmem_cache_free);

/* vmalloc */
EXPORT_SYMBOL(vmalloc);
EXPORT_SYMBOL(vzalloc);
EXPORT_SYMBOL(__vmalloc);
EXPORT_SYMBOL(vfree);
EXPORT_SYMBOL(vmap);
EXPORT_SYMBOL(vunmap);
EXPORT_SYMBOL(vmalloc_to_page);
EXPORT_SYMBOL(vmalloc_to_pfn);
EXPORT_SYMBOL_GPL(get_vm_area);
EXPORT_SYMBOL_GPL(ioremap_page_range);

/* kmap (an inline that calls kmap_high) and kmap_atomic's inline path */
EXPORT_SYMBOL(kmap_high);
EXPORT_SYMBOL(kunmap_high);
EXPORT_SYMBOL(kmap_to_page);
EXPORT_SYMBOL(highmem_page_address);
EXPORT_SYMBOL(kmap_atomic_cpu);
EXPORT_SYMBOL(kmap_atomic_data);
EXPORT_SYMBOL(__set_fixmap);

/* modules */
EXPORT_SYMBOL(try_module_get);
EXPORT_SYMBOL(module_put);
EXPORT_SYMBOL_GPL(__symbol_get);
EXPORT_SYMBOL_GPL(__symbol_put);

/* the C library and libgcc routines gcc may call from any code */
EXPORT_SYMBOL(memcpy);
EXPORT_SYMBOL(memmove);
EXPORT_SYMBOL(memset);
EXPORT_SYMBOL(memcmp);
EXPORT_SYMBOL(strlen);
EXPORT_SYMBOL(strcmp);
EXPORT_SYMBOL(strncmp);
EXPORT_SYMBOL(strchr);

extern void __aeabi_uidiv(void);
extern void __aeabi_uidivmod(void);
extern void __aeabi_idiv(void);
extern void __aeabi_idivmod(void);
extern void __aeabi_uldivmod(void);
extern void __aeabi_ldivmod(void);
extern void __aeabi_llsl(void);
extern void __aeabi_llsr(void);
extern void __aeabi_lasr(void);
EXPORT_SYMBOL(__aeabi_uidiv);
EXPORT_SYMBOL(__aeabi_uidivmod);
EXPORT_SYMBOL(__aeabi_idiv);
EXPORT_SYMBOL(__aeabi_idivmod);
EXPORT_SYMBOL(__aeabi_uldivmod);
EXPORT_SYMBOL(__aeabi_ldivmod);
EXPORT_SYMBOL(__aeabi_llsl);
EXPORT_SYMBOL(__aeabi_llsr);
EXPORT_SYMBOL(__aeabi_lasr);
