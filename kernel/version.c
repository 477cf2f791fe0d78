/*
 * kernel/version.c: the banner start_kernel() prints first, as Linux's
 * init/version.c. It is a variable, not a literal inside start_kernel(),
 * so that a debugger can read it (lx-version, scripts/gdb/).
 */
#include <linux/init.h>

#define HIKERN_VERSION "0.1"

/* "hikern version 0.1 (arm-none-eabi-gcc 12.2.1 ...) #1 Jan  1 2025" */
const char linux_banner[] =
	"hikern version " HIKERN_VERSION " (arm-none-eabi-gcc " __VERSION__
	") #1 " __DATE__ "\n";
