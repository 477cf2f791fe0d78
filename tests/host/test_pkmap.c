/*
 * tests/host/test_pkmap.c: host tests of the persistent-kmap bookkeeping
 * (mm/highmem.c, built unchanged with ASan/UBSan) on fake struct pages,
 * with the PTE store and the TLB flush stubbed and watched:
 *
 *   - every PTE write goes through host_set_pte_ext(), and a model TLB
 *     remembers which pkmap slots may still hold a stale translation (a
 *     PTE was cleared, no flush since); installing a PTE in such a slot
 *     is the bug the count-1 state exists to prevent, and fails the test;
 *   - flush_tlb_kernel_range() is counted and must cover the window.
 *
 * Each test runs in its own process (tests/host/harness.c), so it starts
 * from the boot state: cursor 0, every slot free. The last test drives
 * random kmap/kunmap sequences against a reference model of user counts.
 * Prints "ok/FAIL - <test>" lines and "N passed, N failed".
 */
#include <linux/kernel.h> /* first: compiler.h before any libc header */
#include <kunit/private.h>
#include <asm/highmem.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sched_stub.h"
#include "shim.h"

/* What mm/page_alloc.c and arch/arm/mm/mmu.c would define. */
struct page *mem_map;
unsigned long max_mapnr;
struct mem_type_bits mem_types[MT_NR_TYPES];
pte_t *pkmap_page_table;

#define NR_PAGES 4096u /* fake RAM: the first 256 pages lowmem, the rest high */
#define NR_LOW 256u
#define KMAP_PROT 0x45fu

static pte_t pkmap_ptes[PTRS_PER_PTE];

/* ---- the watched PTE and TLB operations ---- */

static bool tlb_stale[LAST_PKMAP]; /* a cleared slot's old entry may linger */
static unsigned long nr_tlb_flushes, nr_stale_installs;

static bool in_window(const pte_t *ptep)
{
	return ptep >= pkmap_page_table && ptep < pkmap_page_table + LAST_PKMAP;
}

void host_set_pte_ext(pte_t *ptep, pte_t pte)
{
	if (in_window(ptep)) {
		unsigned int nr = ptep - pkmap_page_table;

		if (pte && tlb_stale[nr])
			nr_stale_installs++;
		if (!pte && *ptep)
			tlb_stale[nr] = true;
	}
	*ptep = pte;
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	nr_tlb_flushes++;
	CHECK_EQ(start, PKMAP_ADDR(0));
	CHECK_EQ(end, PKMAP_ADDR(LAST_PKMAP));
	memset(tlb_stale, 0, sizeof(tlb_stale));
}

void dump_stack(void)
{
}

/* ---- fake memory ---- */

static void boot(void)
{
	__pv_phys_offset = 0x40000000;
	__pv_offset = __pv_phys_offset - PAGE_OFFSET;
	max_mapnr = NR_PAGES;
	mem_map = calloc(NR_PAGES, sizeof(*mem_map));
	for (unsigned int i = NR_LOW; i < NR_PAGES; i++)
		mem_map[i].flags = (unsigned long)ZONE_HIGHMEM << ZONES_PGSHIFT;
	mem_types[MT_MEMORY_RW].prot_pte = KMAP_PROT;
	pkmap_page_table = pkmap_ptes;
	shim_quiet = true;
}

static struct page *high(unsigned int i)
{
	return &mem_map[NR_LOW + i];
}

static unsigned int slot_of(void *vaddr)
{
	return PKMAP_NR(vaddr);
}

/* What a kernel with no other task sees when nobody may be waiting. */
static void check_idle(void)
{
	CHECK(!waitqueue_active(pkmap_kunit_wait_queue()));
	CHECK_EQ(current->state, TASK_RUNNING);
	CHECK_EQ(nr_stale_installs, 0);
}

/* ---- tests ---- */

static void first_kmap_gets_slot_1(void)
{
	void *v;

	boot();
	v = kmap_high(high(0));
	CHECK_EQ((unsigned long)v, PKMAP_ADDR(1));
	CHECK_EQ(pkmap_kunit_last_nr(), 1);
	CHECK_EQ(pkmap_kunit_count(1), 2);
	CHECK_EQ(pkmap_ptes[1], pfn_pte(page_to_pfn(high(0)), KMAP_PROT));
	CHECK_EQ(highmem_page_address(high(0)), v);
	CHECK(kmap_to_page((char *)v + 123) == high(0));
	kunmap_high(high(0));
	CHECK_EQ(pkmap_kunit_count(1), 1);
	CHECK_EQ(pkmap_ptes[1], pfn_pte(page_to_pfn(high(0)), KMAP_PROT));
	check_idle();
}

static void second_kmap_shares_the_entry(void)
{
	void *a, *b;

	boot();
	a = kmap_high(high(5));
	b = kmap_high(high(5));
	CHECK_EQ(a, b);
	CHECK_EQ(pkmap_kunit_count(slot_of(a)), 3);
	kunmap_high(high(5));
	kunmap_high(high(5));
	CHECK_EQ(pkmap_kunit_count(slot_of(a)), 1);
	/* Unused but mapped: the next kmap takes no new slot. */
	CHECK_EQ(kmap_high(high(5)), a);
	CHECK_EQ(pkmap_kunit_last_nr(), 1);
	kunmap_high(high(5));
	check_idle();
}

/*
 * 511 map+unmap pairs fill slots 1..511 with count 1 and flush nothing;
 * the 512th distinct page wraps the cursor: one flush of the window
 * clears all 511, and the page takes slot 0.
 */
static void wrap_flushes_once_then_uses_slot_0(void)
{
	unsigned int i;

	boot();
	for (i = 0; i < LAST_PKMAP - 1; i++) {
		CHECK_EQ((unsigned long)kmap_high(high(i)), PKMAP_ADDR(i + 1));
		kunmap_high(high(i));
	}
	CHECK_EQ(nr_tlb_flushes, 0);
	CHECK_EQ(pkmap_kunit_flushes(), 0);
	CHECK_EQ((unsigned long)kmap_high(high(600)), PKMAP_ADDR(0));
	CHECK_EQ(nr_tlb_flushes, 1);
	CHECK_EQ(pkmap_kunit_flushes(), 1);
	for (i = 1; i < LAST_PKMAP; i++) {
		CHECK_EQ(pkmap_kunit_count(i), 0);
		CHECK_EQ(pkmap_ptes[i], 0);
	}
	for (i = 0; i < LAST_PKMAP - 1; i++)
		CHECK(highmem_page_address(high(i)) == NULL);
	/* The cursor goes on from 0: slot 1 next, no flush needed. */
	CHECK_EQ((unsigned long)kmap_high(high(601)), PKMAP_ADDR(1));
	CHECK_EQ(nr_tlb_flushes, 1);
	kunmap_high(high(600));
	kunmap_high(high(601));
	check_idle();
}

/* Slots with users keep their page, PTE and count through flushes. */
static void used_slots_survive_flushes(void)
{
	void *held[3];
	unsigned int i;

	boot();
	for (i = 0; i < 3; i++)
		held[i] = kmap_high(high(1000 + i));
	for (i = 0; i < 3 * LAST_PKMAP; i++) {
		kmap_high(high(i));
		kunmap_high(high(i));
	}
	CHECK_EQ(nr_tlb_flushes, 3);
	for (i = 0; i < 3; i++) {
		unsigned int nr = slot_of(held[i]);

		CHECK_EQ(highmem_page_address(high(1000 + i)), held[i]);
		CHECK_EQ(pkmap_kunit_count(nr), 2);
		CHECK_EQ(pkmap_ptes[nr],
			 pfn_pte(page_to_pfn(high(1000 + i)), KMAP_PROT));
		kunmap_high(high(1000 + i));
	}
	check_idle();
}

/* kmap_flush_unused flushes only when it cleared something. */
static void flush_unused_clears_only_unused(void)
{
	boot();
	kmap_flush_unused();
	CHECK_EQ(nr_tlb_flushes, 0);
	kmap_high(high(1));
	kmap_high(high(2));
	kunmap_high(high(2));
	kmap_flush_unused();
	CHECK_EQ(nr_tlb_flushes, 1);
	CHECK(highmem_page_address(high(2)) == NULL);
	CHECK_EQ(highmem_page_address(high(1)), (void *)PKMAP_ADDR(1));
	CHECK_EQ(pkmap_kunit_count(2), 0);
	kunmap_high(high(1));
	check_idle();
}

/*
 * All 512 slots with users: the 513th distinct page sleeps on
 * pkmap_map_wait (TASK_UNINTERRUPTIBLE) until "the other task" (the
 * scheduler stub's hook) kunmaps one page; the waiter then wraps,
 * flushes once and takes exactly the freed slot.
 */
struct other_kunmap {
	int counts[LAST_PKMAP];
	bool queued, asleep, unchanged;
};

static void other_task_kunmaps(void *arg)
{
	struct other_kunmap *o = arg;

	o->queued = waitqueue_active(pkmap_kunit_wait_queue());
	o->asleep = current->state == TASK_UNINTERRUPTIBLE;
	o->unchanged = pkmap_kunit_counts_cmp(o->counts) == 0;
	kunmap_high(high(77)); /* page i went to slot i + 1 */
}

static void exhaustion_sleeps_until_kunmap(void)
{
	struct other_kunmap o = { .queued = false };
	unsigned long flushes;
	unsigned int i;
	void *v;

	boot();
	for (i = 0; i < LAST_PKMAP; i++)
		CHECK(kmap_high(high(i)) != NULL);
	for (i = 0; i < LAST_PKMAP; i++)
		CHECK_EQ(pkmap_kunit_count(i), 2);
	pkmap_kunit_counts(o.counts);
	sched_stub_set_other(other_task_kunmaps, &o);
	flushes = nr_tlb_flushes;
	v = kmap_high(high(LAST_PKMAP));
	CHECK_EQ(sched_stub_switches, 1);
	CHECK(o.queued);
	CHECK(o.asleep);
	CHECK(o.unchanged); /* nothing taken while the window was full */
	CHECK_EQ(v, (void *)PKMAP_ADDR(78));
	CHECK_EQ(nr_tlb_flushes, flushes + 1);
	CHECK(highmem_page_address(high(77)) == NULL);
	CHECK_EQ(highmem_page_address(high(LAST_PKMAP)), v);
	check_idle();
}

static void kunmap_of_unmapped_page_is_reported(void)
{
	int counts[LAST_PKMAP];

	boot();
	kmap_high(high(3));
	pkmap_kunit_counts(counts);
	shim_log_clear();
	kunmap_high(high(4));
	CHECK(shim_log_contains("BUG: kunmap: page "));
	CHECK(shim_log_contains(" is not mapped"));
	CHECK_EQ(pkmap_kunit_counts_cmp(counts), 0);

	kunmap_high(high(3));
	shim_log_clear();
	kunmap_high(high(3)); /* one too many: count stays 1 */
	CHECK(shim_log_contains("BUG: kunmap: page "));
	CHECK_EQ(pkmap_kunit_count(1), 1);
	check_idle();
}

static int wakeups;

static int count_wakeup(struct wait_queue_entry *wq_entry, unsigned int mode,
			int flags, void *key)
{
	(void)wq_entry, (void)mode, (void)flags, (void)key;
	wakeups++;
	return 1;
}

/* A waiter is woken exactly when a slot drops to count 1. */
static void kunmap_to_count_1_wakes_waiters(void)
{
	struct wait_queue_entry w = { .func = count_wakeup };

	boot();
	add_wait_queue(pkmap_kunit_wait_queue(), &w);
	kmap_high(high(9));
	kmap_high(high(9));
	kunmap_high(high(9));
	CHECK_EQ(wakeups, 0);
	kunmap_high(high(9));
	CHECK_EQ(wakeups, 1);
	remove_wait_queue(pkmap_kunit_wait_queue(), &w);
	check_idle();
}

/* ---- random sequences against a model ---- */

#define MODEL_PAGES 1500u

static int users[MODEL_PAGES];

/* Every pkmap invariant (Documentation/mm/highmem.md), via the public API. */
static void check_model(void)
{
	static unsigned char seen[LAST_PKMAP];
	unsigned int mapped = 0;

	memset(seen, 0, sizeof(seen));
	for (unsigned int i = 0; i < MODEL_PAGES; i++) {
		void *v = highmem_page_address(high(i));
		unsigned int nr;

		if (!v) {
			CHECK_EQ(users[i], 0);
			continue;
		}
		nr = slot_of(v);
		CHECK(nr < LAST_PKMAP && !seen[nr]);
		seen[nr] = 1;
		mapped++;
		CHECK_EQ(pkmap_kunit_count(nr), users[i] + 1);
		CHECK_EQ(pkmap_ptes[nr],
			 pfn_pte(page_to_pfn(high(i)), KMAP_PROT));
		CHECK(kmap_to_page(v) == high(i));
	}
	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++) {
		if (!seen[nr]) {
			CHECK_EQ(pkmap_kunit_count(nr), 0);
			CHECK_EQ(pkmap_ptes[nr], 0);
		}
	}
	CHECK(mapped <= LAST_PKMAP);
}

/*
 * The other task of a full window: drops uses of random pages until one
 * slot loses its last user, which must wake the sleeper.
 */
static void model_kunmap_one(void *arg)
{
	unsigned int j;

	(void)arg;
	while (current->state != TASK_RUNNING) {
		do
			j = rand() % MODEL_PAGES;
		while (!users[j]);
		kunmap_high(high(j));
		users[j]--;
		CHECK(current->state == TASK_RUNNING || users[j] > 0);
	}
}

static void one_random_op(unsigned int i)
{
	unsigned int mapped_with_users = 0;

	if (users[i] && rand() % 2) {
		kunmap_high(high(i));
		users[i]--;
		return;
	}
	for (unsigned int j = 0; j < MODEL_PAGES; j++)
		mapped_with_users += users[j] > 0;
	if (!users[i] && mapped_with_users == LAST_PKMAP) {
		/* Window full: kmap sleeps until the other task kunmaps. */
		unsigned int switches = sched_stub_switches;

		sched_stub_set_other(model_kunmap_one, NULL);
		CHECK(kmap_high(high(i)) != NULL);
		CHECK_EQ(sched_stub_switches, switches + 1);
		users[i]++;
		return;
	}
	CHECK(kmap_high(high(i)) != NULL);
	users[i]++;
}

static void random_ops_match_model(void)
{
	boot();
	srand(1);
	for (unsigned int op = 0; op < 60000; op++) {
		/* Mostly a hot set, sometimes anything: wraps and hits both. */
		unsigned int i =
			rand() % 4 ? rand() % 700u : rand() % MODEL_PAGES;

		one_random_op(i);
		if (op % 97 == 0)
			check_model();
		if (harness_failures)
			return;
	}
	check_model();
	CHECK(nr_tlb_flushes > 10);
	CHECK_EQ(nr_stale_installs, 0);
	CHECK(sched_stub_switches > 0); /* the full window was reached */
	printf("random: %lu flushes, %u waits on a full window, cursor at "
	       "%u\n",
	       nr_tlb_flushes, sched_stub_switches, pkmap_kunit_last_nr());
}

static const struct host_test tests[] = {
	{ "first_kmap_gets_slot_1", first_kmap_gets_slot_1, false },
	{ "second_kmap_shares_the_entry", second_kmap_shares_the_entry, false },
	{ "wrap_flushes_once_then_uses_slot_0",
	  wrap_flushes_once_then_uses_slot_0, false },
	{ "used_slots_survive_flushes", used_slots_survive_flushes, false },
	{ "flush_unused_clears_only_unused", flush_unused_clears_only_unused,
	  false },
	{ "exhaustion_sleeps_until_kunmap", exhaustion_sleeps_until_kunmap,
	  false },
	{ "kunmap_of_unmapped_page_is_reported",
	  kunmap_of_unmapped_page_is_reported, false },
	{ "kunmap_to_count_1_wakes_waiters", kunmap_to_count_1_wakes_waiters,
	  false },
	{ "random_ops_match_model", random_ops_match_model, false },
};

int main(void)
{
	return run_tests(tests, ARRAY_SIZE(tests));
}
