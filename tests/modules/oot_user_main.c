/*
 * tests/modules/oot_user_main.c: a module of two files (oot_user-y) that
 * uses oot_hello's exports, so that modpost records depends=oot_hello
 * and the loader links the two: oot_hello cannot be unloaded while this
 * module is loaded.
 */
#include <linux/module.h>

int oot_hello_add(int a, int b);
extern int oot_hello_gpl_value;
int oot_user_twice(int x);

static int __init oot_user_init(void)
{
	pr_info("oot_user: 2 + 3 = %d, twice(%d) = %d\n", oot_hello_add(2, 3),
		oot_hello_gpl_value, oot_user_twice(oot_hello_gpl_value));
	return 0;
}

static void __exit oot_user_exit(void)
{
	pr_info("oot_user: exit\n");
}

module_init(oot_user_init);
module_exit(oot_user_exit);

MODULE_LICENSE("GPL v2");
MODULE_DESCRIPTION("uses oot_hello's exports");
