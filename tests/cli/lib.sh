# SPDX-License-Identifier: BSD-2-Clause
# Helpers for CLI tests: each check prints "ok NAME" or "FAIL NAME: why"; run.sh counts them.
# Tests run in a fresh temporary folder ($T) with SEL4_CONFIG_PATH, SEL4_PLATFORM and SEL4_SOURCE unset.

: "${SELFE:?SELFE must name the selfe binary}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# SEL4_SOURCE too: a test that wants the tree reads it before sourcing this file.
unset SEL4_CONFIG_PATH SEL4_PLATFORM SEL4_SOURCE
export XDG_CACHE_HOME="$T/cache" # never touch the real source cache
export SELFE_OFFLINE=1             # no test reaches the network unless it says so (t-autofetch.sh)

# run ARGS...: runs selfe, keeping stdout in $T/out, stderr in $T/err, status in $rc.
run() {
	"$SELFE" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

ok() { echo "ok $1"; }
fail() {
	echo "FAIL $1: $2"
	sed 's/^/    stdout| /' "$T/out" 2>/dev/null | head -n 20
	sed 's/^/    stderr| /' "$T/err" 2>/dev/null | head -n 20
}

expect_rc() { # NAME WANT
	if [ "$rc" -eq "$2" ]; then ok "$1"; else fail "$1" "exit $rc, expected $2"; fi
}

expect_out_line() { # NAME LINE: stdout has LINE as a whole line
	if grep -qxF -- "$2" "$T/out"; then ok "$1"; else fail "$1" "stdout lacks line: $2"; fi
}

expect_err_line() { # NAME LINE: stderr has LINE as a whole line
	if grep -qxF -- "$2" "$T/err"; then ok "$1"; else fail "$1" "stderr lacks line: $2"; fi
}

expect_out_empty() { # NAME
	if [ ! -s "$T/out" ]; then ok "$1"; else fail "$1" "stdout is not empty"; fi
}

expect_true() { # NAME COMMAND...: the command succeeds
	local name=$1
	shift
	if "$@" >"$T/cmd.log" 2>&1; then ok "$name"; else fail "$name" "'$*' failed: $(head -c 600 "$T/cmd.log")"; fi
}
