/*
 * xchg() and cmpxchg() on 32-bit words with ldrex/strex (ARMv7's
 * exclusive monitor: strex fails, and the loop retries, if any other
 * observer wrote the word since our ldrex). Both are full barriers, as
 * Linux requires of value-returning atomics: a DMB before and after.
 */
#ifndef _ASM_CMPXCHG_H
#define _ASM_CMPXCHG_H

#include <asm/barrier.h>
#include <linux/types.h>

#ifdef __arm__
static inline unsigned long __xchg32(volatile void *ptr, unsigned long x)
{
	unsigned long ret;
	unsigned int tmp;

	smp_mb();
	__asm__ __volatile__("1:	ldrex	%0, [%3]\n"
			     "	strex	%1, %2, [%3]\n"
			     "	teq	%1, #0\n"
			     "	bne	1b"
			     : "=&r"(ret), "=&r"(tmp)
			     : "r"(x), "r"(ptr)
			     : "memory", "cc");
	smp_mb();
	return ret;
}

static inline unsigned long __cmpxchg32(volatile void *ptr, unsigned long old,
					unsigned long new)
{
	unsigned long oldval;
	unsigned int res;

	smp_mb();
	do {
		__asm__ __volatile__("	ldrex	%1, [%2]\n"
				     "	mov	%0, #0\n"
				     "	teq	%1, %3\n"
				     "	strexeq	%0, %4, [%2]"
				     : "=&r"(res), "=&r"(oldval)
				     : "r"(ptr), "Ir"(old), "r"(new)
				     : "memory", "cc");
	} while (res);
	smp_mb();
	return oldval;
}
#else /* host unit tests are single-threaded */
static inline unsigned long __xchg32(volatile void *ptr, unsigned long x)
{
	unsigned long ret = *(volatile u32 *)ptr;

	*(volatile u32 *)ptr = (u32)x;
	return ret;
}

static inline unsigned long __cmpxchg32(volatile void *ptr, unsigned long old,
					unsigned long new)
{
	unsigned long ret = *(volatile u32 *)ptr;

	if (ret == old)
		*(volatile u32 *)ptr = (u32) new;
	return ret;
}
#endif

#define xchg(ptr, x)                                                       \
	({                                                                 \
		_Static_assert(sizeof(*(ptr)) == 4, "xchg: 32 bits only"); \
		(__typeof__(*(ptr)))__xchg32((ptr), (unsigned long)(x));   \
	})

#define cmpxchg(ptr, o, n)                                                    \
	({                                                                    \
		_Static_assert(sizeof(*(ptr)) == 4, "cmpxchg: 32 bits only"); \
		(__typeof__(*(ptr)))__cmpxchg32((ptr), (unsigned long)(o),    \
						(unsigned long)(n));          \
	})

#endif /* _ASM_CMPXCHG_H */
