#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Runs every tests/cli/t-*.sh against a selfe binary and counts its ok/FAIL lines.
set -u
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export SELFE
export SELFE_REPO=$(cd "$(dirname "$0")/../.." && pwd)
pass=0
fail=0
for t in "$(dirname "$0")"/t-*.sh; do
	out=$(bash "$t" 2>&1)
	rc=$?
	p=$(grep -c '^ok ' <<<"$out")
	f=$(grep -c '^FAIL ' <<<"$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		out="$out
FAIL $(basename "$t"): exited $rc"
	fi
	[ "$f" -ne 0 ] && grep -v '^ok ' <<<"$out" | sed "s|^|$(basename "$t"): |"
	grep '^skip: ' <<<"$out"
	pass=$((pass + p))
	fail=$((fail + f))
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
