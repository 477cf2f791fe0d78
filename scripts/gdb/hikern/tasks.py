# lx-ps: the tasks of kernel/sched/core.c's task_list, with the CPU each
# one belongs to and the task each online CPU is running.
import gdb

from hikern import utils
from hikern.utils import u32


def task_state_char(state):
    """As kernel/sched/core.c's task_state_char (ps's letters)."""
    if state == 0:
        return "R"
    if state & 2:
        return "D"
    if state & 1:
        return "S"
    return "X"


def tasks():
    return utils.list_for_each_entry(utils.sym("task_list"),
                                     "struct task_struct", "tasks")


class LxPs(utils.Command):
    """Dump the kernel's tasks: lx-ps

TASK (the task_struct), PID, COMM as Linux's lx-ps, then the state
(R running or runnable, S, D, X), the CPU whose runqueue has the task
and, marked with *, the task each online CPU is running now."""

    needs = "mmu"

    def __init__(self):
        super().__init__("lx-ps")

    def run(self, arg):
        if u32(utils.sym("task_list")["next"]) == \
                u32(utils.sym("task_list").address):
            raise utils.NotReady("hikern: lx-ps needs sched_init() to have "
                                 "run (no task yet); stopped at %s"
                                 % utils.where())
        rqs = utils.sym("runqueues")
        on_cpu = {}
        for cpu in utils.online_cpus():
            cur = u32(rqs[cpu]["curr"])
            if cur:
                on_cpu[cur] = cpu
        gdb.write("%10s %5s  %-16s %2s %3s\n" % ("TASK", "PID", "COMM", "ST",
                                                 "CPU"))
        for t in tasks():
            addr = u32(t)
            gdb.write("0x%08x %5d  %-16s %2s %3d%s\n"
                      % (addr, int(t["pid"]), t["comm"].string(),
                         task_state_char(int(t["state"])), u32(t["cpu"]),
                         " *" if addr in on_cpu else ""))


def register():
    LxPs()
