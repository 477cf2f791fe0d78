#!/usr/bin/env python3
"""Drive the kernel's serial console shell as a user does, and check it.

Boots the same QEMU command `make run` uses (scripts/qemu.sh, console on
stdio), waits for each prompt, types a command, and checks the reply
against what the kernel computed elsewhere in the same session (the
Memory line of the boot log, the pfn `alloc` printed, the PTE `kmap`
printed). Every wait has a timeout; reaching one is a failure.

    python3 scripts/console-test.py [--machine virt] [--mem 1024]

Prints one "ok"/"FAIL" line per check and "N passed, N failed"; the
full session is kept in build/test-logs/console-<machine>.log. Also
called by scripts/run-tests.py (run_console()).
"""

import argparse
import os
import re
import select
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPT = b"hikern# "
BOOT_TIMEOUT = 60
CMD_TIMEOUT = 60


class Session:
    def __init__(self, machine, mem, append="", qemu_opts=()):
        # qemu_opts: what `make run QEMU_OPTS=...` passes to qemu.sh.
        self.proc = subprocess.Popen(
            ["sh", os.path.join(ROOT, "scripts", "qemu.sh"), machine,
             str(mem), append] + list(qemu_opts),
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True)
        self.out = b""

    def read_until(self, pattern, start, timeout):
        """Read until pattern appears after offset start; False on timeout
        or end of output."""
        end = time.time() + timeout
        while pattern not in self.out[start:]:
            left = end - time.time()
            if left <= 0:
                return False
            r, _, _ = select.select([self.proc.stdout], [], [], min(left, 0.5))
            if r:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    return False
                self.out += chunk
        return True

    def boot(self):
        return self.read_until(PROMPT, 0, BOOT_TIMEOUT)

    def cmd(self, line, expect_prompt=True):
        """Type line; returns its reply (the text between the echoed line
        and the next prompt), or None on timeout."""
        start = len(self.out)
        self.proc.stdin.write(line.encode() + b"\r")
        self.proc.stdin.flush()
        if not expect_prompt:
            return None
        if not self.read_until(PROMPT, start, CMD_TIMEOUT):
            return None
        text = self.out[start:].decode(errors="replace").replace("\r\n", "\n")
        text = text[:text.rfind(PROMPT.decode())]
        first_nl = text.find("\n")  # the echo of the line itself
        return text[first_nl + 1:] if first_nl >= 0 else ""

    def wait_exit(self, timeout):
        end = time.time() + timeout
        while self.proc.poll() is None and time.time() < end:
            r, _, _ = select.select([self.proc.stdout], [], [], 0.5)
            if r:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if chunk:
                    self.out += chunk
        return self.proc.poll()

    def kill(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, 9)
            self.proc.wait()

    def log(self):
        return self.out.decode(errors="replace").replace("\r\n", "\n")


def meminfo_fields(reply):
    return {m.group(1): int(m.group(2))
            for m in re.finditer(r"^(\w+):\s+(\d+) kB$", reply or "", re.M)}


def check_session(s, add, machine):
    """The checks; add(name, ok, detail) records each."""
    boot = s.log()
    mem = re.search(r"Memory: (\d+)K/\d+K available .*, (\d+)K highmem\)",
                    boot)
    add("boot-memory-line", mem is not None, "no Memory line")

    r = s.cmd("meminfo")
    f = meminfo_fields(r)
    need = ["MemTotal", "MemFree", "HighTotal", "HighFree", "LowTotal",
            "LowFree", "Slab", "PageTables", "VmallocTotal", "VmallocUsed"]
    add("meminfo-fields", all(k in f for k in need), repr(r))
    if all(k in f for k in need) and mem:
        add("meminfo-total=low+high",
            f["MemTotal"] == f["LowTotal"] + f["HighTotal"], repr(f))
        add("meminfo-free=low+high",
            f["MemFree"] == f["LowFree"] + f["HighFree"], repr(f))
        add("meminfo-vs-Memory-line",
            f["MemTotal"] == int(mem.group(1)) and
            f["HighTotal"] == int(mem.group(2)),
            "meminfo %r vs Memory line %s" % (f, mem.group(0)))
        add("meminfo-free<=total", f["HighFree"] <= f["HighTotal"] and
            f["LowFree"] <= f["LowTotal"], repr(f))

    r = s.cmd("alloc 0 high")
    m = re.search(r"pfn 0x([0-9a-f]+)-0x[0-9a-f]+ \(1 pages, (\w+)", r or "")
    add("alloc-high", m is not None and m.group(2) == "HighMem", repr(r))
    if not m:
        return
    pfn = int(m.group(1), 16)
    normal = re.search(r"Normal +\[mem 0x([0-9a-f]+)-0x([0-9a-f]+)\]", boot)
    add("alloc-high-pfn-above-Normal-zone", normal is not None and
        pfn << 12 > int(normal.group(2), 16), repr(r))
    low_pfn = int(normal.group(1), 16) >> 12 if normal else 0

    r = s.cmd("kmap 0x%x" % pfn)
    m = re.search(r"kmap: pfn 0x[0-9a-f]+ -> 0x([0-9a-f]+)", r or "")
    slot = re.search(r"pkmap slot +(\d+): 0x([0-9a-f]+) count (\d+) \(\d+ users\)"
                     r" pfn 0x([0-9a-f]+) pte 0x([0-9a-f]+)", r or "")
    pkmap_base = 0xc0000000 - 2 * 1024 * 1024
    ok = (m is not None and slot is not None and
          pkmap_base <= int(m.group(1), 16) < 0xc0000000)
    add("kmap-in-pkmap-window", ok, repr(r))
    if not ok:
        return
    vaddr = int(m.group(1), 16)
    count1 = int(slot.group(3))
    pte = int(slot.group(5), 16)
    add("kmap-slot-is-pfn", int(slot.group(4), 16) == pfn and
        pte >> 12 == pfn and int(slot.group(2), 16) == vaddr and count1 >= 2,
        repr(r))

    r = s.cmd("pagewalk 0x%x" % vaddr)
    l2 = re.search(r"L2 \[0x[0-9a-f]+\] index \d+: 0x([0-9a-f]+) small page: "
                   r"pfn 0x([0-9a-f]+)", r or "")
    add("pagewalk-shows-pte", l2 is not None and int(l2.group(1), 16) == pte
        and int(l2.group(2), 16) == pfn and
        ("[%08x] *pgd=" % vaddr) in r, repr(r))

    r = s.cmd("pkmap")
    line = re.search(r"pkmap slot +%s: 0x%08x count (\d+)" %
                     (slot.group(1), vaddr), r or "")
    add("pkmap-lists-slot", line is not None and
        int(line.group(1)) == count1, repr(r))

    r = s.cmd("kmap 0x%x" % pfn)
    again = re.search(r"-> 0x([0-9a-f]+).*\n.*count (\d+)", r or "")
    add("kmap-again-same-address-count-up", again is not None and
        int(again.group(1), 16) == vaddr and
        int(again.group(2)) == count1 + 1, repr(r))

    for expect in (count1, count1 - 1):
        r = s.cmd("kunmap 0x%x" % pfn)
        c = re.search(r"count (\d+)", r or "")
        add("kunmap-count-%d" % expect, c is not None and
            int(c.group(1)) == expect, repr(r))
    r = s.cmd("kunmap 0x%x" % pfn)
    add("kunmap-unbalanced-refused", r is not None and
        len(r.strip().splitlines()) == 1 and "refused" in r, repr(r))

    r = s.cmd("kmap_atomic 0x%x" % pfn)
    sl = re.search(r"CPU0 slot +\d+ \(fixmap index +\d+\): 0x([0-9a-f]+) pte "
                   r"0x([0-9a-f]+) pfn 0x([0-9a-f]+)", r or "")
    add("kmap_atomic-slot", sl is not None and int(sl.group(3), 16) == pfn and
        int(sl.group(2), 16) >> 12 == pfn and
        "pte now 0x00000000" in r, repr(r))

    r = s.cmd("free 0x%x 0" % pfn)
    add("free", r is not None and "freed" in r, repr(r))

    # Bad input: one line each, and the prompt comes back.
    bad = ["nosuchcommand", "alloc 11", "alloc x", "kmap 0x1", "kmap 0xffffff",
           "kmap 0x%x" % low_pfn, "free 0x%x 0" % pfn,
           "kunmap 0x%x" % pfn, "pagewalk", "free 1 2 3"]
    for b in bad:
        r = s.cmd(b)
        add("bad-input[%s]" % b, r is not None and
            len(r.strip().splitlines()) == 1 and "BUG" not in r, repr(r))

    r = s.cmd("fixmap")
    add("fixmap-every-cpu", r is not None and
        all(("CPU%d: 0 of 16 kmap_atomic slots in use" % c) in r
            for c in range(4)), repr(r))
    r = s.cmd("ps")
    add("ps", r is not None and re.search(r"\[console\]", r) is not None and
        re.search(r"\[swapper/0\]", r) is not None, repr(r))
    # Memory is Shareable on SMP hardware (is_smp(), arch/arm/mm/mmu.c):
    # the Cortex-A15 of virt and vexpress-a15; not vexpress-a9's lone A9.
    shd = "SHD" if machine != "vexpress-a9" else "   "
    r = s.cmd("ptdump")
    add("ptdump", r is not None and "---[ Kernel Mapping ]---" in r and
        re.search(r"0xc0200000-0x[0-9a-f]+ +\d+M +RW NX %s MEM/CACHED/WBWA "
                  r"section" % shd, r) is not None and
        re.search(r"ro x  %s MEM/CACHED/WBWA page" % shd, r) is not None,
        repr(r))
    r = s.cmd("dmesg")
    add("dmesg", r is not None and "Booting Linux on physical CPU" in r and
        "console: shell on ttyAMA0" in r, repr(r)[:200])
    for c in ("buddyinfo", "zoneinfo", "vmallocinfo", "slabinfo", "layout"):
        r = s.cmd(c)
        add(c, r is not None and len(r.strip()) > 0, repr(r))
    # Modules from the initramfs make run passes: load, list, unload.
    r = s.cmd("insmod kmap_example")
    add("insmod", r is not None and re.search(
        r"\[\*\]unsigned int \*KMAP_int: +Address: 0xbf[ef][0-9a-f]{5}", r)
        is not None, repr(r))
    r = s.cmd("lsmod")
    add("lsmod", r is not None and re.search(
        r"^kmap_example \d+ 0 - Live 0xbf[0-9a-f]{6}$", r, re.M) is not None,
        repr(r))
    r = s.cmd("rmmod kmap_example")
    add("rmmod", r is not None and "kmap example exit" in r, repr(r))
    r = s.cmd("lsmod")
    add("lsmod-after-rmmod", r is not None and "kmap_example" not in r,
        repr(r))
    r = s.cmd("rmmod kmap_example")
    add("rmmod-not-loaded", r is not None and len(r.strip().splitlines()) == 1
        and "is not currently loaded" in r, repr(r))
    r = s.cmd("insmod nosuch")
    add("insmod-missing", r is not None and len(r.strip().splitlines()) == 1
        and "not found in the initramfs" in r, repr(r))

    check_taskset(s, add, 1)

    r = s.cmd("test mmu")
    add("test-mmu", r is not None and
        re.search(r"# mmu: pass:\d+ fail:0 ", r) is not None and
        "# Totals:" in r, repr(r)[-300:])
    r = s.cmd("meminfo")
    add("console-after-test", meminfo_fields(r).get("MemTotal") ==
        f.get("MemTotal"), repr(r))

    # Line editing: backspace and Ctrl-U rewrite the line; Ctrl-C drops it.
    r = s.cmd("psx\x7f")
    add("edit-backspace", r is not None and "[console]" in r, repr(r))
    r = s.cmd("garbage\x15ps")
    add("edit-ctrl-u", r is not None and "[console]" in r and
        "not found" not in r, repr(r))
    start = len(s.out)
    s.proc.stdin.write(b"poweroff\x03")
    s.proc.stdin.flush()
    add("edit-ctrl-c", s.read_until(b"^C", start, 10) and
        s.read_until(PROMPT, start, 10), "")
    # History ends meminfo, ps (the second ps repeats it and is not
    # stored; neither is the line abandoned with Ctrl-C): up is ps, up up
    # meminfo (now the last entry); then up up is ps and down meminfo.
    r = s.cmd("\x1b[A")
    add("history-up", r is not None and "[console]" in r, repr(r))
    r = s.cmd("\x1b[A\x1b[A")
    add("history-up-2", r is not None and "MemTotal:" in r, repr(r))
    r = s.cmd("\x1b[A\x1b[A\x1b[B")
    add("history-down", r is not None and "MemTotal:" in r, repr(r))

    check_poweroff(s, add)


def check_poweroff(s, add):
    """poweroff: Linux's line, and QEMU exits with 0."""
    s.cmd("poweroff", expect_prompt=False)
    status = s.wait_exit(30)
    add("poweroff-status-0", status == 0 and "reboot: Power down" in s.log(),
        "exit status %r" % status)


def console_pid(s):
    """The console thread's (pid, CPU) from `ps`; (None, None) if it is
    not listed."""
    m = re.search(r"^\s*(\d+)\s+(\d+)\s+\S+\s+\d+ \[console\]$",
                  s.cmd("ps") or "", re.M)
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def check_taskset(s, add, cpus):
    """taskset on the console thread itself: with one CPU only the
    errors; with two, it moves to CPU 1 (ps shows it there) and back."""
    pid, cpu = console_pid(s)
    add("ps-lists-console", pid is not None, "no [console] line in ps")
    if pid is None:
        return
    r = s.cmd("taskset %d" % pid)
    want = "0" if cpus == 1 else "0-%d" % (cpus - 1)
    add("taskset-shows-online-cpus",
        "pid %d's current affinity list: %s\n" % (pid, want) in (r or ""),
        repr(r))
    r = s.cmd("taskset 99999 0")
    add("taskset-no-such-pid",
        "taskset: failed to get pid 99999's affinity: No such process"
        in (r or ""), repr(r))
    r = s.cmd("taskset %d 9" % pid)
    add("taskset-bad-list", "taskset: failed to parse CPU list: 9" in
        (r or ""), repr(r))
    if cpus == 1:
        # CPU 1 is not online: set_cpus_allowed_ptr() says -EINVAL.
        r = s.cmd("taskset %d 1" % pid)
        add("taskset-offline-cpu-refused",
            "taskset: failed to set pid %d's affinity: Invalid argument"
            % pid in (r or ""), repr(r))
        return
    # Two real moves: to the CPU it is not on, then back.
    for step, dest in (("away", 1 - cpu), ("back", cpu)):
        r = s.cmd("taskset %d %d" % (pid, dest))
        _, now = console_pid(s)
        add("taskset-moves-console-%s" % step, now == dest and
            "pid %d's new affinity list: %d\n" % (pid, dest) in (r or ""),
            "%r, then on CPU %r" % (r, now))


def smp2_checks(s, add, machine):
    """`make run QEMU_OPTS="-smp 2"`: taskset moves the console."""
    check_taskset(s, add, 2)
    check_poweroff(s, add)


def run_session(tag, machine, mem, checks, add, qemu_opts=()):
    """Boot one console session (as make run does), run checks on it, keep
    its log as build/test-logs/console-<tag>.log."""
    s = Session(machine, mem, qemu_opts=qemu_opts)
    try:
        if s.boot():
            checks(s, lambda n, ok, d: add("console-%s-%s" % (tag, n),
                                           bool(ok), d), machine)
        else:
            add("console-%s-boot" % tag, False, "no prompt in %ds" %
                BOOT_TIMEOUT)
    finally:
        s.kill()
        os.makedirs(os.path.join(ROOT, "build", "test-logs"), exist_ok=True)
        with open(os.path.join(ROOT, "build", "test-logs",
                               "console-%s.log" % tag), "w") as f:
            f.write(s.log())


def run(machine="virt", mem=1024, add=None):
    results = []
    add = add or (lambda n, ok, d: results.append((n, ok, d)))
    run_session(machine, machine, mem, check_session, add)
    if machine == "virt":
        run_session("virt-smp2", "virt", mem, smp2_checks, add,
                    qemu_opts=("-smp", "2"))
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--machine", default="virt")
    ap.add_argument("--mem", type=int, default=1024)
    args = ap.parse_args()
    passed = failed = 0
    for name, ok, detail in run(args.machine, args.mem):
        print("%s %s%s" % ("ok  " if ok else "FAIL", name,
                           "" if ok else ": " + detail))
        passed += ok
        failed += not ok
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
