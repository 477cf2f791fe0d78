/*
 * kernel/console/shell.c: the serial console shell.
 *
 * Once the boot is done, start_kernel() calls console_shell_init(): the
 * PL011's receive interrupt is enabled (characters go to the tty buffer,
 * drivers/tty/tty_buffer.c) and a kernel thread, "console", reads them,
 * sleeping on the buffer's wait queue between keys. The thread edits the
 * line itself (echo, backspace 0x7f/0x08, Ctrl-U, Ctrl-C, up/down
 * history as ESC [ A / ESC [ B), then runs the command the first word
 * names from the table of hikern/console.h. A command's replies go
 * straight to the console, as a /proc file reads (printk_direct_begin()),
 * except for commands flagged CMD_LOGGED (test, bench, lkdtm, dmesg's
 * own output aside), whose reports belong in the log as at boot.
 */
#include <hikern/console.h>
#include <linux/cmdline.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/serial_pl011.h>
#include <linux/tty_flip.h>
#include <string.h>

#define CONSOLE_PROMPT "hikern# "
#define LINE_MAX 128
#define HISTORY_LEN 16
#define MAX_ARGS 8

#define CTRL(c) ((c)&0x1f)
#define KEY_DEL 0x7f
#define KEY_ESC 0x1b

static char history[HISTORY_LEN][LINE_MAX];
static unsigned int history_count; /* lines ever added */

struct line_state {
	char buf[LINE_MAX];
	unsigned int len;
	unsigned int hist_back; /* 0: the line being typed; n: n-th last */
	int esc;		/* 0, 1 after ESC, 2 after ESC [ */
	bool last_cr;		/* swallow the \n of a \r\n */
};

static void copy_line(char *dst, const char *src)
{
	strncpy(dst, src, LINE_MAX - 1);
	dst[LINE_MAX - 1] = '\0';
}

static void put(const char *s)
{
	console_write_raw(s, strlen(s));
}

static void erase_line(struct line_state *ls)
{
	while (ls->len) {
		put("\b \b");
		ls->len--;
	}
}

static void history_add(const char *line)
{
	unsigned int last = (history_count - 1) % HISTORY_LEN;

	if (history_count && !strcmp(history[last], line))
		return; /* as bash's ignoredups */
	copy_line(history[history_count % HISTORY_LEN], line);
	history_count++;
}

/* Replace the line by history entry @back (0: empty). */
static void history_recall(struct line_state *ls, unsigned int back)
{
	unsigned int avail = min(history_count, (unsigned int)HISTORY_LEN);

	if (back > avail)
		return;
	erase_line(ls);
	ls->hist_back = back;
	if (back)
		copy_line(ls->buf,
			  history[(history_count - back) % HISTORY_LEN]);
	else
		ls->buf[0] = '\0';
	ls->len = strlen(ls->buf);
	put(ls->buf);
}

/* ESC [ A / ESC [ B; other sequences are swallowed. Returns if consumed. */
static bool handle_escape(struct line_state *ls, int c)
{
	if (ls->esc == 1) {
		ls->esc = c == '[' ? 2 : 0;
		return true;
	}
	if (ls->esc != 2)
		return false;
	if (c >= '0' && c <= '9')
		return true; /* parameters of a longer sequence */
	ls->esc = 0;
	if (c == 'A')
		history_recall(ls, ls->hist_back + 1);
	else if (c == 'B' && ls->hist_back)
		history_recall(ls, ls->hist_back - 1);
	return true;
}

static void insert_char(struct line_state *ls, int c)
{
	char s[2] = { (char)c, 0 };

	if (ls->len >= LINE_MAX - 1)
		return;
	ls->buf[ls->len++] = (char)c;
	put(s);
}

/* Returns true when the line is complete (Enter), false if abandoned. */
static bool read_line(struct line_state *ls)
{
	memset(ls, 0, sizeof(*ls) - sizeof(ls->last_cr));
	for (;;) {
		int c = tty_read_char();
		bool cr = c == '\r';

		if (c == '\n' && ls->last_cr) {
			ls->last_cr = false;
			continue;
		}
		ls->last_cr = cr;
		if (handle_escape(ls, c))
			continue;
		switch (c) {
		case '\r':
		case '\n':
			put("\n");
			ls->buf[ls->len] = '\0';
			return true;
		case KEY_DEL:
		case '\b':
			if (ls->len) {
				ls->len--;
				put("\b \b");
			}
			break;
		case CTRL('U'):
			erase_line(ls);
			break;
		case CTRL('C'):
			put("^C\n");
			return false;
		case KEY_ESC:
			ls->esc = 1;
			break;
		default:
			if (c >= ' ' && c < KEY_DEL)
				insert_char(ls, c);
		}
	}
}

static int split_args(char *line, char **argv)
{
	int argc = 0;
	char *p = line;

	while (*p && argc < MAX_ARGS) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	while (*p == ' ' || *p == '\t')
		*p++ = '\0';
	return *p ? -1 : argc;
}

static const struct console_cmd *find_cmd(const char *name)
{
	const struct console_cmd *c;

	for (c = __console_cmds_start; c < __console_cmds_end; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static void run_cmd(const struct console_cmd *c, int argc, char **argv)
{
	int ret;

	if (!(c->flags & CMD_LOGGED))
		printk_direct_begin();
	ret = c->fn(argc, argv);
	printk_direct_end();
	if (ret == CMD_USAGE)
		pr_info("%s: usage: %s%s%s\n", c->name, c->name,
			*c->args ? " " : "", c->args);
}

static void run_line(char *line)
{
	char *argv[MAX_ARGS + 1];
	const struct console_cmd *c;
	int argc = split_args(line, argv);

	if (argc < 0) {
		pr_info("console: more than %d words\n", MAX_ARGS);
		return;
	}
	if (!argc)
		return;
	argv[argc] = NULL;
	c = find_cmd(argv[0]);
	if (!c) {
		printk_direct_begin();
		pr_info("%s: command not found (help lists the commands)\n",
			argv[0]);
		printk_direct_end();
		return;
	}
	run_cmd(c, argc, argv);
}

static int console_thread(void *data)
{
	static struct line_state ls;

	(void)data;
	for (;;) {
		put(CONSOLE_PROMPT);
		if (!read_line(&ls))
			continue;
		if (ls.len)
			history_add(ls.buf);
		run_line(ls.buf);
	}
	return 0;
}

void console_shell_init(void)
{
	struct task_struct *t;

	if (pl011_startup()) {
		pr_info("console: no UART receive interrupt: no shell\n");
		return;
	}
	t = kthread_run(console_thread, NULL, "console");
	if (!t) {
		pr_err("console: cannot start the shell thread\n");
		return;
	}
	pr_info("console: shell on ttyAMA0 (type help; quit QEMU with "
		"Ctrl-A X)\n");
}

bool console_parse_ulong(const char *s, unsigned long *val)
{
	char *end;
	unsigned long long v;

	if (!s || !*s || *s == '-' || *s == '+')
		return false;
	v = simple_strtoull(s, &end, 0);
	if (*end || v > ~0UL)
		return false;
	*val = (unsigned long)v;
	return true;
}

/* help: every command with its arguments and its line. */
static int cmd_help(int argc, char **argv)
{
	const struct console_cmd *c;
	char usage[40];

	(void)argv;
	if (argc > 1)
		return CMD_USAGE;
	for (c = __console_cmds_start; c < __console_cmds_end; c++) {
		snprintf(usage, sizeof(usage), "%s%s%s", c->name,
			 *c->args ? " " : "", c->args);
		pr_info("  %-26s %s\n", usage, c->help);
	}
	pr_info("Keys: Backspace, Ctrl-U (erase line), Ctrl-C (abandon line), "
		"Up/Down (history). Quit QEMU: Ctrl-A X.\n");
	return 0;
}
CONSOLE_CMD(help, "", "this list", cmd_help, 0);
