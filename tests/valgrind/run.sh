#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The host commands under valgrind's memcheck (`make check-valgrind`, not part of `make check`:
# minutes): each must run with 0 errors and 0 bytes definitely, indirectly or possibly lost.
# Offline (the embedded snapshot).  Usage: run.sh SELFE
set -u
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v valgrind >/dev/null || { echo "skip: valgrind is not installed"; echo "valgrind: 0 passed, 0 failed"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME=$T/cache
unset SEL4_CONFIG_PATH SEL4_PLATFORM SEL4_SOURCE
cd "$T" || exit 2
pass=0
fail=0
n=0
vg() { # vg EXPECTED-STATUS ARGS...
	local want=$1
	shift
	n=$((n + 1))
	valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 --log-file="$T/vg.$n" \
		"$SELFE" "$@" >"$T/out.$n" 2>&1
	local rc=$?
	local errors lost
	errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$T/vg.$n" | tail -n 1)
	lost=$(awk '/definitely lost:|indirectly lost:|possibly lost:/ { gsub(",", "", $4); s += $4 } END { print s + 0 }' "$T/vg.$n")
	if [ "$rc" -eq "$want" ] && [ "${errors:-1}" -eq 0 ] && [ "$lost" -eq 0 ]; then
		echo "ok selfe $* (errors 0, lost 0 bytes)"
		pass=$((pass + 1))
	else
		echo "FAIL selfe $*: exit $rc (want $want), errors ${errors:-?}, lost $lost bytes"
		grep -E '^==[0-9]+== (Invalid|Conditional|Use of|  (at|by) |[0-9,]+ bytes in)' "$T/vg.$n" | head -n 30
		tail -n 5 "$T/out.$n"
		fail=$((fail + 1))
	fi
}
for f in toml json cmake header flags; do vg 0 config --format "$f"; done
vg 0 config -p qemu-arm-virt --release --explain KernelPrinting
vg 2 config --config /dev/zero
vg 0 new demo
cd demo || exit 2
vg 0 config
vg 0 gen --offline -o "$T/libsel4"
vg 0 gen --offline -o "$T/libsel4"
vg 0 build --offline
vg 0 build --offline
vg 0 env --offline
printf 'hello\n' >h.txt
vg 0 arc pack "$T/a.arc" h.txt x=h.txt
vg 0 arc list "$T/a.arc"
printf '[test]\nexpect = ["(a{255}){255}"]\n' >>sel4.toml
vg 2 config
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
