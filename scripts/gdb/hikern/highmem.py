# hk-pkmap and hk-fixmap: the two highmem mapping windows as the kernel
# keeps them (mm/highmem.c's pkmap_count and page-address hash;
# asm/highmem.h's per-CPU kmap_atomic stacks), with each mapped slot's
# PTE, pfn and struct page. Linux's helpers have no such view.
import gdb

from hikern import mm, utils
from hikern.utils import PAGE_SHIFT, PAGE_SIZE, PAGE_OFFSET, u32

PKMAP_BASE = PAGE_OFFSET - 0x200000  # asm/memory.h: PAGE_OFFSET - PMD_SIZE


def pte_fields(pte):
    """(pfn, page or None) of a small-page PTE."""
    pfn = pte >> PAGE_SHIFT
    return pfn, (mm.pfn_to_page(pfn) if mm.pfn_valid(pfn) else None)


def fmt_page(page):
    return "0x%08x" % page if page is not None else "(not RAM)"


class HkPkmap(utils.Command):
    """The pkmap window (kmap): hk-pkmap

One line per slot in use: slot, address, pkmap_count (1: mapped with no
users, n: n - 1 users), users, the PTE, the pfn it maps and its struct
page (checked against the page-address hash). Slots with count 0 are
free and not listed."""

    def __init__(self):
        super().__init__("hk-pkmap")

    def run(self, arg):
        counts = utils.sym("pkmap_count")
        n = utils.array_len(counts)
        ptes = u32(utils.sym("pkmap_page_table"))
        maps = utils.sym("page_address_maps")
        raw = utils.read_bytes(u32(counts.address), 4 * n)
        rows, users = [], 0
        for nr in range(n):
            count = int.from_bytes(raw[4 * nr:4 * nr + 4], "little", signed=True)
            if count == 0:
                continue
            pte = utils.read_u32(ptes + 4 * nr)
            pfn, page = pte_fields(pte)
            note = ""
            if pte & 3 == 0:
                note = "  PTE empty: count and PTE disagree"
            elif u32(maps[nr]["page"]) != (page or 0):
                note = "  hash says page 0x%08x" % u32(maps[nr]["page"])
            users += count > 1
            rows.append("%4d  0x%08x  %5d  %5d  0x%08x  0x%05x  %s%s\n"
                        % (nr, PKMAP_BASE + nr * PAGE_SIZE, count,
                           max(count - 1, 0), pte, pfn, fmt_page(page), note))
        gdb.write("pkmap: %d slots at 0x%08x-0x%08x, %d mapped (%d with users),"
                  " last_pkmap_nr %d, %d window flushes\n"
                  % (n, PKMAP_BASE, PKMAP_BASE + n * PAGE_SIZE, len(rows),
                     users, u32(utils.sym("last_pkmap_nr")),
                     u32(utils.sym("nr_pkmap_flushes"))))
        if rows:
            gdb.write("slot  address     count  users  pte         pfn      page\n")
            for r in rows:
                gdb.write(r)


class HkFixmap(utils.Command):
    """The kmap_atomic slots in use, per online CPU: hk-fixmap

Each CPU has a stack of KM_TYPE_NR fixmap slots (asm/highmem.h); for
every occupied one: its type (stack depth), fixmap index, address, PTE,
pfn and struct page. The CPU whose code is stopped is marked."""

    def __init__(self):
        super().__init__("hk-fixmap")

    def run(self, arg):
        cpus = utils.sym("kmap_atomic_cpu")
        top_fix = u32(utils.sym("layout")["fixaddr_end"]) - PAGE_SIZE
        km_type_nr = (u32(cpus[0]["base"]) - u32(cpus[1]["base"])) // PAGE_SIZE \
            if utils.array_len(cpus) > 1 else 16
        online = utils.online_cpus()
        gdb.write("fixmap: FIXADDR_TOP 0x%08x, %d kmap_atomic slots per CPU, "
                  "%d CPU(s) online of %d\n"
                  % (top_fix, km_type_nr, len(online), utils.array_len(cpus)))
        for cpu in online:
            k = cpus[cpu]
            base, top = u32(k["base"]), u32(k["top"])
            depth = (base - top) // PAGE_SIZE if base >= top else -1
            if depth < 0 or depth > km_type_nr:
                gdb.write("CPU%d: stack corrupt: base 0x%08x top 0x%08x\n"
                          % (cpu, base, top))
                continue
            gdb.write("CPU%d: %d slot(s) in use\n" % (cpu, depth))
            if depth:
                gdb.write("  type  idx  address     pte         pfn      page\n")
            for t in range(depth):
                va = base - (t + 1) * PAGE_SIZE
                pte = utils.read_u32((u32(k["pte_k"]) + (va >> 10)) & 0xFFFFFFFF)
                pfn, page = pte_fields(pte)
                gdb.write("  %4d  %3d  0x%08x  0x%08x  0x%05x  %s\n"
                          % (t, (top_fix - va) // PAGE_SIZE, va, pte, pfn,
                             fmt_page(page)))


def register():
    HkPkmap()
    HkFixmap()
