/*
 * Host builds only: the kernel's asm/pgtable.h, with set_pte_ext() (a
 * store plus an ARM cache-clean instruction) replaced by a call to
 * host_set_pte_ext(), which the host test provides: it stores the PTE
 * and can watch every PTE write (tests/host/test_pkmap.c models the TLB
 * with it); so does set_pte_ext_noclean(), and clean_pte_range() is a
 * no-op. The kernel's two are renamed out of the way; being unused
 * static inlines, their ARM assembly is never emitted.
 */
#ifndef _HOST_ASM_PGTABLE_H
#define _HOST_ASM_PGTABLE_H

#define set_pte_ext arm_set_pte_ext
#define set_pte_ext_noclean arm_set_pte_ext_noclean
#include_next <asm/pgtable.h>
#undef set_pte_ext
#undef set_pte_ext_noclean

void host_set_pte_ext(pte_t *ptep, pte_t pte);
#define set_pte_ext(ptep, pte) host_set_pte_ext(ptep, pte)
/* Batched stores are watched the same way; no cache to clean here. */
#define set_pte_ext_noclean(ptep, pte) host_set_pte_ext(ptep, pte)
#define clean_pte_range(start, end) ((void)(start), (void)(end))

#endif /* _HOST_ASM_PGTABLE_H */
