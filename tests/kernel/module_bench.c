/*
 * tests/kernel/module_bench.c: benchmark "module": guest instructions to
 * load and to unload a small module (tests/modules/oot_hello.ko, from the
 * initramfs: check, place, resolve, relocate, set permissions, run init;
 * then exit and free), and the cost of a call from module text into an
 * exported kernel function next to the same loop compiled into the
 * kernel. The module area sits within BL range of the kernel
 * (arch/arm/kernel/module.c), so the two calls should cost the same.
 */
#include <hikern/bench.h>
#include <linux/export.h>
#include <linux/initramfs.h>
#include <linux/module.h>
#include <linux/printk.h>

#define LOAD_ROUNDS 4
#define CALLS 1000

/* The exported function both loops call. */
noinline unsigned long bench_call_target(unsigned long x)
{
	return x ^ 0x5a;
}
EXPORT_SYMBOL(bench_call_target);

/* The kernel's copy of oot_hello_call_loop(). */
static noinline unsigned long kernel_call_loop(unsigned long n)
{
	unsigned long sum = 0;

	for (unsigned long i = 0; i < n; i++)
		sum += bench_call_target(i);
	return sum;
}

static void bench_calls(void)
{
	unsigned long (*loop)(unsigned long) =
		__symbol_get("oot_hello_call_loop");
	u32 t0, t1, t2;
	unsigned long a, b;

	if (!loop) {
		pr_err("bench: module: oot_hello_call_loop not found\n");
		return;
	}
	loop(CALLS); /* warm the caches and the TLB */
	kernel_call_loop(CALLS);
	t0 = bench_cycles();
	a = loop(CALLS);
	t1 = bench_cycles();
	b = kernel_call_loop(CALLS);
	t2 = bench_cycles();
	__symbol_put("oot_hello_call_loop");
	if (a != b)
		pr_err("bench: module: the two loops disagree (%lu, %lu)\n", a,
		       b);
	bench_report_per_op("module_call_kernel", t1 - t0, CALLS);
	bench_report_per_op("kernel_call_kernel", t2 - t1, CALLS);
}

static void module_bench_run(void)
{
	const struct initramfs_file *f = initramfs_find_module("oot_hello");
	u32 load = 0, unload = 0;

	if (!f) {
		pr_err("bench: module: oot_hello.ko not in the initramfs\n");
		return;
	}
	/* One untimed round fills the slab caches the loader uses. */
	if (load_module(f->data, f->size, NULL) || delete_module("oot_hello"))
		return;
	for (int i = 0; i < LOAD_ROUNDS; i++) {
		u32 t0 = bench_cycles(), t1;

		if (load_module(f->data, f->size, NULL))
			return;
		t1 = bench_cycles();
		load += t1 - t0;
		if (i == LOAD_ROUNDS - 1)
			bench_calls(); /* with the module loaded */
		t0 = bench_cycles();
		delete_module("oot_hello");
		unload += bench_cycles() - t0;
	}
	bench_report_per_op("module_load", load, LOAD_ROUNDS);
	bench_report_per_op("module_unload", unload, LOAD_ROUNDS);
}

static const struct bench module_bench = {
	.name = "module",
	.run = module_bench_run,
};
bench_register(module_bench);
