/*
 * arch/arm/mm/layout.c: the layout profile, vmalloc= and the lowmem limit
 * (Linux's vmalloc_min, early_vmalloc and adjust_lowmem_bounds from
 * arch/arm/mm/mmu.c).
 *
 * Everything is derived as Linux derives it: vmalloc_min is VMALLOC_END
 * minus the vmalloc size (minus VMALLOC_OFFSET for the default size only,
 * as in Linux), the lowmem limit is the highest RAM below vmalloc_min's
 * physical address, high_memory is its virtual address and VMALLOC_START
 * the next 8 MB boundary above it.
 */
#include <asm/layout.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <string.h>

static const struct layout_profile profiles[] = {
	{
		.name = "v3.18",
		.linux_versions = "Linux v3.15-v3.18",
		.vmalloc_end = 0xff000000UL,
		.fixaddr_start = 0xffc00000UL,
		.fixaddr_end = 0xffe00000UL,
		.memory_line_cma = false,
	},
	{
		.name = "v5",
		.linux_versions = "Linux v4.4-v5.10",
		.vmalloc_end = 0xff800000UL,
		.fixaddr_start = 0xffc00000UL,
		.fixaddr_end = 0xfff00000UL,
		.memory_line_cma = true,
	},
};

const struct layout_profile *layout = &profiles[0];
unsigned long vmalloc_min;
phys_addr_t arm_lowmem_limit;
void *high_memory;

/* vmalloc= as given; applied once the profile is known. */
static unsigned long vmalloc_request;
static bool vmalloc_request_given;

int layout_select(const char *name)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(profiles); i++) {
		if (!strcmp(profiles[i].name, name)) {
			layout = &profiles[i];
			return 0;
		}
	}
	return -1;
}

static int __init early_layout(char *arg)
{
	if (layout_select(arg)) {
		pr_warn("hikern.layout=%s: unknown profile, using %s\n", arg,
			layout->name);
	}
	return 0;
}
early_param("hikern.layout", early_layout);

static int __init early_vmalloc(char *arg)
{
	char *end;
	unsigned long long size = memparse(arg, &end);

	if (end == arg || *end) {
		vmalloc_request_given = false;
		pr_warn("vmalloc=%s: not a size, using the default\n", arg);
		return 0;
	}
	vmalloc_request = size > ~0UL ? ~0UL : (unsigned long)size;
	vmalloc_request_given = true;
	return 0;
}
early_param("vmalloc", early_vmalloc);

/* vmalloc_min from vmalloc= with Linux's clamps and warnings. */
static void __init vmalloc_setup(void)
{
	unsigned long reserve = vmalloc_request;
	unsigned long max = VMALLOC_END - (PAGE_OFFSET + SZ_32M);

	if (!vmalloc_request_given) {
		vmalloc_min =
			VMALLOC_END - VMALLOC_DEFAULT_SIZE - VMALLOC_OFFSET;
		return;
	}
	if (reserve < VMALLOC_MIN_SIZE) {
		reserve = VMALLOC_MIN_SIZE;
		pr_warn("vmalloc area too small, limiting to %luMB\n",
			reserve >> 20);
	}
	if (reserve > max) {
		reserve = max;
		pr_warn("vmalloc area is too big, limiting to %luMB\n",
			reserve >> 20);
	}
	/*
	 * Linux keeps vmalloc_min exactly VMALLOC_END - reserve, so a size
	 * that is not a whole number of pages (vmalloc=246789K) leaves
	 * high_memory mid-page; its zones still end at max_low_pfn =
	 * PFN_DOWN(arm_lowmem_limit), leaving that partial page out of
	 * lowmem, while map_lowmem maps it whole. hikern rounds vmalloc_min
	 * down to that same page boundary, so high_memory, the end of
	 * ZONE_NORMAL and the end of the linear map are one address (the
	 * vmalloc area gains the partial page; VMALLOC_START, on its 8 MB
	 * boundary, does not move). The lowmem line then shows the page
	 * boundary (0xefefe000) where Linux prints 0xefefec00.
	 */
	vmalloc_min = ALIGN_DOWN(VMALLOC_END - reserve, PAGE_SIZE);
}

void __init adjust_lowmem_bounds(void)
{
	u64 vmalloc_limit;
	phys_addr_t lowmem_limit = 0;
	struct memblock_region *r;

	vmalloc_setup();
	vmalloc_limit = (u64)__pa(vmalloc_min - 1) + 1;
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		r = &memblock.memory.regions[i];
		u64 base = r->base, end = (u64)r->base + r->size;

		if (base >= vmalloc_limit)
			continue;
		if (end > vmalloc_limit)
			end = vmalloc_limit;
		if (end > lowmem_limit)
			lowmem_limit = (phys_addr_t)end;
	}
	arm_lowmem_limit = lowmem_limit;
	/* "- 1 + 1" keeps a 4 GB limit from overflowing, as Linux does. */
	high_memory = (char *)__va(arm_lowmem_limit - 1) + 1;
}
