/*
 * Host unit tests for the kernel's formatter (lib/vsprintf.c), compared
 * with the host C library on literal formats, a matrix of flags, widths,
 * precisions, lengths and conversions, random values and every
 * truncation, plus the kernel-only extensions (%p, %pa, %pS). Built with
 * ASan/UBSan by tests/host/lib.mk.
 */
#include <linux/kernel.h> /* first: compiler.h before any libc header */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lib_test.h"

/* A symbol table for %pS: one function at 0x1000..0x10ff. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, const char **modname)
{
	if (addr < 0x1000 || addr >= 0x1100)
		return NULL;
	if (modname)
		*modname = NULL;
	if (symbolsize)
		*symbolsize = 0x100;
	if (offset)
		*offset = addr - 0x1000;
	return "start_kernel";
}

/* ==== vsprintf ==== */

static char kb[512], hb[512];

static void compare(const char *file, int line, const char *fmt, int kr, int hr)
{
	if (kr != hr || strcmp(kb, hb))
		check_failed(file, line, "kernel == libc",
			     "fmt \"%s\": kernel %d \"%s\", libc %d \"%s\"",
			     fmt, kr, kb, hr, hb);
}

/* Same literal format and arguments through both formatters. */
#define CMP(fmt, ...)                                              \
	compare(__FILE__, __LINE__, fmt,                           \
		kern_snprintf(kb, sizeof(kb), fmt, ##__VA_ARGS__), \
		snprintf(hb, sizeof(hb), fmt, ##__VA_ARGS__))

/*
 * These cases feed the formatters flag combinations the compiler rightly
 * calls redundant, and conversions it does not know: on purpose.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-zero-length"
#ifndef __clang__
#pragma GCC diagnostic ignored "-Wformat-overflow"
#endif

static void test_vsprintf_literals(void)
{
	CMP("plain text");
	CMP("");
	CMP("100%%");
	CMP("[%s] [%10s] [%-10s] [%.2s] [%10.3s] [%-*s] [%.*s]", "abc", "abc",
	    "abc", "abc", "abcdef", 6, "xy", 3, "abcdef");
	CMP("[%s]", "");
	CMP("[%c] [%3c] [%-3c]", 'a', 'b', 'c');
	CMP("%d %i %u %x %X %o", -17, 42, 3000000000u, 0xbeef, 0xbeef, 0755);
	CMP("%lld %llu %llx %llo", LLONG_MIN, ULLONG_MAX, ULLONG_MAX,
	    ULLONG_MAX);
	CMP("%lld %lld", LLONG_MAX, -1LL);
	CMP("%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
	CMP("%zu %zd %zx", (size_t)-1, (size_t)12345, (size_t)0xabc);
	CMP("%td %ju %jd", (ptrdiff_t)-5, (uintmax_t)UINTMAX_MAX,
	    (intmax_t)INTMAX_MIN);
	CMP("%#x %#X %#o %#x %#o", 255, 255, 8, 0, 0);
	CMP("%#08x|%#-8x|%08.3x|%-08d|%+d|% d|%+ d", 0x1f, 0x1f, 5, 5, 5, 5, 5);
	CMP("%.0d|%.0x|%#.0o|%5.0d|%-5.0u|", 0, 0, 0, 0, 0u);
	CMP("%*d|%-*d|%*d", -6, 42, 6, 42, 0, 7);
	CMP("%.*d|%.*d", -1, 42, 4, 42);
	CMP("%s %d %s", "a", 1, "b");
}

#pragma GCC diagnostic pop

/* Flags, widths, precisions, lengths, conversions and values, combined. */
struct combo {
	char fmt[32];
	int nstar, star1, star2;
	bool is_signed;
	char length[3];
	u64 v;
};

/* Pass @c's value with the C type its length modifier calls for. */
#define CALL_BOTH(T, c)                                                     \
	do {                                                                \
		T x = (T)(c)->v;                                            \
		if ((c)->nstar == 0) {                                      \
			kr = kern_snprintf(kb, sizeof(kb), (c)->fmt, x);    \
			hr = snprintf(hb, sizeof(hb), (c)->fmt, x);         \
		} else if ((c)->nstar == 1) {                               \
			kr = kern_snprintf(kb, sizeof(kb), (c)->fmt,        \
					   (c)->star1, x);                  \
			hr = snprintf(hb, sizeof(hb), (c)->fmt, (c)->star1, \
				      x);                                   \
		} else {                                                    \
			kr = kern_snprintf(kb, sizeof(kb), (c)->fmt,        \
					   (c)->star1, (c)->star2, x);      \
			hr = snprintf(hb, sizeof(hb), (c)->fmt, (c)->star1, \
				      (c)->star2, x);                       \
		}                                                           \
	} while (0)

static void run_combo(const struct combo *c)
{
	int kr = 0, hr = 0;
	char l = c->length[0];
	bool ll = c->length[1] == 'l';

	if (c->is_signed) {
		if (l == 'l' && ll)
			CALL_BOTH(long long, c);
		else if (l == 'l')
			CALL_BOTH(long, c);
		else if (l == 'z' || l == 't')
			CALL_BOTH(ptrdiff_t, c);
		else if (l == 'j')
			CALL_BOTH(intmax_t, c);
		else
			CALL_BOTH(int, c);
	} else {
		if (l == 'l' && ll)
			CALL_BOTH(unsigned long long, c);
		else if (l == 'l')
			CALL_BOTH(unsigned long, c);
		else if (l == 'z' || l == 't')
			CALL_BOTH(size_t, c);
		else if (l == 'j')
			CALL_BOTH(uintmax_t, c);
		else
			CALL_BOTH(unsigned int, c);
	}
	compare(__FILE__, __LINE__, c->fmt, kr, hr);
}

static const char *const matrix_widths[] = { "", "1", "7", "25", "*" };
static const char *const matrix_precs[] = { "", ".0", ".1", ".6", ".30", ".*" };
static const char *const matrix_lengths[] = { "",   "hh", "h", "l",
					      "ll", "z",  "t", "j" };
static const char matrix_convs[] = "diuoxX";
static const u64 matrix_values[] = {
	0,
	1,
	7,
	8,
	42,
	0x80,
	0xff,
	0x7fff,
	0x8000,
	0x7fffffff,
	0x80000000,
	0xffffffff,
	0x100000000ULL,
	999999999999ULL,
	0x7fffffffffffffffULL,
	0x8000000000000000ULL,
	10000000000000000000ULL,
	~0ULL,
	(u64)-42,
};

/*
 * Build combination @n of the matrix into @c: the five flag bits, then a
 * width, precision, length and conversion. Returns false for combinations
 * C leaves undefined ('#' with d, i, u), where libc is no oracle.
 */
static bool matrix_combo(unsigned int n, struct combo *c)
{
	static const int star_widths[] = { -9, 0, 12 };
	static const int star_precs[] = { -1, 0, 5 };
	unsigned int flags = n % 32, w, p, l, cv;
	char fl[6], *f = fl;
	bool star_w, star_p;

	n /= 32;
	w = n % ARRAY_SIZE(matrix_widths);
	n /= ARRAY_SIZE(matrix_widths);
	p = n % ARRAY_SIZE(matrix_precs);
	n /= ARRAY_SIZE(matrix_precs);
	l = n % ARRAY_SIZE(matrix_lengths);
	cv = n / ARRAY_SIZE(matrix_lengths);

	star_w = !strcmp(matrix_widths[w], "*");
	star_p = !strcmp(matrix_precs[p], ".*");
	memset(c, 0, sizeof(*c));
	c->is_signed = matrix_convs[cv] == 'd' || matrix_convs[cv] == 'i';
	if ((flags & 8) && (c->is_signed || matrix_convs[cv] == 'u'))
		return false;
	for (int bit = 0; bit < 5; bit++) {
		if (flags & (1u << bit))
			*f++ = "-+ #0"[bit];
	}
	*f = '\0';
	snprintf(c->fmt, sizeof(c->fmt), "[%%%s%s%s%s%c]", fl, matrix_widths[w],
		 matrix_precs[p], matrix_lengths[l], matrix_convs[cv]);
	strcpy(c->length, matrix_lengths[l]);
	/* '*' values: negative, zero and positive in turn. */
	if (star_w)
		c->star1 = star_widths[flags % 3];
	if (star_p)
		*(star_w ? &c->star2 : &c->star1) = star_precs[(flags / 3) % 3];
	c->nstar = star_w + star_p;
	return true;
}

static void test_vsprintf_integer_matrix(void)
{
	unsigned int total =
		32 * ARRAY_SIZE(matrix_widths) * ARRAY_SIZE(matrix_precs) *
		ARRAY_SIZE(matrix_lengths) * (sizeof(matrix_convs) - 1);
	unsigned int n, v;
	struct combo c;

	for (n = 0; n < total; n++) {
		if (!matrix_combo(n, &c))
			continue;
		for (v = 0; v < ARRAY_SIZE(matrix_values); v++) {
			c.v = matrix_values[v];
			run_combo(&c);
		}
	}
}

static void test_vsprintf_u64_random(void)
{
	int i;

	for (i = 0; i < 200000; i++) {
		u64 v = rnd() >> (rnd() % 64);

		CMP("%llu %lld %llx %llo", (unsigned long long)v, (long long)v,
		    (unsigned long long)v, (unsigned long long)v);
	}
}

/* Every buffer size from 0 to past the end, in exact-size allocations. */
static void test_vsprintf_truncation(void)
{
	const char *full = "value=-1234 name=hikern ptr";
	int len = (int)strlen(full);
	size_t size;

	for (size = 0; size <= (size_t)len + 2; size++) {
		char *buf = size ? malloc(size) : NULL;
		int r = kern_snprintf(buf, size, "value=%d name=%s ptr", -1234,
				      "hikern");
		int s;

		EXPECT_EQ(r, len);
		if (size) {
			EXPECT(strlen(buf) == min(size - 1, (size_t)len));
			EXPECT(!strncmp(buf, full, size - 1));
		}
		s = kern_scnprintf(buf, size, "value=%d name=%s ptr", -1234,
				   "hikern");
		EXPECT_EQ(s, size ? min((int)size - 1, len) : 0);
		free(buf);
	}
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#ifndef __clang__
#pragma GCC diagnostic ignored "-Wformat-overflow"
#endif

static void test_vsprintf_extensions(void)
{
	char want[64];
	phys_addr_t pa = 0x40000000, zero = 0;
	void *ptr = (void *)(uintptr_t)0x1234;
	char arr[3] = { 'a', 'b', 'c' }; /* no NUL: precision bounds it */

	snprintf(want, sizeof(want), "%0*lx|", (int)(2 * sizeof(void *)),
		 (unsigned long)ptr);
	kern_snprintf(kb, sizeof(kb), "%p|", ptr);
	EXPECT_STR(kb, want);
	kern_snprintf(kb, sizeof(kb), "%px|", ptr);
	EXPECT_STR(kb, want);
	kern_snprintf(kb, sizeof(kb), "%pxyz|", ptr); /* alnum: all eaten */
	EXPECT_STR(kb, want);
	kern_snprintf(kb, sizeof(kb), "[%6p]", ptr);
	EXPECT_STR(kb, "[  1234]");

	kern_snprintf(kb, sizeof(kb), "%pa %pap %pa", &pa, &pa, &zero);
	EXPECT_STR(kb, "0x40000000 0x40000000 0x00000000");
	kern_snprintf(kb, sizeof(kb), "%pa", NULL);
	EXPECT_STR(kb, "(null)");

	kern_snprintf(kb, sizeof(kb), "%pS %ps %pS", (void *)(uintptr_t)0x1010,
		      (void *)(uintptr_t)0x1010, (void *)(uintptr_t)0x1000);
	EXPECT_STR(
		kb,
		"start_kernel+0x10/0x100 start_kernel start_kernel+0x0/0x100");
	kern_snprintf(kb, sizeof(kb), "%pS|%ps", (void *)(uintptr_t)0x42,
		      (void *)(uintptr_t)0xc0008000UL);
	EXPECT_STR(kb, "0x00000042|0xc0008000");
	kern_snprintf(kb, sizeof(kb), "[%-14ps][%14ps][%.5ps]",
		      (void *)(uintptr_t)0x1001, (void *)(uintptr_t)0x1001,
		      (void *)(uintptr_t)0x1001);
	EXPECT_STR(kb, "[start_kernel  ][  start_kernel][start]");

	EXPECT_EQ(kern_snprintf(kb, sizeof(kb), "[%.3s]", arr), 5);
	EXPECT_STR(kb, "[abc]");
	kern_snprintf(kb, sizeof(kb), "[%s]", (char *)NULL);
	EXPECT_STR(kb, "[(null)]");

	/* %c of NUL is a character: counted and stored. */
	EXPECT_EQ(kern_snprintf(kb, sizeof(kb), "a%cb", 0), 3);
	EXPECT(kb[0] == 'a' && kb[1] == '\0' && kb[2] == 'b' && kb[3] == '\0');

	/* Unknown conversions print literally and take no argument. */
	kern_snprintf(kb, sizeof(kb), "%y %d %", 5);
	EXPECT_STR(kb, "%y 5 %");
}

#pragma GCC diagnostic pop

int main(int argc, char **argv)
{
	static const struct host_test tests[] = {
		HOST_TEST(test_vsprintf_literals),
		HOST_TEST(test_vsprintf_integer_matrix),
		HOST_TEST(test_vsprintf_u64_random),
		HOST_TEST(test_vsprintf_truncation),
		HOST_TEST(test_vsprintf_extensions),
	};

	lib_test_init(argc, argv);
	return run_tests(tests, ARRAY_SIZE(tests));
}
