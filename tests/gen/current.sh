#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# selfe gen's up-to-date check (OUT/.selfe/deps): a rerun with nothing changed writes nothing and
# leaves OUT as it was; a change to any class of input — a tree header, a new tree file, a kernel
# configuration file of the tree, a [sel4.config] value, the selfe binary, the compiler found on
# PATH, a compiler environment variable — or to OUT itself (a file edited in place with its time
# stamp put back, deleted, added) makes it generate again, and the result equals a fresh OUT;
# an interface file with an XInclude is never taken as current.
# Needs a seL4 tree (SEL4_SOURCE), copied so it can be edited.  Usage: tests/gen/current.sh SELFE
set -u
. "$(dirname "$0")/suite.sh" || exit 2
gen_suite gen-current "$1" "set SEL4_SOURCE to a seL4 tree to run selfe gen against an editable copy"
unset SEL4_CONFIG_PATH SEL4_PLATFORM CPATH
cp -a "$src" tree
"$selfe" new proj >/dev/null
cfg=$work/proj/sel4.toml
SELFE=$selfe
# gen OUT: selfe gen -v; its stderr in $work/err.
gen() { "$SELFE" gen -v --config "$cfg" --source "$work/tree" -o "$1" >/dev/null 2>"$work/err"; }
was_current() { grep -q "is up to date" "$work/err"; }
generated() { grep -q "^selfe: generating " "$work/err"; }
# A fresh OUT from the same inputs holds the same files and bytes (sel4.pc names its folder).
equals_fresh() {
	rm -rf fresh .fresh.selfe-spare
	gen fresh && diff -r -x .selfe -x pkgconfig out fresh >/dev/null
}
# Every file of OUT with its inode and time stamps: "nothing rewritten" means this is unchanged.
state() { (cd out && find . -type f -printf '%P %i %s %T@ %C@\n' | sort); }
# settle: run until OUT is recorded as current.  Inputs changed within the last two seconds are
# not trusted (time stamps are coarse), so after a change to the tree it waits that long first;
# OUT's own files settle within two runs.
settle() {
	[ "${1:-}" = wait ] && sleep 2.1
	for _ in 1 2 3 4; do
		gen out || return 1
		was_current && return 0
	done
	return 1
}
# regenerates NAME: the run must generate (not skip) and equal a fresh OUT; then settle again.
regenerates() {
	local name=$1 wait=${2:-}
	gen out
	check "$name-generates" generated
	check "$name-equals-fresh" equals_fresh
	check "$name-settles" settle "$wait"
}

sleep 2.1 # the copied tree's change times are new
check first-run gen out
check settles settle
before=$(state)
check rerun gen out
check rerun-is-current was_current
check rerun-writes-nothing test "$before" = "$(state)"
check rerun-says-written grep -q "written to out" <("$SELFE" gen --config "$cfg" --source "$work/tree" -o out)
check rerun-equals-fresh equals_fresh

# OUT edited in place, same size, time stamp put back: only the change time tells.
h=out/include/sel4/sel4.h
touch -r $h when
printf 'X' | dd of=$h bs=1 seek=0 conv=notrunc status=none
touch -r when $h
regenerates out-edited
check out-edited-restored cmp -s $h tree/libsel4/include/sel4/sel4.h
rm out/include/sel4/simple_types.h
regenerates out-deleted
check out-deleted-restored test -f out/include/sel4/simple_types.h
printf 'stray\n' >out/include/sel4/stray.h
regenerates out-added
check out-added-dropped test ! -e out/include/sel4/stray.h
rm out/lib/libsel4.a
regenerates out-library-deleted
check out-library-back test -s out/lib/libsel4.a

# The tree: a header edited, a header added, a configuration file changed.
printf '/* edited in the tree */\n' >>tree/libsel4/include/sel4/macros.h
regenerates tree-edited wait
check tree-edited-copied cmp -s out/include/sel4/macros.h tree/libsel4/include/sel4/macros.h
printf '/* new */\n' >tree/libsel4/arch_include/x86/sel4/arch/new_test.h
regenerates tree-added wait
check tree-added-copied test -f out/include/sel4/arch/new_test.h
sed -i '/config_string(KernelNumPriorities/,/UNQUOTE/ s/DEFAULT 256/DEFAULT 128/' tree/config.cmake
regenerates tree-config-changed wait
check tree-config-value grep -q '^#define CONFIG_NUM_PRIORITIES  *128$' out/include/kernel/gen_config.h

# A [sel4.config] value.
awk '{ print } /^\[sel4.config\]$/ { print "KernelNumDomains = 4" }' "$cfg" >"$cfg.new" && mv "$cfg.new" "$cfg"
regenerates option-changed wait
check option-value grep -q '^#define CONFIG_NUM_DOMAINS  *4$' out/include/kernel/gen_config.h

# Another selfe binary (a copy: same bytes, another file).
cp "$selfe" "$work/selfe-copy"
SELFE=$work/selfe-copy
regenerates other-selfe wait
SELFE=$selfe
regenerates selfe-back

# The compiler: another one found first on PATH, and a variable the compiler reads.
mkdir bin
printf '#!/bin/sh\nexec %s "$@"\n' "$(command -v x86_64-linux-gnu-gcc)" >bin/x86_64-linux-gnu-gcc
chmod +x bin/x86_64-linux-gnu-gcc
PATH=$work/bin:$PATH regenerates other-compiler wait
regenerates compiler-back
export CPATH=$work/nowhere
regenerates compiler-variable
unset CPATH
regenerates compiler-variable-unset

# An interface file that includes another (XInclude): libxml2 reads that file, so no run is
# taken as current.
printf '\n' >tree/libsel4/include/interfaces/extra.txt
sed -i 's|<api name="ObjectApi"[^>]*>|&<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="extra.txt" parse="text"/>|' \
	tree/libsel4/include/interfaces/object-api.xml
check xinclude-added grep -q 'xi:include' tree/libsel4/include/interfaces/object-api.xml
sleep 2.1
gen out && gen out
check xinclude-regenerates generated
check xinclude-never-recorded grep -q "^selfe: no up-to-date record for out: an interface file includes others (XInclude)" "$work/err"
finish
