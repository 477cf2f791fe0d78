/*
 * In-kernel benchmarks, run by "hikern.bench=all|<name>[,<name>]" under
 * `make bench` (QEMU with -icount shift=0,sleep=off, where the PMU cycle
 * counter counts guest instructions exactly).
 *
 * A benchmark registers with bench_register() and reports each figure
 * with bench_report(), which prints one machine-readable line
 *	bench: <name> <value> <unit>
 * Benchmarks measure; they never assert on speed.
 */
#ifndef _HIKERN_BENCH_H
#define _HIKERN_BENCH_H

#include <asm/bench.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct bench {
	const char *name;
	void (*run)(void);
};

#define bench_register(b)                                            \
	static const struct bench *__bench_ptr_##b __used __section( \
		".bench_list") = &(b)

/* Guest instructions under -icount shift=0 (PMCCNTR), else host ns. */
static inline u32 bench_cycles(void)
{
	return arch_bench_counter_read();
}

/* Cycles bench_cycles() itself costs, to subtract from a measurement. */
extern u32 bench_overhead;

/* Print "bench: <name> <value> <unit>" (value may carry 1 decimal). */
void bench_report(const char *name, unsigned long long value, const char *unit);
/* Per-op figure from a total over n operations, rounded, in tenths. */
void bench_report_per_op(const char *name, u32 total, unsigned long n);

struct page;
/* A block of 2^order HighMem pages or NULL (tests/kernel/highmem_bench.c). */
struct page *bench_highmem_block(unsigned int order);

/* Run the benchmarks selected by hikern.bench=; -1 if none requested. */
int bench_run_selected(void);
/* The console's `bench [NAMES]`: the same with a selection of its own. */
int bench_run(const char *selection);

#endif /* _HIKERN_BENCH_H */
