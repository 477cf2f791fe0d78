/*
 * Host unit tests for the vexpress machine records of the ATAGS path
 * (arch/arm/kernel/machines.c): which board and core pick which record,
 * and the devices a record fills in. Built with ASan/UBSan by
 * tests/host/lib.mk.
 */
#include <linux/kernel.h> /* first: compiler.h before any libc header */
#include <asm/setup.h>
#include <string.h>

#include "harness.h"
#include "lib_test.h"

static struct boot_info bi;

#define TAG(words, tag) (words), (tag)

/* What QEMU's vexpress passes, reduced to the one bank the test checks. */
static const u32 vexpress_atags[] = {
	TAG(2, ATAG_CORE), TAG(4, ATAG_MEM),  0x40000000,
	0x60000000,	   TAG(0, ATAG_NONE),
};

static void test_machine_records(void)
{
	const struct machine_desc *a9 = lookup_machine_type(0x8e0, 0x410fc090);
	const struct machine_desc *a15 = lookup_machine_type(0x8e0, 0x414fc0f0);

	EXPECT(a9 != NULL);
	EXPECT(a15 != NULL);
	EXPECT(lookup_machine_type(0x8e0, 0x410fc070) == a15);	/* A7 tile */
	EXPECT(lookup_machine_type(0x8e0, 0x410fd030) == NULL); /* A53 */
	EXPECT(lookup_machine_type(0x8e0, 0x560fc090) == NULL); /* not ARM */
	EXPECT(lookup_machine_type(0xffffffff, 0x414fc0f0) == NULL);
	EXPECT(lookup_machine_type(0x183, 0x410fc090) == NULL);

	EXPECT_EQ(parse_atags(vexpress_atags, sizeof(vexpress_atags), &bi), 0);
	machine_fill_devices(a9, &bi);
	EXPECT_EQ(bi.uart_base, 0x10009000);
	EXPECT_EQ(bi.gic_dist_base, 0x1e001000);
	EXPECT_EQ(bi.gic_cpu_base, 0x1e000100);
	EXPECT_EQ(bi.twd_or_gt_base, 0x1e000200);
	EXPECT(!bi.has_arch_timer);
	EXPECT(strstr(bi.model, "V2P-CA9"));
	EXPECT_EQ(bi.bank[0].start, 0x60000000); /* memory untouched */
	machine_fill_devices(a15, &bi);
	EXPECT_EQ(bi.uart_base, 0x1c090000);
	EXPECT_EQ(bi.gic_dist_base, 0x2c001000);
	EXPECT_EQ(bi.gic_cpu_base, 0x2c002000);
	EXPECT_EQ(bi.twd_or_gt_base, 0);
	EXPECT(bi.has_arch_timer);
	EXPECT_EQ(bi.arch_timer_virt_ppi, 27);
}

int main(int argc, char **argv)
{
	static const struct host_test tests[] = {
		HOST_TEST(test_machine_records),
	};

	lib_test_init(argc, argv);
	return run_tests(tests, ARRAY_SIZE(tests));
}
