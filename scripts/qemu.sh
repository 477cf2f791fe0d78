#!/bin/sh
# Boot build/Image on a QEMU machine with the console on stdio.
# The serial line and QEMU's monitor share stdio (as -nographic does):
# keys, Ctrl-C included, go to the kernel's console shell; Ctrl-A X quits
# QEMU, Ctrl-A C switches to the monitor and back.
# Usage: qemu.sh MACHINE MEM_MB "APPEND" [extra qemu args...]
#   MACHINE: virt | vexpress-a9 | vexpress-a15 (vexpress boots ATAGS;
#            add "-dtb build/dts/<board>.dtb" for a device tree)
m=${1:-virt}
mem=${2:-1024}
append=${3:-}
shift 3 2>/dev/null || shift $#
img=${IMAGE:-build/Image}
# The modules' initramfs make builds next to the Image (INITRD= for
# another file, INITRD=none for none).
initrd=${INITRD:-$(dirname "$img")/initramfs.cpio}
initrd_opt=
[ "$initrd" != none ] && [ -f "$initrd" ] && initrd_opt="-initrd $initrd"
case "$m" in
virt) board="-M virt -cpu cortex-a15 -nic none" ;;
vexpress-a9) board="-M vexpress-a9 -audiodev none,id=snd0" ;;
vexpress-a15) board="-M vexpress-a15 -audiodev none,id=snd0" ;;
*) echo "qemu.sh: unknown machine $m" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086
exec qemu-system-arm $board -m "$mem" -display none \
	-chardev stdio,id=con0,mux=on,signal=off -serial chardev:con0 \
	-mon chardev=con0,mode=readline \
	-semihosting-config enable=on,target=native -kernel "$img" \
	$initrd_opt -append "$append" "$@"
