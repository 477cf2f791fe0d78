# tests/host/pkmap.mk: host build of the persistent-kmap bookkeeping
# (mm/highmem.c, with kernel/wait.c and kernel/sched.c) under ASan and
# UBSan, and its test. Reuses host.mk's shim and harness; PTE writes and
# TLB flushes are stubbed by the test (tests/host/include/asm/pgtable.h).
# Paths are relative to the repository root; output goes to build/host/.
#
#   make host-pkmap-tests   check kunmap_atomic's build-time type check,
#                           then build and run build/host/test_pkmap

HOST_CC ?= gcc
PKMAP_BUILD ?= build/host
PKMAP_SRCS := tests/host/test_pkmap.c tests/host/harness.c tests/host/shim.c tests/host/printk.c \
	mm/highmem.c kernel/wait.c kernel/sched.c
PKMAP_HDRS := $(wildcard include/linux/*.h include/asm/*.h tests/host/*.h \
	tests/host/include/*/*.h)
PKMAP_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -fno-omit-frame-pointer \
	-fno-strict-aliasing -DCONFIG_DEBUG=1 -Itests/host/include -Iinclude -Iarch/arm/include
PKMAP_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all

$(PKMAP_BUILD)/test_pkmap: $(PKMAP_SRCS) $(PKMAP_HDRS) tests/host/pkmap.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(PKMAP_CFLAGS) $(PKMAP_SAN) -o $@ $(PKMAP_SRCS)

# kunmap_atomic(page) must be a build error, kunmap_atomic(addr) not.
PKMAP_BUILD_BUG := tests/host/build_bug_kunmap_atomic.c

.PHONY: host-pkmap-tests pkmap-build-bug-check
pkmap-build-bug-check: $(PKMAP_BUILD_BUG) $(PKMAP_HDRS)
	@mkdir -p $(PKMAP_BUILD)
	$(HOST_CC) $(PKMAP_CFLAGS) -fsyntax-only $(PKMAP_BUILD_BUG)
	! $(HOST_CC) $(PKMAP_CFLAGS) -fsyntax-only -DPASS_PAGE $(PKMAP_BUILD_BUG) \
		2>$(PKMAP_BUILD)/build_bug_kunmap_atomic.log
	grep -q __same_type $(PKMAP_BUILD)/build_bug_kunmap_atomic.log
	@echo "ok - kunmap_atomic(struct page *) is a build error"

host-pkmap-tests: pkmap-build-bug-check $(PKMAP_BUILD)/test_pkmap
	$(PKMAP_BUILD)/test_pkmap
