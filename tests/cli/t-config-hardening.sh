#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Configs that used to take the machine down or hang: a [test] pattern that made glibc's regcomp
# take gigabytes (now run by our bounded engine, checked under a 64 MiB address-space limit), a
# folder named sel4.toml (was silently skipped), a FIFO and a device as --config (never returned).
. "$(dirname "$0")/lib.sh"

# The default config's tables, plus a [test] table.
"$SELFE" config --format toml >base.toml 2>/dev/null
with_test() { # with_test TOML-LINE...: base.toml plus a [test] table with these lines
	{ cat base.toml; echo '[test]'; printf '%s\n' "$@"; } >sel4.toml
}

# The address-space limit needs the plain build (ASan reserves terabytes of address space).
PLAIN=${SELFE_REPO:+$SELFE_REPO/build/selfe}
[ -x "$PLAIN" ] || PLAIN=$SELFE
limited() { # limited ARGS...: selfe (plain build) under a 64 MiB address-space limit
	if [ "$PLAIN" = "$SELFE" ] && nm "$SELFE" 2>/dev/null | grep -q __asan_init; then
		timeout 10 "$SELFE" "$@" # no plain build at hand: at least bounded in time
	else
		(ulimit -v 65536; timeout 10 "$PLAIN" "$@")
	fi
}
with_test 'expect = ["a++++++++++++++++++++++++", "^(a|aa)*c$", "(x+x+)+y"]'
limited config --config sel4.toml >"$T/out" 2>"$T/err"
rc=$?
expect_rc pattern-24-plus-accepted-in-64MiB 0

with_test 'expect = ["(a{255}){255}"]'
limited config --config sel4.toml >"$T/out" 2>"$T/err"
rc=$?
expect_rc pattern-too-large-rc 2
line=$(($(wc -l <base.toml) + 2))
expect_true pattern-too-large-names-place grep -q "^sel4.toml:$line:25: error: 'expect' in \[test\]: .*pattern too large" "$T/err"

with_test 'fail = ["ok", "bad(group"]'
run config --config sel4.toml
expect_rc pattern-unclosed-rc 2
expect_true pattern-unclosed-points-at-paren grep -q "^sel4.toml:$line:19: error: 'fail' in \[test\]: \"bad(group\" is not a pattern selfe accepts: missing ')' to close this group" "$T/err"

with_test 'fail = ["\\1"]'
run config --config sel4.toml
expect_true pattern-backref-refused grep -q "back-references (\\\\1) are not supported" "$T/err"

# A folder named sel4.toml in the current folder: an error, not the embedded default.
mkdir -p proj/sel4.toml
(cd proj && "$SELFE" config >"$T/out" 2>"$T/err")
rc=$?
expect_rc config-folder-rc 2
expect_true config-folder-says-so grep -q "sel4.toml: error: is a folder, not a regular file" "$T/err"

# A FIFO or a device as the config: refused at once (timeout guards the test from hanging).
mkfifo fifo
timeout 10 "$SELFE" config --config fifo >"$T/out" 2>"$T/err"
rc=$?
expect_rc config-fifo-rc 2
expect_err_line config-fifo-says-so "fifo: error: is a FIFO, not a regular file"
timeout 10 "$SELFE" config --config /dev/zero >"$T/out" 2>"$T/err"
rc=$?
expect_rc config-dev-zero-rc 2
expect_err_line config-dev-zero-says-so "/dev/zero: error: is a character device, not a regular file"
SEL4_CONFIG_PATH=$T/fifo timeout 10 "$SELFE" config >"$T/out" 2>"$T/err"
rc=$?
expect_rc config-env-fifo-rc 2
