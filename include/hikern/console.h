/*
 * The serial console shell (kernel/console/): its command table.
 *
 * A command is one CONSOLE_CMD() line next to its function, in any file:
 *
 *	static int cmd_lsmod(int argc, char **argv) { ... }
 *	CONSOLE_CMD(lsmod, "", "list loaded modules", cmd_lsmod, 0);
 *
 * Each entry lands in the .console_cmds.<name> section; linker.ld sorts
 * them by name between __console_cmds_start and __console_cmds_end, so
 * `help` lists them alphabetically and a new file adds commands without
 * touching the shell. A command returns 0, CMD_USAGE (the shell prints
 * "NAME: usage: NAME ARGS"), or CMD_FAILED once it has printed its own
 * one error line.
 */
#ifndef _HIKERN_CONSOLE_H
#define _HIKERN_CONSOLE_H

#include <linux/compiler.h>
#include <linux/types.h>

#define CMD_USAGE (-1)
#define CMD_FAILED 1

/* flags */
#define CMD_LOGGED 0x1 /* output goes through the log (test, bench, ...) */

struct console_cmd {
	const char *name;
	const char *args; /* "" for none */
	const char *help; /* one line */
	int (*fn)(int argc, char **argv);
	unsigned int flags;
};

#define CONSOLE_CMD(_name, _args, _help, _fn, _flags)                  \
	static const struct console_cmd __console_cmd_##_name __used   \
		__section(".console_cmds." #_name)                     \
			__aligned(__alignof__(struct console_cmd)) = { \
				.name = #_name,                        \
				.args = _args,                         \
				.help = _help,                         \
				.fn = _fn,                             \
				.flags = _flags,                       \
			}

/* A command without arguments that calls @_fn(): one line. */
#define CONSOLE_SIMPLE_CMD(_name, _fn, _help)         \
	static int cmd_##_name(int argc, char **argv) \
	{                                             \
		(void)argv;                           \
		if (argc > 1)                         \
			return CMD_USAGE;             \
		_fn();                                \
		return 0;                             \
	}                                             \
	CONSOLE_CMD(_name, "", _help, cmd_##_name, 0)

extern const struct console_cmd __console_cmds_start[];
extern const struct console_cmd __console_cmds_end[];

/* Start the shell thread on the console UART (after the boot is done). */
void console_shell_init(void);

/*
 * Argument parsing for commands: a number in C syntax (0x.., 0.., decimal)
 * that must be all of @s; false otherwise.
 */
bool console_parse_ulong(const char *s, unsigned long *val);
#endif /* _HIKERN_CONSOLE_H */
