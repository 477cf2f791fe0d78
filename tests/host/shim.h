/*
 * tests/host/shim.h: the host stand-ins for the kernel services mm/ uses
 * (printk, BUG, WARN, clear_highpage, the phys/virt offsets), and a log
 * of everything printed so tests can check report formats.
 */
#ifndef _HOST_SHIM_H
#define _HOST_SHIM_H

#include <stdbool.h>
#include <stddef.h>

/* Set to keep printk output off stdout (it is still logged). */
extern bool shim_quiet;
/* WARN_ON hits so far. */
extern unsigned long shim_nr_warnings;

/* Forget the log; does the log since then contain s? */
void shim_log_clear(void);
bool shim_log_contains(const char *s);
const char *shim_log(void);

#endif /* _HOST_SHIM_H */
