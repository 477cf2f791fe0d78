/* Leaving QEMU with a status (arch/arm/kernel/semihosting.c). */
#ifndef _ASM_SEMIHOSTING_H
#define _ASM_SEMIHOSTING_H

#include <linux/compiler.h>

/* Exit statuses seen by whoever started QEMU. */
#define EXIT_PASS 0
#define EXIT_TEST_FAILED 1
#define EXIT_PANIC 3

void __noreturn semihosting_exit(int status);

#endif /* _ASM_SEMIHOSTING_H */
