/* Symbol lookup for oops backtraces and %pS (kernel/kallsyms.c). */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

/*
 * Name of the function containing addr, or NULL; *symbolsize and *offset
 * (either may be NULL) get its size and addr's offset into it.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset);

#endif /* _LINUX_KALLSYMS_H */
