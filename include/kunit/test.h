/*
 * In-kernel self-tests with Linux KUnit's names, reporting in KTAP.
 *
 * A suite is a NULL-terminated array of cases registered into the
 * ".kunit_test_suites" linker section by kunit_test_suite(); the command
 * line parameter hikern.test=all|none|<suite>[,<suite>...] picks which run
 * (lib/kunit/test.c). Each suite prints a nested KTAP block and the
 * kernel leaves QEMU through semihosting with status 0 only if all passed.
 *
 * KUNIT_EXPECT_* record a failure and go on; KUNIT_ASSERT_* also end the
 * case at once (the harness longjmps back). A case that must prove a fault
 * happens runs the faulting code through kunit_expect_fault().
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/types.h>

struct kunit;

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

struct kunit_suite {
	const char *name;
	struct kunit_case *test_cases;	  /* ends with an all-zero entry */
	int (*init)(struct kunit *test);  /* optional, before each case */
	void (*exit)(struct kunit *test); /* optional, after each case */
	/* Optional, once before the first case (Linux 5.17's suite_init). */
	int (*suite_init)(struct kunit_suite *suite);
};

struct kunit {
	const char *name;
	bool failed;
	bool skipped;
	const char *
		skip_reason; /* "ok N name # SKIP <reason>"; must outlive the case */
	void *priv;
};

#define KUNIT_CASE(fn)                      \
	{                                   \
		.run_case = fn, .name = #fn \
	}

#define kunit_test_suite(suite)                                                \
	static struct kunit_suite *__kunit_suite_ptr_##suite __used __section( \
		".kunit_test_suites") = &(suite)

/* "    # ..." diagnostic line inside the current case. */
void kunit_log(struct kunit *test, const char *fmt, ...) __printf(2, 3);
#define kunit_info(test, fmt, ...) kunit_log(test, fmt, ##__VA_ARGS__)

/*
 * kunit_expect_report - announce a report the case is about to provoke
 * Prints "    # expecting a <kind> report: <what>" (a KTAP diagnostic)
 * before the BUG or WARNING the case triggers on purpose, so that a
 * console reader can tell expected reports from real ones. @kind is the
 * report's first word: "BUG" or "WARNING".
 */
void kunit_expect_report(struct kunit *test, const char *kind, const char *fmt,
			 ...) __printf(3, 4);

void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt,
		...) __printf(4, 5);
void __noreturn kunit_abort(struct kunit *test);
/*
 * Mark the case skipped (the caller then returns): its KTAP line becomes
 * "ok N name # SKIP reason". reason must stay valid until the case ends.
 */
void kunit_skip(struct kunit *test, const char *reason);

#define KUNIT_EXPECT_TRUE_MSG(test, cond, fmt, ...)                            \
	do {                                                                   \
		if (!(cond))                                                   \
			kunit_fail(test, __FILE__, __LINE__,                   \
				   "Expected " #cond ". " fmt, ##__VA_ARGS__); \
	} while (0)
#define KUNIT_EXPECT_TRUE(test, cond) KUNIT_EXPECT_TRUE_MSG(test, cond, "")
#define KUNIT_EXPECT_FALSE(test, cond) KUNIT_EXPECT_TRUE_MSG(test, !(cond), "")

#define __KUNIT_BINOP(test, a, op, b, abort)                                 \
	do {                                                                 \
		unsigned long long __a = (unsigned long long)(a);            \
		unsigned long long __b = (unsigned long long)(b);            \
		if (!(__a op __b)) {                                         \
			kunit_fail(test, __FILE__, __LINE__,                 \
				   "Expected " #a " " #op " " #b ", but " #a \
				   " == 0x%llx, " #b " == 0x%llx",           \
				   __a, __b);                                \
			if (abort)                                           \
				kunit_abort(test);                           \
		}                                                            \
	} while (0)

#define KUNIT_EXPECT_EQ(t, a, b) __KUNIT_BINOP(t, a, ==, b, 0)
#define KUNIT_EXPECT_NE(t, a, b) __KUNIT_BINOP(t, a, !=, b, 0)
#define KUNIT_EXPECT_LT(t, a, b) __KUNIT_BINOP(t, a, <, b, 0)
#define KUNIT_EXPECT_LE(t, a, b) __KUNIT_BINOP(t, a, <=, b, 0)
#define KUNIT_EXPECT_GT(t, a, b) __KUNIT_BINOP(t, a, >, b, 0)
#define KUNIT_EXPECT_GE(t, a, b) __KUNIT_BINOP(t, a, >=, b, 0)
#define KUNIT_EXPECT_PTR_EQ(t, a, b) \
	KUNIT_EXPECT_EQ(t, (uintptr_t)(a), (uintptr_t)(b))
#define KUNIT_EXPECT_NOT_NULL(t, p) KUNIT_EXPECT_TRUE(t, (p) != NULL)
#define KUNIT_EXPECT_NULL(t, p) KUNIT_EXPECT_TRUE(t, (p) == NULL)

#define KUNIT_ASSERT_EQ(t, a, b) __KUNIT_BINOP(t, a, ==, b, 1)
#define KUNIT_ASSERT_NE(t, a, b) __KUNIT_BINOP(t, a, !=, b, 1)
#define KUNIT_ASSERT_LE(t, a, b) __KUNIT_BINOP(t, a, <=, b, 1)
#define KUNIT_ASSERT_GE(t, a, b) __KUNIT_BINOP(t, a, >=, b, 1)
#define KUNIT_ASSERT_TRUE(t, cond)                                            \
	do {                                                                  \
		if (!(cond)) {                                                \
			kunit_fail(t, __FILE__, __LINE__, "Expected " #cond); \
			kunit_abort(t);                                       \
		}                                                             \
	} while (0)
#define KUNIT_ASSERT_FALSE(t, cond) KUNIT_ASSERT_TRUE(t, !(cond))
#define KUNIT_ASSERT_NOT_NULL(t, p) KUNIT_ASSERT_TRUE(t, (p) != NULL)
#define KUNIT_ASSERT_NULL(t, p) KUNIT_ASSERT_TRUE(t, (p) == NULL)

/* What the abort handler saw when an expected fault was taken. */
struct kunit_fault {
	unsigned long far; /* faulting address (DFAR/IFAR) */
	unsigned long fsr; /* fault status (DFSR/IFSR) */
	unsigned long pc;  /* instruction that faulted */
	int kind;	   /* enum kunit_fault_kind (kunit/fault.h) */
};

/*
 * Run fn(arg) with the fault catcher armed. Returns true iff a data or
 * prefetch abort (or undefined instruction) was taken; the handler then
 * records it in *fault (may be NULL) and resumes here instead of oopsing.
 */
bool kunit_expect_fault(void (*fn)(void *), void *arg,
			struct kunit_fault *fault);

/*
 * Run fn(arg) expecting it to hit BUG() (lib/kunit/bug.c). The oops is
 * printed in full, as Linux prints it; then, instead of the panic, fn is
 * abandoned where it stood and this returns true. Anything fn held (locks,
 * preempt or pagefault counts, pages) stays held: the caller undoes it.
 * Returns false if fn returned without a BUG. Only a BUG at the interrupt
 * depth this was called at is caught: one in a real interrupt handler
 * still panics (resuming would skip the end of the interrupt).
 */
bool kunit_expect_bug(void (*fn)(void *), void *arg);

#endif /* _KUNIT_TEST_H */
