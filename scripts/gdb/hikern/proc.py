# The kernel's text reports, read from its data structures by GDB:
# lx-dmesg (the printk buffer), lx-version, lx-cmdline, lx-vmallocinfo,
# lx-slabinfo (Linux's names and /proc formats) and hk-buddyinfo,
# hk-zoneinfo (the same lines as mm/show_mem.c's show_buddyinfo and
# show_zoneinfo, without their log prefixes).
import gdb

from hikern import utils
from hikern.utils import u32


class LxDmesg(utils.Command):
    """Print the kernel log buffer: lx-dmesg

The text of kernel/printk.c's log_buf, oldest line first, with the
"[    0.000000] " stamps the console showed. Works once the MMU is on."""

    needs = "mmu"

    def __init__(self):
        super().__init__("lx-dmesg")

    def run(self, arg):
        buf = utils.sym("log_buf")
        size = utils.array_len(buf)
        head = u32(utils.sym("log_head"))
        start = max(0, head - size)
        base = u32(buf.address)
        text = b""
        # The ring in at most two pieces: [start % size, end) and [0, ...).
        pos = start
        while pos < head:
            off = pos % size
            n = min(head - pos, size - off)
            text += utils.read_bytes(base + off, n)
            pos += n
        if start:  # wrapped: the oldest line is cut, drop its tail
            text = text[text.find(b"\n") + 1:]
        out = text.decode("utf-8", "replace")
        gdb.write(out)
        if out and not out.endswith("\n"):
            gdb.write("\n")


class LxVersion(utils.Command):
    """Report the kernel's banner: lx-version (linux_banner)"""

    needs = "mmu"

    def __init__(self):
        super().__init__("lx-version")

    def run(self, arg):
        gdb.write(utils.string_at(utils.sym("linux_banner")))


class LxCmdline(utils.Command):
    """Report the kernel command line: lx-cmdline (saved_command_line)"""

    needs = "mmu"

    def __init__(self):
        super().__init__("lx-cmdline")

    def run(self, arg):
        line = utils.sym("saved_command_line")
        if u32(line) == 0:
            raise utils.NotReady("hikern: lx-cmdline needs setup_arch() to "
                                 "have run; stopped at %s" % utils.where())
        gdb.write(utils.string_at(line) + "\n")


def is_vmalloc_addr(addr):
    layout = utils.sym("layout")
    start = (u32(utils.sym("high_memory")) + 0x800000) & ~0x7FFFFF
    return start <= addr < u32(layout["vmalloc_end"])


class LxVmallocinfo(utils.Command):
    """Show the vmalloc areas as /proc/vmallocinfo: lx-vmallocinfo

mm/vmalloc.c's vmlist, lowest address first: range, size (with the
guard page), caller, pages=, phys= and the ioremap/vmalloc/vmap/vpages
tags, as show_vmallocinfo() prints them."""

    def __init__(self):
        super().__init__("lx-vmallocinfo")

    def run(self, arg):
        v = utils.sym("vmlist")
        seen = 0
        while u32(v):
            seen += 1
            if seen > 100000:
                raise gdb.GdbError("hikern: vmlist does not end")
            start, size = u32(v["addr"]), u32(v["size"])
            flags = u32(v["flags"])
            line = "0x%08x-0x%08x %7d" % (start, (start + size) & 0xFFFFFFFF, size)
            if u32(v["caller"]):
                line += " " + utils.symbolize(u32(v["caller"]))
            if u32(v["nr_pages"]):
                line += " pages=%d" % u32(v["nr_pages"])
            if u32(v["phys_addr"]):
                line += " phys=0x%08x" % u32(v["phys_addr"])
            line += " ioremap" if flags & 0x1 else ""
            line += " vmalloc" if flags & 0x2 else ""
            line += " vmap" if flags & 0x4 else ""
            pages = u32(v["pages"])
            line += " vpages" if pages and is_vmalloc_addr(pages) else ""
            gdb.write(line + "\n")
            v = v["next"]


def slab_counts(s):
    """(active objects, slabs) of a kmem_cache, as get_slabinfo counts."""
    inuse = slabs = 0
    for lst in ("partial", "full"):
        for page in utils.list_for_each_entry(s[lst], "struct page", "lru"):
            inuse += u32(page["inuse"])
            slabs += 1
    if u32(s["cpu_slab"]):
        inuse += u32(s["cpu_slab"]["inuse"])
        slabs += 1
    return inuse, slabs


class LxSlabinfo(utils.Command):
    """Show the slab caches as /proc/slabinfo (2.1): lx-slabinfo

The created caches newest first, then the kmalloc caches largest first,
as show_slabinfo(). A cache that never had a slab has not worked out its
geometry yet (the kernel's slabinfo does it on the spot; GDB only reads):
its objsize and objperslab show 0."""

    def __init__(self):
        super().__init__("lx-slabinfo")

    def cache_line(self, s):
        inuse, slabs = slab_counts(s)
        per = u32(s["objects"])
        gdb.write("%-17s %6d %6d %6d %4d %4d : tunables %4d %4d %4d : "
                  "slabdata %6d %6d %6d\n"
                  % (s["name"].string(), inuse, slabs * per, u32(s["size"]),
                     per, 1 << u32(s["order"]), 0, 0, 0, slabs, slabs, 0))

    def run(self, arg):
        gdb.write("slabinfo - version: 2.1\n")
        gdb.write("# name            <active_objs> <num_objs> <objsize> "
                  "<objperslab> <pagesperslab> : tunables <limit> "
                  "<batchcount> <sharedfactor> : slabdata <active_slabs> "
                  "<num_slabs> <sharedavail>\n")
        for s in utils.list_for_each_entry(utils.sym("slab_caches"),
                                           "struct kmem_cache", "list"):
            self.cache_line(s)
        caches = utils.sym("kmalloc_caches")
        for i in range(utils.array_len(caches) - 1, 2, -1):  # 4k .. 8
            self.cache_line(caches[i])


def zones():
    pgdat = utils.sym("contig_page_data")
    z = pgdat["node_zones"]
    return int(pgdat["node_id"]), [z[i] for i in range(utils.array_len(z))]


class HkBuddyinfo(utils.Command):
    """Free blocks per zone and order, as /proc/buddyinfo: hk-buddyinfo

One line per populated zone, the counts of free blocks of order 0 to
MAX_ORDER - 1 (pages on the pcp lists are in no column, as in Linux)."""

    def __init__(self):
        super().__init__("hk-buddyinfo")

    def run(self, arg):
        nid, zs = zones()
        for z in zs:
            if u32(z["present_pages"]) == 0:
                continue
            fa = z["free_area"]
            line = "Node %d, zone %8s " % (nid, z["name"].string())
            line += "".join("%6d " % u32(fa[o]["nr_free"])
                            for o in range(utils.array_len(fa)))
            gdb.write(line + "\n")


class HkZoneinfo(utils.Command):
    """Per-zone counters, as the head of /proc/zoneinfo: hk-zoneinfo

Free pages (including the pcp pages), watermarks, spanned/present/
managed, protection, and for a populated zone its per-CPU page set and
start_pfn: the lines of show_zoneinfo()."""

    def __init__(self):
        super().__init__("hk-zoneinfo")

    def pagesets(self, z):
        pcp = z["pcp"]
        if pcp.type.strip_typedefs().code == gdb.TYPE_CODE_ARRAY:
            sets = [(c, pcp[c]) for c in utils.online_cpus()]
        else:  # one set, CPU 0's (a UP kernel's zone)
            sets = [(0, pcp)]
        gdb.write("  pagesets\n")
        for cpu, p in sets:
            gdb.write("    cpu: %d\n" % cpu)
            gdb.write("              count: %d\n" % int(p["count"]))
            gdb.write("              high:  %d\n" % int(p["high"]))
            gdb.write("              batch: %d\n" % int(p["batch"]))

    def run(self, arg):
        nid, zs = zones()
        for z in zs:
            wm = z["_watermark"]
            gdb.write("Node %d, zone %8s\n" % (nid, z["name"].string()))
            gdb.write("  pages free     %d\n" % u32(z["free_pages"]))
            gdb.write("        min      %d\n" % u32(wm[0]))
            gdb.write("        low      %d\n" % u32(wm[1]))
            gdb.write("        high     %d\n" % u32(wm[2]))
            gdb.write("        spanned  %d\n" % u32(z["spanned_pages"]))
            gdb.write("        present  %d\n" % u32(z["present_pages"]))
            gdb.write("        managed  %d\n" % u32(z["managed_pages"]))
            lr = z["lowmem_reserve"]
            gdb.write("        protection: (%s)\n" % ", ".join(
                "%d" % int(lr[j]) for j in range(utils.array_len(lr))))
            if u32(z["present_pages"]) == 0:
                continue
            self.pagesets(z)
            gdb.write("  start_pfn:           %d\n" % u32(z["zone_start_pfn"]))


def register():
    LxDmesg()
    LxVersion()
    LxCmdline()
    LxVmallocinfo()
    LxSlabinfo()
    HkBuddyinfo()
    HkZoneinfo()
