/*
 * tests/modules/oops_test.c: a BUG() in module code, so that the oops
 * report names the module's functions as Linux does:
 *
 *	[<c00...>] (__bug) from [<bf00...>] (cleanup_module+0x0/0x10 [oops_test])
 *
 * (the return address after BUG(), a noreturn call that ends
 * oops_test_bug, is the next function's, as it is for kernel code) and
 * "Modules linked in: oops_test(O)". The module suite calls
 * oops_test_bug() (exported) under kunit_expect_bug(), which prints the
 * whole oops and resumes the test; then it unloads the module.
 */
#include <linux/bug.h>
#include <linux/module.h>

noinline void oops_test_bug(void *unused)
{
	BUG();
}
EXPORT_SYMBOL(oops_test_bug);

static int __init oops_test_init(void)
{
	return 0;
}

static void __exit oops_test_exit(void)
{
}

module_init(oops_test_init);
module_exit(oops_test_exit);

MODULE_LICENSE("GPL");
