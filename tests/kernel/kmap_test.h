/*
 * tests/kernel/kmap_test.h: helpers shared by the highmem self-tests
 * (highmem_test.c, seeds_test.c) and benchmarks (highmem_bench.c):
 * getting highmem pages or skipping, per-page data patterns, and a
 * console that captures what printk prints so report lines can be
 * checked.
 */
#ifndef _TESTS_KERNEL_KMAP_TEST_H
#define _TESTS_KERNEL_KMAP_TEST_H

#include <kunit/test.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/types.h>

struct page;

/*
 * One order-0 highmem page, owned by the running case (freed by
 * kmap_test_release() from the suite's exit). On a machine without
 * HighMem the case is skipped and ended here.
 */
struct page *kmap_test_highpage(struct kunit *test);
/* n highmem pages into pages[]; skips the case if there are fewer. */
void kmap_test_highpages(struct kunit *test, struct page **pages,
			 unsigned int n);
/* One lowmem page, owned by the running case. */
struct page *kmap_test_lowpage(struct kunit *test);
/* Free every page the helpers above handed out. */
void kmap_test_release(void);

/* The word a page with this pfn holds at `word` for a given pass. */
static inline u32 kmap_test_pattern(unsigned long pfn, unsigned int word,
				    u32 seed)
{
	return ((u32)pfn * 0x9e3779b1u) ^ (word * 0x85ebca6bu) ^ seed;
}

/*
 * Capture printk output between start and stop (up to 4 KB) and search
 * it: report formats are part of what the tests check.
 */
void kmap_test_capture_start(void);
void kmap_test_capture_stop(void);
bool kmap_test_captured(const char *s);

/*
 * CPU cpu's kmap_atomic slot `type`, from Linux's formula alone:
 * __fix_to_virt(FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu).
 */
unsigned long kmap_test_cpu_slot_vaddr(unsigned int cpu, int type);
/*
 * Mapped kmap_atomic slots, plus slot stacks not at their base, of every
 * CPU: 0 when no kmap_atomic or kmap_local map is left anywhere.
 */
unsigned int kmap_test_busy_atomic_slots(void);

/* Read or write a word, for kunit_expect_fault(). */
void kmap_test_read_word(void *p);

/* Short-descriptor fault status FS[4:0]; 0x7 = translation fault, page. */
static inline unsigned int kmap_test_fault_fs(unsigned long fsr)
{
	return (fsr & 0xf) | ((fsr >> 6) & 0x10);
}
#define FS_TRANSLATION_PAGE 0x7

#endif /* _TESTS_KERNEL_KMAP_TEST_H */
