#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Robustness of `selfe build` and `selfe gen` (issue 16), offline (the embedded snapshot):
#  - kills: 30 builds and 30 gens killed (SIGKILL to the whole process group) at random points;
#    after each, every output is absent, the old one or the new one (never a part), and the next
#    run succeeds and leaves no temporary (NAME.tmp.PID / NAME.old.PID) behind;
#  - concurrency: two builds of one target at once, 10 times: both succeed, outputs complete;
#  - reproducibility: one project built in two folders (different caches too) gives the same
#    libsel4.a and root task ELF, byte for byte; with a seL4 tree also the kernel and images.
# Usage: run.sh SELFE
set -u
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pass=0
fail=0
ok() { echo "ok $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1: $2"; fail=$((fail + 1)); }
check() { # check NAME COMMAND...
	local name=$1
	shift
	if "$@"; then ok "$name"; else bad "$name" "'$*' failed"; fi
}
finish() {
	echo "harden: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}
for p in x86_64-linux-gnu-gcc setsid cmp; do
	if ! command -v "$p" >/dev/null; then
		echo "skip: harden: '$p' is not installed"
		finish
	fi
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
unset SEL4_CONFIG_PATH SEL4_PLATFORM
export XDG_CACHE_HOME=$T/cache
cd "$T" || exit 2

debris() { # debris DIR: lists temporaries of (dead) runs
	find "$1" -name '*.tmp.[0-9]*' -o -name '*.old.[0-9]*' 2>/dev/null
}
# Start a command in its own process group; kill the group after a random 0..MAX ms.
kill_at_random() { # kill_at_random MAX_MS COMMAND...
	local max=$1
	shift
	setsid "$@" >/dev/null 2>&1 &
	local pid=$!
	sleep "$(awk -v r=$((RANDOM % max)) 'BEGIN { printf "%.3f", r / 1000 }')"
	kill -KILL -- "-$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}
same_or_absent() { # same_or_absent FILE REF...: FILE is missing or equal to one REF
	local f=$1
	shift
	[ -e "$f" ] || return 0
	for r in "$@"; do cmp -s "$f" "$r" && return 0; done
	return 1
}

# --- references: one project, two versions of main.c ------------------------------------------------
"$SELFE" new demo >/dev/null || { bad new "selfe new failed"; finish; }
cd demo || exit 2
tgt=target/selfe/pc99-debug
cp src/main.c "$T/main-a.c"
{ cat src/main.c; echo 'int selfe_harden_version_b(void) { return 2; }'; } >"$T/main-b.c"
for v in a b; do
	cp "$T/main-$v.c" src/main.c
	"$SELFE" build --offline >"$T/log" 2>&1 || { cat "$T/log"; bad "reference-$v" "build failed"; finish; }
	cp "$tgt/demo" "$T/image-$v"
done
cp "$tgt/libsel4/lib/libsel4.a" "$T/libsel4.a"
check versions-differ sh -c "! cmp -s '$T/image-a' '$T/image-b'"

# --- kills of build ---------------------------------------------------------------------------------
torn=0
left=0
failed=0
for i in $(seq 30); do
	v=$([ $((i % 2)) -eq 0 ] && echo a || echo b)
	cp "$T/main-$v.c" src/main.c
	case $((i % 3)) in
	1) rm -rf "$tgt/libsel4" ;;  # regenerate libsel4 too
	2) rm -rf "$tgt/build" ;;    # every step again
	esac
	kill_at_random 900 "$SELFE" build --offline
	same_or_absent "$tgt/demo" "$T/image-a" "$T/image-b" || { torn=$((torn + 1)); echo "torn image after kill $i"; }
	same_or_absent "$tgt/libsel4/lib/libsel4.a" "$T/libsel4.a" || { torn=$((torn + 1)); echo "torn libsel4.a after kill $i"; }
	if ! "$SELFE" build --offline >"$T/log" 2>&1; then
		failed=$((failed + 1))
		echo "build after kill $i failed:"
		tail -n 5 "$T/log"
	fi
	cmp -s "$tgt/demo" "$T/image-$v" || { failed=$((failed + 1)); echo "wrong image after the build following kill $i"; }
	[ -z "$(debris target)" ] || { left=$((left + 1)); echo "after kill $i:"; debris target; }
done
check build-kills-leave-old-or-new [ "$torn" -eq 0 ]
check build-after-kill-succeeds [ "$failed" -eq 0 ]
check build-after-kill-leaves-no-temporary [ "$left" -eq 0 ]
cd "$T" || exit 2

# --- kills of gen -----------------------------------------------------------------------------------
"$SELFE" gen --offline -o ref >/dev/null 2>&1 || bad gen-reference "selfe gen failed"
same_tree() { # same_tree DIR: DIR is missing or holds what ref holds
	[ -e "$1" ] || return 0
	diff -r -x .selfe "$1" ref >/dev/null
}
torn=0
left=0
failed=0
for i in $(seq 30); do
	[ $((i % 2)) -eq 0 ] && rm -rf out
	[ $((i % 3)) -eq 0 ] && rm -rf .out.selfe-spare
	kill_at_random 600 "$SELFE" gen --offline -o out
	same_tree out || { torn=$((torn + 1)); echo "out differs after gen kill $i"; }
	"$SELFE" gen --offline -o out >"$T/log" 2>&1 || { failed=$((failed + 1)); tail -n 5 "$T/log"; }
	same_tree out && [ -e out ] || { failed=$((failed + 1)); echo "out wrong after the gen following kill $i"; }
	[ -z "$(debris .)" ] || { left=$((left + 1)); echo "after gen kill $i:"; debris .; }
done
check gen-kills-leave-old-or-new [ "$torn" -eq 0 ]
check gen-after-kill-succeeds [ "$failed" -eq 0 ]
check gen-after-kill-leaves-no-temporary [ "$left" -eq 0 ]

# --- two builds of one target at once ---------------------------------------------------------------
cd "$T/demo" || exit 2
cp "$T/main-a.c" src/main.c
failed=0
waited=0
for i in $(seq 10); do
	rm -rf "$tgt/build" "$tgt/demo"
	[ $((i % 2)) -eq 0 ] && rm -rf "$tgt/libsel4"
	"$SELFE" build --offline >"$T/o1" 2>"$T/e1" &
	p1=$!
	"$SELFE" build --offline >"$T/o2" 2>"$T/e2" &
	p2=$!
	wait "$p1" || { failed=$((failed + 1)); echo "first build of pair $i failed:"; tail -n 5 "$T/e1"; }
	wait "$p2" || { failed=$((failed + 1)); echo "second build of pair $i failed:"; tail -n 5 "$T/e2"; }
	grep -qh '^selfe: waiting for another selfe' "$T/e1" "$T/e2" && waited=$((waited + 1))
	cmp -s "$tgt/demo" "$T/image-a" || { failed=$((failed + 1)); echo "image wrong after pair $i"; }
done
echo "concurrent pairs where one waited: $waited of 10"
check concurrent-builds-succeed [ "$failed" -eq 0 ]
check concurrent-builds-serialize [ "$waited" -gt 0 ]
# Different targets do not wait for each other.
"$SELFE" build --offline --release >"$T/o1" 2>"$T/e1" &
p1=$!
"$SELFE" build --offline >"$T/o2" 2>"$T/e2" &
p2=$!
wait "$p1" && wait "$p2"
check different-targets-both-built [ $? -eq 0 ]
check different-targets-do-not-wait sh -c "! grep -qh 'waiting for another' '$T/e1' '$T/e2'"

# --- reproducibility --------------------------------------------------------------------------------
for d in one/place other/folder-b; do
	mkdir -p "$T/$d"
	(cd "$T/$d" && "$SELFE" new demo >/dev/null && cd demo &&
		XDG_CACHE_HOME=$T/cache-$(basename "$d") "$SELFE" build --offline >"$T/log" 2>&1) ||
		{ cat "$T/log"; bad "repro-build-$d" "build failed"; }
done
a=$T/one/place/demo/$tgt
b=$T/other/folder-b/demo/$tgt
check repro-libsel4-a cmp "$a/libsel4/lib/libsel4.a" "$b/libsel4/lib/libsel4.a"
check repro-runtime-archive cmp "$a/build/lib/libselfe-runtime.a" "$b/build/lib/libselfe-runtime.a"
check repro-root-task-elf cmp "$a/demo" "$b/demo"
# Every other output too; only the bookkeeping differs (the lock, the command lines and
# dependency lists that name the folder, the stamps and file manifest in .selfe).
check repro-every-output diff -r -x .lock -x '*.cmd' -x '*.d' -x .selfe "$a" "$b"
check repro-no-temporary-path sh -c "! grep -qa 'libsel4\.tmp\.' '$a/libsel4/lib/libsel4.a' '$a/demo'"
check repro-no-folder-path sh -c "! grep -qaF '$T' '$a/libsel4/lib/libsel4.a' '$a/demo'"

# With a seL4 tree: the kernel and the boot images too (pc99: the multiboot kernel and the root
# task image; qemu-arm-virt: kernel.elf and the loader image, which carries the DTB QEMU dumps at
# configure time with random /chosen seeds that the packer drops).
if [ -n "${SEL4_SOURCE:-}" ] && [ -f "$SEL4_SOURCE/config.cmake" ]; then
	for d in one/place other/folder-b; do
		(cd "$T/$d/demo" && XDG_CACHE_HOME=$T/cache-$(basename "$d") "$SELFE" build >"$T/log" 2>&1) ||
			{ cat "$T/log"; bad "repro-kernel-build-$d" "build failed"; }
	done
	check repro-kernel-image cmp "$a/images/kernel-x86_64-pc99" "$b/images/kernel-x86_64-pc99"
	check repro-root-task-image cmp "$a/images/demo-x86_64-pc99" "$b/images/demo-x86_64-pc99"
	check repro-kernel-no-folder-path sh -c "! grep -qaF '$T' '$a/images/kernel-x86_64-pc99'"
	if command -v qemu-system-aarch64 >/dev/null && command -v aarch64-linux-gnu-gcc >/dev/null; then
		for d in one/place other/folder-b; do
			(cd "$T/$d/demo" && XDG_CACHE_HOME=$T/cache-$(basename "$d") "$SELFE" build -p qemu-arm-virt >"$T/log" 2>&1) ||
				{ cat "$T/log"; bad "repro-arm-build-$d" "build failed"; }
		done
		arm=target/selfe/qemu-arm-virt-debug
		check repro-arm-kernel-elf cmp "$T/one/place/demo/$arm/kernel/install/bin/kernel.elf" \
			"$T/other/folder-b/demo/$arm/kernel/install/bin/kernel.elf"
		check repro-arm-loader-image cmp "$T/one/place/demo/$arm/images/demo-aarch64-qemu-arm-virt" \
			"$T/other/folder-b/demo/$arm/images/demo-aarch64-qemu-arm-virt"
	else
		echo "skip: harden: qemu-arm-virt reproducibility needs qemu-system-aarch64 and aarch64-linux-gnu-gcc"
	fi
else
	echo "skip: harden: kernel and boot-image reproducibility needs a seL4 tree (SEL4_SOURCE)"
fi

finish
