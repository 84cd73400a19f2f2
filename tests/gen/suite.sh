# SPDX-License-Identifier: BSD-2-Clause
# What the gen suites share (sourced): gen_suite NAME SELFE SKIP-REASON sets $selfe (absolute),
# check/finish with NAME's counts, finds the seL4 tree ($SEL4_SOURCE, else ../shared/sel4-16.0.0
# beside the repository; without one it prints "skip: NAME: SKIP-REASON" and finishes), and
# moves into a fresh work folder ($work, removed at exit) with its own selfe cache.
gen_suite() {
	suite=$1
	selfe=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
	pass=0
	fail=0
	local shared
	shared=$(dirname "${BASH_SOURCE[0]}")/../../../shared/sel4-16.0.0
	src=${SEL4_SOURCE:-}
	[ -n "$src" ] || [ ! -f "$shared/VERSION" ] || src=$(cd "$shared" && pwd)
	if [ -z "$src" ] || [ ! -f "$src/VERSION" ]; then
		echo "skip: $suite: $3"
		finish
	fi
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	cd "$work" || exit 1
	export XDG_CACHE_HOME="$work/cache"
}
finish() { echo "$suite: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit $?; }
check() { # NAME COMMAND...
	local name=$1
	shift
	if "$@"; then pass=$((pass + 1)); echo "ok $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi
}
