/* Deliberate crashes for showing the oops path (kernel/lkdtm.c). */
#ifndef _LINUX_LKDTM_H
#define _LINUX_LKDTM_H

/* Runs the crash named by lkdtm= (if any); returns only if it survived. */
void lkdtm_run(void);
/*
 * Perform crash @type now ("help" lists them); returns only if the kernel
 * survived it: 0, or -1 for an unknown type (listed with the others).
 */
int lkdtm_perform(const char *type);

#endif /* _LINUX_LKDTM_H */
