/*
 * tests/host/printk.c: the one printk of the host tests. Every line the
 * code under test prints is kept in a log the tests search (shim.h), and
 * echoed to stdout unless shim_quiet is set. The line is formatted by
 * shim_vsnprintf: the host's vsnprintf by default (with the kernel's %px
 * turned into %p), or the kernel's own formatter where a test links
 * lib/vsprintf.c and wants kernel-only conversions such as %pa.
 */
#include <linux/printk.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "shim.h"

bool shim_quiet;

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

static int host_vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	char hfmt[512];

	host_format(hfmt, sizeof(hfmt), fmt);
	return vsnprintf(buf, size, hfmt, args);
}

int (*shim_vsnprintf)(char *buf, size_t size, const char *fmt,
		      va_list args) = host_vsnprintf;

int vprintk(const char *fmt, va_list args)
{
	char line[1024];
	int n;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	n = shim_vsnprintf(line, sizeof(line), fmt, args);
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
