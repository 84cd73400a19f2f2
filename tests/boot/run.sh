#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Boot integration: real seL4 16.0.0 kernels built by `selfe build`, booted in QEMU by
# `selfe simulate` and `selfe test`.  Needs a 16.0.0 tree ($SEL4_SOURCE, else the default
# config's git source already in selfe's cache) and the kernel build's host tools; without them
# it prints a "skip:" line.  About three minutes on 2 cores: one pc99 debug and one release
# kernel build, shared by every project below through the kernel's hash-keyed build folder.
#
# usage: tests/boot/run.sh path/to/selfe
set -u
REPO=${SELFE_REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export SELFE

# The tree, found before lib.sh points XDG_CACHE_HOME into the test's own folder.
tree=${SEL4_SOURCE:-}
if [ -z "$tree" ]; then
	for d in "${XDG_CACHE_HOME:-$HOME/.cache}"/selfe/src/seL4-tag-16.0.0-*; do
		[ -d "$d" ] && tree=$d && break
	done
fi

pass=0
failed=0
. "$REPO/tests/cli/lib.sh" && . "$REPO/tests/faulty-apps.sh" || exit 2
# Count what lib.sh's checks report.
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
# Nothing selfe started may outlive it: no QEMU that boots an image of this test's folder.
expect_no_qemu() { # NAME
	if ps -eo args | grep -F "$T/" | grep -q '^qemu-system'; then
		fail "$1" "a QEMU is still running: $(ps -eo pid,args | grep -F "$T/" | grep qemu-system)"
	else
		ok "$1"
	fi
}
# The lines, in this order, somewhere in FILE (each an ERE, each on a line after the previous
# one's; serial output ends its lines with CR LF).
expect_in_order() { # NAME FILE ERE...
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
has_line() { # FILE LINE: LINE is a whole line of FILE, CRs aside
	tr -d '\r' <"$1" | grep -qxF -- "$2"
}

# --- without a kernel tree: usage, the platforms that cannot boot yet, no kernel to boot -------
(
	unset SEL4_SOURCE
	run simulate --timeout soon
	expect_rc simulate-bad-timeout 2
	expect_err_line simulate-bad-timeout-says "selfe: error: --timeout needs a positive number of seconds, not 'soon'"
	run simulate --gdb=0
	expect_rc simulate-bad-gdb-port 2
	run test --timeout 0
	expect_rc test-bad-timeout 2
	run simulate -p qemu-arm-virt
	expect_rc simulate-arm-without-app 2
	expect_err_line simulate-arm-without-app-says "<default sel4.toml>: error: nothing to build for qemu-arm-virt: no [app] table and no make_root_task"
	run test -p qemu-riscv-virt
	expect_rc test-without-table-default-config 2
	expect_err_line test-without-table-default-config-says "<default sel4.toml>: error: no [test] table: selfe test needs the lines a run must show"
	if command -v x86_64-linux-gnu-gcc >/dev/null; then
		run new notree
		cd notree || exit 1
		run simulate
		expect_rc simulate-without-tree 2
		expect_err_line simulate-without-tree-says "selfe: error: no kernel was built for pc99: booting needs a seL4 tree"
		expect_true simulate-without-tree-says-kernel-skipped has_line "$T/out" "kernel: skipped, no seL4 tree: the kernel source was not fetched (SELFE_OFFLINE is set)"
		# after `--` everything is QEMU's, even what looks like an option of selfe's
		run simulate --expect -- -- --bogus -p x
		expect_rc simulate-dashdash-is-qemus 2
		expect_err_line simulate-dashdash-reaches-the-build "selfe: error: no kernel was built for pc99: booting needs a seL4 tree"
	fi
	echo "$pass $failed" >"$T/counts"
)
read -r pass failed <"$T/counts"

finish() {
	echo "boot: $pass passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}
skip() {
	echo "skip: boot: $1"
	finish
}
if [ -z "$tree" ]; then
	skip "no seL4 16.0.0 tree (set SEL4_SOURCE, or run 'selfe fetch' with the default config)"
fi
if [ "$(cat "$tree/VERSION" 2>/dev/null)" != "16.0.0" ]; then
	skip "the tree at \$SEL4_SOURCE is not seL4 16.0.0 (its VERSION says '$(cat "$tree/VERSION" 2>/dev/null)')"
fi
missing=
for p in cmake ninja qemu-system-x86_64 x86_64-linux-gnu-gcc x86_64-linux-gnu-objcopy; do
	command -v "$p" >/dev/null || missing="$missing $p"
done
python=${SELFE_PYTHON:-/usr/bin/python3}
[ -n "$missing" ] && skip "missing for a pc99 kernel build and boot:$missing (scripts/install-deps installs them)"
export SEL4_SOURCE=$tree

# examples/hello, copied so that its target/ is this test's own.
mkdir hello
(cd "$REPO/examples/hello" && tar cf - --exclude=./target .) | (cd hello && tar xf -)
cd hello || exit 1
log=target/selfe/pc99-debug/serial.log

# --- selfe test, debug: every line the example promises, in order -------------------------------
run test </dev/null
expect_rc test-debug 0
expect_err_match test-debug-says-pass '^selfe: pass: all 12 expected lines seen in [0-9]+\.[0-9] s$'
expect_true test-debug-built-the-kernel test -f target/selfe/pc99-debug/kernel/install/bin/kernel.elf
expect_true test-debug-kept-serial-log test -s "$log"
# Independently of selfe's matcher: the kernel's boot, then the root task's lines, in order.
expect_in_order test-debug-lines-in-order "$log" \
	'^Booting all finished, dropped to user space$' \
	'^Hello, seL4 on x86_64!$' \
	'^hello: boot info: 1 node\(s\), [0-9]+ untyped' \
	'^hello: data_file.txt \(77 bytes\): This line was packed with selfe arc and read back from inside the root task\.$' \
	'^hello: retyped an endpoint \(slot [0-9]+\) and a notification' \
	'^hello: worker stack below 0x[0-9a-f]+, IPC buffer at 0x[0-9a-f]+$' \
	'^hello: started the worker thread' \
	'^hello: worker received label 0x42, 3 words, badge 0x61: "ping" 41$' \
	'^hello: call answered: "pong" 42$' \
	'^hello: notification received \(word 0x4\)$' \
	'^hello: worker returned 7$' \
	'^hello: all done$' \
	'^main returned 0$'
expect_true test-debug-streamed-to-stdout has_line "$T/out" 'hello: all done'
expect_no_qemu test-debug-stopped-qemu

# --- selfe simulate: flags, [simulate] memory, the QEMU command --------------------------------
printf '\n[simulate]\nmemory = 384\n' >>sel4.toml
run simulate -v --timeout 60 --expect '^main returned 0$' </dev/null
expect_rc simulate-expect 0
expect_out_match simulate-v-prints-qemu-command \
	'^qemu-system-x86_64 -cpu Nehalem,-vme,\+pdpe1gb,-xsave,-xsaveopt,-xsavec,\+fsgsbase,-invpcid,\+syscall,\+lm,enforce -nographic -serial mon:stdio -m size=384M -no-reboot -kernel [^ ]*/images/kernel-x86_64-pc99 -initrd [^ ]*/images/hello-x86_64-pc99$'
expect_true simulate-no-kernel-rebuild sh -c "! grep -q '^kernel: ' '$T/out'"
expect_no_qemu simulate-stopped-qemu

run simulate --timeout 8 --expect '^hello: all done$' --expect '^never printed$' </dev/null
expect_rc simulate-timeout 1
expect_err_match simulate-timeout-says-what "^selfe: error: timed out after 8\.[0-9] s waiting for '\^never printed\\$'$"
expect_err_line simulate-timeout-lists-rest "selfe: note: still expected, in order (1 of 2 seen):"
expect_no_qemu simulate-timeout-stopped-qemu

run simulate --timeout 60 --fail '^hello: started the worker' </dev/null
expect_rc simulate-fail-pattern 1
expect_err_match simulate-fail-says-which "^selfe: error: the run failed: a line matched the fail pattern '\^hello: started the worker' after"
expect_err_match simulate-fail-shows-line '^selfe: note: the line: hello: started the worker thread \(TCB slot [0-9]+\)$'
expect_no_qemu simulate-fail-stopped-qemu

run simulate -v --timeout 8 -- -name selfe-boot-test </dev/null
expect_rc simulate-no-expect-times-out 1
expect_err_match simulate-no-expect-says-running "^selfe: error: timed out after 8\.[0-9] s: QEMU was still running$"
expect_out_match simulate-passes-extra-args '^qemu-system-x86_64 .* -initrd [^ ]*/images/hello-x86_64-pc99 -name selfe-boot-test$'
expect_true simulate-no-expect-ran-to-the-end has_line "$log" 'main returned 0'


# --- selfe test, release ------------------------------------------------------------------------
# The release profile builds the kernel without KernelPrinting.  selfe-runtime then drives COM1
# itself (an I/O port capability the root task issues), so the same [test] lines are checked.
run test --release </dev/null
expect_rc test-release 0
expect_err_match test-release-pass '^selfe: pass: all 12 expected lines seen in [0-9]+\.[0-9] s$'
expect_true test-release-kernel-silent sh -c "! grep -q 'Booting all finished' target/selfe/pc99-release/serial.log"
expect_in_order test-release-lines-from-the-root-task target/selfe/pc99-release/serial.log \
	'^Hello, seL4 on x86_64!$' '^hello: worker returned 7$' '^hello: all done$' '^main returned 0$'
expect_true test-release-kernel-built test -f target/selfe/pc99-release/kernel/install/bin/kernel.elf
expect_no_qemu test-release-stopped-qemu

# --- root tasks that go wrong: same kernel configuration, so the debug kernel build is reused ----
awk '/^\[app\]/ { exit } { print }' sel4.toml >base.toml
faulty_apps base.toml

# Each project takes sel4.toml's place in turn (the kernel's build folder is keyed by the CMake
# cache selfe writes, which names the config file it was resolved from).
cp sel4.toml hello.toml
cp fault.toml sel4.toml
run test </dev/null
expect_rc test-fault 1
expect_err_match test-fault-says-fault "^selfe: error: the run failed: a line matched the fail pattern '\\^Caught ' after [0-9]+\\.[0-9] s$"
expect_err_match test-fault-shows-line '^selfe: note: the line: Caught .*fault'
expect_in_order test-fault-shows-the-whole-message "$T/out" '^fault: writing through a null pointer$' '^Caught ' '^vm fault on data at address (0x)?0 '
expect_true test-fault-reused-kernel sh -c "! grep -q '^kernel: ' '$T/out'"
# The kernel printed the PC; selfe names the function and source line (addr2line, -g).
fault_line=$(grep -n 'volatile int \*)0 = 1' fault/main.c | cut -d: -f1)
expect_err_match test-fault-names-source-line "^selfe: note: the fault's PC 0x[0-9a-f]+ is in main \(.*/fault/main\.c:$fault_line\)$"
expect_no_qemu test-fault-stopped-qemu

# On a release kernel nothing reports the fault, but the root task's own console output stops
# short of the line the test expects: the run fails.
run test --release --timeout 10 </dev/null
expect_rc test-release-fault 1
expect_err_match test-release-fault-timeout "^selfe: error: timed out after 10\.[0-9] s waiting for '\^fault: still here\\$'$"
expect_true test-release-fault-printed has_line target/selfe/pc99-release/serial.log 'fault: writing through a null pointer'
expect_no_qemu test-release-fault-stopped-qemu

# selfe_panic: its caller, by function and source line.
mkdir panic
cat >panic/main.c <<'C'
#include <selfe/runtime.h>
#include <selfe/start.h>

static __attribute__((noinline)) void check_answer(volatile int v)
{
	if (v != 42)
		selfe_panic("the answer is %d", v);
}

int main(void)
{
	check_answer(41);
	return 0;
}
C
{ cat base.toml; printf '[app]\nname = "panic"\nsources = ["panic/*.c"]\n[test]\nexpect = ["^main returned 0$"]\ntimeout = 60\n'; } >sel4.toml
run test </dev/null
expect_rc test-panic 1
expect_err_match test-panic-says-line '^selfe: note: the line: panic: the answer is 41'
panic_line=$(grep -n 'selfe_panic("the answer' panic/main.c | cut -d: -f1)
expect_err_match test-panic-names-source-line "^selfe: note: the panic was called from 0x[0-9a-f]+ is in check_answer \(.*/panic/main\.c:$panic_line\)$"
expect_no_qemu test-panic-stopped-qemu

cp spin.toml sel4.toml
run test </dev/null
expect_rc test-spin 1
expect_err_match test-spin-timeout "^selfe: error: timed out after 8\.[0-9] s waiting for '\^spin: done\\$'$"
expect_err_line test-spin-progress "selfe: note: still expected, in order (1 of 2 seen):"
expect_true test-spin-ran has_line target/selfe/pc99-debug/serial.log 'spin: spinning'
expect_true test-spin-reused-kernel sh -c "! grep -q '^kernel: ' '$T/out'"
cp hello.toml sel4.toml
expect_no_qemu test-spin-stopped-qemu

{ cat base.toml; printf '[app]\nname = "x"\n'; } >notest.toml
run test --config notest.toml
expect_rc test-without-table 2
expect_err_line test-without-table-says "notest.toml: error: no [test] table: selfe test needs the lines a run must show"

# --- examples/pool: server threads on one endpoint, clients calling at once (debug and release) ---
mkdir pool
cp "$REPO/examples/pool/src/main.c" pool/
{ cat base.toml; awk '/^\[app\]/ { p = 1 } p' "$REPO/examples/pool/sel4.toml" | sed 's|"src/\*\.c"|"pool/*.c"|'; } >sel4.toml
run test </dev/null
expect_rc test-pool-debug 0
expect_err_match test-pool-debug-pass '^selfe: pass: all 4 expected lines seen'
run test --release </dev/null
expect_rc test-pool-release 0
expect_err_match test-pool-release-pass '^selfe: pass: all 4 expected lines seen'
expect_no_qemu test-pool-stopped-qemu

# --- the runtime toolkit under load (tests/boot/toolkit): debug, release, MCS ---------------------
mkdir toolkit
cp "$REPO/tests/boot/toolkit/main.c" toolkit/
toolkit_app='[app]\nname = "toolkit"\nsources = ["toolkit/*.c"]\ncflags = ["-O2", "-Wall", "-Wextra", "-Werror"]\n[test]\nexpect = ["^\\\\[test\\\\] objects: ", "^\\\\[test\\\\] threads: 64 threads", "^\\\\[test\\\\] fault endpoint: ", "^\\\\[test\\\\] memory: 64 MiB", "^\\\\[test\\\\] heap: 100000 operations", "^\\\\[test\\\\] heap: 4 threads", "^\\\\[test\\\\] device: ", "^\\\\[test\\\\] toolkit: all checks passed$", "^main returned 0$"]\ntimeout = 120\n'
{ cat base.toml; printf "$toolkit_app"; } >sel4.toml
run test </dev/null
expect_rc test-toolkit-debug 0
expect_err_match test-toolkit-debug-pass '^selfe: pass: all 9 expected lines seen'
expect_no_qemu test-toolkit-debug-stopped-qemu
run test --release </dev/null
expect_rc test-toolkit-release 0
expect_err_match test-toolkit-release-pass '^selfe: pass: all 9 expected lines seen'
expect_no_qemu test-toolkit-release-stopped-qemu
# MCS: scheduling contexts and reply objects for every thread (one more kernel build).
sed 's/^KernelMaxNumNodes = 1$/&\nKernelIsMCS = true/' base.toml >mcs.toml
{ cat mcs.toml; printf "$toolkit_app"; } >sel4.toml
run test </dev/null
expect_rc test-toolkit-mcs 0
expect_err_match test-toolkit-mcs-pass '^selfe: pass: all 9 expected lines seen'
expect_true test-toolkit-mcs-kernel grep -q '^#define CONFIG_KERNEL_MCS  *1' target/selfe/pc99-debug/libsel4/include/kernel/gen_config.h
{ cat mcs.toml; awk '/^\[app\]/ { p = 1 } p' hello.toml; } >sel4.toml
run test </dev/null
expect_rc test-hello-mcs 0
expect_err_match test-hello-mcs-pass '^selfe: pass: all 12 expected lines seen'
expect_no_qemu test-mcs-stopped-qemu
# Back to the classic configuration: its kernel build is current, but install/ holds the MCS
# kernel, which must be replaced (an MCS kernel would print "Found thread has no fault handler").
cp hello.toml sel4.toml
run test </dev/null
expect_rc test-back-to-classic 0
expect_true test-back-to-classic-kernel sh -c 'grep -q "^KernelIsMCS:BOOL=OFF" "$(cat target/selfe/pc99-debug/kernel/install/selfe-installed-from)/CMakeCache.txt"'

# --- kernels for the device-tree platforms, on a machine without pyfdt -------------------------
# The kernel's hardware step runs in selfe (src/hwgen, through the selfe-python shim), so these
# build with pyfdt out of reach: PYTHONPATH cleared for selfe and everything it starts.
if env PYTHONPATH= "$python" -c 'import pyfdt' 2>/dev/null; then
	echo "note: pyfdt is installed for $python itself; the builds below still use selfe's generator"
fi
export PYTHONPATH=
for p in sabre qemu-arm-virt qemu-riscv-virt; do
	case $p in
	sabre) needs="arm-linux-gnueabihf-gcc dtc" ;;
	qemu-arm-virt) needs="aarch64-linux-gnu-gcc dtc qemu-system-aarch64" ;;
	qemu-riscv-virt) needs="riscv64-linux-gnu-gcc dtc qemu-system-riscv64" ;;
	esac
	lacking=
	for t in $needs; do command -v "$t" >/dev/null || lacking="$lacking $t"; done
	if [ -n "$lacking" ]; then
		echo "skip: boot: the $p kernel build needs$lacking"
		continue
	fi
	run build -p "$p"
	expect_rc "kernel-$p-builds-without-pyfdt" 0
	expect_true "kernel-$p-elf" test -f "target/selfe/$p-debug/kernel/install/bin/kernel.elf"
	# the configure ran selfe as the kernel's Python, and selfe wrote the hardware header
	expect_true "kernel-$p-python-is-selfe" grep -q "^PYTHON3:INTERNAL=.*/kernel/python/selfe-python$" \
		target/selfe/"$p"-debug/kernel/build-*/CMakeCache.txt
	expect_true "kernel-$p-devices-header" test -s "$(ls target/selfe/"$p"-debug/kernel/build-*/gen_headers/plat/machine/devices_gen.h)"
done

finish
