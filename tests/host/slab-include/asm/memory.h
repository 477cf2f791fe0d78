/*
 * Host builds of mm/slab.c only (tests/host/slab.mk): fake RAM lies
 * wherever mmap put it, so the linear map starts at __va(PHYS_OFFSET)
 * rather than at 0xC0000000. mm/slab.c finds a lowmem address's struct
 * page from its offset above PAGE_OFFSET, so PAGE_OFFSET follows the
 * fake linear map here.
 */
#ifndef _HOST_SLAB_ASM_MEMORY_H
#define _HOST_SLAB_ASM_MEMORY_H

#include_next <asm/memory.h>

#undef PAGE_OFFSET
#define PAGE_OFFSET ((unsigned long)__va(PHYS_OFFSET))

#endif /* _HOST_SLAB_ASM_MEMORY_H */
