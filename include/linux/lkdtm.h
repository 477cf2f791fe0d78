/* Deliberate crashes for showing the oops path (kernel/lkdtm.c). */
#ifndef _LINUX_LKDTM_H
#define _LINUX_LKDTM_H

/* Runs the crash named by lkdtm= (if any); returns only if it survived. */
void lkdtm_run(void);

#endif /* _LINUX_LKDTM_H */
