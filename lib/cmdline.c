/*
 * Kernel command line parsing, with the semantics of Linux's lib/cmdline.c,
 * lib/vsprintf.c (simple_strtoull), kernel/params.c (next_arg, parameq) and
 * init/main.c (early_param/__setup dispatch):
 *
 *  - parse_early_param() runs every early_param() handler whose name is on
 *    the command line, before memory management exists (vmalloc=, mem=);
 *  - parse_setup_params() later runs the __setup() handlers and reports the
 *    words nobody claimed.
 *
 * Handlers get pointers into static copies of the command line, so the
 * caller's string (often inside a DTB or ATAG list that will be reused)
 * need not outlive the call.
 */
#include <linux/kernel.h>
#include <asm/setup.h>
#include <linux/cmdline.h>
#include <linux/ctype.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <string.h>

static unsigned int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return tolower(c) - 'a' + 10;
	return 16; /* not a digit in any base we parse */
}

/*
 * simple_strtoull - parse an unsigned number, as C's strtoull without signs
 * @base 0 means "0x" prefix = hex, leading "0" = octal, else decimal; base
 * 16 also accepts a "0x" prefix. Overflow wraps silently, as in Linux.
 * *@endp (if @endp) gets the first character not used.
 */
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	unsigned long long result = 0;
	bool hex_prefix =
		cp[0] == '0' && tolower(cp[1]) == 'x' && isxdigit(cp[2]);
	unsigned int d;

	if (base == 0)
		base = hex_prefix ? 16 : cp[0] == '0' ? 8 : 10;
	if (base == 16 && hex_prefix)
		cp += 2;

	while ((d = digit_value(*cp)) < base) {
		result = result * base + d;
		cp++;
	}
	if (endp)
		*endp = (char *)cp;
	return result;
}

/*
 * memparse - parse a size such as "64M", "0x1000", "2g"
 * The number (any base simple_strtoull accepts) may be followed by one of
 * K M G T P E (either case), each a further factor of 1024. *@retptr (if
 * @retptr) gets the first character after the number and suffix, so
 * *retptr == ptr means no number was there.
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	static const char suffixes[] = "kmgtpe";
	char *endptr;
	unsigned long long ret = simple_strtoull(ptr, &endptr, 0);
	const char *s = *endptr ? strchr(suffixes, tolower(*endptr)) : NULL;

	if (s && endptr != ptr) {
		ret <<= 10 * (s - suffixes + 1);
		endptr++;
	}
	if (retptr)
		*retptr = endptr;
	return ret;
}

/*
 * get_option - parse one integer from an option string
 * Moves *@str past the number and stores it in *@pint (if @pint). Returns
 * 0 if there was no number, 1 for a number at the end of the string or of
 * the list, 2 for a number followed by ',' (which is skipped) and 3 for a
 * number followed by '-' (a range; the '-' is left for the caller).
 */
int get_option(char **str, int *pint)
{
	char *cur = *str;
	int value;

	if (!cur || !*cur)
		return 0;
	if (*cur == '-')
		value = (int)-simple_strtoull(++cur, str, 0);
	else
		value = (int)simple_strtoull(cur, str, 0);
	if (pint)
		*pint = value;
	if (cur == *str)
		return 0;
	if (**str == ',') {
		(*str)++;
		return 2;
	}
	if (**str == '-')
		return 3;
	return 1;
}

char *skip_spaces(const char *str)
{
	while (isspace(*str))
		str++;
	return (char *)str;
}

/* Parameter names treat '-' and '_' alike, as Linux's parameqn() does. */
static char dash2underscore(char c)
{
	return c == '-' ? '_' : c;
}

bool parameqn(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (dash2underscore(a[i]) != dash2underscore(b[i]))
			return false;
	}
	return true;
}

bool parameq(const char *a, const char *b)
{
	return parameqn(a, b, strlen(a) + 1);
}

/*
 * next_arg - split off the first word of @args, in place
 * A word is "param" or "param=value"; double quotes group spaces into a
 * word ("a=\"x y\"" or "\"a=x y\"") and are removed from both ends of the
 * param and of the value. Sets *@param, and *@val to the value or NULL if
 * there is no '=' (an '=' as the very first character does not count, as
 * in Linux). Terminates the word and returns the rest, leading spaces
 * skipped. @args must not start with a space.
 */
char *next_arg(char *args, char **param, char **val)
{
	size_t i, equals = 0;
	bool in_quote = false, quoted = false;

	if (*args == '"') {
		args++;
		in_quote = quoted = true;
	}

	for (i = 0; args[i]; i++) {
		if (isspace(args[i]) && !in_quote)
			break;
		if (!equals && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	*val = NULL;
	if (equals) {
		args[equals] = '\0';
		*val = args + equals + 1;
		/* A quoted value loses its quotes. */
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i])
		args[i++] = '\0';
	return skip_spaces(args + i);
}

/*
 * Copy @cmdline into @buf (@size bytes), warning when it does not fit: a
 * truncated line still boots, but a silently lost option is a mystery.
 */
static void copy_cmdline(char *buf, size_t size, const char *cmdline)
{
	size_t len = cmdline ? strlen(cmdline) : 0;

	if (len >= size) {
		pr_warn("Kernel command line truncated to %zu characters\n",
			size - 1);
		len = size - 1;
	}
	memcpy(buf, cmdline, len);
	buf[len] = '\0';
}

/*
 * for_each_param - call @fn(param, val, data) for each word of @cmdline
 * Modifies @cmdline in place (next_arg() splits it). A bare "--" ends the
 * kernel's part of the command line, as in Linux.
 */
static void for_each_param(char *cmdline,
			   void (*fn)(char *param, char *val, void *data),
			   void *data)
{
	char *args = skip_spaces(cmdline);
	char *param, *val;

	while (*args) {
		args = next_arg(args, &param, &val);
		if (!val && strcmp(param, "--") == 0)
			break;
		fn(param, val, data);
	}
}

/* Walk the early_param()/__setup() table; empty if nothing registered. */
#define for_each_setup_param(p) \
	for (p = __start_init_setup; p < __stop_init_setup; p++)

static void do_early_param(char *param, char *val, void *data)
{
	const struct obs_kernel_param *p;

	(void)data;
	for_each_setup_param(p)
	{
		if (!p->early || !parameq(param, p->str))
			continue;
		if (p->setup_func(val ? val : (char *)"") != 0)
			pr_warn("Malformed early option '%s'\n", param);
	}
}

/*
 * parse_early_options - run the early_param() handlers for @cmdline
 * @cmdline is split in place and handlers get pointers into it. Unknown
 * words are ignored: they are parse_setup_params()'s business. A bare
 * "name" calls the handler with "".
 */
void __init parse_early_options(char *cmdline)
{
	for_each_param(cmdline, do_early_param, NULL);
}

/*
 * parse_early_param - run the early_param() handlers on a copy of @cmdline
 * The copy is a static COMMAND_LINE_SIZE buffer (a longer line is cut with
 * a warning), so @cmdline itself is left intact. Each call replaces the
 * previous copy: call it once at boot.
 */
void __init parse_early_param(const char *cmdline)
{
	static char tmp_cmdline[COMMAND_LINE_SIZE] __initdata;

	copy_cmdline(tmp_cmdline, sizeof(tmp_cmdline), cmdline);
	parse_early_options(tmp_cmdline);
}

/*
 * Run the __setup() handlers whose "name=" (or "name") prefixes @line.
 * Returns true if one claimed it, or if it is an early parameter (already
 * handled by parse_early_param()).
 */
static bool obsolete_checksetup(const char *line)
{
	const struct obs_kernel_param *p;
	bool had_early_param = false;

	for_each_setup_param(p)
	{
		size_t n = strlen(p->str);

		if (!parameqn(line, p->str, n))
			continue;
		if (p->early) {
			/* Only the whole name counts: "vmalloc" not "vmallocx". */
			if (line[n] == '\0' || line[n] == '=')
				had_early_param = true;
		} else if (p->setup_func((char *)line + n)) {
			return true;
		}
	}
	return had_early_param;
}

/*
 * Undo next_arg()'s split of "name=value" (and of name="value", whose
 * opening quote it skipped), so __setup() prefixes like "root=" match and
 * the handler gets the value without quotes.
 */
static void rejoin_param(char *param, char *val)
{
	char *eq = param + strlen(param);

	if (!val)
		return;
	*eq = '=';
	if (val != eq + 1)
		memmove(eq + 1, val, strlen(val) + 1);
}

struct unknown_params {
	char *buf;
	size_t size;
	size_t len;
};

/*
 * Hand one word to the __setup() handlers; collect the unclaimed ones.
 * Dotted names ("hikern.test=all") are module-style parameters that Linux
 * never reports as unknown; we do the same.
 */
static void do_setup_param(char *param, char *val, void *data)
{
	struct unknown_params *u = data;
	bool dotted = strchr(param, '.') != NULL;

	rejoin_param(param, val);
	if (obsolete_checksetup(param) || dotted)
		return;
	u->len += scnprintf(u->buf + u->len, u->size - u->len, "%s%s",
			    u->len ? " " : "", param);
}

/*
 * parse_setup_params - run the __setup() handlers for @cmdline
 * Works on a static copy (kept after boot: handlers may hold pointers into
 * it). Words claimed by no handler and not early parameters are listed in
 * one line, as Linux's "Unknown kernel command line parameters" does.
 */
void __init parse_setup_params(const char *cmdline)
{
	static char static_cmdline[COMMAND_LINE_SIZE];
	static char unknown[COMMAND_LINE_SIZE] __initdata;
	struct unknown_params u = { unknown, sizeof(unknown), 0 };

	copy_cmdline(static_cmdline, sizeof(static_cmdline), cmdline);
	for_each_param(static_cmdline, do_setup_param, &u);
	if (u.len)
		pr_notice("Unknown kernel command line parameters \"%s\", will "
			  "be passed to user space.\n",
			  unknown);
}

struct param_lookup {
	const char *name;
	char *out;
	size_t outsz;
	const char *found;
};

static void match_param(char *param, char *val, void *data)
{
	struct param_lookup *l = data;

	if (!parameq(param, l->name))
		return;
	scnprintf(l->out, l->outsz, "%s", val ? val : "");
	l->found = l->out;
}

/*
 * cmdline_get_param - find "name=value" (or bare "name") in @cmdline
 * Copies the value of the last occurrence (the one that wins, as with
 * repeated Linux parameters) into @out, truncated to @outsz, quotes
 * removed; a bare name gives "". Returns @out, or NULL if @name is absent
 * (or @outsz is 0). @cmdline is not modified; only its first
 * COMMAND_LINE_SIZE - 1 characters are looked at. Uses about 1 KB of
 * stack.
 */
const char *cmdline_get_param(const char *cmdline, const char *name, char *out,
			      size_t outsz)
{
	char tmp[COMMAND_LINE_SIZE];
	struct param_lookup l = { name, out, outsz, NULL };

	if (!outsz || !cmdline)
		return NULL;
	scnprintf(tmp, sizeof(tmp), "%s", cmdline);
	for_each_param(tmp, match_param, &l);
	return l.found;
}

/*
 * Selector lists such as hikern.test=mmu,buddy and hikern.bench=all: one
 * parser for every "all or a comma-separated list of names" parameter.
 */
const char *next_list_item(const char *s, size_t *len)
{
	const char *comma;

	if (!*s)
		return NULL;
	comma = strchr(s, ',');
	*len = comma ? (size_t)(comma - s) : strlen(s);
	return s;
}

bool list_has_item(const char *list, const char *name)
{
	size_t n = strlen(name), len;

	if (!strcmp(list, "all"))
		return true;
	for (const char *s = list; (s = next_list_item(s, &len));
	     s += len + (s[len] == ',')) {
		if (len == n && !strncmp(s, name, n))
			return true;
	}
	return false;
}
