/*
 * Host unit tests for the boot-information and library code: the
 * formatter (lib/vsprintf.c, compared with the host C library), command
 * line parsing (lib/cmdline.c), the device tree reader (drivers/of/fdt.c)
 * on QEMU's and our own DTBs and on corrupted ones, ATAGS and machine
 * records (arch/arm/kernel/). Built with ASan/UBSan by tests/host/lib.mk.
 *
 * The kernel objects are compiled with vsnprintf/snprintf/scnprintf
 * renamed to kern_* so that the host's printf family stays available here
 * to compare against.
 *
 * Usage: test_lib <dir with virt.dtb, virt-args.dtb, vexpress-*.dtb>
 * Prints "ok/not ok <case>" lines and a final "N passed, N failed".
 */
#include <linux/kernel.h> /* first: compiler.h before any libc header */
#include <asm/setup.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kern_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int kern_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int kern_scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/* ---- a tiny test runner ---- */

static int nr_passed, nr_failed;
static bool case_failed;
static int case_reports;

static void __printf(3, 4)
	report(const char *file, int line, const char *fmt, ...)
{
	va_list args;

	case_failed = true;
	if (++case_reports > 20) /* one broken case, not a flood */
		return;
	printf("    # %s:%d: ", file, line);
	va_start(args, fmt);
	vprintf(fmt, args);
	va_end(args);
	printf("\n");
}

#define EXPECT(cond)                                                      \
	do {                                                              \
		if (!(cond))                                              \
			report(__FILE__, __LINE__, "expected %s", #cond); \
	} while (0)

#define EXPECT_EQ(a, b)                                                        \
	do {                                                                   \
		unsigned long long __a = (a), __b = (b);                       \
		if (__a != __b)                                                \
			report(__FILE__, __LINE__,                             \
			       "%s == 0x%llx, expected %s == 0x%llx", #a, __a, \
			       #b, __b);                                       \
	} while (0)

#define EXPECT_STR(a, b)                                                    \
	do {                                                                \
		const char *__a = (a), *__b = (b);                          \
		if (!__a || !__b || strcmp(__a, __b))                       \
			report(__FILE__, __LINE__,                          \
			       "%s is \"%s\", expected \"%s\"", #a,         \
			       __a ? __a : "(NULL)", __b ? __b : "(NULL)"); \
	} while (0)

static void run_case(const char *name, void (*fn)(void))
{
	case_failed = false;
	case_reports = 0;
	fn();
	if (case_failed)
		nr_failed++;
	else
		nr_passed++;
	printf("%s %s\n", case_failed ? "not ok" : "ok", name);
}

/* Deterministic xorshift PRNG, so a failure reproduces. */
static u64 rng_state = 0x9e3779b97f4a7c15ULL;

static u64 rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* ---- printk capture for the code under test ---- */

static char log_buf[16384];
static size_t log_len;

int vprintk(const char *fmt, va_list args)
{
	int n = kern_vsnprintf(log_buf + log_len, sizeof(log_buf) - log_len,
			       fmt, args);

	log_len = strlen(log_buf);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

static void log_clear(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

/* A symbol table for %pS: one function at 0x1000..0x10ff. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset)
{
	if (addr < 0x1000 || addr >= 0x1100)
		return NULL;
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
		report(file, line,
		       "fmt \"%s\": kernel %d \"%s\", libc %d \"%s\"", fmt, kr,
		       kb, hr, hb);
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

/* ==== command line ==== */

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
	log_clear();
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
	EXPECT(strstr(log_buf, "Malformed early option 'hktest_bad'\n"));
	EXPECT(!strstr(log_buf, "console")); /* unknowns: not here */
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
	EXPECT(strstr(log_buf, "truncated"));
}

static void test_setup_params(void)
{
	reset_params();
	parse_setup_params("hktest_setup=\"x y\" hktest_early=7 foo bar=1 "
			   "hikern.test=all hktest_bad -- baz");
	EXPECT_EQ(setup_calls, 1);
	EXPECT_STR(setup_seen, "x y");
	EXPECT_EQ(early_calls, 0);
	EXPECT(strstr(log_buf,
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

/* ==== FDT: real blobs ==== */

static const char *dtb_dir = "build/host";

struct blob {
	u8 *data;
	size_t size;
};

/* Read a file into an exact-size allocation (ASan sees any overread). */
static struct blob load_file(const char *name)
{
	struct blob b = { NULL, 0 };
	char path[512];
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", dtb_dir, name);
	f = fopen(path, "rb");
	if (!f) {
		report(__FILE__, __LINE__, "cannot open %s", path);
		return b;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b.data = malloc(n);
	if (fread(b.data, 1, n, f) == (size_t)n)
		b.size = n;
	fclose(f);
	return b;
}

static struct boot_info bi;

/* What early_init_dt_scan() must find in one of the real trees. */
struct dt_expect {
	const char *file, *model;
	u64 mem_start, mem_size, uart, gic_dist, gic_cpu, gt;
	bool arch_timer;
	unsigned int virt_ppi;
};

static const struct dt_expect virt_expect = {
	"virt.dtb", "linux,dummy-virt", 0x40000000, 0x40000000, 0x09000000,
	0x08000000, 0x08010000,		0,	    true,	27,
};

/*
 * Scan @e's file and check the fields every tree has. Returns the blob
 * (the caller frees it) for checks of its own; size 0 if it is missing.
 */
static struct blob scan_expect(const struct dt_expect *e)
{
	struct blob b = load_file(e->file);

	if (!b.size)
		return b;
	EXPECT_EQ(early_init_dt_scan(b.data, b.size, &bi), 0);
	EXPECT_STR(bi.error, "");
	EXPECT_STR(bi.source, "DTB");
	EXPECT_STR(bi.model, e->model);
	EXPECT_EQ(bi.nr_banks, 1);
	EXPECT_EQ(bi.bank[0].start, e->mem_start);
	EXPECT_EQ(bi.bank[0].size, e->mem_size);
	EXPECT_EQ(bi.uart_base, e->uart);
	EXPECT_EQ(bi.gic_dist_base, e->gic_dist);
	EXPECT_EQ(bi.gic_cpu_base, e->gic_cpu);
	EXPECT_EQ(bi.twd_or_gt_base, e->gt);
	EXPECT_EQ(bi.has_arch_timer, e->arch_timer);
	EXPECT_EQ(bi.arch_timer_virt_ppi, e->virt_ppi);
	return b;
}

static void test_fdt_qemu_virt(void)
{
	struct blob b = scan_expect(&virt_expect);

	if (!b.size)
		return;
	EXPECT_EQ(fdt_check_header(b.data, b.size), 0);
	EXPECT_EQ(fdt_check_full(b.data, b.size), 0);
	EXPECT_STR(bi.cmdline, "");
	EXPECT_EQ(bi.initrd_start, 0);
	free(b.data);
}

static void test_fdt_qemu_virt_args(void)
{
	struct dt_expect e = virt_expect;
	struct blob b;

	e.file = "virt-args.dtb";
	b = scan_expect(&e);
	EXPECT_STR(bi.cmdline,
		   "console=ttyAMA0 vmalloc=256M hikern.test=\"a b\"");
	EXPECT(bi.initrd_start != 0);
	EXPECT_EQ(bi.initrd_end - bi.initrd_start, 1000); /* lib.mk's initrd */
	free(b.data);
}

static void test_fdt_vexpress_ca9(void)
{
	static const struct dt_expect e = {
		"vexpress-v2p-ca9.dtb",
		"V2P-CA9",
		0x60000000,
		0x40000000,
		0x10009000 /* through the serial0 alias */,
		0x1e001000,
		0x1e000100,
		0x1e000200,
		false,
		0,
	};
	struct blob b = scan_expect(&e);
	int uart1, smb, ac = 0, sc = 0;
	u64 addr = 0, size = 0;

	if (!b.size)
		return;
	uart1 = of_flat_dt_path_offset(b.data, "/smb/iofpga/uart@a000", 21);
	EXPECT(uart1 > 0);
	EXPECT_STR(of_get_flat_dt_name(b.data, uart1), "uart@a000");
	EXPECT(of_flat_dt_is_compatible(b.data, uart1, "arm,primecell"));
	EXPECT(!of_flat_dt_is_compatible(b.data, uart1, "arm,pl01"));
	EXPECT_EQ(of_flat_dt_translate_reg(b.data, uart1, 0, &addr, &size), 0);
	EXPECT_EQ(addr, 0x1000a000);
	EXPECT_EQ(size, 0x1000);
	EXPECT_EQ(of_flat_dt_translate_reg(b.data, uart1, 1, &addr, &size),
		  -FDT_ERR_NOTFOUND);
	EXPECT_EQ(of_flat_dt_path_offset(b.data, "serial0", 7),
		  of_flat_dt_path_offset(
			  b.data, "/smb@4000000/iofpga@7,00000000/uart@9000",
			  40));
	EXPECT_EQ(of_flat_dt_path_offset(b.data, "/nonexistent", 12),
		  -FDT_ERR_NOTFOUND);
	EXPECT_EQ(of_flat_dt_path_offset(b.data, "serial9", 7),
		  -FDT_ERR_BADPATH);
	smb = of_get_flat_dt_subnode_by_name(b.data, of_get_flat_dt_root(),
					     "smb");
	EXPECT(smb > 0);
	EXPECT_EQ(of_flat_dt_cells(b.data, smb, &ac, &sc), 0);
	EXPECT_EQ(ac, 2);
	EXPECT_EQ(sc, 1);
	EXPECT(of_get_flat_dt_subnode_by_name(b.data, 0, "memory") > 0);
	EXPECT(of_get_flat_dt_subnode_by_name(b.data, 0, "memory@1") < 0);
	EXPECT(of_get_flat_dt_prop(b.data, 0, "model", NULL) != NULL);
	EXPECT(of_get_flat_dt_prop(b.data, 3, "model", NULL) == NULL);
	free(b.data);
}

static void test_fdt_vexpress_ca15(void)
{
	static const struct dt_expect e = {
		"vexpress-v2p-ca15.dtb",
		"V2P-CA15",
		0x80000000,
		0x40000000,
		0x1c090000,
		0x2c001000,
		0x2c002000,
		0,
		true,
		27,
	};

	free(scan_expect(&e).data);
}

struct scan_count {
	int nodes, max_depth, stop_at;
};

static int count_nodes(const void *blob, int node, const char *uname, int depth,
		       void *data)
{
	struct scan_count *c = data;

	(void)blob;
	(void)node;
	if (!uname)
		return -100;
	c->nodes++;
	c->max_depth = max(c->max_depth, depth);
	return c->nodes == c->stop_at ? 42 : 0;
}

static void test_fdt_scan(void)
{
	struct blob b = load_file("vexpress-v2p-ca9.dtb");
	struct scan_count c = { 0, 0, 0 };
	static const __be32 cells[] = { 0x01000000, 0x02000000, 0x03000000 };

	if (!b.size)
		return;
	EXPECT_EQ(of_scan_flat_dt(b.data, count_nodes, &c), 0);
	/* / chosen aliases cpus cpu@0 memory gic 2 timers smb iofpga 2 uarts */
	EXPECT_EQ(c.nodes, 13);
	EXPECT_EQ(c.max_depth, 3);
	c = (struct scan_count){ 0, 0, 4 };
	EXPECT_EQ(of_scan_flat_dt(b.data, count_nodes, &c), 42);
	EXPECT_EQ(c.nodes, 4);

	EXPECT_EQ(of_read_number(cells, 1), 1);
	EXPECT_EQ(of_read_number(cells, 2), 0x100000002ULL);
	EXPECT_EQ(of_read_number(cells, 3), 0x200000003ULL);
	EXPECT_STR(fdt_strerror(-FDT_ERR_BADMAGIC),
		   "bad magic (not a device tree)");
	EXPECT_STR(fdt_strerror(-999), "unknown error");
	EXPECT_STR(fdt_strerror(5), "unknown error");
	free(b.data);
}

/* ==== FDT: a builder for hand-made and broken blobs ==== */

struct fdt_builder {
	u8 st[8192]; /* structure block */
	u32 st_len;
	char str[2048]; /* strings block */
	u32 str_len;
};

static void fb_u32(struct fdt_builder *b, u32 v)
{
	b->st[b->st_len++] = v >> 24;
	b->st[b->st_len++] = v >> 16;
	b->st[b->st_len++] = v >> 8;
	b->st[b->st_len++] = v;
}

static void fb_bytes(struct fdt_builder *b, const void *p, u32 len)
{
	memcpy(b->st + b->st_len, p, len);
	b->st_len += len;
	while (b->st_len & 3)
		b->st[b->st_len++] = 0;
}

static void fb_begin(struct fdt_builder *b, const char *name)
{
	fb_u32(b, 1);
	fb_bytes(b, name, strlen(name) + 1);
}

static void fb_end(struct fdt_builder *b)
{
	fb_u32(b, 2);
}

static u32 fb_string(struct fdt_builder *b, const char *name)
{
	u32 off = b->str_len;

	strcpy(b->str + off, name);
	b->str_len += strlen(name) + 1;
	return off;
}

static void fb_prop(struct fdt_builder *b, const char *name, const void *val,
		    u32 len)
{
	fb_u32(b, 3);
	fb_u32(b, len);
	fb_u32(b, fb_string(b, name));
	fb_bytes(b, val, len);
}

static void fb_prop_str(struct fdt_builder *b, const char *name, const char *s)
{
	fb_prop(b, name, s, strlen(s) + 1);
}

/* A property of @n big-endian cells. */
static void fb_prop_cells(struct fdt_builder *b, const char *name, int n, ...)
{
	u8 val[64];
	va_list args;
	int i;

	va_start(args, n);
	for (i = 0; i < n; i++) {
		u32 v = va_arg(args, u32);

		val[4 * i] = v >> 24;
		val[4 * i + 1] = v >> 16;
		val[4 * i + 2] = v >> 8;
		val[4 * i + 3] = v;
	}
	va_end(args);
	fb_prop(b, name, val, 4 * n);
}

static void put_be32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

/* Header (v17), empty reservation map, structure, strings. */
static struct blob fb_finish(struct fdt_builder *b)
{
	struct blob out;
	u32 off_rsv = 40, off_st = off_rsv + 16, off_str = off_st + b->st_len;

	fb_u32(b, 9); /* FDT_END */
	off_str = off_st + b->st_len;
	out.size = off_str + b->str_len;
	out.data = calloc(1, out.size);
	put_be32(out.data + 0, FDT_MAGIC);
	put_be32(out.data + 4, out.size);
	put_be32(out.data + 8, off_st);
	put_be32(out.data + 12, off_str);
	put_be32(out.data + 16, off_rsv);
	put_be32(out.data + 20, 17);
	put_be32(out.data + 24, 16);
	put_be32(out.data + 32, b->str_len);
	put_be32(out.data + 36, b->st_len);
	memcpy(out.data + off_st, b->st, b->st_len);
	memcpy(out.data + off_str, b->str, b->str_len);
	return out;
}

static void fb_memory(struct fdt_builder *b, const char *name)
{
	fb_begin(b, name);
	fb_prop_str(b, "device_type", "memory");
}

static void test_fdt_synthetic(void)
{
	static struct fdt_builder b;
	struct blob blob;
	int i;

	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_prop_cells(&b, "#address-cells", 1, 2);
	fb_prop_cells(&b, "#size-cells", 1, 1);
	fb_begin(&b, "chosen");
	fb_prop_str(&b, "stdout-path", "/bus/uart@2:115200");
	fb_prop_cells(&b, "linux,initrd-start", 2, 0x1, 0x00000000);
	fb_prop_cells(&b, "linux,initrd-end", 2, 0x1, 0x00100000);
	fb_end(&b);
	/* Ten banks: zero-size skipped, nine left, one too many. */
	fb_memory(&b, "memory@0");
	fb_prop_cells(&b, "reg", 9, 0, 0x10000000, 0x1000, 0, 0x20000000, 0, 0,
		      0x30000000, 0x2000);
	fb_end(&b);
	fb_memory(&b, "memory@1");
	fb_prop_str(&b, "status", "disabled");
	fb_prop_cells(&b, "reg", 3, 0x5, 0, 0x1000);
	fb_end(&b);
	for (i = 0; i < 7; i++) {
		fb_memory(&b, "memory@x");
		fb_prop_cells(&b, "reg", 3, 0x1, (u32)i << 20, 0x100000);
		fb_end(&b);
	}
	fb_begin(&b, "uart@1"); /* first, but not the console */
	fb_prop_str(&b, "compatible", "arm,pl011");
	fb_prop_cells(&b, "reg", 3, 0, 0x1000, 0x1000);
	fb_end(&b);
	fb_begin(&b, "bus");
	fb_prop_cells(&b, "#address-cells", 1, 1);
	fb_prop_cells(&b, "#size-cells", 1, 1);
	fb_prop_cells(&b, "ranges", 4, 0x0, 0x0, 0xf0000000, 0x10000);
	fb_begin(&b, "uart@2");
	fb_prop(&b, "compatible", "x\0arm,pl011", 12);
	fb_prop_cells(&b, "reg", 2, 0x2000, 0x1000);
	fb_end(&b);
	fb_begin(&b, "gic"); /* reg outside the bus window */
	fb_prop_str(&b, "compatible", "arm,gic-400");
	fb_prop_cells(&b, "reg", 4, 0x20000, 0x1000, 0x30000, 0x1000);
	fb_end(&b);
	fb_end(&b);
	fb_begin(&b, "timer");
	fb_prop_str(&b, "compatible", "arm,armv7-timer");
	fb_prop_cells(&b, "interrupts", 6, 1, 13, 0, 1, 14, 0); /* short */
	fb_end(&b);
	fb_end(&b);
	blob = fb_finish(&b);

	EXPECT_EQ(fdt_check_full(blob.data, blob.size), 0);
	EXPECT_EQ(early_init_dt_scan(blob.data, blob.size, &bi), 0);
	EXPECT_EQ(bi.nr_banks, NR_BANKS);
	EXPECT_EQ(bi.bank[0].start, 0x10000000);
	EXPECT_EQ(bi.bank[0].size, 0x1000);
	EXPECT_EQ(bi.bank[1].start, 0x30000000);
	EXPECT_EQ(bi.bank[2].start, 0x100000000ULL);
	EXPECT(strstr(bi.error, "more than 8 memory banks"));
	EXPECT_EQ(bi.initrd_start, 0x100000000ULL);
	EXPECT_EQ(bi.initrd_end, 0x100100000ULL);
	EXPECT_EQ(bi.uart_base, 0xf0002000); /* stdout-path wins */
	EXPECT_EQ(bi.gic_dist_base, 0);	     /* untranslatable */
	EXPECT(bi.has_arch_timer);
	EXPECT_EQ(bi.arch_timer_virt_ppi, 0);
	EXPECT_STR(bi.model, "unknown");
	free(blob.data);
}

/* Build a tree and scan it; return early_init_dt_scan()'s verdict. */
static int scan_built(struct fdt_builder *b)
{
	struct blob blob = fb_finish(b);
	int rc = early_init_dt_scan(blob.data, blob.size, &bi);

	free(blob.data);
	return rc;
}

/*
 * A root holding one hand-written FDT_PROP header: @len and @nameoff
 * (added to the offset of a real name "x") as given, no value bytes.
 */
static int scan_raw_prop(u32 len, u32 nameoff)
{
	static struct fdt_builder b;

	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_u32(&b, 3);
	fb_u32(&b, len);
	fb_u32(&b, fb_string(&b, "x") + nameoff);
	fb_end(&b);
	return scan_built(&b);
}

static void test_fdt_synthetic_errors(void)
{
	static struct fdt_builder b;
	int i;

	/* No memory at all. */
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_begin(&b, "chosen");
	fb_prop_str(&b, "bootargs", "mem=64M");
	fb_end(&b);
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_NOTFOUND);
	EXPECT_STR(bi.cmdline, "mem=64M");
	EXPECT(strstr(bi.error, "no usable memory"));

	/* Bad #address-cells on the root: memory unreadable. */
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_prop_cells(&b, "#address-cells", 1, 7);
	fb_memory(&b, "memory");
	fb_prop_cells(&b, "reg", 2, 0x1000, 0x1000);
	fb_end(&b);
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_NOTFOUND);
	EXPECT(strstr(bi.error, "#address-cells"));

	/* Nesting beyond FDT_MAX_DEPTH. */
	memset(&b, 0, sizeof(b));
	for (i = 0; i <= FDT_MAX_DEPTH; i++)
		fb_begin(&b, "n");
	for (i = 0; i <= FDT_MAX_DEPTH; i++)
		fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_TOODEEP);

	/* Unbalanced: one END_NODE too many, or too few. */
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_end(&b);
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_BADSTRUCTURE);
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_begin(&b, "child");
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_TRUNCATED);

	/* Two roots; a property outside any node; an unknown tag. */
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_end(&b);
	fb_begin(&b, "");
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_BADSTRUCTURE);
	memset(&b, 0, sizeof(b));
	fb_prop_str(&b, "x", "y");
	EXPECT_EQ(scan_built(&b), -FDT_ERR_BADSTRUCTURE);
	memset(&b, 0, sizeof(b));
	fb_begin(&b, "");
	fb_u32(&b, 7);
	fb_end(&b);
	EXPECT_EQ(scan_built(&b), -FDT_ERR_BADSTRUCTURE);

	/* Property headers no writer would produce. */
	EXPECT_EQ(scan_raw_prop(0x7fffff00, 0),
		  -FDT_ERR_TRUNCATED); /* past end */
	EXPECT_EQ(scan_raw_prop(0xfffffff0, 0), -FDT_ERR_TRUNCATED); /* wraps */
	EXPECT_EQ(scan_raw_prop(0, 5000), -FDT_ERR_BADSTRUCTURE);    /* name */
}

/* Patch one header word of a copy and check the verdict. */
static void expect_header_error(const struct blob *good, int word, u32 value,
				int want)
{
	u8 *copy = malloc(good->size);

	memcpy(copy, good->data, good->size);
	put_be32(copy + 4 * word, value);
	EXPECT_EQ(early_init_dt_scan(copy, good->size, &bi), want);
	EXPECT(bi.error[0] != '\0');
	free(copy);
}

static void test_fdt_bad_headers(void)
{
	struct blob b = load_file("vexpress-v2p-ca9.dtb");
	u8 *copy;

	if (!b.size)
		return;
	expect_header_error(&b, 0, 0xd00dfeee, -FDT_ERR_BADMAGIC);
	expect_header_error(&b, 1, b.size + 1, -FDT_ERR_TRUNCATED);
	expect_header_error(&b, 1, 8, -FDT_ERR_BADLAYOUT);
	expect_header_error(&b, 2, b.size, -FDT_ERR_BADLAYOUT); /* struct */
	expect_header_error(&b, 2, 0x3a, -FDT_ERR_BADLAYOUT);	/* misaligned */
	expect_header_error(&b, 2, 0xfffffffc, -FDT_ERR_BADLAYOUT);
	expect_header_error(&b, 3, b.size - 1,
			    -FDT_ERR_BADLAYOUT);		/* strings */
	expect_header_error(&b, 4, b.size, -FDT_ERR_BADLAYOUT); /* rsvmap */
	expect_header_error(&b, 5, 15, -FDT_ERR_BADVERSION);
	expect_header_error(&b, 6, 18, -FDT_ERR_BADVERSION);
	expect_header_error(&b, 8, 0xffffffff, -FDT_ERR_BADLAYOUT);
	expect_header_error(&b, 9, 0xffffffff, -FDT_ERR_BADLAYOUT);
	expect_header_error(&b, 9, 8, -FDT_ERR_TRUNCATED); /* struct size */

	EXPECT_EQ(early_init_dt_scan(NULL, 100, &bi), -FDT_ERR_BADMAGIC);
	EXPECT_EQ(fdt_check_header(b.data, 20), -FDT_ERR_TRUNCATED);

	/* A version 16 header has no size_dt_struct: still readable. */
	copy = malloc(b.size);
	memcpy(copy, b.data, b.size);
	put_be32(copy + 20, 16);
	EXPECT_EQ(early_init_dt_scan(copy, b.size, &bi), 0);
	EXPECT_EQ(bi.uart_base, 0x10009000);
	free(copy);
	free(b.data);
}

/* Every truncation, with and without the header claiming the full size. */
static void test_fdt_truncated(void)
{
	struct blob b = load_file("vexpress-v2p-ca15.dtb");
	size_t len;

	if (!b.size)
		return;
	for (len = 0; len < b.size; len++) {
		u8 *copy = malloc(len ? len : 1);

		memcpy(copy, b.data, len);
		EXPECT(early_init_dt_scan(copy, len, &bi) < 0);
		if (len >= 40) {
			put_be32(copy + 4, len);	    /* totalsize */
			early_init_dt_scan(copy, len, &bi); /* no crash */
		}
		free(copy);
	}
	free(b.data);
}

/*
 * Random corruption: flip bytes (mostly in the header and structure
 * block) and check nothing reads out of bounds (ASan) or hangs.
 */
static void fuzz_blob(const struct blob *b, int iterations)
{
	int i, ok = 0, j;
	u8 *copy = malloc(b->size);

	for (i = 0; i < iterations; i++) {
		int flips = 1 + rnd() % 8;
		struct scan_count c = { 0, 0, 0 };

		memcpy(copy, b->data, b->size);
		for (j = 0; j < flips; j++) {
			size_t span = (rnd() & 1) ? min(b->size, (size_t)512) :
						    b->size;
			size_t pos = rnd() % span;

			if (rnd() & 1)
				copy[pos] ^= 1u << (rnd() % 8);
			else
				copy[pos] = (u8)rnd();
		}
		if (early_init_dt_scan(copy, b->size, &bi) == 0)
			ok++;
		if (fdt_check_header(copy, b->size) == 0) {
			of_scan_flat_dt(copy, count_nodes, &c);
			of_flat_dt_translate_reg(copy, (int)(rnd() % 512) & ~3,
						 0, NULL, NULL);
		}
	}
	free(copy);
	/* Some survive (flips in values), most do not: both paths ran. */
	EXPECT(ok > 0);
	EXPECT(ok < iterations);
}

static void test_fdt_random_corruption(void)
{
	static const char *const names[] = {
		"vexpress-v2p-ca9.dtb",
		"vexpress-v2p-ca15.dtb",
		"virt-packed.dtb",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		struct blob b = load_file(names[i]);

		if (b.size)
			fuzz_blob(&b, 20000);
		free(b.data);
	}
}

/* ==== ATAGS and machine records ==== */

#define TAG(words, tag) (words), (tag)

/* CORE, two MEMs, CMDLINE, INITRD2, NONE: what QEMU's vexpress passes. */
static const u32 good_atags[] = {
	TAG(5, ATAG_CORE),
	1,
	4096,
	0xff,
	TAG(4, ATAG_MEM),
	0x40000000,
	0x60000000,
	TAG(4, ATAG_MEM),
	0,
	0x10000000, /* zero-size: skipped */
	TAG(2 + 4, ATAG_CMDLINE),
	0x3d6f6f66,
	0x20726162,
	0x6d6c6176,
	0x636f6c,
	TAG(4, ATAG_INITRD2),
	0x68000000,
	0x1000,
	TAG(0, ATAG_NONE),
};

static u32 *atag_copy(const u32 *tags, size_t bytes)
{
	u32 *copy = malloc(bytes ? bytes : 4);

	memcpy(copy, tags, bytes);
	return copy;
}

static int parse_copy(const u32 *tags, size_t bytes)
{
	u32 *copy = atag_copy(tags, bytes);
	int rc = parse_atags(copy, bytes, &bi);

	free(copy);
	return rc;
}

static void test_atags_valid(void)
{
	EXPECT_EQ(parse_copy(good_atags, sizeof(good_atags)), 0);
	EXPECT_STR(bi.error, "");
	EXPECT_STR(bi.source, "ATAGS");
	EXPECT_EQ(bi.nr_banks, 1);
	EXPECT_EQ(bi.bank[0].start, 0x60000000);
	EXPECT_EQ(bi.bank[0].size, 0x40000000);
	EXPECT_STR(bi.cmdline, "foo=bar valmloc");
	EXPECT_EQ(bi.initrd_start, 0x68000000);
	EXPECT_EQ(bi.initrd_end, 0x68001000);
	EXPECT(bi.model == NULL);

	{ /* empty CORE, NONE of size 2, cmdline filling its tag */
		static const u32 t[] = {
			TAG(2, ATAG_CORE), TAG(4, ATAG_MEM),	 0x1000,
			0x80000000,	   TAG(3, ATAG_CMDLINE), 0x64636261,
			TAG(2, ATAG_NONE),
		};

		EXPECT_EQ(parse_copy(t, sizeof(t)), 0);
		EXPECT_STR(bi.cmdline, "abcd");
		EXPECT_EQ(bi.bank[0].start, 0x80000000);
	}
}

static void test_atags_bad(void)
{
	static const u32 no_core[] = { TAG(4, ATAG_MEM), 1, 2, TAG(0, 0) };
	static const u32 zero_size[] = { TAG(2, ATAG_CORE), TAG(0, ATAG_MEM) };
	static const u32 one_word[] = { TAG(2, ATAG_CORE), TAG(1, ATAG_MEM),
					0 };
	static const u32 huge[] = { TAG(2, ATAG_CORE),
				    TAG(0x40000000, 0x1234) };
	static const u32 short_mem[] = { TAG(2, ATAG_CORE), TAG(3, ATAG_MEM), 1,
					 TAG(0, 0) };
	static const u32 no_mem[] = { TAG(2, ATAG_CORE), TAG(3, ATAG_CMDLINE),
				      0x00646d63, TAG(0, 0) };
	static u32 many[2 + 2 * (ATAG_MAX_TAGS + 8)];
	static u32 banks[2 + 4 * (NR_BANKS + 2) + 2];
	size_t len, i;
	u32 *copy;

	EXPECT_EQ(parse_copy(no_core, sizeof(no_core)), -1);
	EXPECT(strstr(bi.error, "ATAG_CORE"));
	EXPECT_EQ(parse_copy(zero_size, sizeof(zero_size)), -1);
	EXPECT_EQ(parse_copy(one_word, sizeof(one_word)), -1);
	EXPECT_EQ(parse_copy(huge, sizeof(huge)), -1);
	EXPECT(strstr(bi.error, "bad size"));
	EXPECT_EQ(parse_copy(short_mem, sizeof(short_mem)), -1);
	EXPECT_EQ(parse_copy(no_mem, sizeof(no_mem)), -1);
	EXPECT_STR(bi.cmdline, "cmd");
	EXPECT_STR(bi.error, "ATAGS: no ATAG_MEM");
	EXPECT_EQ(parse_atags(NULL, 64, &bi), -1);

	/* Too many tags: refused, not walked for ever. */
	many[0] = 2;
	many[1] = ATAG_CORE;
	for (i = 0; i < ATAG_MAX_TAGS + 8; i++) {
		many[2 + 2 * i] = 2;
		many[3 + 2 * i] = 0x5441ffff;
	}
	EXPECT_EQ(parse_copy(many, sizeof(many)), -1);
	EXPECT(strstr(bi.error, "more than 256 tags"));

	/* Too many banks: the first NR_BANKS are kept, with a note. */
	banks[0] = 2;
	banks[1] = ATAG_CORE;
	for (i = 0; i < NR_BANKS + 2; i++) {
		u32 *t = &banks[2 + 4 * i];

		t[0] = 4;
		t[1] = ATAG_MEM;
		t[2] = 0x100000;
		t[3] = (u32)i << 24;
	}
	EXPECT_EQ(parse_copy(banks, sizeof(banks)), 0);
	EXPECT_EQ(bi.nr_banks, NR_BANKS);
	EXPECT(strstr(bi.error, "more than 8 memory banks"));

	/* Every truncation of a good list fails cleanly. */
	for (len = 0; len < sizeof(good_atags); len++)
		EXPECT_EQ(parse_copy(good_atags, len), -1);

	/* Misaligned pointer. */
	copy = malloc(sizeof(good_atags) + 4);
	memcpy((u8 *)copy + 2, good_atags, sizeof(good_atags));
	EXPECT_EQ(parse_atags((u8 *)copy + 2, sizeof(good_atags), &bi), -1);
	free(copy);
}

static void test_atags_random_corruption(void)
{
	u32 *copy = malloc(sizeof(good_atags));
	int i;

	for (i = 0; i < 20000; i++) {
		memcpy(copy, good_atags, sizeof(good_atags));
		((u8 *)copy)[rnd() % sizeof(good_atags)] = (u8)rnd();
		((u8 *)copy)[rnd() % sizeof(good_atags)] ^= 1u << (rnd() % 8);
		parse_atags(copy, sizeof(good_atags), &bi);
		EXPECT(strlen(bi.cmdline) < sizeof(bi.cmdline));
	}
	free(copy);
}

static void test_boot_params_type(void)
{
	struct blob b = load_file("vexpress-v2p-ca9.dtb");
	static const u32 junk[] = { 0x12345678, 0x9abcdef0 };
	static const u32 core5[] = { 5, ATAG_CORE };
	static const u32 core3[] = { 3, ATAG_CORE };

	EXPECT_EQ(boot_params_type(good_atags), BOOT_PARAMS_ATAGS);
	EXPECT_EQ(boot_params_type(core5), BOOT_PARAMS_ATAGS);
	EXPECT_EQ(boot_params_type(core3), BOOT_PARAMS_NONE);
	EXPECT_EQ(boot_params_type(junk), BOOT_PARAMS_NONE);
	EXPECT_EQ(boot_params_type(NULL), BOOT_PARAMS_NONE);
	EXPECT_EQ(boot_params_type((const u8 *)core5 + 1), BOOT_PARAMS_NONE);
	if (b.size)
		EXPECT_EQ(boot_params_type(b.data), BOOT_PARAMS_DTB);
	free(b.data);
}

static void test_machine_records(void)
{
	const struct machine_desc *a9 = lookup_machine_type(0x8e0, 0x410fc090);
	const struct machine_desc *a15 = lookup_machine_type(0x8e0, 0x414fc0f0);

	EXPECT(a9 != NULL);
	EXPECT(a15 != NULL);
	EXPECT(lookup_machine_type(0x8e0, 0x410fc070) == a15);	/* A7 tile */
	EXPECT(lookup_machine_type(0x8e0, 0x410fd030) == NULL); /* A53 */
	EXPECT(lookup_machine_type(0x8e0, 0x560fc090) == NULL); /* not ARM */
	EXPECT(lookup_machine_type(0xffffffff, 0x414fc0f0) == NULL);
	EXPECT(lookup_machine_type(0x183, 0x410fc090) == NULL);

	EXPECT_EQ(parse_copy(good_atags, sizeof(good_atags)), 0);
	machine_fill_devices(a9, &bi);
	EXPECT_EQ(bi.uart_base, 0x10009000);
	EXPECT_EQ(bi.gic_dist_base, 0x1e001000);
	EXPECT_EQ(bi.gic_cpu_base, 0x1e000100);
	EXPECT_EQ(bi.twd_or_gt_base, 0x1e000200);
	EXPECT(!bi.has_arch_timer);
	EXPECT(strstr(bi.model, "V2P-CA9"));
	EXPECT_EQ(bi.bank[0].start, 0x60000000); /* memory untouched */
	machine_fill_devices(a15, &bi);
	EXPECT_EQ(bi.uart_base, 0x1c090000);
	EXPECT_EQ(bi.gic_dist_base, 0x2c001000);
	EXPECT_EQ(bi.gic_cpu_base, 0x2c002000);
	EXPECT_EQ(bi.twd_or_gt_base, 0);
	EXPECT(bi.has_arch_timer);
	EXPECT_EQ(bi.arch_timer_virt_ppi, 27);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(void);
	} cases[] = {
#define CASE(fn) { #fn, fn }
		CASE(test_vsprintf_literals),
		CASE(test_vsprintf_integer_matrix),
		CASE(test_vsprintf_u64_random),
		CASE(test_vsprintf_truncation),
		CASE(test_vsprintf_extensions),
		CASE(test_memparse),
		CASE(test_get_option),
		CASE(test_next_arg),
		CASE(test_early_param),
		CASE(test_early_param_truncation),
		CASE(test_setup_params),
		CASE(test_cmdline_get_param),
		CASE(test_fdt_qemu_virt),
		CASE(test_fdt_qemu_virt_args),
		CASE(test_fdt_vexpress_ca9),
		CASE(test_fdt_vexpress_ca15),
		CASE(test_fdt_scan),
		CASE(test_fdt_synthetic),
		CASE(test_fdt_synthetic_errors),
		CASE(test_fdt_bad_headers),
		CASE(test_fdt_truncated),
		CASE(test_fdt_random_corruption),
		CASE(test_atags_valid),
		CASE(test_atags_bad),
		CASE(test_atags_random_corruption),
		CASE(test_boot_params_type),
		CASE(test_machine_records),
#undef CASE
	};
	size_t i;

	if (argc > 1)
		dtb_dir = argv[1];
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		run_case(cases[i].name, cases[i].fn);
	printf("%d passed, %d failed\n", nr_passed, nr_failed);
	return nr_failed ? 1 : 0;
}
