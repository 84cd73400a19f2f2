#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The runtime on the root-task arches, two checks per arch:
#  - freestanding: runtime/lib/*.c compiled as for a root task (-ffreestanding, no C library
#    headers, -O2 and -O3) references only the runtime's own symbols and libgcc's division
#    helpers, and string.c (memcpy & co.) nothing at all: the compiler turned none of its loops
#    into calls to memcpy/memset/strlen, which would call themselves;
#  - under qemu-user: the unit tests of tests/runtime/ cross-compiled (make builds
#    BUILD/cross/ARCH/test_runtime) pass on aarch64, aarch32 and riscv64.
# A missing cross compiler or qemu-user prints "skip: ..." and counts as nothing.
# usage: tests/runtime/cross.sh BUILD-DIR
set -u
cd "$(dirname "$0")/../.."
build=${1:?usage: cross.sh BUILD-DIR}
pass=0
fail=0
ok() { echo "ok $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1: $2"; fail=$((fail + 1)); }

# libgcc's integer division helpers (64-bit division on 32-bit arches) are linked with -lgcc.
allowed='^(__aeabi_uldivmod|__aeabi_ldivmod|__aeabi_uidivmod|__aeabi_uidiv|__aeabi_idiv|__aeabi_idivmod|__udivdi3|__umoddi3|__divdi3|__moddi3)$'

freestanding_check() { # NAME CC
	local name=$1 cc=$2 tmp undefined repo=$PWD
	tmp=$(mktemp -d)
	for opt in -O2 -O3; do
		mkdir "$tmp/$opt"
		if ! (cd "$tmp/$opt" && $cc -std=c11 $opt -ffreestanding -nostdinc \
			-isystem "$($cc -print-file-name=include)" -fno-pic -fno-stack-protector -Wall -Wextra \
			-Werror -I"$repo/runtime/include" -c "$repo"/runtime/lib/*.c) 2>"$tmp/err"; then
			bad "freestanding-$name" "runtime/lib/*.c $opt does not compile: $(head -c 400 "$tmp/err")"
			rm -rf "$tmp"
			return
		fi
	done
	# Compiled without -ffreestanding too (a user's own flags): GCC then turns byte loops into
	# library calls unless string.c prevents it itself.
	mkdir "$tmp/hosted"
	$cc -std=c11 -O2 -fno-pic -Iruntime/include -c runtime/lib/string.c -o "$tmp/hosted/string.o"
	# string.c is where memcpy & co. come from: it may call nothing at all.  The other files may
	# call what the runtime defines (its own files, and the C names of sel4/string_symbols.c).
	nm --defined-only "$tmp"/*/*.o | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/defined"
	undefined=$( (nm -u "$tmp"/*/string.o | awk 'NF == 2 { print $2 }'
		nm -u "$tmp"/*/*.o | awk 'NF == 2 { print $2 }' | grep -vxE 'mem(cpy|move|set|cmp)|strlen' |
			grep -vxF -f "$tmp/defined") | sort -u | grep -vE "$allowed" | grep -vxE '_selfe_arc_(start|end)')
	if [ -z "$undefined" ]; then
		ok "freestanding-$name"
	else
		bad "freestanding-$name" "unexpected undefined symbols: $(echo $undefined)"
	fi
	rm -rf "$tmp"
}

freestanding_check x86_64-gcc gcc
if command -v clang >/dev/null; then
	freestanding_check x86_64-clang clang
else
	echo "skip: freestanding-x86_64-clang: clang is not installed"
fi

for spec in aarch64:aarch64-linux-gnu-:qemu-aarch64 arm:arm-linux-gnueabihf-:qemu-arm \
	riscv64:riscv64-linux-gnu-:qemu-riscv64; do
	IFS=: read -r arch prefix qemu <<<"$spec"
	if ! command -v "${prefix}gcc" >/dev/null; then
		echo "skip: $arch: no cross compiler ${prefix}gcc (scripts/install-deps installs it)"
		continue
	fi
	freestanding_check "$arch" "${prefix}gcc"
	bin=$build/cross/$arch/test_runtime
	if [ ! -x "$bin" ]; then
		bad "qemu-$arch" "$bin was not built (make test-programs builds it)"
		continue
	fi
	if ! command -v "$qemu" >/dev/null; then
		echo "skip: $arch: $qemu is not installed (Debian package qemu-user)"
		continue
	fi
	out=$(SELFE_TEST_DATA=tests "$qemu" "$bin" 2>&1)
	rc=$?
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' <<<"$out" | tail -n 1)
	p=$(sed -nE 's/.* ([0-9]+) passed, ([0-9]+) failed.*/\1/p' <<<"$line")
	f=$(sed -nE 's/.* ([0-9]+) passed, ([0-9]+) failed.*/\2/p' <<<"$line")
	if [ "$rc" -eq 0 ] && [ -n "$p" ] && [ "$f" = 0 ] && [ "$p" -gt 0 ]; then
		ok "qemu-$arch ($p unit tests)"
	else
		bad "qemu-$arch" "exit $rc: $(tail -n 20 <<<"$out")"
	fi
done
echo "runtime-cross: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
