/*
 * Host builds only: the kernel's asm/memmap.h. No arch_memmap_fill, so
 * mm/page_alloc.c uses its C loop.
 */
#ifndef _HOST_ASM_MEMMAP_H
#define _HOST_ASM_MEMMAP_H
#endif /* _HOST_ASM_MEMMAP_H */
