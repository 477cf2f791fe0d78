#!/bin/sh
# make debug: QEMU halted at reset with its gdbstub on GDB_PORT (default
# 1234), and gdb-multiarch attached with scripts/gdbinit. Quitting GDB
# stops QEMU. QEMU_MACHINE, QEMU_MEM, APPEND and QEMU_OPTS work as for
# make run: make debug QEMU_MACHINE=vexpress-a9 QEMU_MEM=2048
#
# GDB_BATCH=<file> (used by make test) runs GDB with -batch and the
# commands of <file> after scripts/gdbinit: the same QEMU, the same gdbinit.
m=${QEMU_MACHINE:-virt}
mem=${QEMU_MEM:-1024}
port=${GDB_PORT:-1234}
case "$m" in
virt) ram=0x40000000 ;;
vexpress-a9) ram=0x60000000 ;;
vexpress-a15) ram=0x80000000 ;;
*) echo "debug.sh: unknown machine $m" >&2; exit 2 ;;
esac
console=${DEBUG_CONSOLE:-build/debug-console.log}
# shellcheck disable=SC2086
sh scripts/qemu.sh "$m" "$mem" "${APPEND:-}" $QEMU_OPTS -S -gdb "tcp::$port" \
	> "$console" 2>&1 &
qpid=$!
echo "QEMU ($m, $mem MB) pid $qpid halted at reset, gdbstub on :$port;" \
	"console output: $console"
set -- -q -ex "set \$hikern_ram = $ram" -ex "set \$hikern_port = $port" \
	-x scripts/gdbinit
[ -n "$GDB_BATCH" ] && set -- -batch "$@" -x "$GDB_BATCH"
gdb-multiarch "$@" build/hikern.elf
status=$?
kill "$qpid" 2>/dev/null || true
exit $status
