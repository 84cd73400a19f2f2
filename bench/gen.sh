#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# selfe gen against the kernel's own libsel4 generation pipeline (the commands its CMake build
# runs: cpp over two .bf files and seven Python generators), for pc99/x86_64 debug, measured in
# one run: median of N runs each, then the ratio.  Needs SEL4_SOURCE (a seL4 tree), cmake,
# ninja and python3-jinja2/-ply/-lxml/-yaml.  selfe gen does more than the baseline (it also
# computes the CONFIG_ values, which the baseline got from a CMake configure done beforehand,
# copies the hand-written headers and compiles libsel4.a), so the ratio is conservative.
set -eu
N=${N:-7}
repo=$(cd "$(dirname "$0")/.." && pwd)
src=${SEL4_SOURCE:?set SEL4_SOURCE to a seL4 tree}
selfe=$repo/build/selfe
make -C "$repo" --no-print-directory build/selfe >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$selfe" config --format cmake >"$work/init.cmake"
mkdir "$work/kb"
(cd "$work/kb" && cmake -G Ninja -DPYTHON3=/usr/bin/python3 -DCROSS_COMPILER_PREFIX=x86_64-linux-gnu- \
	-DCMAKE_TOOLCHAIN_FILE="$src/gcc.cmake" -C ../init.cmake "$src" >/dev/null)

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }
time_runs() { # time_runs COMMAND...: prints the median wall time of N runs, in seconds
	for _ in $(seq "$N"); do
		t0=$(now)
		"$@" >/dev/null 2>&1
		t1=$(now)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
	done | median
}
# The baseline: ninja regenerating libsel4's generated headers from scratch (-j1, as selfe gen
# runs its steps one after another).
python_pipeline() {
	ninja -C "$work/kb" -t clean libsel4/sel4_generated >/dev/null &&
		ninja -C "$work/kb" -j1 libsel4/sel4_generated >/dev/null
}
selfe_gen() { "$selfe" gen --source "$src" -o "$work/out"; }

python_pipeline || { echo "the kernel's pipeline failed" >&2; exit 2; } # warm-up, and a check
selfe_gen
py=$(time_runs python_pipeline)
ours=$(time_runs selfe_gen)
printf 'kernel pipeline (python): %.3f s   selfe gen: %.3f s   ratio: %.1fx (median of %d)\n' \
	"$py" "$ours" "$(awk -v a="$py" -v b="$ours" 'BEGIN { print a / b }')" "$N"
