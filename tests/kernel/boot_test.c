/*
 * tests/kernel/boot_test.c: what boot/head.S and paging_init promise.
 *
 * Suite "mmu": strict permissions (a write to .text or .rodata faults, data
 * is not executable, nothing is mapped below the modules area, no mapping
 * is W+X), the vectors at 0xffff0000, the linear map and __pv_offset, the
 * Shareable attributes of SMP hardware (read from the descriptors and
 * every CPU's TTBR0), undefined instructions trapping, and the timer tick.
 */
#include <asm/bug.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/layout.h>
#include <asm/memory.h>
#include <asm/paging.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/smp.h>
#include <asm/smp_plat.h>
#include <kunit/private.h>
#include <kunit/fault.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <string.h>

/* Short-descriptor fault status: page (0xf) / section (0xd) permission. */
static unsigned int fault_fs(unsigned long fsr)
{
	return (fsr & 0xf) | ((fsr >> 6) & 0x10);
}

static void write_word(void *p)
{
	*(volatile u32 *)p = 0xdeadbeef;
}

static void read_word(void *p)
{
	(void)*(volatile u32 *)p;
}

static void call_code(void *p)
{
	((void (*)(void))p)();
}

static const u32 rodata_word = 0x12345678;
/* "bx lr": would run fine if data were executable. */
static u32 data_code[2] = { 0xe12fff1e, 0 };

static void text_is_read_only(struct kunit *test)
{
	struct kunit_fault f;
	u32 before = *(volatile u32 *)_stext;

	KUNIT_ASSERT_TRUE(test, kunit_expect_fault(write_word, _stext, &f));
	KUNIT_EXPECT_EQ(test, f.kind, KUNIT_FAULT_DATA);
	KUNIT_EXPECT_EQ(test, f.far, (unsigned long)_stext);
	KUNIT_EXPECT_EQ(test, fault_fs(f.fsr), 0xf); /* page permission */
	KUNIT_EXPECT_TRUE(test, f.fsr & (1 << 11));  /* WnR: it was a write */
	KUNIT_EXPECT_EQ(test, *(volatile u32 *)_stext, before);
}

static void rodata_is_read_only(struct kunit *test)
{
	struct kunit_fault f;

	KUNIT_ASSERT_TRUE(
		test, kunit_expect_fault(write_word, (void *)&rodata_word, &f));
	KUNIT_EXPECT_EQ(test, f.far, (unsigned long)&rodata_word);
	KUNIT_EXPECT_EQ(test, fault_fs(f.fsr), 0xf);
	KUNIT_EXPECT_EQ(test, rodata_word, 0x12345678);
}

static void data_is_not_executable(struct kunit *test)
{
	struct kunit_fault f;

	flush_icache_range((unsigned long)data_code,
			   (unsigned long)(data_code + 2));
	KUNIT_ASSERT_TRUE(test, kunit_expect_fault(call_code, data_code, &f));
	KUNIT_EXPECT_EQ(test, f.kind, KUNIT_FAULT_PREFETCH);
	KUNIT_EXPECT_EQ(test, f.far, (unsigned long)data_code);
	KUNIT_EXPECT_EQ(test, f.pc, (unsigned long)data_code);
}

static void stack_is_not_executable(struct kunit *test)
{
	u32 code[2] = { 0xe12fff1e, 0 };
	struct kunit_fault f;

	flush_icache_range((unsigned long)code, (unsigned long)(code + 2));
	KUNIT_ASSERT_TRUE(test, kunit_expect_fault(call_code, code, &f));
	KUNIT_EXPECT_EQ(test, f.kind, KUNIT_FAULT_PREFETCH);
	KUNIT_EXPECT_EQ(test, f.far, (unsigned long)code);
}

static void nothing_mapped_below_modules(struct kunit *test)
{
	/* The old identity map, a user address, and the edges. */
	unsigned long probes[] = {
		0,
		PAGE_SIZE,
		(unsigned long)PHYS_OFFSET,
		(unsigned long)__pa(_stext),
		TASK_SIZE / 2,
		MODULES_VADDR - 4,
	};
	unsigned long size;

	for (unsigned int i = 0; i < ARRAY_SIZE(probes); i++) {
		struct kunit_fault f;

		KUNIT_EXPECT_TRUE(
			test,
			kunit_expect_fault(read_word, (void *)probes[i], &f));
		KUNIT_EXPECT_EQ(test, f.far, probes[i]);
	}
	for (unsigned long va = 0; va < MODULES_VADDR; va += size)
		KUNIT_EXPECT_EQ(test, kernel_mapping_prot(va, &size), -1);
}

static void no_wx_mappings(struct kunit *test)
{
	unsigned long wx;

	KUNIT_EXPECT_FALSE(test, find_wx_mapping(&wx));
	/* And the checker can see one: .text is X, data is W. */
	unsigned long size;

	KUNIT_EXPECT_EQ(test, kernel_mapping_prot((unsigned long)_stext, &size),
			KPROT_EXEC);
	KUNIT_EXPECT_EQ(test,
			kernel_mapping_prot((unsigned long)data_code, &size),
			KPROT_WRITE);
}

extern char __vectors_start[];

static void high_vectors(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, get_cr() & CR_V); /* SCTLR.V */
	KUNIT_EXPECT_EQ(test, *(volatile u32 *)VECTORS_BASE,
			*(u32 *)__vectors_start);
	/* Read-only: the vectors must not be writable by accident. */
	KUNIT_EXPECT_TRUE(test, kunit_expect_fault(write_word,
						   (void *)VECTORS_BASE, NULL));
}

/*
 * The MMU's own answer for va (ATS1CPR, then PAR): a translation done by
 * the hardware walker, independent of the kernel's __pa() arithmetic.
 */
static bool hw_translate(unsigned long va, phys_addr_t *pa)
{
	u32 par = arch_translate_kernel_read(va);

	if (par & PAR_F)
		return false; /* the walk faulted */
	*pa = (par & PAGE_MASK) | (va & ~PAGE_MASK);
	return true;
}

static void write_restore_word(void *p)
{
	volatile u32 *w = p;
	u32 old = *w;

	*w = ~old;
	*w = old;
}

static void linear_map(struct kunit *test)
{
	extern pgd_t swapper_pg_dir[];
	unsigned long probes[] = {
		(unsigned long)_stext,
		(unsigned long)data_code,
		(unsigned long)swapper_pg_dir,
		PAGE_OFFSET,
		(unsigned long)high_memory - 4,
		PAGE_OFFSET + ((unsigned long)high_memory - PAGE_OFFSET) / 2,
	};
	unsigned long flags;
	phys_addr_t pa = 0;

	/* RAM starts where the device tree / ATAGS said, not just anywhere. */
	KUNIT_EXPECT_EQ(test, PHYS_OFFSET, memblock_start_of_DRAM());
	for (unsigned int i = 0; i < ARRAY_SIZE(probes); i++) {
		/*
		 * Lowmem is linear but need not be contiguous RAM (mem=256M
		 * mem=256M@0x60000000 leaves a hole): as Linux's map_lowmem(),
		 * only RAM is mapped, and a hole must fault, not alias.
		 */
		if (!memblock_is_memory(__pa(probes[i]))) {
			KUNIT_EXPECT_FALSE(test, hw_translate(probes[i], &pa));
			continue;
		}
		KUNIT_EXPECT_TRUE(test, hw_translate(probes[i], &pa));
		KUNIT_EXPECT_EQ(test, pa, __pa(probes[i]));
	}
	KUNIT_EXPECT_FALSE(test, hw_translate((unsigned long)high_memory, &pa));
	KUNIT_EXPECT_EQ(test, get_ttbr0() & ~0x3fffUL, __pa(swapper_pg_dir));
	/* The last word of lowmem is mapped and writable; the hole is not. */
	local_irq_save(flags);
	KUNIT_EXPECT_FALSE(test,
			   kunit_expect_fault(write_restore_word,
					      (char *)high_memory - 4, NULL));
	local_irq_restore(flags);
	KUNIT_EXPECT_TRUE(test,
			  kunit_expect_fault(read_word, high_memory, NULL));
}

/*
 * The S bit of the descriptor that maps va, read from swapper_pg_dir as
 * the walker reads it: 1 or 0, or -1 if nothing maps va. *what names the
 * descriptor's kind for the log.
 */
static int descriptor_shared(unsigned long va, const char **what)
{
	pmdval_t l1 = ((pmd_t *)swapper_pg_dir)[va >> SECTION_SHIFT];
	pteval_t l2;

	switch (l1 & PMD_TYPE_MASK) {
	case PMD_TYPE_SECT:
		*what = "section";
		return !!(l1 & PMD_SECT_S);
	case PMD_TYPE_TABLE:
		*what = "page";
		l2 = ((pteval_t *)__va(
			l1 & ~(HWPTE_TABLE_SIZE -
			       1)))[(va >> PAGE_SHIFT) & (PTRS_PER_HWPTE - 1)];
		return (l2 & PTE_TYPE_SMALL) ? !!(l2 & PTE_EXT_SHARED) : -1;
	default:
		*what = "none";
		return -1;
	}
}

static void store_ttbr0(void *info)
{
	((u32 *)info)[smp_processor_id()] = get_ttbr0();
}

/*
 * Is this SMP hardware, worked out here from the ID registers as the
 * architecture defines it rather than taken from is_smp() (boot/head.S's
 * __smp_hw_detect): the MIDR uses the CPUID scheme, the MPIDR has the
 * multiprocessing extensions format without the U (uniprocessor) bit, and
 * a Cortex-A9's SCU counts more than one core.
 */
static bool smp_hw_expected(struct kunit *test)
{
	u32 midr = read_cpuid_id(), mpidr = read_cpuid_mpidr();
	unsigned int scu_cores;

	if ((midr & 0x000f0000) != 0x000f0000)
		return false;
	if ((mpidr & 0xc0000000) != 0x80000000)
		return false;
	if ((midr & 0xff0ffff0) != 0x410fc090)
		return true;
	scu_cores = smp_kunit_scu_cores();
	kunit_info(test, "Cortex-A9: its SCU counts %u core(s)", scu_cores);
	return scu_cores > 1;
}

/*
 * SMP hardware maps all memory Shareable and walks the tables Inner
 * Shareable (TTB_FLAGS_SMP), on every CPU; a uniprocessor does neither.
 * Checked against the hardware's own answer (smp_hw_expected()) on the
 * descriptors of every kind of kernel mapping (linear map sections,
 * kernel image pages, the vectors, vmalloc, pkmap, a kmap_atomic slot)
 * and each CPU's TTBR0.
 */
static void smp_tables_shareable(struct kunit *test)
{
	static u32 ttbr0[NR_CPUS];
	bool want = smp_hw_expected(test);
	u32 walk = want ? TTB_FLAGS_SMP : TTB_FLAGS_UP;
	struct page *high = alloc_page(GFP_HIGHUSER);
	bool highmem = high && PageHighMem(high);
	void *vm = vmalloc(PAGE_SIZE);
	/* Only a HighMem page has a pkmap or kmap_atomic slot to look at. */
	void *pk = highmem ? kmap(high) : NULL;
	void *at = highmem ? kmap_atomic(high) : NULL;
	struct {
		const char *name;
		unsigned long va;
	} probes[] = {
		{ "linear map start", PAGE_OFFSET },
		{ "linear map end", (unsigned long)high_memory - 1 },
		{ "text", (unsigned long)_stext },
		{ "rodata", (unsigned long)__start_rodata },
		{ "data", (unsigned long)data_code },
		{ "vectors", VECTORS_BASE },
		{ "vmalloc", (unsigned long)vm },
		{ "pkmap", (unsigned long)pk },
		{ "kmap_atomic", (unsigned long)at },
	};
	unsigned int cpu;

	/* is_smp() agrees with the hardware, both ways. */
	KUNIT_EXPECT_EQ(test, is_smp(), want);
	/* An SMP config is SMP hardware. */
	if (num_online_cpus() > 1)
		KUNIT_EXPECT_TRUE(test, want);
	kunit_info(test, "is_smp() %d, expected %d, %u CPUs online, TTBR0 %08x",
		   is_smp(), want, num_online_cpus(), get_ttbr0());
	for (unsigned int i = 0; i < ARRAY_SIZE(probes); i++) {
		const char *what;
		int s;

		if (!probes[i].va) {
			/* No HighMem page (vmalloc() failing is caught below). */
			kunit_info(test, "%s: nothing mapped, skipped",
				   probes[i].name);
			continue;
		}
		s = descriptor_shared(probes[i].va, &what);
		kunit_info(test, "%s 0x%08lx: %s, S %d", probes[i].name,
			   probes[i].va, what, s);
		KUNIT_EXPECT_EQ(test, s, (int)want);
	}
	if (at)
		kunmap_atomic(at);
	if (pk)
		kunmap(high);
	if (high)
		__free_page(high);
	KUNIT_ASSERT_NOT_NULL(test, vm);
	vfree(vm);

	/* The walk attributes, the same on every CPU (secondary_data). */
	KUNIT_EXPECT_EQ(test, get_ttbr0() & 0x7f, walk);
	memset(ttbr0, 0, sizeof(ttbr0));
	on_each_cpu(store_ttbr0, ttbr0, 1);
	for_each_online_cpu(cpu) KUNIT_EXPECT_EQ(test, ttbr0[cpu], get_ttbr0());
}

static void udf_in_text(void *arg)
{
	(void)arg;
	arch_undefined_instruction();
}

static void undefined_instruction_trap(struct kunit *test)
{
	struct kunit_fault f;

	KUNIT_ASSERT_TRUE(test, kunit_expect_fault(udf_in_text, NULL, &f));
	KUNIT_EXPECT_EQ(test, f.kind, KUNIT_FAULT_UNDEF);
	KUNIT_EXPECT_EQ(test, *(u32 *)f.pc, 0xe7f000f0);
}

static void timer_ticks(struct kunit *test)
{
	unsigned long start = jiffies;

	if (!tick_running()) {
		kunit_skip(test, "no tick on this machine");
		return;
	}
	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	/* Wait for two ticks; bounded so a dead timer fails, not hangs. */
	for (unsigned long i = 0; i < 100000000UL && jiffies - start < 2; i++)
		barrier();
	KUNIT_EXPECT_GE(test, jiffies - start, 2);
}

static struct kunit_case mmu_cases[] = {
	KUNIT_CASE(text_is_read_only),
	KUNIT_CASE(rodata_is_read_only),
	KUNIT_CASE(data_is_not_executable),
	KUNIT_CASE(stack_is_not_executable),
	KUNIT_CASE(nothing_mapped_below_modules),
	KUNIT_CASE(no_wx_mappings),
	KUNIT_CASE(high_vectors),
	KUNIT_CASE(linear_map),
	KUNIT_CASE(smp_tables_shareable),
	KUNIT_CASE(undefined_instruction_trap),
	KUNIT_CASE(timer_ticks),
	{},
};

static struct kunit_suite mmu_suite = {
	.name = "mmu",
	.test_cases = mmu_cases,
};
kunit_test_suite(mmu_suite);
