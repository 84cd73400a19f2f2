#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The kernel's own configure + build (cmake, then `ninja install`, -j2) with seL4's Python tools
# against the same with PYTHON3 = the selfe-python shim (every tool native, in process): median
# wall and CPU seconds of N runs each, interleaved (the side that goes first alternates), then
# native / Python, and the median of the N ratios of runs made back to back (less moved by a
# load that changes during the bench).  The cmake command is the one `selfe build` runs
# (src/kernel/build.c): the initial cache is `selfe config -p PLATFORM --format cmake` of the
# embedded default sel4.toml (mcs: the debug profile plus KernelIsMCS), the cross compiler
# prefix is selfe's for the platform, -ffile-prefix-map as selfe passes it, the target is
# `install`.  Both sides build in the same folder path.
#
# Besides the medians, a breakdown from each side's .ninja_log (medians of N): configure (cmake,
# timed here), the build's time before its longest step starts, the longest step (the kernel's
# one compile of kernel_all.c) and what follows it; and the FLOOR = (native configure + the
# longest step) / Python total wall: the ratio were every generator free, so a target below the
# floor cannot be reached by faster generators.  The longest step is identical work on both
# sides (same input, same compiler), so its figure is the median over both sides' runs: under
# load its time varies by a second between runs, more than the generators take.
#
# Needs: SEL4_SOURCE (a seL4 16.0.0 tree), cmake, ninja; /usr/bin/python3 (or
# $SELFE_KERNEL_PYTHON) with jinja2, ply, lxml and yaml; for sabre, qemu-arm-virt and
# qemu-riscv-virt also pyfdt importable by that Python (it is not in Debian: give it through
# PYTHONPATH), their cross compilers, and for the qemu-* platforms QEMU (their configure dumps
# the machine's DTB, on both sides).  A configuration whose needs are missing is skipped with a
# `skip:` line.
#
# KEEP_LOGS=DIR keeps every run's .ninja_log there (CFG-SIDE-RUN.ninja_log).
#
# usage: [N=3] [CFG="pc99-debug sabre-release ..."] [SELFE=path/to/selfe] bench/nopython.sh
# CFG: PLATFORM-PROFILE, PLATFORM one of pc99, sabre, qemu-arm-virt, qemu-riscv-virt, PROFILE
# one of debug, release, mcs (default: the four platforms, debug).
set -eu
N=${N:-3}
CFG=${CFG:-pc99-debug sabre-debug qemu-arm-virt-debug qemu-riscv-virt-debug}
repo=$(cd "$(dirname "$0")/.." && pwd)
src=${SEL4_SOURCE:?set SEL4_SOURCE to a seL4 tree}
PY=${SELFE_KERNEL_PYTHON:-/usr/bin/python3}
"$PY" -c 'import jinja2, ply, lxml, yaml' || { echo "$PY lacks seL4's Python modules" >&2; exit 2; }
if [ -n "${SELFE:-}" ]; then
	selfe=$SELFE
else
	selfe=$repo/build/selfe
	make -C "$repo" --no-print-directory build/selfe >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$repo/tests/tree-links.sh"
tree_with_links "$src" "$work/sel4"
mkdir "$work/shim" && ln -s "$selfe" "$work/shim/selfe-python"
unset SEL4_CONFIG_PATH SEL4_PLATFORM

# prepare CFG: $work/CFG.cmake (the initial cache) and $work/CFG.prefix, or a reason on stdout
prepare() {
	local plat=${1%-*} prof=${1##*-} sel
	case $prof in release) sel=--release ;; *) sel= ;; esac
	# from a folder with no sel4.toml above it: the embedded default
	(cd "$work" && "$selfe" config -p "$plat" $sel --format cmake) >"$work/$1.cmake" || { echo "selfe config failed"; return 1; }
	[ "$prof" = mcs ] && echo 'set(KernelIsMCS ON CACHE BOOL "")' >>"$work/$1.cmake"
	(cd "$work" && "$selfe" config -p "$plat" --format json) |
		sed -n 's/.*"cross_compiler_prefix": "\([^"]*\)".*/\1/p' >"$work/$1.prefix"
	local cc
	cc="$(cat "$work/$1.prefix")gcc"
	command -v "$cc" >/dev/null || { echo "$cc is not installed"; return 1; }
	if [ "$plat" != pc99 ]; then
		"$PY" -c 'import pyfdt' 2>/dev/null ||
			{ echo "$PY cannot import pyfdt, which seL4's hardware_gen.py needs (give it through PYTHONPATH)"; return 1; }
	fi
	case $plat in
	qemu-arm-virt) command -v qemu-system-aarch64 >/dev/null || { echo "qemu-system-aarch64 is not installed"; return 1; } ;;
	qemu-riscv-virt) command -v qemu-system-riscv64 >/dev/null || { echo "qemu-system-riscv64 is not installed"; return 1; } ;;
	esac
	return 0
}

build() { # CFG PYTHON3: configure (its wall seconds to $work/conf) and build in $work/b
	local b=$work/b
	local maps="-ffile-prefix-map=$b=build -ffile-prefix-map=$work/sel4=seL4"
	rm -rf "$b" && mkdir "$b" && cd "$work" || return 1
	local t0=$EPOCHREALTIME
	SELFE_PYTHON_REAL=$PY cmake -G Ninja -C "$work/$1.cmake" -DCMAKE_C_FLAGS="$maps" -DCMAKE_ASM_FLAGS="$maps" \
		-DCROSS_COMPILER_PREFIX="$(cat "$work/$1.prefix")" -DCMAKE_TOOLCHAIN_FILE="$work/sel4/gcc.cmake" \
		-DCMAKE_INSTALL_PREFIX="$work/install" -DPYTHON3="$2" -S "$work/sel4" -B "$b" >"$work/log" 2>&1 || return 1
	local t1=$EPOCHREALTIME
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }' >"$work/conf"
	SELFE_PYTHON_REAL=$PY ninja -C "$b" install >>"$work/log" 2>&1
}

# .ninja_log v5: start end mtime output hash, milliseconds from Ninja's start; a step with several
# outputs has one line per output.  Prints: before-longest longest after-longest longest-output.
ninja_breakdown() {
	awk '!/^#/ {
		k = $1 " " $2 " " $5
		if (seen[k]++) next
		if ($2 > end) end = $2
		if ($2 - $1 > big) { big = $2 - $1; start = $1; stop = $2; name = $4 }
	} END { printf "%.3f %.3f %.3f %s\n", start / 1000, big / 1000, (end - stop) / 1000, name }' "$1"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
one() { # CFG LABEL PYTHON3
	local TIMEFORMAT='%3R %3U %3S'
	{ time build "$1" "$3"; } 2>"$work/time" || { tail -n 15 "$work/log" >&2; echo "$1: $2 build failed" >&2; exit 2; }
	# wall CPU configure before-longest longest after-longest longest-output
	echo "$(awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$work/time") $(cat "$work/conf") $(ninja_breakdown "$work/b/.ninja_log")" \
		>>"$work/times-$1-$2"
	if [ -n "${KEEP_LOGS:-}" ]; then
		mkdir -p "$KEEP_LOGS" && cp "$work/b/.ninja_log" "$KEEP_LOGS/$1-$2-$(wc -l <"$work/times-$1-$2").ninja_log"
	fi
}
col() { awk -v c="$3" '{ print $c }' "$work/times-$1-$2" | median; }

for cfg in $CFG; do # every name first: a typo stops the bench before it has built anything
	case ${cfg%-*} in pc99 | sabre | qemu-arm-virt | qemu-riscv-virt) ;; *) false ;; esac &&
		case ${cfg##*-} in debug | release | mcs) ;; *) false ;; esac ||
		{ echo "bench/nopython.sh: CFG: '$cfg' is not PLATFORM-PROFILE (pc99, sabre, qemu-arm-virt, qemu-riscv-virt; debug, release, mcs)" >&2; exit 2; }
done
echo "kernel configure + build (cmake, ninja install), -j2, median of $N runs per side, interleaved"
for cfg in $CFG; do
	if ! why=$(prepare "$cfg"); then
		echo "skip: $cfg: $why"
		continue
	fi
	load0=$(cut -d' ' -f1-3 /proc/loadavg)
	for i in $(seq "$N"); do
		if [ $((i % 2)) -eq 1 ]; then
			one "$cfg" python "$PY"
			one "$cfg" native "$work/shim/selfe-python"
		else
			one "$cfg" native "$work/shim/selfe-python"
			one "$cfg" python "$PY"
		fi
	done
	pw=$(col "$cfg" python 1) pc=$(col "$cfg" python 2) nw=$(col "$cfg" native 1) nc=$(col "$cfg" native 2)
	echo "$cfg (load average before: $load0, after: $(cut -d' ' -f1-3 /proc/loadavg))"
	printf '  with seL4'\''s Python tools: %6.2f s wall, %6.2f s CPU\n' "$pw" "$pc"
	printf '  with selfe'\''s native tools: %6.2f s wall, %6.2f s CPU\n' "$nw" "$nc"
	# run i of each side ran back to back, under about the same load: the median of their ratios
	paired=$(paste "$work/times-$cfg-native" "$work/times-$cfg-python" | awk '{ print $1 / $8 }' | median)
	awk -v a="$nw" -v b="$pw" -v c="$nc" -v d="$pc" -v p="$paired" \
		'BEGIN { printf "  native / Python: %.2f wall, %.2f CPU (target <= 0.75); median of paired runs: %.2f wall\n", a / b, c / d, p }'
	echo "  breakdown, wall s:   configure  before-longest  longest  after-longest  (longest step)"
	for side in python native; do
		printf '    %-18s %9.2f %15.2f %8.2f %14.2f  (%s)\n' "$side" "$(col "$cfg" $side 3)" "$(col "$cfg" $side 4)" \
			"$(col "$cfg" $side 5)" "$(col "$cfg" $side 6)" "$(awk '{ print $7 }' "$work/times-$cfg-$side" | sort | uniq -c | sort -rn | awk 'NR == 1 { print $2 }')"
	done
	# the longest step is the same work on both sides: its median over all 2N runs
	long=$(awk '{ print $5 }' "$work/times-$cfg-python" "$work/times-$cfg-native" | median)
	floor=$(awk -v c="$(col "$cfg" native 3)" -v l="$long" -v p="$pw" 'BEGIN { printf "%.2f", (c + l) / p }')
	printf '  floor: (native configure %.2f + longest step %.2f, median of both sides) / Python total = %s\n' \
		"$(col "$cfg" native 3)" "$long" "$floor"
	awk -v c="$cfg" -v pw="$pw" -v pc="$pc" -v nw="$nw" -v nc="$nc" -v f="$floor" 'BEGIN {
		printf "%-22s %6.2f / %5.2f   %6.2f / %5.2f   %4.2f / %4.2f   %s\n", c, pw, pc, nw, nc, nw / pw, nc / pc, f }' >>"$work/summary"
done
if [ -s "$work/summary" ]; then
	echo "summary, seconds (median of $N):  Python wall / CPU   native wall / CPU   ratio wall / CPU   floor"
	cat "$work/summary"
fi
