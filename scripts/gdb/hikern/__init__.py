# hikern GDB helpers: see scripts/gdb/hikern-gdb.py and
# Documentation/dev/debugging.md.
