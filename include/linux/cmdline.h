/*
 * Command line token and number parsing (lib/cmdline.c), with Linux's
 * names and semantics: memparse() for sizes with K/M/G/T/P/E suffixes,
 * get_option() for integers and comma lists, next_arg() to split a
 * command line into "param[=value]" words with double-quote handling.
 */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base);
unsigned long long memparse(const char *ptr, char **retptr);
int get_option(char **str, int *pint);
char *skip_spaces(const char *str);
char *next_arg(char *args, char **param, char **val);
bool parameq(const char *a, const char *b);
bool parameqn(const char *a, const char *b, size_t n);
const char *cmdline_get_param(const char *cmdline, const char *name, char *out,
			      size_t outsz);

/*
 * "all" or a comma-separated list of names (hikern.test=, hikern.bench=):
 * next_list_item() returns the item starting at s (its length in *len)
 * or NULL at the end; the next item starts at s + len + (s[len] == ',').
 * list_has_item() is true for "all" or an exact item.
 */
const char *next_list_item(const char *s, size_t *len);
bool list_has_item(const char *list, const char *name);

#endif /* _LINUX_CMDLINE_H */
