/*
 * tests/host/build_bug_kunmap_atomic.c: a compile-only check, run by
 * tests/host/pkmap.mk. kunmap_atomic() takes the address kmap_atomic()
 * returned; handing it the struct page (the kunmap() habit) must not
 * compile. Built twice: as is (must compile) and with -DPASS_PAGE (must
 * fail on the __same_type build check).
 */
#include <linux/highmem.h>

void unmap_it(struct page *page, void *addr);

void unmap_it(struct page *page, void *addr)
{
#ifdef PASS_PAGE
	(void)addr;
	kunmap_atomic(page);
#else
	(void)page;
	kunmap_atomic(addr);
#endif
}
