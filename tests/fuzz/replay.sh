#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Replays a fuzz corpus through its libFuzzer target once (no fuzzing): every input must pass.
set -u
target=$1
corpus=$2
if "$target" -runs=0 -timeout=30 "$corpus" >/dev/null 2>&1; then
	echo "fuzz-corpus: $(ls "$corpus" | wc -l) inputs of $corpus replayed"
	echo "fuzz-corpus: 1 passed, 0 failed"
else
	"$target" -runs=0 -timeout=30 "$corpus" 2>&1 | tail -n 30
	echo "fuzz-corpus: 0 passed, 1 failed"
	exit 1
fi
