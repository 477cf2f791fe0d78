/* tests/modules/oot_user_helper.c: oot_user's second object file. */
#include <linux/module.h>

int oot_hello_add(int a, int b);

int oot_user_twice(int x)
{
	return oot_hello_add(x, x);
}
