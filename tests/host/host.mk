# tests/host/host.mk: host builds of the architecture-independent mm code
# (the buddy allocator, memblock, the reports) with ASan and UBSan, their
# tests and a libFuzzer target. Included by the top-level Makefile; every
# path is relative to the repository root. Everything lands in build/host/.
#
#   make host-tests   build and run test_buddy and test_memblock
#   make fuzz-smoke   a bounded libFuzzer run (seconds), for make test
#   make fuzz         a long libFuzzer run (FUZZ_SECONDS, default 600)

HOST_CC ?= gcc
FUZZ_CC ?= clang
HOST_BUILD := build/host
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_RUNS ?= 200000

# The arch-independent sources under test, and the host stand-ins.
HOST_MM_SRCS := mm/page_alloc.c mm/memblock.c mm/show_mem.c
HOST_SHIM_SRCS := tests/host/shim.c tests/host/printk.c tests/host/model.c
HOST_HDRS := $(wildcard include/linux/*.h include/asm/*.h mm/*.h \
		tests/host/*.h)

# tests/host/include comes first so host stubs can shadow arch headers.
HOST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -fno-omit-frame-pointer \
	-fno-strict-aliasing -Itests/host/include -Iinclude -Iarch/arm/include
HOST_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all

# The unit tests poison mem_map as debug kernels do (mm/memblock.c), so a
# struct page used before it is initialised fails them; the fuzzer does
# not, as it boots once per input.
HOST_TEST_CFLAGS := $(HOST_CFLAGS) -DMEMBLOCK_POISON_RAW=1

$(HOST_BUILD)/test_buddy: tests/host/test_buddy.c tests/host/harness.c \
		$(HOST_SHIM_SRCS) $(HOST_MM_SRCS) $(HOST_HDRS)
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_TEST_CFLAGS) $(HOST_SAN) -o $@ tests/host/test_buddy.c \
		tests/host/harness.c $(HOST_SHIM_SRCS) $(HOST_MM_SRCS) -lm

$(HOST_BUILD)/test_memblock: tests/host/test_memblock.c tests/host/harness.c \
		$(HOST_SHIM_SRCS) $(HOST_MM_SRCS) $(HOST_HDRS)
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_TEST_CFLAGS) $(HOST_SAN) -o $@ tests/host/test_memblock.c \
		tests/host/harness.c $(HOST_SHIM_SRCS) $(HOST_MM_SRCS)

# Coverage feedback only for the code under test (and the target): the
# model and shim are the oracle, and instrumenting their page-by-page
# scans would slow every run several times over.
$(HOST_BUILD)/fuzz_buddy: tests/host/fuzz_buddy.c $(HOST_SHIM_SRCS) \
		$(HOST_MM_SRCS) $(HOST_HDRS)
	@mkdir -p $(HOST_BUILD)/fuzz-oracle
	$(FUZZ_CC) $(HOST_CFLAGS) $(HOST_SAN) -c tests/host/model.c \
		-o $(HOST_BUILD)/fuzz-oracle/model.o
	$(FUZZ_CC) $(HOST_CFLAGS) $(HOST_SAN) -c tests/host/shim.c \
		-o $(HOST_BUILD)/fuzz-oracle/shim.o
	$(FUZZ_CC) $(HOST_CFLAGS) $(HOST_SAN) -c tests/host/printk.c \
		-o $(HOST_BUILD)/fuzz-oracle/printk.o
	$(FUZZ_CC) $(HOST_CFLAGS) -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -o $@ tests/host/fuzz_buddy.c \
		$(HOST_MM_SRCS) $(HOST_BUILD)/fuzz-oracle/model.o \
		$(HOST_BUILD)/fuzz-oracle/shim.o \
		$(HOST_BUILD)/fuzz-oracle/printk.o

.PHONY: host-tests fuzz-smoke fuzz
host-tests: $(HOST_BUILD)/test_buddy $(HOST_BUILD)/test_memblock
	$(HOST_BUILD)/test_buddy
	$(HOST_BUILD)/test_memblock

# A fresh corpus each time keeps the smoke run reproducible (-seed).
fuzz-smoke: $(HOST_BUILD)/fuzz_buddy
	rm -rf $(HOST_BUILD)/fuzz-smoke-corpus
	mkdir -p $(HOST_BUILD)/fuzz-smoke-corpus
	$(HOST_BUILD)/fuzz_buddy -seed=1 -runs=$(FUZZ_SMOKE_RUNS) -max_len=768 \
		$(HOST_BUILD)/fuzz-smoke-corpus
	@echo "fuzz_buddy: 1 passed, 0 failed"

fuzz: $(HOST_BUILD)/fuzz_buddy
	mkdir -p $(HOST_BUILD)/fuzz-corpus
	$(HOST_BUILD)/fuzz_buddy -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		$(HOST_BUILD)/fuzz-corpus
