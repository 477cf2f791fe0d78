/*
 * tests/host/harness.c: fork-per-test runner and check reporting for the
 * host tests (see harness.h).
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define TEST_TIMEOUT_SECONDS 120

unsigned long harness_failures;

void check_failed(const char *file, int line, const char *cond, const char *fmt,
		  ...)
{
	va_list args;

	/* A broken invariant tends to fail thousands of checks at once. */
	if (harness_failures++ >= 20)
		return;
	fflush(stdout);
	fprintf(stderr, "%s:%d: check failed: %s: ", file, line, cond);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* True if the test behaved: no failed check, or the expected abort. */
static bool run_one(const struct host_test *t)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return false;
	}
	if (pid == 0) {
		/* A corrupted free list can loop forever: SIGALRM fails it. */
		alarm(TEST_TIMEOUT_SECONDS);
		t->fn();
		fflush(stdout);
		_exit(harness_failures ? 1 : 0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return false;
	if (t->expect_abort)
		return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
	if (WIFSIGNALED(status))
		fprintf(stderr, "%s: killed by signal %d\n", t->name,
			WTERMSIG(status));
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int run_tests(const struct host_test *tests, unsigned int nr)
{
	unsigned int i, passed = 0, failed = 0;

	for (i = 0; i < nr; i++) {
		double start = now();
		bool ok = run_one(&tests[i]);

		printf("%s - %s (%.2f s)\n", ok ? "ok" : "FAIL", tests[i].name,
		       now() - start);
		if (ok)
			passed++;
		else
			failed++;
	}
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
