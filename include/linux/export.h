/*
 * EXPORT_SYMBOL / EXPORT_SYMBOL_GPL: make a kernel (or module) symbol
 * visible to modules, as Linux's include/linux/export.h.
 *
 * Each export is a struct kernel_symbol {address, name} in its own
 * section "___ksymtab+NAME" (or "___ksymtab_gpl+NAME"). linker.ld gathers
 * them with SORT() into __ksymtab / __ksymtab_gpl between
 * __start___ksymtab... bounds, so the table is sorted by name and
 * kernel/module.c finds a symbol by binary search; the kernel links with
 * --gc-sections, and the KEEP() there is also what keeps an exported
 * function nothing in the kernel calls. scripts/module.lds does the same
 * inside a module, whose table the loader reads from its __ksymtab
 * sections. scripts/modpost.py reads the __ksymtab_NAME symbols to write
 * Module.symvers and the modules' depends= lists.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>

struct kernel_symbol {
	unsigned long value;
	const char *name;
};

#define ___EXPORT_SYMBOL(sym, sec)                                            \
	static const char __kstrtab_##sym[] __used __section(                 \
		"__ksymtab_strings") = #sym;                                  \
	static const struct kernel_symbol __ksymtab_##sym __used __aligned(4) \
		__section("___ksymtab" sec "+" #sym) = { (unsigned long)&sym, \
							 __kstrtab_##sym }

#define EXPORT_SYMBOL(sym) ___EXPORT_SYMBOL(sym, "")
#define EXPORT_SYMBOL_GPL(sym) ___EXPORT_SYMBOL(sym, "_gpl")

#endif /* _LINUX_EXPORT_H */
