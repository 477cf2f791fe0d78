/*
 * Host unit tests for command line parsing (lib/cmdline.c): memparse,
 * get_option, next_arg, early_param and __setup dispatch with their
 * warnings, and cmdline_get_param. Built with ASan/UBSan by
 * tests/host/lib.mk.
 */
#include <linux/kernel.h> /* first: compiler.h before any libc header */
#include <linux/cmdline.h>
#include <linux/init.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "lib_test.h"
#include "shim.h"

static void test_memparse(void)
{
	static const struct {
		const char *in;
		unsigned long long val;
		size_t used;
	} cases[] = {
		{ "0", 0, 1 },
		{ "4096", 4096, 4 },
		{ "64K", 64 << 10, 3 },
		{ "64k", 64 << 10, 3 },
		{ "256M", 256ULL << 20, 4 },
		{ "1g", 1ULL << 30, 2 },
		{ "2G", 2ULL << 30, 2 },
		{ "3T", 3ULL << 40, 2 },
		{ "1p", 1ULL << 50, 2 },
		{ "2E", 2ULL << 60, 2 },
		{ "0x10M", 16ULL << 20, 5 },
		{ "0X1f", 31, 4 },
		{ "010", 8, 3 },
		{ "12Mfoo", 12ULL << 20, 3 },
		{ "16MB", 16ULL << 20, 3 },
		{ "abc", 0, 0 },
		{ "", 0, 0 },
		{ "M", 0, 0 },
		{ "0x", 0, 1 },
		{ "99999999999999999999", 0, 20 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *end;
		unsigned long long v = memparse(cases[i].in, &end);

		if (i != ARRAY_SIZE(cases) - 1) /* last one: overflow wraps */
			EXPECT_EQ(v, cases[i].val);
		EXPECT_EQ(end - cases[i].in, cases[i].used);
	}
	EXPECT_EQ(memparse("8M", NULL), 8ULL << 20);
	EXPECT_EQ(simple_strtoull("ff", NULL, 16), 255);
	EXPECT_EQ(simple_strtoull("0xff", NULL, 16), 255);
}

static void test_get_option(void)
{
	char buf[] = "10,-20,0x30-40 x";
	char *s = buf;
	int v = 0;

	EXPECT_EQ(get_option(&s, &v), 2);
	EXPECT_EQ(v, 10);
	EXPECT_EQ(get_option(&s, &v), 2);
	EXPECT_EQ(v, (unsigned long long)-20);
	EXPECT_EQ(get_option(&s, &v), 3);
	EXPECT_EQ(v, 0x30);
	EXPECT(*s == '-');
	s++;
	EXPECT_EQ(get_option(&s, &v), 1);
	EXPECT_EQ(v, 40);
	s++;
	EXPECT_EQ(get_option(&s, &v), 0); /* "x" */
	s = NULL;
	EXPECT_EQ(get_option(&s, &v), 0);
}

static void test_next_arg(void)
{
	/* What each word of the line splits into; NULL: no value. */
	static const char *const want[][2] = {
		{ "a", "1" },	  { "bare", NULL }, { "quoted param", "x y" },
		{ "b", "v w" },	  { "c", "" },	    { "d", "" },
		{ "=e", NULL },	  /* a leading '=' is not a separator */
		{ "open", NULL }, /* unterminated quote */
	};
	char buf[] =
		"  a=1 bare \"quoted param=x y\" b=\"v w\" c=\"\" d= =e \"open";
	char *args = skip_spaces(buf), *param, *val;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		args = next_arg(args, &param, &val);
		EXPECT_STR(param, want[i][0]);
		if (want[i][1])
			EXPECT_STR(val, want[i][1]);
		else
			EXPECT(val == NULL);
	}
	EXPECT(*args == '\0');

	EXPECT(parameq("foo-bar_baz", "foo_bar-baz"));
	EXPECT(!parameq("foo", "foobar"));
}

static char early_seen[8][64];
static int early_calls, setup_calls;

static int __init early_record(char *val)
{
	if (early_calls < 8)
		snprintf(early_seen[early_calls], sizeof(early_seen[0]), "%s",
			 val);
	early_calls++;
	return 0;
}
early_param("hktest_early", early_record);

static int __init early_refuse(char *val)
{
	(void)val;
	return -1;
}
early_param("hktest_bad", early_refuse);

static char setup_seen[64];

static int __init setup_record(char *val)
{
	snprintf(setup_seen, sizeof(setup_seen), "%s", val);
	setup_calls++;
	return 1;
}
__setup("hktest_setup=", setup_record);

static void reset_params(void)
{
	memset(early_seen, 0, sizeof(early_seen));
	memset(setup_seen, 0, sizeof(setup_seen));
	early_calls = setup_calls = 0;
	shim_log_clear();
}

static void test_early_param(void)
{
	const char *cmdline =
		"console=ttyAMA0 hktest_early=5 hktest-early "
		"hktest_early=\"a b\" hktest_bad=x hktest_earlyx=1 "
		"hktest_setup=no -- hktest_early=after";

	reset_params();
	parse_early_param(cmdline);
	EXPECT_EQ(early_calls, 3);
	EXPECT_STR(early_seen[0], "5");
	EXPECT_STR(early_seen[1], "");
	EXPECT_STR(early_seen[2], "a b");
	EXPECT_EQ(setup_calls, 0);
	EXPECT(strstr(shim_log(), "Malformed early option 'hktest_bad'\n"));
	EXPECT(!strstr(shim_log(), "console")); /* unknowns: not here */
}

static void test_early_param_truncation(void)
{
	static char longline[3000];

	reset_params();
	memset(longline, 'x', sizeof(longline) - 1);
	memcpy(longline, "hktest_early=first ", 19);
	memcpy(longline + 2000, " hktest_early=lost ", 19);
	parse_early_param(longline);
	EXPECT_EQ(early_calls, 1);
	EXPECT_STR(early_seen[0], "first");
	EXPECT(strstr(shim_log(), "truncated"));
}

static void test_setup_params(void)
{
	reset_params();
	parse_setup_params("hktest_setup=\"x y\" hktest_early=7 foo bar=1 "
			   "hikern.test=all hktest_bad -- baz");
	EXPECT_EQ(setup_calls, 1);
	EXPECT_STR(setup_seen, "x y");
	EXPECT_EQ(early_calls, 0);
	EXPECT(strstr(shim_log(),
		      "Unknown kernel command line parameters \"foo bar=1\""));
}

static void test_cmdline_get_param(void)
{
	const char *cmd = "a=1 hikern.layout=v5 quiet b=\"x y\" a=2";
	char out[16];

	EXPECT_STR(cmdline_get_param(cmd, "hikern.layout", out, sizeof(out)),
		   "v5");
	EXPECT_STR(cmdline_get_param(cmd, "a", out, sizeof(out)), "2");
	EXPECT_STR(cmdline_get_param(cmd, "quiet", out, sizeof(out)), "");
	EXPECT_STR(cmdline_get_param(cmd, "b", out, sizeof(out)), "x y");
	EXPECT(cmdline_get_param(cmd, "missing", out, sizeof(out)) == NULL);
	EXPECT_STR(cmdline_get_param(cmd, "b", out, 2), "x");
}

int main(int argc, char **argv)
{
	static const struct host_test tests[] = {
		HOST_TEST(test_memparse),
		HOST_TEST(test_get_option),
		HOST_TEST(test_next_arg),
		HOST_TEST(test_early_param),
		HOST_TEST(test_early_param_truncation),
		HOST_TEST(test_setup_params),
		HOST_TEST(test_cmdline_get_param),
	};

	lib_test_init(argc, argv);
	return run_tests(tests, ARRAY_SIZE(tests));
}
