/*
 * arch/arm/mm/fault.c: data and prefetch aborts (Linux's do_DataAbort,
 * do_PrefetchAbort and __do_kernel_fault).
 *
 * The kernel never takes a fault it can fix (no demand paging), so every
 * abort is either expected by a self-test or an oops: "Unable to handle
 * kernel paging request", the decoded fault status, the page-table entries
 * for the address, registers and backtrace, then panic.
 */
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <kunit/fault.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>

/*
 * Short-descriptor FS[4:0] = FSR[10]:FSR[3:0], named as Linux's
 * arch/arm/mm/fsr-2level.c names them (codes Linux has no name for are
 * "unknown N", as there).
 */
static const char *const fsr_names[32] = {
	[0x01] = "alignment exception",
	[0x02] = "terminal exception",
	[0x03] = "alignment exception",
	[0x04] = "external abort on linefetch",
	[0x05] = "section translation fault",
	[0x06] = "external abort on linefetch",
	[0x07] = "page translation fault",
	[0x08] = "external abort on non-linefetch",
	[0x09] = "section domain fault",
	[0x0a] = "external abort on non-linefetch",
	[0x0b] = "page domain fault",
	[0x0c] = "external abort on translation",
	[0x0d] = "section permission fault",
	[0x0e] = "external abort on translation",
	[0x0f] = "page permission fault",
	[0x16] = "imprecise external abort",
	[0x18] = "dcache parity error",
};

static unsigned int fsr_fs(unsigned long fsr)
{
	return (fsr & 0xf) | ((fsr >> 6) & 0x10);
}

const char *fsr_name(unsigned long fsr)
{
	static char unknown[16];
	unsigned int fs = fsr_fs(fsr);

	if (fsr_names[fs])
		return fsr_names[fs];
	snprintf(unknown, sizeof(unknown), "unknown %u", fs);
	return unknown;
}

/* Linux's show_pte: the L1 and L2 entries the walker saw for addr. */
static void show_pte(unsigned long addr)
{
	pmd_t *pmd = pmd_off_k(addr) + ((addr >> SECTION_SHIFT) & 1);

	printk(KERN_ALERT "pgd = %p\n", (void *)init_mm.pgd);
	printk(KERN_ALERT "[%08lx] *pgd=%08lx", addr, (unsigned long)*pmd);
	if ((*pmd & 3) == 1) {
		pte_t *pte = virt_to_kpte(addr);

		pr_cont(", *pte=%08lx", (unsigned long)*pte);
	}
	pr_cont("\n");
}

static void __noreturn __do_kernel_fault(unsigned long addr, unsigned long fsr,
					 struct pt_regs *regs, bool prefetch)
{
	oops_in_progress++; /* bust_spinlocks(1): printk must not block */
	pr_alert("8<--- cut here ---\n");
	pr_alert("Unable to handle kernel %s at virtual address %08lx\n",
		 addr < PAGE_SIZE ? "NULL pointer dereference" :
				    "paging request",
		 addr);
	pr_alert("[%s] %s (0x%03lx)%s\n", prefetch ? "IFSR" : "DFSR",
		 fsr_name(fsr), fsr & 0xfff,
		 prefetch	   ? " on instruction fetch" :
		 (fsr & (1 << 11)) ? " on write" :
				     " on read");
	show_pte(addr);
	die("Oops", regs, fsr);
}

void do_DataAbort(struct pt_regs *regs)
{
	unsigned long far, fsr;

	__asm__ __volatile__("mrc p15, 0, %0, c6, c0, 0" : "=r"(far));
	__asm__ __volatile__("mrc p15, 0, %0, c5, c0, 0" : "=r"(fsr));
	if (kunit_fault_catch(regs, far, fsr, KUNIT_FAULT_DATA))
		return;
	__do_kernel_fault(far, fsr, regs, false);
}

void do_PrefetchAbort(struct pt_regs *regs)
{
	unsigned long ifar, ifsr;

	__asm__ __volatile__("mrc p15, 0, %0, c6, c0, 2" : "=r"(ifar));
	__asm__ __volatile__("mrc p15, 0, %0, c5, c0, 1" : "=r"(ifsr));
	if (kunit_fault_catch(regs, ifar, ifsr, KUNIT_FAULT_PREFETCH))
		return;
	__do_kernel_fault(ifar, ifsr, regs, true);
}
