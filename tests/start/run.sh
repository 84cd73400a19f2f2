#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# selfe-start end to end:
#     tests/start/run.sh SELFE
# For each default platform whose cross compiler is installed: libsel4 from `selfe gen`, then
# examples/hello and tests/start/tls-check built with tests/start/build-hello.sh, and their ELF
# files checked (machine, entry, page-aligned R E / R / RW segments, the TLS template's zeroed
# tail clear of every live section, the selfe-arc section); and selfe-start's TLS code run as a
# Linux program under qemu-user (tls-layout.c), against each arch's compiled TLS accesses.  Then a pc99 kernel is built with the
# kernel's CMake from the same configuration, and both root tasks are booted in
# qemu-system-x86_64: every line hello promises, and tls-check's own checks, must appear; then
# tls-check again on a kernel that does not let user code write fs base (FSGSBASE msr).
#
# libsel4 comes from the seL4 tree in $SEL4_SOURCE, else from selfe's embedded snapshot
# (`selfe gen --offline`).  The boot needs the tree (the kernel is built from it): without one it
# prints "skip: ..." and counts nothing.
set -u
if [ $# -ne 1 ]; then
	echo "usage: $0 SELFE" >&2
	exit 2
fi
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
T=$(mktemp -d)
qemu_pid=""
cleanup() {
	if [ -n "$qemu_pid" ]; then
		kill "$qemu_pid" 2>/dev/null
		wait "$qemu_pid" 2>/dev/null
	fi
	rm -rf "$T"
}
trap cleanup EXIT

pass=0
fail=0
ok() {
	echo "ok $1"
	pass=$((pass + 1))
}
fail() {
	echo "FAIL $1: $2"
	fail=$((fail + 1))
}
finish() {
	echo "start: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}

src=${SEL4_SOURCE:-}
if [ -n "$src" ] && [ -f "$src/VERSION" ]; then
	gen_source=(--source "$src")
else
	src=""
	gen_source=(--offline)
fi

# --- ELF checks --------------------------------------------------------------------------------

# check_elf NAME FILE MACHINE BASE: the ELF a seL4 loader expects from our linker scripts.
check_elf() {
	local name=$1 elf=$2 machine=$3 base=$4
	local got
	got=$(readelf -hW "$elf" | sed -n 's/^ *Machine: *//p')
	if [ "$got" = "$machine" ]; then ok "$name-machine"; else fail "$name-machine" "'$got', expected '$machine'"; fi

	local entry start
	entry=$(readelf -hW "$elf" | sed -n 's/^ *Entry point address: *//p')
	start=$(readelf -sW "$elf" | awk '$8 == "_start" { print "0x" $2 }')
	if [ -n "$start" ] && [ $((entry)) -eq $((start)) ] && [ $((entry)) -eq $((base)) ]; then
		ok "$name-entry"
	else
		fail "$name-entry" "entry $entry, _start ${start:-missing}, expected both at $base"
	fi

	# Three loadable segments, code / read-only / read-write, each page aligned in memory and file.
	local loads="" flags off vaddr align
	while read -r flags off vaddr align; do
		loads+="$flags $((vaddr % 4096)) $((off % 4096)) $align"$'\n'
	done < <(readelf -lW "$elf" | awk '$1 == "LOAD" {
		flags = $7; for (i = 8; i < NF; i++) flags = flags $i
		print flags, $2, $3, $NF }')
	loads=${loads%$'\n'}
	local want
	want=$(printf 'RE 0 0 0x1000\nR 0 0 0x1000\nRW 0 0 0x1000')
	if [ "$loads" = "$want" ]; then
		ok "$name-segments"
	else
		fail "$name-segments" "got [$(echo "$loads" | tr '\n' ';')], expected [$(echo "$want" | tr '\n' ';')]"
	fi

	# x86's loader zeroes memsz - filesz bytes after the TLS template: nothing live may be there.
	local tls
	tls=$(readelf -lW "$elf" | awk '$1 == "TLS" { print $3, $5, $6 }')
	if [ "$(echo "$tls" | grep -c .)" -ne 1 ]; then
		fail "$name-tls-segment" "expected one PT_TLS header, got: $tls"
	else
		ok "$name-tls-segment"
		local tvaddr tfilesz tmemsz clash="" sname saddr ssize
		read -r tvaddr tfilesz tmemsz <<<"$tls"
		local lo=$((tvaddr + tfilesz)) hi=$((tvaddr + tmemsz))
		while read -r sname saddr ssize; do
			local a=$((0x$saddr)) e=$((0x$saddr + 0x$ssize))
			if [ "$e" -gt "$a" ] && [ "$a" -lt "$hi" ] && [ "$e" -gt "$lo" ]; then clash+=" $sname"; fi
		done < <(readelf -SW "$elf" | sed 's/^ *\[ *[0-9]*\]//' | awk '
			$2 ~ /^(PROGBITS|NOBITS|INIT_ARRAY|FINI_ARRAY|PREINIT_ARRAY)$/ && $7 ~ /A/ && $1 != ".tdata" && $1 != ".tbss" {
				print $1, $3, $5 }')
		if [ -z "$clash" ]; then ok "$name-tls-zeroing-hits-nothing"; else fail "$name-tls-zeroing-hits-nothing" "zeroed range overlaps:$clash"; fi
	fi
}

# check_arc NAME FILE OBJCOPY: the archive is linked page aligned, between its two symbols.
check_arc() {
	local name=$1 elf=$2 objcopy=$3
	local sect sym
	sect=$(readelf -SW "$elf" | sed 's/^ *\[ *[0-9]*\]//' | awk '$1 == ".selfe_arc" { print "0x" $3 }')
	sym=$(readelf -sW "$elf" | awk '$8 == "_selfe_arc_start" { print "0x" $2 }')
	if [ -n "$sect" ] && [ -n "$sym" ] && [ $((sect)) -eq $((sym)) ] && [ $((sect % 4096)) -eq 0 ]; then
		ok "$name-arc-placed"
	else
		fail "$name-arc-placed" "section at ${sect:-none}, _selfe_arc_start at ${sym:-none}"
	fi
	"$objcopy" -O binary --only-section=.selfe_arc "$elf" "$T/arc.bin"
	if [ "$(head -c 8 "$T/arc.bin")" = selfearc ] && grep -q 'read back from inside the root task' "$T/arc.bin"; then
		ok "$name-arc-content"
	else
		fail "$name-arc-content" "the .selfe_arc section does not hold the packed data_file.txt"
	fi
}

# --- building ----------------------------------------------------------------------------------

# build_platform PLATFORM SEL4_ARCH PREFIX MACHINE BASE: libsel4, hello and tls-check in
# $T/PLATFORM.  Returns non-zero when the platform was skipped or failed.
build_platform() {
	local plat=$1 arch=$2 prefix=$3 machine=$4 base=$5 dir=$T/$1
	if ! command -v "${prefix}gcc" >/dev/null; then
		echo "skip: $plat: ${prefix}gcc is not installed"
		return 1
	fi
	mkdir -p "$dir"
	if ! "$SELFE" gen -p "$plat" "${gen_source[@]}" -o "$dir/sel4" >"$dir/gen.log" 2>&1; then
		fail "$plat-libsel4" "$(tail -n 5 "$dir/gen.log")"
		return 1
	fi
	ok "$plat-libsel4"
	local app
	for app in "$repo/examples/hello" "$here/tls-check"; do
		local name
		name=$(basename "$app")
		if "$here/build-hello.sh" "$arch" "$dir/sel4" "$dir/$name.out" "$SELFE" "$app" >"$dir/$name.log" 2>&1; then
			ok "$plat-build-$name"
			check_elf "$plat-$name" "$dir/$name.out/$name" "$machine" "$base"
		else
			fail "$plat-build-$name" "$(tail -n 15 "$dir/$name.log")"
		fi
	done
	[ -f "$dir/hello.out/hello" ] && check_arc "$plat-hello" "$dir/hello.out/hello" "${prefix}objcopy"
	if [ "$arch" = aarch32 ] && [ -f "$dir/hello.out/hello" ]; then
		# Code is compiled with -mtp=soft: the thread pointer comes from selfe-start's helper.
		if readelf -sW "$dir/hello.out/hello" | awk '$8 == "__aeabi_read_tp" && $7 != "UND"' | grep -q .; then
			ok "$plat-aeabi-read-tp"
		else
			fail "$plat-aeabi-read-tp" "__aeabi_read_tp is not defined in the image"
		fi
	fi
	return 0
}

# tls_layout PLATFORM SEL4_ARCH PREFIX RUNNER: tls-layout.c, selfe-start's TLS code as a static
# Linux program, run natively or under qemu-user (RUNNER); its ok/FAIL lines count here.
tls_layout() {
	local plat=$1 arch=$2 prefix=$3 runner=$4 dir=$T/$1
	[ -d "$dir/sel4" ] || return 0
	if [ -n "$runner" ] && ! command -v "$runner" >/dev/null; then
		echo "skip: $plat-tls-layout: $runner is not installed (Debian package qemu-user)"
		return 0
	fi
	local extra=() flags=()
	local start=$arch
	[ "$arch" = riscv64 ] && start=riscv
	[ "$arch" = aarch32 ] && flags=(-marm -mtp=soft) && extra=("$repo/runtime/start/aarch32/read_tp.S")
	if ! "${prefix}gcc" -std=gnu11 -O2 -Wall -Wextra -Werror -static "${flags[@]}" -I"$repo/runtime/include" \
		-I"$repo/runtime/start/$start" -I"$dir/sel4/include" "$here/tls-layout.c" "$repo/runtime/start/tls.c" \
		"${extra[@]}" -Wl,-T,"$here/tls-layout.ld" -o "$dir/tls-layout" >"$dir/tls-layout.log" 2>&1; then
		if grep -q -e 'cannot find -lc' -e 'crt1.o' "$dir/tls-layout.log"; then
			echo "skip: $plat-tls-layout: no C library for ${prefix}gcc (libc6-dev-*-cross)"
		else
			fail "$plat-tls-layout-build" "$(tail -n 10 "$dir/tls-layout.log")"
		fi
		return 0
	fi
	local out rc line
	out=$($runner "$dir/tls-layout" 2>&1)
	rc=$?
	while read -r line; do
		case $line in
		"ok "*) ok "$plat-${line#ok }" ;;
		"FAIL "*) fail "$plat-${line#FAIL }" "wrong under $arch's TLS ABI" ;;
		esac
	done <<<"$out"
	# A crash (a thread pointer the accesses cannot use) prints no FAIL line of its own.
	if [ "$rc" -ne 0 ] || ! grep -qx 'tls-layout: 0 failed' <<<"$out"; then
		fail "$plat-tls-layout-run" "exit $rc: $(tail -n 5 <<<"$out")"
	fi
}

build_platform pc99 x86_64 x86_64-linux-gnu- "Advanced Micro Devices X86-64" 0x400000
pc99_built=$?
build_platform sabre aarch32 arm-linux-gnueabihf- ARM 0x10000
build_platform qemu-arm-virt aarch64 aarch64-linux-gnu- AArch64 0x400000
build_platform qemu-riscv-virt riscv64 riscv64-linux-gnu- RISC-V 0x10000
tls_layout pc99 x86_64 x86_64-linux-gnu- ""
tls_layout sabre aarch32 arm-linux-gnueabihf- qemu-arm
tls_layout qemu-arm-virt aarch64 aarch64-linux-gnu- qemu-aarch64
tls_layout qemu-riscv-virt riscv64 riscv64-linux-gnu- qemu-riscv64

# --- booting pc99 ------------------------------------------------------------------------------

py=/usr/bin/python3
if [ -z "$src" ]; then
	echo "skip: pc99-boot: set SEL4_SOURCE to a seL4 16.0.0 tree to build a kernel and boot the root tasks"
	finish
fi
if [ "$pc99_built" -ne 0 ] || [ ! -f "$T/pc99/hello.out/hello" ]; then
	echo "skip: pc99-boot: no pc99 root task was built"
	finish
fi
for tool in cmake ninja qemu-system-x86_64; do
	if ! command -v $tool >/dev/null; then
		echo "skip: pc99-boot: $tool is not installed"
		finish
	fi
done
if ! $py -c 'import jinja2, ply, lxml, yaml' 2>/dev/null; then
	echo "skip: pc99-boot: the kernel build needs python3-jinja2, -ply, -lxml and -yaml"
	finish
fi

kb=$T/kernel
mkdir -p "$kb"
"$SELFE" config -p pc99 --format cmake >"$T/init.cmake"
if (cd "$kb" && cmake -G Ninja -C "$T/init.cmake" -DCROSS_COMPILER_PREFIX=x86_64-linux-gnu- \
	-DCMAKE_TOOLCHAIN_FILE="$src/gcc.cmake" -DPYTHON3=$py "$src" && ninja kernel.elf) >"$T/kernel.log" 2>&1; then
	ok pc99-kernel-build
else
	fail pc99-kernel-build "$(tail -n 15 "$T/kernel.log")"
	finish
fi
# The kernel and the root task's libsel4 must agree on every CONFIG_ value.
strip_comments() { grep -v -e '^/\*' -e '^$' "$1"; }
if diff <(strip_comments "$kb/gen_config/kernel/gen_config.h") <(strip_comments "$T/pc99/sel4/include/kernel/gen_config.h") >"$T/config.diff"; then
	ok pc99-kernel-config-matches-libsel4
else
	fail pc99-kernel-config-matches-libsel4 "$(head -n 10 "$T/config.diff")"
fi
x86_64-linux-gnu-objcopy -O elf32-i386 "$kb/kernel.elf" "$T/kernel32.elf" # multiboot loads 32-bit ELF only

# boot IMAGE LOG: boots pc99 with IMAGE as the root task until "main returned" appears (or 60 s
# pass, or QEMU stops); the serial output, without carriage returns, is in LOG.
# QEMU's CPU must match the kernel configuration: no PCID, FXSAVE (no XSAVE), FSGSBASE.
boot() {
	local image=$1 log=$2
	qemu-system-x86_64 -cpu Nehalem,-vme,+pdpe1gb,-xsave,-xsaveopt,-xsavec,+fsgsbase,-invpcid,+syscall,+lm,enforce \
		-display none -monitor none -serial file:"$log.raw" -m size=512M -no-reboot \
		-kernel "$T/kernel32.elf" -initrd "$image" >"$log.qemu" 2>&1 &
	qemu_pid=$!
	local i
	for ((i = 0; i < 600; i++)); do
		grep -q 'main returned' "$log.raw" 2>/dev/null && break
		kill -0 "$qemu_pid" 2>/dev/null || break
		sleep 0.1
	done
	sleep 0.2 # let the rest of the line arrive
	kill "$qemu_pid" 2>/dev/null
	wait "$qemu_pid" 2>/dev/null
	qemu_pid=""
	tr -d '\r' <"$log.raw" >"$log"
}

# expect_line NAME LOG LINE / expect_match NAME LOG REGEX: the serial output has that line.
expect_line() {
	if grep -qxF -- "$3" "$2"; then ok "$1"; else fail "$1" "no line '$3' in the serial output"; fi
}
expect_match() {
	if grep -qxE -- "$3" "$2"; then ok "$1"; else fail "$1" "no line matching '$3' in the serial output"; fi
}

boot "$T/pc99/hello.out/hello" "$T/hello.serial"
log=$T/hello.serial
expect_line pc99-hello-greeting "$log" 'Hello, seL4 on x86_64!'
expect_match pc99-hello-bootinfo "$log" 'hello: boot info: 1 node\(s\), [0-9]+ untyped \([0-9]+ bytes: [0-9]+ RAM, [0-9]+ device\), [0-9]+ empty slots'
data=$repo/examples/hello/data_file.txt
expect_line pc99-hello-data-file "$log" "hello: data_file.txt ($(stat -c %s "$data") bytes): $(cat "$data")"
expect_match pc99-hello-retype "$log" 'hello: retyped an endpoint \(slot [0-9]+\) and a notification \(slot [0-9]+\) from untyped [0-9]+ \(2\^[0-9]+ bytes\)'
expect_line pc99-hello-map "$log" 'hello: mapped 2 stack frames and an IPC buffer at 0x10000000000 (3 new paging structures)'
expect_match pc99-hello-thread "$log" 'hello: started the worker thread \(TCB slot [0-9]+\)'
expect_line pc99-hello-call-received "$log" 'hello: worker received label 0x42, 3 words, badge 0x61: "ping" 41'
expect_line pc99-hello-reply "$log" 'hello: call answered: "pong" 42'
expect_line pc99-hello-notification "$log" 'hello: notification received (word 0x4)'
expect_line pc99-hello-done "$log" 'hello: all done'
expect_line pc99-hello-main-returned "$log" 'main returned 0'
if [ "$fail" -ne 0 ]; then
	echo "serial output of hello:"
	sed -n '/dropped to user space/,$p' "$log" | head -n 40
fi

boot "$T/pc99/tls-check.out/tls-check" "$T/tls.serial"
log=$T/tls.serial
expect_match pc99-tls-check-count "$log" 'tls-check: [1-9][0-9]* passed, 0 failed'
if grep -q '^FAIL ' "$log"; then
	fail pc99-tls-check-each "$(grep '^FAIL ' "$log" | tr '\n' ' ')"
else
	ok pc99-tls-check-each
fi
expect_line pc99-tls-check-main-returned "$log" 'main returned 0'

# The same kernel with fs base switched through the MSR instead of wrfsbase: the initial
# thread's TLS then goes in through seL4_TCB_SetTLSBase (x86_64/arch_tls.h).  libsel4 comes
# from this build's configuration, so its CONFIG_FSGSBASE_ values match the kernel's.
if (cd "$kb" && cmake -DPYTHON3=$py -DKernelFSGSBase=msr . && ninja kernel.elf) >"$T/kernel-msr.log" 2>&1 &&
	grep -q '^#define CONFIG_FSGSBASE_MSR' "$kb/gen_config/kernel/gen_config.h"; then
	ok pc99-msr-kernel-build
else
	fail pc99-msr-kernel-build "$(tail -n 15 "$T/kernel-msr.log")"
	finish
fi
x86_64-linux-gnu-objcopy -O elf32-i386 "$kb/kernel.elf" "$T/kernel32.elf"
if "$SELFE" gen -p pc99 --source "$src" --kernel-build "$kb" -o "$T/msr/sel4" >"$T/msr-gen.log" 2>&1 &&
	"$here/build-hello.sh" x86_64 "$T/msr/sel4" "$T/msr/tls-check.out" "$SELFE" "$here/tls-check" >"$T/msr-build.log" 2>&1; then
	ok pc99-msr-build-tls-check
else
	fail pc99-msr-build-tls-check "$(cat "$T/msr-gen.log" "$T/msr-build.log" | tail -n 15)"
	finish
fi
if x86_64-linux-gnu-objdump -d "$T/msr/tls-check.out/tls-check" | grep -q wrfsbase; then
	fail pc99-msr-no-wrfsbase "the root task still writes fs base itself"
else
	ok pc99-msr-no-wrfsbase
fi
boot "$T/msr/tls-check.out/tls-check" "$T/msr.serial"
log=$T/msr.serial
expect_match pc99-msr-tls-check-count "$log" 'tls-check: [1-9][0-9]* passed, 0 failed'
expect_line pc99-msr-tls-check-main-returned "$log" 'main returned 0'
finish
