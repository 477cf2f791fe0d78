/*
 * tests/modules/oot_hello.c: a small out-of-tree module. It exports a
 * function (used by oot_user, so oot_user depends on it and it cannot be
 * unloaded first) and a GPL-only variable, and holds kernel memory while
 * loaded (one kmalloc'd word, one vmalloc'd page) so that the tests see
 * rmmod give everything back. oot_hello_call_loop() is what make bench
 * times against the same loop compiled into the kernel.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static int *counter;
static void *scratch;
int oot_hello_gpl_value = 42;
EXPORT_SYMBOL_GPL(oot_hello_gpl_value);

/* a + b, counted: the symbol oot_user resolves against this module. */
int oot_hello_add(int a, int b)
{
	if (counter)
		(*counter)++;
	return a + b;
}
EXPORT_SYMBOL(oot_hello_add);

/* Exported by the kernel's benchmarks (tests/kernel/module_bench.c). */
unsigned long bench_call_target(unsigned long x);

/*
 * n direct calls (BL, R_ARM_CALL) into the kernel: make bench compares
 * them with the same loop compiled into the kernel.
 */
unsigned long oot_hello_call_loop(unsigned long n)
{
	unsigned long sum = 0;

	for (unsigned long i = 0; i < n; i++)
		sum += bench_call_target(i);
	return sum;
}
EXPORT_SYMBOL(oot_hello_call_loop);

static int __init oot_hello_init(void)
{
	counter = kmalloc(sizeof(*counter), GFP_KERNEL);
	scratch = vmalloc(PAGE_SIZE);
	if (!counter || !scratch) {
		kfree(counter);
		vfree(scratch);
		return -ENOMEM;
	}
	*counter = 0;
	pr_info("oot_hello: init, text at %px\n", (void *)oot_hello_add);
	return 0;
}

static void __exit oot_hello_exit(void)
{
	pr_info("oot_hello: exit after %d calls\n", *counter);
	vfree(scratch);
	kfree(counter);
}

module_init(oot_hello_init);
module_exit(oot_hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("hikern");
MODULE_DESCRIPTION("out-of-tree test module with exports");
