/*
 * Boot-time command line parameters, registered as in Linux's
 * include/linux/init.h:
 *
 *	early_param("vmalloc", early_vmalloc);	handler(value), 0 = accepted
 *	__setup("hikern.test=", setup_tests);	handler(value), 1 = handled
 *
 * Each registration is a struct obs_kernel_param placed in the linker
 * section "init_setup". The name is a valid C identifier so that host
 * linkers provide __start_init_setup/__stop_init_setup by themselves; the
 * guest linker script must KEEP(*(init_setup)) and define the same two
 * symbols around it (both are weak here: a program with no parameters
 * links and sees an empty table).
 *
 * The return conventions differ on purpose, as in Linux: an early handler
 * returns 0 on success (non-zero prints "Malformed early option"), a
 * __setup handler returns 1 when it consumed the option.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>

struct obs_kernel_param {
	const char *str; /* "name" (early) or "name=" (__setup) */
	int (*setup_func)(char *);
	int early;
};

extern const struct obs_kernel_param __start_init_setup[] __attribute__((weak));
extern const struct obs_kernel_param __stop_init_setup[] __attribute__((weak));

/*
 * The explicit alignment keeps the compiler from padding entries to a
 * larger boundary, which would put holes in the table the parser walks as
 * an array.
 */
#define __setup_param(name, unique_id, fn, is_early)                     \
	static const struct obs_kernel_param __setup_##unique_id __used  \
		__section("init_setup") __aligned(                       \
			__alignof__(struct obs_kernel_param)) = {        \
			.str = name, .setup_func = fn, .early = is_early \
		}

#define __setup(str, fn) __setup_param(str, fn, fn, 0)
#define early_param(str, fn) __setup_param(str, fn, fn, 1)

void parse_early_param(const char *cmdline);
void parse_early_options(char *cmdline);
void parse_setup_params(const char *cmdline);

/* kernel/version.c: the boot banner, "hikern version ..." plus a newline. */
extern const char linux_banner[];
/* The command line as the boot information gave it (set after setup_arch). */
extern char *saved_command_line;

#endif /* _LINUX_INIT_H */
