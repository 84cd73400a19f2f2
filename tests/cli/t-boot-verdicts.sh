#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Verdicts of real pc99 boots: main returning non-zero fails `selfe test` at once (exit 1, long
# before the timeout), and QEMU refusing a CPU feature the kernel's configuration asked for is
# reported with the kernel option behind it (exit 2), not as "QEMU ended".  Normal output leaves
# out the kernel's own linker warnings and SeaBIOS's terminal escapes (the logs keep them; -v
# shows them).
tree=${SEL4_SOURCE:-}
[ -z "$tree" ] && [ -d "$SELFE_REPO/../shared/sel4-16.0.0" ] && tree=$SELFE_REPO/../shared/sel4-16.0.0
. "$(dirname "$0")/lib.sh"
if [ -z "$tree" ] || ! command -v qemu-system-x86_64 >/dev/null || ! command -v x86_64-linux-gnu-gcc >/dev/null; then
	echo "skip: boot-verdicts: needs a seL4 tree (SEL4_SOURCE or ../shared/sel4-16.0.0), qemu-system-x86_64 and x86_64-linux-gnu-gcc"
	exit 0
fi
export SEL4_SOURCE=$tree

run new p
cd p || exit 1
sed -i 's/return 0;/return 3;/' src/main.c
sed -i 's/^expect = .*/expect = ["never printed"]\ntimeout = 50/' sel4.toml
start=$(date +%s)
run test
took=$(($(date +%s) - start))
expect_rc main-returned-3-fails 1
expect_true main-returned-3-named grep -q "error: the run failed: a line matched the fail pattern 'main returned -?\[1-9\]'" "$T/err"
# 50 s is the timeout; a kernel build takes part of the rest, the boot a second.
expect_true main-returned-3-before-timeout test "$took" -lt 50
expect_true quiet-no-linker-warnings sh -c "! grep -q 'RWX permissions' '$T/out' '$T/err'"
expect_true quiet-warnings-in-build-log sh -c "grep -q 'RWX permissions' target/selfe/pc99-debug/kernel/build-*.build.log"
esc=$(printf '\033')
if grep -q "$esc" "$T/out"; then fail quiet-no-escapes "escape sequences in the output"; else ok quiet-no-escapes; fi
expect_true escapes-in-serial-log grep -q "$esc" target/selfe/pc99-debug/serial.log

sed -i 's/^KernelSupportPCID = false/KernelSupportPCID = true/' sel4.toml
run test -v
expect_true verbose-shows-linker-warnings grep -q 'RWX permissions' "$T/out"
expect_rc pcid-refused-rc 2
expect_err_line pcid-refused-named "selfe: error: QEMU cannot offer the CPU feature 'invpcid' (CPUID.07H:EBX.invpcid), which the kernel uses because of KernelSupportPCID"
expect_err_line pcid-refused-fix "selfe: note: set KernelSupportPCID = false in [sel4.config.pc99], or run where QEMU can offer it (KVM on a CPU that has it)"
if grep -q 'QEMU ended' "$T/err"; then fail pcid-not-just-ended "still says QEMU ended"; else ok pcid-not-just-ended; fi
