/* Cache maintenance needed by code patching and page-table setup. */
#ifndef _ASM_CACHEFLUSH_H
#define _ASM_CACHEFLUSH_H

/* Make freshly written instructions in [start, end) visible to fetch. */
void flush_icache_range(unsigned long start, unsigned long end);
/* Clean and invalidate [start, start+size) to the point of coherency. */
void __cpuc_flush_dcache_area(void *addr, unsigned long size);

#endif /* _ASM_CACHEFLUSH_H */
