#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# make install: the binary and its man page in the usual layout under DESTDIR/PREFIX; the
# installed binary is self-contained (creates and builds a project from anywhere); uninstall
# removes both.
. "$(dirname "$0")/lib.sh"

root=$T/root
make -s --no-print-directory -C "$SELFE_REPO" install DESTDIR="$root" PREFIX=/usr >"$T/out" 2>"$T/err"
rc=$?
expect_rc install-rc 0
expect_true install-binary test -x "$root/usr/bin/selfe"
expect_true install-man-page test -f "$root/usr/share/man/man1/selfe.1"
expect_true install-nothing-else sh -c "[ \$(find '$root' -type f | wc -l) -eq 2 ]"
expect_true installed-runs "$root/usr/bin/selfe" --version
if command -v man >/dev/null; then
	expect_true man-page-renders sh -c "man -l '$root/usr/share/man/man1/selfe.1' 2>/dev/null | grep -q 'selfe - build seL4 root tasks'"
fi
if command -v x86_64-linux-gnu-gcc >/dev/null; then
	expect_true installed-builds-a-project sh -c "cd '$T' && PATH='$root/usr/bin:/usr/bin:/bin' selfe new p >/dev/null && cd p && PATH='$root/usr/bin:/usr/bin:/bin' selfe build --offline >/dev/null"
fi
make -s --no-print-directory -C "$SELFE_REPO" uninstall DESTDIR="$root" PREFIX=/usr >"$T/out" 2>"$T/err"
rc=$?
expect_rc uninstall-rc 0
expect_true uninstall-removes sh -c "[ \$(find '$root' -type f | wc -l) -eq 0 ]"
