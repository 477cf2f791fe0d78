/*
 * The one seam through which tests reach private kernel state (Linux's
 * include/kunit/visibility.h). Private state stays static; a file that
 * the tests must look into defines small accessor functions under
 * IS_ENABLED(CONFIG_KUNIT), marks them EXPORT_SYMBOL_IF_KUNIT, and
 * declares them in include/kunit/private.h, which only tests include.
 * VISIBLE_IF_KUNIT makes a function static unless the tests are built.
 *
 * CONFIG_KUNIT is 1 in every build that links the self-tests (the kernel
 * and the host test builds set it on the command line); a build without
 * it has no accessors at all.
 */
#ifndef _KUNIT_VISIBILITY_H
#define _KUNIT_VISIBILITY_H

#ifndef CONFIG_KUNIT
#define CONFIG_KUNIT 0
#endif

#ifndef IS_ENABLED
#define IS_ENABLED(option) (option)
#endif

#if IS_ENABLED(CONFIG_KUNIT)
#define VISIBLE_IF_KUNIT
#else
#define VISIBLE_IF_KUNIT static
#endif

/*
 * hikern has no modules, so a symbol needs no export to be reachable;
 * this marks it as part of the seam (and checks it was declared).
 */
#define EXPORT_SYMBOL_IF_KUNIT(symbol) extern __typeof__(symbol) symbol

#endif /* _KUNIT_VISIBILITY_H */
