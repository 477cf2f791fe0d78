/*
 * tests/host/shim.h: the host stand-ins for the kernel services mm/ uses
 * (BUG, WARN, clear_highpage, the phys/virt offsets; shim.c), and the
 * one printk of the host tests with a log of everything printed, so
 * tests can check report formats (printk.c).
 */
#ifndef _HOST_SHIM_H
#define _HOST_SHIM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Set to keep printk output off stdout (it is still logged). */
extern bool shim_quiet;
/* WARN_ON hits so far. */
extern unsigned long shim_nr_warnings;

/* Forget the log; does the log since then contain s? (printk.c) */
void shim_log_clear(void);
bool shim_log_contains(const char *s);
const char *shim_log(void);

/* What printk formats with: the host's vsnprintf unless a test says. */
extern int (*shim_vsnprintf)(char *buf, size_t size, const char *fmt,
			     va_list args);

#endif /* _HOST_SHIM_H */
