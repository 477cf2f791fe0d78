/* Boot-time entry points called from start_kernel() (kernel/main.c). */
#ifndef _LINUX_START_KERNEL_H
#define _LINUX_START_KERNEL_H

#include <linux/compiler.h>

void __noreturn start_kernel(void);
void setup_arch(char **cmdline_p);
void time_init(void);
/*
 * Run the suites hikern.test= selected: returns the number of failed
 * cases (0 = all passed), or -1 when no tests were requested.
 */
int kunit_run_selected(void);
/* The console's `test SELECTION` (same syntax); returns the failures. */
int kunit_run_filter(const char *selection);

#endif /* _LINUX_START_KERNEL_H */
