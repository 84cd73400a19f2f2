#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# usage: SEL4_SOURCE=TREE tests/conformance/regenerate.sh ABI_FACTS SELFE
#
# Rewrites tests/conformance/<sel4_arch>.c from the libsel4 that `selfe gen` makes from the
# seL4 tree in $SEL4_SOURCE: the tree is the source of the API surface.  Each program covers
# the configurations of its sel4_arch that the offline snapshot supports (debug, release, and
# MCS where supported).  SELFE_ABI_KERNEL_BUILDS=DIR: for a configuration NAME with a folder
# DIR/NAME, take its CONFIG_ values from that CMake-configured kernel build (for platforms
# selfe cannot configure natively yet).  Review the diff before committing it.
set -eu
if [ $# -ne 2 ] || [ -z "${SEL4_SOURCE:-}" ]; then
	echo "usage: SEL4_SOURCE=TREE $0 ABI_FACTS SELFE" >&2
	exit 2
fi
abi=$1 selfe=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# sel4_arch target platform variant=profile[+mcs]...
programs="
x86_64 x86_64-linux-gnu pc99 debug=debug release=release debug_mcs=debug+mcs release_mcs=release+mcs
aarch32 arm-linux-gnueabihf sabre debug=debug release=release
aarch64 aarch64-linux-gnu qemu-arm-virt debug=debug release=release debug_mcs=debug+mcs release_mcs=release+mcs
riscv64 riscv64-linux-gnu qemu-riscv-virt debug=debug release=release
"
# Names no program can use (tests/abi still compares them):
# - helpers of the syscall wrappers' inline assembly that libsel4 leaves defined: they expand
#   to register declarations, asm operands or parameters naming the wrappers' locals;
# - seL4_ARM_PageDirectory and seL4_ARM_PageUpperDirectory (aarch64, 16.0.0): their deprecated
#   alias macros end in a ';', so the names do not compile anywhere after <sel4/sel4.h>.
# - strcpy (x86_64): the C library's, declared by libsel4 for seL4_DebugNameThread.
internal="MCS_PARAM_DECL MCS_PARAM MCS_REPLY_DECL MCS_REPLY LIBSEL4_MCS_REPLY
	seL4_ARM_PageDirectory seL4_ARM_PageUpperDirectory strcpy"
excludes=()
for n in $internal; do
	excludes+=(--exclude "$n")
done

while read -r arch target plat variants; do
	[ -n "$arch" ] || continue
	args=()
	for v in $variants; do
		vname=${v%%=*} spec=${v#*=}
		prof=${spec%+mcs}
		name=$plat-$prof
		cfg=$work/$vname.toml
		"$selfe" config -p "$plat" "--$prof" >"$cfg"
		if [ "$spec" != "$prof" ]; then
			sed -i '/^\[sel4\.config\]$/a KernelIsMCS = true' "$cfg"
			name=$name-mcs
		fi
		gen=(--source "$SEL4_SOURCE")
		if [ -n "${SELFE_ABI_KERNEL_BUILDS:-}" ] && [ -d "$SELFE_ABI_KERNEL_BUILDS/$name" ]; then
			gen+=(--kernel-build "$SELFE_ABI_KERNEL_BUILDS/$name")
		fi
		"$selfe" gen --config "$cfg" -p "$plat" "--$prof" "${gen[@]}" -o "$work/$arch-$vname"
		"$abi" --target "$target" -I "$work/$arch-$vname/include" -o "$work/$arch-$vname.facts"
		args+=("$vname=$work/$arch-$vname.facts")
	done
	"$abi" conformance "${excludes[@]}" --title "libsel4 source compatibility, $arch (seL4 $(cat "$SEL4_SOURCE/VERSION"), $plat)" \
		"${args[@]}" -o "$here/$arch.c"
	echo "wrote $here/$arch.c ($(wc -l <"$here/$arch.c") lines)"
done <<<"$programs"
