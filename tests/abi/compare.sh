#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# usage: tests/abi/compare.sh ABI_FACTS SEL4_ARCH A B
#
# Compares the ABI facts of two libsel4 outputs of `selfe gen` (A/include and B/include, for
# SEL4_ARCH): every enumerator, integer macro, type size and alignment, member offset and
# function prototype.  Prints every difference and a summary line; exit 0 when there is none,
# 1 when there are differences, 2 when the facts could not be extracted.  The fact files are
# left next to the trees (A.facts, B.facts) for a closer look.
set -u
if [ $# -ne 4 ]; then
	echo "usage: $0 ABI_FACTS SEL4_ARCH A B" >&2
	exit 2
fi
abi=$1 arch=$2 a=${3%/} b=${4%/}

# The clang target whose C ABI matches the cross compiler selfe builds libsel4 with.
case "$arch" in
x86_64) target=x86_64-linux-gnu ;;
ia32) target=i686-linux-gnu ;;
aarch32 | arm_hyp) target=arm-linux-gnueabihf ;;
aarch64) target=aarch64-linux-gnu ;;
riscv64) target=riscv64-linux-gnu ;;
riscv32) target=riscv32-unknown-elf ;;
*)
	echo "$0: unknown sel4_arch \"$arch\"" >&2
	exit 2
	;;
esac

for side in "$a" "$b"; do
	if [ ! -d "$side/include" ]; then
		echo "$0: $side/include: no libsel4 include tree there" >&2
		exit 2
	fi
	"$abi" --target "$target" -I "$side/include" -o "$side.facts" || exit 2
done
"$abi" compare "$a.facts" "$b.facts"
