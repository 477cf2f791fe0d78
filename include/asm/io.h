/* MMIO accessors. Device memory is strongly ordered enough for our UP use. */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>

#define __iomem

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

#endif /* _ASM_IO_H */
