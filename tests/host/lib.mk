# Host unit tests and fuzzing for the boot-information and library code:
# lib/vsprintf.c, lib/cmdline.c, drivers/of/fdt.c with the drivers whose
# match tables the boot scan reads, arch/arm/kernel/atags.c and
# machines.c, built natively with ASan/UBSan (included by the top-level
# Makefile; paths are relative to the repository root).
#
#   make host-lib-tests       build and run build/host/test_{vsprintf,
#                             cmdline,fdt,atags,machines}, one per subject
#   make fuzz-fdt-smoke       a bounded libFuzzer run on early_init_dt_scan
#
# The kernel sources are compiled with vsnprintf/snprintf/scnprintf renamed
# to kern_*, so the tests can compare them with the host C library's.
# Every test links the same kernel objects, the shared harness and printk
# (tests/host/harness.c, printk.c) and the device tree builder
# (fdt_builder.c).

HOST_CC ?= gcc
HOST_FUZZ_CC ?= clang
QEMU_ARM ?= qemu-system-arm
DTC ?= dtc

HOSTLIB_OUT := build/host
# The drivers are there for their match tables (linux/of.h); what else
# they call is stubbed (driver_stubs.c) and fails a test that reaches it.
HOSTLIB_DRIVERS := drivers/tty/serial/amba-pl011.c drivers/irqchip/irq-gic.c \
	$(wildcard drivers/clocksource/*.c)
HOSTLIB_SRCS := lib/vsprintf.c lib/cmdline.c drivers/of/fdt.c \
	arch/arm/kernel/atags.c arch/arm/kernel/machines.c $(HOSTLIB_DRIVERS)
HOSTLIB_HDRS := $(wildcard include/linux/*.h include/asm/*.h tests/host/*.h)
HOSTLIB_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
HOSTLIB_CFLAGS := -O1 -g -Wall -Wextra -Wno-unused-parameter -Itests/host/include -Iinclude -Iarch/arm/include
HOSTLIB_RENAME := -Dvsnprintf=kern_vsnprintf -Dsnprintf=kern_snprintf \
	-Dscnprintf=kern_scnprintf
# Objects in their own directory: other host fragments build the same
# sources with other flags.
HOSTLIB_OBJDIR := $(HOSTLIB_OUT)/libtest
HOSTLIB_KOBJS := $(patsubst %.c,$(HOSTLIB_OBJDIR)/%.o,$(HOSTLIB_SRCS))
HOSTLIB_SUBJECTS := vsprintf cmdline fdt atags machines
HOSTLIB_TESTS := $(addprefix $(HOSTLIB_OUT)/test_,$(HOSTLIB_SUBJECTS))
HOSTLIB_SUPPORT := tests/host/harness.c tests/host/printk.c \
	tests/host/fdt_builder.c tests/host/driver_stubs.c
HOSTLIB_DTBS := $(addprefix $(HOSTLIB_OUT)/,virt.dtb virt-args.dtb \
	virt-packed.dtb vexpress-v2p-ca9.dtb vexpress-v2p-ca15.dtb)

.PHONY: host-lib-tests host-lib-tests-build fuzz-fdt-smoke

# Every binary runs even if one fails; each prints "N passed, N failed".
host-lib-tests: host-lib-tests-build
	@status=0; for t in $(HOSTLIB_TESTS); do \
		echo "== $$t"; $$t $(HOSTLIB_OUT) || status=1; \
	done; exit $$status

host-lib-tests-build: $(HOSTLIB_TESTS) $(HOSTLIB_DTBS)

$(HOSTLIB_OBJDIR)/%.o: %.c $(HOSTLIB_HDRS) tests/host/lib.mk
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOSTLIB_CFLAGS) $(HOSTLIB_SAN) $(HOSTLIB_RENAME) -c $< -o $@

$(HOSTLIB_OUT)/test_%: tests/host/test_%.c $(HOSTLIB_SUPPORT) \
		$(HOSTLIB_KOBJS) $(HOSTLIB_HDRS)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOSTLIB_CFLAGS) $(HOSTLIB_SAN) $< $(HOSTLIB_SUPPORT) \
		$(HOSTLIB_KOBJS) -o $@

# QEMU's own virt tree, plain and with a command line and an initrd of
# exactly 1000 bytes (the test checks both), plus a copy without the 1 MiB
# padding for the corruption tests and the fuzzer's corpus.
$(HOSTLIB_OUT)/virt.dtb:
	@mkdir -p $(dir $@)
	$(QEMU_ARM) -M virt,dumpdtb=$@ -cpu cortex-a15 -m 1024 -nographic \
		-nic none >/dev/null 2>&1

$(HOSTLIB_OUT)/virt-args.dtb:
	@mkdir -p $(dir $@)
	head -c 4096 /dev/zero >$(HOSTLIB_OUT)/dummy-kernel.bin
	head -c 1000 /dev/zero >$(HOSTLIB_OUT)/dummy-initrd.img
	$(QEMU_ARM) -M virt,dumpdtb=$@ -cpu cortex-a15 -m 1024 -nographic \
		-nic none -kernel $(HOSTLIB_OUT)/dummy-kernel.bin \
		-initrd $(HOSTLIB_OUT)/dummy-initrd.img \
		-append 'console=ttyAMA0 vmalloc=256M hikern.test="a b"' \
		>/dev/null 2>&1

$(HOSTLIB_OUT)/virt-packed.dtb: $(HOSTLIB_OUT)/virt.dtb
	$(DTC) -q -I dtb -O dtb -o $@ $<

$(HOSTLIB_OUT)/%.dtb: tests/dts/%.dts
	@mkdir -p $(dir $@)
	$(DTC) -q -I dts -O dtb -o $@ $<

# libFuzzer on early_init_dt_scan(), seeded with the trees above; bounded
# so it fits in a test run (about 5 s). The tally line is for
# scripts/run-tests.py, which counts every host target's.
HOSTLIB_FUZZ := $(HOSTLIB_OUT)/fuzz_fdt
HOSTLIB_FUZZ_CORPUS := $(HOSTLIB_OUT)/fuzz-fdt-corpus
HOSTLIB_FUZZ_SRCS := tests/host/fuzz_fdt.c drivers/of/fdt.c lib/vsprintf.c \
	arch/arm/kernel/atags.c $(HOSTLIB_DRIVERS) tests/host/driver_stubs.c \
	tests/host/printk.c

$(HOSTLIB_FUZZ): $(HOSTLIB_FUZZ_SRCS) $(HOSTLIB_HDRS) tests/host/lib.mk
	@mkdir -p $(dir $@)
	$(HOST_FUZZ_CC) $(HOSTLIB_CFLAGS) -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all $(HOSTLIB_RENAME) \
		$(HOSTLIB_FUZZ_SRCS) -o $@

fuzz-fdt-smoke: $(HOSTLIB_FUZZ) $(HOSTLIB_OUT)/virt-packed.dtb \
		$(HOSTLIB_OUT)/vexpress-v2p-ca9.dtb \
		$(HOSTLIB_OUT)/vexpress-v2p-ca15.dtb
	@mkdir -p $(HOSTLIB_FUZZ_CORPUS)
	cp $(filter %.dtb,$^) $(HOSTLIB_FUZZ_CORPUS)/
	@if $(HOSTLIB_FUZZ) -runs=100000 -max_len=16384 -seed=1 \
		-max_total_time=60 $(HOSTLIB_FUZZ_CORPUS); then \
		echo "fuzz_fdt: 1 passed, 0 failed"; \
	else \
		echo "fuzz_fdt: 0 passed, 1 failed"; exit 1; \
	fi
