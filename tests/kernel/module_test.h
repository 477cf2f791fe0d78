/*
 * tests/kernel/module_test.h: helpers shared by the suites that load
 * modules (module_test.c, seeds_test.c): what a load takes and an
 * unload must give back, and what a module printed.
 */
#ifndef _TESTS_KERNEL_MODULE_TEST_H
#define _TESTS_KERNEL_MODULE_TEST_H

#include <kunit/test.h>
#include <linux/types.h>

/* What loading takes: pages, areas in the modules and vmalloc areas. */
struct mod_snapshot {
	unsigned long free_pages;
	unsigned int module_areas;
	unsigned int vmalloc_areas;
	unsigned int nr_modules;
};

void mod_snapshot_take(struct mod_snapshot *s);
/* Every field of now equals before's (each checked, each reported). */
void mod_snapshot_expect_same(struct kunit *test,
			      const struct mod_snapshot *before);

/*
 * What the kernel logged since log_buf_pos() returned pos, in a buffer
 * shared by all callers (valid until the next call).
 */
const char *mod_log_since(unsigned int pos);

/*
 * Is NAME.ko in the initramfs? If not, the case is skipped with the
 * reason (a boot without make's initramfs, such as the hand-made device
 * trees' or one whose initrd is not in lowmem) and this returns false.
 */
bool mod_available(struct kunit *test, const char *name);

/*
 * Load the module called name from the initramfs and return it (NULL,
 * with the case failed, if it did not load), checking that its memory
 * lies in the modules area and that its text is read-only and
 * executable and its data writable and never executable.
 */
struct module *mod_load_checked(struct kunit *test, const char *name);

#endif /* _TESTS_KERNEL_MODULE_TEST_H */
