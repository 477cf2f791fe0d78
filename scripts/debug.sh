#!/bin/sh
# make debug: QEMU (virt, 1 GB) halted at reset with its gdbstub on :1234,
# and gdb-multiarch attached with scripts/gdbinit. Quitting GDB stops QEMU.
# MACHINE/MEM/APPEND may be overridden: make debug QEMU_MEM=2048
m=${QEMU_MACHINE:-virt}
mem=${QEMU_MEM:-1024}
sh scripts/qemu.sh "$m" "$mem" "${APPEND:-}" -S -gdb tcp::1234 \
	> build/debug-console.log 2>&1 &
qpid=$!
echo "QEMU pid $qpid halted at reset; console output: build/debug-console.log"
gdb-multiarch -q -x scripts/gdbinit build/hikern.elf
kill "$qpid" 2>/dev/null || true
