/*
 * Host unit tests for the device tree reader (drivers/of/fdt.c) and the
 * boot scan with the drivers' match tables (linux/of.h): QEMU's and the
 * vexpress trees, the accessors, hand-made trees (fdt_builder.h) with
 * every kind of damage, bad headers, every truncation and random
 * corruption. Built with ASan/UBSan by tests/host/lib.mk.
 *
 * Usage: test_fdt <dir with virt.dtb, virt-args.dtb, vexpress-*.dtb>
 */
#include <linux/kernel.h> /* first: compiler.h before any libc header */
#include <asm/setup.h>
#include <linux/of_fdt.h>
#include <stdlib.h>
#include <string.h>

#include "fdt_builder.h"
#include "harness.h"
#include "lib_test.h"

static struct boot_info bi;

/* What early_init_dt_scan() must find in one of the real trees. */
struct dt_expect {
	const char *file, *model;
	u64 mem_start, mem_size, uart, gic_dist, gic_cpu, gt;
	bool arch_timer;
	unsigned int virt_ppi;
};

static const struct dt_expect virt_expect = {
	"virt.dtb", "linux,dummy-virt", 0x40000000, 0x40000000, 0x09000000,
	0x08000000, 0x08010000,		0,	    true,	27,
};

/*
 * Scan @e's file and check the fields every tree has. Returns the blob
 * (the caller frees it) for checks of its own; size 0 if it is missing.
 */
static struct blob scan_expect(const struct dt_expect *e)
{
	struct blob b = fdt_load_blob(e->file);

	if (!b.size)
		return b;
	EXPECT_EQ(early_init_dt_scan(b.data, b.size, &bi), 0);
	EXPECT_STR(bi.error, "");
	EXPECT_STR(bi.source, "DTB");
	EXPECT_STR(bi.model, e->model);
	EXPECT_EQ(bi.nr_banks, 1);
	EXPECT_EQ(bi.bank[0].start, e->mem_start);
	EXPECT_EQ(bi.bank[0].size, e->mem_size);
	EXPECT_EQ(bi.uart_base, e->uart);
	EXPECT_EQ(bi.gic_dist_base, e->gic_dist);
	EXPECT_EQ(bi.gic_cpu_base, e->gic_cpu);
	EXPECT_EQ(bi.twd_or_gt_base, e->gt);
	EXPECT_EQ(bi.has_arch_timer, e->arch_timer);
	EXPECT_EQ(bi.arch_timer_virt_ppi, e->virt_ppi);
	return b;
}

static void test_fdt_qemu_virt(void)
{
	struct blob b = scan_expect(&virt_expect);

	if (!b.size)
		return;
	EXPECT_EQ(fdt_check_header(b.data, b.size), 0);
	EXPECT_EQ(fdt_check_full(b.data, b.size), 0);
	EXPECT_STR(bi.cmdline, "");
	EXPECT_EQ(bi.initrd_start, 0);
	free(b.data);
}

static void test_fdt_qemu_virt_args(void)
{
	struct dt_expect e = virt_expect;
	struct blob b;

	e.file = "virt-args.dtb";
	b = scan_expect(&e);
	EXPECT_STR(bi.cmdline,
		   "console=ttyAMA0 vmalloc=256M hikern.test=\"a b\"");
	EXPECT(bi.initrd_start != 0);
	EXPECT_EQ(bi.initrd_end - bi.initrd_start, 1000); /* lib.mk's initrd */
	free(b.data);
}

/*
 * A vexpress tree's four CPUs (reg 0-3, no enable-method: the board
 * starts them through SYS_FLAGS) and its arm,vexpress-sysreg node at
 * @path, which must translate to @base through the smb/iofpga ranges.
 */
static void expect_vexpress_smp(const void *blob, const char *path, u64 base)
{
	u64 addr = 0, size = 0;
	int sysreg;

	EXPECT_EQ(bi.nr_cpus, 4);
	for (unsigned int i = 0; i < 4; i++)
		EXPECT_EQ(bi.cpu_mpidr[i], i);
	EXPECT(!bi.cpus_psci);
	sysreg = of_flat_dt_path_offset(blob, path, strlen(path));
	EXPECT(sysreg > 0);
	EXPECT(of_flat_dt_is_compatible(blob, sysreg, "arm,vexpress-sysreg"));
	EXPECT_EQ(of_flat_dt_translate_reg(blob, sysreg, 0, &addr, &size), 0);
	EXPECT_EQ(addr, base);
	EXPECT_EQ(size, 0x1000);
}

static void test_fdt_vexpress_ca9(void)
{
	static const struct dt_expect e = {
		"vexpress-v2p-ca9.dtb",
		"V2P-CA9",
		0x60000000,
		0x40000000,
		0x10009000 /* through the serial0 alias */,
		0x1e001000,
		0x1e000100,
		0x1e000200,
		false,
		0,
	};
	struct blob b = scan_expect(&e);
	int uart1, smb, ac = 0, sc = 0;
	u64 addr = 0, size = 0;

	if (!b.size)
		return;
	/* The legacy map: the system registers at 0x10000000 */
	expect_vexpress_smp(b.data, "/smb/iofpga/sysreg@0", 0x10000000);
	uart1 = of_flat_dt_path_offset(b.data, "/smb/iofpga/uart@a000", 21);
	EXPECT(uart1 > 0);
	EXPECT_STR(of_get_flat_dt_name(b.data, uart1), "uart@a000");
	EXPECT(of_flat_dt_is_compatible(b.data, uart1, "arm,primecell"));
	EXPECT(!of_flat_dt_is_compatible(b.data, uart1, "arm,pl01"));
	EXPECT_EQ(of_flat_dt_translate_reg(b.data, uart1, 0, &addr, &size), 0);
	EXPECT_EQ(addr, 0x1000a000);
	EXPECT_EQ(size, 0x1000);
	EXPECT_EQ(of_flat_dt_translate_reg(b.data, uart1, 1, &addr, &size),
		  -FDT_ERR_NOTFOUND);
	EXPECT_EQ(of_flat_dt_path_offset(b.data, "serial0", 7),
		  of_flat_dt_path_offset(
			  b.data, "/smb@4000000/iofpga@7,00000000/uart@9000",
			  40));
	EXPECT_EQ(of_flat_dt_path_offset(b.data, "/nonexistent", 12),
		  -FDT_ERR_NOTFOUND);
	EXPECT_EQ(of_flat_dt_path_offset(b.data, "serial9", 7),
		  -FDT_ERR_BADPATH);
	smb = of_get_flat_dt_subnode_by_name(b.data, of_get_flat_dt_root(),
					     "smb");
	EXPECT(smb > 0);
	EXPECT_EQ(of_flat_dt_cells(b.data, smb, &ac, &sc), 0);
	EXPECT_EQ(ac, 2);
	EXPECT_EQ(sc, 1);
	EXPECT(of_get_flat_dt_subnode_by_name(b.data, 0, "memory") > 0);
	EXPECT(of_get_flat_dt_subnode_by_name(b.data, 0, "memory@1") < 0);
	EXPECT(of_get_flat_dt_prop(b.data, 0, "model", NULL) != NULL);
	EXPECT(of_get_flat_dt_prop(b.data, 3, "model", NULL) == NULL);
	free(b.data);
}

static void test_fdt_vexpress_ca15(void)
{
	static const struct dt_expect e = {
		"vexpress-v2p-ca15.dtb",
		"V2P-CA15",
		0x80000000,
		0x40000000,
		0x1c090000,
		0x2c001000,
		0x2c002000,
		0,
		true,
		27,
	};
	struct blob b = scan_expect(&e);

	if (!b.size)
		return;
	/* The RS1 map: the system registers at 0x1c010000 */
	expect_vexpress_smp(b.data, "/smb/iofpga/sysreg@10000", 0x1c010000);
	free(b.data);
}

struct scan_count {
	int nodes, max_depth, stop_at;
};

static int count_nodes(const void *blob, int node, const char *uname, int depth,
		       void *data)
{
	struct scan_count *c = data;

	(void)blob;
	(void)node;
	if (!uname)
		return -100;
	c->nodes++;
	c->max_depth = max(c->max_depth, depth);
	return c->nodes == c->stop_at ? 42 : 0;
}

static void test_fdt_scan(void)
{
	struct blob b = fdt_load_blob("vexpress-v2p-ca9.dtb");
	struct scan_count c = { 0, 0, 0 };
	static const __be32 cells[] = { 0x01000000, 0x02000000, 0x03000000 };

	if (!b.size)
		return;
	EXPECT_EQ(of_scan_flat_dt(b.data, count_nodes, &c), 0);
	/*
	 * / chosen aliases cpus cpu@0-3 memory gic 2 timers smb iofpga
	 * sysreg 2 uarts
	 */
	EXPECT_EQ(c.nodes, 17);
	EXPECT_EQ(c.max_depth, 3);
	c = (struct scan_count){ 0, 0, 4 };
	EXPECT_EQ(of_scan_flat_dt(b.data, count_nodes, &c), 42);
	EXPECT_EQ(c.nodes, 4);

	EXPECT_EQ(of_read_number(cells, 1), 1);
	EXPECT_EQ(of_read_number(cells, 2), 0x100000002ULL);
	EXPECT_EQ(of_read_number(cells, 3), 0x200000003ULL);
	EXPECT_STR(fdt_strerror(-FDT_ERR_BADMAGIC),
		   "bad magic (not a device tree)");
	EXPECT_STR(fdt_strerror(-999), "unknown error");
	EXPECT_STR(fdt_strerror(5), "unknown error");
	free(b.data);
}

static void fb_memory(struct fdt_builder *b, const char *name)
{
	fb_begin(b, name);
	fb_prop_str(b, "device_type", "memory");
}

static void test_fdt_synthetic(void)
{
	static struct fdt_builder b;
	struct blob blob;
	int i;

	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_prop_cells(&b, "#address-cells", 1, 2);
	fb_prop_cells(&b, "#size-cells", 1, 1);
	fb_begin(&b, "chosen");
	fb_prop_str(&b, "stdout-path", "/bus/uart@2:115200");
	fb_prop_cells(&b, "linux,initrd-start", 2, 0x1, 0x00000000);
	fb_prop_cells(&b, "linux,initrd-end", 2, 0x1, 0x00100000);
	fb_end(&b);
	/* Ten banks: zero-size skipped, nine left, one too many. */
	fb_memory(&b, "memory@0");
	fb_prop_cells(&b, "reg", 9, 0, 0x10000000, 0x1000, 0, 0x20000000, 0, 0,
		      0x30000000, 0x2000);
	fb_end(&b);
	fb_memory(&b, "memory@1");
	fb_prop_str(&b, "status", "disabled");
	fb_prop_cells(&b, "reg", 3, 0x5, 0, 0x1000);
	fb_end(&b);
	for (i = 0; i < 7; i++) {
		fb_memory(&b, "memory@x");
		fb_prop_cells(&b, "reg", 3, 0x1, (u32)i << 20, 0x100000);
		fb_end(&b);
	}
	fb_begin(&b, "uart@1"); /* first, but not the console */
	fb_prop_str(&b, "compatible", "arm,pl011");
	fb_prop_cells(&b, "reg", 3, 0, 0x1000, 0x1000);
	fb_end(&b);
	fb_begin(&b, "bus");
	fb_prop_cells(&b, "#address-cells", 1, 1);
	fb_prop_cells(&b, "#size-cells", 1, 1);
	fb_prop_cells(&b, "ranges", 4, 0x0, 0x0, 0xf0000000, 0x10000);
	fb_begin(&b, "uart@2");
	fb_prop(&b, "compatible", "x\0arm,pl011", 12);
	fb_prop_cells(&b, "reg", 2, 0x2000, 0x1000);
	fb_end(&b);
	fb_begin(&b, "gic"); /* reg outside the bus window */
	fb_prop_str(&b, "compatible", "arm,gic-400");
	fb_prop_cells(&b, "reg", 4, 0x20000, 0x1000, 0x30000, 0x1000);
	fb_end(&b);
	fb_end(&b);
	fb_begin(&b, "timer");
	fb_prop_str(&b, "compatible", "arm,armv7-timer");
	fb_prop_cells(&b, "interrupts", 6, 1, 13, 0, 1, 14, 0); /* short */
	fb_end(&b);
	fb_end(&b);
	blob = fb_finish(&b);

	EXPECT_EQ(fdt_check_full(blob.data, blob.size), 0);
	EXPECT_EQ(early_init_dt_scan(blob.data, blob.size, &bi), 0);
	EXPECT_EQ(bi.nr_banks, NR_BANKS);
	EXPECT_EQ(bi.bank[0].start, 0x10000000);
	EXPECT_EQ(bi.bank[0].size, 0x1000);
	EXPECT_EQ(bi.bank[1].start, 0x30000000);
	EXPECT_EQ(bi.bank[2].start, 0x100000000ULL);
	EXPECT(strstr(bi.error, "more than 8 memory banks"));
	EXPECT_EQ(bi.initrd_start, 0x100000000ULL);
	EXPECT_EQ(bi.initrd_end, 0x100100000ULL);
	EXPECT_EQ(bi.uart_base, 0xf0002000); /* stdout-path wins */
	EXPECT_EQ(bi.gic_dist_base, 0);	     /* untranslatable */
	EXPECT(bi.has_arch_timer);
	EXPECT_EQ(bi.arch_timer_virt_ppi, 0);
	EXPECT_STR(bi.model, "unknown");
	free(blob.data);
}

/* Build a tree and scan it; return early_init_dt_scan()'s verdict. */
static int scan_built(struct fdt_builder *b)
{
	struct blob blob = fb_finish(b);
	int rc = early_init_dt_scan(blob.data, blob.size, &bi);

	free(blob.data);
	return rc;
}

/*
 * A root holding one hand-written FDT_PROP header: @len and @nameoff
 * (added to the offset of a real name "x") as given, no value bytes.
 */
static int scan_raw_prop(u32 len, u32 nameoff)
{
	static struct fdt_builder b;

	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_u32(&b, 3);
	fb_u32(&b, len);
	fb_u32(&b, fb_string(&b, "x") + nameoff);
	fb_end(&b);
	return scan_built(&b);
}

static void test_fdt_synthetic_errors(void)
{
	static struct fdt_builder b;
	int i;

	/* No memory at all. */
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_begin(&b, "chosen");
	fb_prop_str(&b, "bootargs", "mem=64M");
	fb_end(&b);
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_NOTFOUND);
	EXPECT_STR(bi.cmdline, "mem=64M");
	EXPECT(strstr(bi.error, "no usable memory"));

	/* Bad #address-cells on the root: memory unreadable. */
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_prop_cells(&b, "#address-cells", 1, 7);
	fb_memory(&b, "memory");
	fb_prop_cells(&b, "reg", 2, 0x1000, 0x1000);
	fb_end(&b);
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_NOTFOUND);
	EXPECT(strstr(bi.error, "#address-cells"));

	/* Nesting beyond FDT_MAX_DEPTH. */
	memset(&b, 0, sizeof(b));
	for (i = 0; i <= FDT_MAX_DEPTH; i++)
		fb_begin(&b, "n");
	for (i = 0; i <= FDT_MAX_DEPTH; i++)
		fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_TOODEEP);

	/* Unbalanced: one END_NODE too many, or too few. */
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_end(&b);
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_BADSTRUCTURE);
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_begin(&b, "child");
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_TRUNCATED);

	/* Two roots; a property outside any node; an unknown tag. */
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_end(&b);
	fb_begin(&b, "");
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_BADSTRUCTURE);
	memset(&b, 0, sizeof(b));
	fb_prop_str(&b, "x", "y");
	EXPECT_EQ(scan_built(&b), -FDT_ERR_BADSTRUCTURE);
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_u32(&b, 7);
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_BADSTRUCTURE);

	/* Property headers no writer would produce. */
	EXPECT_EQ(scan_raw_prop(0x7fffff00, 0),
		  -FDT_ERR_TRUNCATED); /* past end */
	EXPECT_EQ(scan_raw_prop(0xfffffff0, 0), -FDT_ERR_TRUNCATED); /* wraps */
	EXPECT_EQ(scan_raw_prop(0, 5000), -FDT_ERR_BADSTRUCTURE);    /* name */
}

/* Patch one header word of a copy and check the verdict. */
static void expect_header_error(const struct blob *good, int word, u32 value,
				int want)
{
	u8 *copy = malloc(good->size);

	memcpy(copy, good->data, good->size);
	fdt_put_be32(copy + 4 * word, value);
	EXPECT_EQ(early_init_dt_scan(copy, good->size, &bi), want);
	EXPECT(bi.error[0] != '\0');
	free(copy);
}

static void test_fdt_bad_headers(void)
{
	struct blob b = fdt_load_blob("vexpress-v2p-ca9.dtb");
	u8 *copy;

	if (!b.size)
		return;
	expect_header_error(&b, 0, 0xd00dfeee, -FDT_ERR_BADMAGIC);
	expect_header_error(&b, 1, b.size + 1, -FDT_ERR_TRUNCATED);
	expect_header_error(&b, 1, 8, -FDT_ERR_BADLAYOUT);
	expect_header_error(&b, 2, b.size, -FDT_ERR_BADLAYOUT); /* struct */
	expect_header_error(&b, 2, 0x3a, -FDT_ERR_BADLAYOUT);	/* misaligned */
	expect_header_error(&b, 2, 0xfffffffc, -FDT_ERR_BADLAYOUT);
	expect_header_error(&b, 3, b.size - 1,
			    -FDT_ERR_BADLAYOUT);		/* strings */
	expect_header_error(&b, 4, b.size, -FDT_ERR_BADLAYOUT); /* rsvmap */
	expect_header_error(&b, 5, 15, -FDT_ERR_BADVERSION);
	expect_header_error(&b, 6, 18, -FDT_ERR_BADVERSION);
	expect_header_error(&b, 8, 0xffffffff, -FDT_ERR_BADLAYOUT);
	expect_header_error(&b, 9, 0xffffffff, -FDT_ERR_BADLAYOUT);
	expect_header_error(&b, 9, 8, -FDT_ERR_TRUNCATED); /* struct size */

	EXPECT_EQ(early_init_dt_scan(NULL, 100, &bi), -FDT_ERR_BADMAGIC);
	EXPECT_EQ(fdt_check_header(b.data, 20), -FDT_ERR_TRUNCATED);

	/* A version 16 header has no size_dt_struct: still readable. */
	copy = malloc(b.size);
	memcpy(copy, b.data, b.size);
	fdt_put_be32(copy + 20, 16);
	EXPECT_EQ(early_init_dt_scan(copy, b.size, &bi), 0);
	EXPECT_EQ(bi.uart_base, 0x10009000);
	free(copy);
	free(b.data);
}

/* Every truncation, with and without the header claiming the full size. */
static void test_fdt_truncated(void)
{
	struct blob b = fdt_load_blob("vexpress-v2p-ca15.dtb");
	size_t len;

	if (!b.size)
		return;
	for (len = 0; len < b.size; len++) {
		u8 *copy = malloc(len ? len : 1);

		memcpy(copy, b.data, len);
		EXPECT(early_init_dt_scan(copy, len, &bi) < 0);
		if (len >= 40) {
			fdt_put_be32(copy + 4, len);	    /* totalsize */
			early_init_dt_scan(copy, len, &bi); /* no crash */
		}
		free(copy);
	}
	free(b.data);
}

/*
 * Random corruption: flip bytes (mostly in the header and structure
 * block) and check nothing reads out of bounds (ASan) or hangs.
 */
static void fuzz_blob(const struct blob *b, int iterations)
{
	int i, ok = 0, j;
	u8 *copy = malloc(b->size);

	for (i = 0; i < iterations; i++) {
		int flips = 1 + rnd() % 8;
		struct scan_count c = { 0, 0, 0 };

		memcpy(copy, b->data, b->size);
		for (j = 0; j < flips; j++) {
			size_t span = (rnd() & 1) ? min(b->size, (size_t)512) :
						    b->size;
			size_t pos = rnd() % span;

			if (rnd() & 1)
				copy[pos] ^= 1u << (rnd() % 8);
			else
				copy[pos] = (u8)rnd();
		}
		if (early_init_dt_scan(copy, b->size, &bi) == 0)
			ok++;
		if (fdt_check_header(copy, b->size) == 0) {
			of_scan_flat_dt(copy, count_nodes, &c);
			of_flat_dt_translate_reg(copy, (int)(rnd() % 512) & ~3,
						 0, NULL, NULL);
		}
	}
	free(copy);
	/* Some survive (flips in values), most do not: both paths ran. */
	EXPECT(ok > 0);
	EXPECT(ok < iterations);
}

static void test_fdt_random_corruption(void)
{
	static const char *const names[] = {
		"vexpress-v2p-ca9.dtb",
		"vexpress-v2p-ca15.dtb",
		"virt-packed.dtb",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		struct blob b = fdt_load_blob(names[i]);

		if (b.size)
			fuzz_blob(&b, 20000);
		free(b.data);
	}
}

int main(int argc, char **argv)
{
	static const struct host_test tests[] = {
		HOST_TEST(test_fdt_qemu_virt),
		HOST_TEST(test_fdt_qemu_virt_args),
		HOST_TEST(test_fdt_vexpress_ca9),
		HOST_TEST(test_fdt_vexpress_ca15),
		HOST_TEST(test_fdt_scan),
		HOST_TEST(test_fdt_synthetic),
		HOST_TEST(test_fdt_synthetic_errors),
		HOST_TEST(test_fdt_bad_headers),
		HOST_TEST(test_fdt_truncated),
		HOST_TEST(test_fdt_random_corruption),
	};

	lib_test_init(argc, argv);
	return run_tests(tests, ARRAY_SIZE(tests));
}
