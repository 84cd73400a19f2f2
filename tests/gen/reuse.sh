#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# selfe gen reusing the previous OUT (OUT/.selfe/files): what it links instead of writing must be
# exactly what it would have written.  Needs a seL4 tree (SEL4_SOURCE), copied so it can be
# edited.  Usage: tests/gen/reuse.sh SELFE
set -u
. "$(dirname "$0")/suite.sh" || exit 2
gen_suite gen-reuse "$1" "set SEL4_SOURCE to a seL4 tree to run selfe gen against an editable copy"
unset SEL4_CONFIG_PATH SEL4_PLATFORM
cp -a "$src" tree
inc=tree/libsel4/include
gen() { "$selfe" gen --source "$work/tree" -o "$1" >/dev/null 2>"$work/err"; }
# same_outputs A B: the two OUT folders hold the same files and bytes (.selfe is bookkeeping).
same_outputs() { diff -r -x .selfe "$1" "$2" >/dev/null; }

check first-run gen out
check manifest-written test -s out/.selfe/files
check second-run gen out
check fresh-run gen fresh
check reuse-equals-fresh same_outputs out fresh
check no-temporary-left test -z "$(ls -d out.* 2>/dev/null)"

# The tree OUT held before stays as the next run's starting point (.NAME.selfe-spare); what it
# holds beyond this run's files, and its stamps, never reach the new OUT.
check spare-kept test -d .out.selfe-spare
printf 'stray\n' >.out.selfe-spare/include/stray.h
printf '0000000000000000\n' >.out.selfe-spare/.selfe/request.stamp
check spare-run gen out
check spare-stray-dropped test ! -e out/include/stray.h
check spare-stamp-dropped test ! -e out/.selfe/request.stamp
check spare-equals-fresh same_outputs out fresh

# OUT's file edited in place: the next run puts the tree's bytes back.
printf '/* edited in OUT */\n' >>out/include/sel4/sel4.h
check edited-out-run gen out
check edited-out-restored cmp -s out/include/sel4/sel4.h $inc/sel4/sel4.h

# A tree header edited: OUT follows, and the preprocessed .bf output is not reused (its stamp
# covers every header the .bf files could include).
stamp0=$(cat out/.selfe/bitfields.i.stamp)
printf '/* edited in the tree */\n' >>$inc/sel4/macros.h
check edited-tree-run gen out
check edited-tree-copied cmp -s out/include/sel4/macros.h $inc/sel4/macros.h
check edited-tree-new-stamp test "$stamp0" != "$(cat out/.selfe/bitfields.i.stamp)"
# The tree edited after a run does not reach into OUT: OUT's files are no links to the tree.
printf '/* later */\n' >>$inc/sel4/macros.h
check out-not-linked-to-tree test "$(tail -n 1 out/include/sel4/macros.h)" = "/* edited in the tree */"
check later-run gen out

# A .bf file edited: the preprocessor runs again.
bf=tree/libsel4/mode_include/64/sel4/shared_types.bf
printf '\n-- selfe reuse test\n' >>$bf
check edited-bf-run gen out
check edited-bf-preprocessed grep -q 'selfe reuse test' out/.selfe/bitfields.i

# A file changed twice within one moment keeps size, inode and time stamp: only the "recently
# changed, read again next time" rule notices.  Same-size edits with the time stamp put back.
h=$inc/sel4/sel4.h
sed -i 's/^#pragma once$/#pragma ONCE/' $h
touch -r $h when
check racy-first-run gen out
sed -i 's/^#pragma ONCE$/#pragma 0nce/' $h
touch -r when $h
check racy-second-run gen out
check racy-change-seen cmp -s out/include/sel4/sel4.h $h

# A failing run leaves the previous OUT as it was.
cp -a out before
mv tree/libsel4/include/interfaces/object-api.xml tree/object-api.xml
gen out
check failing-run-fails test $? -ne 0
check failing-run-keeps-out diff -r out before
check failing-run-no-temporary test -z "$(ls -d out.* 2>/dev/null)"
mv tree/object-api.xml tree/libsel4/include/interfaces/object-api.xml
check recovered-run gen out
check recovered-equals-fresh sh -c "rm -rf fresh && $(printf %q "$selfe") gen --source $(printf %q "$work/tree") -o fresh >/dev/null && diff -r -x .selfe -x pkgconfig -x libsel4.a out fresh >/dev/null"
finish
