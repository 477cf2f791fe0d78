/*
 * printk with Linux's log levels. The level is a "\001" SOH prefix plus a
 * digit, exactly as in include/linux/kern_levels.h, so format strings copied
 * from Linux read the same here.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"

#define LOGLEVEL_DEBUG 7
#define LOGLEVEL_INFO 6
#define LOGLEVEL_NOTICE 5

int printk(const char *fmt, ...) __printf(1, 2);

/*
 * The log buffer as the self-tests read it (Linux's kmsg_dump does the
 * same job): log_buf_pos() is the count of bytes ever logged;
 * log_buf_copy() copies what was logged since such a position (the
 * newest LOG_BUF_LEN bytes at most; at most size - 1, NUL-terminated)
 * and returns the length.
 */
unsigned int log_buf_pos(void);
size_t log_buf_copy(unsigned int from, char *buf, size_t size);
int vprintk(const char *fmt, va_list args);

/* The console shell's side doors (kernel/printk.c has the contracts). */
void printk_direct_begin(void);
void printk_direct_end(void);
void console_write_raw(const char *s, unsigned int n);
unsigned int log_buf_read(unsigned int *pos, char *buf, unsigned int len);

/* Formatter (lib/vsprintf.c): the kernel's own, no newlib stdio. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

#endif /* _LINUX_PRINTK_H */
