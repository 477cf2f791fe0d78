/*
 * The console's receive path (drivers/tty/tty_buffer.c): the UART's
 * interrupt handler inserts characters and pushes them, one reader (the
 * console shell, kernel/console/) takes them out, sleeping while there
 * are none. Linux's tty_insert_flip_char()/tty_flip_buffer_push(), with
 * one buffer and no line discipline: the shell edits the line itself.
 */
#ifndef _LINUX_TTY_FLIP_H
#define _LINUX_TTY_FLIP_H

#include <linux/types.h>

/* From the UART's interrupt handler: queue @ch (dropped when full). */
int tty_insert_flip_char(unsigned char ch);
/* From the UART's interrupt handler, after inserting: wake the reader. */
void tty_flip_buffer_push(void);
/*
 * Process context: the next received character, sleeping
 * (TASK_INTERRUPTIBLE) on the buffer's wait queue until one arrives.
 */
int tty_read_char(void);
/* Characters dropped because the buffer was full, since boot. */
unsigned long tty_chars_dropped(void);

#endif /* _LINUX_TTY_FLIP_H */
