# tests/host/slab.mk: host builds of the slab allocator (mm/slab.c) on the
# real buddy allocator over fake RAM, with ASan and UBSan, and its test.
# Reuses host.mk's shim, harness and fake RAM (model.c). Paths are
# relative to the repository root; output goes to build/host/.
#
#   make host-slab-tests   build test_slab with CONFIG_DEBUG=1 and =0,
#                          run both, end with one "slab: N passed, N failed"

HOST_CC ?= gcc
SLAB_BUILD ?= build/host
SLAB_SRCS := tests/host/test_slab.c tests/host/harness.c tests/host/shim.c tests/host/printk.c \
	tests/host/model.c mm/slab.c mm/page_alloc.c mm/memblock.c mm/show_mem.c
SLAB_HDRS := $(wildcard include/linux/*.h include/asm/*.h mm/*.h \
	tests/host/*.h tests/host/include/*/*.h tests/host/slab-include/*/*.h)
# slab-include first: its asm/memory.h moves PAGE_OFFSET to the fake RAM.
SLAB_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter \
	-fno-omit-frame-pointer -fno-strict-aliasing \
	-Itests/host/slab-include -Itests/host/include -Iinclude -Iarch/arm/include
SLAB_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all

$(SLAB_BUILD)/test_slab: $(SLAB_SRCS) $(SLAB_HDRS) tests/host/slab.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(SLAB_CFLAGS) $(SLAB_SAN) -DCONFIG_DEBUG=1 -o $@ $(SLAB_SRCS) -lm

$(SLAB_BUILD)/test_slab_nodebug: $(SLAB_SRCS) $(SLAB_HDRS) tests/host/slab.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(SLAB_CFLAGS) $(SLAB_SAN) -DCONFIG_DEBUG=0 -o $@ $(SLAB_SRCS) -lm

# Both builds run; their tallies are summed into the one line the test
# runner reads, and any failure fails the target.
.PHONY: host-slab-tests
host-slab-tests: $(SLAB_BUILD)/test_slab $(SLAB_BUILD)/test_slab_nodebug
	@status=0; for t in $^; do \
		$$t > $$t.out 2>&1 || status=1; cat $$t.out; \
	done; \
	cat $(addsuffix .out,$^) | awk '/^[0-9]+ passed, [0-9]+ failed/ \
		{ p += $$1; f += $$3 } END { printf "slab: %d passed, %d failed\n", p, f }'; \
	exit $$status
