/*
 * Basic fixed-width types shared by the guest kernel and the host-side test
 * builds. Only compiler-provided freestanding headers are used so the same
 * file works with arm-none-eabi-gcc -ffreestanding and with host gcc/clang.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * u32 is "unsigned int" on purpose: arm-none-eabi's uint32_t is "unsigned
 * long", x86-64's is "unsigned int"; fixing u32 keeps printk formats (%u,
 * %x) and pointer types identical on the guest and on the host.
 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

/*
 * No LPAE: physical addresses fit in 32 bits on the guest. Host builds use
 * the same width so the buddy core sees identical arithmetic.
 */
typedef u32 phys_addr_t;
typedef u32 __be32;
typedef unsigned int gfp_t;

#endif /* _LINUX_TYPES_H */
