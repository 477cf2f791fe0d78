#!/usr/bin/env python3
"""make bench: guest instructions per operation, measured, never asserted.

Boots build-bench/Image (CONFIG_DEBUG=0) on virt -m 1024 -smp 1 under
`-icount shift=0,sleep=off`, where the PMU cycle counter counts retired
guest instructions exactly and the virtual counter advances one tick per
16 instructions from reset. The run is made twice: the figures must be
identical (determinism is what makes them comparable), and a difference is
reported. The production boot to power-off (hikern.test=none) is timed
the same way, twice. Then boots -smp 2 and -smp 4 with hikern.bench=smp for the
per-CPU figures (kmap_atomic and kmap_local pairs, pkmap kmap+kunmap of
a mapped page and of new pages, with every CPU running the loop at once;
one flush_all_zero_pkmaps() of 511 slots). Prints a table against the targets and Linux 6.1's
figures on the same QEMU machine, plus every raw `bench:` line and host wall time.
"""
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMAGE = os.path.join(ROOT, "build-bench", "Image")

# name: (what, target, Linux 6.1 on the same machine)
TARGETS = {
    "reset_to_layout": ("reset to the layout block", 2000000, None),
    "boot_to_poweroff": ("boot to power-off (hikern.test=none)", 1300000,
                         None),
    "alloc_free_order0_low": ("alloc_page+__free_page (lowmem)", 80, 640),
    "alloc_free_order0_high": ("alloc_page+__free_page (highmem)", 80, 640),
    "alloc_free_order3": ("alloc_pages+__free_pages order 3", None, None),
    "alloc_free_order10": ("alloc_pages+__free_pages order 10", None, None),
    "highmem_drain_refill": ("HighMem drain+refill, per page", None, None),
    "kmap_atomic": ("kmap_atomic+kunmap_atomic", 30, 278),
    "kmap_local": ("kmap_local_page+kunmap_local", None, None),
    "kmap_mapped": ("kmap+kunmap, page already mapped", 40, 301),
    "kmap_new_amortised": ("kmap+kunmap, new pages, amortised", 120, 651),
    "kmalloc32": ("kmalloc(32)+kfree", 50, 249),
    "vmalloc4": ("vmalloc(4 pages)+vfree", 1500, 7527),
    "context_switch": ("context switch (two threads yield)", None, None),
    "spin_lock": ("spin_lock+spin_unlock, uncontended", None, None),
    "module_load": ("load a small module (oot_hello.ko)", None, None),
    "module_unload": ("unload it", None, None),
    "module_call_kernel": ("call of a kernel export from a module", None, None),
    "kernel_call_kernel": ("the same call from kernel code", None, None),
}


def fmt(v):
    return "%d" % v if v == int(v) else "%.1f" % v


def run(mem, smp=1, which="all"):
    cmd = ["qemu-system-arm", "-M", "virt", "-cpu", "cortex-a15", "-smp", str(smp),
           "-nic", "none",
           "-m", str(mem), "-display", "none", "-monitor", "none",
           "-serial", "stdio", "-semihosting-config", "enable=on,target=native",
           "-icount", "shift=0,sleep=off", "-kernel", IMAGE,
           "-initrd", os.path.join(ROOT, "build-bench", "initramfs.cpio"),
           "-append", "hikern.bench=" + which]
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    wall = time.time() - t0
    figures = {}
    for m in re.finditer(r"bench: (\S+) ([\d.]+) (\S+)", p.stdout):
        figures[m.group(1)] = (float(m.group(2)), m.group(3))
    mem_line = re.search(r"Memory: (\d+)K/(\d+)K available", p.stdout)
    page = re.search(r"struct pages of (\d+) bytes", p.stdout)
    return figures, wall, p.returncode, mem_line, page, p.stdout


def boot_to_poweroff(mem):
    """The production boot from reset to power-off: hikern.test=none
    boots, prints the layout and the module list and exits through
    semihosting. Under -icount shift=0 a guest instruction is one
    nanosecond, so the printk stamp of the last line before the exit is
    the instructions run to that point (its resolution: 1 us = 1,000
    instructions)."""
    cmd = ["qemu-system-arm", "-M", "virt", "-cpu", "cortex-a15", "-nic", "none",
           "-m", str(mem), "-display", "none", "-monitor", "none",
           "-serial", "stdio", "-semihosting-config", "enable=on,target=native",
           "-icount", "shift=0,sleep=off", "-kernel", IMAGE,
           "-initrd", os.path.join(ROOT, "build-bench", "initramfs.cpio"),
           "-append", "hikern.test=none"]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    stamps = re.findall(r"^\[ *(\d+)\.(\d{6})\] ", p.stdout, re.M)
    if p.returncode != 0 or not stamps:
        return None
    sec, usec = stamps[-1]
    return (int(sec) * 1000000 + int(usec)) * 1000.0, "insns"


def main():
    os.makedirs(os.path.join(ROOT, "build-bench"), exist_ok=True)
    a, wall_a, rc, mem_line, page, out = run(1024)
    boot = boot_to_poweroff(1024)
    if boot:
        a["boot_to_poweroff"] = boot
    with open(os.path.join(ROOT, "build-bench", "bench.log"), "w") as f:
        f.write(out)
    b, wall_b, _, _, _, _ = run(1024)
    boot = boot_to_poweroff(1024)
    if boot:
        b["boot_to_poweroff"] = boot
    smp_runs = {}
    for n in (2, 4):
        f, _, rc_n, _, _, out_n = run(1024, smp=n, which="smp")
        again = run(1024, smp=n, which="smp")[0]
        if again != f:
            print("determinism: the two -smp %d runs DIFFER" % n)
        with open(os.path.join(ROOT, "build-bench", "bench-smp%d.log" % n), "w") as fl:
            fl.write(out_n)
        if rc_n != 0:
            print("bench: the -smp %d benchmark boot failed (exit %d)" % (n, rc_n))
        smp_runs[n] = f
        for k, v in f.items():
            if k.endswith("_cpus%d" % n):
                a.setdefault(k, v)
                b.setdefault(k, v)
    if rc != 0:
        print("bench: the benchmark boot failed (exit %d); see build-bench/bench.log" % rc)
        return 1
    print("%-40s %14s %10s %12s" % ("operation", "guest insns", "target", "Linux 6.1"))
    for name, (what, target, linux) in TARGETS.items():
        if name not in a:
            print("%-40s %14s %10s %12s" % (what, "(not measured)", target or "-",
                                            linux or "-"))
            continue
        v, unit = a[name]
        flag = "" if target is None or v <= target else "  MISSES TARGET"
        print("%-40s %14s %10s %12s%s" % (what, fmt(v), target or "-",
                                           linux or "-", flag))
    # The SMP figures: the pair while 1, 2 or 4 CPUs run the same
    # loop at once, guest instructions of all CPUs per operation of all
    # CPUs (tests/kernel/smp_bench.c says why not CPU 0's alone); per-CPU
    # data, so each must stay within 10% of the 1-CPU figure.
    for what, key in (("kmap_atomic+kunmap_atomic", "kmap_atomic"),
                      ("kmap_local_page+kunmap_local", "kmap_local")):
        one = a.get(key + "_cpus1")
        for n in (1, 2, 4):
            v = a.get("%s_cpus%d" % (key, n)) or smp_runs.get(n, {}).get(
                "%s_cpus%d" % (key, n))
            label = "%s, %d CPU%s at once" % (what, n, "s" if n > 1 else "")
            if v is None:
                print("%-40s %14s" % (label, "(not measured)"))
                continue
            flag = ""
            if one and v[0] > 1.1 * one[0]:
                flag = "  MORE THAN 10% OVER 1 CPU"
            print("%-40s %14s %10s %12s%s" % (label, fmt(v[0]), "<= 1.1x", "-", flag))
    # kmap_lock is shared: contention is the point, so no 10% line here.
    # Same measure: the lock's spinning is in the figure, as the waiting
    # CPUs' own instructions.
    for what, key, counts in (
            ("kmap+kunmap, mapped page", "pkmap_mapped", (1, 2, 4)),
            ("kmap+kunmap, new pages", "pkmap_new", (1, 2, 4)),
            ("one flush_all_zero_pkmaps (511 slots)", "flush_all_zero_pkmaps",
             (1, 4))):
        for n in counts:
            v = a.get("%s_cpus%d" % (key, n))
            label = "%s, %d CPU%s" % (what, n, "s" if n > 1 else "")
            print("%-40s %14s %10s %12s" % (label, fmt(v[0]) if v else
                                            "(not measured)", "-", "-"))
    if page:
        print("%-40s %14s %10s" % ("sizeof(struct page)", page.group(1) + " B", "32 B"))
    if mem_line:
        avail, total = int(mem_line.group(1)), int(mem_line.group(2))
        print("%-40s %13.2f%% %10s" % ("RAM available at -m 1024",
                                       100.0 * avail / total, ">= 99%"))
    print()
    for name, (v, unit) in sorted(a.items()):
        print("bench: %s %s %s" % (name, fmt(v), unit))
    print("bench: host_wall_time %.2f s" % wall_a)
    same = a == b
    print("determinism: two runs %s" % ("identical" if same else "DIFFER"))
    if not same:
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                print("  %s: %s vs %s" % (k, a.get(k), b.get(k)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
