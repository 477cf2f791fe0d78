/*
 * Error numbers with Linux's values (include/uapi/asm-generic/errno-base.h
 * and errno.h), returned negated as in Linux: -ENOENT, -EEXIST...
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM 1
#define ENOENT 2
#define EIO 5
#define ENOEXEC 8
#define EAGAIN 11
#ifndef ENOMEM /* linux/memblock.h has it too */
#define ENOMEM 12
#endif
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define EINVAL 22
#define ENOSPC 28
#define ERANGE 34
#define ENAMETOOLONG 36
#define EWOULDBLOCK EAGAIN
#define EOPNOTSUPP 95

#endif /* _LINUX_ERRNO_H */
