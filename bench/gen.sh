#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# selfe gen against the kernel's own libsel4 generation pipeline (the commands its CMake build
# runs: cpp over two .bf files and seven Python generators), for pc99/x86_64 debug, measured in
# one run: median of N runs each, then the ratios.  Needs SEL4_SOURCE (a seL4 tree), cmake,
# ninja and python3-jinja2/-ply/-lxml/-yaml.  selfe gen does more than the baseline (it also
# computes the CONFIG_ values, which the baseline got from a CMake configure done beforehand,
# copies the hand-written headers and compiles libsel4.a), so the ratio is conservative.
set -eu
N=${N:-7}
repo=$(cd "$(dirname "$0")/.." && pwd)
src=${SEL4_SOURCE:?set SEL4_SOURCE to a seL4 tree}
# SELFE: the selfe binary to measure (default: build/selfe, built first).
if [ -n "${SELFE:-}" ]; then
	selfe=$SELFE
else
	selfe=$repo/build/selfe
	make -C "$repo" --no-print-directory build/selfe >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$selfe" config --format cmake >"$work/init.cmake"
mkdir "$work/kb"
# The kernel's pipeline runs seL4's Python tools, from a copy whose symlinks are links.
. "$repo/tests/tree-links.sh"
tree_with_links "$src" "$work/tree"
(cd "$work/kb" && cmake -G Ninja -DPYTHON3=/usr/bin/python3 -DCROSS_COMPILER_PREFIX=x86_64-linux-gnu- \
	-DCMAKE_TOOLCHAIN_FILE="$work/tree/gcc.cmake" -C ../init.cmake "$work/tree" >/dev/null)

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# one LABEL COMMAND...: run once, append "WALL CPU" (seconds; CPU = user + system, children
# included) to $work/times-LABEL.  CPU time is the steadier figure when other jobs share the machine.
one() {
	local label=$1
	shift
	local TIMEFORMAT='%3R %3U %3S'
	{ time "$@" >/dev/null 2>&1; } 2>"$work/time" || { echo "$label failed" >&2; exit 2; }
	awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time" >>"$work/times-$label"
}
col() { awk -v c="$2" '{ print $c }' "$work/times-$1" | median; }

# The baseline: ninja regenerating libsel4's generated headers from scratch (-j1, as selfe gen
# runs its steps one after another).
python_pipeline() {
	ninja -C "$work/kb" -t clean libsel4/sel4_generated >/dev/null &&
		ninja -C "$work/kb" -j1 libsel4/sel4_generated >/dev/null
}
# Into an existing OUT with nothing changed: OUT/.selfe/deps shows every input (tree files and
# folders, configuration files, environment, compiler, selfe itself) and every file of OUT as
# the last run left them, so nothing is generated or written (src/util/deps.h).
selfe_gen() { "$selfe" gen --source "$src" -o "$work/out"; }
# Regenerating into an existing OUT (the record removed first, as after any change of an input):
# every output is made again (XML and .bf parsed, headers generated, CONFIG_ values computed, the
# tree's headers checked); files that come out byte for byte as the previous run's are kept or
# linked instead of written (src/gen/libsel4/manifest.h), and the two outputs that need the
# compiler (the preprocessed .bf files, libsel4.a) are reused when a stamp of all their inputs,
# the compiler included, is unchanged.
selfe_gen_again() { rm -f "$work/again/.selfe/deps" && "$selfe" gen --source "$src" -o "$work/again"; }
# Cold: no OUT and no spare tree, so every file is written, the .bf files are preprocessed and
# the compiler runs (the figure to compare when the tree or the configuration changed).
selfe_gen_cold() { rm -rf "$work/cold" "$work/.cold.selfe-spare" && "$selfe" gen --source "$src" -o "$work/cold"; }

python_pipeline || { echo "the kernel's pipeline failed" >&2; exit 2; } # warm-up, and a check
selfe_gen >/dev/null
selfe_gen >/dev/null # (files written in the same clock tick as a record are not trusted: a second run)
selfe_gen_again >/dev/null
load0=$(cut -d' ' -f1-3 /proc/loadavg)
# Interleaved, so that a change in the machine's load hits all four alike.
for _ in $(seq "$N"); do
	one py python_pipeline
	one warm selfe_gen
	one again selfe_gen_again
	one cold selfe_gen_cold
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
py_w=$(col py 1) py_c=$(col py 2)
printf 'kernel pipeline (python, ninja -j1):  wall %.3f s  cpu %.3f s\n' "$py_w" "$py_c"
for k in warm again cold; do
	w=$(col $k 1) c=$(col $k 2)
	case $k in
	warm) what="selfe gen into an existing OUT:  " ;;
	again) what="  regenerating it (record removed):" ;;
	cold) what="selfe gen cold (empty OUT):      " ;;
	esac
	printf '%s wall %.3f s  cpu %.3f s   ratio: %sx wall, %sx cpu\n' "$what" "$w" "$c" "$(ratio "$py_w" "$w")" "$(ratio "$py_c" "$c")"
done
echo "(medians of $N interleaved runs each; load average $load0 before, $load1 after, on $(nproc) cores)"
