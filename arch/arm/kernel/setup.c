/*
 * arch/arm/kernel/setup.c: from the boot registers to a usable memory map
 * (Linux's setup_arch, setup_machine_fdt/_tags and arm_memblock_init).
 *
 * The boot parameters (r2) are read as a device tree or an ATAG list,
 * whichever they are; a missing or corrupt one is reported once the
 * console is up, and the kernel continues on a board description chosen
 * from the machine number and the RAM base, with QEMU's default 128 MB.
 */
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/memory.h>
#include <asm/paging.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <linux/bug.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched/clock.h>
#include <linux/serial_pl011.h>
#include <string.h>

unsigned long __pv_offset;
phys_addr_t __pv_phys_offset;
unsigned int __machine_arch_type;
phys_addr_t __atags_pointer;
unsigned int __smp_hw; /* boot/head.S: is_smp() (asm/smp_plat.h) */
struct boot_info boot_info;
u32 processor_id;

/* What head.S could map of the boot parameters (see BOOT_PARAMS_MAX_OFFSET). */
#define BOOT_PARAMS_WINDOW (2 * SECTION_SIZE)
#define BOOT_PARAMS_MAX_OFFSET 0x20000000UL
#define DEFAULT_RAM_SIZE (128 * SZ_1M)

/* QEMU virt's devices, for a virt boot that came without its tree. */
static const struct machine_desc virt_defaults = {
	.name = "QEMU virt (defaults)",
	.uart_base = 0x09000000,
	.uart_irq = 32 + 1, /* SPI 1 */
	.gic_dist_base = 0x08000000,
	.gic_cpu_base = 0x08010000,
	.has_arch_timer = true,
	.arch_timer_virt_ppi = 27,
};

/*
 * mem=size[@start], with ARM Linux's rule (early_mem): the first mem=
 * replaces the banks the boot information described, each further one
 * adds a bank; @start defaults to PHYS_OFFSET. The banks are only
 * recorded here: arm_memblock_init() checks them against the RAM the boot
 * information described, which Linux does not do.
 */
struct mem_arg {
	u64 start, size;
	const char *text; /* the value as given, for messages */
};

static struct mem_arg mem_args[NR_BANKS];
static unsigned int nr_mem_args;

static int __init early_mem(char *p)
{
	struct mem_arg *m;
	char *end;
	u64 size = memparse(p, &end), start = PHYS_OFFSET;

	if (end == p || !size)
		return -1;
	if (*end == '@') {
		char *s = end + 1;

		start = memparse(s, &end);
		if (end == s)
			return -1;
	}
	if (nr_mem_args == NR_BANKS) {
		pr_err("mem=%s: more than %d mem= banks, ignored\n", p,
		       NR_BANKS);
		return 0;
	}
	m = &mem_args[nr_mem_args++];
	m->start = start;
	/* Keep start + size from wrapping: it is clipped to RAM anyway. */
	m->size = min(size, ~0ULL - start);
	m->text = p;
	return 0;
}
early_param("mem", early_mem);

/*
 * lkdtm=EARLY_BUG (listed in kernel/lkdtm.c, fired here): a BUG() after
 * the console is up but before paging_init() has mapped the vector page,
 * proving that the boot-time vectors (VBAR, see boot/head.S) oops and
 * panic instead of hanging.
 */
static bool lkdtm_early_bug;

static int __init early_lkdtm(char *p)
{
	lkdtm_early_bug = !strcmp(p, "EARLY_BUG");
	return 0;
}
early_param("lkdtm", early_lkdtm);

/* Returns how many bytes from pa on are readable through __va(). */
static size_t params_window(phys_addr_t pa)
{
	phys_addr_t off = pa - PHYS_OFFSET;

	if (!pa || pa < PHYS_OFFSET || off >= BOOT_PARAMS_MAX_OFFSET)
		return 0;
	return BOOT_PARAMS_WINDOW - (pa & (SECTION_SIZE - 1));
}

static void __init setup_machine_defaults(struct boot_info *bi)
{
	const struct machine_desc *mdesc;

	mdesc = lookup_machine_type(__machine_arch_type, processor_id);
	if (!mdesc && PHYS_OFFSET == 0x40000000)
		mdesc = &virt_defaults;
	if (mdesc) {
		struct boot_info board = { 0 };

		/* Keep what the DTB said; take only what it lacked. */
		machine_fill_devices(mdesc, &board);
		if (!bi->uart_base) {
			bi->uart_base = board.uart_base;
			bi->uart_irq = board.uart_irq;
		}
		if (!bi->gic_dist_base || !bi->gic_cpu_base) {
			bi->gic_dist_base = board.gic_dist_base;
			bi->gic_cpu_base = board.gic_cpu_base;
		}
		if (!bi->twd_or_gt_base)
			bi->twd_or_gt_base = board.twd_or_gt_base;
		if (!bi->has_arch_timer) {
			bi->has_arch_timer = board.has_arch_timer;
			bi->arch_timer_virt_ppi = board.arch_timer_virt_ppi;
		}
		if (!bi->model)
			bi->model = board.model;
		if (!bi->sysreg_base)
			bi->sysreg_base = board.sysreg_base;
	}
	if (!bi->nr_banks) {
		bi->bank[0].start = PHYS_OFFSET;
		bi->bank[0].size = DEFAULT_RAM_SIZE;
		bi->nr_banks = 1;
	}
}

/* Fill boot_info from r1/r2: a DTB, or ATAGS plus a machine record. */
static bool __init setup_boot_params(struct boot_info *bi)
{
	size_t window = params_window(__atags_pointer);
	const void *p = window ? __va(__atags_pointer) : NULL;
	int type = p ? boot_params_type(p) : BOOT_PARAMS_NONE;
	int err = -1;

	if (type == BOOT_PARAMS_DTB) {
		err = early_init_dt_scan(p, window, bi);
		bi->source = "DTB";
		if (!err)
			psci_dt_init(p);
	} else if (type == BOOT_PARAMS_ATAGS) {
		err = parse_atags(p, window, bi);
		bi->source = "ATAGS";
	}
	if (err) {
		if (!bi->error[0])
			boot_info_error(
				bi, "no device tree or ATAG list at r2=%08lx",
				(unsigned long)__atags_pointer);
		bi->source = "defaults";
		bi->nr_banks = 0;
	}
	/* ATAGS carry no devices, and a tree may lack some: fill them in. */
	if (type != BOOT_PARAMS_DTB || err || !bi->uart_base ||
	    !bi->sysreg_base)
		setup_machine_defaults(bi);
	return !err;
}

/*
 * Add a bank of RAM, minus what a non-LPAE kernel cannot use, with ARM
 * Linux's messages (arm_add_memory): memory from 4 GB up does not exist
 * for it, and memory below PHYS_OFFSET has no linear address.
 */
static void __init arm_add_memory(u64 start, u64 size)
{
	u64 end = start + size;

	if (start > 0xffffffffULL) {
		pr_crit("Ignoring memory at 0x%08llx outside 32-bit physical "
			"address space\n",
			(unsigned long long)start);
		return;
	}
	if (end > 0xffffffffULL) {
		pr_crit("Truncating memory at 0x%08llx to fit in 32-bit "
			"physical address space\n",
			(unsigned long long)start);
		end = 0xffffffffULL;
	}
	if (start < PHYS_OFFSET) {
		u64 cut = min(end, (u64)PHYS_OFFSET);

		pr_info("Ignoring memory below PHYS_OFFSET: "
			"0x%08llx-0x%08llx\n",
			(unsigned long long)start, (unsigned long long)cut);
		start = cut;
	}
	start = ALIGN(start, PAGE_SIZE);
	end = ALIGN_DOWN(end, PAGE_SIZE);
	if (end > start)
		memblock_add((phys_addr_t)start, (phys_addr_t)(end - start));
}

/*
 * One mem= bank: only its part inside the banks the boot information
 * described is RAM (QEMU has none anywhere else), so only that is added,
 * and a bank with none is refused; both are said.
 */
static void __init add_mem_arg(const struct boot_info *bi,
			       const struct mem_arg *m)
{
	u64 end = m->start + m->size, used = 0;

	for (unsigned int i = 0; i < bi->nr_banks; i++) {
		u64 s = max(m->start, bi->bank[i].start);
		u64 e = min(end, bi->bank[i].start + bi->bank[i].size);

		if (s < e) {
			arm_add_memory(s, e - s);
			used += e - s;
		}
	}
	if (!used)
		pr_err("mem=%s: no RAM at 0x%08llx-0x%08llx (not in any "
		       "memory bank from the %s), bank ignored\n",
		       m->text, (unsigned long long)m->start,
		       (unsigned long long)(end - 1), bi->source);
	else if (used < m->size)
		pr_warn("mem=%s: only %lluK of 0x%08llx-0x%08llx is RAM "
			"(memory "
			"banks from the %s), using that\n",
			m->text, (unsigned long long)(used >> 10),
			(unsigned long long)m->start,
			(unsigned long long)(end - 1), bi->source);
}

/*
 * What the kernel needs to run: the sections boot/head.S mapped for it,
 * from PHYS_OFFSET to the megabyte holding _end, all RAM. Below that it
 * could not even hold its first page tables and struct pages; this is
 * the smallest RAM hikern boots in (1 MB while the image is under 1 MB).
 */
static phys_addr_t __init kernel_ram_end(void)
{
	return ALIGN(__pa(_end), SECTION_SIZE);
}

static const struct membank *__init kernel_bank(const struct boot_info *bi)
{
	for (unsigned int i = 0; i < bi->nr_banks; i++)
		if (bi->bank[i].start <= PHYS_OFFSET &&
		    bi->bank[i].start + bi->bank[i].size > PHYS_OFFSET)
			return &bi->bank[i];
	return NULL;
}

static bool __init kernel_has_ram(void)
{
	return memblock_is_region_memory(PHYS_OFFSET,
					 kernel_ram_end() - PHYS_OFFSET);
}

/* The boot information gives the kernel no RAM to run in: nothing to do. */
static void __noreturn __init no_kernel_ram(const struct boot_info *bi)
{
	const struct membank *b = kernel_bank(bi);
	unsigned long end = kernel_ram_end();

	if (b)
		panic("RAM bank 0x%08llx-0x%08llx (%lluK) from the %s is too "
		      "small for the kernel: it needs 0x%08lx-0x%08lx (%luK)",
		      (unsigned long long)b->start,
		      (unsigned long long)(b->start + b->size - 1),
		      (unsigned long long)(b->size >> 10), bi->source,
		      (unsigned long)PHYS_OFFSET, end - 1,
		      (end - (unsigned long)PHYS_OFFSET) >> 10);
	panic("no RAM bank from the %s holds the kernel at 0x%08lx-0x%08lx",
	      bi->source, (unsigned long)PHYS_OFFSET, end - 1);
}

/*
 * mem= left no RAM the kernel can run in (mem=1K, mem=64M@0, a bank not
 * holding the kernel): as Linux would have to, carry on with the bank the
 * kernel runs in, and say so. Returns false if that bank cannot either.
 */
static bool __init mem_fallback(const struct boot_info *bi)
{
	const struct membank *b = kernel_bank(bi);

	if (!b)
		return false;
	pr_err("mem=: the RAM it leaves (%luK) does not hold the kernel's "
	       "0x%08lx-0x%08lx; using the bank the kernel runs in: "
	       "0x%08llx-0x%08llx\n",
	       (unsigned long)(memblock_phys_mem_size() >> 10),
	       (unsigned long)PHYS_OFFSET, (unsigned long)kernel_ram_end() - 1,
	       (unsigned long long)b->start,
	       (unsigned long long)(b->start + b->size - 1));
	memblock_remove(0, PHYS_ADDR_MAX);
	arm_add_memory(b->start, b->size);
	return kernel_has_ram();
}

static void __init arm_memblock_init(const struct boot_info *bi)
{
	if (nr_mem_args) {
		for (unsigned int i = 0; i < nr_mem_args; i++)
			add_mem_arg(bi, &mem_args[i]);
	} else {
		for (unsigned int i = 0; i < bi->nr_banks; i++)
			arm_add_memory(bi->bank[i].start, bi->bank[i].size);
	}
	if (!kernel_has_ram() && !(nr_mem_args && mem_fallback(bi)))
		no_kernel_ram(bi);
	/* Only what head.S mapped may be handed out before paging_init. */
	memblock_set_current_limit(kernel_ram_end());
	memblock_reserve(__pa(_text), _end - _text);
	memblock_reserve(__pa(swapper_pg_dir), sizeof(pgd_t) * PTRS_PER_PGD);
	if (!strcmp(bi->source, "DTB"))
		memblock_reserve(
			__atags_pointer,
			be32_to_cpup((const __be32 *)__va(__atags_pointer) +
				     1));
	/* Last, so an initrd over anything reserved above is refused. */
	arm_initrd_init(bi);
}

static void __init setup_processor(void)
{
	u32 sctlr;

	processor_id = read_cpuid_id();
	__asm__("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
	pr_info("CPU: ARMv7 Processor [%08x] revision %u (ARMv7), cr=%08x\n",
		processor_id, processor_id & 0xf, sctlr);
}

void __init setup_arch(char **cmdline_p)
{
	struct boot_info *bi = &boot_info;
	bool params_ok;

	processor_id = read_cpuid_id();
	sched_clock_init(NULL);
	params_ok = setup_boot_params(bi);
	parse_early_param(bi->cmdline);
	build_mem_type_table();
	early_fixmap_init();
	if (bi->uart_base)
		pl011_earlycon_setup((phys_addr_t)bi->uart_base, bi->uart_irq);
	setup_processor();
	pr_info("Machine model: %s (boot information from %s)\n",
		bi->model ? bi->model : "unknown", bi->source);
	if (!params_ok) {
		pr_err("Error: invalid boot information: %s\n", bi->error);
		pr_err("Continuing with the board's defaults: %u MB of RAM at "
		       "0x%08lx\n",
		       (unsigned int)(bi->bank[0].size >> 20),
		       (unsigned long)bi->bank[0].start);
	} else if (bi->error[0]) {
		pr_warn("Warning: boot information (%s): %s\n", bi->source,
			bi->error);
	}
	pr_info("Layout profile: %s (%s)\n", layout->name,
		layout->linux_versions);
	if (lkdtm_early_bug) {
		pr_info("lkdtm: Performing direct entry EARLY_BUG (before "
			"paging_init)\n");
		BUG();
	}
	*cmdline_p = bi->cmdline;
	arm_memblock_init(bi);
	adjust_lowmem_bounds();
	pte_clean_init();
	smp_patch_up(bi);
	paging_init();
}
