/* Compiler helpers with the kernel's names. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define __always_inline inline __attribute__((always_inline))
#define noinline __attribute__((noinline))
#define __noreturn __attribute__((noreturn))
#define __weak __attribute__((weak))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __section(s) __attribute__((section(s)))
#define __used __attribute__((used))
#define __weak __attribute__((weak))
#define __maybe_unused __attribute__((unused))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define barrier() __asm__ __volatile__("" ::: "memory")
/* Make the compiler forget what it knows of var's value (as Linux). */
#define OPTIMIZER_HIDE_VAR(var) __asm__("" : "=r"(var) : "0"(var))
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/* Code and data only needed during boot; freed sizes feed the Memory line. */
#define __init __section(".init.text")
#define __initdata __section(".init.data")

#endif /* _LINUX_COMPILER_H */
