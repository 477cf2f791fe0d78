/*
 * Host unit tests for the ATAG list reader (arch/arm/kernel/atags.c):
 * QEMU's vexpress list, every kind of bad list, every truncation, random
 * corruption, and telling a DTB from an ATAG list from neither. Built
 * with ASan/UBSan by tests/host/lib.mk.
 */
#include <linux/kernel.h> /* first: compiler.h before any libc header */
#include <asm/setup.h>
#include <stdlib.h>
#include <string.h>

#include "fdt_builder.h"
#include "harness.h"
#include "lib_test.h"

static struct boot_info bi;

#define TAG(words, tag) (words), (tag)

/* CORE, two MEMs, CMDLINE, INITRD2, NONE: what QEMU's vexpress passes. */
static const u32 good_atags[] = {
	TAG(5, ATAG_CORE),
	1,
	4096,
	0xff,
	TAG(4, ATAG_MEM),
	0x40000000,
	0x60000000,
	TAG(4, ATAG_MEM),
	0,
	0x10000000, /* zero-size: skipped */
	TAG(2 + 4, ATAG_CMDLINE),
	0x3d6f6f66,
	0x20726162,
	0x6d6c6176,
	0x636f6c,
	TAG(4, ATAG_INITRD2),
	0x68000000,
	0x1000,
	TAG(0, ATAG_NONE),
};

static u32 *atag_copy(const u32 *tags, size_t bytes)
{
	u32 *copy = malloc(bytes ? bytes : 4);

	memcpy(copy, tags, bytes);
	return copy;
}

static int parse_copy(const u32 *tags, size_t bytes)
{
	u32 *copy = atag_copy(tags, bytes);
	int rc = parse_atags(copy, bytes, &bi);

	free(copy);
	return rc;
}

static void test_atags_valid(void)
{
	EXPECT_EQ(parse_copy(good_atags, sizeof(good_atags)), 0);
	EXPECT_STR(bi.error, "");
	EXPECT_STR(bi.source, "ATAGS");
	EXPECT_EQ(bi.nr_banks, 1);
	EXPECT_EQ(bi.bank[0].start, 0x60000000);
	EXPECT_EQ(bi.bank[0].size, 0x40000000);
	EXPECT_STR(bi.cmdline, "foo=bar valmloc");
	EXPECT_EQ(bi.initrd_start, 0x68000000);
	EXPECT_EQ(bi.initrd_end, 0x68001000);
	EXPECT(bi.model == NULL);

	{ /* empty CORE, NONE of size 2, cmdline filling its tag */
		static const u32 t[] = {
			TAG(2, ATAG_CORE), TAG(4, ATAG_MEM),	 0x1000,
			0x80000000,	   TAG(3, ATAG_CMDLINE), 0x64636261,
			TAG(2, ATAG_NONE),
		};

		EXPECT_EQ(parse_copy(t, sizeof(t)), 0);
		EXPECT_STR(bi.cmdline, "abcd");
		EXPECT_EQ(bi.bank[0].start, 0x80000000);
	}
}

static void test_atags_bad(void)
{
	static const u32 no_core[] = { TAG(4, ATAG_MEM), 1, 2, TAG(0, 0) };
	static const u32 zero_size[] = { TAG(2, ATAG_CORE), TAG(0, ATAG_MEM) };
	static const u32 one_word[] = { TAG(2, ATAG_CORE), TAG(1, ATAG_MEM),
					0 };
	static const u32 huge[] = { TAG(2, ATAG_CORE),
				    TAG(0x40000000, 0x1234) };
	static const u32 short_mem[] = { TAG(2, ATAG_CORE), TAG(3, ATAG_MEM), 1,
					 TAG(0, 0) };
	static const u32 no_mem[] = { TAG(2, ATAG_CORE), TAG(3, ATAG_CMDLINE),
				      0x00646d63, TAG(0, 0) };
	static u32 many[2 + 2 * (ATAG_MAX_TAGS + 8)];
	static u32 banks[2 + 4 * (NR_BANKS + 2) + 2];
	size_t len, i;
	u32 *copy;

	EXPECT_EQ(parse_copy(no_core, sizeof(no_core)), -1);
	EXPECT(strstr(bi.error, "ATAG_CORE"));
	EXPECT_EQ(parse_copy(zero_size, sizeof(zero_size)), -1);
	EXPECT_EQ(parse_copy(one_word, sizeof(one_word)), -1);
	EXPECT_EQ(parse_copy(huge, sizeof(huge)), -1);
	EXPECT(strstr(bi.error, "bad size"));
	EXPECT_EQ(parse_copy(short_mem, sizeof(short_mem)), -1);
	EXPECT_EQ(parse_copy(no_mem, sizeof(no_mem)), -1);
	EXPECT_STR(bi.cmdline, "cmd");
	EXPECT_STR(bi.error, "ATAGS: no ATAG_MEM");
	EXPECT_EQ(parse_atags(NULL, 64, &bi), -1);

	/* Too many tags: refused, not walked for ever. */
	many[0] = 2;
	many[1] = ATAG_CORE;
	for (i = 0; i < ATAG_MAX_TAGS + 8; i++) {
		many[2 + 2 * i] = 2;
		many[3 + 2 * i] = 0x5441ffff;
	}
	EXPECT_EQ(parse_copy(many, sizeof(many)), -1);
	EXPECT(strstr(bi.error, "more than 256 tags"));

	/* Too many banks: the first NR_BANKS are kept, with a note. */
	banks[0] = 2;
	banks[1] = ATAG_CORE;
	for (i = 0; i < NR_BANKS + 2; i++) {
		u32 *t = &banks[2 + 4 * i];

		t[0] = 4;
		t[1] = ATAG_MEM;
		t[2] = 0x100000;
		t[3] = (u32)i << 24;
	}
	EXPECT_EQ(parse_copy(banks, sizeof(banks)), 0);
	EXPECT_EQ(bi.nr_banks, NR_BANKS);
	EXPECT(strstr(bi.error, "more than 8 memory banks"));

	/* Every truncation of a good list fails cleanly. */
	for (len = 0; len < sizeof(good_atags); len++)
		EXPECT_EQ(parse_copy(good_atags, len), -1);

	/* Misaligned pointer. */
	copy = malloc(sizeof(good_atags) + 4);
	memcpy((u8 *)copy + 2, good_atags, sizeof(good_atags));
	EXPECT_EQ(parse_atags((u8 *)copy + 2, sizeof(good_atags), &bi), -1);
	free(copy);
}

static void test_atags_random_corruption(void)
{
	u32 *copy = malloc(sizeof(good_atags));
	int i;

	for (i = 0; i < 20000; i++) {
		memcpy(copy, good_atags, sizeof(good_atags));
		((u8 *)copy)[rnd() % sizeof(good_atags)] = (u8)rnd();
		((u8 *)copy)[rnd() % sizeof(good_atags)] ^= 1u << (rnd() % 8);
		parse_atags(copy, sizeof(good_atags), &bi);
		EXPECT(strlen(bi.cmdline) < sizeof(bi.cmdline));
	}
	free(copy);
}

static void test_boot_params_type(void)
{
	struct blob b = fdt_load_blob("vexpress-v2p-ca9.dtb");
	static const u32 junk[] = { 0x12345678, 0x9abcdef0 };
	static const u32 core5[] = { 5, ATAG_CORE };
	static const u32 core3[] = { 3, ATAG_CORE };

	EXPECT_EQ(boot_params_type(good_atags), BOOT_PARAMS_ATAGS);
	EXPECT_EQ(boot_params_type(core5), BOOT_PARAMS_ATAGS);
	EXPECT_EQ(boot_params_type(core3), BOOT_PARAMS_NONE);
	EXPECT_EQ(boot_params_type(junk), BOOT_PARAMS_NONE);
	EXPECT_EQ(boot_params_type(NULL), BOOT_PARAMS_NONE);
	EXPECT_EQ(boot_params_type((const u8 *)core5 + 1), BOOT_PARAMS_NONE);
	if (b.size)
		EXPECT_EQ(boot_params_type(b.data), BOOT_PARAMS_DTB);
	free(b.data);
}

int main(int argc, char **argv)
{
	static const struct host_test tests[] = {
		HOST_TEST(test_atags_valid),
		HOST_TEST(test_atags_bad),
		HOST_TEST(test_atags_random_corruption),
		HOST_TEST(test_boot_params_type),
	};

	lib_test_init(argc, argv);
	return run_tests(tests, ARRAY_SIZE(tests));
}
