/*
 * tests/modules/bad_unknown.c: calls a function nothing exports. modpost
 * warns at build time ("nosuch_symbol" undefined!) and the loader
 * refuses the module: "bad_unknown: Unknown symbol nosuch_symbol (err -2)".
 */
#include <linux/module.h>

void nosuch_symbol(void);

static int __init bad_unknown_init(void)
{
	nosuch_symbol();
	return 0;
}
module_init(bad_unknown_init);

MODULE_LICENSE("GPL");
