/*
 * Host builds only: the kernel's asm/barrier.h. A host test is one
 * thread with no table walker to order against, so a compiler barrier
 * is all each barrier needs to be.
 */
#ifndef _HOST_ASM_BARRIER_H
#define _HOST_ASM_BARRIER_H

#include <linux/compiler.h>

#define isb() barrier()
#define dsb(opt) barrier()
#define dmb(opt) barrier()
#define sev() barrier()
#define wfe() barrier()
#define mb() barrier()
#define rmb() barrier()
#define wmb() barrier()
#define smp_mb() barrier()
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define smp_store_release(p, v)      \
	do {                         \
		barrier();           \
		WRITE_ONCE(*(p), v); \
	} while (0)
#define smp_load_acquire(p)                              \
	({                                               \
		__typeof__(*(p)) ___v = READ_ONCE(*(p)); \
		barrier();                               \
		___v;                                    \
	})
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()

#endif /* _HOST_ASM_BARRIER_H */
