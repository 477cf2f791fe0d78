/*
 * tests/host/driver_stubs.c: what the drivers linked into the host
 * boot-information tests refer to but those tests never reach. The tests
 * need the drivers for their device tree match tables (linux/of.h); the
 * console, GIC and mapping code beside them is for the kernel only, so
 * each function here fails the test loudly if it is ever called.
 */
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/iomap.h>
#include <asm/layout.h>
#include <asm/pgtable.h>
#include <asm/smp.h>
#include <linux/console.h>
#include <linux/irq.h>
#include <linux/tty_flip.h>
#include <stdio.h>
#include <stdlib.h>

const struct layout_profile *layout;
struct mem_type_bits mem_types[MT_NR_TYPES];

static void __noreturn not_on_host(const char *fn)
{
	fprintf(stderr, "BUG: %s() called in a host test\n", fn);
	abort();
}

void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot)
{
	not_on_host(__func__);
}

void __iomem *ioremap(phys_addr_t phys_addr, size_t size)
{
	not_on_host(__func__);
}

void __iomem *iotable_map(phys_addr_t phys, unsigned long size)
{
	not_on_host(__func__);
}

void register_console(struct console *con)
{
	not_on_host(__func__);
}

/* The GIC's IPI dispatch (arch/arm/kernel/smp.c is not in host tests). */
void handle_IPI(int ipinr, unsigned int from)
{
	(void)ipinr;
	(void)from;
}

int tty_insert_flip_char(unsigned char ch)
{
	not_on_host(__func__);
}

void tty_flip_buffer_push(void)
{
	not_on_host(__func__);
}
