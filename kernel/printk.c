/*
 * printk: format into a log buffer with Linux's "[    0.000000] " stamps and
 * feed every registered console. Messages printed before any console exists
 * (everything before earlycon is set up) wait in the buffer and are
 * replayed when the first console registers, as in Linux.
 *
 * Levels follow Linux: a message is shown on the console if its level is
 * below console_loglevel (default 7 = everything but KERN_DEBUG;
 * "loglevel=", "debug", "quiet" and "ignore_loglevel" change it).
 *
 * The console shell (kernel/console/) reads the buffer back for `dmesg`
 * (log_buf_read()) and prints its commands' replies as /proc files would
 * be read: straight to the consoles, whatever their level, without a
 * stamp and without entering the log (printk_direct_begin()).
 */
#include <linux/cmdline.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/irq.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/spinlock.h>
#include <string.h>

#define LOG_BUF_LEN (64 * 1024)
#define LOG_LINE_MAX 1024
#define DEFAULT_MESSAGE_LOGLEVEL 4 /* KERN_WARNING, as Linux */

int console_loglevel = 7;
static bool ignore_loglevel;

static char log_buf[LOG_BUF_LEN];
static unsigned int log_head; /* total bytes ever written */
static struct console *console_drivers;
static bool line_open; /* last message did not end in '\n' */
static int line_level = DEFAULT_MESSAGE_LOGLEVEL;
static DEFINE_SPINLOCK(logbuf_lock);
static struct task_struct *printk_direct_task; /* see printk_direct_begin */

static void log_store(const char *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		log_buf[(log_head + i) % LOG_BUF_LEN] = s[i];
	log_head += n;
}

static void console_emit(const char *s, unsigned int n, int level)
{
	struct console *con;

	if (level >= console_loglevel && !ignore_loglevel)
		return;
	for (con = console_drivers; con; con = con->next)
		con->write(con, s, n);
}

/* Strips "\001<d>" prefixes; returns the level or -1 for KERN_CONT. */
static const char *parse_level(const char *text, int *level, bool *cont)
{
	*level = DEFAULT_MESSAGE_LOGLEVEL;
	*cont = false;
	while (text[0] == KERN_SOH[0] && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			*level = text[1] - '0';
		else if (text[1] == 'c')
			*cont = true;
		text += 2;
	}
	return text;
}

static unsigned int format_stamp(char *buf, unsigned int size)
{
	u64 ns = local_clock();
	unsigned long secs = (unsigned long)(ns / 1000000000ULL);
	unsigned long usecs = (unsigned long)((ns % 1000000000ULL) / 1000);

	return scnprintf(buf, size, "[%5lu.%06lu] ", secs, usecs);
}

unsigned int log_buf_pos(void)
{
	return READ_ONCE(log_head);
}

size_t log_buf_copy(unsigned int from, char *buf, size_t size)
{
	unsigned int head = READ_ONCE(log_head), n;

	if (!size)
		return 0;
	/* What was overwritten since from is lost: start at the oldest. */
	if (head - from > LOG_BUF_LEN)
		from = head - LOG_BUF_LEN;
	n = min((size_t)(head - from), size - 1);
	for (unsigned int i = 0; i < n; i++)
		buf[i] = log_buf[(from + i) % LOG_BUF_LEN];
	buf[n] = '\0';
	return n;
}

/* The direct task's printk: its text to the consoles, nothing logged. */
static bool printk_direct(const char *fmt, va_list args)
{
	static char text[LOG_LINE_MAX];
	unsigned long flags;
	const char *body;
	int level, len;
	bool cont;

	if (likely(!printk_direct_task) || printk_direct_task != current ||
	    in_interrupt() || oops_in_progress)
		return false;
	spin_lock_irqsave(&logbuf_lock, flags);
	len = vsnprintf(text, sizeof(text), fmt, args);
	if (len >= (int)sizeof(text))
		len = sizeof(text) - 1;
	body = parse_level(text, &level, &cont);
	console_emit(body, len - (body - text), 0);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return true;
}

int vprintk(const char *fmt, va_list args)
{
	static char text[LOG_LINE_MAX];
	char stamp[32];
	unsigned long flags;
	const char *body;
	int level, len, printed;
	bool cont;

	/*
	 * An oops may come from inside printk itself (a fault while the lock
	 * is held): then the lock is broken open rather than deadlocking or
	 * recursing, as Linux's bust_spinlocks/zap_locks do.
	 */
	if (unlikely(oops_in_progress))
		spin_lock_init(&logbuf_lock);
	else if (printk_direct(fmt, args))
		return 0;
	spin_lock_irqsave(&logbuf_lock, flags);
	len = vsnprintf(text, sizeof(text), fmt, args);
	if (len >= (int)sizeof(text))
		len = sizeof(text) - 1;
	body = parse_level(text, &level, &cont);
	len -= body - text;
	printed = len;
	if (cont && line_open)
		level = line_level;
	/* Each line of the message gets its own stamp, as in dmesg. */
	while (len > 0) {
		const char *nl = memchr(body, '\n', len);
		unsigned int n =
			nl ? (unsigned int)(nl - body + 1) : (unsigned int)len;

		if (!line_open) {
			unsigned int sn = format_stamp(stamp, sizeof(stamp));

			log_store(stamp, sn);
			console_emit(stamp, sn, level);
			line_level = level;
		}
		log_store(body, n);
		console_emit(body, n, line_level);
		line_open = !nl;
		body += n;
		len -= n;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return printed;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}

/**
 * printk_direct_begin - send the calling task's printk to the consoles only
 *
 * Until printk_direct_end(), what the calling task prints (not its
 * interrupt handlers, nor an oops) goes straight to every console at any
 * level, without a time stamp and without entering the log buffer: the
 * console shell's replies (`meminfo`, `buddyinfo`, ...) read like the
 * /proc files they copy and do not fill the log. One task at a time.
 *
 * Context: process context.
 */
void printk_direct_begin(void)
{
	printk_direct_task = current;
}

/**
 * printk_direct_end - back to logging the calling task's printk
 *
 * Context: process context, after printk_direct_begin().
 */
void printk_direct_end(void)
{
	printk_direct_task = NULL;
}

/**
 * console_write_raw - write bytes to every console, not to the log
 * @s: the bytes
 * @n: how many
 *
 * For the console shell's echo and line editing.
 *
 * Context: any context; takes logbuf_lock with interrupts off.
 */
void console_write_raw(const char *s, unsigned int n)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	console_emit(s, n, 0);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

/**
 * log_buf_read - copy part of the log buffer, as `dmesg` reads it
 * @pos: in: the byte to start at (0: the oldest still held); out: where
 *       the next call starts
 * @buf: where to copy
 * @len: its size
 *
 * Context: any context; takes logbuf_lock with interrupts off.
 * Return: the number of bytes copied; 0 once @pos has reached the end.
 */
unsigned int log_buf_read(unsigned int *pos, char *buf, unsigned int len)
{
	unsigned long flags;
	unsigned int start, n = 0;

	spin_lock_irqsave(&logbuf_lock, flags);
	start = log_head > LOG_BUF_LEN ? log_head - LOG_BUF_LEN : 0;
	if (*pos < start)
		*pos = start;
	while (*pos < log_head && n < len)
		buf[n++] = log_buf[(*pos)++ % LOG_BUF_LEN];
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return n;
}

/*
 * The replay ignores levels (the buffer holds none any more): only lines
 * printed before the first console exist then, and those are all shown.
 */
void register_console(struct console *con)
{
	unsigned long flags;
	unsigned int start;

	spin_lock_irqsave(&logbuf_lock, flags);
	start = log_head > LOG_BUF_LEN ? log_head - LOG_BUF_LEN : 0;
	for (unsigned int i = start; i < log_head; i++)
		con->write(con, &log_buf[i % LOG_BUF_LEN], 1);
	con->next = console_drivers;
	console_drivers = con;
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

void unregister_console(struct console *con)
{
	struct console **p;

	for (p = &console_drivers; *p; p = &(*p)->next) {
		if (*p == con) {
			*p = con->next;
			return;
		}
	}
}

/*
 * loglevel=<n> as in Linux (messages below n are shown), or a level's
 * name: loglevel=debug shows KERN_DEBUG lines (buddyinfo, zoneinfo).
 */
static int __init loglevel_setup(char *str)
{
	static const char *const names[] = { "emerg", "alert",	 "crit",
					     "err",   "warning", "notice",
					     "info",  "debug" };
	int v;

	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++) {
		if (!strcmp(str, names[i])) {
			console_loglevel = (int)i + 1;
			return 0;
		}
	}
	if (get_option(&str, &v) != 1 || v < 0 || v > 15)
		return -1;
	console_loglevel = v;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int __init debug_kernel(char *str)
{
	(void)str;
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_kernel);

static int __init quiet_kernel(char *str)
{
	(void)str;
	console_loglevel = 4;
	return 0;
}
early_param("quiet", quiet_kernel);

static int __init ignore_loglevel_setup(char *str)
{
	(void)str;
	ignore_loglevel = true;
	return 0;
}
early_param("ignore_loglevel", ignore_loglevel_setup);
