#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The README's quick start, run as written: its commands are read from README.md (the indented
# lines between the quick-start markers), so README and test cannot drift.  Booting needs a
# kernel, so this runs with a seL4 tree (SEL4_SOURCE or ../shared/sel4-16.0.0) and QEMU.
tree=${SEL4_SOURCE:-}
[ -z "$tree" ] && [ -d "$SELFE_REPO/../shared/sel4-16.0.0" ] && tree=$SELFE_REPO/../shared/sel4-16.0.0
. "$(dirname "$0")/lib.sh"

sed -n '/^<!-- quick-start/,/^<!-- \/quick-start/p' "$SELFE_REPO/README.md" | sed -n 's/^    //p' >quickstart.sh
expect_true quickstart-found sh -c "grep -q '^selfe new ' quickstart.sh && grep -q '^selfe test' quickstart.sh"
if [ -z "$tree" ] || ! command -v qemu-system-x86_64 >/dev/null; then
	echo "skip: quickstart: booting needs a seL4 tree (SEL4_SOURCE or ../shared/sel4-16.0.0) and qemu-system-x86_64"
	exit 0
fi
mkdir bin && ln -s "$SELFE" bin/selfe
(export PATH="$T/bin:$PATH" SEL4_SOURCE="$tree" && set -e && . ./quickstart.sh) >"$T/out" 2>"$T/err"
rc=$?
expect_rc quickstart-runs 0
expect_true quickstart-test-passes grep -q '^selfe: pass: all 2 expected lines seen' "$T/err"
