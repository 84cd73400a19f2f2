#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# usage: tests/abi/run.sh ABI_FACTS SELFE
#
# ABI conformance of selfe's offline seL4 16.0.0 snapshot: for each supported configuration,
# generates libsel4 twice, from the tree in $SEL4_SOURCE (`selfe gen --source`) and from the
# snapshot (`selfe gen --offline`), and compares their ABI facts with tests/abi/compare.sh.
# One check per configuration, passed when the two agree on every fact.
#
# Without SEL4_SOURCE (or with a tree that is not 16.0.0, or a selfe without --offline) the
# suite prints a "skip:" line and counts nothing.  SELFE_ABI_KERNEL_BUILDS=DIR: for a
# configuration NAME with a folder DIR/NAME, the tree side takes its CONFIG_ values from that
# CMake-configured kernel build (`selfe gen --kernel-build`), for platforms whose configuration
# selfe cannot evaluate natively yet.
set -u
if [ $# -ne 2 ]; then
	echo "usage: $0 ABI_FACTS SELFE" >&2
	exit 2
fi
abi=$1 selfe=$2
here=$(cd "$(dirname "$0")" && pwd)

finish() {
	echo "abi: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}
pass=0 fail=0
if [ -z "${SEL4_SOURCE:-}" ]; then
	echo "skip: SEL4_SOURCE is not set: the snapshot's ABI is compared with a seL4 16.0.0 tree's libsel4"
	finish
fi
version=$(cat "$SEL4_SOURCE/VERSION" 2>/dev/null)
if [ "$version" != "16.0.0" ]; then
	echo "skip: SEL4_SOURCE is seL4 \"$version\", the snapshot is 16.0.0"
	finish
fi
if ! "$selfe" gen --help 2>&1 | grep -q -- '--offline'; then
	echo "skip: this selfe has no 'gen --offline' yet (compare two outputs with tests/abi/compare.sh)"
	finish
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name platform profile mcs sel4_arch: the configurations the snapshot supports.
configs="
pc99-debug pc99 debug - x86_64
pc99-release pc99 release - x86_64
pc99-debug-mcs pc99 debug mcs x86_64
pc99-release-mcs pc99 release mcs x86_64
sabre-debug sabre debug - aarch32
sabre-release sabre release - aarch32
qemu-arm-virt-debug qemu-arm-virt debug - aarch64
qemu-arm-virt-release qemu-arm-virt release - aarch64
qemu-arm-virt-debug-mcs qemu-arm-virt debug mcs aarch64
qemu-arm-virt-release-mcs qemu-arm-virt release mcs aarch64
qemu-riscv-virt-debug qemu-riscv-virt debug - riscv64
qemu-riscv-virt-release qemu-riscv-virt release - riscv64
"
total_facts=0 total_diffs=0
while read -r name plat prof mcs arch; do
	[ -n "$name" ] || continue
	cfg=$work/$name.toml
	"$selfe" config -p "$plat" "--$prof" >"$cfg" || { echo "FAIL $name: selfe config"; fail=$((fail + 1)); continue; }
	if [ "$mcs" = mcs ]; then
		sed -i '/^\[sel4\.config\]$/a KernelIsMCS = true' "$cfg"
	fi
	tree_args=(--source "$SEL4_SOURCE")
	if [ -n "${SELFE_ABI_KERNEL_BUILDS:-}" ] && [ -d "$SELFE_ABI_KERNEL_BUILDS/$name" ]; then
		tree_args+=(--kernel-build "$SELFE_ABI_KERNEL_BUILDS/$name")
	fi
	if ! "$selfe" gen --config "$cfg" -p "$plat" "--$prof" "${tree_args[@]}" -o "$work/$name-tree" >"$work/gen.log" 2>&1; then
		echo "FAIL $name: selfe gen from the tree:"
		sed 's/^/    /' "$work/gen.log"
		fail=$((fail + 1))
		continue
	fi
	if ! "$selfe" gen --config "$cfg" -p "$plat" "--$prof" --offline -o "$work/$name-snapshot" >"$work/gen.log" 2>&1; then
		echo "FAIL $name: selfe gen --offline:"
		sed 's/^/    /' "$work/gen.log"
		fail=$((fail + 1))
		continue
	fi
	"$here/compare.sh" "$abi" "$arch" "$work/$name-tree" "$work/$name-snapshot" >"$work/compare.out" 2>&1
	rc=$?
	summary=$(grep '^abi-facts: ' "$work/compare.out" | tail -n 1)
	facts=$(printf '%s\n' "$summary" | sed -nE 's/^abi-facts: ([0-9]+) facts compared.*/\1/p')
	diffs=$(printf '%s\n' "$summary" | sed -nE 's/.*: ([0-9]+) differences.*/\1/p')
	if [ "$rc" -eq 0 ] && [ -n "$facts" ]; then
		echo "ok $name: $facts facts compared, 0 differences"
		pass=$((pass + 1))
	else
		echo "FAIL $name: ${facts:-?} facts compared, ${diffs:-?} differences (tree, snapshot):"
		grep -v '^abi-facts: ' "$work/compare.out" | head -n 60 | sed 's/^/    /'
		fail=$((fail + 1))
	fi
	total_facts=$((total_facts + ${facts:-0}))
	total_diffs=$((total_diffs + ${diffs:-0}))
done <<<"$configs"
echo "abi: $total_facts facts compared over all configurations, $total_diffs differences"
finish
