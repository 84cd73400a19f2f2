#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The kernel configure's hardware step, native against the kernel's tools/hardware_gen.py, on
# the same inputs: the device tree blobs the kernel's configure makes for sabre (imx6),
# qemu-arm-virt (aarch64) and qemu-riscv-virt (riscv64), and the command line it runs
# (compat strings, C header, YAML, JSON).  Median of N runs each, then the ratio.  Needs
# SEL4_SOURCE (else ../shared/sel4-16.0.0), cmake, ninja, dtc, the cross compilers, QEMU, and
# pyfdt for the reference (PYFDT=its folder, else ../shared/pyfdt, else importable).
set -eu
N=${N:-9}
repo=$(cd "$(dirname "$0")/.." && pwd)
src=${SEL4_SOURCE:-$repo/../shared/sel4-16.0.0}
pyfdt=${PYFDT:-$repo/../shared/pyfdt}
[ -d "$pyfdt/pyfdt" ] || pyfdt=
if [ -n "${SELFE:-}" ]; then
	selfe=$SELFE
else
	selfe=$repo/build/selfe
	make -C "$repo" --no-print-directory build/selfe >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
configs=("imx6 aarch32 KernelARMPlatform=sabre" "qemu-arm-virt aarch64" "qemu-riscv-virt riscv64")
for c in "${configs[@]}"; do
	set -- $c
	"$repo/tests/hwgen/configure-one.sh" "$src" "$work/$1" /usr/bin/false "$@" || true
	# only the blob is needed: the configure stops at the (failing) hardware step
	[ -f "$work/$1/kernel.dtb" ] || { echo "no device tree blob for $1 (see $work/$1.log)" >&2; exit 2; }
done

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
one() { # LABEL COMMAND...: append the run's wall seconds to $work/times-LABEL
	local label=$1
	shift
	local TIMEFORMAT='%3R'
	{ time "$@" >/dev/null 2>&1; } 2>"$work/time" || { echo "$label failed: $*" >&2; exit 2; }
	cat "$work/time" >>"$work/times-$label"
}
args() { # PLATFORM SEL4ARCH OUT: the configure's command line
	echo --dtb "$work/$1/kernel.dtb" --compat-strings --compat-strings-out "$3/compat.txt" --c-header \
		--header-out "$3/devices_gen.h" --hardware-config "$src/tools/hardware.yml" \
		--hardware-schema "$src/tools/hardware_schema.yml" --yaml --yaml-out "$3/platform_gen.yaml" \
		--sel4arch "$2" --addrspace-max 4294967296 --json --json-out "$3/platform_gen.json" \
		--kernel-config-flags CONFIG_PRINTING=ON CONFIG_ARM_HYPERVISOR_SUPPORT=OFF CONFIG_ARM_SMMU=OFF CONFIG_TK1_SMMU=OFF
}
mkdir "$work/native" "$work/python"
for ((i = 0; i < N; i++)); do
	for c in "${configs[@]}"; do
		set -- $c
		one "native-$1" "$selfe" hardware-gen $(args "$1" "$2" "$work/native")
		if [ -n "$pyfdt" ] || /usr/bin/python3 -c 'import pyfdt' 2>/dev/null; then
			one "python-$1" env PYTHONPATH="$pyfdt" /usr/bin/python3 "$src/tools/hardware_gen.py" $(args "$1" "$2" "$work/python")
		fi
	done
done
printf '%-18s %12s %12s %8s\n' configuration "native (s)" "python (s)" ratio
for c in "${configs[@]}"; do
	set -- $c
	nat=$(median <"$work/times-native-$1")
	if [ -f "$work/times-python-$1" ]; then
		py=$(median <"$work/times-python-$1")
		printf '%-18s %12s %12s %7.0fx\n' "$1" "$nat" "$py" "$(echo "$py / ($nat + 0.0005)" | bc -l)"
	else
		printf '%-18s %12s %12s %8s\n' "$1" "$nat" "(no pyfdt)" -
	fi
done
