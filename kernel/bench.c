/*
 * kernel/bench.c: the benchmark runner (see include/hikern/bench.h).
 *
 * The counter (asm/bench.h: on ARM the PMU cycle counter, enabled from
 * kernel mode) is started before the first benchmark. Under
 * `-icount shift=0,sleep=off` QEMU makes it count retired guest
 * instructions, so two runs print identical figures; without icount it
 * counts host nanoseconds and the figures are only indicative.
 */
#include <hikern/bench.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <string.h>

extern u64 layout_printed_ns;

extern const struct bench *__bench_list_start[];
extern const struct bench *__bench_list_end[];

static const char *bench_selection;
u32 bench_overhead;

static int __init setup_bench(char *str)
{
	bench_selection = str;
	return 1;
}
__setup("hikern.bench=", setup_bench);

void bench_report(const char *name, unsigned long long value, const char *unit)
{
	pr_info("bench: %s %llu %s\n", name, value, unit);
}

void bench_report_per_op(const char *name, u32 total, unsigned long n)
{
	u32 net = total > bench_overhead ? total - bench_overhead : 0;
	unsigned long long tenths = ((unsigned long long)net * 10 + n / 2) / n;

	pr_info("bench: %s %llu.%llu insns/op\n", name, tenths / 10,
		tenths % 10);
}

static bool bench_exists(const char *name, size_t len)
{
	for (const struct bench **b = __bench_list_start; b < __bench_list_end;
	     b++)
		if (strlen((*b)->name) == len &&
		    !strncmp((*b)->name, name, len))
			return true;
	return false;
}

/*
 * hikern.bench=help lists the benchmarks; an empty selection or a name
 * that is none of them is reported and counted, as hikern.test= does.
 */
static int check_bench_names(void)
{
	const char *s = bench_selection;
	int unknown = 0;
	size_t len;

	if (!strcmp(s, "all"))
		return 0;
	if (!*s || !strcmp(s, "help")) {
		if (!*s)
			pr_err("hikern.bench= is empty\n");
		pr_info("hikern.bench= takes all, help or a comma-separated "
			"list of:\n");
		for (const struct bench **b = __bench_list_start;
		     b < __bench_list_end; b++)
			pr_info("  %s\n", (*b)->name);
		return !*s;
	}
	for (; (s = next_list_item(s, &len)); s += len + (s[len] == ','))
		if (len && !bench_exists(s, len)) {
			pr_err("hikern.bench=%.*s: no such benchmark "
			       "(hikern.bench=help lists them)\n",
			       (int)len, s);
			unknown++;
		}
	return unknown;
}

/**
 * bench_run - run benchmarks from the console
 * @selection: as hikern.bench= takes it ("all", "help", a list of names)
 *
 * Context: process context (the console shell's thread).
 * Return: the number of names that are no benchmark (0: all ran).
 */
int bench_run(const char *selection)
{
	const char *saved = bench_selection;
	int ret;

	bench_selection = selection;
	ret = bench_run_selected();
	bench_selection = saved;
	return ret;
}

/*
 * bench_run_selected - run the benchmarks hikern.bench= names
 * Returns -1 without hikern.bench=, else the number of names that are no
 * benchmark (0: all ran).
 */
int bench_run_selected(void)
{
	u32 t0, t1;
	int unknown;

	if (!bench_selection)
		return -1;
	unknown = check_bench_names();
	if (unknown || !strcmp(bench_selection, "help"))
		return unknown;
	arch_bench_counter_enable();
	t0 = bench_cycles();
	t1 = bench_cycles();
	bench_overhead = t1 - t0;
	bench_report("overhead", bench_overhead, "insns");
	/* Under -icount shift=0 one guest instruction takes 1 ns. */
	bench_report("reset_to_layout", layout_printed_ns, "insns");
	for (const struct bench **b = __bench_list_start; b < __bench_list_end;
	     b++)
		if (list_has_item(bench_selection, (*b)->name))
			(*b)->run();
	return 0;
}
