# Shared helpers of the hikern GDB commands: symbol and memory access,
# list walking, CPUs, and the "is the kernel far enough" checks.
#
# GDB reads memory at virtual addresses through the CPU's current
# translation (QEMU's gdbstub), so kernel data can be read only once the
# MMU is on, and the memory-management views only once paging_init() has
# built mem_map, the pkmap and fixmap page tables.
import gdb

PAGE_SHIFT = 12
PAGE_SIZE = 1 << PAGE_SHIFT
PAGE_OFFSET = 0xC0000000


class NotReady(Exception):
    """The kernel has not reached the point a command needs."""


def lookup(name):
    """The gdb.Value of a global or file-static symbol, or None."""
    sym = gdb.lookup_global_symbol(name)
    if sym is None:
        sym = gdb.lookup_static_symbol(name)
    if sym is None:
        return None
    return sym.value()


def sym(name):
    v = lookup(name)
    if v is None:
        raise gdb.GdbError("hikern: no symbol %s in this kernel" % name)
    return v


def u32(value):
    return int(value) & 0xFFFFFFFF


def read_u32(addr):
    mem = gdb.selected_inferior().read_memory(addr, 4)
    return int.from_bytes(bytes(mem), "little")


def string_at(value):
    """The C string of a char array or pointer symbol (an array declared
    `extern const char x[];` has no length for GDB, so read its address)."""
    t = value.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_ARRAY:
        value = value.address
    return value.cast(gdb.lookup_type("char").pointer()).string()


def read_bytes(addr, n):
    return bytes(gdb.selected_inferior().read_memory(addr, n))


def register(name):
    """A register QEMU's gdbstub exposes ($SCTLR, $TTBR0_EL1), or None."""
    try:
        v = gdb.parse_and_eval("$" + name)
    except gdb.error:
        return None
    if v.type.code == gdb.TYPE_CODE_VOID:
        return None
    return u32(v)


def container_of(ptr, typename, member):
    t = gdb.lookup_type(typename)
    off = None
    for f in t.fields():
        if f.name == member:
            off = f.bitpos // 8
    if off is None:
        raise gdb.GdbError("hikern: %s has no member %s" % (typename, member))
    addr = u32(ptr) - off
    return gdb.Value(addr).cast(t.pointer())


def list_for_each_entry(head, typename, member):
    """Entries of a struct list_head list (head: a list_head value)."""
    node = head["next"]
    end = u32(head.address)
    seen = 0
    while u32(node) != end:
        if u32(node) == 0:
            raise gdb.GdbError("hikern: NULL in a list at %#x" % end)
        seen += 1
        if seen > 100000:
            raise gdb.GdbError("hikern: list at %#x does not end" % end)
        yield container_of(node, typename, member)
        node = node["next"]


def has_field(value, name):
    t = value.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_PTR:
        t = t.target().strip_typedefs()
    return any(f.name == name for f in t.fields())


def array_len(value):
    lo, hi = value.type.strip_typedefs().range()
    return hi - lo + 1


def nr_cpus():
    """NR_CPUS, from the length of a per-CPU array the kernel has."""
    for name in ("runqueues", "kmap_atomic_cpu"):
        v = lookup(name)
        if v is not None:
            return array_len(v)
    return 1


def online_cpus():
    """The online CPUs: the SMP code's cpu_online_mask when it exists,
    else the runqueues that have an idle task (rq->online), else CPU 0."""
    for name in ("__cpu_online_mask", "cpu_online_mask"):
        mask = lookup(name)
        if mask is not None:
            if mask.type.strip_typedefs().code == gdb.TYPE_CODE_PTR:
                mask = mask.dereference()
            if has_field(mask, "bits"):
                mask = mask["bits"]
            bits = 0
            if mask.type.strip_typedefs().code == gdb.TYPE_CODE_ARRAY:
                for i in range(array_len(mask)):
                    bits |= u32(mask[i]) << (32 * i)
            else:
                bits = int(mask)
            return [c for c in range(nr_cpus()) if bits >> c & 1]
    rqs = lookup("runqueues")
    if rqs is not None and has_field(rqs[0], "online"):
        cpus = [c for c in range(array_len(rqs)) if bool(rqs[c]["online"])]
        if cpus:
            return cpus
    return [0]


def where():
    """The function the selected frame is in, for the not-ready messages."""
    try:
        frame = gdb.selected_frame()
    except gdb.error:
        return "no frame (the target is not running)"
    name = frame.name()
    if name:
        return name
    return "pc %#x" % u32(frame.pc())


def mmu_on():
    """The kernel runs at its virtual addresses (>= PAGE_OFFSET; every
    machine's RAM, where it runs before, lies below). QEMU's $SCTLR is no
    help: on the TrustZone cores (Cortex-A9) the gdbstub shows the
    non-secure bank, which the kernel, running secure, never writes."""
    return u32(gdb.selected_frame().pc()) >= PAGE_OFFSET


def paging_ready():
    """paging_init() has run: its last step, kmap_atomic_init(), has set
    CPU 0's kmap_atomic stack, and mem_map exists."""
    if not mmu_on():
        return False
    try:
        k = sym("kmap_atomic_cpu")[0]
        return u32(k["base"]) != 0 and u32(sym("mem_map")) != 0
    except gdb.MemoryError:
        return False


def require_mmu(cmd):
    if not mmu_on():
        raise NotReady("hikern: %s needs the MMU on (kernel addresses are "
                       "not mapped yet); stopped at %s" % (cmd, where()))


def require_paging(cmd):
    if not paging_ready():
        raise NotReady("hikern: %s needs paging_init() to have run; "
                       "stopped at %s" % (cmd, where()))


class Command(gdb.Command):
    """Base of the hikern commands: `needs` is "mmu" or "paging"; the
    subclass implements run(arg). A kernel not far enough along gets one
    clear line, not a Python traceback."""

    needs = "paging"

    def __init__(self, name):
        super().__init__(name, gdb.COMMAND_DATA)
        self.cmdname = name

    def invoke(self, arg, from_tty):
        try:
            gdb.selected_frame()
        except gdb.error:
            gdb.write("hikern: %s needs a running target (target remote)\n"
                      % self.cmdname)
            return
        try:
            if self.needs == "paging":
                require_paging(self.cmdname)
            else:
                require_mmu(self.cmdname)
            self.run(arg)
        except NotReady as e:
            gdb.write("%s\n" % e)
        except gdb.MemoryError as e:
            raise gdb.GdbError("hikern: %s: %s" % (self.cmdname, e))

    def run(self, arg):
        raise NotImplementedError


def parse_addr(arg, cmd):
    """An address argument: any GDB expression ($, $1, 0xbfe01000, ptr)."""
    if not arg.strip():
        raise gdb.GdbError("usage: %s ADDR" % cmd)
    return u32(gdb.parse_and_eval(arg))


def symbolize(addr):
    """%pS as the kernel prints it: name+0xoff/0xsize, or the hex."""
    try:
        block = gdb.block_for_pc(addr)
    except RuntimeError:
        block = None
    while block is not None and block.function is None:
        block = block.superblock
    if block is None:
        return "0x%x" % addr
    return "%s+0x%x/0x%x" % (block.function.name, addr - block.start,
                             block.end - block.start)
