/*
 * tests/host/shim.c: host implementations of what mm/page_alloc.c,
 * mm/memblock.c and mm/show_mem.c call outside mm/: BUG (prints and
 * aborts), WARN (prints and counts), clear_highpage (fake RAM is all
 * addressable on the host) and the PHYS_OFFSET / __pv_offset variables
 * boot code would set. printk and its log are in printk.c, shared with
 * the other host tests.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <asm/memory.h>
#include <linux/bug.h>
#include <linux/highmem.h>
#include <linux/irq.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>

#include "shim.h"

unsigned long __pv_offset;
phys_addr_t __pv_phys_offset;
void *high_memory;

unsigned long shim_nr_warnings;

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	if (n < 0)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

void __bug(const char *file, int line, const char *func)
{
	fflush(stdout);
	fprintf(stderr, "kernel BUG at %s:%d! (%s)\n", file, line, func);
	abort();
}

/* No interrupts on the host: in_interrupt() is always false. */
int hardirq_counts[NR_CPUS];

/* As __bug: the test process ends (the page allocator's NOFAIL panic). */
void panic(const char *fmt, ...)
{
	va_list args;

	fflush(stdout);
	fprintf(stderr, "Kernel panic - not syncing: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	abort();
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	shim_nr_warnings++;
	printk(KERN_WARNING "WARNING: at %s:%d %s(): %s\n", file, line, func,
	       cond);
}

void clear_highpage(struct page *page)
{
	memset(__va(page_to_phys(page)), 0, PAGE_SIZE);
}
