#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Not part of `make check` (about 15 minutes): every configuration of tests/hwgen/configs.txt
# built by `selfe build` (kernel and examples/hello) from one user sel4.toml, with no pyfdt
# importable.  Prints one line per configuration: NAME configured|- kernel|- hello|- and the
# first error when something was not built.
#
# usage: SEL4_SOURCE=TREE tests/hwgen/all-platforms.sh path/to/selfe [NAME-FILTER]
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
filter=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$REPO/examples/hello" && tar cf - --exclude=./target .) | (cd "$work" && tar xf -)
cd "$work" || exit 2
# the example's sel4.toml, without its platform tables, plus one table per configuration
awk '/^\[sel4.config.(pc99|sabre|qemu-arm-virt|qemu-riscv-virt)\]/ || /^\[build\./ { skip = 1; next }
	/^\[/ { skip = 0 } !skip' "$REPO/examples/hello/sel4.toml" >sel4.toml
names=()
while read -r plat arch setting; do
	n=$plat-$arch
	[ -n "$setting" ] && n=$n-${setting#*=}
	case $arch in
	aarch64) cross=aarch64-linux-gnu- ;;
	aarch32 | arm_hyp) cross=arm-linux-gnueabihf- ;;
	*) cross=riscv64-linux-gnu- ;;
	esac
	{
		printf '\n[sel4.config.%s]\nKernelPlatform = "%s"\nKernelSel4Arch = "%s"\n' "$n" "$plat" "$arch"
		[ -n "$setting" ] && printf '%s = "%s"\n' "${setting%%=*}" "${setting#*=}"
		printf '\n[build.%s]\ncross_compiler_prefix = "%s"\n' "$n" "$cross"
	} >>sel4.toml
	names+=("$n")
done < <(grep -v '^#' "$REPO/tests/hwgen/configs.txt" | awk 'NF')
for n in "${names[@]}"; do
	case $n in *"$filter"*) ;; *) continue ;; esac
	env PYTHONPATH= "$SELFE" build -p "$n" >"$work/$n.log" 2>&1
	conf=- kernel=- hello=- why=
	ls target/selfe/"$n"-debug/kernel/build-*/gen_headers/plat/machine/devices_gen.h >/dev/null 2>&1 && conf=configured
	[ -f target/selfe/"$n"-debug/kernel/install/bin/kernel.elf ] && kernel=kernel
	[ -f target/selfe/"$n"-debug/hello ] && hello=hello
	[ $kernel = - ] || [ $hello = - ] && why=$(grep -m1 -E 'error' "$work/$n.log")
	printf '%-40s %-10s %-6s %-5s %s\n' "$n" "$conf" "$kernel" "$hello" "$why"
	rm -rf target/selfe/"$n"-debug/kernel/build-* # keep the disk use small
done
