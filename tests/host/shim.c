/*
 * tests/host/shim.c: host implementations of what mm/page_alloc.c,
 * mm/memblock.c and mm/show_mem.c call outside mm/: printk (to stdout,
 * minus the KERN_ level, and into a log), BUG (prints and aborts), WARN
 * (prints and counts), clear_highpage (fake RAM is all addressable on the
 * host) and the PHYS_OFFSET / __pv_offset variables boot code would set.
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

bool shim_quiet;
unsigned long shim_nr_warnings;

static char log_buf[1 << 16];
static size_t log_len;

void shim_log_clear(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

bool shim_log_contains(const char *s)
{
	return strstr(log_buf, s) != NULL;
}

const char *shim_log(void)
{
	return log_buf;
}

/* Keep the newest text: drop the older half when full. */
static void log_append(const char *s, size_t n)
{
	if (n >= sizeof(log_buf) / 2)
		return;
	if (log_len + n >= sizeof(log_buf)) {
		size_t keep = log_len / 2;

		memmove(log_buf, log_buf + log_len - keep, keep);
		log_len = keep;
	}
	memcpy(log_buf + log_len, s, n + 1);
	log_len += n;
}

/* The kernel's %px prints a raw pointer; the host's %p does that. */
static void host_format(char *out, size_t size, const char *fmt)
{
	size_t o = 0;

	while (*fmt && o + 1 < size) {
		out[o++] = *fmt;
		if (fmt[0] == '%' && fmt[1] == 'p' && fmt[2] == 'x') {
			out[o++] = 'p';
			fmt += 3;
			continue;
		}
		fmt++;
	}
	out[o] = '\0';
}

int vprintk(const char *fmt, va_list args)
{
	char hfmt[512], line[1024];
	int n;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	host_format(hfmt, sizeof(hfmt), fmt);
	n = vsnprintf(line, sizeof(line), hfmt, args);
	log_append(line, strlen(line));
	if (!shim_quiet)
		fputs(line, stdout);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

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
int hardirq_count;

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
