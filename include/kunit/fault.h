/*
 * The hook between the exception handlers and kunit_expect_fault() or
 * kunit_expect_bug(): if a test armed the catcher, the handler records the
 * fault (or prints the BUG's oops) and resumes the test instead of dying.
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

/* A BUG() now would be one kunit_expect_bug() waits for (same irq depth). */
bool kunit_bug_expected(void);
/* Resume the kunit_expect_bug() caller through regs; false if not armed. */
bool kunit_bug_catch(struct pt_regs *regs);

#endif /* _KUNIT_FAULT_H */
