/* Symbol lookup for oops backtraces and %pS (kernel/kallsyms.c). */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

/*
 * Name of the function containing addr, kernel or module text, or NULL;
 * *symbolsize and *offset (either may be NULL) get its size and addr's
 * offset into it, *modname (may be NULL) the module's name or NULL for
 * the kernel's own.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, const char **modname);

#endif /* _LINUX_KALLSYMS_H */
