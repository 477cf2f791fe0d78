#!/bin/sh
# Install whatever hikern's build, run, test and debug need and is missing
# (Debian/Ubuntu, apt-get, no prompts). Called by make run/test/debug/bench.
set -e
need=""
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg -s "$1" >/dev/null 2>&1; }

have_cmd arm-none-eabi-gcc || need="$need gcc-arm-none-eabi"
have_pkg libnewlib-arm-none-eabi || need="$need libnewlib-arm-none-eabi"
have_cmd qemu-system-arm || need="$need qemu-system-arm"
have_cmd gdb-multiarch || need="$need gdb-multiarch"
have_cmd dtc || need="$need device-tree-compiler"
have_cmd python3 || need="$need python3"
have_cmd make || need="$need make"
have_cmd gcc || need="$need gcc"
have_cmd clang || need="$need clang"
have_cmd clang-format || need="$need clang-format"
# libFuzzer and the sanitizer runtimes for clang.
if have_cmd clang; then
	ver=$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)
	have_pkg "libclang-rt-$ver-dev" || need="$need libclang-rt-$ver-dev"
else
	need="$need libclang-rt-dev"
fi

[ -z "$need" ] && exit 0
echo "setup: installing:$need"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
# A fresh clang may need its matching runtime in a second step.
if have_cmd clang; then
	ver=$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)
	have_pkg "libclang-rt-$ver-dev" ||
		$SUDO apt-get install -y -qq --no-install-recommends "libclang-rt-$ver-dev" >/dev/null
fi
