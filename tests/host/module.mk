# tests/host/module.mk: the host-native libFuzzer target of the module
# loader's ELF parser and ARM relocator (tests/host/fuzz_module.c), with
# ASan/UBSan. Included by the top-level Makefile.
#
#   make fuzz-module-smoke    a bounded run, part of make test
#   make fuzz-module          a long run (FUZZ_SECONDS, default 600)
#
# The corpus starts from every module `make` builds; the inputs in
# tests/host/fuzz-module-regressions/ (crashes the fuzzer once found, now
# fixed) are run every time too.

HOSTMOD_OUT := build/host
HOSTMOD_FUZZ := $(HOSTMOD_OUT)/fuzz_module
HOSTMOD_CORPUS := $(HOSTMOD_OUT)/fuzz-module-corpus
HOSTMOD_REGRESSIONS := tests/host/fuzz-module-regressions
HOSTMOD_SRCS := tests/host/fuzz_module.c kernel/module_elf.c \
	arch/arm/kernel/module.c tests/host/printk.c
HOSTMOD_CFLAGS := -O1 -g -Wall -Wextra -Wno-unused-parameter \
	-Itests/host/include -Iinclude -Iarch/arm/include -DCONFIG_DEBUG=0

$(HOSTMOD_FUZZ): $(HOSTMOD_SRCS) $(wildcard include/linux/*.h) tests/host/module.mk
	@mkdir -p $(dir $@)
	$(HOST_FUZZ_CC) $(HOSTMOD_CFLAGS) -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all $(HOSTMOD_SRCS) -o $@

# The seeds: the modules of the default build (make builds them first).
$(HOSTMOD_CORPUS)/.seeded: | test-modules
	@mkdir -p $(HOSTMOD_CORPUS)
	cp $(O)/modules/*.ko $(O)/tests/modules/*.ko $(HOSTMOD_CORPUS)/
	@touch $@

fuzz-module-smoke: $(HOSTMOD_FUZZ) $(HOSTMOD_CORPUS)/.seeded
	@if $(HOSTMOD_FUZZ) -runs=200000 -max_len=65536 -seed=1 \
		-max_total_time=60 $(HOSTMOD_CORPUS) $(HOSTMOD_REGRESSIONS); then \
		echo "fuzz_module: 1 passed, 0 failed"; \
	else \
		echo "fuzz_module: 0 passed, 1 failed"; exit 1; \
	fi

fuzz-module: $(HOSTMOD_FUZZ) $(HOSTMOD_CORPUS)/.seeded
	$(HOSTMOD_FUZZ) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		$(HOSTMOD_CORPUS) $(HOSTMOD_REGRESSIONS)

.PHONY: fuzz-module-smoke fuzz-module
