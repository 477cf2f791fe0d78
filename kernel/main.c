/*
 * kernel/main.c: start_kernel(), the first C code (Linux's init/main.c).
 *
 * Order matters: setup_arch() finds the boot information, the console and
 * RAM and builds the page tables; mem_init() hands memory to the buddy
 * allocator and prints the Memory line and the layout block; then the
 * clock, interrupts, the initramfs and the modules hikern.insmod= names,
 * and the self-tests selected by hikern.test=. The runqueues exist from
 * the first line (sched_init), with this boot task as CPU 0's; once the
 * boot is done it becomes CPU 0's idle loop.
 */
#include <asm/paging.h>
#include <asm/semihosting.h>
#include <asm/setup.h>
#include <hikern/bench.h>
#include <hikern/console.h>
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/initramfs.h>
#include <linux/kernel.h>
#include <linux/lkdtm.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/serial_pl011.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/start_kernel.h>
#include <linux/vermagic.h>

#define HIKERN_VERSION UTS_RELEASE

/*
 * The command line start_kernel() parsed, kept for the debugger
 * (lx-cmdline): it points into boot_info, which the parsers only copy.
 */
char *saved_command_line;

void __noreturn start_kernel(void)
{
	char *command_line;
	int failed, bench_failed;

	pr_notice("Booting Linux on physical CPU 0x0\n");
	pr_notice("%s", linux_banner);
	sched_init();
	setup_arch(&command_line);
	saved_command_line = command_line;
	pr_notice("Kernel command line: %s\n", command_line);
	parse_setup_params(command_line);
	mem_init();
	pl011_console_init();
	if (CONFIG_DEBUG_WX)
		ptdump_check_wx();
	time_init();
	local_irq_enable();
	smp_init();
	lkdtm_run();
	populate_rootfs();
	load_boot_modules();

	failed = kunit_run_selected();
	bench_failed = bench_run_selected();
	if (bench_failed >= 0)
		failed = (failed > 0 ? failed : 0) + bench_failed;
	if (failed >= 0) {
		show_modules(); /* what a run leaves loaded, as lsmod */
		semihosting_exit(failed ? EXIT_TEST_FAILED : EXIT_PASS);
	}
	show_modules();
	pr_info("hikern: boot complete\n");
	console_shell_init();
	cpu_startup_entry();
}
