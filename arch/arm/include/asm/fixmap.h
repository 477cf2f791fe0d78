/*
 * Fixmap: compile-time indices for virtual pages near the top of memory
 * whose physical backing is chosen at run time (Linux's asm/fixmap.h).
 *
 * KM_TYPE_NR = 16, as ARM's own asm/kmap_types.h ("bare minimum, AIO needs
 * it"): each CPU owns a stack of 16 kmap_atomic slots, enough for process
 * context plus nested softirq/IRQ/NMI users. NR_CPUS = 4, ARM's default
 * CONFIG_NR_CPUS and the most the vexpress boards have, so the kmap range
 * (64 slots) fits in the smaller v3.18 fixmap with room to spare.
 *
 * Index 0 (FIX_EARLYCON_MEM_BASE) is the earlycon UART, as in v4.1+; the
 * kmap slots follow. Addresses grow downward from FIXADDR_TOP.
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <asm/layout.h>
#include <asm/pgtable.h>

#define KM_TYPE_NR 16
#define NR_CPUS 4

enum fixed_addresses {
	FIX_EARLYCON_MEM_BASE,
	__end_of_permanent_fixed_addresses,
	FIX_KMAP_BEGIN = __end_of_permanent_fixed_addresses,
	FIX_KMAP_END = FIX_KMAP_BEGIN + (KM_TYPE_NR * NR_CPUS) - 1,
	__end_of_fixed_addresses
};

#define __fix_to_virt(x) (FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x) ((FIXADDR_TOP - ((x)&PAGE_MASK)) >> PAGE_SHIFT)

static inline unsigned long fix_to_virt(unsigned int idx)
{
	return __fix_to_virt(idx);
}

unsigned long virt_to_fix(unsigned long vaddr);

void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot);
#define set_fixmap(idx, phys) __set_fixmap(idx, phys, PAGE_KERNEL)
#define set_fixmap_io(idx, phys) __set_fixmap(idx, phys, PAGE_KERNEL_IO)
#define clear_fixmap(idx) __set_fixmap(idx, 0, 0)

/* The PTE of a fixmap slot (its PTE page exists from early_fixmap_init). */
pte_t *fixmap_pte(unsigned int idx);
void early_fixmap_init(void);
void fixmap_init(void);

#endif /* _ASM_FIXMAP_H */
