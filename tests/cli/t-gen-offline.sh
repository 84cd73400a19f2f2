#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# selfe gen from the embedded seL4 16.0.0 snapshot: every supported configuration, the fallback
# when no tree is available, and the precise errors for what the snapshot cannot honour.
. "$(dirname "$0")/lib.sh"

for c in pc99:x86_64 sabre:aarch32 qemu-arm-virt:aarch64 qemu-riscv-virt:riscv64; do
	p=${c%%:*}
	for prof in debug release; do
		run gen --offline -p "$p" --$prof -o "$p-$prof"
		expect_rc "offline-$p-$prof" 0
		expect_out_line "offline-$p-$prof-says" "libsel4 for $p (${c#*:}, $prof) from the embedded seL4 16.0.0 snapshot written to $p-$prof"
		expect_true "offline-$p-$prof-complete" test -f "$p-$prof/include/sel4/sel4.h" -a -f "$p-$prof/lib/libsel4.a" \
			-a -f "$p-$prof/include/kernel/gen_config.h" -a -f "$p-$prof/include/sel4/gen_config.h"
	done
done

# sel4.pc finds OUT from its own place: a moved OUT still gives the right flags, and no folder
# name is written into it.
cp -r pc99-debug moved-out
expect_true pkgconfig-names-no-folder sh -c "! grep -q '^prefix=/' pc99-debug/lib/pkgconfig/sel4.pc"
expect_true pkgconfig-relocatable sh -c 'test "$(echo $(PKG_CONFIG_PATH=moved-out/lib/pkgconfig pkg-config --cflags --libs sel4))" = \
	"-Imoved-out/lib/pkgconfig/../../include -Lmoved-out/lib/pkgconfig/../../lib -lsel4"'

# with_default NAME LINES...: the default configuration (as `selfe new` writes it) as NAME,
# with LINES added to its [sel4.config] table.
"$SELFE" new base >/dev/null
with_default() {
	local name=$1
	shift
	awk -v add="$(printf '%s\n' "$@")" '{ print } /^\[sel4.config\]$/ { print add }' base/sel4.toml >"$name"
}

# MCS, where the snapshot has it.
with_default mcs.toml "KernelIsMCS = true"
for p in pc99 qemu-arm-virt; do
	run gen --config mcs.toml --offline -p "$p" -o "mcs-$p"
	expect_rc "offline-mcs-$p" 0
	expect_true "offline-mcs-$p-is-mcs" grep -qE '^#define CONFIG_KERNEL_MCS +1$' "mcs-$p/include/kernel/gen_config.h"
done
run gen --config mcs.toml --offline -p qemu-riscv-virt -o mcs-riscv
expect_rc offline-mcs-riscv-rc 2
expect_err_line offline-mcs-riscv "selfe: note: KernelIsMCS = true is supported offline for: pc99 (x86_64), qemu-arm-virt (aarch64)"

# Without a tree and without --offline: the snapshot, said in one line.
run gen -o fallback
expect_rc fallback-rc 0
expect_true fallback-says-so grep -q "^selfe: the kernel source (tag 16.0.0) is not in selfe's cache (.*) and SELFE_OFFLINE is set: using the embedded seL4 16.0.0 snapshot$" "$T/err"
expect_true fallback-one-line test "$(wc -l <"$T/err")" -eq 1
# ...but never for another release.
sed 's/tag = "16.0.0"/tag = "13.0.0"/' base/sel4.toml >old.toml
run gen --config old.toml -o old
expect_rc other-release-rc 2
expect_true other-release grep -q "^old.toml:[0-9]*:[0-9]*: error: the kernel source (tag 13.0.0) is not in selfe's cache, and the embedded snapshot is seL4 16.0.0$" "$T/err"

# What the snapshot cannot honour.
with_default odd.toml "KernelNumDomains = 4"
printf '[sel4.config.tx2]\nKernelSel4Arch = "aarch64"\n' >>odd.toml
run gen --config odd.toml --offline -o odd
expect_rc unsupported-option-rc 2
expect_true unsupported-option grep -q "^odd.toml:[0-9]*:1: error: the offline seL4 16.0.0 snapshot cannot honour KernelNumDomains = 4 for pc99 (x86_64, debug)$" "$T/err"
expect_true nothing-written test ! -e odd
run gen --config odd.toml --offline -p tx2 -o odd
expect_rc unsupported-platform-rc 2
expect_err_line unsupported-platform "selfe: error: the offline seL4 16.0.0 snapshot has no configuration for platform 'tx2' with sel4_arch 'aarch64'"
run gen --offline --source x -o o
expect_rc offline-with-source-rc 2
expect_err_line offline-with-source "selfe: error: --offline uses the embedded snapshot: it cannot take --source or --kernel-build"

# The snapshot is written into the cache once and reused.
expect_true snapshot-in-cache sh -c "ls -d '$XDG_CACHE_HOME'/selfe/snapshot/sel4-* | grep -c . | grep -qx 1"

# --offline with a config naming another release: one line says the snapshot stands in.
printf '[sel4]\nkernel = { git = "https://github.com/seL4/seL4", tag = "13.0.0" }\n[sel4.config.pc99]\nKernelPlatform = "pc99"\nKernelSel4Arch = "x86_64"\n' >old.toml
run gen --config old.toml --offline -o old-out
expect_rc offline-other-release-rc 0
expect_err_line offline-other-release-says "selfe: --offline: the config's kernel is seL4 13.0.0, but this builds against the embedded seL4 16.0.0 snapshot"
run gen --offline -o same-out
if grep -q -- '--offline: the config' "$T/err"; then fail offline-same-release-silent "said the snapshot stands in for its own release"; else ok offline-same-release-silent; fi
