/*
 * arch/arm/mm/initrd.c: check the initrd the boot loader described before
 * reserving it (Linux's arm_initrd_init in arch/arm/mm/init.c).
 *
 * /chosen linux,initrd-start/-end or an ATAG_INITRD2 is only a claim: the
 * range may lie outside RAM, or over the kernel, its page tables or the
 * boot parameters. Reserving such a range blindly would either reserve
 * memory that does not exist or hide the fact that the initrd and the
 * kernel were loaded over each other. So, as Linux does, a range that is
 * not wholly inside one memory region, or that overlaps memory already
 * reserved, is refused with Linux's messages and the kernel carries on
 * without an initrd.
 */
#include <asm/page.h>
#include <asm/setup.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/printk.h>

phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;

/* Is [start, end) inside a single memblock.memory region? */
static bool __init initrd_is_region_memory(u64 start, u64 end)
{
	/* Beyond 32 bits: no RAM there without LPAE. */
	if (end > 0x100000000ULL)
		return false;
	return memblock_is_region_memory((phys_addr_t)start,
					 (phys_addr_t)(end - start));
}

/* Does [start, end) share a byte with any memblock.reserved region? */
static bool __init initrd_is_region_reserved(u64 start, u64 end)
{
	const struct memblock_type *rsv = &memblock.reserved;
	unsigned long i;

	for (i = 0; i < rsv->cnt; i++)
		if (start < memblock_region_end(&rsv->regions[i]) &&
		    rsv->regions[i].base < end)
			return true;
	return false;
}

/**
 * arm_initrd_init - reserve the boot loader's initrd if it can be trusted
 * @bi: boot information; @bi->initrd_start/end (physical, end exclusive)
 *      describe the initrd, equal when there is none
 *
 * Call after the RAM banks are in memblock.memory and the kernel image,
 * its page tables and the boot parameters are reserved, so that an
 * initrd over any of them is seen. The range is widened to whole pages
 * (the pages are what is reserved and later freed). On success the pages
 * are reserved and phys_initrd_start/phys_initrd_size describe them;
 * otherwise one "INITRD: ... - disabling initrd" line says why and both
 * stay 0.
 */
void __init arm_initrd_init(const struct boot_info *bi)
{
	u64 start, end;

	phys_initrd_start = 0;
	phys_initrd_size = 0;
	if (bi->initrd_end <= bi->initrd_start)
		return;
	start = ALIGN_DOWN(bi->initrd_start, (u64)PAGE_SIZE);
	end = ALIGN(bi->initrd_end, (u64)PAGE_SIZE);

	if (!initrd_is_region_memory(start, end)) {
		pr_err("INITRD: 0x%08llx+0x%08llx is not a memory region - "
		       "disabling initrd\n",
		       start, end - start);
		return;
	}
	if (initrd_is_region_reserved(start, end)) {
		pr_err("INITRD: 0x%08llx+0x%08llx overlaps in-use memory "
		       "region "
		       "- disabling initrd\n",
		       start, end - start);
		return;
	}
	memblock_reserve((phys_addr_t)start, (phys_addr_t)(end - start));
	phys_initrd_start = (phys_addr_t)start;
	phys_initrd_size = (unsigned long)(end - start);
}
