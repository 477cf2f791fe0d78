/*
 * atomic_t for ARMv7 (Linux's asm/atomic.h, written for hikern): each
 * read-modify-write is an ldrex/strex loop. The plain forms (atomic_add,
 * atomic_inc) order nothing; the value-returning ones and atomic_cmpxchg
 * are full barriers (smp_mb() on each side), as in Linux's
 * Documentation/atomic_t.txt.
 */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

#include <asm/barrier.h>
#include <asm/cmpxchg.h>
#include <linux/compiler.h>
#include <linux/types.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) \
	{              \
		(i)    \
	}

#define atomic_read(v) READ_ONCE((v)->counter)
#define atomic_set(v, i) WRITE_ONCE((v)->counter, (i))

#ifdef __arm__
/* One ldrex/strex loop computing counter = counter <op> i; no barrier. */
#define ATOMIC_OP(name, asm_op)                                              \
	static inline int atomic_##name##_return_relaxed(int i, atomic_t *v) \
	{                                                                    \
		unsigned long tmp;                                           \
		int result;                                                  \
		__asm__ __volatile__("1:	ldrex	%0, [%3]\n"                   \
				     "	" #asm_op "	%0, %0, %4\n"            \
				     "	strex	%1, %0, [%3]\n"                 \
				     "	teq	%1, #0\n"                         \
				     "	bne	1b"                               \
				     : "=&r"(result), "=&r"(tmp),            \
				       "+Qo"(v->counter)                     \
				     : "r"(&v->counter), "Ir"(i)             \
				     : "cc");                                \
		return result;                                               \
	}
#else
#define ATOMIC_OP(name, c_op)                                                \
	static inline int atomic_##name##_return_relaxed(int i, atomic_t *v) \
	{                                                                    \
		return v->counter c_op i;                                    \
	}
#endif

#ifdef __arm__
ATOMIC_OP(add, add)
ATOMIC_OP(sub, sub)
#else
ATOMIC_OP(add, +=)
ATOMIC_OP(sub, -=)
#endif
#undef ATOMIC_OP

/* The plain forms order nothing: the relaxed loop, result unused. */
static inline void atomic_add(int i, atomic_t *v)
{
	(void)atomic_add_return_relaxed(i, v);
}

static inline void atomic_sub(int i, atomic_t *v)
{
	(void)atomic_sub_return_relaxed(i, v);
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	int ret;

	smp_mb();
	ret = atomic_add_return_relaxed(i, v);
	smp_mb();
	return ret;
}

static inline int atomic_sub_return(int i, atomic_t *v)
{
	int ret;

	smp_mb();
	ret = atomic_sub_return_relaxed(i, v);
	smp_mb();
	return ret;
}

/* The old value; v becomes @new only if it was @old. Full barrier. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	return cmpxchg(&v->counter, old, new);
}

static inline int atomic_xchg(atomic_t *v, int new)
{
	return xchg(&v->counter, new);
}

/*
 * Add @a unless the counter is @u; true if it added. Linux's generic
 * atomic_add_unless(): a compare-and-swap loop, so a value that changes
 * meanwhile is looked at again. Full barrier when it adds.
 */
static inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	int old = atomic_read(v);

	while (old != u) {
		int seen = atomic_cmpxchg(v, old, old + a);

		if (seen == old)
			return true;
		old = seen;
	}
	return false;
}

#define atomic_inc_not_zero(v) atomic_add_unless((v), 1, 0)

#define atomic_inc(v) atomic_add(1, v)
#define atomic_dec(v) atomic_sub(1, v)
#define atomic_inc_return(v) atomic_add_return(1, v)
#define atomic_dec_return(v) atomic_sub_return(1, v)
#define atomic_dec_and_test(v) (atomic_sub_return(1, v) == 0)
#define atomic_inc_and_test(v) (atomic_add_return(1, v) == 0)

#endif /* _ASM_ATOMIC_H */
