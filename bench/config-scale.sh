#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# How `selfe config` scales with the number of keys in one table: [metadata] with 10k, 20k, 40k
# and 80k keys (of two kinds, so the one-type-per-key check runs on every key), the seconds each
# takes and the ratio to the previous size (about 2 when loading is linear, 4 when quadratic).
# Not part of `make check`.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${SELFE:-}" ]; then
	make -C "$repo" --no-print-directory build/selfe >/dev/null
	SELFE=$repo/build/selfe
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
prev=
printf '%8s %10s %8s %6s\n' keys bytes seconds ratio
for n in 10000 20000 40000 80000; do
	{
		sed -n '/^\[metadata\]/q;p' "$repo/src/config/default_config.toml"
		echo '[metadata]'
		awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) if (i % 2) printf "key_%d = %d\n", i, i; else printf "key_%d = \"v%d\"\n", i, i }'
	} >"$work/sel4.toml"
	t0=$(now)
	"$SELFE" config --config "$work/sel4.toml" >/dev/null
	t1=$(now)
	s=$(echo "$t1 - $t0" | bc -l)
	ratio=-
	[ -n "$prev" ] && ratio=$(printf '%.2f' "$(echo "$s / $prev" | bc -l)")
	printf '%8d %10d %8.3f %6s\n' "$n" "$(stat -c %s "$work/sel4.toml")" "$s" "$ratio"
	prev=$s
done
