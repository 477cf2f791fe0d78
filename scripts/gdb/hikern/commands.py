# Registers every hikern GDB command (imported by scripts/gdb/hikern-gdb.py).
from hikern import highmem, mm, modules, proc, tasks

for _m in (proc, tasks, modules, mm, highmem):
    _m.register()
