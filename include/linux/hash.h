/*
 * Multiplicative hashing, as Linux's include/linux/hash.h: multiply by a
 * constant close to 2^32 / phi and keep the top bits. The high bits of the
 * product depend on every bit of the key, so keys that differ only in a
 * few low bits (struct page pointers 32 bytes apart) still spread over
 * all buckets, with no division.
 */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

#include <linux/types.h>

#define GOLDEN_RATIO_32 0x61C88647u
#define GOLDEN_RATIO_64 0x61C8864680B583EBull

/* The top `bits` bits (1..32) of val * GOLDEN_RATIO_32. */
static inline u32 hash_32(u32 val, unsigned int bits)
{
	return (val * GOLDEN_RATIO_32) >> (32 - bits);
}

static inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}

/* Pointers are 32 bits on the guest, 64 on a host test build. */
static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	if (sizeof(ptr) == 4)
		return hash_32((u32)(uintptr_t)ptr, bits);
	return hash_64((u64)(uintptr_t)ptr, bits);
}

#endif /* _LINUX_HASH_H */
