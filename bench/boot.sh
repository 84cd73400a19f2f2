#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Time from starting `selfe simulate` (debug, nothing to rebuild) to the root task's first line
# ("Hello, seL4 ..." of examples/hello) on the terminal, and to the end of the run (the
# expectation met and QEMU stopped): the median of N runs, per platform.  Then the same images
# booted by the bare QEMU command `selfe simulate -v` prints, timed to the same line, and the
# ratio selfe / bare QEMU (what selfe's build check, image step and run engine add).
# PLATFORMS (default: pc99 sabre qemu-arm-virt qemu-riscv-virt) picks the platforms.  Needs what
# bench/build.sh needs, plus QEMU for each platform; ARM and RISC-V kernels need pyfdt
# importable (PYTHONPATH).  Not part of `make check`.
set -eu
N=${N:-5}
PLATFORMS=${PLATFORMS:-pc99 sabre qemu-arm-virt qemu-riscv-virt}
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

now() { date +%s.%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# bare COMMAND...: seconds from starting it to its first "Hello, seL4" line; then it is stopped.
bare() {
	rm -f "$work/fifo"
	mkfifo "$work/fifo"
	local t0 t1= pid
	t0=$(now)
	"$@" </dev/null >"$work/fifo" 2>/dev/null &
	pid=$!
	while IFS= read -r line; do
		case $line in "Hello, seL4"*) t1=$(now) && break ;; esac
	done <"$work/fifo"
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	[ -n "$t1" ] || { echo "bare QEMU: no root-task line seen" >&2; exit 1; }
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}

for p in $PLATFORMS; do
	"$SELFE" build -p "$p" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 2; }
	for _ in $(seq "$N"); do
		t0=$(now)
		first=$("$SELFE" simulate -p "$p" --timeout 60 --expect '^Hello, seL4' </dev/null 2>/dev/null |
			while IFS= read -r line; do
				case $line in "Hello, seL4"*) now ;; esac
			done)
		t1=$(now)
		[ -n "$first" ] || { echo "$p: no root-task line seen" >&2; exit 1; }
		awk -v a="$t0" -v b="$first" -v c="$t1" 'BEGIN { printf "%.3f %.3f\n", b - a, c - a }'
	done >"$work/times"
	# The QEMU command selfe runs (its first stdout line starting with qemu-system; no quoting
	# is needed for the paths used here).
	cmd=$("$SELFE" simulate -v -p "$p" --timeout 60 --expect '^Hello, seL4' </dev/null 2>/dev/null |
		grep -m1 '^qemu-system' || true)
	[ -n "$cmd" ] || { echo "$p: selfe simulate -v printed no QEMU command" >&2; exit 1; }
	read -ra argv <<<"$cmd"
	for _ in $(seq "$N"); do bare "${argv[@]}"; done >"$work/bare"
	s=$(cut -d' ' -f1 "$work/times" | median)
	b=$(median <"$work/bare")
	printf '%-16s selfe simulate to the first root-task line: %.2f s (to the end of the run: %.2f s); bare QEMU: %.2f s; ratio %.2f (median of %d)\n' \
		"$p" "$s" "$(cut -d' ' -f2 "$work/times" | median)" "$b" "$(awk -v s="$s" -v b="$b" 'BEGIN { print s / b }')" "$N"
done
