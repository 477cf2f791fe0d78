/*
 * Host builds only: the kernel's asm/barrier.h. A host test is one
 * thread with no table walker to order against, so a compiler barrier
 * is all each barrier needs to be.
 */
#ifndef _HOST_ASM_BARRIER_H
#define _HOST_ASM_BARRIER_H

#include <linux/compiler.h>

#define isb() barrier()
#define dsb() barrier()
#define dmb() barrier()
#define mb() barrier()
#define rmb() barrier()
#define wmb() barrier()

#endif /* _HOST_ASM_BARRIER_H */
