/*
 * arch/arm/include/asm/kmap_types.h: KM_TYPE_NR, the kmap_atomic slots
 * each CPU owns (Linux's ARM value, 16). hikern defines it with the
 * fixmap indices it sizes, in asm/fixmap.h; this header is here so that
 * modules written for v3.x-v5.x, which include <asm/kmap_types.h> for
 * it, compile unchanged.
 */
#ifndef _ASM_ARM_KMAP_TYPES_H
#define _ASM_ARM_KMAP_TYPES_H

#include <asm/fixmap.h>

#endif /* _ASM_ARM_KMAP_TYPES_H */
