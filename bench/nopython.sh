#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The kernel's own configure + build (cmake + ninja, pc99 x86_64 debug, -j2) with its Python
# tools against the same with PYTHON3 = the selfe-python shim (every tool native, in process):
# median wall and CPU seconds of N runs each, interleaved, then native / Python.  The Python
# side needs /usr/bin/python3 (or $SELFE_KERNEL_PYTHON) with jinja2, ply, lxml and yaml, and
# SEL4_SOURCE (a seL4 16.0.0 tree).  Both build in the same folder path.
set -eu
N=${N:-3}
CFG=${CFG:-pc99-debug}
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
case $CFG in
pc99-debug) opts="-DKernelDebugBuild=ON -DKernelPrinting=ON" ;;
pc99-release) opts="-DKernelDebugBuild=OFF -DKernelPrinting=OFF" ;;
pc99-mcs) opts="-DKernelDebugBuild=ON -DKernelPrinting=ON -DKernelIsMCS=ON" ;;
*) echo "CFG: pc99-debug, pc99-release or pc99-mcs" >&2; exit 2 ;;
esac

build() { # PYTHON3
	rm -rf "$work/b" && mkdir "$work/b" && cd "$work/b" &&
		cmake -G Ninja -DCROSS_COMPILER_PREFIX= -DCMAKE_TOOLCHAIN_FILE="$work/sel4/gcc.cmake" \
			-DKernelPlatform=pc99 -DKernelSel4Arch=x86_64 $opts -DKernelVerificationBuild=OFF \
			-DKernelMaxNumNodes=1 -DKernelSupportPCID=OFF -DKernelFPU=FXSAVE -DPYTHON3="$1" "$work/sel4" >/dev/null &&
		ninja -j2 kernel.elf >/dev/null 2>&1
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
one() { # LABEL PYTHON3
	local TIMEFORMAT='%3R %3U %3S'
	{ time build "$2"; } 2>"$work/time" || { echo "$1 build failed" >&2; exit 2; }
	awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time" >>"$work/times-$1"
}
col() { awk -v c="$2" '{ print $c }' "$work/times-$1" | median; }
load0=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$N"); do
	one python "$PY"
	one native "$work/shim/selfe-python"
done
pw=$(col python 1) pc=$(col python 2) nw=$(col native 1) nc=$(col native 2)
echo "kernel configure + build, $CFG, -j2, median of $N (load before: $load0, after: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  with seL4'\''s Python tools: %6.2f s wall, %6.2f s CPU\n' "$pw" "$pc"
printf '  with selfe'\''s native tools: %6.2f s wall, %6.2f s CPU\n' "$nw" "$nc"
awk -v a="$nw" -v b="$pw" -v c="$nc" -v d="$pc" 'BEGIN { printf "  native / Python: %.2f wall, %.2f CPU (target <= 0.75)\n", a / b, c / d }'
