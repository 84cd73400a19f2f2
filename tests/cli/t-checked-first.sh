#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# What the config says is checked before any kernel, CMake or compiler work, and a command that
# fails on it leaves nothing behind: [app] errors point at the item's own line and column, and
# `selfe build` with no sel4.toml writes no target/ folder.
tree=${SEL4_SOURCE:-}
. "$(dirname "$0")/lib.sh"
[ -n "$tree" ] && export SEL4_SOURCE="$tree" # with a tree, a late check would build the kernel first

# --- no sel4.toml: "nothing to build", and no target/ -------------------------------------------
mkdir empty && cd empty || exit 1
run build
expect_rc no-config-rc 2
expect_err_line no-config-message "<default sel4.toml>: error: nothing to build for pc99: no [app] table and no make_root_task"
expect_true no-config-leaves-nothing sh -c '[ -z "$(ls -A)" ]'
run simulate
expect_rc no-config-simulate-rc 2
expect_true no-config-simulate-leaves-nothing sh -c '[ -z "$(ls -A)" ]'
cd "$T" || exit 1

# --- [app] items that name nothing: errors at the item, before the kernel --------------------------
mkdir proj proj/src && cd proj || exit 1
echo 'int main(void) { return 0; }' >src/main.c
cat >sel4.toml <<'TOML'
[sel4]
kernel = { git = "https://github.com/seL4/seL4", tag = "16.0.0" }
[sel4.config.pc99]
KernelPlatform = "pc99"
KernelSel4Arch = "x86_64"
[app]
name = "proj"
sources = ["src/*.c",
           "lib/*.c"]
files = ["data/a.txt", "b=src/main.c"]
TOML
run build
expect_rc app-missing-rc 2
expect_err_line app-glob-at-item "$T/proj/sel4.toml:9:12: error: [app] sources: 'lib/*.c' matches no file in $T/proj"
expect_err_line app-file-at-item "$T/proj/sel4.toml:10:10: error: [app] files: 'data/a.txt' is not a file in $T/proj"
expect_true app-errors-before-any-work test ! -e target
sed -i '/^sources/,/lib/c\sources = ["src/*.c"]' sel4.toml
sed -i 's|^files.*|files = ["b=src/main.c"]|' sel4.toml
sed -i 's|^name.*|name = "proj"\nsources = []|' sel4.toml
sed -i '0,/^sources = \["src/{/^sources = \["src/d}' sel4.toml
run build
expect_rc app-sources-empty-rc 2
expect_err_line app-sources-empty-at-key "$T/proj/sel4.toml:8:11: error: 'sources' in [app] is empty: there is nothing to build"
expect_true app-sources-empty-before-any-work test ! -e target
