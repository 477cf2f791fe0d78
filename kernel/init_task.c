/*
 * The boot task: its stack (used from head.S on), its thread_info and its
 * task_struct. It runs start_kernel() and then becomes CPU 0's idle task
 * (Linux's init_task, pid 0, "swapper/0").
 */
#include <asm/thread_info.h>
#include <linux/compiler.h>
#include <linux/sched.h>

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.comm = "swapper/0",
	.stack = &init_thread_union.thread_info,
	.usage = 1,
	.nvcsw = 1,
	.time_slice = RR_TIMESLICE,
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.timeout_list = LIST_HEAD_INIT(init_task.timeout_list),
};

union thread_union init_thread_union __section(".data..init_task")
	__aligned(THREAD_SIZE) = {
		.thread_info = { .task = &init_task },
	};
