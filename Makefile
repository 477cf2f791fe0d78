# hikern: build, run, test, debug and benchmark.
#
#   make            build build/hikern.elf (symbols) and build/Image (raw)
#   make run        boot the default machine and show the console
#   make test       every test: host unit tests, fuzz smoke, QEMU matrix,
#                   GDB; ends with "N passed, N failed" (T=<suite> for one)
#   make debug      QEMU halted with its gdbstub + gdb-multiarch on the ELF
#   make bench      guest instructions per operation under -icount
#   make stress / make fuzz   the long runs
#
# run/test/debug/bench first install missing tools (scripts/setup.sh).

CROSS_COMPILE ?= arm-none-eabi-
CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
NM := $(CROSS_COMPILE)nm
O ?= build

# Debug checks (CONFIG_DEBUG_HIGHMEM and friends) are on by default; the
# benchmark build turns them off to measure the fast paths.
CONFIG_DEBUG ?= 1

ARCHFLAGS := -march=armv7-a -marm -mfloat-abi=soft
CFLAGS := $(ARCHFLAGS) -std=gnu11 -ffreestanding -fno-common \
	-fno-strict-aliasing -mapcs-frame -fno-omit-frame-pointer \
	-fno-optimize-sibling-calls -O2 -g -Wall -Wextra -Werror \
	-Wno-unused-parameter -Iinclude -Iarch/arm/include \
	-DCONFIG_DEBUG=$(CONFIG_DEBUG) -DCONFIG_KUNIT=1
ASFLAGS := $(ARCHFLAGS) -g -D__ASSEMBLY__ -Iinclude -Iarch/arm/include
# The link drops the sections nothing refers to; linker.ld KEEPs what is
# reached only through bounds symbols. drivers/ compiles each function
# into its own section, so what only the host tests call (the device tree
# accessors) is not in the image. Elsewhere functions stay grouped: with
# every function in its own section, a call to a noreturn function that
# ends one (lkdtm_BUG's BUG()) returns into the next, and the backtrace
# names the wrong caller (arch/arm/kernel/traps.c looks up lr, not lr - 4);
# -fdata-sections would cost the hot paths their shared section anchors
# (alloc_page+__free_page 80 -> 82 instructions).
LDFLAGS := $(ARCHFLAGS) -nostdlib -nostartfiles -T linker.ld \
	-Wl,--no-warn-rwx-segments -Wl,-Map,$(O)/hikern.map \
	-Wl,--gc-sections
LIBS := -Wl,--start-group -lc_nano -lgcc -Wl,--end-group

SRCS := $(wildcard boot/*.S) \
	$(wildcard arch/arm/kernel/*.c arch/arm/kernel/*.S) \
	$(wildcard arch/arm/mm/*.c) \
	$(wildcard mm/*.c) \
	$(wildcard drivers/*/*.c drivers/*/*/*.c) \
	$(wildcard kernel/*.c kernel/locking/*.c kernel/sched/*.c \
		kernel/console/*.c) \
	$(wildcard lib/*.c lib/kunit/*.c) \
	$(wildcard tests/kernel/*.c)
OBJS := $(patsubst %,$(O)/%.o,$(basename $(SRCS)))

# make M=dir builds the modules of an out-of-tree directory (its Kbuild or
# Makefile says obj-m := name.o) into dir/name.ko (MO=outdir elsewhere).
ifneq ($(M),)
.DEFAULT_GOAL := ext-modules
endif

all: $(O)/hikern.elf $(O)/Image $(O)/initramfs.cpio

$(O)/drivers/%.o: CFLAGS += -ffunction-sections

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(O)/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) $(ASFLAGS) -MMD -MP -c $< -o $@

# Two links, as Linux's kallsyms does: the first gives the text addresses,
# the second carries the table (which sits after all text, so moves none).
$(O)/kallsyms0.S: scripts/kallsyms.sh
	@mkdir -p $(O)
	sh scripts/kallsyms.sh $(NM) > $@

$(O)/hikern.tmp.elf: $(OBJS) $(O)/kallsyms0.o linker.ld
	$(CC) $(LDFLAGS) $(OBJS) $(O)/kallsyms0.o $(LIBS) -o $@

$(O)/kallsyms.S: $(O)/hikern.tmp.elf scripts/kallsyms.sh
	sh scripts/kallsyms.sh $(NM) $< > $@

$(O)/hikern.elf: $(OBJS) $(O)/kallsyms.o linker.ld
	$(CC) $(LDFLAGS) $(OBJS) $(O)/kallsyms.o $(LIBS) -o $@
	@sh scripts/check-kallsyms.sh $(NM) $(O)/hikern.tmp.elf $@

$(O)/Image: $(O)/hikern.elf
	$(OBJCOPY) -O binary $< $@

# ---- Modules (kernel/module.c; Documentation/kernel/modules.md) ----
# Compiled with the kernel's own flags (ARM code, frame pointers, no
# PIC: the loader relocates BL/B, MOVW/MOVT and data words) and both
# include directories, -DMODULE; in-tree ones with -Werror as the kernel.
MODCFLAGS := $(ARCHFLAGS) -std=gnu11 -ffreestanding -fno-common \
	-fno-strict-aliasing -mapcs-frame -fno-omit-frame-pointer \
	-fno-optimize-sibling-calls -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-DMODULE -I$(CURDIR)/include -I$(CURDIR)/arch/arm/include \
	-DCONFIG_DEBUG=$(CONFIG_DEBUG)
MODBUILD = $(MAKE) --no-print-directory -f $(CURDIR)/scripts/Makefile.modbuild \
	CC=$(CC) CROSS_COMPILE=$(CROSS_COMPILE)
KERNEL_SYMVERS := $(O)/Module.symvers $(O)/modules/Module.symvers

# The kernel's exports (EXPORT_SYMBOL), for modpost.
$(O)/Module.symvers: $(O)/hikern.elf scripts/modpost.py
	python3 scripts/modpost.py --vmlinux $< --out $@

# The in-tree modules (modules/): the seeds' experiments.
modules: $(O)/Module.symvers
	+@$(MODBUILD) src=modules obj=$(O)/modules KBUILD_INTREE=y \
		MODCFLAGS="$(MODCFLAGS) -Werror" SYMVERS_IN="$(O)/Module.symvers"

# Out-of-tree modules the tests load (tests/modules/), built as make M=
# builds any other directory.
test-modules: modules
	+@$(MODBUILD) src=tests/modules obj=$(O)/tests/modules \
		MODCFLAGS="$(MODCFLAGS) -Werror" SYMVERS_IN="$(KERNEL_SYMVERS)"

MO ?= $(M)
ext-modules: modules
	+@$(MODBUILD) src=$(M) obj=$(MO) MODCFLAGS="$(MODCFLAGS)" \
		SYMVERS_IN="$(KERNEL_SYMVERS) $(KBUILD_EXTRA_SYMBOLS)"

# Every module in a cpio newc archive, debug info stripped as
# INSTALL_MOD_STRIP=1 does; QEMU passes it with -initrd (scripts/qemu.sh).
$(O)/initramfs.cpio: modules test-modules scripts/mkinitramfs.py
	@python3 scripts/mkinitramfs.py --objcopy $(OBJCOPY) -o $@ \
		lib/modules/0.1/kernel=$(O)/modules \
		lib/modules/0.1/extra=$(O)/tests/modules

# Device trees for the vexpress boards (QEMU generates virt's itself).
DTBS := $(patsubst tests/dts/%.dts,$(O)/dts/%.dtb,$(wildcard tests/dts/*.dts))
$(O)/dts/%.dtb: tests/dts/%.dts
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -o $@ $<

dtbs: $(DTBS)

setup:
	@sh scripts/setup.sh

# make run/debug/test take QEMU_OPTS, extra options for every QEMU run
# (make run QEMU_OPTS="-smp 4"); make debug also takes GDB_PORT.
QEMU_MACHINE ?= virt
QEMU_MEM ?= 1024
APPEND ?=
QEMU_OPTS ?=
GDB_PORT ?= 1234
run: setup all
	@sh scripts/qemu.sh $(QEMU_MACHINE) $(QEMU_MEM) "$(APPEND)" $(QEMU_OPTS)

test: setup
	@$(MAKE) --no-print-directory all dtbs
	@$(MAKE) --no-print-directory O=build-nodebug CONFIG_DEBUG=0 all
	@QEMU_OPTS="$(QEMU_OPTS)" python3 scripts/run-tests.py $(if $(T),--suite $(T))

# Benchmarks run the CONFIG_DEBUG=0 build under -icount (scripts/bench.py).
bench: setup
	@$(MAKE) --no-print-directory O=build-bench CONFIG_DEBUG=0 all
	@python3 scripts/bench.py

# Long runs, kept out of make test: every suite on every configuration,
# three rounds (timing of the tick differs between rounds).
stress: setup
	@$(MAKE) --no-print-directory all dtbs
	@$(MAKE) --no-print-directory O=build-nodebug CONFIG_DEBUG=0 all
	@python3 scripts/run-tests.py --stress

debug: setup all
	@QEMU_MACHINE="$(QEMU_MACHINE)" QEMU_MEM="$(QEMU_MEM)" APPEND="$(APPEND)" \
		QEMU_OPTS="$(QEMU_OPTS)" GDB_PORT="$(GDB_PORT)" sh scripts/debug.sh

# Source style: clang-format with the repo's .clang-format (Linux style).
format:
	git ls-files '*.c' '*.h' | xargs clang-format -i

format-check:
	@pass=0; fail=0; \
	for f in $$(git ls-files '*.c' '*.h'); do \
		if clang-format --dry-run -Werror "$$f" >/dev/null 2>&1; then \
			pass=$$((pass + 1)); \
		else fail=$$((fail + 1)); echo "not clang-formatted: $$f"; fi; \
	done; \
	echo "format: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

# Every function exported from mm/ (and the inline API of its headers)
# has a kernel-doc contract directly above it: one line per function.
kernel-doc-check:
	@python3 scripts/check-kernel-doc.py

clean:
	rm -rf $(O) build-bench build-nodebug

-include tests/host/host.mk
-include tests/host/lib.mk
-include tests/host/pkmap.mk
-include tests/host/slab.mk
-include tests/host/module.mk
-include $(OBJS:.o=.d)

# make fuzz (tests/host/host.mk) runs the module loader's fuzzer
# (tests/host/module.mk), then the buddy fuzzer, each for FUZZ_SECONDS.
fuzz: setup fuzz-module

.PHONY: all dtbs setup run test debug bench stress format format-check \
	kernel-doc-check clean modules test-modules ext-modules
