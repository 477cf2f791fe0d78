/*
 * The hook between the exception handlers and kunit_expect_fault(): if a
 * test armed the catcher, the handler records the fault and resumes the
 * test instead of oopsing.
 */
#ifndef _KUNIT_FAULT_H
#define _KUNIT_FAULT_H

#include <linux/types.h>

struct pt_regs;

enum kunit_fault_kind {
	KUNIT_FAULT_DATA,
	KUNIT_FAULT_PREFETCH,
	KUNIT_FAULT_UNDEF,
};

/* True if the fault was expected and regs now resume the test. */
bool kunit_fault_catch(struct pt_regs *regs, unsigned long addr,
		       unsigned long fsr, enum kunit_fault_kind kind);

#endif /* _KUNIT_FAULT_H */
