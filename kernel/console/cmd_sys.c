/*
 * kernel/console/cmd_sys.c: the console's system commands: dmesg, ps,
 * test, bench, lkdtm, poweroff, and the module commands (lsmod, insmod,
 * rmmod), whose weak defaults below the module loader overrides.
 */
#include <hikern/bench.h>
#include <hikern/console.h>
#include <linux/kernel.h>
#include <linux/lkdtm.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/start_kernel.h>
#include <string.h>

/* dmesg: the log buffer as it is, oldest line first. */
static int cmd_dmesg(int argc, char **argv)
{
	char chunk[256];
	unsigned int pos = 0, end, n;

	(void)argv;
	if (argc > 1)
		return CMD_USAGE;
	/* What is logged from here on (an interrupt's report) waits. */
	end = 0;
	while ((n = log_buf_read(&end, chunk, sizeof(chunk))))
		;
	while (pos < end &&
	       (n = log_buf_read(&pos, chunk, min(end - pos, sizeof(chunk)))))
		console_write_raw(chunk, n);
	return 0;
}
CONSOLE_CMD(dmesg, "", "the kernel log buffer", cmd_dmesg, 0);

CONSOLE_SIMPLE_CMD(ps, show_state_table,
		   "threads: pid, CPU, state, switches, name");

/* test: the KTAP runner, as hikern.test= (but the machine stays on). */
static int cmd_test(int argc, char **argv)
{
	int failed;

	if (argc > 2)
		return CMD_USAGE;
	failed = kunit_run_filter(argc == 2 ? argv[1] : "help");
	if (argc == 2 && strcmp(argv[1], "help"))
		pr_info("test: %s: %d failed\n", argv[1], failed);
	return 0;
}
CONSOLE_CMD(test, "[SUITE[.CASE],...]",
	    "run self-tests (no argument: list them); globs as hikern.test=",
	    cmd_test, CMD_LOGGED);

static int cmd_bench(int argc, char **argv)
{
	if (argc > 2)
		return CMD_USAGE;
	bench_run(argc == 2 ? argv[1] : "all");
	return 0;
}
CONSOLE_CMD(bench, "[NAME,...|help]",
	    "run benchmarks (figures are exact only under -icount)", cmd_bench,
	    CMD_LOGGED);

static int cmd_lkdtm(int argc, char **argv)
{
	if (argc != 2)
		return CMD_USAGE;
	if (strcmp(argv[1], "help"))
		pr_warn("lkdtm: %s crashes the kernel on purpose (unless it is "
			"one the kernel carries on from)\n",
			argv[1]);
	return lkdtm_perform(argv[1]) ? CMD_FAILED : 0;
}
CONSOLE_CMD(lkdtm, "TYPE|help",
	    "crash the kernel on purpose (the only command that may)",
	    cmd_lkdtm, CMD_LOGGED);

static int cmd_poweroff(int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return CMD_USAGE;
	machine_power_off();
}
CONSOLE_CMD(poweroff, "", "power the machine off (QEMU exits with 0)",
	    cmd_poweroff, CMD_LOGGED);

/* ---- modules (kernel/module.c) ---- */

CONSOLE_SIMPLE_CMD(lsmod, show_modules, "loaded modules, as /proc/modules");

/* The loader prints one line for whatever it refuses. */
static int cmd_insmod(int argc, char **argv)
{
	if (argc != 2)
		return CMD_USAGE;
	return request_module_load(argv[1]) ? CMD_FAILED : 0;
}
CONSOLE_CMD(insmod, "NAME", "load NAME.ko from the initramfs", cmd_insmod,
	    CMD_LOGGED);

static int cmd_rmmod(int argc, char **argv)
{
	if (argc != 2)
		return CMD_USAGE;
	return delete_module(argv[1]) ? CMD_FAILED : 0;
}
CONSOLE_CMD(rmmod, "NAME", "unload a module", cmd_rmmod, CMD_LOGGED);
