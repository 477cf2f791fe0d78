/*
 * tests/host/lib_test.h: what the host tests of the boot-information and
 * library code (test_vsprintf, test_cmdline, test_fdt, test_atags,
 * test_machines; tests/host/lib.mk) share.
 *
 * Their kernel objects are compiled with vsnprintf/snprintf/scnprintf
 * renamed to kern_*, so the host's printf family stays available to
 * compare against; printk (tests/host/printk.c) formats with the
 * kernel's own kern_vsnprintf, quietly, into the log the tests search.
 */
#ifndef _HOST_LIB_TEST_H
#define _HOST_LIB_TEST_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <stdarg.h>
#include <stddef.h>

#include "fdt_builder.h"
#include "shim.h"

int kern_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int kern_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int kern_scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#define HOST_TEST(fn)          \
	{                      \
#fn, fn, false \
	}

/* Deterministic xorshift PRNG, so a failure reproduces. */
static u64 rng_state = 0x9e3779b97f4a7c15ULL;

static inline u64 rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* argv[1]: the directory of the test DTBs (lib.mk passes build/host). */
static inline void lib_test_init(int argc, char **argv)
{
	if (argc > 1)
		fdt_blob_dir = argv[1];
	shim_vsnprintf = kern_vsnprintf;
	shim_quiet = true;
}

#endif /* _HOST_LIB_TEST_H */
