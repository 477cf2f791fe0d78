/*
 * tests/kernel/kmap_test.c: the helpers of kmap_test.h.
 */
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <linux/console.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <string.h>

#include "kmap_test.h"

/* Pages handed to the running case, linked through page->lru. */
static LIST_HEAD(owned_pages);

static struct page *own(struct page *page)
{
	list_add(&page->lru, &owned_pages);
	return page;
}

struct page *kmap_test_highpage(struct kunit *test)
{
	struct page *page;

	kmap_test_highpages(test, &page, 1);
	return page;
}

void kmap_test_highpages(struct kunit *test, struct page **pages,
			 unsigned int n)
{
	if (totalhigh_pages() < n) {
		kunit_skip(test,
			   "needs HighMem pages; this machine has too few");
		kunit_abort(test);
	}
	for (unsigned int i = 0; i < n; i++) {
		struct page *page = alloc_page(__GFP_HIGHMEM | __GFP_NOWARN);

		KUNIT_ASSERT_NOT_NULL(test, page);
		own(page);
		/* Falling back to lowmem would make every check vacuous. */
		KUNIT_ASSERT_TRUE(test, PageHighMem(page));
		pages[i] = page;
	}
}

struct page *kmap_test_lowpage(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_TRUE(test, !PageHighMem(page));
	return own(page);
}

void kmap_test_release(void)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &owned_pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}

static char capture_buf[4096];
static unsigned int capture_len;
static bool capture_armed;

/* Runs under printk's lock with IRQs off; just append. */
static void capture_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	if (!capture_armed)
		return; /* the replay of the log at registration */
	for (unsigned int i = 0; i < n && capture_len < sizeof(capture_buf) - 1;
	     i++)
		capture_buf[capture_len++] = s[i];
	capture_buf[capture_len] = '\0';
}

static struct console capture_console = {
	.name = "kunit-capture",
	.write = capture_write,
};

void kmap_test_capture_start(void)
{
	capture_len = 0;
	capture_buf[0] = '\0';
	register_console(&capture_console);
	capture_armed = true;
}

void kmap_test_capture_stop(void)
{
	capture_armed = false;
	unregister_console(&capture_console);
}

bool kmap_test_captured(const char *s)
{
	return strstr(capture_buf, s) != NULL;
}

void kmap_test_read_word(void *p)
{
	(void)*(volatile u32 *)p;
}

unsigned long kmap_test_cpu_slot_vaddr(unsigned int cpu, int type)
{
	return __fix_to_virt(FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu);
}

unsigned int kmap_test_busy_atomic_slots(void)
{
	unsigned int busy = 0;

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		for (int t = 0; t < KM_TYPE_NR; t++)
			busy += !pte_none(*fixmap_pte(FIX_KMAP_BEGIN + t +
						      KM_TYPE_NR * cpu));
		busy += kmap_atomic_cpu[cpu].top != kmap_atomic_cpu[cpu].base;
	}
	return busy;
}
