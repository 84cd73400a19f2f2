#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Proofs 1-3 of the native libsel4 generator, for every configuration in lib.sh:
#   structure-*   the _Static_assert file proof-emit writes from the interface XML and the .bf
#                 models (every label, syscall number, interface struct and bitfield type),
#                 compiled with the configuration's cross compiler against the generated tree;
#   abi-*         target/abi_layout.c (the kernel's layouts, written by hand) compiled static
#                 and run on the architecture (qemu-user for the non-x86 ones);
#   properties-*  the bitfield property program for every block and tagged-union variant,
#                 compiled static and run the same way.
# For pc99 debug, copies of the generated tree with a deliberate fault show that the structure
# and property programs do reject a wrong header.  Configurations run two at a time
# (SELFE_PROOF_JOBS); SELFE_PROOF_KEEP=1 keeps the work folders.
#
# usage: proofs.sh SELFE PROOF-EMIT   (SEL4_SOURCE: the tree; SELFE_PROOF_SEED, _ROUNDS)
set -u
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
EMIT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
seed=${SELFE_PROOF_SEED:-0x5e14c0de}
rounds=${SELFE_PROOF_ROUNDS:-64}
T=$(mktemp -d)
[ -n "${SELFE_PROOF_KEEP:-}" ] && echo "keeping $T" || trap 'rm -rf "$T"' EXIT
echo "seed $seed, $rounds rounds per bitfield block (SELFE_PROOF_SEED, SELFE_PROOF_ROUNDS)"

# compile_target OUT SOURCE BINARY: a static program for the current platform.
compile_target() {
	"${cross}gcc" -std=gnu11 -O2 -Wall -Wextra -Werror -Wno-unused-parameter -static -I"$1/include" "$2" -o "$3"
}

negative_controls() { # OUT W: the pc99 debug tree and its work folder, platform facts set
	local out=$1 w=$2 d=$2/mutant
	rm -rf "$d" && cp -r "$out" "$d"
	sed -i 's/seL4_SysCall = -1,/seL4_SysCall = -2,/' "$d/include/sel4/syscall.h"
	expect control-structure-rejects-wrong-syscall-number \
		sh -c '! "$1" -std=gnu11 -ffreestanding -fsyntax-only -I"$2/include" "$3" 2>/dev/null' _ "${cross}gcc" "$d" "$w/structure.c"
	rm -rf "$d" && cp -r "$out" "$d"
	# MCS-only labels counted on a classic kernel (and the reverse): later labels move
	sed -i 's/#if defined(CONFIG_KERNEL_MCS)/#if !defined(CONFIG_KERNEL_MCS)/' "$d/include/sel4/invocation.h"
	expect control-mutant-labels-differ sh -c '! cmp -s "$1" "$2"' _ "$out/include/sel4/invocation.h" "$d/include/sel4/invocation.h"
	expect control-structure-rejects-wrong-label-conditions \
		sh -c '! "$1" -std=gnu11 -ffreestanding -fsyntax-only -I"$2/include" "$3" 2>/dev/null' _ "${cross}gcc" "$d" "$w/structure.c"
	rm -rf "$d" && cp -r "$out" "$d"
	# a one-bit-too-narrow mask in a getter: the property program has to notice
	sed -i '0,/& 0x7full) >> 0;/s//\& 0x3full) >> 0;/' "$d/include/sel4/shared_types_gen.h"
	expect control-mutant-differs sh -c '! cmp -s "$1" "$2"' _ "$out/include/sel4/shared_types_gen.h" "$d/include/sel4/shared_types_gen.h"
	expect control-properties-reject-wrong-mask \
		sh -c '"$1" -std=gnu11 -O2 -static -I"$2/include" "$3" -o "$4" && ! "$4" >/dev/null' _ \
		"${cross}gcc" "$d" "$w/properties.c" "$w/mutant-properties"
	rm -rf "$d"
}

one_config() { # PLATFORM PROFILE
	local platform=$1 profile=$2 c=$1-$2 m rc
	local w=$T/$c.work out=$T/$c.work/libsel4
	platform_facts "$platform"
	needs "${cross}gcc" ${runner:+"$runner"} || return 0
	mkdir -p "$w"
	gen_libsel4 "$platform" "$profile" "$out" || return 0
	m=$(model_dir)
	if ! preprocess_bf "$out" "$w"; then
		bad "bitfields-$c: the .bf files do not preprocess"
		return 0
	fi
	expect "emit-structure-$c" "$EMIT" structure "$w/structure.c" "$m/include/api/syscall.xml" \
		"$m/sel4_arch_include/$sel4_arch/interfaces/object-api-sel4-arch.xml" \
		"$m/arch_include/$arch/interfaces/object-api-arch.xml" "$m/include/interfaces/object-api.xml" \
		"$w/shared_types.i" "$w/types.i"
	echo "$c: $(grep -c '_Static_assert' "$w/structure.c") static assertions written"
	expect "structure-$c" "${cross}gcc" -std=gnu11 -ffreestanding -Wall -Werror -fsyntax-only -I"$out/include" "$w/structure.c"
	expect "abi-compiles-$c" compile_target "$out" "$here/target/abi_layout.c" "$w/abi"
	[ -x "$w/abi" ] && expect "abi-$c" run_target "$w/abi"
	expect "emit-properties-$c" "$EMIT" properties "$w/properties.c" "$seed" "$rounds" "$w/shared_types.i" "$w/types.i"
	expect "properties-compile-$c" compile_target "$out" "$w/properties.c" "$w/properties"
	if [ -x "$w/properties" ]; then
		run_target "$w/properties" >"$w/properties.out" 2>&1
		rc=$?
		if [ $rc -eq 0 ] && tail -n 1 "$w/properties.out" | grep -q ' 0 failed$'; then
			ok "properties-$c ($(tail -n 1 "$w/properties.out" | sed 's/ passed.*//') blocks and variants)"
		else
			bad "properties-$c"
			grep -v '^ok ' "$w/properties.out" | tail -n 20 | sed 's/^/    /'
		fi
	fi
	if [ "$c" = pc99-debug ]; then
		negative_controls "$out" "$w"
	fi
	[ -n "${SELFE_PROOF_KEEP:-}" ] || rm -rf "$w"
}

if source_ready; then
	for_each_config one_config
fi
finish
