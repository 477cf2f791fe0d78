/*
 * kernel/console/cmd_sched.c: the console's scheduler command, taskset:
 * see and change which CPUs a kernel thread may run on, with util-linux's
 * `taskset -pc [LIST] PID` wording. It drives set_cpus_allowed_ptr()
 * (kernel/sched/core.c), so `ps` before and after shows a thread move.
 */
#include <hikern/console.h>
#include <linux/cmdline.h>
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <string.h>

/* "0-3", "1", "0,2-3": the CPUs in @s, each below NR_CPUS. */
static bool parse_cpulist(const char *s, struct cpumask *mask)
{
	cpumask_clear(mask);
	while (*s) {
		char *end;
		unsigned long lo = simple_strtoull(s, &end, 10), hi = lo;

		if (end == s)
			return false;
		if (*end == '-') {
			s = end + 1;
			hi = simple_strtoull(s, &end, 10);
			if (end == s)
				return false;
		}
		if (lo > hi || hi >= NR_CPUS)
			return false;
		for (unsigned long cpu = lo; cpu <= hi; cpu++)
			cpumask_set_cpu(cpu, mask);
		if (*end == ',' && end[1])
			end++;
		else if (*end)
			return false;
		s = end;
	}
	return !cpumask_empty(mask);
}

/*
 * The online CPUs of @mask as a list, "0-3" or "0,2", as taskset -c prints
 * what sched_getaffinity() gives (Linux: the mask and the active CPUs).
 */
static void print_cpulist(const char *what, int pid, const struct cpumask *mask)
{
	struct cpumask m = { mask->bits & cpu_online_mask->bits };
	char buf[4 * NR_CPUS + 1];
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned int last = cpu;

		if (!cpumask_test_cpu(cpu, &m))
			continue;
		while (last + 1 < NR_CPUS && cpumask_test_cpu(last + 1, &m))
			last++;
		len += snprintf(buf + len, sizeof(buf) - len,
				last > cpu ? "%s%u-%u" : "%s%u", len ? "," : "",
				cpu, last);
		cpu = last;
	}
	pr_info("pid %d's %s affinity list: %s\n", pid, what, buf);
}

static int cmd_taskset(int argc, char **argv)
{
	struct task_struct *p;
	struct cpumask mask;
	unsigned long pid;
	int err = 0;

	if (argc < 2 || argc > 3 || !console_parse_ulong(argv[1], &pid) ||
	    pid > 0x7fffffffUL)
		return CMD_USAGE;
	if (argc == 3 && !parse_cpulist(argv[2], &mask)) {
		pr_err("taskset: failed to parse CPU list: %s\n", argv[2]);
		return CMD_FAILED;
	}
	p = find_get_task_by_vpid((int)pid);
	if (!p) {
		pr_err("taskset: failed to get pid %lu's affinity: No such "
		       "process\n",
		       pid);
		return CMD_FAILED;
	}
	print_cpulist("current", p->pid, &p->cpus_mask);
	if (argc == 3) {
		err = set_cpus_allowed_ptr(p, &mask);
		if (err)
			pr_err("taskset: failed to set pid %d's affinity: "
			       "Invalid argument\n",
			       p->pid);
		else
			print_cpulist("new", p->pid, &p->cpus_mask);
	}
	put_task_struct(p);
	return err ? CMD_FAILED : 0;
}
CONSOLE_CMD(taskset, "PID [CPULIST]",
	    "show or set the CPUs a thread may run on (ps shows it move)",
	    cmd_taskset, CMD_LOGGED);
