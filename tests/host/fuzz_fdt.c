/*
 * libFuzzer target for the boot-information readers: the input is handed
 * to early_init_dt_scan() as a DTB of exactly that size (ASan then sees any
 * read past it), and to parse_atags() when it is word aligned. Built and
 * run by tests/host/lib.mk (fuzz-fdt-smoke).
 *
 * The kernel sources are compiled with the printf family renamed to
 * kern_*. The drivers come for their match tables (linux/of.h); their
 * printk and the services they would call at run time come from
 * tests/host/printk.c and driver_stubs.c.
 */
#include <linux/kernel.h> /* first: compiler.h before any libc header */
#include <asm/setup.h>
#include <linux/of_fdt.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int visit(const void *blob, int node, const char *uname, int depth,
		 void *count)
{
	u64 addr, size;

	(void)uname;
	(void)depth;
	of_flat_dt_translate_reg(blob, node, 0, &addr, &size);
	of_flat_dt_is_compatible(blob, node, "arm,pl011");
	return ++*(int *)count > 64; /* quadratic accessors: bound them */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct boot_info bi;
	u8 *copy = malloc(size ? size : 1);
	int count = 0, rc;

	memcpy(copy, data, size);
	rc = early_init_dt_scan(copy, size, &bi);
	/* The contract: success means memory, failure says why. */
	if ((rc == 0 && !bi.nr_banks) || (rc < 0 && !bi.error[0]))
		abort();
	if (fdt_check_header(copy, size) == 0)
		of_scan_flat_dt(copy, visit, &count);
	if (!((uintptr_t)copy & 3))
		parse_atags(copy, size, &bi);
	if (strlen(bi.cmdline) >= sizeof(bi.cmdline))
		abort();
	free(copy);
	return 0;
}
