/*
 * lib/kunit/test.c: the self-test runner, after Linux's KUnit, printing
 * KTAP version 1 with one nested block per suite.
 *
 * Suites register themselves (kunit_test_suite) into .kunit_test_suites;
 * hikern.test= picks "all", "none", "help" (list them) or a comma-separated
 * list of "suite" or "suite.case" globs, as KUnit's kunit.filter_glob. The
 * run ends with KUnit's "# Totals:" line. Each case runs with a jmp_buf armed so that KUNIT_ASSERT_* can
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

void kunit_expect_report(struct kunit *test, const char *kind, const char *fmt,
			 ...)
{
	char buf[200];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	kunit_log(test, "expecting a %s report: %s", kind, buf);
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
		barrier();
		return true;
	}
	fault_ctx.armed = true;
	fn(arg);
	fault_ctx.armed = false;
	return false;
}

/*
 * A glob as KUnit's kunit.filter_glob takes: '*' matches any run of
 * characters, '?' any one. @pat is @n characters, not NUL-terminated.
 */
static bool glob_match_n(const char *pat, size_t n, const char *str)
{
	const char *end = pat + n, *star = NULL, *retry = NULL;

	while (*str) {
		if (pat < end && *pat == '*') {
			star = ++pat;
			retry = str;
		} else if (pat < end && (*pat == '?' || *pat == *str)) {
			pat++;
			str++;
		} else if (star) {
			pat = star;
			str = ++retry;
		} else {
			return false;
		}
	}
	while (pat < end && *pat == '*')
		pat++;
	return pat == end;
}

/*
 * Does one hikern.test= item ("suite" or "suite.case", globs) select @c of
 * @suite? With @c NULL: does it name @suite at all?
 */
static bool item_selects(const char *item, size_t len,
			 const struct kunit_suite *suite,
			 const struct kunit_case *c)
{
	const char *dot = memchr(item, '.', len);
	size_t slen = dot ? (size_t)(dot - item) : len;

	if (!glob_match_n(item, slen, suite->name))
		return false;
	return !c || !dot || glob_match_n(dot + 1, len - slen - 1, c->name);
}

#define for_each_item(s, len)                                   \
	for (s = test_selection; (s = next_list_item(s, &len)); \
	     s += len + (s[len] == ','))

static bool case_selected(const struct kunit_suite *suite,
			  const struct kunit_case *c)
{
	const char *s;
	size_t len;

	if (!strcmp(test_selection, "all"))
		return true;
	for_each_item(s, len) if (len &&
				  item_selects(s, len, suite, c)) return true;
	return false;
}

static unsigned int selected_cases(const struct kunit_suite *suite)
{
	unsigned int n = 0;

	for (const struct kunit_case *c = suite->test_cases; c->run_case; c++)
		n += case_selected(suite, c);
	return n;
}

#define for_each_suite(p) \
	for (p = __kunit_suites_start; p < __kunit_suites_end; p++)

/* hikern.test=help: what can be selected, one "suite.case" per line. */
static void print_help(void)
{
	struct kunit_suite **p;

	pr_info("hikern.test= takes all, none, help, or a comma-separated list "
		"of SUITE or SUITE.CASE, where * and ? are globs "
		"(hikern.test=highmem.kmap_*,slab)\n");
	pr_info("suites and their cases:\n");
	for_each_suite(p)
	{
		const struct kunit_case *c;

		for (c = (*p)->test_cases; c->run_case; c++)
			;
		pr_info("  %s (%u cases)\n", (*p)->name,
			(unsigned int)(c - (*p)->test_cases));
		for (c = (*p)->test_cases; c->run_case; c++)
			pr_info("    %s.%s\n", (*p)->name, c->name);
	}
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

/* Pass, fail and skip counts for the "# Totals:" line. */
struct kunit_totals {
	unsigned int pass, fail, skip;
};

/* Runs one suite's selected cases as a KTAP subtest, adding to @t. */
static void run_suite(struct kunit_suite *suite, unsigned int nr,
		      struct kunit_totals *t)
{
	unsigned int total = selected_cases(suite), failed = 0, skipped = 0;
	unsigned int n = 0;
	struct kunit_case *c;

	pr_info("    KTAP version 1\n");
	pr_info("    # Subtest: %s\n", suite->name);
	pr_info("    1..%u\n", total);
	if (suite->suite_init) {
		int err = suite->suite_init(suite);

		if (err) {
			/* As Linux: every case of the suite counts as failed. */
			pr_info("    # %s: failed to initialize (%d)\n",
				suite->name, err);
			pr_info("not ok %u %s\n", nr, suite->name);
			t->fail += total;
			return;
		}
	}
	for (c = suite->test_cases; c->run_case; c++)
		if (case_selected(suite, c) &&
		    !run_case(suite, c, ++n, &skipped))
			failed++;
	pr_info("# %s: pass:%u fail:%u skip:%u total:%u\n", suite->name,
		total - failed - skipped, failed, skipped, total);
	pr_info("%s %u %s\n", failed ? "not ok" : "ok", nr, suite->name);
	t->pass += total - failed - skipped;
	t->fail += failed;
	t->skip += skipped;
}

/*
 * An item of hikern.test= that selects nothing is a failure, not a no-op:
 * counted (and, with @report, printed as a failed KTAP test numbered
 * after @nr) here.
 */
static unsigned int check_unknown_names(unsigned int nr, bool report)
{
	unsigned int failed = 0;
	const char *s;
	size_t len;

	if (!strcmp(test_selection, "all"))
		return 0;
	for_each_item(s, len)
	{
		bool suite_found = false, case_found = false;
		struct kunit_suite **p;

		if (!len)
			continue;
		for_each_suite(p)
		{
			const struct kunit_case *c;

			if (!item_selects(s, len, *p, NULL))
				continue;
			suite_found = true;
			for (c = (*p)->test_cases; c->run_case; c++)
				case_found |= item_selects(s, len, *p, c);
		}
		if (case_found)
			continue;
		failed++;
		if (report)
			pr_info("not ok %u %.*s # no such %s "
				"(hikern.test=help lists them)\n",
				++nr, (int)len, s,
				suite_found ? "test case" : "suite");
	}
	return failed;
}

/**
 * kunit_run_filter - run the suites a selection names, from the console
 * @selection: as hikern.test= takes it ("all", "help", "mmu",
 *             "highmem.kmap_*,slab", ...)
 *
 * The same KTAP report as at boot; the machine keeps running afterwards.
 *
 * Context: process context (the console shell's thread).
 * Return: the number of failed tests (unknown names included).
 */
int kunit_run_filter(const char *selection)
{
	const char *saved = test_selection;
	int failed;

	test_selection = selection;
	failed = kunit_run_selected();
	test_selection = saved;
	return failed;
}

int kunit_run_selected(void)
{
	struct kunit_totals t = { 0, 0, 0 };
	unsigned int nr = 0, planned = 0, unknown;
	struct kunit_suite **p;

	if (!test_selection)
		return -1;
	if (!strcmp(test_selection, "none"))
		return 0;
	if (!strcmp(test_selection, "help")) {
		print_help();
		return 0;
	}
	if (!*test_selection) {
		pr_err("hikern.test= is empty: give all, none, help, or suite "
		       "names (hikern.test=help lists them)\n");
		return 1;
	}
	for_each_suite(p) planned += selected_cases(*p) != 0;
	pr_info("KTAP version 1\n");
	pr_info("1..%u\n", planned + check_unknown_names(0, false));
	for_each_suite(p) if (selected_cases(*p)) run_suite(*p, ++nr, &t);
	unknown = check_unknown_names(nr, true);
	t.fail += unknown;
	pr_info("# Totals: pass:%u fail:%u skip:%u total:%u\n", t.pass, t.fail,
		t.skip, t.pass + t.fail + t.skip);
	return (int)t.fail;
}
