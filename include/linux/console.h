/* Console drivers: where printk's log buffer goes. */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, unsigned int n);
	void *data;
	struct console *next;
};

/* Replays the log buffer to the new console, then keeps it fed. */
void register_console(struct console *con);
void unregister_console(struct console *con);

extern int console_loglevel;

#endif /* _LINUX_CONSOLE_H */
