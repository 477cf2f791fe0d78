/*
 * include/asm-generic/fixmap.h: __fix_to_virt(), set_fixmap() and
 * clear_fixmap(). In Linux the architecture's asm/fixmap.h includes this
 * file for them; hikern keeps them in asm/fixmap.h next to the indices
 * they take, and this header includes that one, so that modules that
 * include <asm-generic/fixmap.h> (as seed 002's fixmap example does)
 * compile unchanged.
 */
#ifndef __ASM_GENERIC_FIXMAP_H
#define __ASM_GENERIC_FIXMAP_H

#include <asm/fixmap.h>

#endif /* __ASM_GENERIC_FIXMAP_H */
