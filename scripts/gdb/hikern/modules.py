# lx-lsmod: the loaded modules, as Linux's lx-lsmod prints them. A kernel
# without module support (no `modules` list) says so.
import gdb

from hikern import utils
from hikern.utils import u32


def first_field(value, names):
    for n in names:
        if utils.has_field(value, n):
            return value[n]
    return None


def module_geometry(mod):
    """(base, size) of a module's memory, for the layouts a struct module
    may have (Linux's core_layout, mem[MOD_TEXT], or plain fields)."""
    for lay in ("core_layout", "layout"):
        if utils.has_field(mod, lay):
            return u32(mod[lay]["base"]), u32(mod[lay]["size"])
    base = first_field(mod, ("base", "module_core", "core"))
    size = first_field(mod, ("size", "core_size"))
    return (u32(base) if base is not None else 0,
            u32(size) if size is not None else 0)


def module_refs(mod):
    ref = first_field(mod, ("refcnt", "refcount", "usage"))
    if ref is None:
        return "?"
    if utils.has_field(ref, "counter"):  # atomic_t
        ref = ref["counter"]
    elif utils.has_field(ref, "refs"):  # refcount_t
        ref = ref["refs"]["counter"]
    return "%d" % int(ref)


class LxLsmod(utils.Command):
    """List the loaded modules: lx-lsmod

Address, name, size and use count of each module on the kernel's
`modules` list, newest first, as Linux's lx-lsmod."""

    needs = "mmu"

    def __init__(self):
        super().__init__("lx-lsmod")

    def run(self, arg):
        head = utils.lookup("modules")
        try:
            gdb.lookup_type("struct module")
        except gdb.error:
            head = None
        if head is None:
            gdb.write("hikern: no module support in this kernel\n")
            return
        gdb.write("Address    Module                  Size  Used by\n")
        for mod in utils.list_for_each_entry(head, "struct module", "list"):
            base, size = module_geometry(mod)
            gdb.write("0x%08x %-19s %8d  %s\n"
                      % (base, mod["name"].string(), size, module_refs(mod)))


def register():
    LxLsmod()
