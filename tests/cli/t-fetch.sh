# SPDX-License-Identifier: BSD-2-Clause
# Kernel sources by git: tag, branch, rev, bad rev, a moved branch, concurrent fetches, and no
# network.  The "remote" is a repository this test makes itself, reached by a file URL.
. "$(dirname "$0")/lib.sh"

export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
git init -q -b main origin
(cd origin && echo one >VERSION && git add VERSION && git commit -qm one && git tag v1 &&
	echo two >VERSION && git commit -qam two)
first=$(git -C origin rev-parse HEAD~1)
second=$(git -C origin rev-parse HEAD)

config() { # config NAME KERNEL-TABLE
	printf '[sel4]\nkernel = %s\n[build.pc99]\n' "$2" >"$1.toml"
}

config tag "{ git = \"file://$T/origin\", tag = \"v1\" }"
run fetch --config tag.toml
expect_rc tag-exit 0
dir=$(sed -n 's/^kernel: //p' "$T/out")
expect_true tag-content grep -qx one "$dir/VERSION"
expect_true tag-in-cache sh -c "case '$dir' in '$T/cache/selfe/src/origin-tag-v1-'*) true;; *) false;; esac"

config branch "{ git = \"file://$T/origin\", branch = \"main\" }"
run fetch --config branch.toml
expect_rc branch-exit 0
bdir=$(sed -n 's/^kernel: //p' "$T/out")
expect_true branch-content grep -qx two "$bdir/VERSION"
(cd origin && echo three >VERSION && git commit -qam three) # the branch moves on
run fetch --config branch.toml
expect_rc moved-branch-exit 0
expect_true moved-branch-refreshed grep -qx three "$bdir/VERSION"

config rev "{ git = \"file://$T/origin\", rev = \"$first\" }"
run fetch --config rev.toml
expect_rc rev-exit 0
rdir=$(sed -n 's/^kernel: //p' "$T/out")
expect_true rev-content grep -qx one "$rdir/VERSION"
expect_true rev-checked-out test "$(git -C "$rdir" rev-parse HEAD)" = "$first"

config badrev "{ git = \"file://$T/origin\", rev = \"0123456789abcdef0123456789abcdef01234567\" }"
run fetch --config badrev.toml
expect_rc bad-rev-exit 2
expect_err_line bad-rev-message "badrev.toml:2:1: error: cannot fetch rev '0123456789abcdef0123456789abcdef01234567' of file://$T/origin"
expect_true bad-rev-leaves-nothing sh -c "! ls -d '$T'/cache/selfe/src/origin-rev-0123* 2>/dev/null | grep -v '.lock$'"

config offline "{ git = \"file://$T/nowhere\", tag = \"v1\" }"
run fetch --config offline.toml
expect_rc offline-exit 2
expect_true offline-names-alternatives grep -q "without network, put a copy of the tree in $T/cache/selfe/src/nowhere-tag-v1-" "$T/err"
expect_true offline-names-path grep -q 'or use kernel = { path = "DIR" }' "$T/err"

# Two fetches at once for the same new source: both succeed, one clone, no temporary left.
(cd origin && git tag v2 $second)
config tag2 "{ git = \"file://$T/origin\", tag = \"v2\" }"
"$SELFE" fetch --config tag2.toml >"$T/a.out" 2>"$T/a.err" &
"$SELFE" fetch --config tag2.toml >"$T/b.out" 2>"$T/b.err"
rc_b=$?
wait $!
rc_a=$?
expect_true concurrent-both-succeed test "$rc_a$rc_b" = 00
expect_true concurrent-same-folder cmp "$T/a.out" "$T/b.out"
expect_true concurrent-content grep -qx two "$(sed -n 's/^kernel: //p' "$T/a.out")/VERSION"
expect_true concurrent-no-temporary sh -c "! ls -d '$T'/cache/selfe/src/*.tmp.* 2>/dev/null"

# selfe gen finds a fetched kernel in the cache (and says why it stops further on).
run gen --config tag.toml --kernel-build kb -o libsel4
expect_err_line gen-uses-cache "$dir/libsel4/include: error: missing libsel4 header folder (is this a seL4 tree?)"
