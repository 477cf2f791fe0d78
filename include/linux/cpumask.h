/*
 * Sets of CPUs (Linux's linux/cpumask.h, reduced). NR_CPUS is 4, so a
 * mask is one word, bit n for CPU n, in the style of linux/smp.h's
 * cpu_online_bits; struct cpumask wraps it so that the scheduler's calls
 * read as Linux's: set_cpus_allowed_ptr(p, cpumask_of(1)).
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/compiler.h>
#include <linux/smp.h>
#include <linux/threads.h>
#include <linux/types.h>

struct cpumask {
	unsigned long bits; /* bit n: CPU n */
};
typedef struct cpumask cpumask_t;

#define CPU_BITS_ALL ((1UL << NR_CPUS) - 1)
#define CPU_MASK_ALL ((struct cpumask){ CPU_BITS_ALL })
#define CPU_MASK_NONE ((struct cpumask){ 0 })

/*
 * The mask of CPU @cpu alone. Linux points into a constant table; here
 * the pointer is to a compound literal, which lives until the end of the
 * enclosing block: pass it on, do not keep it.
 */
#define cpumask_of(cpu) (&(const struct cpumask){ 1UL << (cpu) })

/* The CPUs online now, as a mask (a snapshot: same lifetime rule). */
#define cpu_online_mask \
	(&(const struct cpumask){ READ_ONCE(cpu_online_bits) & CPU_BITS_ALL })

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *m)
{
	return cpu < NR_CPUS && (m->bits >> cpu) & 1;
}

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m)
{
	if (cpu < NR_CPUS)
		m->bits |= 1UL << cpu;
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *m)
{
	m->bits &= ~(1UL << cpu);
}

static inline void cpumask_clear(struct cpumask *m)
{
	m->bits = 0;
}

static inline bool cpumask_empty(const struct cpumask *m)
{
	return !(m->bits & CPU_BITS_ALL);
}

/* Do @a and @b hold the same CPUs? */
static inline bool cpumask_equal(const struct cpumask *a,
				 const struct cpumask *b)
{
	return (a->bits & CPU_BITS_ALL) == (b->bits & CPU_BITS_ALL);
}

static inline bool cpumask_intersects(const struct cpumask *a,
				      const struct cpumask *b)
{
	return (a->bits & b->bits & CPU_BITS_ALL) != 0;
}

static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	return __builtin_popcountl(m->bits & CPU_BITS_ALL);
}

/* A CPU in both masks (the first), or NR_CPUS if they share none. */
static inline unsigned int cpumask_any_and(const struct cpumask *a,
					   const struct cpumask *b)
{
	unsigned long both = a->bits & b->bits & CPU_BITS_ALL;

	return both ? (unsigned int)__builtin_ctzl(both) : NR_CPUS;
}

#define for_each_cpu(cpu, mask)                   \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++) \
		if (cpumask_test_cpu((cpu), (mask)))

#endif /* _LINUX_CPUMASK_H */
