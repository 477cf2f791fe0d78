/*
 * BUG/WARN with Linux's report formats. BUG() is fatal (oops + panic);
 * WARN_ON() prints "WARNING: ... at file:line func()" and a backtrace, then
 * carries on. Reports that must keep the kernel running (bad page state,
 * double kfree) print their own "BUG: ..." line with pr_alert instead.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/stringify.h>

void __noreturn __bug(const char *file, int line, const char *func);
void __warn(const char *file, int line, const char *func, const char *cond);

#define BUG() __bug(__FILE__, __LINE__, __func__)
#define BUG_ON(cond)                \
	do {                        \
		if (unlikely(cond)) \
			BUG();      \
	} while (0)

#define WARN_ON(cond)                                                \
	({                                                           \
		int __ret_warn_on = !!(cond);                        \
		if (unlikely(__ret_warn_on))                         \
			__warn(__FILE__, __LINE__, __func__, #cond); \
		unlikely(__ret_warn_on);                             \
	})

#define WARN_ON_ONCE(cond)                                           \
	({                                                           \
		static bool __warned;                                \
		int __ret_warn_once = !!(cond);                      \
		if (unlikely(__ret_warn_once && !__warned)) {        \
			__warned = true;                             \
			__warn(__FILE__, __LINE__, __func__, #cond); \
		}                                                    \
		unlikely(__ret_warn_once);                           \
	})

#endif /* _LINUX_BUG_H */
