/*
 * The kernel's own printf formatter (Linux's lib/vsprintf.c in spirit,
 * written afresh). newlib's vsnprintf drags in malloc, so printk and every
 * snprintf in the kernel come here.
 *
 * C99 conversions d i u x X o c s % with flags "-+ #0", width, precision
 * (both may be '*') and length modifiers hh h l ll z t j; plus Linux's
 * pointer extensions:
 *	%p, %px		pointer as zero-padded hex, no "0x" (never hashed here)
 *	%pa, %pap	phys_addr_t passed by reference, "0x" and full width
 *	%pS, %ps	symbol name, with "+0xoff/0xsize" for %pS
 * As in Linux, every letter or digit right after %p belongs to the pointer
 * conversion, so "%pfoo" prints one pointer and nothing of "foo".
 *
 * 64-bit values print without libgcc's 64-bit division: see do_div10().
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/types.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>

/*
 * Weak: the kernel links and prints addresses without a symbol table (and
 * so do host tests that do not provide one).
 */
extern __typeof__(kallsyms_lookup) kallsyms_lookup __attribute__((weak));

/* Longest symbol name %pS prints; longer ones are cut. */
#ifndef KSYM_NAME_LEN
#define KSYM_NAME_LEN 128
#endif

/* Flags of one conversion specification. */
#define ZEROPAD 0x01 /* '0': pad with zeros after sign/prefix */
#define SIGN 0x02    /* signed conversion (d, i) */
#define PLUS 0x04    /* '+' */
#define SPACE 0x08   /* ' ' */
#define LEFT 0x10    /* '-' */
#define SMALL 0x20   /* lower-case hex digits and "0x" */
#define SPECIAL 0x40 /* '#': 0x prefix, leading octal zero */

enum length_mod {
	LEN_NONE,
	LEN_HH,
	LEN_H,
	LEN_L,
	LEN_LL,
	LEN_Z,
	LEN_T,
	LEN_J,
};

struct printf_spec {
	unsigned int flags;
	int field_width; /* -1: none given */
	int precision;	 /* -1: none given */
	unsigned int base;
	enum length_mod length;
};

/*
 * Output sink: counts every character the result would have, stores only
 * what fits, so the return value is C's "would-be length".
 */
struct outbuf {
	char *buf;
	size_t size;
	size_t len;
};

static void put_char(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct outbuf *o, char c, int n)
{
	while (n-- > 0)
		put_char(o, c);
}

static void put_mem(struct outbuf *o, const char *s, size_t n)
{
	while (n--)
		put_char(o, *s++);
}

/*
 * Upper bits of a 64x64-bit product from four 32x32->64 multiplies, which
 * ARM does in single umull instructions.
 */
static u64 mul_hi64(u64 a, u64 b)
{
	u64 a_lo = (u32)a, a_hi = a >> 32;
	u64 b_lo = (u32)b, b_hi = b >> 32;
	u64 lo_lo = a_lo * b_lo, hi_lo = a_hi * b_lo;
	u64 lo_hi = a_lo * b_hi, hi_hi = a_hi * b_hi;
	/* At most (2^32-1)^2 + 2(2^32-1) = 2^64-1: cannot overflow. */
	u64 cross = (lo_lo >> 32) + (u32)hi_lo + lo_hi;

	return hi_hi + (hi_lo >> 32) + (cross >> 32);
}

/*
 * do_div10 - divide *@n by 10 in place and return the remainder
 * Values that fit in 32 bits use a 32-bit divide by a constant (a multiply
 * on ARM); larger ones multiply by ceil(2^67 / 10), which gives the exact
 * quotient for every 64-bit value, instead of calling __aeabi_uldivmod.
 */
static unsigned int do_div10(u64 *n)
{
	u64 x = *n;
	u64 q;

	if (x <= 0xffffffffULL) {
		u32 v = (u32)x;

		*n = v / 10;
		return v % 10;
	}
	q = mul_hi64(x, 0xCCCCCCCCCCCCCCCDULL) >> 3;
	*n = q;
	return (unsigned int)(x - q * 10);
}

/*
 * Write the digits of @num in @spec->base into @tmp, least significant
 * first, and return how many. Zero gives no digits: the caller decides
 * whether a zero prints as "0" (it does not with precision 0).
 */
static int format_digits(char *tmp, u64 num, const struct printf_spec *spec)
{
	const char *digits =
		(spec->flags & SMALL) ? "0123456789abcdef" : "0123456789ABCDEF";
	int n = 0;

	while (num) {
		if (spec->base == 10) {
			tmp[n++] = digits[do_div10(&num)];
		} else {
			unsigned int shift = spec->base == 16 ? 4 : 3;

			tmp[n++] = digits[num & (spec->base - 1)];
			num >>= shift;
		}
	}
	return n;
}

/*
 * number - print a magnitude with C's integer conversion rules
 * @num is the absolute value, @negative its sign. Honours width,
 * precision (minimum digits; 0 with value 0 prints no digits), '-', '+',
 * ' ', '0' (ignored when a precision or '-' is given) and '#' (0x/0X for
 * non-zero hex; a leading 0 for octal, as C does it).
 */
static void number(struct outbuf *o, u64 num, bool negative,
		   const struct printf_spec *spec)
{
	char tmp[24]; /* 2^64 in octal has 22 digits */
	char sign = 0;
	const char *prefix = "";
	int ndigits, precision = spec->precision, zeros, pad;
	int prefix_len;

	if (spec->flags & SIGN) {
		if (negative)
			sign = '-';
		else if (spec->flags & PLUS)
			sign = '+';
		else if (spec->flags & SPACE)
			sign = ' ';
	}

	ndigits = format_digits(tmp, num, spec);
	if (ndigits == 0 && precision != 0)
		tmp[ndigits++] = '0';

	if (spec->flags & SPECIAL) {
		if (spec->base == 16 && num)
			prefix = (spec->flags & SMALL) ? "0x" : "0X";
		else if (spec->base == 8 &&
			 (ndigits == 0 || tmp[ndigits - 1] != '0') &&
			 precision <= ndigits)
			precision = ndigits + 1;
	}
	prefix_len = (int)strlen(prefix);

	zeros = precision > ndigits ? precision - ndigits : 0;
	pad = spec->field_width - (ndigits + zeros + prefix_len + (sign != 0));
	if (pad > 0 && (spec->flags & ZEROPAD) && !(spec->flags & LEFT) &&
	    spec->precision < 0) {
		zeros += pad;
		pad = 0;
	}

	if (!(spec->flags & LEFT))
		put_repeat(o, ' ', pad);
	if (sign)
		put_char(o, sign);
	put_mem(o, prefix, prefix_len);
	put_repeat(o, '0', zeros);
	while (ndigits)
		put_char(o, tmp[--ndigits]);
	if (spec->flags & LEFT)
		put_repeat(o, ' ', pad);
}

/* Emit @len bytes of @s, padded with spaces to the field width. */
static void put_padded(struct outbuf *o, const char *s, size_t len,
		       const struct printf_spec *spec)
{
	int pad =
		spec->field_width > (int)len ? spec->field_width - (int)len : 0;

	if (!(spec->flags & LEFT))
		put_repeat(o, ' ', pad);
	put_mem(o, s, len);
	if (spec->flags & LEFT)
		put_repeat(o, ' ', pad);
}

/*
 * Print @s (NULL prints "(null)", as Linux and glibc do) padded to the
 * field width; a precision caps how many bytes are read, so an array that
 * is not NUL-terminated is fine with "%.*s".
 */
static void string(struct outbuf *o, const char *s,
		   const struct printf_spec *spec)
{
	if (!s)
		s = "(null)";
	put_padded(o, s,
		   strnlen(s, spec->precision < 0 ? (size_t)-1 :
						    (size_t)spec->precision),
		   spec);
}

/*
 * "0x" then the hex digits, zero-padded to @digits (0: no padding): the
 * %pa and symbol-offset style. Not "%#x", which prints zero as "0" where
 * Linux shows "0x00000000" or "+0x0".
 */
static void special_hex_number(struct outbuf *o, u64 num, int digits)
{
	struct printf_spec spec = {
		.flags = SMALL | ZEROPAD,
		.field_width = digits,
		.precision = -1,
		.base = 16,
	};

	put_mem(o, "0x", 2);
	number(o, num, false, &spec);
}

/*
 * %pS / %ps: "name+0xoff/0xsize" or just "name" from kallsyms_lookup(),
 * followed by " [module]" for a module's function, as Linux's
 * sprint_symbol; without a symbol table, or for an unknown address,
 * "0x%08lx". The whole
 * text then obeys the field width and precision like a %s.
 */
static void symbol_string(struct outbuf *o, unsigned long addr,
			  bool with_offset, const struct printf_spec *spec)
{
	char sym[2 * KSYM_NAME_LEN + 2 * (2 + 2 * sizeof(long)) + 8];
	struct outbuf tmp = { .buf = sym, .size = sizeof(sym), .len = 0 };
	unsigned long size = 0, offset = 0;
	const char *modname = NULL;
	const char *name =
		kallsyms_lookup ?
			kallsyms_lookup(addr, &size, &offset, &modname) :
			NULL;

	if (!name) {
		special_hex_number(&tmp, addr, 8);
	} else {
		put_mem(&tmp, name, strnlen(name, KSYM_NAME_LEN));
		if (with_offset) {
			put_char(&tmp, '+');
			special_hex_number(&tmp, offset, 0);
			put_char(&tmp, '/');
			special_hex_number(&tmp, size, 0);
		}
		if (modname) {
			put_mem(&tmp, " [", 2);
			put_mem(&tmp, modname, strnlen(modname, KSYM_NAME_LEN));
			put_char(&tmp, ']');
		}
	}
	sym[min(tmp.len, sizeof(sym) - 1)] = '\0';
	string(o, sym, spec);
}

/*
 * pointer - the %p family; @fmt points just after the 'p'
 * Returns the format position after the extension letters, which (as in
 * Linux) are every alphanumeric character that follows.
 */
static const char *pointer(struct outbuf *o, const char *fmt, const void *ptr,
			   struct printf_spec *spec)
{
	switch (*fmt) {
	case 'a':
		if (!ptr)
			string(o, NULL, spec);
		else
			special_hex_number(o, *(const phys_addr_t *)ptr,
					   2 * sizeof(phys_addr_t));
		break;
	case 'S':
	case 's':
		symbol_string(o, (unsigned long)ptr, *fmt == 'S', spec);
		break;
	default: /* plain %p and %px: the raw value, never hashed */
		if (spec->field_width < 0) {
			spec->field_width = 2 * sizeof(void *);
			spec->flags |= ZEROPAD;
		}
		spec->base = 16;
		spec->flags |= SMALL;
		spec->flags &= ~(SPECIAL | SIGN);
		number(o, (unsigned long)ptr, false, spec);
		break;
	}
	while (isalnum(*fmt))
		fmt++;
	return fmt;
}

/* Parse a decimal field width or precision; *@fmt is on the first digit. */
static int skip_atoi(const char **fmt)
{
	int i = 0;

	while (isdigit(**fmt)) {
		if (i < 100000000) /* cap silly widths, avoid overflow */
			i = i * 10 + (**fmt - '0');
		(*fmt)++;
	}
	return i;
}

static const char *parse_flags(const char *fmt, struct printf_spec *spec)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-':
			spec->flags |= LEFT;
			break;
		case '+':
			spec->flags |= PLUS;
			break;
		case ' ':
			spec->flags |= SPACE;
			break;
		case '#':
			spec->flags |= SPECIAL;
			break;
		case '0':
			spec->flags |= ZEROPAD;
			break;
		default:
			return fmt;
		}
	}
}

static const char *parse_length(const char *fmt, struct printf_spec *spec)
{
	switch (*fmt) {
	case 'h':
		spec->length = fmt[1] == 'h' ? LEN_HH : LEN_H;
		return fmt + (fmt[1] == 'h' ? 2 : 1);
	case 'l':
		spec->length = fmt[1] == 'l' ? LEN_LL : LEN_L;
		return fmt + (fmt[1] == 'l' ? 2 : 1);
	case 'z':
		spec->length = LEN_Z;
		return fmt + 1;
	case 't':
		spec->length = LEN_T;
		return fmt + 1;
	case 'j':
		spec->length = LEN_J;
		return fmt + 1;
	default:
		spec->length = LEN_NONE;
		return fmt;
	}
}

/*
 * parse_spec - read flags, width, precision and length of one conversion
 * @fmt points just after the '%'; '*' arguments are taken from @ap. A
 * negative '*' width means '-' plus its magnitude; a negative '*'
 * precision means none, as in C. Returns the position of the conversion
 * character.
 */
static const char *parse_spec(const char *fmt, struct printf_spec *spec,
			      va_list *ap)
{
	spec->flags = 0;
	spec->field_width = -1;
	spec->precision = -1;
	spec->base = 10;

	fmt = parse_flags(fmt, spec);
	if (*fmt == '*') {
		int w = va_arg(*ap, int);

		if (w < 0) {
			spec->flags |= LEFT;
			w = w < -INT_MAX ? 0 : -w; /* INT_MIN: no sane width */
		}
		spec->field_width = w;
		fmt++;
	} else if (isdigit(*fmt)) {
		spec->field_width = skip_atoi(&fmt);
	}

	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			int p = va_arg(*ap, int);

			spec->precision = p < 0 ? -1 : p;
			fmt++;
		} else {
			spec->precision = skip_atoi(&fmt);
		}
	}
	return parse_length(fmt, spec);
}

/* Fetch a signed integer argument of the size the length modifier says. */
static s64 fetch_signed(va_list *ap, enum length_mod length)
{
	switch (length) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
		return va_arg(*ap, long long);
	case LEN_Z: {
		/* ssize_t: the signed type of size_t's width. */
		size_t v = va_arg(*ap, size_t);

		return sizeof(size_t) == sizeof(s64) ? (s64)v : (s64)(s32)v;
	}
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	case LEN_J:
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

static u64 fetch_unsigned(va_list *ap, enum length_mod length)
{
	switch (length) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
		return va_arg(*ap, size_t);
	case LEN_T:
		/* The unsigned type of ptrdiff_t's width. */
		return (size_t)va_arg(*ap, ptrdiff_t);
	case LEN_J:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static void format_integer(struct outbuf *o, char conv,
			   struct printf_spec *spec, va_list *ap)
{
	switch (conv) {
	case 'd':
	case 'i': {
		s64 v = fetch_signed(ap, spec->length);

		spec->flags |= SIGN;
		number(o, v < 0 ? -(u64)v : (u64)v, v < 0, spec);
		return;
	}
	case 'o':
		spec->base = 8;
		break;
	case 'x':
		spec->flags |= SMALL;
		/* fall through */
	case 'X':
		spec->base = 16;
		break;
	default: /* 'u' */
		break;
	}
	number(o, fetch_unsigned(ap, spec->length), false, spec);
}

/*
 * format_one - handle the conversion starting at @fmt (just past '%')
 * Returns the format position after it. An unknown conversion character
 * is copied out literally, with its '%', and consumes no argument.
 */
static const char *format_one(struct outbuf *o, const char *fmt, va_list *ap)
{
	const char *start = fmt - 1;
	struct printf_spec spec;
	char c;

	fmt = parse_spec(fmt, &spec, ap);
	c = *fmt;
	switch (c) {
	case 'd':
	case 'i':
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		format_integer(o, c, &spec, ap);
		break;
	case 'c': {
		/* Not string(): a NUL character is printed and counted. */
		char ch = (char)va_arg(*ap, int);

		put_padded(o, &ch, 1, &spec);
		break;
	}
	case 's':
		string(o, va_arg(*ap, const char *), &spec);
		break;
	case 'p':
		return pointer(o, fmt + 1, va_arg(*ap, const void *), &spec);
	case '%':
		put_char(o, '%');
		break;
	case '\0': /* a lone '%' ends the string: print it as it is */
		put_mem(o, start, fmt - start);
		return fmt;
	default:
		put_mem(o, start, fmt + 1 - start);
		break;
	}
	return fmt + 1;
}

/*
 * vsnprintf - format into @buf, C semantics
 * Writes at most @size bytes including the terminating NUL (always written
 * when @size > 0; @buf may be NULL when @size is 0) and returns the length
 * the full result has, so a return >= @size means it was truncated.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct outbuf o = { .buf = buf, .size = size, .len = 0 };
	va_list ap;

	/* A copy, because va_list cannot be passed by address portably. */
	va_copy(ap, args);
	while (*fmt) {
		const char *lit = fmt;

		while (*fmt && *fmt != '%')
			fmt++;
		put_mem(&o, lit, fmt - lit);
		if (*fmt == '%')
			fmt = format_one(&o, fmt + 1, &ap);
	}
	va_end(ap);

	if (size)
		buf[min(o.len, size - 1)] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/*
 * scnprintf - like snprintf, but returns the number of characters actually
 * stored in @buf (not counting the NUL), so "len += scnprintf(buf + len,
 * size - len, ...)" can never run past the buffer.
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	if (size == 0)
		return 0;
	return (size_t)n < size ? n : (int)(size - 1);
}
