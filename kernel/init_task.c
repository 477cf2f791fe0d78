/* The boot task: its stack (used from head.S on) and its thread_info. */
#include <asm/thread_info.h>
#include <linux/compiler.h>
#include <linux/sched.h>

union thread_union init_thread_union __section(".data..init_task")
	__aligned(THREAD_SIZE) = {
		.thread_info = { .comm = "swapper/0", .task = &init_task },
	};
