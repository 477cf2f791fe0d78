/*
 * tests/host/model.h: fake RAM layouts booted the way the ARM boot code
 * boots (memblock -> free_area_init -> memblock_free_all), and a
 * reference model of the page allocator (one state byte per page) that
 * checks every allocation and free against the allocator's contract:
 * no overlap, no loss, zone rules, watermarks, full coalescing, and
 * misuse reports that leave everything unchanged.
 */
#ifndef _HOST_MODEL_H
#define _HOST_MODEL_H

#include <stddef.h>

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/types.h>

struct ram_range {
	phys_addr_t base;
	phys_addr_t size; /* 0 ends a list */
};

#define LAYOUT_MAX_RANGES 6

struct ram_layout {
	const char *name;
	phys_addr_t phys_offset;  /* PHYS_OFFSET: where mem_map starts */
	phys_addr_t lowmem_limit; /* arm_lowmem_limit */
	/*
	 * memblock's limit when mem_map is allocated (0: lowmem_limit).
	 * Lower, it keeps mem_map away from the HighMem boundary, so free
	 * pages meet there and zone-crossing merges would show.
	 */
	phys_addr_t alloc_limit;
	struct ram_range banks[LAYOUT_MAX_RANGES];
	struct ram_range reserved[LAYOUT_MAX_RANGES];
};

extern const struct ram_layout layout_256m;  /* no HighMem */
extern const struct ram_layout layout_1g;    /* HighMem at an odd pfn */
extern const struct ram_layout layout_holes; /* 3 banks, odd reservations */
extern const struct ram_layout layout_2g;    /* -m 2048: 524288 pages */
extern const struct ram_layout layout_small; /* 95 MB, for the fuzzer */

/* Back [phys_offset, end of RAM) with host memory; set the pv offsets. */
void fake_ram_map(const struct ram_layout *l);
/* fake_ram_map, then the boot sequence; returns memblock_free_all(). */
unsigned long fake_ram_boot(const struct ram_layout *l);

enum pfn_state {
	PFN_UNUSABLE, /* hole, reservation, mem_map: never free */
	PFN_FREE,
	PFN_USED, /* handed out by the allocator, to the model */
};

struct model_block {
	unsigned long pfn;
	unsigned int order;
};

struct model {
	const struct ram_layout *layout;
	unsigned long start_pfn, end_pfn; /* ARCH_PFN_OFFSET, max_pfn */
	unsigned char *state;	    /* enum pfn_state, by pfn - start_pfn */
	unsigned short *block_free; /* free pages per MAX_ORDER block */
	unsigned long nr_free[MAX_NR_ZONES];
	struct model_block *blocks; /* what the model holds */
	size_t nr_blocks, max_blocks;
	struct model_block last_freed;
	unsigned long reserved_pfn; /* some PFN_UNUSABLE page in mem_map */
	unsigned long bad_reports;  /* expected nr_bad_page_reports */
	unsigned long boot_free;
	struct buddyinfo boot;
};

/* After fake_ram_boot(): derive the free pages, check the boot state. */
void model_init(struct model *m, const struct ram_layout *l);

/* alloc_pages() plus every check of the result; NULL as it returned. */
struct page *model_alloc(struct model *m, gfp_t gfp_mask, unsigned int order);
/* Free m->blocks[i] through __free_pages, free_pages or put_page. */
void model_free(struct model *m, size_t i, unsigned int how);
/* get_page() then a free: the block must stay allocated. */
void model_shared_free(struct model *m, size_t i);

enum bad_free_kind {
	BAD_DOUBLE_FREE,
	BAD_WRONG_ORDER,
	BAD_TAIL_PAGE,
	BAD_RESERVED,
	BAD_MAPCOUNT,
	BAD_MAPPING,
	BAD_TAIL_REFCOUNT,
	BAD_HUGE_ORDER,
	NR_BAD_FREE_KINDS,
};
/*
 * Misuse of kind on block i (arg varies the details): expects exactly one
 * bad-page report and no change at all. False if not applicable now.
 */
bool model_bad_free(struct model *m, enum bad_free_kind kind, size_t i,
		    unsigned int arg);

/*
 * The buddyinfo full coalescing implies, from the model alone: a free
 * aligned block of order k is a buddy block iff its parent block is not
 * entirely free in the same zone (or k is MAX_ORDER - 1).
 */
void model_expected_buddyinfo(struct model *m, struct buddyinfo *info);

/*
 * Interpret bytes as operations (3 bytes each): allocations with mixed
 * orders and gfp flags, frees of every kind, misuse, drains and full
 * structure checks. Shared by the random host tests and the fuzzer.
 */
void model_run_ops(struct model *m, const unsigned char *data, size_t size);

/* Walk every free list and pcp list against the model (O(pages)). */
void model_check_structure(struct model *m);
/* Free everything, drain pcp, and expect the boot buddyinfo exactly. */
void model_release_all(struct model *m);

static inline enum zone_type model_zone_of(unsigned long pfn)
{
	return pfn < max_low_pfn ? ZONE_NORMAL : ZONE_HIGHMEM;
}

#endif /* _HOST_MODEL_H */
