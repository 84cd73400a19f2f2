#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# build, gen, simulate and test fetch a git kernel source missing from selfe's cache themselves,
# as cargo does, unless --offline or SELFE_OFFLINE=1 says not to; a repository that cannot be
# reached falls back to the embedded snapshot with one line, within seconds.  The "remote" is a
# repository this test makes from the seL4 tree, reached by a file URL; the unreachable one is a
# host under .invalid (reserved: it never resolves).
tree=${SEL4_SOURCE:-}
[ -z "$tree" ] && [ -d "$SELFE_REPO/../shared/sel4-16.0.0" ] && tree=$SELFE_REPO/../shared/sel4-16.0.0
. "$(dirname "$0")/lib.sh"
unset SELFE_OFFLINE
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t

# config NAME URL: a pc99 project whose kernel is tag 16.0.0 of URL
config() {
	mkdir -p "$1/src"
	echo 'int main(void) { return 0; }' >"$1/src/main.c"
	printf '[sel4]\nkernel = { git = "%s", tag = "16.0.0" }\n[sel4.config.pc99]\nKernelPlatform = "pc99"\nKernelSel4Arch = "x86_64"\nKernelSupportPCID = false\nKernelFPU = "FXSAVE"\n[build.pc99]\ncross_compiler_prefix = "x86_64-linux-gnu-"\n[app]\nname = "%s"\n' "$2" "$1" >"$1/sel4.toml"
}

# --- no network: the snapshot, said in one line, at once ---------------------------------------
config nonet "https://selfe-test.invalid/seL4/seL4"
# (timeout only guards CI against a hang; how fast the probe gives up is its own 10 s limit)
(cd nonet && timeout 120 "$SELFE" gen -o lib >"$T/out" 2>"$T/err")
rc=$?
expect_rc unreachable-falls-back 0
expect_true unreachable-says-so grep -q "^selfe: the kernel source (tag 16.0.0) is not in selfe's cache (.*) and https://selfe-test.invalid/seL4/seL4 cannot be reached: using the embedded seL4 16.0.0 snapshot$" "$T/err"
expect_true unreachable-one-line test "$(wc -l <"$T/err")" -eq 1

SELFE_OFFLINE=1 run gen --config nonet/sel4.toml -o lib2
expect_rc selfe-offline-rc 0
expect_true selfe-offline-says-so grep -q "and SELFE_OFFLINE is set: using the embedded" "$T/err"

# --- a reachable repository is fetched ---------------------------------------------------------
if [ -z "$tree" ] || [ ! -f "$tree/config.cmake" ]; then
	echo "skip: autofetch: no seL4 tree (SEL4_SOURCE or ../shared/sel4-16.0.0) to stand in for the remote"
	exit 0
fi
mkdir remote && cp -r "$tree"/. remote/ && rm -rf remote/.git
(cd remote && git init -q -b master && git add -A && git commit -qm "seL4 16.0.0" && git tag 16.0.0) || exit 1
config net "file://$T/remote"

run gen --config net/sel4.toml --offline -o off
expect_rc offline-does-not-fetch 0
expect_true offline-cache-empty sh -c "! ls '$XDG_CACHE_HOME'/selfe/src/remote-* >/dev/null 2>&1"
SELFE_OFFLINE=1 run gen --config net/sel4.toml -o off2
expect_true selfe-offline-does-not-fetch sh -c "! ls '$XDG_CACHE_HOME'/selfe/src/remote-* >/dev/null 2>&1"

run gen --config net/sel4.toml -o fetched
expect_rc fetch-rc 0
expect_true fetch-announced grep -q "^selfe: fetching the kernel source (tag 16.0.0 of file://$T/remote) into $XDG_CACHE_HOME/selfe/src/remote-tag-16.0.0-" "$T/err"
expect_true fetch-in-cache sh -c "ls -d '$XDG_CACHE_HOME'/selfe/src/remote-tag-16.0.0-*/config.cmake"
expect_true fetch-libsel4-from-tree grep -q "from the seL4 tree $XDG_CACHE_HOME/selfe/src/remote-tag-16.0.0-" "$T/out"
run gen --config net/sel4.toml -o again
expect_true fetched-once sh -c "! grep -q fetching '$T/err'"
