/*
 * kernel/lkdtm.c: deliberate crashes, after Linux's LKDTM, so the oops
 * path can be seen and tested: boot with lkdtm=<TYPE>. Each type must end
 * in an oops and a panic (QEMU exits with EXIT_PANIC); if it returns, the
 * protection it probes is missing and that is reported.
 */
#include <asm/bug.h>
#include <asm/cacheflush.h>
#include <asm/sections.h>
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/lkdtm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <string.h>

static const char *lkdtm_type;
/* A "bx lr" in writable data: executing it must fault (XN). */
static u32 lkdtm_data_code[2] = { 0xe12fff1e, 0 };

static int __init setup_lkdtm(char *str)
{
	lkdtm_type = str;
	return 1;
}
__setup("lkdtm=", setup_lkdtm);

static noinline void lkdtm_WRITE_RO(void)
{
	*(volatile u32 *)_stext = 0;
}

static noinline void lkdtm_EXEC_DATA(void)
{
	void (*fn)(void) = (void (*)(void))lkdtm_data_code;

	flush_icache_range((unsigned long)lkdtm_data_code,
			   (unsigned long)(lkdtm_data_code + 2));
	fn();
}

static noinline void lkdtm_ACCESS_NULL(void)
{
	(void)*(volatile u32 *)0;
}

static noinline void lkdtm_EXCEPTION(void)
{
	arch_undefined_instruction(); /* not BUG's encoding */
}

static noinline void lkdtm_BUG(void)
{
	BUG();
}

static noinline void lkdtm_WARNING(void)
{
	WARN_ON(1);
}

/*
 * Sleep with preemption disabled, as Linux's lkdtm ATOMIC_SLEEP:
 * might_sleep() reports it (debug build), then schedule() does ("BUG:
 * scheduling while atomic"), and the sleep still happens.
 */
static noinline void lkdtm_ATOMIC_SLEEP(void)
{
	preempt_disable();
	msleep(1);
	preempt_enable();
}

static void lkdtm_bug_here(void *info)
{
	(void)info;
	BUG();
}

/*
 * BUG() on CPU 1, from its call-function IPI: the oops names CPU 1, its
 * panic stops CPU 0 (waiting here for the call) through smp_send_stop()
 * and ends the run. Proves an oops on a secondary CPU is not lost.
 */
static noinline void lkdtm_BUG_CPU1(void)
{
	if (!cpu_online(1)) {
		pr_err("lkdtm: BUG_CPU1 needs CPU 1 online (-smp 2 or more)\n");
		return;
	}
	smp_call_function_single(1, lkdtm_bug_here, NULL, 1);
}

/* Fired by setup_arch() before paging_init; getting here is a failure. */
static noinline void lkdtm_EARLY_BUG(void)
{
}

/* survives: the kernel is meant to carry on (a WARN, not an oops). */
static const struct {
	const char *name;
	void (*fn)(void);
	bool survives;
} crashtypes[] = {
	{ "WRITE_RO", lkdtm_WRITE_RO, false },
	{ "EXEC_DATA", lkdtm_EXEC_DATA, false },
	{ "ACCESS_NULL", lkdtm_ACCESS_NULL, false },
	{ "EXCEPTION", lkdtm_EXCEPTION, false },
	{ "BUG", lkdtm_BUG, false },
	{ "BUG_CPU1", lkdtm_BUG_CPU1, false },
	{ "WARNING", lkdtm_WARNING, true },
	{ "ATOMIC_SLEEP", lkdtm_ATOMIC_SLEEP, true },
	{ "EARLY_BUG", lkdtm_EARLY_BUG, false },
};

/* lkdtm=help, or a name that is no crash type: say which exist. */
static void lkdtm_list_types(void)
{
	pr_info("lkdtm: crash types:\n");
	for (unsigned int i = 0; i < ARRAY_SIZE(crashtypes); i++)
		pr_info("lkdtm:   %s%s\n", crashtypes[i].name,
			crashtypes[i].survives ? " (the kernel carries on)" :
						 "");
}

void lkdtm_run(void)
{
	if (lkdtm_type)
		lkdtm_perform(lkdtm_type);
}

int lkdtm_perform(const char *type)
{
	if (!strcmp(type, "help")) {
		lkdtm_list_types();
		return 0;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(crashtypes); i++) {
		if (strcmp(crashtypes[i].name, type))
			continue;
		pr_info("lkdtm: Performing direct entry %s\n", type);
		crashtypes[i].fn();
		if (crashtypes[i].survives)
			pr_info("lkdtm: %s: the kernel carried on, as "
				"expected\n",
				type);
		else
			pr_err("lkdtm: FAIL: %s returned: the kernel survived "
			       "it\n",
			       type);
		return 0;
	}
	pr_err("lkdtm: unknown crash type '%s'\n", type);
	lkdtm_list_types();
	return -1;
}
