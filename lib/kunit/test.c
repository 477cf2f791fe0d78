/*
 * lib/kunit/test.c: the self-test runner, after Linux's KUnit, printing
 * KTAP version 1 with one nested block per suite.
 *
 * Suites register themselves (kunit_test_suite) into .kunit_test_suites;
 * hikern.test= picks "all", "none" or a comma-separated list of suite
 * names. Each case runs with a jmp_buf armed so that KUNIT_ASSERT_* can
 * end it early, and kunit_expect_fault() arms a second one that the abort
 * handlers resume to, which is how a test proves a fault really happened.
 */
#include <asm/ptrace.h>
#include <kunit/fault.h>
#include <kunit/test.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/start_kernel.h>
#include <setjmp.h>
#include <string.h>

extern struct kunit_suite *__kunit_suites_start[];
extern struct kunit_suite *__kunit_suites_end[];

static const char *test_selection; /* NULL: hikern.test= not given */
static jmp_buf case_abort;

static struct {
	jmp_buf resume;
	struct kunit_fault *out;
	volatile bool armed;
} fault_ctx;

static int __init setup_tests(char *str)
{
	test_selection = str;
	return 1;
}
__setup("hikern.test=", setup_tests);

void kunit_log(struct kunit *test, const char *fmt, ...)
{
	char buf[256];
	va_list args;

	(void)test;
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_info("    # %s\n", buf);
}

void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt,
		...)
{
	char buf[256];
	va_list args;

	test->failed = true;
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_info("    # %s: EXPECTATION FAILED at %s:%d\n", test->name, file,
		line);
	pr_info("    # %s\n", buf);
}

void __noreturn kunit_abort(struct kunit *test)
{
	(void)test;
	longjmp(case_abort, 1);
}

void kunit_skip(struct kunit *test, const char *reason)
{
	test->skipped = true;
	test->skip_reason = reason; /* printed in the result line, as KUnit */
}

static void kunit_fault_resume(void)
{
	longjmp(fault_ctx.resume, 1);
}

bool kunit_fault_catch(struct pt_regs *regs, unsigned long addr,
		       unsigned long fsr, enum kunit_fault_kind kind)
{
	/*
	 * Only the test's own context may be resumed: a fault in an interrupt
	 * handler (the tick) is a real oops, and longjmp-ing out of it would
	 * skip the GIC end-of-interrupt and leave in_irq() set.
	 */
	if (!fault_ctx.armed || in_irq())
		return false;
	fault_ctx.armed = false;
	fault_ctx.out->far = addr;
	fault_ctx.out->fsr = fsr;
	fault_ctx.out->pc = regs->ARM_pc;
	fault_ctx.out->kind = kind;
	/* Resume in ARM state, same mode and mask, at the recovery stub. */
	regs->ARM_pc = (unsigned long)kunit_fault_resume;
	regs->ARM_cpsr &= ~PSR_T_BIT;
	return true;
}

bool kunit_expect_fault(void (*fn)(void *), void *arg,
			struct kunit_fault *fault)
{
	static struct kunit_fault scratch;

	fault_ctx.out = fault ? fault : &scratch;
	if (setjmp(fault_ctx.resume)) {
		__asm__ __volatile__("" ::: "memory");
		return true;
	}
	fault_ctx.armed = true;
	fn(arg);
	fault_ctx.armed = false;
	return false;
}

static bool suite_selected(const char *name)
{
	return list_has_item(test_selection, name);
}

static bool run_case(struct kunit_suite *suite, struct kunit_case *c,
		     unsigned int nr, unsigned int *skipped)
{
	struct kunit test = { .name = c->name };

	if (!setjmp(case_abort)) {
		if (suite->init && suite->init(&test))
			kunit_fail(&test, __FILE__, __LINE__,
				   "suite init failed");
		else
			c->run_case(&test);
	}
	if (suite->exit)
		suite->exit(&test);
	if (test.skipped && !test.failed) {
		(*skipped)++;
		pr_info("    ok %u %s # SKIP %s\n", nr, c->name,
			test.skip_reason ? test.skip_reason : "");
		return true;
	}
	pr_info("    %s %u %s\n", test.failed ? "not ok" : "ok", nr, c->name);
	return !test.failed;
}

/* Runs one suite as a KTAP subtest; returns its number of failed cases. */
static unsigned int run_suite(struct kunit_suite *suite, unsigned int nr)
{
	unsigned int total = 0, failed = 0, skipped = 0;
	struct kunit_case *c;

	for (c = suite->test_cases; c->run_case; c++)
		total++;
	pr_info("    KTAP version 1\n");
	pr_info("    # Subtest: %s\n", suite->name);
	pr_info("    1..%u\n", total);
	for (c = suite->test_cases; c->run_case; c++)
		if (!run_case(suite, c,
			      (unsigned int)(c - suite->test_cases) + 1,
			      &skipped))
			failed++;
	pr_info("# %s: pass:%u fail:%u skip:%u total:%u\n", suite->name,
		total - failed - skipped, failed, skipped, total);
	pr_info("%s %u %s\n", failed ? "not ok" : "ok", nr, suite->name);
	return failed;
}

/* A name in hikern.test= that matches no suite is a failure, not a no-op. */
static unsigned int check_unknown_names(unsigned int nr, bool report)
{
	const char *s = test_selection;
	unsigned int failed = 0;

	size_t len;

	if (!strcmp(s, "all") || !strcmp(s, "none"))
		return 0;
	for (; (s = next_list_item(s, &len)); s += len + (s[len] == ',')) {
		bool found = false;

		for (struct kunit_suite **p = __kunit_suites_start;
		     p < __kunit_suites_end; p++)
			if (strlen((*p)->name) == len &&
			    !strncmp((*p)->name, s, len))
				found = true;
		if (!found && len) {
			if (report)
				pr_info("not ok %u %.*s # no such suite\n",
					++nr, (int)len, s);
			failed++;
		}
	}
	return failed;
}

int kunit_run_selected(void)
{
	unsigned int nr = 0, failed = 0, planned = 0;
	struct kunit_suite **p;

	if (!test_selection)
		return -1;
	if (!strcmp(test_selection, "none"))
		return 0;
	for (p = __kunit_suites_start; p < __kunit_suites_end; p++)
		if (suite_selected((*p)->name))
			planned++;
	pr_info("KTAP version 1\n");
	pr_info("1..%u\n", planned + check_unknown_names(0, false));
	for (p = __kunit_suites_start; p < __kunit_suites_end; p++)
		if (suite_selected((*p)->name))
			failed += run_suite(*p, ++nr);
	failed += check_unknown_names(nr, true);
	return (int)failed;
}
