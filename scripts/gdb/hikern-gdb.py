# hikern's GDB helpers (scripts/gdb/hikern/), loaded by scripts/gdbinit:
#
#     source scripts/gdb/hikern-gdb.py
#
# The counterpart of Linux's vmlinux-gdb.py: it puts this directory on
# Python's path and imports the command modules. `apropos lx-` and
# `apropos hk-` list the commands; `help CMD` describes one.
import os
import sys

import gdb

_here = os.path.dirname(os.path.abspath(__file__))
if _here not in sys.path:
    sys.path.insert(0, _here)

try:
    import hikern.commands  # noqa: F401  (registers every command)
except Exception as e:  # a broken helper must not break the session
    gdb.write("hikern: GDB helpers not loaded: %s\n" % e)
