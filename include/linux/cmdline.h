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

#endif /* _LINUX_CMDLINE_H */
