/*
 * Accessors to private kernel state, for the self-tests only (the
 * EXPORT_SYMBOL_IF_KUNIT side of include/kunit/visibility.h). Each reads
 * a snapshot of state its file keeps static; nothing here writes.
 * Included by tests and by the files that define the accessors, never by
 * other kernel code.
 */
#ifndef _KUNIT_PRIVATE_H
#define _KUNIT_PRIVATE_H

#include <kunit/visibility.h>
#include <linux/wait.h>

#if IS_ENABLED(CONFIG_KUNIT)
/* mm/highmem.c: the pkmap window. */
int pkmap_kunit_count(unsigned int nr);
/* Copy all LAST_PKMAP counts; compare such a copy with the counts now. */
void pkmap_kunit_counts(int *counts);
int pkmap_kunit_counts_cmp(const int *counts);
unsigned int pkmap_kunit_last_nr(void);
unsigned long pkmap_kunit_flushes(void);
wait_queue_head_t *pkmap_kunit_wait_queue(void);

/* mm/page_alloc.c: "BUG: Bad page state" reports so far. */
unsigned long page_alloc_kunit_bad_page_reports(void);
/* mm/slab.c: slab "BUG ..." reports so far (double free, bad pointer). */
unsigned long slab_kunit_bug_reports(void);
/* mm/vmalloc.c: vmalloc/vmap WARNINGs so far. */
unsigned long vmalloc_kunit_warnings(void);
/* kernel/sched.c: "BUG: sleeping function called from invalid context". */
unsigned long might_sleep_kunit_reports(void);
/* arch/arm/kernel/smp.c: a Cortex-A9's SCU core count (0: no SCU). */
unsigned int smp_kunit_scu_cores(void);
#endif

#endif /* _KUNIT_PRIVATE_H */
