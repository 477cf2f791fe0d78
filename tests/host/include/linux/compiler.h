/*
 * Host builds only: glibc's <sys/cdefs.h> defines __always_inline too.
 * Take glibc's first and drop its definition, so the kernel's one below
 * wins whatever order a test includes headers in (cdefs.h is guarded).
 */
#ifndef _HOST_LINUX_COMPILER_H
#define _HOST_LINUX_COMPILER_H

#include <sys/cdefs.h>
#undef __always_inline
#include_next <linux/compiler.h>

#endif /* _HOST_LINUX_COMPILER_H */
