/*
 * drivers/tty/serial/amba-pl011.c: the PL011 UART as the kernel console.
 *
 * Like Linux's earlycon, the UART is first reached through the fixmap slot
 * FIX_EARLYCON_MEM_BASE, before any allocator exists; once the allocators
 * work, pl011_console_init() moves it to an ioremap mapping, as the real
 * driver takes over from earlycon in Linux, and frees the fixmap slot.
 * QEMU's PL011 needs no programming to transmit. Input is interrupt
 * driven (pl011_startup(), called by the console shell): the receive and
 * receive-timeout interrupts drain the FIFO into the tty buffer
 * (drivers/tty/tty_buffer.c), whose reader sleeps until then.
 *
 * Which PL011 is the console comes from the device tree's boot scan
 * (pl011_of_scan() below) or, without a tree, from the machine record,
 * and so does its interrupt: virt's UART is SPI 1, vexpress's UART0 SPI 5.
 */
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/of.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/serial_pl011.h>
#include <linux/sizes.h>
#include <linux/spinlock.h>
#include <linux/tty_flip.h>

#define UART01x_DR 0x00
#define UART01x_FR 0x18
#define UART01x_FR_TXFF (1 << 5)
#define UART01x_FR_RXFE (1 << 4)
#define UART011_CR 0x30
#define UART011_IMSC 0x38
#define UART011_ICR 0x44
#define UART011_CR_UARTEN (1 << 0)
#define UART011_CR_TXE (1 << 8)
#define UART011_CR_RXE (1 << 9)
#define UART011_RXIM (1 << 4)
#define UART011_RTIM (1 << 6)

static void __iomem *pl011_base;
static phys_addr_t pl011_phys;
static unsigned int pl011_irq;

static void pl011_putc(void __iomem *base, char c)
{
	while (readl(base + UART01x_FR) & UART01x_FR_TXFF)
		;
	writel((unsigned char)c, base + UART01x_DR);
}

static void pl011_console_write(struct console *con, const char *s,
				unsigned int n)
{
	void __iomem *base = con->data;

	for (unsigned int i = 0; i < n; i++) {
		if (s[i] == '\n')
			pl011_putc(base, '\r');
		pl011_putc(base, s[i]);
	}
}

static struct console pl011_early_console = {
	.name = "pl11",
	.write = pl011_console_write,
};

void __init pl011_earlycon_setup(phys_addr_t phys, unsigned int irq)
{
	pl011_phys = phys;
	pl011_irq = irq;
	set_fixmap_io(FIX_EARLYCON_MEM_BASE, phys & PAGE_MASK);
	pl011_base = (void __iomem *)(__fix_to_virt(FIX_EARLYCON_MEM_BASE) +
				      (phys & ~PAGE_MASK));
	pl011_early_console.data = pl011_base;
	register_console(&pl011_early_console);
}

void __init pl011_console_init(void)
{
	void __iomem *base;
	unsigned long flags;

	if (!pl011_phys)
		return;
	base = ioremap(pl011_phys, SZ_4K);
	if (!base) {
		pr_warn("pl011: ioremap of 0x%08lx failed, staying on "
			"earlycon\n",
			(unsigned long)pl011_phys);
		return;
	}
	/* An interrupt handler may printk: switch in one step. */
	local_irq_save(flags);
	pl011_base = base;
	pl011_early_console.data = base;
	local_irq_restore(flags);
	clear_fixmap(FIX_EARLYCON_MEM_BASE);
	pr_info("ttyAMA0 at MMIO 0x%08lx (mapped at 0x%p) is a PL011; earlycon "
		"fixmap slot released\n",
		(unsigned long)pl011_phys, base);
}

/*
 * Receive and receive-timeout: take every character the FIFO holds. The
 * interrupts are cleared before the FIFO is read, never after: a
 * character arriving after the last read would otherwise have its
 * interrupt cleared and wait, unseen, for the next key.
 */
static void pl011_int(unsigned int irq, void *dev)
{
	void __iomem *base = pl011_base;
	bool got = false;

	(void)irq;
	(void)dev;
	writel(UART011_RXIM | UART011_RTIM, base + UART011_ICR);
	while (!(readl(base + UART01x_FR) & UART01x_FR_RXFE)) {
		tty_insert_flip_char(readl(base + UART01x_DR) & 0xff);
		got = true;
	}
	if (got)
		tty_flip_buffer_push();
}

int pl011_startup(void)
{
	if (!pl011_phys || !pl011_irq)
		return -1;
	if (request_irq(pl011_irq, pl011_int, NULL))
		return -1;
	writel(UART011_CR_UARTEN | UART011_CR_TXE | UART011_CR_RXE,
	       pl011_base + UART011_CR);
	writel(UART011_RXIM | UART011_RTIM, pl011_base + UART011_ICR);
	writel(UART011_RXIM | UART011_RTIM, pl011_base + UART011_IMSC);
	enable_irq(pl011_irq);
	pr_info("ttyAMA0: receive interrupt %u (SPI %u) enabled\n", pl011_irq,
		pl011_irq - 32);
	return 0;
}

/*
 * The console's interrupt: GIC binding <type number flags>, type 0 an
 * SPI (INTID 32 + number), type 1 a PPI (16 + number). Anything else
 * leaves it 0: the console then has output only.
 */
static unsigned int __init pl011_of_irq(const struct of_scan *sc)
{
	int len = 0;
	const __be32 *irq = of_scan_get_prop(sc, "interrupts", &len);
	u32 type, num;

	if (!irq || len < 12)
		return 0;
	type = be32_to_cpup(irq);
	num = be32_to_cpup(irq + 1);
	if (type > 1 || num >= NR_IRQS - 32)
		return 0;
	return (type ? 16 : 32) + num;
}

/*
 * The boot scan's console UART: the PL011 /chosen/stdout-path names,
 * else the first one in the tree. Nothing later displaces the stdout-path
 * one, so the scan offers no more nodes once it is found.
 */
static bool __init pl011_of_scan(const struct of_scan *sc, struct boot_info *bi)
{
	bool is_stdout = of_scan_node_is_stdout(sc);
	u64 base, size;

	if (!is_stdout && bi->uart_base)
		return false;
	if (!of_scan_reg(sc, 0, &base, &size))
		return false;
	bi->uart_base = base;
	bi->uart_irq = pl011_of_irq(sc);
	return is_stdout;
}
OF_EARLYCON_DECLARE(pl011, "arm,pl011", pl011_of_scan);
