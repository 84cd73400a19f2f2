#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Booting ARM and RISC-V through selfe's own loader: real seL4 16.0.0 kernels built by
# `selfe build`, packed into one image with the loader, booted by `selfe test` in QEMU on sabre,
# qemu-arm-virt and qemu-riscv-virt; then qemu-arm-virt with MCS, 4 cores and in EL2 (hypervisor),
# qemu-riscv-virt with 4 harts; a faulting and a spinning root task on each platform; a corrupt
# image.  Needs a 16.0.0 tree ($SEL4_SOURCE, else selfe's fetched one, else ../shared/sel4-16.0.0),
# the cross compilers and QEMU; otherwise it prints a "skip:" line.  No pyfdt: the kernels'
# hardware step is selfe's own (src/hwgen), and PYTHONPATH is cleared so that nothing could
# reach a pyfdt anyway.  Eight kernel configurations are built
# (about 10-30 s each here); the root tasks that go wrong reuse the debug kernels.
#
# usage: tests/boot-arm/run.sh path/to/selfe
set -u
REPO=${SELFE_REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export SELFE

tree=${SEL4_SOURCE:-}
if [ -z "$tree" ]; then
	for d in "${XDG_CACHE_HOME:-$HOME/.cache}"/selfe/src/seL4-tag-16.0.0-*; do
		[ -d "$d" ] && tree=$d && break
	done
fi
[ -z "$tree" ] && [ -d "$REPO/../shared/sel4-16.0.0" ] && tree=$(cd "$REPO/../shared/sel4-16.0.0" && pwd)

pass=0
failed=0
. "$REPO/tests/cli/lib.sh" && . "$REPO/tests/faulty-apps.sh" || exit 2
ok() {
	echo "ok $1"
	pass=$((pass + 1))
}
fail() {
	echo "FAIL $1: $2"
	sed 's/^/    stdout| /' "$T/out" 2>/dev/null | tail -n 25
	sed 's/^/    stderr| /' "$T/err" 2>/dev/null | tail -n 25
	failed=$((failed + 1))
}
expect_err_match() { # NAME ERE: a stderr line matches
	if grep -qE -- "$2" "$T/err"; then ok "$1"; else fail "$1" "no stderr line matches: $2"; fi
}
expect_out_match() { # NAME ERE: a stdout line matches
	if grep -qE -- "$2" "$T/out"; then ok "$1"; else fail "$1" "no stdout line matches: $2"; fi
}
expect_no_qemu() { # NAME: nothing selfe started outlives it
	if ps -eo args | grep -F "$T/" | grep -q '^qemu-system'; then
		fail "$1" "a QEMU is still running: $(ps -eo pid,args | grep -F "$T/" | grep qemu-system)"
	else
		ok "$1"
	fi
}
expect_in_order() { # NAME FILE ERE...: the lines, in this order, somewhere in FILE
	local name=$1 file=$2
	shift 2
	printf '%s\n' "$@" >"$T/want"
	if tr -d '\r' <"$file" | awk 'NR == FNR { want[++n] = $0; next }
		k < n && $0 ~ want[k + 1] { k++ }
		END { if (k < n) { print "no line after the previous ones matches: " want[k + 1]; exit 1 } }' \
		"$T/want" - >"$T/order" 2>&1; then
		ok "$name"
	else
		fail "$name" "$(cat "$T/order")"
	fi
}
finish() {
	echo "boot-arm: $pass passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}
skip() {
	echo "skip: boot-arm: $1"
	finish
}

[ -z "$tree" ] && skip "no seL4 16.0.0 tree (set SEL4_SOURCE, or run 'selfe fetch' with the default config)"
[ "$(cat "$tree/VERSION" 2>/dev/null)" != "16.0.0" ] && skip "the tree at $tree is not seL4 16.0.0"
missing=
for p in cmake ninja dtc qemu-system-aarch64 qemu-system-riscv64 qemu-system-arm aarch64-linux-gnu-gcc \
	riscv64-linux-gnu-gcc arm-linux-gnueabihf-gcc; do
	command -v "$p" >/dev/null || missing="$missing $p"
done
[ -n "$missing" ] && skip "missing:$missing"
export PYTHONPATH=
export SEL4_SOURCE=$tree

mkdir hello
(cd "$REPO/examples/hello" && tar cf - --exclude=./target .) | (cd hello && tar xf -)
cd hello || exit 1
cp sel4.toml hello.toml

arch_of() {
	case $1 in
	sabre) echo aarch32 ;;
	qemu-arm-virt) echo aarch64 ;;
	qemu-riscv-virt) echo riscv64 ;;
	esac
}

# hello_passes NAME PLATFORM NODES: `selfe test` passes, and the serial log shows the loader, the
# kernel's boot and every line of the example in order.
hello_passes() {
	local name=$1 p=$2 nodes=$3 a
	a=$(arch_of "$p")
	run test -v -p "$p" </dev/null
	expect_rc "$name" 0
	expect_err_match "$name-says-pass" '^selfe: pass: all 12 expected lines seen in [0-9]+\.[0-9] s$'
	expect_true "$name-image" test -s "target/selfe/$p-debug/images/hello-$a-$p"
	expect_in_order "$name-lines-in-order" "target/selfe/$p-debug/serial.log" \
		'^LDR\|selfe loader ' \
		'^LDR\|kernel 0x[0-9a-f]+\.\.0x[0-9a-f]+ entry 0x[0-9a-f]+; dtb 0x[0-9a-f]+ \([0-9]+ bytes\); root task ' \
		'^LDR\|entering the kernel' \
		'^Booting all finished, dropped to user space$' \
		"^Hello, seL4 on $a!\$" \
		"^hello: boot info: $nodes node\\(s\\), [0-9]+ untyped" \
		'^hello: data_file.txt \(77 bytes\): This line was packed with selfe arc and read back from inside the root task\.$' \
		'^hello: retyped an endpoint \(slot [0-9]+\) and a notification' \
		'^hello: worker stack below 0x[0-9a-f]+, IPC buffer at 0x[0-9a-f]+$' \
		'^hello: started the worker thread' \
		'^hello: worker received label 0x42, [0-9]+ words, badge 0x61: "ping" 41$' \
		'^hello: call answered: "pong" 42$' \
		'^hello: notification received \(word 0x4\)$' \
		'^hello: worker returned 7$' \
		'^hello: all done$' \
		'^main returned 0$'
	expect_no_qemu "$name-stopped-qemu"
}

# --- examples/hello, debug, on each platform ------------------------------------------------------
hello_passes test-sabre sabre 1
expect_out_match test-sabre-qemu '^qemu-system-arm -machine sabrelite -nographic -serial null -serial mon:stdio -m size=1024M -no-reboot -kernel [^ ]*/images/hello-aarch32-sabre$'
hello_passes test-qemu-arm-virt qemu-arm-virt 1
expect_out_match test-qemu-arm-virt-qemu '^qemu-system-aarch64 -machine virt,secure=off,gic-version=2 -cpu cortex-a53 -nographic -serial mon:stdio -m size=1024M -no-reboot -kernel [^ ]*/images/hello-aarch64-qemu-arm-virt$'
expect_true test-qemu-arm-virt-at-el1 grep -q '^LDR|entering the kernel on 1 core(s) at EL1' target/selfe/qemu-arm-virt-debug/serial.log
hello_passes test-qemu-riscv-virt qemu-riscv-virt 1
expect_out_match test-qemu-riscv-virt-qemu '^qemu-system-riscv64 -machine virt -cpu rv64 -nographic -serial mon:stdio -m size=3072M -no-reboot -bios [^ ]+ -kernel [^ ]*/images/hello-riscv64-qemu-riscv-virt$'

# --- the runtime toolkit under load (tests/boot/toolkit, the pc99 suite's test, no arch #ifdef) --
# The same kernels as hello (same configuration): only the root task is new.
mkdir toolkit
cp "$REPO/tests/boot/toolkit/main.c" toolkit/
awk '/^\[app\]/ { exit } { print }' hello.toml >base.toml
cat base.toml - >sel4.toml <<'EOF'
[app]
name = "toolkit"
sources = ["toolkit/*.c"]
cflags = ["-O2", "-Wall", "-Wextra", "-Werror"]

[test]
expect = ["^\\[test\\] objects: ", "^\\[test\\] threads: 64 threads", "^\\[test\\] fault endpoint: ", "^\\[test\\] memory: 64 MiB", "^\\[test\\] heap: 100000 operations", "^\\[test\\] heap: 4 threads", "^\\[test\\] device: ", "^\\[test\\] toolkit: all checks passed$", "^main returned 0$"]
timeout = 180
EOF
for p in sabre qemu-arm-virt qemu-riscv-virt; do
	run test -p "$p" </dev/null
	expect_rc "toolkit-$p" 0
	expect_err_match "toolkit-$p-pass" '^selfe: pass: all 9 expected lines seen'
	expect_no_qemu "toolkit-$p-stopped-qemu"
done
cp hello.toml sel4.toml

# --- simulate's options reach QEMU on a loader platform -----------------------------------------
run simulate -v -p qemu-arm-virt --timeout 60 --serial-override '-display none -serial mon:stdio' \
	--expect '^main returned 0$' -- -name selfe-boot-arm </dev/null
expect_rc simulate-arm-options 0
expect_out_match simulate-arm-options-argv '^qemu-system-aarch64 .* -display none -serial mon:stdio -m size=1024M -no-reboot -kernel [^ ]+ -name selfe-boot-arm$'
expect_no_qemu simulate-arm-options-stopped-qemu

# --- root tasks that go wrong, on each platform (the debug kernels are reused) --------------------
awk '/^\[app\]/ { exit } { print }' hello.toml >base.toml
faulty_apps base.toml
for p in sabre qemu-arm-virt qemu-riscv-virt; do
	cp fault.toml sel4.toml
	run test -p "$p" </dev/null
	expect_rc "test-fault-$p" 1
	expect_err_match "test-fault-$p-says-fault" "^selfe: error: the run failed: a line matched the fail pattern '[^']+' after [0-9]+\\.[0-9] s$"
	expect_in_order "test-fault-$p-order" "$T/out" '^fault: writing through a null pointer$' '(^Caught |no fault handler)'
	expect_true "test-fault-$p-not-after" sh -c "! grep -q 'fault: still here' '$T/out'"
	expect_true "test-fault-$p-reused-kernel" sh -c "! grep -q '^kernel: ' '$T/out'"
	expect_no_qemu "test-fault-$p-stopped-qemu"
	cp spin.toml sel4.toml
	run test -p "$p" </dev/null
	expect_rc "test-spin-$p" 1
	expect_err_match "test-spin-$p-timeout" "^selfe: error: timed out after 8\\.[0-9] s waiting for '\\^spin: done\\\$'$"
	expect_true "test-spin-$p-ran" grep -q 'spin: spinning' "target/selfe/$p-debug/serial.log"
	expect_no_qemu "test-spin-$p-stopped-qemu"
done
cp hello.toml sel4.toml

# --- a corrupt image: the loader names what is wrong ----------------------------------------------
img=target/selfe/qemu-arm-virt-debug/images/hello-aarch64-qemu-arm-virt
run build -p qemu-arm-virt
expect_rc build-arm-again 0
cp "$img" "$T/bad.img"
# A byte in the middle of the kernel ELF (the payload starts 1 MiB into the segment, at file offset 4 KiB).
printf '\x55' | dd of="$T/bad.img" bs=1 seek=$((4096 + 0x100000 + 8192 + 200)) conv=notrunc status=none
timeout 20 qemu-system-aarch64 -machine virt -cpu cortex-a53 -nographic -m 1024 -kernel "$T/bad.img" \
	</dev/null >"$T/bad.log" 2>&1
expect_true corrupt-image-says-checksum grep -qE '^LDR\|ERROR: kernel ELF: checksum 0x[0-9a-f]+, the header says 0x[0-9a-f]+ \(corrupt image\)' "$T/bad.log"
expect_true corrupt-image-no-kernel sh -c "! grep -q 'Bootstrapping kernel' '$T/bad.log'"

# --- kernel variants: one kernel configuration each (the same target folder, a new build folder) ---
variant() { # NAME PLATFORM NODES "Option = value"
	sed "s/^KernelMaxNumNodes = 1\$/$4/" hello.toml >sel4.toml
	hello_passes "$1" "$2" "$3"
}
variant test-arm-mcs qemu-arm-virt 1 'KernelMaxNumNodes = 1\nKernelIsMCS = true'
expect_true test-arm-mcs-is-mcs grep -q '"KERNEL_MCS": true' target/selfe/qemu-arm-virt-debug/kernel/install/libsel4/include/kernel/gen_config.json
variant test-arm-smp4 qemu-arm-virt 4 'KernelMaxNumNodes = 4'
expect_out_match test-arm-smp4-qemu-smp '^qemu-system-aarch64 .* -smp 4 '
expect_true test-arm-smp4-cores grep -q '^LDR|entering the kernel on 4 core(s) at EL1' target/selfe/qemu-arm-virt-debug/serial.log
variant test-arm-hyp qemu-arm-virt 1 'KernelMaxNumNodes = 1\nKernelArmHypervisorSupport = true'
expect_out_match test-arm-hyp-qemu '^qemu-system-aarch64 -machine virt,virtualization=on,highmem=off,secure=off,gic-version=2 '
expect_true test-arm-hyp-el2 grep -q '^LDR|entering the kernel on 1 core(s) at EL2' target/selfe/qemu-arm-virt-debug/serial.log
# The same hypervisor kernel on a machine without EL2: the loader says so, and the run fails.
run simulate -p qemu-arm-virt --timeout 60 --expect '^main returned 0$' -- -machine virtualization=off </dev/null
expect_rc test-arm-hyp-without-el2 1
expect_err_match test-arm-hyp-without-el2-says "^selfe: error: the run failed: a line matched the fail pattern '\\^LDR\\\\\\|ERROR: ' after"
expect_err_match test-arm-hyp-without-el2-line '^selfe: note: the line: LDR\|ERROR: the kernel is a hypervisor build but the CPU started in EL1'
expect_no_qemu test-arm-hyp-without-el2-stopped-qemu
variant test-riscv-smp4 qemu-riscv-virt 4 'KernelMaxNumNodes = 4'
expect_out_match test-riscv-smp4-qemu-smp '^qemu-system-riscv64 .* -smp 4 '
expect_true test-riscv-smp4-harts grep -q '^LDR|entering the kernel on 4 hart(s)' target/selfe/qemu-riscv-virt-debug/serial.log
# Back to the first configuration: its kernel is installed again (the install folder is shared by
# the configurations' build folders), not the hypervisor kernel built last.
cp hello.toml sel4.toml
hello_passes test-arm-back-to-el1 qemu-arm-virt 1
expect_out_match test-arm-back-to-el1-reinstalled '^kernel: '
expect_true test-arm-back-to-el1-at-el1 grep -q '^LDR|entering the kernel on 1 core(s) at EL1' target/selfe/qemu-arm-virt-debug/serial.log

finish
