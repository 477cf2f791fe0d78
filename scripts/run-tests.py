#!/usr/bin/env python3
"""hikern's test runner: `make test` ends here.

It runs, in one tally:
  * the host-native unit tests and fuzz smoke runs (their own
    "N passed, N failed" lines are added to the total);
  * the QEMU matrix: each configuration boots build/Image with a timeout,
    its whole serial log is kept in build/test-logs/<config>.log, the KTAP
    it prints is parsed (every case is one result; a missing case or a
    short plan is a failure), and boots that print the memory layout are
    checked against an independent oracle: Linux's formulas re-implemented
    below, and, where real boards were recorded (Documentation/boards.md),
    those boards' own lines;
  * a GDB session against QEMU's gdbstub.

It prints every result and ends with one line "N passed, N failed"; the
exit status is non-zero on any failure or timeout.
"""
import argparse
import concurrent.futures
import fnmatch
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import dtb_variants

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
LOGS = os.path.join(BUILD, "test-logs")
IMAGE = os.path.join(BUILD, "Image")
ELF = os.path.join(BUILD, "hikern.elf")
NODEBUG_IMAGE = os.path.join(ROOT, "build-nodebug", "Image")
# The initramfs `make` builds next to each Image: every module (kernel/
# module.c); a boot of that Image gets it with -initrd, as make run does.
INITRAMFS = "initramfs.cpio"

RAM_BASE = {"virt": 0x40000000, "vexpress-a9": 0x60000000,
            "vexpress-a15": 0x80000000}
BOARD_ARGS = {
    "virt": ["-M", "virt", "-cpu", "cortex-a15", "-nic", "none"],
    "vexpress-a9": ["-M", "vexpress-a9", "-audiodev", "none,id=snd0"],
    "vexpress-a15": ["-M", "vexpress-a15", "-audiodev", "none,id=snd0"],
}
DTBS = {"vexpress-a9": "vexpress-v2p-ca9.dtb",
        "vexpress-a15": "vexpress-v2p-ca15.dtb"}

MB = 1 << 20
PAGE_SIZE = 4096


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def add(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        line = "%s %s" % ("ok    " if ok else "FAIL  ", name)
        if detail and not ok:
            line += "\n        " + detail.replace("\n", "\n        ")
        print(line, flush=True)


# ---------------------------------------------------------------------------
# The layout oracle: Linux's arithmetic (arch/arm/mm/mmu.c, init.c), written
# again here so that the kernel's figures are checked, not echoed.

PAGE_OFFSET = 0xC0000000
VMALLOC_OFFSET = 8 * MB
PROFILES = {
    "v3.18": {"vmalloc_end": 0xFF000000, "fixmap": (0xFFC00000, 0xFFE00000)},
    "v5": {"vmalloc_end": 0xFF800000, "fixmap": (0xFFC00000, 0xFFF00000)},
}


def memparse(s):
    m = re.fullmatch(r"(0[xX][0-9a-fA-F]+|\d+)([kKmMgG]?)", s)
    if not m:
        return None
    v = int(m.group(1), 0)
    return v << {"": 0, "k": 10, "m": 20, "g": 30}[m.group(2).lower()]


def expected_layout(profile, base, ram, vmalloc=None, dtb_reserved=False,
                    initrd_k=0):
    """Region lines, warnings and highmem size Linux would print."""
    p = PROFILES[profile]
    vend = p["vmalloc_end"]
    warnings = []
    size = memparse(vmalloc) if vmalloc is not None else None
    if size is None:  # not given, or not a size: the default
        vmalloc_min = vend - 240 * MB - VMALLOC_OFFSET
    else:
        if size < 16 * MB:
            size = 16 * MB
            warnings.append("vmalloc area too small, limiting to %dMB" % (size >> 20))
        if size > vend - (PAGE_OFFSET + 32 * MB):
            size = vend - (PAGE_OFFSET + 32 * MB)
            warnings.append("vmalloc area is too big, limiting to %dMB" % (size >> 20))
        # Page aligned, as max_low_pfn = PFN_DOWN(arm_lowmem_limit) keeps
        # Linux's zones (arch/arm/mm/layout.c says why).
        vmalloc_min = (vend - size) & ~(PAGE_SIZE - 1)
    if base + ram > 0xFFFFFFFF:  # arm_add_memory: "Truncating memory at"
        ram = (0xFFFFFFFF - base) & ~0xFFF
    limit = min(base + ram, vmalloc_min - PAGE_OFFSET + base)
    high = limit - base + PAGE_OFFSET
    vstart = (high + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1)

    def kb(a, b, name):
        return "    %-7s : 0x%08x - 0x%08x   (%4d kB)" % (name, a, b, (b - a) >> 10)

    def mbl(a, b, name):
        return "    %-7s : 0x%08x - 0x%08x   (%4d MB)" % (name, a, b, (b - a) >> 20)

    lines = [
        kb(0xFFFF0000, 0xFFFF1000, "vector"),
        kb(p["fixmap"][0], p["fixmap"][1], "fixmap"),
        mbl(vstart, vend, "vmalloc"),
        mbl(PAGE_OFFSET, high, "lowmem"),
        mbl(PAGE_OFFSET - 2 * MB, PAGE_OFFSET, "pkmap"),
        mbl(PAGE_OFFSET - 16 * MB, PAGE_OFFSET - 2 * MB, "modules"),
    ]
    highmem = base + ram - limit
    # QEMU virt puts its 1 MiB DTB at RAM base + min(RAM/2, 128 MiB)
    # (Documentation/boards.md, section 4); it stays reserved, so if it
    # lies above the lowmem limit it is not counted as managed highmem.
    dtb = base + min(ram // 2, 128 * MB)
    if dtb_reserved and dtb >= limit:
        highmem -= 1 * MB
    # QEMU's -initrd goes where the DTB would (which then follows it);
    # above the lowmem limit its reserved pages are not managed highmem.
    if initrd_k and dtb >= limit:
        highmem -= initrd_k << 10
    return lines, warnings, highmem >> 10, ram >> 10


# What real boards printed (Documentation/boards.md, sections 1 and 2; the
# names keep the notes' numbers, 004 and 002): the oracle's own check.
SEED_004_1G = [
    "    vector  : 0xffff0000 - 0xffff1000   (   4 kB)",
    "    fixmap  : 0xffc00000 - 0xffe00000   (2048 kB)",
    "    vmalloc : 0xf0000000 - 0xff000000   ( 240 MB)",
    "    lowmem  : 0xc0000000 - 0xef800000   ( 760 MB)",
    "    pkmap   : 0xbfe00000 - 0xc0000000   (   2 MB)",
    "    modules : 0xbf000000 - 0xbfe00000   (  14 MB)",
]
SEED_004_HIGHMEM_K = 270336
SEED_002_BANNER = {"FIXMAP": (0xFFC00000, 0xFFF00000),
                   "VMALLOC": (0xF0800000, 0xFF800000),
                   "LOWMEM": (0xC0000000, 0xF0000000),
                   "PKMAP": (0xBFE00000, 0xC0000000)}


def elf_symbols():
    out = subprocess.run(["arm-none-eabi-nm", ELF], capture_output=True,
                         text=True, check=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms[parts[2]] = int(parts[0], 16)
    return syms


def section_lines(syms):
    def line(name, a, b):
        return "%11s : 0x%08x - 0x%08x   (%4d kB)" % (
            name, syms[a], syms[b], -(-(syms[b] - syms[a]) // 1024))
    return [line(".text", "_text", "_etext"),
            line(".init", "__init_begin", "__init_end"),
            line(".data", "_sdata", "_edata"),
            line(".bss", "__bss_start", "__bss_stop")]


MEMORY_RE = re.compile(
    r"Memory: (\d+)K/(\d+)K available \((\d+)K kernel code, (\d+)K rwdata, "
    r"(\d+)K rodata, (\d+)K init, (\d+)K bss, (\d+)K reserved"
    r"(, (\d+)K cma-reserved)?, (\d+)K highmem\)")


def strip_stamp(line):
    return re.sub(r"^\[\s*\d+\.\d+\] ", "", line)


def check_layout(cfg, log, syms):
    """Problems with the layout block and Memory line, [] if none."""
    lines = [strip_stamp(l) for l in log.splitlines()]
    text = "\n".join(lines)
    problems = []
    want, warns, highmem_k, total_k = expected_layout(
        cfg.profile, RAM_BASE[cfg.machine], cfg.mem * MB, cfg.vmalloc,
        dtb_reserved=cfg.machine == "virt",
        initrd_k=cfg.initramfs_reserved_k())
    if "Virtual kernel memory layout:" not in lines:
        return ["no 'Virtual kernel memory layout:' block"]
    for w in want + section_lines(syms):
        if w not in lines:
            problems.append("missing line %r" % w)
    for w in warns:
        if w not in text:
            problems.append("missing warning %r" % w)
    if cfg.seed == "004":
        for w in SEED_004_1G:
            if w not in lines:
                problems.append("differs from seed 004: %r" % w)
        highmem_k = SEED_004_HIGHMEM_K
    if cfg.seed == "002":
        for name, (a, b) in SEED_002_BANNER.items():
            line = "    %-7s : 0x%08x - 0x%08x" % (name.lower(), a, b)
            if not any(l.startswith(line) for l in lines):
                problems.append("differs from seed 002: no %r" % line)
            banner = "%-12s %8x -- %8x" % (name + ":", a, b)
            if "seed" in text and "Subtest: seeds" in text and banner not in lines:
                problems.append("seeds banner differs from seed 002: no %r" % banner)
    m = MEMORY_RE.search(text)
    if not m:
        problems.append("no Memory: line")
        return problems
    avail, total, code = int(m.group(1)), int(m.group(2)), int(m.group(3))
    reserved, cma, high = int(m.group(8)), m.group(9), int(m.group(11))
    if total != total_k:
        problems.append("Memory total %dK != %dK of RAM" % (total, total_k))
    if avail + reserved != total:
        problems.append("available %dK + reserved %dK != %dK" % (avail, reserved, total))
    if high != highmem_k:
        problems.append("highmem %dK, expected %dK" % (high, highmem_k))
    sizes = {"kernel code": (code, "_stext", "_etext"),
             "rwdata": (int(m.group(4)), "_sdata", "_edata"),
             "rodata": (int(m.group(5)), "__start_rodata", "__end_rodata"),
             "init": (int(m.group(6)), "__init_begin", "__init_end"),
             "bss": (int(m.group(7)), "__bss_start", "__bss_stop")}
    for what, (got, a, b) in sizes.items():
        if got != (syms[b] - syms[a]) >> 10:
            problems.append("%s %dK does not match the ELF" % (what, got))
    # Reserved: at least mem_map (32 bytes a page) and the image; at most
    # that plus QEMU's 1 MiB DTB and 1 MiB of page tables and vectors.
    floor = (total_k // 4) * 32 // 1024 + ((syms["_end"] - syms["_text"]) >> 10)
    floor += cfg.extra_reserved_k + cfg.initramfs_reserved_k()
    if not floor <= reserved <= floor + 2048:
        problems.append("reserved %dK outside [%dK, %dK]" % (reserved, floor, floor + 2048))
    if (cma is not None) != (cfg.profile == "v5"):
        problems.append("cma-reserved field %s for profile %s" %
                        ("present" if cma else "absent", cfg.profile))
    return problems


# ---------------------------------------------------------------------------
# KTAP

_suite_cases = None
_suite_cases_lock = threading.Lock()


def suite_cases():
    """{suite: [case, ...]} in run order, as hikern.test=help prints them."""
    global _suite_cases
    with _suite_cases_lock:
        if _suite_cases is None:
            log, _ = run_qemu(Config("test-help-cases", test="help", timeout=60))
            _suite_cases = {}
            for line in log.splitlines():
                m = re.fullmatch(r"    (\w+)\.(\w+)", strip_stamp(line))
                if m:
                    _suite_cases.setdefault(m.group(1), []).append(m.group(2))
        return _suite_cases


def glob_selects(selection, suite, case):
    """The kernel's hikern.test= rule (lib/kunit/test.c), for the runner."""
    if selection in (None, "all"):
        return True
    for item in selection.split(","):
        sglob, _, cglob = item.partition(".")
        if item and fnmatch.fnmatchcase(suite, sglob) and (
                not cglob or fnmatch.fnmatchcase(case, cglob)):
            return True
    return False


def crash_detail(lines, start, diag):
    """The unfinished case's diagnostics and the log's last lines, with the
    case's oops PC, BUG/WARNING lines and panic even if they scrolled
    further up (@start: the case's first log line)."""
    tail = lines[-15:]
    keep = [l for l in lines[start:-15]
            if re.search(r"PC is at|Kernel panic|Internal error|^BUG|^WARNING", l)]
    return "\n".join(diag + (["..."] + keep[-4:] if keep else []) + ["--- last log lines:"] + tail)


def parse_ktap(log, selection=None):
    """Returns (results, problems): results are (suite.case, ok, diag).

    A suite that stops early (an oops, a hang) gets one failed result for
    the case that was running: the one after the last result, named from
    hikern.test=help and @selection (the hikern.test= value).
    """
    results, problems = [], []
    suite, plan, seen, diag = None, None, 0, []
    top_plan, suites_done = None, 0
    counts = {"pass": 0, "fail": 0, "skip": 0}
    totals = None
    lines = [strip_stamp(raw.rstrip("\r")) for raw in log.splitlines()]
    case_start = 0
    for i, line in enumerate(lines):
        m = re.fullmatch(r"1\.\.(\d+)", line)
        if m:
            top_plan = int(m.group(1))
            continue
        m = re.fullmatch(r"    # Subtest: (\S+)", line)
        if m:
            suite, plan, seen, diag = m.group(1), None, 0, []
            case_start = i + 1
            continue
        m = re.fullmatch(r"    1\.\.(\d+)", line)
        if m:
            plan = int(m.group(1))
            continue
        m = re.fullmatch(r"    (ok|not ok) (\d+) (\S+)( # SKIP.*)?", line)
        if m and suite:
            seen += 1
            ok = m.group(1) == "ok"
            counts["skip" if ok and m.group(4) else "pass" if ok else "fail"] += 1
            results.append(("%s.%s" % (suite, m.group(3)), ok,
                            "\n".join(diag[-12:])))
            diag = []
            case_start = i + 1
            continue
        if line.startswith("    # "):
            diag.append(line.strip())
            continue
        m = re.fullmatch(r"# Totals: pass:(\d+) fail:(\d+) skip:(\d+) total:(\d+)", line)
        if m:
            totals = tuple(int(x) for x in m.groups())
            continue
        m = re.fullmatch(r"(ok|not ok) (\d+) (\S+)(.*)", line)
        if m:
            suites_done += 1
            if m.group(4).startswith(" # no such"):
                counts["fail"] += 1
                results.append((m.group(3), False, m.group(4)[3:]))
            elif plan is not None and seen != plan:
                problems.append("suite %s: plan 1..%d but %d results" % (suite, plan, seen))
            suite = None
    if top_plan is None:
        problems.append("no KTAP plan")
    elif suites_done != top_plan:
        problems.append("KTAP plan 1..%d but %d suites finished" % (top_plan, suites_done))
    if suite is not None:
        cases = [c for c in suite_cases().get(suite, [])
                 if glob_selects(selection, suite, c)]
        name = cases[seen] if seen < len(cases) else "case %d" % (seen + 1)
        problems.append("suite %s did not finish: it stopped in %s.%s "
                        "(case %d of %s)" % (suite, suite, name, seen + 1, plan))
        results.append(("%s.%s" % (suite, name), False,
                        "did not finish\n" + crash_detail(lines, case_start, diag)))
    elif top_plan is not None and suites_done == top_plan:
        want = (counts["pass"], counts["fail"], counts["skip"],
                sum(counts.values()))
        if totals is None:
            problems.append("no '# Totals:' line")
        elif totals != want:
            problems.append("'# Totals: pass:%d fail:%d skip:%d total:%d' but "
                            "the results say pass:%d fail:%d skip:%d total:%d"
                            % (totals + want))
    return results, problems


# ---------------------------------------------------------------------------
# QEMU configurations

class Config:
    def __init__(self, name, machine="virt", mem=1024, test="all",
                 profile="v3.18", vmalloc=None, dtb=False, extra_append="",
                 timeout=120, layout=True, seed=None, kernel=None,
                 expect=None, until=None, exit_status=0, semihosting=True,
                 image=None, extra_qemu=None, prepare=None, verdict=None,
                 extra_reserved_k=0, no_initramfs=False):
        self.name, self.machine, self.mem, self.test = name, machine, mem, test
        self.profile, self.vmalloc, self.dtb = profile, vmalloc, dtb
        self.extra_append, self.timeout, self.layout = extra_append, timeout, layout
        self.seed, self.kernel, self.expect, self.until = seed, kernel, expect, until
        self.exit_status = exit_status
        self.semihosting = semihosting
        self.image = image
        # kernel=False: no -kernel/-append, extra_qemu boots it (see
        # dtb_variants.py); prepare(cfg) builds its files first; verdict(cfg,
        # log, status) adds checks; exit_status may be a tuple of choices.
        self.extra_qemu = extra_qemu or []
        self.prepare, self.verdict = prepare, verdict
        self.extra_reserved_k = extra_reserved_k  # e.g. an initrd
        self.no_initramfs = no_initramfs

    def append(self):
        parts = []
        if self.test is not None:
            parts.append("hikern.test=" + self.test)
        if self.profile != "v3.18":
            parts.append("hikern.layout=" + self.profile)
        if self.vmalloc is not None:
            parts.append("vmalloc=" + self.vmalloc)
        if self.extra_append:
            parts.append(self.extra_append)
        return " ".join(parts)

    def initramfs(self):
        """The modules' initramfs this boot gets, or None: boots of an
        Image (not the ELF, not the hand-made device trees) that bring
        no initrd of their own."""
        if self.kernel is not None or self.no_initramfs or \
                "-initrd" in self.extra_qemu:
            return None
        return os.path.join(os.path.dirname(self.image or IMAGE), INITRAMFS)

    def initramfs_reserved_k(self):
        """What the initramfs adds to the Memory line's reserved figure
        (whole pages, arch/arm/mm/initrd.c)."""
        path = self.initramfs()
        return -(-os.path.getsize(path) // PAGE_SIZE) * 4 if path else 0

    def command(self):
        cmd = ["qemu-system-arm"] + BOARD_ARGS[self.machine] + [
            "-m", str(self.mem), "-display", "none", "-monitor", "none",
            "-serial", "stdio"]
        if self.kernel is not False:
            cmd += ["-kernel", self.kernel or self.image or IMAGE]
        if self.initramfs():
            cmd += ["-initrd", self.initramfs()]
        if self.semihosting:
            cmd += ["-semihosting-config", "enable=on,target=native"]
        if self.kernel is None:
            cmd += ["-append", self.append()]
        if self.dtb:
            cmd += ["-dtb", os.path.join(BUILD, "dts", DTBS[self.machine])]
        # make test QEMU_OPTS="-smp 4": every run gets the user's options.
        return cmd + self.extra_qemu + shlex.split(os.environ.get("QEMU_OPTS", ""))


# One CPU possible (asm/patch.h): the boot's PATCH_UP line.
UP_PATCHED = r"smp: one CPU possible: %s IRQs-off spinlock sites patched to skip the lock word"


# A tree listing more CPUs than the cluster has (tests/dts/vexpress-*):
# the SCU or L2CTLR count caps it at boot (arch/arm/kernel/smp.c).
def dt_capped(reg, n):
    return (r"smp: the device tree lists 4 CPUs, the %s counts %d in the "
            r"cluster: %d left out" % (reg, n, 4 - n))


def no_cpu_failed(cfg, log, status):
    """No CPU was waited for in vain: a capped tree costs no timeout."""
    bad = re.findall(r"CPU\d+: failed to (?:come online|boot)[^\n]*", log)
    return [("%s: no CPU failed to come online" % cfg.name, not bad,
             "\n".join(bad))]


def smp_expect(n):
    """The boot lines of @n CPUs coming up (Linux's wording)."""
    lines = [r"CPU0: thread -1, cpu 0, socket 0, mpidr 80000000",
             r"smp: Bringing up secondary CPUs \.\.\."]
    lines += [r"CPU%d: thread -1, cpu %d, socket 0, mpidr 8000000%d" % (i, i, i)
              for i in range(1, n)]
    lines.append(r"smp: Brought up 1 node, %d CPU%s\b" % (n, "s" if n > 1 else ""))
    return lines


def matrix():
    c = [
        # Full self-tests on the main machines.
        Config("virt-1024", seed="004"),
        Config("virt-1024-v5", profile="v5", seed="002"),
        Config("virt-256", mem=256),
        Config("virt-2048", mem=2048, timeout=240),
        Config("vexpress-a9-atags", machine="vexpress-a9"),
        Config("vexpress-a15-dtb", machine="vexpress-a15", dtb=True,
               expect=[dt_capped("L2CTLR", 1), UP_PATCHED % r"\d+"],
               verdict=no_cpu_failed),
        # SMP (issue 10): the secondary CPUs on every board, from QEMU's
        # -smp; each CPU's line and the "Brought up" count are checked.
        # virt-smp4 and vexpress-a9-smp4 (ATAGS: CPUs from the SCU) run
        # every suite; maxcpus=2 and nosmp limit what comes up.
        Config("virt-smp2", test="smp,smp_highmem", extra_qemu=["-smp", "2"],
               expect=smp_expect(2)),
        Config("virt-smp4", extra_qemu=["-smp", "4"], expect=smp_expect(4),
               timeout=240),
        Config("vexpress-a9-smp4", machine="vexpress-a9",
               extra_qemu=["-smp", "4"], expect=smp_expect(4), timeout=240),
        Config("vexpress-a15-smp4", machine="vexpress-a15", test="smp",
               extra_qemu=["-smp", "4"], expect=smp_expect(4)),
        # The vexpress trees list four CPUs and the sysreg node (SYS_FLAGS):
        # all four on the A9 with -smp 4; with -smp 2 on the A15 the
        # L2CTLR count leaves out the other two, with no boot timeout.
        Config("vexpress-a9-dtb-smp4", machine="vexpress-a9", dtb=True,
               test="smp,smp_highmem", extra_qemu=["-smp", "4"],
               expect=smp_expect(4), verdict=no_cpu_failed),
        Config("vexpress-a15-dtb-smp2", machine="vexpress-a15", dtb=True,
               test="smp", extra_qemu=["-smp", "2"],
               expect=[dt_capped("L2CTLR", 2)] + smp_expect(2),
               verdict=no_cpu_failed),
        Config("virt-maxcpus2", test="smp", extra_append="maxcpus=2",
               extra_qemu=["-smp", "4"], expect=smp_expect(2)),
        Config("virt-nosmp", test="smp", extra_append="nosmp",
               extra_qemu=["-smp", "4"],
               expect=[UP_PATCHED % r"\d+"] + smp_expect(1)),
        # The production build (CONFIG_DEBUG=0, as make bench measures):
        # its fast paths (inline kmalloc, kmap, kmap_atomic) under test.
        # -smp 1: the IRQs-off spinlocks are patched to skip the lock word
        # (asm/patch.h; the debug build keeps its checked lock, no sites).
        Config("virt-1024-nodebug", layout=False, image=NODEBUG_IMAGE,
               expect=[UP_PATCHED % r"[1-9]\d*"]),
        Config("virt-2048-nodebug", mem=2048, layout=False, timeout=240,
               image=NODEBUG_IMAGE),
        # The production build on 4 CPUs: its unchecked locks and inline
        # fast paths with every suite running on every CPU. QEMU's CPUs
        # take turns here (thread=single): its ticket locks hand the lock
        # over in arrival order, and with more QEMU CPU threads than host
        # cores (make test runs two QEMUs on two cores) a ticket handed to
        # a thread the host has descheduled stalls every other CPU until
        # the host runs it again (lock-waiter preemption; KVM guests have
        # paravirt spinlocks for it), seconds per hand-over. The debug
        # build's checked locks are taken by trylock, in no order, so the
        # debug configs keep QEMU's parallel CPU threads.
        Config("virt-smp4-nodebug", layout=False, image=NODEBUG_IMAGE,
               extra_qemu=["-smp", "4", "-accel", "tcg,thread=single"],
               expect=smp_expect(4)),
        # Boot to the layout block and power off.
        Config("virt-256-v5", mem=256, test="none", profile="v5"),
        Config("virt-2048-v5", mem=2048, test="none", profile="v5"),
        Config("virt-512", mem=512, test="none"),
        Config("vexpress-a9-dtb", machine="vexpress-a9", dtb=True, test="none",
               expect=[dt_capped("SCU", 1), UP_PATCHED % r"\d+"] +
               smp_expect(1), verdict=no_cpu_failed),
        Config("vexpress-a15-atags", machine="vexpress-a15", test="none"),
        Config("vexpress-a15-2048-v5", machine="vexpress-a15", mem=2048,
               test="none", profile="v5"),
        # vmalloc= moves the lowmem/vmalloc boundary, with Linux's clamps.
        Config("vmalloc-128M", test="none", vmalloc="128M"),
        Config("vmalloc-400M-v5", test="none", vmalloc="400M", profile="v5"),
        Config("vmalloc-small", test="none", vmalloc="4M"),
        Config("vmalloc-zero", test="none", vmalloc="0"),
        # mem= that is not a whole number of megabytes: the lowmem tail
        # is mapped with pages and every suite still passes.
        Config("mem-300500K", mem=1024, extra_append="mem=300500K",
               layout=False, expect=[r"Memory: \d+K/300500K available",
                                     r"lowmem  : 0xc0000000 - 0xd2575000"]),
        Config("vmalloc-huge", test="none", vmalloc="2G"),
        Config("vmalloc-huge-v5", test="none", vmalloc="1G", profile="v5"),
        Config("vmalloc-garbage", test="none", vmalloc="lots",
               expect=[r"vmalloc=lots: not a size, using the default"]),
        # --- issue 8, misuse reported as Linux does (helper "misuse") ---
        # vmalloc= not a whole number of pages: high_memory stays page
        # aligned and the linear map ends there (mmu suite).
        Config("vmalloc-246789K", test="mmu", vmalloc="246789K"),
        # Less RAM than the vmalloc suite's 64 MB case needs: that case
        # is skipped with its reason in the KTAP line, the rest passes.
        Config("virt-128", mem=128, test="vmalloc",
               expect=[r"ok \d+ vmalloc_64mb_without_order10 # SKIP \S"]),
        # --- end issue 8 (misuse) ---
        # mem= limits RAM as in Linux.
        Config("mem-512", mem=1024, test="none", extra_append="mem=512M",
               layout=False, expect=[r"Memory: \d+K/524288K available"]),
        # loglevel=debug shows Linux's buddyinfo and zoneinfo at boot.
        Config("loglevel-debug", test="none", extra_append="loglevel=debug",
               expect=[r"Node 0, zone   Normal(\s+\d+){11}",
                       r"Node 0, zone  HighMem(\s+\d+){11}",
                       r"pages free\s+\d+", r"managed\s+\d+"]),
        # A bad command line gets clear messages and loses nothing.
        Config("bad-cmdline", test="none",
               extra_append="loglevel=bogus frobnicate=1 hikern.layout=v9",
               expect=[r"Malformed early option 'loglevel'",
                       r'Unknown kernel command line parameters "frobnicate=1',
                       r"hikern.layout=v9: unknown profile, using v3.18"]),
        # A suite name that does not exist fails the run (status 1).
        Config("unknown-suite", test=None, layout=False,
               extra_append="hikern.test=nosuch", exit_status=1,
               expect=[r"not ok 1 nosuch # no such suite"]),
        # Without -semihosting the kernel cannot leave QEMU: it says so and
        # halts instead of trapping on its own SVC.
        Config("no-semihosting", test="none", layout=False, semihosting=False,
               until=r"reboot: System halted[^\n]*\n", timeout=60,
               expect=[r"no semihosting to exit QEMU with status 0"]),
        # The ELF gets no DTB from QEMU: a clear error, defaults, no hang.
        Config("virt-elf-no-dtb", test=None, kernel=ELF, layout=False,
               expect=[r"Error: invalid boot information: no device tree",
                       r"Virtual kernel memory layout:",
                       r"Memory: \d+K/131072K available"],
               until=r"boot complete", timeout=60),
    ]
    # Oopses in Linux's format, each ending QEMU with EXIT_PANIC (3).
    oops = [r"Internal error: Oops", r"PC is at \w+\+0x[0-9a-f]+/0x[0-9a-f]+",
            r"LR is at \w+", r"pc : \[<[0-9a-f]{8}>\]    lr : \[<[0-9a-f]{8}>\]",
            r"r3 : [0-9a-f]{8}  r2 : [0-9a-f]{8}", r"Backtrace:",
            r"\(lkdtm_run\) from \[<[0-9a-f]{8}>\] \(start_kernel\+0x",
            r"Kernel panic - not syncing: Fatal exception\n"]
    crashes = {
        "WRITE_RO": [r"Unable to handle kernel paging request at virtual address c0",
                     r"\[DFSR\] page permission fault \(0x80f\) on write",
                     r"PC is at lkdtm_WRITE_RO\+"],
        "EXEC_DATA": [r"Unable to handle kernel paging request at virtual address c0",
                      r"\[IFSR\] page permission fault \(0x00f\) on instruction fetch"],
        "ACCESS_NULL": [r"Unable to handle kernel NULL pointer dereference at virtual address 00000000",
                        r"\[DFSR\] section translation fault \(0x005\) on read",
                        r"PC is at lkdtm_ACCESS_NULL\+"],
        "EXCEPTION": [r"Internal error: Oops - undefined instruction",
                      r"PC is at lkdtm_EXCEPTION\+"],
    }
    for kind, pats in crashes.items():
        common = [] if kind == "EXCEPTION" else oops
        if kind == "EXEC_DATA":  # the PC is in data: no symbol to name
            common = [p for p in common if not p.startswith("PC is at")]
        c.append(Config("lkdtm-" + kind, test="none", layout=False,
                        extra_append="lkdtm=" + kind, exit_status=3,
                        expect=pats + common))
    c.append(Config("lkdtm-BUG", test="none", layout=False, exit_status=3,
                    extra_append="lkdtm=BUG",
                    expect=[r"kernel BUG at kernel/lkdtm.c:\d+!",
                            r"Internal error: Oops - BUG: 0 \[#1\] ARM",
                            r"PC is at __bug\+", r"\(lkdtm_BUG\) from",
                            r"Kernel panic - not syncing: Fatal exception\n"]))
    # An oops on a secondary CPU: its panic stops CPU 0 and ends the run.
    c.append(Config("lkdtm-BUG_CPU1", test="none", layout=False, exit_status=3,
                    extra_append="lkdtm=BUG_CPU1", extra_qemu=["-smp", "2"],
                    expect=[r"lkdtm: Performing direct entry BUG_CPU1",
                            r"kernel BUG at kernel/lkdtm.c:\d+!",
                            r"Internal error: Oops - BUG: 0 \[#1\] ARM",
                            r"CPU: 1 PID: \d+ Comm: swapper/1",
                            r"\(lkdtm_bug_here\) from \[<[0-9a-f]{8}>\] \(handle_IPI\+",
                            r"Kernel panic - not syncing: Fatal exception in interrupt",
                            r"CPU0: stopping\n",
                            r"---\[ end Kernel panic - not syncing"]))
    c.append(Config("lkdtm-WARNING", test="none", layout=False,
                    extra_append="lkdtm=WARNING",
                    expect=[r"WARNING: CPU: 0 PID: 0 at kernel/lkdtm.c:\d+ lkdtm_WARNING\(\)",
                            r"lkdtm: WARNING: the kernel carried on, as expected"]))
    c.append(Config("lkdtm-ATOMIC_SLEEP", test="none", layout=False,
                    extra_append="lkdtm=ATOMIC_SLEEP",
                    expect=[r"BUG: sleeping function called from invalid context at kernel/sched/core.c:\d+\n",
                            r"in_atomic\(\): 1, irqs_disabled\(\): 0, non_block: 0, pid: 0, name: swapper/0",
                            r"BUG: scheduling while atomic: swapper/0/0/0x00000002\n",
                            r"\(__schedule_bug\) from",
                            r"lkdtm: ATOMIC_SLEEP: the kernel carried on, as expected"]))
    # What a new user tries first: the lists, one case by glob, mistakes.
    c.append(Config("test-help", test="help", layout=False,
                    expect=[r"hikern.test= takes all, none, help",
                            r"\n(\[[ .\d]+\] )?  highmem \(\d+ cases\)",
                            r"\n(\[[ .\d]+\] )?    highmem.kmap_reaches_the_page\n"]))
    c.append(Config("test-glob", test="highmem.kmap_*ly,slab.kfree_tw*",
                    layout=False,
                    expect=[r"ok 1 kmap_fills_window_exactly\n",
                            r"ok 1 kfree_twice_large\n", r"ok 2 kfree_twice\n",
                            r"# Totals: pass:3 fail:0 skip:0 total:3"]))
    c.append(Config("test-empty", test="", layout=False, exit_status=1,
                    expect=[r"hikern.test= is empty"]))
    c.append(Config("test-no-such-case", test=None, layout=False, exit_status=1,
                    extra_append="hikern.test=mmu.nosuch",
                    expect=[r"not ok 1 mmu.nosuch # no such test case",
                            r"# Totals: pass:0 fail:1 skip:0 total:1"]))
    c.append(Config("bench-unknown", test="none", layout=False, exit_status=1,
                    extra_append="hikern.bench=nosuch",
                    expect=[r"hikern.bench=nosuch: no such benchmark"]))
    c.append(Config("lkdtm-help", test="none", layout=False,
                    extra_append="lkdtm=help",
                    expect=[r"lkdtm:   WRITE_RO\n", r"lkdtm:   WARNING",
                            r"lkdtm:   BUG_CPU1\n"]))
    c += module_configs()
    c += bad_mem_configs()
    # Hand-made device trees: bad banks, bad and good initrds.
    c += dtb_variants.configs(Config, {
        "build": BUILD, "image": IMAGE, "ram_base": RAM_BASE,
        "board_args": BOARD_ARGS,
        "board_dtbs": {m: os.path.join(BUILD, "dts", d) for m, d in DTBS.items()},
    }, MEMORY_RE, elf_symbols())
    return c


def module_configs():
    """Modules loaded at boot (hikern.insmod=) and a bad initramfs."""
    def garbage(cfg):
        path = os.path.join(LOGS, "garbage.cpio")
        with open(path, "wb") as f:
            f.write(b"this is not a cpio archive\n" * 100)
        cfg.extra_qemu = ["-initrd", path]

    return [
        # Linux's insmod output and /proc/modules: the first module lands
        # at MODULES_VADDR, out-of-tree ones taint and carry (O), a user
        # of another module's exports shows in its fourth column; a name
        # the initramfs lacks is one line, and the boot goes on.
        Config("modules-insmod", test="none", layout=False,
               extra_append="hikern.insmod=kmap_example,oot_hello,nosuch,"
                            "oot_user,bad_unknown",
               expect=[r"initramfs: \d+ files",
                       r"kmap example init\n",
                       r"\[\*\]unsigned int \*KMAP_int:       Address: 0xbfe[0-9a-f]{5}\n",
                       r"oot_hello: loading out-of-tree module taints kernel\.\n",
                       r"insmod: ERROR: could not load module nosuch: "
                       r"nosuch\.ko not found in the initramfs",
                       r"oot_user: 2 \+ 3 = 5",
                       r"bad_unknown: Unknown symbol nosuch_symbol \(err -2\)",
                       r"/proc/modules \(3 loaded\):\n",
                       r"\] kmap_example \d+ 0 - Live 0xbf000000\n",
                       r"\] oot_hello \d+ 1 oot_user, Live 0xbf[0-9a-f]{6} \(O\)\n",
                       r"\] oot_user \d+ 0 - Live 0xbf[0-9a-f]{6} \(O\)\n"]),
        # The same on the production build, whose modules are its own.
        Config("modules-insmod-nodebug", test="none", layout=False,
               image=NODEBUG_IMAGE, extra_append="hikern.insmod=oot_user,"
                                                 "oot_hello,oot_user",
               expect=[r"/proc/modules \(2 loaded\):\n",
                       r"\] oot_hello \d+ 1 oot_user, Live 0xbf000000 \(O\)\n"]),
        # An initrd that is no cpio archive: Linux's line, no modules,
        # the kernel carries on.
        Config("initramfs-garbage", test="none", layout=False,
               prepare=garbage, extra_append="hikern.insmod=kmap_example",
               expect=[r"Initramfs unpacking failed: no cpio magic",
                       r"kmap_example\.ko not found in the initramfs",
                       r"/proc/modules \(0 loaded\):"]),
    ]


def bad_mem_configs():
    """Bad RAM input (issue 8): every one ends at once, with its message and
    a definite exit status (0: the kernel carried on, 3: EXIT_PANIC)."""
    syms = elf_symbols()
    base = RAM_BASE["virt"]
    # The RAM the kernel needs: PHYS_OFFSET up to the megabyte holding _end
    # (the sections boot/head.S maps for it), from the ELF, not the log.
    need_end = base + ((syms["_end"] - PAGE_OFFSET + MB - 1) & ~(MB - 1))
    bank = r"0x%08x-0x%08x" % (base, base + 1024 * MB - 1)

    def fallback(left_k):
        return (r"mem=: the RAM it leaves \(%dK\) does not hold the kernel's "
                r"0x%08x-0x%08x; using the bank the kernel runs in: %s"
                % (left_k, base, need_end - 1, bank))

    def refused(arg, start, size):
        return (r"mem=%s: no RAM at 0x%08x-0x%08x \(not in any memory bank "
                r"from the DTB\), bank ignored" % (arg, start, start + size - 1))

    def small(mem_k):  # runs in exactly mem_k of lowmem, no fallback
        lines, _, _, _ = expected_layout("v3.18", base, mem_k << 10)
        return [r"Memory: \d+K/%dK available" % mem_k,
                re.escape(lines[3])]

    def cfg(name, append, expect, layout=False, status=0, test="none"):
        return Config("badmem-" + name, test=test, extra_append=append,
                      layout=layout, expect=expect, exit_status=status,
                      timeout=30)

    # Linux's rule for several mem=: 512M at PHYS_OFFSET, then 256M more
    # right after it (768 MB in one bank); and with a 256 MB hole.
    two = expected_layout("v3.18", base, 768 * MB)
    c = [
        # Below the smallest RAM the kernel runs in: fall back, say so.
        cfg("1K", "mem=1K", [fallback(0)], layout=True),
        cfg("4K", "mem=4K", [fallback(4)], layout=True),
        cfg("512K", "mem=512K", [fallback(512)], layout=True),
        # The smallest RAM the kernel runs in, and sizes that used to
        # fault on the unmapped second megabyte of the kernel's pmd.
        cfg("smallest", "mem=%dK" % ((need_end - base) >> 10),
            small((need_end - base) >> 10)),
        cfg("2M", "mem=2M", small(2048)),
        cfg("3M", "mem=3M", small(3072)),
        cfg("3M-v5", "mem=3M hikern.layout=v5", [r"Memory: \d+K/3072K"]),
        # Beyond the RAM there is, and beyond 4 GB: the RAM that exists.
        cfg("5G", "mem=5G", [r"mem=5G: only 1048576K of 0x%08x-0x%09x is RAM "
                             r"\(memory banks from the DTB\), using that"
                             % (base, base + 5 * 1024 * MB - 1)], layout=True),
        # @start outside RAM: refused (Linux would map it and hang).
        cfg("16M-at-5", "mem=16M@0x50000000", [fallback(16384)], layout=True),
        cfg("64M-at-0", "mem=64M@0",
            [refused("64M@0", 0, 64 * MB), fallback(0)], layout=True),
        cfg("1G-at-9", "mem=1G@0x90000000",
            [refused("1G@0x90000000", 0x90000000, 1024 * MB), fallback(0)],
            layout=True),
        cfg("two", "mem=512M mem=256M@0x60000000",
            [r"Memory: \d+K/786432K available \(.*, %dK highmem\)" % two[2],
             re.escape(two[0][3])]),
        # The mmu suite checks the hole in lowmem is not mapped.
        cfg("hole", "mem=256M mem=256M@0x60000000",
            [r"Memory: \d+K/524288K available \(.*, %dK highmem\)" % two[2],
             re.escape(two[0][3])], test="mmu"),
        cfg("refused-kept", "mem=512M mem=64M@0x90000000",
            [refused("64M@0x90000000", 0x90000000, 64 * MB),
             r"Memory: \d+K/524288K available"]),
    ]
    # A BUG() before paging_init has mapped the vector page: the oops goes
    # through the boot-time vectors (SCTLR.V, bit 13, still clear).
    c.append(Config("lkdtm-EARLY_BUG", test="none", layout=False,
                    extra_append="lkdtm=EARLY_BUG", exit_status=3, timeout=30,
                    expect=[r"lkdtm: Performing direct entry EARLY_BUG "
                            r"\(before paging_init\)",
                            r"kernel BUG at arch/arm/kernel/setup.c:\d+!",
                            r"Internal error: Oops - BUG: 0 \[#1\] ARM",
                            r"Control: [0-9a-f]{4}[014589cd][0-9a-f]{3} ",
                            r"\(setup_arch\) from",
                            r"Kernel panic - not syncing: Fatal exception\n"]))
    return c


def run_qemu(cfg):
    """Boot one configuration; returns (log, exit status or 'timeout')."""
    os.makedirs(LOGS, exist_ok=True)
    path = os.path.join(LOGS, cfg.name + ".log")
    start = time.time()
    proc = subprocess.Popen(cfg.command(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    out = []
    status = None
    deadline = start + cfg.timeout
    import selectors
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    buf = b""
    while True:
        left = deadline - time.time()
        if left <= 0:
            status = "timeout"
            break
        if sel.select(timeout=min(left, 1.0)):
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            buf += chunk
            if cfg.until and re.search(cfg.until.encode(), buf):
                status = "stopped"
                break
        elif proc.poll() is not None and not buf.endswith(b"\n"):
            pass
    if status in ("timeout", "stopped"):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    err = proc.stderr.read().decode(errors="replace")
    log = buf.decode(errors="replace").replace("\r\n", "\n")
    if status is None:
        status = proc.returncode
    with open(path, "w") as f:
        f.write("# %s\n# %s\n# exit: %s, %.1f s\n" % (
            cfg.name, " ".join(cfg.command()), status, time.time() - start))
        f.write(log)
        if err.strip():
            f.write("\n# qemu stderr:\n" + err)
    return log, status


def unannounced_reports(log):
    """BUG/WARNING reports printed inside a KTAP case that did not first
    announce one of that kind ('# expecting a BUG report: ...'): a reader
    of the console must be able to tell the expected reports from real
    ones. Returns (suite, line) pairs."""
    kinds = {"BUG": re.compile(r"(BUG: |kernel BUG at )"),
             "WARNING": re.compile(r"WARNING: ")}
    suite, announced, found = None, set(), []
    for raw in log.splitlines():
        line = strip_stamp(raw.rstrip("\r"))
        m = re.fullmatch(r"    # Subtest: (\S+)", line)
        if m:
            suite, announced = m.group(1), set()
            continue
        if re.fullmatch(r"    (ok|not ok) \d+ \S+.*", line):
            announced = set()  # each case announces its own
            continue
        if re.fullmatch(r"(ok|not ok) \d+ \S+.*", line):
            suite = None
            continue
        m = re.match(r"    # expecting an? (BUG|WARNING) report", line)
        if m:
            announced.add(m.group(1))
            continue
        for kind, rx in kinds.items():
            if suite and rx.match(line) and kind not in announced:
                found.append((suite, line))
    return found


def check_config(cfg, syms):
    """Runs one configuration; returns a list of (name, ok, detail)."""
    logref = "log: build/test-logs/%s.log" % cfg.name
    if cfg.prepare:
        try:
            cfg.prepare(cfg)
        except (OSError, RuntimeError, subprocess.SubprocessError) as e:
            return [("%s: build its boot files" % cfg.name, False, str(e))]
    log, status = run_qemu(cfg)
    res = []
    if cfg.test not in (None, "none", "help", ""):
        results, problems = parse_ktap(log, cfg.test)
        for name, ok, diag in results:
            res.append(("%s: %s" % (cfg.name, name), ok, diag + "\n" + logref))
        res.append(("%s: KTAP complete" % cfg.name, not problems,
                    "; ".join(problems) + "\n" + logref))
        stray = unannounced_reports(log)
        res.append(("%s: every report in a case was announced" % cfg.name,
                    not stray, "\n".join("%s: %s" % r for r in stray[:8]) +
                    "\n" + logref))
    if cfg.layout:
        problems = check_layout(cfg, log, syms)
        res.append(("%s: layout block and Memory line" % cfg.name, not problems,
                    "\n".join(problems) + "\n" + logref))
    for pat in cfg.expect or []:
        res.append(("%s: prints /%s/" % (cfg.name, pat),
                    re.search(pat, log) is not None, logref))
    if cfg.verdict:
        res += [(n, ok, d or logref) for n, ok, d in cfg.verdict(cfg, log, status)]
    want = "stopped" if cfg.until else cfg.exit_status
    ok = status in want if isinstance(want, tuple) else status == want
    res.append(("%s: exit status" % cfg.name, ok,
                "exit status %s, expected %s\n%s" % (status, want, logref)))
    return res


# ---------------------------------------------------------------------------
# Host tests and GDB

def run_host(target, tally):
    """A make target of host tests, its "N passed, N failed" in the tally."""
    os.makedirs(LOGS, exist_ok=True)
    p = subprocess.run(["make", "--no-print-directory", target], cwd=ROOT,
                       capture_output=True, text=True, timeout=900)
    out = p.stdout + p.stderr
    with open(os.path.join(LOGS, "host-%s.log" % target), "w") as f:
        f.write(out)
    # A target's binaries each print "N passed, N failed"; a target that
    # also prints its own total ("name: N passed, N failed") is taken at
    # that total instead, so nothing is counted twice.
    lines = re.findall(r"^(\w+: )?(\d+) passed, (\d+) failed", out, re.M)
    totals = [l for l in lines if l[0]]
    counted = totals[-1:] if totals else lines
    m = bool(counted)
    passed = sum(int(l[1]) for l in counted)
    failed = sum(int(l[2]) for l in counted)
    tally.passed += passed
    tally.failed += failed
    print("%s host: %s (%s)" % ("ok    " if p.returncode == 0 else "FAIL  ",
                               target, "%d passed, %d failed" % (passed, failed)
                               if m else "no tally"),
          flush=True)
    if p.returncode != 0 or not m:
        tally.add("host: %s exits 0" % target, False,
                  "log: build/test-logs/host-%s.log" % target)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# The README's session, as the user types it after `make debug`; the
# print/x $pc and __pv_phys_offset lines only add evidence to check.
GDB_SESSION = [
    "break __create_page_tables",
    "continue",
    "stepi",
    "print/x $pc",
    "break start_kernel",
    "continue",
    "next",
    "print/x __pv_offset",
    "print/x __pv_phys_offset",
    "bt",
]


def make_debug(name, machine, commands, append, timeout=120):
    """`make debug` as the user runs it, GDB fed `commands` (GDB_BATCH).

    The QEMU command line, scripts/gdbinit and the symbol loading are the
    user's: GDB_BATCH only makes scripts/debug.sh add -batch and the
    commands after gdbinit. The whole session is bounded by `timeout`
    (its process group is killed then); a `continue` that never stops
    ends anyway when the kernel powers off. Returns (output, exit status).
    """
    port = free_port()
    cmds = os.path.join(LOGS, name + ".gdb")
    with open(cmds, "w") as f:
        f.write("\n".join(commands) + "\n")
    env = dict(os.environ, QEMU_MACHINE=machine, GDB_PORT=str(port),
               GDB_BATCH=cmds, QEMU_OPTS=os.environ.get("QEMU_OPTS", ""),
               DEBUG_CONSOLE=os.path.join(LOGS, name + "-console.log"),
               APPEND=append)
    proc = subprocess.Popen(["make", "--no-print-directory", "debug"], cwd=ROOT,
                            env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        out = proc.communicate(timeout=timeout)[0].decode(errors="replace")
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out = "timeout after %d s\n" % timeout + \
            proc.communicate()[0].decode(errors="replace")
    with open(os.path.join(LOGS, name + ".log"), "w") as f:
        f.write(out)
    return out, proc.returncode


def run_gdb(tally, syms, machine):
    """`make debug` on one machine, GDB fed the README's commands."""
    name = "gdb-" + machine
    out, status = make_debug(name, machine, GDB_SESSION, "hikern.test=none")
    ref = "log: build/test-logs/%s.log" % name
    ram = RAM_BASE[machine]
    phys = ram - PAGE_OFFSET
    want_pc = syms["__create_page_tables"] + phys + 4
    pat = lambda p: re.search(p, out, re.M) is not None
    checks = [
        ("head.S source line before the MMU is on",
         pat(r"^Breakpoint [\d.]+, __create_page_tables \(\) at boot/head.S:\d+\n\d+\t")),
        ("stepi advances one instruction in head.S, shown as a source line",
         pat(r"^\d+\t.*\n\$\d+ = 0x%x$" % want_pc)),
        ("breakpoint at start_kernel after the MMU switch",
         pat(r"^Breakpoint [\d.]+, start_kernel \(\) at kernel/main.c:\d+")),
        ("print/x __pv_offset is PHYS_OFFSET - PAGE_OFFSET",
         pat(r"^\$\d+ = 0x%x$" % (phys & 0xffffffff))),
        ("print/x __pv_phys_offset is the RAM base",
         pat(r"^\$\d+ = 0x%x$" % ram)),
        ("bt: start_kernel called from __mmap_switched, and nothing else",
         pat(r"^#0  start_kernel \(\) at kernel/main.c:\d+\n"
             r"#1  0x[0-9a-f]+ in __mmap_switched \(\) at boot/head.S:\d+\n(?!#2|Backtrace)")),
        ("no unknown frame, no corrupt-stack warning",
         not pat(r"Backtrace stopped|0x[0-9a-f]+ in \?\? \(\)\n(?!=> 0x%x)" % ram)),
        ("make debug exits 0", status == 0),
    ]
    for what, ok in checks:
        tally.add("%s: %s" % (name, what), ok, ref)


def run_console(tally, machine):
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    import importlib
    console_test = importlib.import_module("console-test")
    console_test.run(machine, 1024, tally.add)


# The README's "Explore it" GDB session (the helpers of scripts/gdb/),
# as the user types it after `make debug APPEND=hikern.test=highmem`. Each
# step is announced with an echo marker so its output can be told apart;
# the p/x lines only add evidence to check against.
GDB_EXPLORE = [
    ("reset", ["lx-dmesg"]),
    ("start_kernel", ["break start_kernel", "continue", "hk-pkmap",
                      "hk-buddyinfo"]),
    ("show_zoneinfo", ["delete", "break show_zoneinfo", "continue",
                       "hk-buddyinfo"]),
    ("zoneinfo", ["finish", "hk-zoneinfo"]),
    ("kmap_high", ["delete", "break kmap_high", "continue", "info args",
                   "p page", "p (unsigned long)(page - mem_map) + "
                   "(__pv_phys_offset >> 12)"]),
    ("finish", ["finish"]),
    ("pagewalk", ["hk-pagewalk $"]),
    ("pkmap", ["hk-pkmap"]),
    ("dmesg", ["lx-dmesg"]),
    ("ps", ["lx-ps"]),
    ("version", ["lx-version"]),
    ("cmdline", ["lx-cmdline"]),
    ("lsmod", ["lx-lsmod"]),
    ("vmallocinfo", ["lx-vmallocinfo"]),
    ("slabinfo", ["lx-slabinfo"]),
    ("atomic", ["delete", "tbreak kmap_atomic_uses_this_cpus_first_slot",
                "continue", "break kmap_atomic_to_page", "continue",
                "p/x ptr", "hk-fixmap"]),
    ("atomic_finish", ["finish"]),
]


def explore_steps(out):
    """The GDB output split at the @@ markers: {step: text}."""
    steps = {}
    for m in re.finditer(r"^@@ (\w+)\n(.*?)(?=^@@ |\Z)", out, re.M | re.S):
        steps[m.group(1)] = m.group(2)
    return steps


def run_gdb_explore(tally, syms, machine):
    """`make debug` through the highmem suite with the lx-/hk- helpers:
    every figure a helper prints is checked against one GDB or the kernel
    computed another way (the page argument, the kernel's own buddyinfo
    and zoneinfo lines, the console's banner)."""
    name = "gdb-explore-" + machine
    cmds = []
    for step, lines in GDB_EXPLORE:
        cmds.append("echo @@ %s\\n" % step)
        cmds.extend(lines)
    out, status = make_debug(name, machine, cmds, "hikern.test=highmem")
    ref = "log: build/test-logs/%s.log" % name
    st = explore_steps(out)
    get = lambda k: st.get(k, "")
    has = lambda k, p: re.search(p, get(k), re.M) is not None
    checks = [("every step ran", all(k in st for k, _ in GDB_EXPLORE))]

    checks.append(("at reset, lx-dmesg says it needs the MMU on", has(
        "reset", r"^hikern: lx-dmesg needs the MMU on .*; stopped at ")))
    checks.append(("at start_kernel, hk-pkmap and hk-buddyinfo say they need "
                   "paging_init()", has(
                       "start_kernel", r"^hikern: hk-pkmap needs paging_init\(\) "
                       r"to have run; stopped at start_kernel$") and has(
                       "start_kernel", r"^hikern: hk-buddyinfo needs "
                       r"paging_init\(\) to have run; stopped at start_kernel$")))

    # The kernel's own buddyinfo and zoneinfo lines (mem_init prints them
    # at KERN_DEBUG: in the log buffer, read back by lx-dmesg) against the
    # helpers' at the same moment.
    klog = [re.sub(r"^\[ *\d+\.\d+\] ", "", l)
            for l in get("dmesg").splitlines()]
    kbuddy = [l for l in klog if re.match(r"Node \d+, zone +\w+ +\d", l)]
    gbuddy = [l for l in get("show_zoneinfo").splitlines()
              if l.startswith("Node ")]
    fmt = r"^Node 0, zone +(Normal|HighMem) (( {0,5}\d+) ){11}$"
    checks.append(("hk-buddyinfo: `Node 0, zone   Normal ...` lines, 11 "
                   "orders", len(gbuddy) >= 1 and
                   all(re.match(fmt, l) for l in gbuddy)))
    checks.append(("hk-buddyinfo equals the kernel's show_buddyinfo() lines",
                   bool(kbuddy) and gbuddy == kbuddy[:len(gbuddy)]
                   and len(kbuddy) >= len(gbuddy)))
    try:
        zstart = klog.index(next(l for l in klog
                                 if re.match(r"Node \d+, zone +\w+$", l)))
        zend = next(i for i in range(zstart, len(klog))
                    if klog[i].startswith("Memory:"))
        kzone = klog[zstart:zend]
    except StopIteration:
        kzone = []
    gzone = [l for l in get("zoneinfo").splitlines()
             if re.match(r"^(Node |  )", l)]
    checks.append(("hk-zoneinfo equals the kernel's show_zoneinfo() lines",
                   bool(kzone) and gzone == kzone))

    # kmap_high: the page argument, its pfn, and the address kmap returned.
    m_page = re.search(r"^\$\d+ = \(struct page \*\) (0x[0-9a-f]+)$",
                       get("kmap_high"), re.M)
    m_pfn = re.search(r"^\$\d+ = (\d+)$", get("kmap_high"), re.M)
    m_ret = re.search(r"^Value returned is \$\d+ = \(void \*\) (0x[0-9a-f]+)$",
                      get("finish"), re.M)
    checks.append(("break kmap_high stops in the highmem suite with its "
                   "page argument", has("kmap_high",
                                        r"^Breakpoint [\d.]+, kmap_high \(page=")
                   and m_page is not None and m_pfn is not None))
    ret = int(m_ret.group(1), 16) if m_ret else 0
    pkmap_base = PAGE_OFFSET - 2 * MB
    checks.append(("finish: kmap_high returns an address in the pkmap window",
                   m_ret is not None and pkmap_base <= ret < PAGE_OFFSET))
    if m_page and m_pfn and m_ret:
        page, pfn = int(m_page.group(1), 16), int(m_pfn.group(1))
        checks.append(("hk-pagewalk: L1 entry of the pkmap page table, L2 "
                       "small-page PTE of that pfn", has(
                           "pagewalk", r"^L1\[0x%03x\] at 0x[0-9a-f]{8} .*: page "
                           r"table at phys " % (ret >> 20)) and has(
                           "pagewalk", r"^L2\[0x%02x\] at 0x[0-9a-f]{8} \(phys "
                           r"0x[0-9a-f]{8}\) = 0x%05x[0-9a-f]{3}: small page "
                           r"0x%08x, AP=01 APX=0 \(kernel RW, user none\), XN=1"
                           % (ret >> 12 & 0xff, pfn, pfn << 12))))
        checks.append(("hk-pagewalk ends at that pfn and page, zone HighMem",
                       has("pagewalk", r"^0x%08x -> phys 0x%08x: pfn 0x%x, page "
                           r"0x%08x, zone HighMem$" % (ret, pfn << 12, pfn, page))))
        checks.append(("hk-pkmap lists the slot with its count, PTE, pfn and "
                       "page", has("pkmap", r"^ *%d  0x%08x +[2-9]\d* +[1-9]\d* "
                                   r" 0x%05x[0-9a-f]{3}  0x%05x  0x%08x$"
                                   % ((ret - pkmap_base) >> 12, ret, pfn, pfn,
                                      page))))
    checks.append(("lx-dmesg shows the boot log",
                   has("dmesg", r"^\[    0\.000000\] Booting Linux on physical "
                       r"CPU 0x0$") and has("dmesg", r"^\[ *\d+\.\d+\] Virtual "
                                            r"kernel memory layout:$") and
                   has("dmesg", r"# Subtest: highmem$")))
    checks.append(("lx-ps shows swapper/0 (init_task) running on CPU 0",
                   has("ps", r"^0x%08x +0  swapper/0 +R +0 \*$"
                       % syms["init_task"])))
    console = ""
    cpath = os.path.join(LOGS, name + "-console.log")
    if os.path.exists(cpath):
        with open(cpath, errors="replace") as f:
            console = f.read()
    banner = re.search(r"^\[ *\d+\.\d+\] (hikern version .*)$", console, re.M)
    checks.append(("lx-version prints the banner the console showed",
                   banner is not None and
                   get("version").strip() == banner.group(1).strip()))
    checks.append(("lx-cmdline prints the command line",
                   get("cmdline").strip() == "hikern.test=highmem"))
    if "modules" in syms:
        checks.append(("lx-lsmod prints Linux's header", has(
            "lsmod", r"^Address +Module +Size +Used by$")))
    else:
        checks.append(("lx-lsmod: no module support in this kernel", has(
            "lsmod", r"^hikern: no module support in this kernel$")))
    checks.append(("lx-vmallocinfo: /proc/vmallocinfo lines, the console's "
                   "ioremap among them", has(
                       "vmallocinfo", r"^0x[0-9a-f]{8}-0x[0-9a-f]{8} +\d+ "
                       r"pl011_console_init\+0x[0-9a-f]+/0x[0-9a-f]+ "
                       r"phys=0x[0-9a-f]{8} ioremap$")))
    checks.append(("lx-slabinfo: version 2.1, kmalloc-32 line", has(
        "slabinfo", r"^slabinfo - version: 2\.1$") and has(
            "slabinfo", r"^kmalloc-32 +\d+ +\d+ +\d+ +\d+ +\d+ : tunables +0 +0 "
            r"+0 : slabdata +\d+ +\d+ +0$")))
    m_va = re.search(r"^\$\d+ = (0x[0-9a-f]+)$", get("atomic"), re.M)
    m_pg = re.search(r"^Value returned is \$\d+ = \(struct page \*\) "
                     r"(0x[0-9a-f]+)$", get("atomic_finish"), re.M)
    ok = False
    if m_va and m_pg:
        va = int(m_va.group(1), 16) & ~0xfff
        ok = has("atomic", r"^CPU0: 1 slot\(s\) in use$") and has(
            "atomic", r"^ +0 +\d+  0x%08x  0x[0-9a-f]{8}  0x[0-9a-f]+  0x%08x$"
            % (va, int(m_pg.group(1), 16)))
    checks.append(("hk-fixmap: CPU0's one kmap_atomic slot, the address and "
                   "page kmap_atomic_to_page() works on", ok))
    checks.append(("no Python error from a helper",
                   not re.search(r"Python Exception|Error occurred in Python",
                                 out)))
    checks.append(("make debug exits 0", status == 0))
    for what, ok in checks:
        tally.add("%s: %s" % (name, what), ok, ref)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite", help="run one KTAP suite on the main configs")
    ap.add_argument("--only", help="regex: run only matching QEMU configs")
    ap.add_argument("--no-host", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--stress", action="store_true",
                    help="every configuration runs every suite, 3 rounds")
    args = ap.parse_args()

    tally = Tally()
    syms = elf_symbols()
    os.makedirs(LOGS, exist_ok=True)
    configs = matrix()
    if args.suite:
        configs = [c for c in configs if c.test == "all"]
        for c in configs:
            c.test = args.suite
    if args.stress:
        rounds = []
        for r in range(3):
            for c in matrix():
                if (c.test == "none" and not c.extra_append.startswith("lkdtm")
                        and not c.name.startswith("badmem-")):
                    c.test = "all"
                c.timeout *= 3
                c.name = "%s-round%d" % (c.name, r + 1)
                rounds.append(c)
        configs = rounds
    if args.only:
        configs = [c for c in configs if re.search(args.only, c.name)]
    run_host_tests = not (args.no_host or args.suite or args.only or args.stress)
    if run_host_tests:
        for target in ("format-check", "kernel-doc-check", "host-tests",
                       "host-lib-tests", "host-pkmap-tests", "host-slab-tests",
                       "fuzz-smoke", "fuzz-fdt-smoke", "fuzz-module-smoke"):
            run_host(target, tally)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = {ex.submit(check_config, c, syms): c for c in configs}
        for fut in concurrent.futures.as_completed(futs):
            for name, ok, detail in fut.result():
                tally.add(name, ok, detail)
    for machine in ("virt", "vexpress-a9"):
        if not args.suite and (not args.only or re.search(args.only, "gdb-" + machine)):
            run_gdb(tally, syms, machine)
    # The console shell, typed at through scripts/qemu.sh as make run does
    # (scripts/console-test.py): virt (PSCI poweroff) and vexpress-a9
    # (UART0 on SPI 5, semihosting poweroff).
    for machine in ("virt", "vexpress-a9"):
        if not args.suite and (not args.only or
                               re.search(args.only, "console-" + machine)):
            run_console(tally, machine)
    for machine in ("virt", "vexpress-a9", "vexpress-a15"):
        if not args.suite and (not args.only or
                               re.search(args.only, "gdb-explore-" + machine)):
            run_gdb_explore(tally, syms, machine)
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
