#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# A project in a folder whose name has a space builds its kernel and boots: the kernel's CMake and
# QEMU's -initrd cannot take such a path, so selfe builds the kernel and its images in a folder of
# its cache keyed by the target, and says where.
tree=${SEL4_SOURCE:-}
[ -z "$tree" ] && [ -d "$SELFE_REPO/../shared/sel4-16.0.0" ] && tree=$SELFE_REPO/../shared/sel4-16.0.0
. "$(dirname "$0")/lib.sh"
if [ -z "$tree" ] || ! command -v qemu-system-x86_64 >/dev/null || ! command -v x86_64-linux-gnu-gcc >/dev/null; then
	echo "skip: path-with-space: needs a seL4 tree (SEL4_SOURCE or ../shared/sel4-16.0.0), qemu-system-x86_64 and x86_64-linux-gnu-gcc"
	exit 0
fi
export SEL4_SOURCE=$tree
mkdir "my projects" && cd "my projects" || exit 1
run new hello
cd hello || exit 1
run build
expect_rc space-build-rc 0
expect_true space-says-where grep -q "^kernel: building in $XDG_CACHE_HOME/selfe/kernel-builds/[0-9a-f]*/kernel: the project's path has a character" "$T/out"
expect_true space-cache-names-target sh -c "grep -qxF '$T/my projects/hello/target/selfe/pc99-debug' '$XDG_CACHE_HOME'/selfe/kernel-builds/*/target"
expect_true space-root-task-in-project test -f "$T/my projects/hello/target/selfe/pc99-debug/hello"
run test
expect_rc space-boots 0
