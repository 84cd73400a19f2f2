#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# usage: tests/conformance/run.sh SELFE
#
# Source compatibility: compiles each sel4_arch's program (tests/conformance/<sel4_arch>.c, see
# README.md there) with -Wall -Werror against the libsel4 `selfe gen` writes for every supported
# configuration:
#   - from the offline snapshot (`selfe gen --offline`), when this selfe has it: any machine;
#   - from the seL4 tree in $SEL4_SOURCE, when set.  A configuration selfe cannot generate from
#     the tree yet (ARM and RISC-V need a kernel build for their CONFIG_ values:
#     SELFE_ABI_KERNEL_BUILDS=DIR with DIR/<configuration>) is skipped with the reason.
# One check per configuration and source.
set -u
if [ $# -ne 1 ]; then
	echo "usage: $0 SELFE" >&2
	exit 2
fi
selfe=$1
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name platform profile mcs sel4_arch variant
configs="
pc99-debug pc99 debug - x86_64 debug
pc99-release pc99 release - x86_64 release
pc99-debug-mcs pc99 debug mcs x86_64 debug_mcs
pc99-release-mcs pc99 release mcs x86_64 release_mcs
sabre-debug sabre debug - aarch32 debug
sabre-release sabre release - aarch32 release
qemu-arm-virt-debug qemu-arm-virt debug - aarch64 debug
qemu-arm-virt-release qemu-arm-virt release - aarch64 release
qemu-arm-virt-debug-mcs qemu-arm-virt debug mcs aarch64 debug_mcs
qemu-arm-virt-release-mcs qemu-arm-virt release mcs aarch64 release_mcs
qemu-riscv-virt-debug qemu-riscv-virt debug - riscv64 debug
qemu-riscv-virt-release qemu-riscv-virt release - riscv64 release
"

# check SOURCE: generate libsel4 for every configuration from SOURCE (offline | tree) and
# compile the program against it.
check() {
	local source=$1 name plat prof mcs arch variant
	while read -r name plat prof mcs arch variant; do
		[ -n "$name" ] || continue
		local cfg=$work/$name.toml out=$work/$source-$name
		if ! "$selfe" config -p "$plat" "--$prof" >"$cfg"; then
			echo "FAIL $source $name: selfe config"
			fail=$((fail + 1))
			continue
		fi
		[ "$mcs" = mcs ] && sed -i '/^\[sel4\.config\]$/a KernelIsMCS = true' "$cfg"
		local gen=(--offline)
		if [ "$source" = tree ]; then
			gen=(--source "$SEL4_SOURCE")
			if [ -n "${SELFE_ABI_KERNEL_BUILDS:-}" ] && [ -d "$SELFE_ABI_KERNEL_BUILDS/$name" ]; then
				gen+=(--kernel-build "$SELFE_ABI_KERNEL_BUILDS/$name")
			fi
		fi
		if ! "$selfe" gen --config "$cfg" -p "$plat" "--$prof" "${gen[@]}" -o "$out" >"$work/gen.log" 2>&1; then
			if [ "$source" = tree ]; then
				echo "skip: $name: no libsel4 from the tree: $(grep -m1 'error' "$work/gen.log")"
			else
				echo "FAIL $source $name: selfe gen --offline:"
				sed 's/^/    /' "$work/gen.log"
				fail=$((fail + 1))
			fi
			continue
		fi
		if "$here/compile.sh" "$arch" "$variant" "$out/include" >"$work/cc.log" 2>&1; then
			echo "ok $source $name: $arch.c compiles for $variant"
			pass=$((pass + 1))
		else
			echo "FAIL $source $name: $arch.c does not compile for $variant:"
			grep -E 'error|note: in expansion' "$work/cc.log" | head -n 40 | sed 's/^/    /'
			fail=$((fail + 1))
		fi
	done <<<"$configs"
}

if "$selfe" gen --help 2>&1 | grep -q -- '--offline'; then
	check offline
else
	echo "skip: this selfe has no 'gen --offline' yet: the programs are not compiled against the snapshot"
fi
if [ -n "${SEL4_SOURCE:-}" ]; then
	check tree
else
	echo "skip: SEL4_SOURCE is not set: the programs are not compiled against a tree's libsel4"
fi
echo "conformance: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
