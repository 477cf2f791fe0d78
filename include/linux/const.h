/* Constants usable from both C and assembly, as Linux's uapi/linux/const.h. */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y) X
#else
#define __AC(X, Y) (X##Y)
#define _AC(X, Y) __AC(X, Y)
#endif
#define _UL(x) (_AC(x, UL))

#endif /* _LINUX_CONST_H */
