"""Hand-made device trees for scripts/run-tests.py: bad memory banks and
bad initrd ranges, built at test time.

QEMU's -dtb (and its own tree on virt) has /memory and /chosen rewritten
by QEMU when it boots a kernel with -kernel, so a tree that lies about
RAM cannot be delivered that way. Each variant here is therefore booted
without -kernel, the way QEMU boots a raw image but by hand, with QEMU's
generic loader:

  * the board's own tree is the starting point: virt's comes from
    `qemu-system-arm -M virt,dumpdtb=FILE`, vexpress-a9's is the repo's
    build/dts/vexpress-v2p-ca9.dtb (make dtbs);
  * dtc turns it into source, the /memory nodes are replaced by the
    variant's banks, /chosen gets bootargs (the configuration's command
    line) and, if asked, linux,initrd-start/-end; dtc builds it again;
  * `-device loader,file=...` puts build/Image, the tree, an initrd image
    and a 7-word boot stub in RAM, and `-device loader,addr=STUB,cpu-num=0`
    starts CPU 0 in the stub. The stub does what QEMU's own raw-image boot
    stub does: r0 = 0, r1 = machine number (0xffffffff on virt, which has
    none; vexpress is 0x8e0), r2 = tree address, jump to the image.

The image is not put at RAM base + 0x10000 on virt as QEMU's -kernel would:
without -kernel, virt still loads its own 1 MiB tree at the RAM base (for
firmware), so the image goes to RAM base + 1 MiB. head.S finds PHYS_OFFSET
by rounding its run address down to 16 MB and moves itself to
PHYS_OFFSET + 0x8000 either way, the path a -kernel boot takes too.

Everything generated lands in build/dtb-variants/<config>/.
"""
import os
import re
import shutil
import struct
import subprocess

MB = 1 << 20
KB = 1 << 10

# Where the pieces go, as offsets from the RAM base (all inside the first
# 512 MB, where head.S maps the boot parameters, and clear of each other).
STUB_OFFSET = 0x00F00000
DTB_OFFSET = 0x01000000
INITRD_OFFSET = 0x02000000
IMAGE_OFFSET = {"virt": 0x00100000, "vexpress-a9": 0x00010000}
MACHINE_NR = {"virt": 0xFFFFFFFF, "vexpress-a9": 0x8E0}
INITRD_SIZE = 8 * MB + 100  # not a page multiple: the kernel rounds it

# A line naming a memory problem (see bank_verdict).
MEMORY_WORD = re.compile(r"(?i)\b(memory|ram|bank)\b")
HEX = re.compile(r"\b(?:0x)?([0-9a-fA-F]{8,16})\b")


def boot_stub(r1, r2, entry):
    """QEMU's raw-image boot stub, in words: r0 = 0, r1, r2, pc = entry."""
    words = [
        0xE3A00000,  # mov r0, #0
        0xE59F1004,  # ldr r1, [pc, #4]    (word 4)
        0xE59F2004,  # ldr r2, [pc, #4]    (word 5)
        0xE59FF004,  # ldr pc, [pc, #4]    (word 6)
        r1, r2, entry,
    ]
    return struct.pack("<7I", *words)


def cells(value, n):
    """A value as n 32-bit cells of a dts property."""
    out = []
    for i in reversed(range(n)):
        out.append("0x%x" % ((value >> (32 * i)) & 0xFFFFFFFF))
    if value >> (32 * n):
        raise ValueError("0x%x does not fit in %d cells" % (value, n))
    return " ".join(out)


def root_cells(dts, name):
    m = re.search(r"^\t%s = <(0x[0-9a-fA-F]+|\d+)>;" % re.escape(name), dts, re.M)
    return int(m.group(1), 0) if m else 1


def edit_dts(dts, nodes, bootargs, initrd):
    """Replace /memory by nodes (lists of (start, size)); set /chosen."""
    ac, sc = root_cells(dts, "#address-cells"), root_cells(dts, "#size-cells")
    dts = re.sub(r"^\tmemory(@[0-9a-fA-F]+)? \{\n.*?^\t\};\n", "", dts,
                 flags=re.M | re.S)
    dts = re.sub(r"^\t\t(bootargs|linux,initrd-start|linux,initrd-end) = .*;\n",
                 "", dts, flags=re.M)
    chosen = ['\t\tbootargs = "%s";\n' % bootargs.replace('"', '\\"')]
    if initrd:
        chosen.append("\t\tlinux,initrd-start = <%s>;\n" % cells(initrd[0], ac))
        chosen.append("\t\tlinux,initrd-end = <%s>;\n" % cells(initrd[1], ac))
    if re.search(r"^\tchosen \{\n", dts, re.M):
        dts = re.sub(r"^\tchosen \{\n", lambda m: m.group(0) + "".join(chosen),
                     dts, count=1, flags=re.M)
    else:
        nodes_txt = "\tchosen {\n%s\t};\n" % "".join(chosen)
        dts = re.sub(r"^\};\s*$", lambda m: nodes_txt + m.group(0), dts,
                     count=1, flags=re.M)
    mem = ""
    for banks in nodes:
        reg = " ".join("%s %s" % (cells(s, ac), cells(z, sc)) for s, z in banks)
        mem += ('\tmemory@%x {\n\t\tdevice_type = "memory";\n'
                "\t\treg = <%s>;\n\t};\n" % (banks[0][0], reg))
    # Properties come before subnodes in dts: add the nodes at the end.
    i = dts.rstrip().rfind("};")
    return dts[:i] + mem + dts[i:]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode,
                                                   (p.stderr or p.stdout).strip()))
    return p.stdout


ATAG_CORE, ATAG_MEM, ATAG_CMDLINE, ATAG_INITRD2 = (
    0x54410001, 0x54410002, 0x54410009, 0x54420005)


def atag_list(banks, cmdline, initrd):
    """An ATAG list (Linux's Documentation/arm/Booting) as QEMU writes it:
    CORE, a MEM per bank, CMDLINE, INITRD2 if asked, NONE."""
    def tag(kind, payload):
        return struct.pack("<2I", 2 + len(payload) // 4, kind) + payload
    out = tag(ATAG_CORE, struct.pack("<3I", 1, 4096, 0))
    for start, size in banks:
        out += tag(ATAG_MEM, struct.pack("<2I", size, start))
    text = cmdline.encode() + b"\0"
    out += tag(ATAG_CMDLINE, text + b"\0" * (-len(text) % 4))
    if initrd:
        out += tag(ATAG_INITRD2, struct.pack("<2I", initrd[0],
                                             initrd[1] - initrd[0]))
    return out + struct.pack("<2I", 0, 0)


class Variant:
    """One hand-made boot: the files it needs and the QEMU loader args.
    The boot parameters are a device tree, or with atags an ATAG list."""

    def __init__(self, paths, machine, nodes, initrd=None, load_initrd=False,
                 atags=False, dump_qemu=(), qemu=()):
        self.paths, self.machine, self.nodes = paths, machine, nodes
        self.initrd, self.load_initrd = initrd, load_initrd
        self.atags = atags
        # QEMU options for the tree's dump (virt) and for the boot itself:
        # they may differ, as a tree listing CPUs QEMU does not run.
        self.dump_qemu, self.qemu = list(dump_qemu), list(qemu)
        base = paths["ram_base"][machine]
        self.image_addr = base + IMAGE_OFFSET[machine]
        self.stub_addr = base + STUB_OFFSET
        self.dtb_addr = base + DTB_OFFSET

    def files(self, cfg):
        d = os.path.join(self.paths["build"], "dtb-variants", cfg.name)
        return {k: os.path.join(d, k) for k in
                ("board.dtb", "variant.dts", "variant.dtb", "atags.bin",
                 "stub.bin")}

    def params(self, cfg):
        f = self.files(cfg)
        return f["atags.bin"] if self.atags else f["variant.dtb"]

    def board_dtb(self, cfg, out):
        if self.machine == "virt":
            run(["qemu-system-arm"] + self.paths["board_args"]["virt"] +
                ["-m", str(cfg.mem), "-display", "none", "-monitor", "none",
                 "-M", "virt,dumpdtb=" + out] + self.dump_qemu)
        else:
            shutil.copyfile(self.paths["board_dtbs"][self.machine], out)

    def prepare(self, cfg):
        """Build the tree, the stub and the initrd image for cfg, and
        set cfg.extra_qemu to load them (its name may have changed since
        it was made: --stress renames configurations)."""
        f = self.files(cfg)
        os.makedirs(os.path.dirname(f["board.dtb"]), exist_ok=True)
        if self.atags:
            with open(f["atags.bin"], "wb") as fh:
                fh.write(atag_list([b for n in self.nodes for b in n],
                                   cfg.append(), self.initrd))
        else:
            self.build_dtb(cfg, f)
        with open(f["stub.bin"], "wb") as fh:
            fh.write(boot_stub(MACHINE_NR[self.machine], self.dtb_addr,
                               self.image_addr))
        if self.load_initrd:
            initrd_image(self.paths)
        cfg.extra_qemu = self.qemu_args(cfg)

    def build_dtb(self, cfg, f):
        self.board_dtb(cfg, f["board.dtb"])
        dts = run(["dtc", "-q", "-I", "dtb", "-O", "dts", f["board.dtb"]])
        dts = edit_dts(dts, self.nodes, cfg.append(), self.initrd)
        with open(f["variant.dts"], "w") as fh:
            fh.write(dts)
        run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", f["variant.dtb"],
             f["variant.dts"]])

    def qemu_args(self, cfg):
        f = self.files(cfg)
        args = ["-device", "loader,file=%s,addr=0x%x" % (self.paths["image"], self.image_addr),
                "-device", "loader,file=%s,addr=0x%x" % (self.params(cfg), self.dtb_addr),
                "-device", "loader,file=%s,addr=0x%x" % (f["stub.bin"], self.stub_addr)]
        if self.load_initrd:
            args += ["-device", "loader,file=%s,addr=0x%x" % (
                initrd_path(self.paths), self.initrd[0])]
        return self.qemu + args + [
            "-device", "loader,addr=0x%x,cpu-num=0" % self.stub_addr]


def initrd_path(paths):
    return os.path.join(paths["build"], "dtb-variants", "initrd.bin")


def initrd_image(paths):
    """INITRD_SIZE bytes of a pattern (the kernel does not unpack it)."""
    p = initrd_path(paths)
    if not os.path.exists(p) or os.path.getsize(p) != INITRD_SIZE:
        os.makedirs(os.path.dirname(p), exist_ok=True)
        block = bytes(range(256)) * (MB // 256)
        with open(p, "wb") as fh:
            fh.write((block * (INITRD_SIZE // MB + 1))[:INITRD_SIZE])
    return p


def initrd_reserved_k():
    """What a correctly reserved INITRD_SIZE initrd at a page boundary
    adds to the Memory line's reserved figure."""
    return -(-INITRD_SIZE // 4096) * 4


def bank_verdict(addrs, memory_re):
    """Checks for a bank the kernel cannot use as described.

    Whatever the kernel decides (carry on with the RAM it runs in, or
    panic), it must say what is wrong in one line that names the memory
    (the word memory, RAM or bank) and one of addrs: the bank's start, end
    or last byte, or the kernel image's (the problem may be told from
    either side), in hex of any width, with or without 0x; and then either
    reach the Memory line (exit 0) or panic (exit 3). Silence, a hang or a
    crash without that line fails.
    """
    def verdict(cfg, log, status):
        named = [l for l in log.splitlines() if MEMORY_WORD.search(l) and
                 any(int(h, 16) in addrs for h in HEX.findall(l))]
        res = [("%s: one line names the bad bank or the kernel (0x%s)" % (
                    cfg.name, "/0x".join("%x" % a for a in sorted(addrs))),
                bool(named), "")]
        if status == 0:
            res.append(("%s: carries on to the Memory line" % cfg.name,
                        memory_re.search(log) is not None, ""))
        elif status == 3:
            res.append(("%s: panics with a reason" % cfg.name,
                        re.search(r"Kernel panic - not syncing: \S", log) is not None, ""))
        return res
    return verdict


def bank_addrs(start, size, kernel):
    """First, last and end bytes of a bank and of what the kernel occupies
    or needs: kernel is (PHYS_OFFSET, _text, _end) as physical addresses;
    head.S maps whole 1 MB sections from PHYS_OFFSET up to the one holding
    _end, so a message may name that range instead of the image."""
    base, text, end = kernel
    addrs = set()
    for a, b in ((start, start + size), (text, end),
                 (base, (end + MB - 1) & ~(MB - 1))):
        addrs |= {a, b, b - 1}
    return addrs


def configs(Config, paths, memory_re, syms):
    """The variant configurations, as run-tests.py Config objects.

    paths: build, image, ram_base, board_args, board_dtbs (run-tests.py's).
    """
    virt = paths["ram_base"]["virt"]
    a9 = paths["ram_base"]["vexpress-a9"]

    def kernel(base):  # PHYS_OFFSET and where head.S puts [_text, _end)
        return (base, syms["_text"] - 0xC0000000 + base,
                syms["_end"] - 0xC0000000 + base)
    _, kstart, kend = kernel(virt)
    in_kernel = (kstart + (kend - kstart) // 2) & ~0xFFF
    out = []

    def add(name, machine, mem, nodes, initrd=None, load_initrd=False,
            atags=False, dump_qemu=(), qemu=(), **kw):
        v = Variant(paths, machine, nodes, initrd, load_initrd, atags,
                    dump_qemu, qemu)
        kw.setdefault("test", "none")
        kw.setdefault("timeout", 30)
        out.append(Config(name, machine=machine, mem=mem, kernel=False,
                          prepare=v.prepare, **kw))

    def bad_bank(name, machine, mem, start, size):
        add(name, machine, mem, [[(start, size)]], layout=False,
            exit_status=(0, 3),
            verdict=bank_verdict(bank_addrs(
                start, size, kernel(paths["ram_base"][machine])), memory_re))

    # Banks the kernel cannot run in as described.
    bad_bank("dtv-tiny-bank", "virt", 512, virt, 256 * KB)
    bad_bank("dtv-bank-in-kernel", "virt", 512, in_kernel, 256 * MB)
    bad_bank("dtv-bank-below-phys", "virt", 512, 0x20000000, 256 * MB)
    bad_bank("dtv-bank-above-4g", "virt", 512, 0x100000000, 256 * MB)
    bad_bank("dtv-a9-tiny-bank", "vexpress-a9", 512, a9, 256 * KB)
    # Overlapping banks in one reg: memblock merges them, RAM counted once;
    # the union is exactly QEMU's 512 MB, so the layout oracle applies.
    add("dtv-overlapping-banks", "virt", 512,
        [[(virt, 384 * MB), (virt + 256 * MB, 256 * MB)]])
    # Positive controls: a normal bank plus one more after a hole, every
    # suite run over it. virt: the second bank is all HighMem.
    add("dtv-two-banks", "virt", 1536,
        [[(virt, 256 * MB)], [(0x80000000, 512 * MB)]], test="all",
        layout=False, timeout=120,
        expect=[r"Memory: \d+K/786432K available \(.*, 524288K highmem\)",
                r"lowmem  : 0xc0000000 - 0xd0000000   \( 256 MB\)"])
    add("dtv-a9-two-banks", "vexpress-a9", 1024,
        [[(a9, 256 * MB)], [(a9 + 512 * MB, 256 * MB)]], layout=False,
        expect=[r"Memory: \d+K/524288K available"])
    # Bad initrd ranges: refused with Linux's lines, nothing reserved for
    # them (the layout oracle's reserved window is only 2 MB wide).
    size = 8 * MB
    for name, start, what in (
            ("outside-ram", 0x70000000, "is not a memory region"),
            ("straddles-end", virt + 512 * MB - 4 * MB, "is not a memory region"),
            ("over-kernel", virt, "overlaps in-use memory region"),
            ("all-ram", virt, "overlaps in-use memory region")):
        end = virt + 512 * MB if name == "all-ram" else start + size
        add("dtv-initrd-" + name, "virt", 512, [[(virt, 512 * MB)]],
            initrd=(start, end),
            expect=[r"INITRD: 0x%08x\+0x%08x %s - disabling initrd" %
                    (start, end - start, what)])
    # The same check on the ATAG path (ATAG_INITRD2), vexpress-a9.
    add("atags-initrd-outside-ram", "vexpress-a9", 512, [[(a9, 512 * MB)]],
        initrd=(0xB0000000, 0xB0000000 + size), atags=True,
        expect=[r"boot information from ATAGS",
                r"INITRD: 0xb0000000\+0x00800000 is not a memory region - "
                r"disabling initrd"])
    # A good initrd (loaded there, odd size) is reserved in whole pages.
    for name, machine, base in (("dtv-initrd-ok", "virt", virt),
                                ("dtv-a9-initrd-ok", "vexpress-a9", a9)):
        start = base + INITRD_OFFSET
        add(name, machine, 512, [[(base, 512 * MB)]],
            initrd=(start, start + INITRD_SIZE), load_initrd=True,
            extra_reserved_k=initrd_reserved_k(),
            verdict=lambda cfg, log, status: [
                ("%s: no INITRD: complaint" % cfg.name, "INITRD:" not in log, "")])
    # A CPU that never comes online (issue 10): virt's tree dumped with
    # -smp 4 lists CPUs 0-3, but QEMU runs only 2, so PSCI CPU_ON for
    # CPUs 2 and 3 fails. The kernel must say so for each, bring up the
    # two that exist, run the smp suites on them and end with status 0.
    # (QEMU's PSCI answers CPU_ON for an MPIDR with no CPU with
    # INVALID_PARAMETERS, which hikern, like Linux's psci_to_linux_errno(),
    # reports as -EINVAL; a CPU that started but never answered would print
    # the timeout's line instead.)
    def cpu_failed(cpu):
        return r"CPU%d: (failed to boot: -22|failed to come online)\n" % cpu
    add("dtv-virt-4cpus-smp2", "virt", 1024, [[(virt, 1024 * MB)]],
        test="smp,smp_highmem", layout=False, timeout=120,
        dump_qemu=["-smp", "4"], qemu=["-smp", "2"],
        expect=[r"CPU1: thread -1, cpu 1, socket 0, mpidr 80000001",
                cpu_failed(2), cpu_failed(3),
                r"smp: Brought up 1 node, 2 CPUs\n",
                r"CPU1: kmap_atomic at 0x[0-9a-f]{8}, slot base"])
    # What a user of QEMU's own -initrd gets (raw image): virt passes it in
    # /chosen linux,initrd-start/-end, vexpress in ATAG_INITRD2. Either way
    # it is reserved, silently, as in Linux.
    def qemu_initrd(cfg):
        cfg.extra_qemu = ["-initrd", initrd_image(paths)]
    for name, machine in (("qemu-initrd-virt", "virt"),
                          ("qemu-initrd-vexpress-a9-atags", "vexpress-a9")):
        out.append(Config(name, machine=machine, mem=512, test="none",
                          timeout=30, prepare=qemu_initrd,
                          extra_reserved_k=initrd_reserved_k(),
                          verdict=lambda cfg, log, status: [
                              ("%s: no INITRD: complaint" % cfg.name,
                               "INITRD:" not in log, "")]))
    return out
