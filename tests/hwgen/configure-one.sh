#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# configure-one.sh TREE DIR PYTHON PLATFORM SEL4ARCH [SETTING]: the kernel's own CMake configure
# for one configuration into DIR (kept when DIR/kernel.dtb exists already), with PYTHON as the
# interpreter.  Prints nothing on success; the CMake log is DIR.log.
set -u
tree=$1 dir=$2 python=$3 plat=$4 arch=$5 setting=${6:-}
[ -f "$dir/kernel.dtb" ] && [ -f "$dir/gen_headers/plat/machine/devices_gen.h" ] && exit 0
case $arch in
aarch64) cross=aarch64-linux-gnu- ;;
aarch32 | arm_hyp) cross=arm-linux-gnueabihf- ;;
riscv*) cross=riscv64-linux-gnu- ;;
esac
extra=()
[ -n "$setting" ] && extra=("-D$setting")
rm -rf "$dir"
mkdir -p "$dir"
cmake -G Ninja -DCROSS_COMPILER_PREFIX=$cross -DCMAKE_TOOLCHAIN_FILE="$tree/gcc.cmake" \
	-DKernelPlatform="$plat" -DKernelSel4Arch="$arch" "${extra[@]}" -DPYTHON3="$python" \
	-S "$tree" -B "$dir" >"$dir.log" 2>&1
