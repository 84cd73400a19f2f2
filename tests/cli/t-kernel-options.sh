#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# [sel4.config] settings are checked against the kernel before any kernel, CMake or compiler
# work: a name the kernel does not declare (with the nearest real one), a choice value outside its
# list, a bool given a string and a string given a bool.  With a seL4 tree, its configuration
# files decide; offline, the snapshot's option table.
tree=${SEL4_SOURCE:-}
[ -z "$tree" ] && [ -d "$SELFE_REPO/../shared/sel4-16.0.0" ] && tree=$SELFE_REPO/../shared/sel4-16.0.0
. "$(dirname "$0")/lib.sh"

mkdir p p/src && cd p || exit 1
echo 'int main(void) { return 0; }' >src/main.c
# write_config LINE...: a pc99 project whose [sel4.config.pc99] has these lines (from line 6 on)
write_config() {
	{
		printf '[sel4]\nkernel = { git = "https://github.com/seL4/seL4", tag = "16.0.0" }\n'
		printf '[sel4.config.pc99]\nKernelPlatform = "pc99"\n'
		printf '%s\n' "$@"
		printf '[build.pc99]\ncross_compiler_prefix = "x86_64-linux-gnu-"\n[app]\nname = "p"\n'
	} >sel4.toml
}

# Offline: the snapshot's table knows the names.
write_config 'KernelSel4Arch = "x86_64"' 'KernelPrintng = true'
run build --offline
expect_rc offline-unknown-name-rc 2
expect_err_line offline-unknown-name "$T/p/sel4.toml:6:1: error: 'KernelPrintng' is not an option of the kernel (the embedded seL4 16.0.0 snapshot)"
expect_err_line offline-unknown-name-suggests "selfe: note: did you mean 'KernelPrinting'?"
expect_true offline-nothing-written test ! -e target

if [ -z "$tree" ] || [ ! -f "$tree/config.cmake" ]; then
	echo "skip: kernel-options: no seL4 tree (SEL4_SOURCE or ../shared/sel4-16.0.0) for the tree checks"
	exit 0
fi
export SEL4_SOURCE=$tree

write_config 'KernelSel4Arch = "x86_64"' 'KernelPrintng = true'
run build
expect_rc unknown-name-rc 2
expect_err_line unknown-name "$T/p/sel4.toml:6:1: error: 'KernelPrintng' is not an option of the kernel in $tree"
expect_err_line unknown-name-suggests "selfe: note: did you mean 'KernelPrinting'?"
expect_true unknown-name-before-any-work test ! -e target

write_config 'KernelSel4Arch = "x86_64"' 'KernelFPU = "FXSAV"'
run build
expect_rc bad-choice-rc 2
expect_err_line bad-choice "$T/p/sel4.toml:6:1: error: 'KernelFPU' is \"FXSAV\", which is not one of the kernel's choices: \"XSAVE\", \"FXSAVE\""
expect_err_line bad-choice-suggests "selfe: note: did you mean \"FXSAVE\"?"

write_config 'KernelSel4Arch = "x86_64"' 'KernelPrinting = "yes"'
run build
expect_rc bool-given-string-rc 2
expect_err_line bool-given-string "$T/p/sel4.toml:6:1: error: 'KernelPrinting' is a bool option of the kernel: write true or false, not \"yes\""

write_config 'KernelSel4Arch = "x86_64"' 'KernelFPU = true'
run build
expect_rc string-given-bool-rc 2
expect_err_line string-given-bool "$T/p/sel4.toml:6:1: error: 'KernelFPU' is a choice option of the kernel, not a bool: write a quoted choice"

# A sub-platform the kernel reads before setting it (config_set) is accepted; no kernel is built
# here (the check passes, then --kernel-build-free gen stands in).
write_config 'KernelSel4Arch = "x86_64"' 'KernelSupportPCID = false' 'KernelFPU = "FXSAVE"'
run gen -o lib
expect_rc good-config-passes 0
write_config 'KernelSel4Arch = "x86_64"' 'KernelPrintng = true'
run gen -o lib2
expect_rc gen-checks-too 2
expect_true gen-writes-nothing test ! -e lib2

# A sub-platform, which the platform's file reads before config_set sets it, is accepted.
printf '[sel4]\nkernel = { git = "https://github.com/seL4/seL4", tag = "16.0.0" }\n[sel4.config.sabre]\nKernelPlatform = "imx6"\nKernelARMPlatform = "sabre"\nKernelSel4Arch = "aarch32"\n' >sel4.toml
run gen -p sabre -o sabre-lib
expect_rc sub-platform-accepted 0

# A value the kernel's files compute (config_set) and would replace is refused; an input they
# read and keep (the sub-platform above) and a user cache entry (KernelCustomDTS) are not.
write_config 'KernelSel4Arch = "x86_64"' 'KernelWordSize = 32'
run gen -o ws
expect_rc computed-value-rc 2
expect_err_line computed-value "$T/p/sel4.toml:6:1: error: 'KernelWordSize' is computed by the kernel's configuration files (\"64\" here): the setting would be ignored"
write_config 'KernelSel4Arch = "x86_64"' 'KernelCustomDTS = ""'
run gen -o dts
expect_rc cache-input-accepted 0
