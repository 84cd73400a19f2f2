#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The catalogue of malformed configs: for each bad/NAME.toml, `selfe config --config FILE ARGS`
# (ARGS from NAME.args) must print nothing on stdout, exit with the status on the first line of
# NAME.expected ("exit: N"), and print every following line of NAME.expected on stderr, in that
# order, as whole lines ("FILE" stands for the config's path).
# With --update, rewrites the .expected files from what selfe prints (review the diff!).
set -u
selfe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
update=${2:-}
cd "$(dirname "$0")"
pass=0
fail=0
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
for toml in bad/*.toml; do
	name=${toml%.toml}
	args=""
	[ -f "$name.args" ] && args=$(cat "$name.args")
	# shellcheck disable=SC2086
	env -u SEL4_CONFIG_PATH -u SEL4_PLATFORM "$selfe" config --config "$toml" $args >"$out" 2>"$err"
	rc=$?
	if [ "$update" = --update ]; then
		{ echo "exit: $rc"; sed "s|^$toml:|FILE:|" "$err"; } >"$name.expected"
		continue
	fi
	if [ ! -f "$name.expected" ]; then
		echo "FAIL $name: no $name.expected"
		fail=$((fail + 1))
		continue
	fi
	want_rc=$(head -n 1 "$name.expected" | sed -n 's/^exit: //p')
	problem=""
	[ "$rc" = "$want_rc" ] || problem="exit $rc, expected $want_rc"
	[ -s "$out" ] && problem="$problem; wrote to stdout"
	# Every expected line must appear, in order, as a whole stderr line.
	line_no=0
	while IFS= read -r want; do
		want=${want//FILE/$toml}
		found=$(tail -n +$((line_no + 1)) "$err" | grep -nxF -- "$want" | head -n 1 | cut -d: -f1)
		if [ -z "$found" ]; then
			problem="$problem; missing stderr line: $want"
			break
		fi
		line_no=$((line_no + found))
	done < <(tail -n +2 "$name.expected")
	if [ -z "$problem" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: $problem"
		sed 's/^/    | /' "$err"
	fi
done
echo "config-bad: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
