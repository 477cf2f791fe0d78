/* The PL011 console (drivers/tty/serial/amba-pl011.c). */
#ifndef _LINUX_SERIAL_PL011_H
#define _LINUX_SERIAL_PL011_H

#include <linux/types.h>

/* Map the UART at phys through FIX_EARLYCON_MEM_BASE and register it. */
void pl011_earlycon_setup(phys_addr_t phys);
/*
 * Once ioremap works (after mem_init): reach the UART through an ioremap
 * mapping instead and clear the earlycon fixmap slot.
 */
void pl011_console_init(void);

#endif /* _LINUX_SERIAL_PL011_H */
