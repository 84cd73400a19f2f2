#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The platform table and the project layer seen from the command line: a config without
# cross_compiler_prefix gets the sel4_arch's Debian compiler (never the host's), aarch32 code is
# ARM state throughout, riscv32 builds with Debian's riscv64 compiler (with a tree), `--` ends
# selfe's options, and `selfe test` reads sel4.toml once.
src=${SEL4_SOURCE:-}
. "$(dirname "$0")/lib.sh"

for p in aarch64-linux-gnu-gcc arm-linux-gnueabihf-gcc riscv64-linux-gnu-gcc readelf; do
	if ! command -v "$p" >/dev/null; then
		echo "skip: platform: '$p' is not installed (scripts/install-deps installs the cross compilers)"
		exit 0
	fi
done

# A project whose config names no compilers at all.
run new bare
expect_rc new 0
cd bare || exit 1
sed -i '/cross_compiler_prefix/d' sel4.toml
expect_true config-has-no-prefix sh -c '! grep -q cross_compiler_prefix sel4.toml'

machine() { # machine ARCHIVE-OR-ELF: the Machine line of its first ELF header
	readelf -h "$1" 2>/dev/null | sed -n 's/^ *Machine: *//p' | head -n 1
}

check_gen() { # check_gen NAME PLATFORM MACHINE [ARGS...]: selfe gen writes a libsel4.a of MACHINE
	local name=$1 plat=$2 want=$3
	shift 3
	run gen -p "$plat" "$@" -o "$T/gen-$name"
	expect_rc "gen-$name" 0
	local got
	got=$(machine "$T/gen-$name/lib/libsel4.a")
	if [ "$got" = "$want" ]; then ok "gen-$name-machine"; else fail "gen-$name-machine" "libsel4.a is '$got', expected '$want'"; fi
}
check_gen sabre-offline sabre ARM --offline
check_gen arm-virt-offline qemu-arm-virt AArch64 --offline
check_gen riscv-virt-offline qemu-riscv-virt "RISC-V" --offline
if [ -n "$src" ]; then
	check_gen sabre-tree sabre ARM --source "$src"
	check_gen arm-virt-tree qemu-arm-virt AArch64 --source "$src"
	check_gen riscv-virt-tree qemu-riscv-virt "RISC-V" --source "$src"
	check_gen riscv32-tree qemu-riscv-virt "RISC-V" --source "$src" --sel4-arch riscv32
	cls=$(readelf -h "$T/gen-riscv32-tree/lib/libsel4.a" | sed -n 's/^ *Class: *//p' | head -n 1)
	if [ "$cls" = ELF32 ]; then ok gen-riscv32-is-32-bit; else fail gen-riscv32-is-32-bit "class '$cls'"; fi
else
	echo "skip: platform-gen-tree: set SEL4_SOURCE to a seL4 16.0.0 tree for gen from a tree (and riscv32)"
fi

# Root tasks for the foreign arches with the default compilers.
run build -p qemu-arm-virt --offline
expect_rc build-arm-virt 0
expect_true build-arm-virt-is-aarch64 sh -c "readelf -h target/selfe/qemu-arm-virt-debug/bare | grep -q 'Machine: *AArch64'"
run build -p sabre --offline
expect_rc build-sabre 0

# aarch32: every object selfe compiles (selfe-start, selfe-runtime, the app, libsel4) is ARM
# state — no Thumb code, which ARM ELF marks with "$t" mapping symbols.
objs=$(find target/selfe/sabre-debug/build/obj -name '*.o' | wc -l)
if [ "$objs" -gt 5 ]; then ok aarch32-objects-found; else fail aarch32-objects-found "only $objs objects"; fi
thumb=$(for o in $(find target/selfe/sabre-debug/build/obj -name '*.o') target/selfe/sabre-debug/libsel4/lib/libsel4.a; do
	readelf -s "$o" | awk -v f="$o" '$8 == "$t" || $8 ~ /^\$t\./ { print f; exit }'
done)
if [ -z "$thumb" ]; then ok aarch32-arm-state; else fail aarch32-arm-state "Thumb code in: $thumb"; fi
arm=$(readelf -s target/selfe/sabre-debug/build/obj/app/src/main.c.o | awk '$8 == "$a" || $8 ~ /^\$a\./' | wc -l)
if [ "$arm" -gt 0 ]; then ok aarch32-app-is-arm; else fail aarch32-app-is-arm "no ARM mapping symbol in main.c.o"; fi
readelf -s target/selfe/sabre-debug/bare | awk '$4 == "FUNC" && $8 == "main" { print $2 }' >"$T/main-addr"
if grep -qE '[02468aceACE]$' "$T/main-addr"; then ok aarch32-main-even; else fail aarch32-main-even "main at $(cat "$T/main-addr")"; fi

# riscv32: libsel4 and a root task with Debian's riscv64 compiler (needs a tree: the snapshot
# covers riscv64 only).
if [ -n "$src" ]; then
	run build -p qemu-riscv-virt --sel4-arch riscv32 --source "$src"
	img=target/selfe/qemu-riscv-virt-debug/bare
	expect_rc build-riscv32 0
	expect_true build-riscv32-elf32 sh -c "readelf -h $img | grep -q 'Class: *ELF32'"
	expect_true build-riscv32-machine sh -c "readelf -h $img | grep -q 'Machine: *RISC-V'"
fi

# `--` ends selfe's options; what follows is QEMU's (here the run stops earlier: no kernel).
run simulate -vp pc99 -- -s
expect_rc dashdash-short 2
expect_true dashdash-short-not-an-argument sh -c "! grep -q 'unexpected argument' '$T/err'"
expect_true dashdash-short-reaches-the-build grep -q "no kernel was built for pc99" "$T/err"
run simulate --plat pc99 -- -s -d int
expect_rc dashdash-long 2
expect_true dashdash-long-not-an-argument sh -c "! grep -q 'unexpected argument' '$T/err'"
run simulate -p pc99 -s
expect_rc no-dashdash-is-an-error 2
expect_true no-dashdash-message grep -q "unknown option '-s'" "$T/err"

# selfe test opens sel4.toml once (`selfe new` wrote its [test]; the run then stops at the
# missing kernel, after everything that reads the config).
expect_true new-wrote-test grep -qx '\[test\]' sel4.toml
if command -v strace >/dev/null; then
	# (LeakSanitizer cannot run under ptrace)
	ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=openat,open -o "$T/trace" "$SELFE" test >"$T/out" 2>"$T/err"
	n=$(grep -c 'sel4\.toml"' "$T/trace")
	if [ "$n" -eq 1 ]; then ok test-reads-config-once; else fail test-reads-config-once "sel4.toml opened $n times"; fi
	expect_true test-got-past-the-config grep -q "no kernel was built for pc99" "$T/err"
else
	echo "skip: platform-strace: strace is not installed (apt-get install strace)"
fi

# A platform of one's own is defined by its table saying KernelPlatform (or by a [build.NAME]);
# a table for a name nothing defines is an error (tests/config/bad/platform-table-*).
printf '[sel4]\nkernel = { git = "g", tag = "16.0.0" }\n[sel4.config.myboard]\nKernelPlatform = "imx6"\nKernelSel4Arch = "aarch32"\n[sel4.config.otherboard]\nKernelSel4Arch = "aarch64"\n[build.otherboard]\ncross_compiler_prefix = "aarch64-linux-gnu-"\n' >own.toml
run config --config own.toml -p myboard
expect_rc own-platform-by-kernel-platform 0
run config --config own.toml -p otherboard
expect_rc own-platform-by-build-table 0
