#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# How long `selfe build` takes for examples/hello on pc99 (debug), one run each:
#   - cold (empty target/ and cache): the kernel's CMake configure + Ninja build + install,
#     libsel4, the runtime and the root task, then the boot images;
#   - the bare kernel build of the very same configuration (selfe's initial cache, the same
#     toolchain file, compiler and Python), `cmake` then `ninja install`, for the ratio;
#   - a rebuild with nothing changed, and a rebuild after touching one source of the app.
# Needs SEL4_SOURCE (a seL4 16.0.0 tree), cmake, ninja, the x86_64 cross compiler and Python
# with the kernel's build modules.  Not part of `make check`.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
src=${SEL4_SOURCE:?set SEL4_SOURCE to a seL4 tree}
if [ -z "${SELFE:-}" ]; then
	make -C "$repo" --no-print-directory build/selfe >/dev/null
	SELFE=$repo/build/selfe
fi
python=${SELFE_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
mkdir "$work/hello"
(cd "$repo/examples/hello" && tar cf - --exclude=./target .) | (cd "$work/hello" && tar xf -)
cd "$work/hello"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# Read the tree once so that neither timed build pays for a cold page cache.
find "$src" -type f -exec cat {} + >/dev/null

t0=$(now)
"$SELFE" build >"$work/cold.log" 2>&1 || { cat "$work/cold.log"; exit 2; }
cold=$(elapsed "$t0")

# The bare kernel build: the initial cache selfe wrote for this configuration.
cache=$(ls target/selfe/pc99-debug/kernel/build-*/selfe-config.cmake)
t0=$(now)
cmake -G Ninja -C "$cache" -DCROSS_COMPILER_PREFIX=x86_64-linux-gnu- -DCMAKE_TOOLCHAIN_FILE="$src/gcc.cmake" \
	-DCMAKE_INSTALL_PREFIX="$work/bare-install" -DPYTHON3="$python" -S "$src" -B "$work/bare" >"$work/bare.log" 2>&1 &&
	ninja -C "$work/bare" install >>"$work/bare.log" 2>&1 || { cat "$work/bare.log"; exit 2; }
bare=$(elapsed "$t0")

t0=$(now)
"$SELFE" build >"$work/noop.log" 2>&1
noop=$(elapsed "$t0")

touch src/main.c
t0=$(now)
"$SELFE" build >"$work/app.log" 2>&1
app=$(elapsed "$t0")

printf 'cold selfe build (kernel + libsel4 + runtime + app + images): %s s\n' "$cold"
printf 'bare kernel build of the same configuration (cmake + ninja install): %s s\n' "$bare"
printf 'ratio selfe/bare: %s\n' "$(awk -v a="$cold" -v b="$bare" 'BEGIN { printf "%.2f", a / b }')"
printf 'no-op rebuild: %s s\n' "$noop"
printf 'app-only rebuild (touch src/main.c): %s s (%s)\n' "$app" "$(grep '^root task:' "$work/app.log" | sed 's/.*(\(.*\))/\1/')"
