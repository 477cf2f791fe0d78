/* The most CPUs the kernel supports (Linux's CONFIG_NR_CPUS for ARM). */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

/* Same token sequence as asm/fixmap.h's, which sizes the kmap slots. */
#define NR_CPUS 4

#endif /* _LINUX_THREADS_H */
