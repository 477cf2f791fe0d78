# Page <-> pfn <-> address conversions (Linux's lx-page_address,
# lx-virt_to_phys and friends, same output lines) and hk-pagewalk, the
# ARMv7 short-descriptor walk of a virtual address, every descriptor
# decoded.
import gdb

from hikern import utils
from hikern.utils import PAGE_SHIFT, PAGE_OFFSET, u32

LAST_PKMAP = 512


def pv_offset():
    """PHYS_OFFSET - PAGE_OFFSET, modulo 2^32 (boot/head.S's __pv_offset)."""
    return u32(utils.sym("__pv_offset"))


def phys_offset():
    return u32(utils.sym("__pv_phys_offset"))


def page_type():
    return gdb.lookup_type("struct page")


def mem_map():
    return u32(utils.sym("mem_map"))


def page_to_pfn(page):
    return (u32(page) - mem_map()) // page_type().sizeof + \
        (phys_offset() >> PAGE_SHIFT)


def pfn_to_page(pfn):
    return mem_map() + (pfn - (phys_offset() >> PAGE_SHIFT)) * \
        page_type().sizeof


def pfn_valid(pfn):
    first = phys_offset() >> PAGE_SHIFT
    return first <= pfn < first + u32(utils.sym("max_mapnr"))


def high_memory():
    return u32(utils.sym("high_memory"))


def is_lowmem_addr(va):
    return PAGE_OFFSET <= va < high_memory()


def lowmem_virt_to_phys(va):
    return (va + pv_offset()) & 0xFFFFFFFF


def phys_to_virt(pa):
    return (pa - pv_offset()) & 0xFFFFFFFF


def pkmap_address(page):
    """The pkmap address of a kmapped highmem page (the page-address hash,
    mm/highmem.c), or 0."""
    maps = utils.sym("page_address_maps")
    for nr in range(utils.array_len(maps)):
        if u32(maps[nr]["page"]) == page:
            return u32(maps[nr]["virtual"])
    return 0


def page_address(page):
    """Linux's page_address(): the linear address of a lowmem page, the
    pkmap address of a kmapped highmem page, else 0 (NULL)."""
    phys = page_to_pfn(page) << PAGE_SHIFT
    va = phys_to_virt(phys)
    if phys >= phys_offset() and is_lowmem_addr(va):
        return va
    return pkmap_address(page)


# ---- the short-descriptor walk ----

AP_TEXT = {
    (0, 0): "no access",
    (0, 1): "kernel RW, user none",
    (0, 2): "kernel RW, user RO",
    (0, 3): "kernel RW, user RW",
    (1, 0): "reserved",
    (1, 1): "kernel RO, user none",
    (1, 2): "kernel RO, user RO",
    (1, 3): "kernel RO, user RO",
}

CACHE_POLICY = ["non-cacheable", "write-back write-allocate",
                "write-through", "write-back no write-allocate"]


def memory_type(tex, c, b, sctlr):
    """TEX/C/B as ARMv7 reads them with TEX remap off (SCTLR.TRE = 0)."""
    if sctlr is not None and sctlr & (1 << 28):
        return "TEX remap on: see PRRR/NMRR"
    if tex & 4:
        return "normal, outer %s, inner %s" % (CACHE_POLICY[tex & 3],
                                               CACHE_POLICY[c << 1 | b])
    return {
        (0, 0, 0): "strongly-ordered",
        (0, 0, 1): "shareable device",
        (0, 1, 0): "normal, write-through, no write-allocate",
        (0, 1, 1): "normal, write-back, no write-allocate",
        (1, 0, 0): "normal, non-cacheable",
        (1, 1, 1): "normal, write-back write-allocate",
        (2, 0, 0): "non-shareable device",
    }.get((tex, c, b), "reserved")


def domain_text(domain, dacr):
    if dacr is None:
        return "domain %d" % domain
    kind = ["no access", "client", "reserved", "manager"][dacr >> 2 * domain & 3]
    return "domain %d (%s)" % (domain, kind)


def attrs_text(apx, ap, xn, tex, c, b, s, ng, sctlr):
    return ("AP=%d%d APX=%d (%s), XN=%d, TEX=%d%d%d C=%d B=%d (%s), S=%d, nG=%d"
            % (ap >> 1, ap & 1, apx, AP_TEXT[(apx, ap)], xn, tex >> 2 & 1,
               tex >> 1 & 1, tex & 1, c, b, memory_type(tex, c, b, sctlr), s, ng))


def l1_table():
    """(physical, virtual, TTBR0 or None) of the L1 table to walk: the one
    TTBR0 names (TTBCR.N = 0: TTBR0 covers all 4 GB) when QEMU's gdbstub
    shows it, else swapper_pg_dir, the kernel's only table. On the
    TrustZone cores (Cortex-A9) the stub shows the non-secure TTBR0, which
    reads 0: the kernel runs secure and never writes that bank."""
    pgd = u32(utils.sym("swapper_pg_dir").address)
    ttbr0 = utils.register("TTBR0_EL1")
    if ttbr0 is None:
        ttbr0 = utils.register("TTBR0")
    if not ttbr0:
        return lowmem_virt_to_phys(pgd), pgd, None
    base = ttbr0 & ~0x3FFF
    return base, phys_to_virt(base), ttbr0


def zone_of_pfn(pfn):
    """The name of the zone spanning pfn, or None."""
    zones = utils.sym("contig_page_data")["node_zones"]
    for i in range(utils.array_len(zones)):
        z = zones[i]
        start = u32(z["zone_start_pfn"])
        if start <= pfn < start + u32(z["spanned_pages"]):
            return z["name"].string()
    return None


def describe_page(pa):
    pfn = pa >> PAGE_SHIFT
    if not pfn_valid(pfn):
        return "pfn 0x%x (no struct page: not RAM)" % pfn
    return "pfn 0x%x, page 0x%x, zone %s" % (pfn, pfn_to_page(pfn),
                                             zone_of_pfn(pfn) or "none")


def walk(va, out):
    """Walk va; write each step to out(str). Returns the physical address
    or None when va is not mapped."""
    l1_phys, l1_virt, ttbr0 = l1_table()
    # SCTLR (TEX remap) and DACR are banked like TTBR0: trust the stub's
    # copies only when it shows the TTBR0 the kernel wrote.
    sctlr = utils.register("SCTLR") if ttbr0 else None
    dacr = utils.register("DACR") if ttbr0 else None
    pgd = u32(utils.sym("swapper_pg_dir").address)
    if ttbr0 is not None:
        out("TTBR0 0x%08x: L1 table at phys 0x%08x, virt 0x%08x%s\n"
            % (ttbr0, l1_phys, l1_virt,
               " (swapper_pg_dir)" if l1_virt == pgd else ""))
    else:
        out("L1 table: swapper_pg_dir at virt 0x%08x, phys 0x%08x (TTBR0 "
            "not visible through the gdbstub)\n" % (l1_virt, l1_phys))
    idx = va >> 20
    l1_addr = l1_virt + 4 * idx
    l1 = utils.read_u32(l1_addr)
    head = "L1[0x%03x] at 0x%08x (phys 0x%08x) = 0x%08x: " % (
        idx, l1_addr, l1_phys + 4 * idx, l1)
    kind = l1 & 3
    if kind == 0 or kind == 3:
        out(head + ("fault (not mapped)\n" if kind == 0
                    else "reserved type 3 (faults)\n"))
        return None
    domain = l1 >> 5 & 0xF
    if kind == 2:
        s = l1 >> 16 & 1
        ng = l1 >> 17 & 1
        attrs = attrs_text(l1 >> 15 & 1, l1 >> 10 & 3, l1 >> 4 & 1,
                           l1 >> 12 & 7, l1 >> 3 & 1, l1 >> 2 & 1, s, ng, sctlr)
        if l1 & (1 << 18):
            base = l1 & 0xFF000000
            out(head + "supersection 0x%08x, %s\n" % (base, attrs))
            return base | (va & 0xFFFFFF)
        base = l1 & 0xFFF00000
        out(head + "section 0x%08x, %s, %s, NS=%d, PXN=%d\n"
            % (base, domain_text(domain, dacr), attrs, l1 >> 19 & 1, l1 & 1))
        return base | (va & 0xFFFFF)
    l2_phys = l1 & 0xFFFFFC00
    out(head + "page table at phys 0x%08x, %s, NS=%d, PXN=%d\n"
        % (l2_phys, domain_text(domain, dacr), l1 >> 3 & 1, l1 >> 2 & 1))
    l2_virt = phys_to_virt(l2_phys)
    if not is_lowmem_addr(l2_virt & ~0x3FF):
        out("  (the L2 table is not in lowmem: cannot read it)\n")
        return None
    idx2 = va >> 12 & 0xFF
    l2_addr = l2_virt + 4 * idx2
    l2 = utils.read_u32(l2_addr)
    head = "L2[0x%02x] at 0x%08x (phys 0x%08x) = 0x%08x: " % (
        idx2, l2_addr, l2_phys + 4 * idx2, l2)
    if l2 & 3 == 0:
        out(head + "fault (not mapped)\n")
        return None
    if l2 & 2:
        base = l2 & 0xFFFFF000
        attrs = attrs_text(l2 >> 9 & 1, l2 >> 4 & 3, l2 & 1, l2 >> 6 & 7,
                           l2 >> 3 & 1, l2 >> 2 & 1, l2 >> 10 & 1,
                           l2 >> 11 & 1, sctlr)
        out(head + "small page 0x%08x, %s\n" % (base, attrs))
        return base | (va & 0xFFF)
    base = l2 & 0xFFFF0000
    attrs = attrs_text(l2 >> 9 & 1, l2 >> 4 & 3, l2 >> 15 & 1, l2 >> 12 & 7,
                       l2 >> 3 & 1, l2 >> 2 & 1, l2 >> 10 & 1, l2 >> 11 & 1,
                       sctlr)
    out(head + "large page 0x%08x, %s\n" % (base, attrs))
    return base | (va & 0xFFFF)


class HkPagewalk(utils.Command):
    """Walk the page tables for a virtual address: hk-pagewalk ADDR

Prints the L1 descriptor (its address and value, then section or page
table, domain, AP/APX, XN, TEX/C/B, S, nG) and, for a page table, the L2
descriptor, decoded, then the physical address and its pfn and page.
ADDR is any GDB expression: hk-pagewalk $ after `finish` from kmap_high
walks the address kmap returned."""

    def __init__(self):
        super().__init__("hk-pagewalk")

    def run(self, arg):
        va = utils.parse_addr(arg, self.cmdname)
        gdb.write("hk-pagewalk 0x%08x\n" % va)
        pa = walk(va, gdb.write)
        if pa is None:
            gdb.write("0x%08x is not mapped\n" % va)
            return
        gdb.write("0x%08x -> phys 0x%08x: %s\n" % (va, pa, describe_page(pa)))


class LxPageAddress(utils.Command):
    """struct page to its virtual address: lx-page_address PAGE

The linear-map address of a lowmem page; for a highmem page the pkmap
address it is kmapped at, or 0 (NULL) if it has none, as page_address()."""

    def __init__(self):
        super().__init__("lx-page_address")

    def run(self, arg):
        page = utils.parse_addr(arg, self.cmdname)
        gdb.write("page_address(0x%x) = 0x%x\n" % (page, page_address(page)))


class LxVirtToPhys(utils.Command):
    """virtual address to physical address: lx-virt_to_phys ADDR

Lowmem (the linear map) by arithmetic, as virt_to_phys(); any other
address (pkmap, fixmap, vmalloc, the vectors) through the page tables."""

    def __init__(self):
        super().__init__("lx-virt_to_phys")

    def run(self, arg):
        va = utils.parse_addr(arg, self.cmdname)
        if is_lowmem_addr(va):
            gdb.write("virt_to_phys(0x%x) = 0x%x\n" % (va, lowmem_virt_to_phys(va)))
            return
        pa = walk(va, lambda s: None)
        if pa is None:
            gdb.write("virt_to_phys(0x%x): not mapped\n" % va)
        else:
            gdb.write("virt_to_phys(0x%x) = 0x%x (not lowmem: from the page "
                      "tables)\n" % (va, pa))


class Conversion(utils.Command):
    """One of Linux's one-line conversions: NAME ARG prints "fn(ARG) = X"
    (or why there is no X); fn(value) returns that text."""

    def __init__(self, name, doc, fn):
        self.__doc__ = doc  # GDB's help text, read by gdb.Command
        self.fn = fn
        super().__init__(name)

    def run(self, arg):
        gdb.write(self.fn(utils.parse_addr(arg, self.cmdname)) + "\n")


def pfn_to_page_text(pfn):
    if not pfn_valid(pfn):
        return "pfn_to_page(0x%x): pfn outside mem_map" % pfn
    return "pfn_to_page(0x%x) = 0x%x" % (pfn, pfn_to_page(pfn))


def page_to_pfn_text(page):
    return "page_to_pfn(0x%x) = 0x%x" % (page, page_to_pfn(page))


def virt_to_page_text(va):
    if not is_lowmem_addr(va):
        return "virt_to_page(0x%x): not a lowmem address (try hk-pagewalk)" % va
    pfn = lowmem_virt_to_phys(va) >> PAGE_SHIFT
    return "virt_to_page(0x%x) = 0x%x" % (va, pfn_to_page(pfn))


def register():
    HkPagewalk()
    LxPageAddress()
    LxVirtToPhys()
    Conversion("lx-pfn_to_page", "PFN to struct page: lx-pfn_to_page PFN",
               pfn_to_page_text)
    Conversion("lx-page_to_pfn", "struct page to PFN: lx-page_to_pfn PAGE",
               page_to_pfn_text)
    Conversion("lx-virt_to_page", "lowmem virtual address to struct page: "
               "lx-virt_to_page ADDR", virt_to_page_text)
