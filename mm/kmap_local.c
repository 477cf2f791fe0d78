/*
 * mm/kmap_local.c: kmap_local_page() and kunmap_local(), temporary maps
 * of highmem pages that stay valid while their task is preempted or
 * sleeps (the part of Linux v5.11+'s mm/highmem.c behind
 * __kmap_local_pfn_prot(); see Documentation/mm/highmem.md).
 *
 * A local map takes the next slot of this CPU's kmap_atomic slot stack
 * (arch/arm/include/asm/highmem.h), the same stack kmap_atomic() uses,
 * and records the PTE it wrote in the task (current->kmap_ctrl). Unlike
 * kmap_atomic() it leaves preemption on. While a task can be switched
 * out, the only slots in use on its CPU are its own local maps, pushed
 * in order: a kmap_atomic() holder cannot be switched out (preemption
 * is off until kunmap_atomic), and interrupt handlers pop what they push.
 * So local map i is in slot i, and at each context switch
 * kmap_local_sched_out() clears the outgoing task's slots (PTE and TLB
 * entry) and empties the CPU's stack, and kmap_local_sched_in() writes
 * the incoming task's PTEs back into slots 0..n-1. Other tasks on the
 * same CPU meanwhile use the same slots for their own maps.
 *
 * A task with local maps must come back on the CPU it made them on: the
 * addresses are that CPU's slots. As Linux (v5.11+), each map takes a
 * migrate_disable() and each unmap gives it back with migrate_enable():
 * set_cpus_allowed_ptr() (kernel/sched/core.c) leaves such a task where
 * it is, with the move pending, and the unmap of its last map lets it go
 * (migrate_enable() reschedules it, and the switch-out pushes it to its
 * new CPU, where it maps afresh in that CPU's slots). The debug build
 * still WARNs if a task ever comes back elsewhere with maps.
 */
#include <asm/highmem.h>
#include <asm/tlbflush.h>
#include <linux/bug.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>

BUILD_BUG_ON(KMAP_LOCAL_MAX > KM_TYPE_NR);
BUILD_BUG_ON(sizeof(pte_t) != sizeof(((struct kmap_ctrl *)0)->pteval[0]));

/* Slot i of CPU k's stack: i pages below its base, minus one. */
static inline unsigned long local_slot(const struct kmap_atomic_cpu *k, int i)
{
	return k->base - (unsigned long)(i + 1) * PAGE_SIZE;
}

/* Install pte in this CPU's next slot and record it in current's maps. */
static void *kmap_local_install(pte_t pte)
{
	struct kmap_ctrl *kc = &current->kmap_ctrl;
	void *vaddr;
	int idx;

	/* The address is this CPU's slot: stay here until the unmap. */
	migrate_disable();
	preempt_disable();
	idx = kc->idx;
#if CONFIG_DEBUG_HIGHMEM
	BUG_ON(idx >= KMAP_LOCAL_MAX);
#endif
	if (!idx)
		kc->cpu = smp_processor_id();
	/*
	 * Record first: an interrupt handler that maps locally now takes
	 * record idx + 1 and the next slot, and gives both back before
	 * we go on.
	 */
	kc->pteval[idx] = pte;
	kc->idx = idx + 1;
	barrier();
	vaddr = kmap_atomic_install(pte);
	preempt_enable();
	return vaddr;
}

/**
 * __kmap_local_page_prot - map a highmem page for this task
 * @page: a HighMem page
 * @prot: the PTE protection bits (kmap_prot for kmap_local_page())
 *
 * The out-of-line half of kmap_local_page(): takes the next slot of this
 * CPU's kmap_atomic stack and records the map in current->kmap_ctrl, so
 * the scheduler re-installs it whenever the task runs again. Takes a
 * migrate_disable(): the task stays on this CPU until kunmap_local().
 *
 * Context: any context; preemption stays enabled. BUGs (debug build)
 * when the task already holds KMAP_LOCAL_MAX maps.
 * Return: the slot's address, valid in this task until kunmap_local().
 */
void *__kmap_local_page_prot(struct page *page, pgprot_t prot)
{
	return kmap_local_install(mk_pte(page, prot));
}

/**
 * __kmap_local_pfn_prot - map a highmem page frame for this task
 * @pfn: the page frame number of a HighMem page
 * @prot: the PTE protection bits
 *
 * As __kmap_local_page_prot(), for a frame given by number.
 *
 * Context: any context; preemption stays enabled.
 * Return: the slot's address, valid in this task until kunmap_local().
 */
void *__kmap_local_pfn_prot(unsigned long pfn, pgprot_t prot)
{
	return kmap_local_install(pfn_pte(pfn, prot));
}

/**
 * kunmap_local_indexed - undo the task's most recent kmap_local_page()
 * @vaddr: the address kmap_local_page() returned
 *
 * Frees the top slot of this CPU's stack (clears its PTE and invalidates
 * its TLB entry) and forgets the task's newest map. Maps must be undone
 * in reverse order: any other address is a WARNING (debug build), and the
 * top map is undone anyway, which keeps the slots and the task's record
 * consistent, as kunmap_atomic() does. Gives back the map's
 * migrate_disable(): after the task's last map, a move asked for
 * meanwhile happens here (migrate_enable()). A lowmem address (from a
 * lowmem page, which took neither a slot nor a migrate_disable()) is
 * ignored.
 *
 * Context: the task (or interrupt handler) that made the map.
 */
void kunmap_local_indexed(const void *vaddr)
{
	struct kmap_ctrl *kc = &current->kmap_ctrl;
	unsigned long addr = (unsigned long)vaddr;
	struct kmap_atomic_cpu *k;

	if (addr < KMAP_FIXADDR_START) {
#if CONFIG_DEBUG_HIGHMEM
		WARN_ON(addr < PAGE_OFFSET ||
			addr >= (unsigned long)high_memory);
#endif
		return;
	}
	preempt_disable();
	k = this_cpu_kmap_atomic();
	if (WARN_ON(kc->idx <= 0)) { /* no map: no migrate_disable() either */
		preempt_enable();
		return;
	}
#if CONFIG_DEBUG_HIGHMEM
	/* kunmap_local out of order (not the newest map): Linux's WARN. */
	WARN_ON((addr & PAGE_MASK) != k->top);
#endif
	kunmap_atomic_high((void *)k->top);
	kc->pteval[--kc->idx] = 0;
	preempt_enable();
	migrate_enable(); /* a pending move happens here */
}

/**
 * __kmap_local_sched_out - take a task's local maps off this CPU
 * @p: the task leaving the CPU; it holds local maps
 *
 * Clears their slots and TLB entries and gives the slots back, so the
 * next task finds the stack empty. The PTEs stay in @p->kmap_ctrl for
 * __kmap_local_sched_in().
 *
 * Context: __schedule(), before __switch_to(), IRQs off.
 */
void __kmap_local_sched_out(struct task_struct *p)
{
	struct kmap_atomic_cpu *k = this_cpu_kmap_atomic();
	int n = p->kmap_ctrl.idx;

#if CONFIG_DEBUG_HIGHMEM
	/* Anything else on the stack is a kmap_atomic held across schedule. */
	WARN_ON(k->top != local_slot(k, n - 1));
#endif
	for (int i = 0; i < n; i++) {
		unsigned long vaddr = local_slot(k, i);

		pte_clear(&init_mm, vaddr, kmap_slot_pte(k, vaddr));
		local_flush_tlb_kernel_page(vaddr);
	}
	k->top = k->base;
}

/**
 * __kmap_local_sched_in - put a task's local maps back on this CPU
 * @p: the task coming in; it holds local maps
 *
 * Writes its PTEs back into slots 0..n-1 of this CPU. They are empty and
 * have no TLB entries (sched_out and kunmap clear both), so the stores
 * and the walker barrier are all it takes.
 *
 * Context: __schedule(), after __switch_to(), IRQs off.
 */
void __kmap_local_sched_in(struct task_struct *p)
{
	struct kmap_atomic_cpu *k = this_cpu_kmap_atomic();
	int n = p->kmap_ctrl.idx;

#if CONFIG_DEBUG_HIGHMEM
	WARN_ON(k->top != k->base);
	/* The addresses are the other CPU's slots: cannot be restored. */
	WARN_ON(p->kmap_ctrl.cpu != smp_processor_id());
#endif
	for (int i = 0; i < n; i++) {
		unsigned long vaddr = local_slot(k, i);

		set_pte_ext(kmap_slot_pte(k, vaddr), p->kmap_ctrl.pteval[i]);
	}
	k->top = local_slot(k, n - 1);
	arch_kmap_post_map();
}
