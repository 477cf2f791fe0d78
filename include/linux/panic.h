/* panic() and the oops machinery (kernel/panic.c, arch/arm/kernel/traps.c). */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>
#include <linux/types.h>

struct pt_regs;

void __noreturn panic(const char *fmt, ...) __printf(1, 2);
/* Print an oops for regs ("Internal error: <str>: <err>") and panic. */
void __noreturn die(const char *str, struct pt_regs *regs, unsigned long err);
/* Registers and backtrace of regs, Linux's show_regs/dump_backtrace. */
void show_regs(struct pt_regs *regs);
void dump_stack(void);

/*
 * Taint flags (Linux's numbers; kernel/panic.c): set by what makes a bug
 * report less trustworthy, shown in every oops and WARNING header.
 */
#define TAINT_PROPRIETARY_MODULE 0
#define TAINT_OOT_MODULE 12
void add_taint(unsigned int flag);
bool test_taint(unsigned int flag);
/* "Not tainted" or "Tainted: G           O     " (Linux's layout). */
const char *print_tainted(void);

/* Set while a panic is in progress (stops recursion). */
extern int oops_in_progress;

#endif /* _LINUX_PANIC_H */
