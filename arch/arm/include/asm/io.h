/*
 * MMIO accessors, and ioremap/iounmap (arch/arm/mm/ioremap.c): device
 * registers mapped into the vmalloc area with device memory attributes.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>

#define __iomem

/* Device memory is strongly ordered enough for our UP use. */
static inline u32 readl_relaxed(const volatile void __iomem *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel_relaxed(u32 v, volatile void __iomem *addr)
{
	*(volatile u32 *)addr = v;
}

#define readl(a) readl_relaxed(a)
#define writel(v, a) writel_relaxed(v, a)

/*
 * Map [phys_addr, phys_addr+size) with memory type mtype (enum mem_type)
 * into a vmalloc area; caller is recorded for vmallocinfo. A range inside
 * a boot-time static mapping reuses it. RAM is refused (a second mapping
 * with other attributes is unpredictable on ARMv6+). NULL on failure.
 */
void __iomem *__arm_ioremap_caller(phys_addr_t phys_addr, size_t size,
				   unsigned int mtype, const void *caller);
/* Device registers, MT_DEVICE (Shareable Device, never executable). */
void __iomem *ioremap(phys_addr_t phys_addr, size_t size);
/* Undo ioremap; static mappings stay. */
void iounmap(volatile void __iomem *addr);

#endif /* _ASM_IO_H */
