/*
 * Host builds only: the kernel's asm/pgtable.h, with set_pte_ext() (a
 * store plus an ARM cache-clean instruction) replaced by a call to
 * host_set_pte_ext(), which the host test provides: it stores the PTE
 * and can watch every PTE write (tests/host/test_pkmap.c models the TLB
 * with it). The kernel's one is renamed out of the way; being an unused
 * static inline, its ARM assembly is never emitted. */
#ifndef _HOST_ASM_PGTABLE_H
#define _HOST_ASM_PGTABLE_H

#define set_pte_ext arm_set_pte_ext
#include_next <asm/pgtable.h>
#undef set_pte_ext

void host_set_pte_ext(pte_t *ptep, pte_t pte);
#define set_pte_ext(ptep, pte) host_set_pte_ext(ptep, pte)

#endif /* _HOST_ASM_PGTABLE_H */
