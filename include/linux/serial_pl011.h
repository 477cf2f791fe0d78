/* The PL011 console (drivers/tty/serial/amba-pl011.c). */
#ifndef _LINUX_SERIAL_PL011_H
#define _LINUX_SERIAL_PL011_H

#include <linux/types.h>

/*
 * Map the UART at phys through FIX_EARLYCON_MEM_BASE and register it;
 * irq (its GIC INTID, 0 if unknown) is what pl011_startup() enables.
 */
void pl011_earlycon_setup(phys_addr_t phys, unsigned int irq);
/*
 * Once ioremap works (after mem_init): reach the UART through an ioremap
 * mapping instead and clear the earlycon fixmap slot.
 */
void pl011_console_init(void);
/*
 * Once the GIC is up: enable the receive interrupt, which feeds the tty
 * buffer (linux/tty_flip.h). Returns 0, or -1 with no UART or interrupt.
 */
int pl011_startup(void);

#endif /* _LINUX_SERIAL_PL011_H */
