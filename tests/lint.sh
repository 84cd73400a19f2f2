#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Source rules no compiler enforces: banned libc calls, machine paths, SPDX headers.
set -u
cd "$(dirname "$0")/.."
pass=0
fail=0
check() { # check DESCRIPTION OUTPUT-OF-OFFENDERS
	if [ -z "$2" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		printf 'lint: %s:\n%s\n' "$1" "$2"
	fi
}
files=$(git ls-files -co --exclude-standard -- 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 'tools/*.c' 'tools/*.h')
check "unsafe string functions (use sb or snprintf)" \
	"$(grep -nE '\b(strcpy|strcat|strncpy|sprintf|vsprintf|strtok|gets)[[:space:]]*\(' $files)"
check "every C file opens with an SPDX line" \
	"$(for f in $files; do head -n 1 "$f" | grep -q SPDX-License-Identifier || echo "$f"; done)"
check "no paths of this machine in tracked files" \
	"$(git grep -n -I -E '/wor[k]/|[.]mirro[r]/' -- . ':!*.md' 2>/dev/null)"
echo "lint: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
