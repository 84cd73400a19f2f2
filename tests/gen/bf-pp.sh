#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The .bf files preprocessed in-process (src/gen/libsel4/bf_pp.h) against the compiler's
# preprocessor (SELFE_BF_PREPROCESSOR=cpp), for every sel4_arch and several configurations: the
# generated libsel4 is the same file for file, and the preprocessed text the bitfield reader gets
# holds the same lines at the same file and line (cpp reduces runs of spaces; compared without
# them).  Then .bf files that use what the subset does not (an #if with a comparison, a macro in
# text, #elif, a C comment) fall back to cpp, and the result is again the same.  And libsel4.a,
# written in-process, is byte for byte what `ar rcsD` makes of the same object.
# Needs a seL4 tree (SEL4_SOURCE).  Usage: tests/gen/bf-pp.sh SELFE
set -u
. "$(dirname "$0")/suite.sh" || exit 2
gen_suite gen-bf-pp "$1" "set SEL4_SOURCE to a seL4 tree"
unset SEL4_CONFIG_PATH SEL4_PLATFORM SELFE_BF_PREPROCESSOR
"$selfe" new proj >/dev/null
awk '{ print } /^\[sel4.config\]$/ { print "KernelIsMCS = true" }' proj/sel4.toml >mcs.toml

# lines FILE: the preprocessed text as "FILE:LINE: TEXT" for every line that holds text, spaces
# reduced, the temporary folder's name (OUT.tmp.PID) made OUT, cpp's own prologue and the
# wrapper file left out.
lines() {
	awk '
	/^# [0-9]+ "/ {
		line = $2; file = $3; gsub(/"/, "", file); sub(/^[^\/]*\.tmp\.[0-9]+\//, "OUT/", file); next
	}
	{
		t = $0; gsub(/[ \t]+/, " ", t); sub(/^ /, "", t); sub(/ $/, "", t)
		if (t != "" && file !~ /bitfields\.c$|^<|stdc-predef/) print file ":" line ": " t
		line++
	}' "$1"
}
used_cpp() { [ "$(head -c 4 "$1/.selfe/bitfields.i")" = "# 0 " ]; }
in_process() { [ -f "$1/.selfe/bitfields.i" ] && ! used_cpp "$1"; }

# compare NAME TREE ARGS...: selfe gen both ways; same libsel4, same lines.
compare() {
	local name=$1 tree=$2
	shift 2
	rm -rf "n-$name" "c-$name"
	if ! "$selfe" gen --source "$tree" "$@" -o "n-$name" >/dev/null 2>"err-$name" ||
		! SELFE_BF_PREPROCESSOR=cpp "$selfe" gen --source "$tree" "$@" -o "c-$name" >/dev/null 2>>"err-$name"; then
		check "$name-generates" false
		return
	fi
	check "$name-same-libsel4" diff -r -x .selfe -x pkgconfig "n-$name" "c-$name"
	check "$name-same-lines" cmp -s <(lines "n-$name/.selfe/bitfields.i") <(lines "c-$name/.selfe/bitfields.i")
	check "$name-cpp-when-asked" used_cpp "c-$name"
}

# same_as_ar OUT PREFIX: libsel4.a as `ar rcsD` makes it of the same object (the archive is
# written in-process too, src/gen/libsel4/archive.h).
same_as_ar() {
	rm -rf x && mkdir x && (cd x && "${2}ar" x "../$1/lib/libsel4.a" && "${2}ar" rcsD ref.a sel4_bootinfo.o) && cmp -s x/ref.a "$1/lib/libsel4.a"
}
for sel in "x86_64-linux-gnu- -p pc99" "x86_64-linux-gnu- -p pc99 --release" "arm-linux-gnueabihf- -p sabre" \
	"aarch64-linux-gnu- -p qemu-arm-virt" "aarch64-linux-gnu- -p qemu-arm-virt --release" \
	"riscv64-linux-gnu- -p qemu-riscv-virt" "riscv64-linux-gnu- -p qemu-riscv-virt --sel4-arch riscv32"; do
	prefix=${sel%% *}
	sel=${sel#* }
	name=$(echo "$sel" | tr -d ' -')
	# shellcheck disable=SC2086 # the selection is words
	compare "$name" "$src" $sel
	check "$name-in-process" in_process "n-$name"
	check "$name-archive-as-ar" same_as_ar "n-$name" "$prefix"
done
compare pc99-mcs "$src" -p pc99 --config "$work/mcs.toml"
compare arm-mcs "$src" -p qemu-arm-virt --config "$work/mcs.toml"

# What the subset leaves to cpp: each in a copy of the tree, in the x86_64 types.bf.
cp -a "$src" tree
bf=tree/libsel4/sel4_arch_include/x86_64/sel4/sel4_arch/types.bf
cp $bf types.bf.orig
cr=$(printf '\r')
variant() { # NAME TEXT: TEXT added after the #include of config.h
	cp types.bf.orig $bf
	awk -v add="$1" '{ print } /#include <sel4\/config.h>/ { print add }' types.bf.orig >$bf
}
for v in "compare|#if CONFIG_WORD_SIZE == 64
-- wide
#endif" "macro|-- CONFIG_ARCH_X86_64 in text" "elif|#ifdef CONFIG_KERNEL_MCS
#elif defined(CONFIG_ARCH_X86_64)
#endif" "comment|-- a C comment /* in text */" "continuation|#define SELFE_X \\\\ $cr
-- joined to the define by cpp" "digraph|#ifdef SELFE_NOT_DEFINED
%:else
-- taken by cpp
#endif" "quoted-comment|#ifdef SELFE_NOT_DEFINED
-- a string \"/*\" that cpp reads as one
#else
-- taken by cpp
#endif
-- */"; do
	name=fallback-${v%%|*}
	variant "${v#*|}"
	compare "$name" "$work/tree" -p pc99
	check "$name-used-cpp" used_cpp "n-$name"
done
finish
