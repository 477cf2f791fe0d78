/*
 * The version magic a module carries in .modinfo ("vermagic=") and the
 * kernel compares with its own before loading it, as Linux's
 * include/linux/vermagic.h: the release, then the options that change
 * the ABI a module is compiled against. "debug" marks the CONFIG_DEBUG
 * build, whose inline kmalloc/kmap_atomic paths differ from the
 * production build's: a module built for one must not run on the other.
 */
#ifndef _LINUX_VERMAGIC_H
#define _LINUX_VERMAGIC_H

#define UTS_RELEASE "0.1"

#if CONFIG_DEBUG
#define VERMAGIC_DEBUG "debug "
#else
#define VERMAGIC_DEBUG ""
#endif

#define VERMAGIC_STRING UTS_RELEASE " mod_unload " VERMAGIC_DEBUG "ARMv7 p2v8 "

#endif /* _LINUX_VERMAGIC_H */
