/*
 * tests/host/fuzz_buddy.c: libFuzzer target for the buddy allocator.
 * The allocator is booted once on a 16 MB layout with a hole, odd
 * reservations and an unaligned HighMem boundary; each input is an
 * operation sequence for the reference model (model_run_ops), after
 * which everything is freed and the allocator must be back in its boot
 * state exactly. Any failed check aborts, which libFuzzer reports.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "model.h"
#include "shim.h"

static struct model M;

void check_failed(const char *file, int line, const char *cond, const char *fmt,
		  ...)
{
	va_list args;

	fprintf(stderr, "%s:%d: check failed: %s: ", file, line, cond);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	shim_quiet = true;
	fake_ram_boot(&layout_small);
	model_init(&M, &layout_small);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	shim_log_clear();
	model_run_ops(&M, data, size);
	model_release_all(&M);
	return 0;
}
