/*
 * arch/arm/include/asm/set_memory.h: permissions of kernel pages mapped
 * with PTEs (arch/arm/mm/pageattr.c), as Linux's. Each returns 0, or
 * -EINVAL with a WARNING (and nothing changed) if a page is not mapped
 * with a PTE of normal memory, or the change would leave it writable and
 * executable.
 */
#ifndef _ASM_ARM_SET_MEMORY_H
#define _ASM_ARM_SET_MEMORY_H

#include <linux/types.h>

int set_memory_ro(unsigned long addr, int numpages);
int set_memory_rw(unsigned long addr, int numpages);
int set_memory_x(unsigned long addr, int numpages);
int set_memory_nx(unsigned long addr, int numpages);

/*
 * Is the page at addr mapped with a PTE of normal memory? If so,
 * *writable and *exec say how (for the self-tests).
 */
bool kernel_page_is(unsigned long addr, bool *writable, bool *exec);

#endif /* _ASM_ARM_SET_MEMORY_H */
