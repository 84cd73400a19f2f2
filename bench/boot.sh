#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Time from starting `selfe simulate` (pc99, debug, nothing to rebuild) to the root task's first
# line ("Hello, seL4 ..." of examples/hello) on the terminal, and to the end of the run (the
# expectation met and QEMU stopped): the median of N runs.  Needs what bench/build.sh needs,
# plus qemu-system-x86_64.  Not part of `make check`.
set -eu
N=${N:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${SEL4_SOURCE:?set SEL4_SOURCE to a seL4 tree}"
if [ -z "${SELFE:-}" ]; then
	make -C "$repo" --no-print-directory build/selfe >/dev/null
	SELFE=$repo/build/selfe
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
mkdir "$work/hello"
(cd "$repo/examples/hello" && tar cf - --exclude=./target .) | (cd "$work/hello" && tar xf -)
cd "$work/hello"
"$SELFE" build >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 2; }

now() { date +%s.%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for _ in $(seq "$N"); do
	t0=$(now)
	first=$("$SELFE" simulate --timeout 60 --expect '^Hello, seL4' </dev/null 2>/dev/null |
		while IFS= read -r line; do
			case $line in "Hello, seL4"*) now ;; esac
		done)
	t1=$(now)
	[ -n "$first" ] || { echo "no root-task line seen" >&2; exit 1; }
	awk -v a="$t0" -v b="$first" -v c="$t1" 'BEGIN { printf "%.3f %.3f\n", b - a, c - a }'
done >"$work/times"
printf 'selfe simulate to the first root-task line: %.2f s; to the end of the run: %.2f s (median of %d)\n' \
	"$(cut -d' ' -f1 "$work/times" | median)" "$(cut -d' ' -f2 "$work/times" | median)" "$N"
