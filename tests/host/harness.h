/*
 * tests/host/harness.h: a minimal test runner for the host tests. Each
 * test runs in a forked child, so it gets a freshly booted allocator (the
 * kernel has no "un-boot") and a crash or abort fails only that test.
 * The summary line is "N passed, N failed"; the exit status is non-zero
 * if anything failed.
 */
#ifndef _HOST_HARNESS_H
#define _HOST_HARNESS_H

#include <stdbool.h>
#include <string.h>

/* A failed check; the test harness counts it, the fuzzer aborts. */
void check_failed(const char *file, int line, const char *cond, const char *fmt,
		  ...) __attribute__((format(printf, 4, 5)));

#define CHECK_MSG(cond, fmt, ...)                                    \
	do {                                                         \
		if (!(cond))                                         \
			check_failed(__FILE__, __LINE__, #cond, fmt, \
				     ##__VA_ARGS__);                 \
	} while (0)
#define CHECK(cond) CHECK_MSG(cond, "%s", "")
#define CHECK_EQ(a, b)                                    \
	CHECK_MSG((a) == (b), "%s = %llu, %s = %llu", #a, \
		  (unsigned long long)(a), #b, (unsigned long long)(b))

/*
 * EXPECT_*: each argument evaluated exactly once (they may be the calls
 * under test), integers compared as unsigned long long, strings by
 * content (NULL never matches).
 */
#define EXPECT(cond) CHECK_MSG(cond, "%s", "expected true")
#define EXPECT_EQ(a, b)                                                    \
	do {                                                               \
		unsigned long long __a = (a), __b = (b);                   \
		if (__a != __b)                                            \
			check_failed(__FILE__, __LINE__, #a " == " #b,     \
				     "0x%llx, expected 0x%llx", __a, __b); \
	} while (0)
#define EXPECT_STR(a, b)                                               \
	do {                                                           \
		const char *__a = (a), *__b = (b);                     \
		if (!__a || !__b || strcmp(__a, __b))                  \
			check_failed(__FILE__, __LINE__, #a " == " #b, \
				     "\"%s\", expected \"%s\"",        \
				     __a ? __a : "(NULL)",             \
				     __b ? __b : "(NULL)");            \
	} while (0)

/* Failed checks in the current (child) test. */
extern unsigned long harness_failures;

struct host_test {
	const char *name;
	void (*fn)(void);
	bool expect_abort; /* passes only if the test dies with SIGABRT */
};

/* Run each test in its own process; print the summary; exit status. */
int run_tests(const struct host_test *tests, unsigned int nr);

#endif /* _HOST_HARNESS_H */
