/*
 * tests/kernel/seeds_test.c: suite "seeds", the seeds' experiments
 * (Documentation/boards.md) as the modules they are: each case loads one
 * module of modules/ from the initramfs, as `insmod kmap_example.ko`
 * does on the seeds' boards, and checks what its own code, running in
 * the modules area, printed:
 *
 *   kmap_example, kmap_test          [*]... KMAP_int: Address:  in pkmap
 *   lowapi_atomic                    [*]... vaddr: Address:     in fixmap
 *   highapi_atomic, kmap_test2       [*]... KMAP_atomic: Address: fixmap
 *   kmalloc_example                  [*]... NORMAL_int: Address: lowmem
 *   vmalloc_example                  [*]... VMALLOC_int: Address: vmalloc
 *
 * and the region banner (the running kernel's own regions, in the
 * modules' format; scripts/run-tests.py compares it with seed 002's
 * board on the v5 layout). The fixmap ones must be at this CPU's first
 * kmap_atomic slot (nothing else holds one). Then rmmod must give back
 * everything: pages, pkmap and fixmap slots, module memory.
 *
 * The data checks (a word written through each mapping read back through
 * another) are the highmem suite's; here the subject is the modules.
 */
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <kunit/private.h>
#include <kunit/test.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <string.h>

#include "module_test.h"

enum region { PKMAP, FIXMAP, LOWMEM, VMALLOC };

static const char *const region_names[] = { "pkmap", "fixmap", "lowmem",
					    "vmalloc" };

static void region_bounds(enum region r, unsigned long *lo, unsigned long *hi)
{
	switch (r) {
	case PKMAP:
		*lo = PKMAP_BASE;
		*hi = PKMAP_BASE + 0x200000;
		break;
	case FIXMAP:
		*lo = FIXADDR_START;
		*hi = FIXADDR_END;
		break;
	case LOWMEM:
		*lo = PAGE_OFFSET;
		*hi = (unsigned long)high_memory;
		break;
	default:
		*lo = VMALLOC_START;
		*hi = VMALLOC_END;
		break;
	}
}

/* The value after "<label>:" ... "Address: " in text; false if none. */
static bool printed_address(const char *text, const char *label,
			    unsigned long *addr)
{
	const char *p = strstr(text, label), *a;
	unsigned long v = 0;
	int digits = 0;

	if (!p || !(a = strstr(p, "Address: 0x")) || strchr(p, '\n') < a)
		return false;
	for (a += 11; *a; a++, digits++) {
		int d = *a >= '0' && *a <= '9' ? *a - '0' :
			*a >= 'a' && *a <= 'f' ? *a - 'a' + 10 :
						 -1;

		if (d < 0)
			break;
		v = v << 4 | (unsigned long)d;
	}
	*addr = v;
	return digits > 0;
}

/* The banner lines, computed here from the kernel's own values. */
static void expect_banner(struct kunit *test, const char *text, bool pkmap)
{
	char line[64];

	snprintf(line, sizeof(line), "FIXMAP:      %8lx -- %8lx\n",
		 FIXADDR_START, FIXADDR_END);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(text, line), "no '%s'", line);
	snprintf(line, sizeof(line), "VMALLOC:     %8lx -- %8lx\n",
		 VMALLOC_START, VMALLOC_END);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(text, line), "no '%s'", line);
	snprintf(line, sizeof(line), "LOWMEM:      %8lx -- %8lx\n", PAGE_OFFSET,
		 (unsigned long)high_memory);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(text, line), "no '%s'", line);
	snprintf(line, sizeof(line), "PKMAP:       %8lx -- %8lx\n", PKMAP_BASE,
		 PKMAP_BASE + 0x200000);
	KUNIT_EXPECT_EQ(test, strstr(text, line) != NULL, pkmap);
}

/* This CPU's first kmap_atomic slot (slot type 0). */
static unsigned long first_atomic_slot(void)
{
	return __fix_to_virt(FIX_KMAP_BEGIN + KM_TYPE_NR * smp_processor_id());
}

/*
 * insmod name, find its "[*]<label>... Address:" line, check it is in
 * region (lowmem instead for a highmem region on a machine without
 * HighMem: __GFP_HIGHMEM falls back), rmmod, check everything is back.
 */
static void run_seed(struct kunit *test, const char *name, const char *label,
		     enum region region, bool pkmap_line)
{
	struct mod_snapshot before;
	unsigned long addr = 0, lo, hi;
	unsigned int pos;
	struct module *mod;
	const char *text;
	/* set_fixmap maps any page; kmap* give a lowmem page's own address. */
	bool no_high = (region == PKMAP || region == FIXMAP) &&
		       strcmp(name, "lowapi_atomic") && !totalhigh_pages();

	if (!mod_available(test, name))
		return;
	mod_snapshot_take(&before);
	pos = log_buf_pos();
	mod = mod_load_checked(test, name);
	if (!mod)
		return;
	text = mod_log_since(pos);
	expect_banner(test, text, pkmap_line);
	KUNIT_ASSERT_TRUE(test, printed_address(text, label, &addr));
	region_bounds(no_high ? LOWMEM : region, &lo, &hi);
	kunit_info(test, "%s printed %#lx, %s is %#lx-%#lx", name, addr,
		   region_names[no_high ? LOWMEM : region], lo, hi);
	KUNIT_EXPECT_TRUE(test, addr >= lo && addr < hi);
	if (region == FIXMAP && !no_high)
		KUNIT_EXPECT_EQ(test, addr, first_atomic_slot());
	KUNIT_EXPECT_EQ(test, delete_module(name), 0);
	KUNIT_EXPECT_NULL(test, find_module(name));
	mod_snapshot_expect_same(test, &before);
	/* The slots: no kmap_atomic held, the fixmap slot unmapped. */
	KUNIT_EXPECT_EQ(test, kmap_atomic_idx(), -1);
	if (region == FIXMAP && !no_high)
		KUNIT_EXPECT_TRUE(test, pte_none(*virt_to_kpte(addr)));
	/* A pkmap slot stays mapped, unused (count 1), until a flush. */
	if (region == PKMAP && !no_high)
		KUNIT_EXPECT_LE(test, pkmap_kunit_count(PKMAP_NR(addr)), 1);
	if (no_high)
		kunit_skip(test, "no HighMem: __GFP_HIGHMEM fell back to "
				 "lowmem");
}

static void seed_002_kmap_example(struct kunit *test)
{
	run_seed(test, "kmap_example", "[*]unsigned int *KMAP_int:", PKMAP,
		 true);
}

static void seed_002_lowapi_atomic(struct kunit *test)
{
	run_seed(test, "lowapi_atomic", "[*]unsignd long vaddr:", FIXMAP, true);
}

static void seed_002_highapi_atomic(struct kunit *test)
{
	run_seed(test, "highapi_atomic",
		 "[*]unsigned int *KMAP_atomic:", FIXMAP, true);
}

static void seed_002_kmalloc_example(struct kunit *test)
{
	run_seed(test, "kmalloc_example",
		 "[*]unsigned int *NORMAL_int:", LOWMEM, true);
}

static void seed_002_vmalloc_example(struct kunit *test)
{
	run_seed(test, "vmalloc_example",
		 "[*]unsigned int *VMALLOC_int:", VMALLOC, true);
}

static void seed_000_kmap_test(struct kunit *test)
{
	run_seed(test, "kmap_test", "[*]unsigned int *KMAP_int:", PKMAP, false);
}

static void seed_000_kmap_test2(struct kunit *test)
{
	run_seed(test, "kmap_test2", "[*]unsigned int *KMAP_atomic:", FIXMAP,
		 false);
}

static struct kunit_case seeds_cases[] = {
	KUNIT_CASE(seed_002_kmap_example),
	KUNIT_CASE(seed_002_lowapi_atomic),
	KUNIT_CASE(seed_002_highapi_atomic),
	KUNIT_CASE(seed_002_kmalloc_example),
	KUNIT_CASE(seed_002_vmalloc_example),
	KUNIT_CASE(seed_000_kmap_test),
	KUNIT_CASE(seed_000_kmap_test2),
	{},
};

/*
 * The first module load of a boot grows the slab caches loading uses (a
 * new slab page, kept afterwards as Linux keeps its slabs), so on a boot
 * that runs this suite alone (hikern.test=seeds) the first case would see
 * one page fewer after its rmmod than before its insmod. Load and unload
 * one module first, so that each case compares steady states, as it does
 * when the module suite has run before it.
 */
static int seeds_init(struct kunit_suite *suite)
{
	(void)suite;
	if (!request_module_load("kmap_example"))
		delete_module("kmap_example");
	return 0;
}

static struct kunit_suite seeds_suite = {
	.name = "seeds",
	.suite_init = seeds_init,
	.test_cases = seeds_cases,
};
kunit_test_suite(seeds_suite);
