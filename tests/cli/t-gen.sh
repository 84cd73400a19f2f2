# SPDX-License-Identifier: BSD-2-Clause
# selfe gen: precise usage errors everywhere; with a seL4 tree (SEL4_SOURCE) and the kernel's
# build tools, a full run for pc99 whose libsel4 compiles a program, and an atomic failure.
src=${SEL4_SOURCE:-}
unset SEL4_SOURCE
. "$(dirname "$0")/lib.sh"

mkdir tree
run gen --source tree -o libsel4 -p qemu-arm-virt
expect_rc gen-native-arm-exit 2
expect_err_line gen-native-arm "$PWD/tree/configs/seL4Config.cmake: error: cannot open file: No such file or directory"
expect_true gen-native-arm-writes-nothing test ! -e libsel4
run gen --kernel-build kb
expect_rc gen-needs-output-exit 2
expect_err_line gen-needs-output "selfe: error: missing -o OUT"
run gen --kernel-build kb -o libsel4
expect_rc gen-git-source-exit 2
expect_err_line gen-git-source-note "selfe: note: run 'selfe fetch', pass --source DIR, or set SEL4_SOURCE"
mkdir notatree
run gen --source notatree --kernel-build kb -o libsel4
expect_rc gen-not-a-tree-exit 2
expect_err_line gen-not-a-tree "notatree/VERSION: error: cannot open file: No such file or directory"
expect_true gen-not-a-tree-writes-nothing test ! -e libsel4

# The kernel's configure runs its Python tools through selfe (src/kernel/pytools.h): no Python.
mkdir -p shim && ln -sf "$SELFE" shim/selfe-python
py=$PWD/shim/selfe-python
if [ -z "$src" ] || [ ! -f "$src/VERSION" ]; then
	echo "skip: gen-with-tree: set SEL4_SOURCE to a seL4 16.0.0 tree to run selfe gen end to end"
	exit 0
fi
if ! command -v cmake >/dev/null || ! command -v ninja >/dev/null; then
	echo "skip: gen-with-tree: needs cmake and ninja for the kernel's configure step"
	exit 0
fi
mkdir kb
"$SELFE" config --format cmake >init.cmake # cmake -C needs a seekable file
(cd kb && cmake -G Ninja -DPYTHON3=$py -DCROSS_COMPILER_PREFIX=x86_64-linux-gnu- -DCMAKE_TOOLCHAIN_FILE="$src/gcc.cmake" \
	-C ../init.cmake "$src") >"$T/kb.log" 2>&1
expect_true gen-kernel-configure test -f kb/gen_config/kernel/gen_config.json || tail -n 20 "$T/kb.log"
run gen --source "$src" --kernel-build kb -o libsel4
expect_rc gen-exit 0
expect_out_line gen-says-where "libsel4 for pc99 (x86_64, debug) from the seL4 tree $src written to libsel4"
cat >use.c <<'C'
#include <sel4/sel4.h>
int use(seL4_CPtr ut, seL4_CPtr root)
{
	seL4_Error e = seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, root, 0, 0, 10, 1);
	seL4_MessageInfo_t tag = seL4_Call(10, seL4_MessageInfo_new(1, 0, 0, 2));
	return (int)e + (int)seL4_MessageInfo_get_length(tag);
}
C
expect_true gen-output-compiles x86_64-linux-gnu-gcc -std=gnu11 -O2 -Wall -Werror -ffreestanding -Ilibsel4/include -c use.c -o use.o
expect_true gen-library-built test -s libsel4/lib/libsel4.a
expect_true gen-pkgconfig grep -q '^Libs: -L${libdir} -lsel4$' libsel4/lib/pkgconfig/sel4.pc
# A failing run (a kernel build for another sel4_arch) leaves the previous OUT untouched.
cp -r libsel4 before
run gen --source "$src" --kernel-build kb -o libsel4 --sel4-arch aarch64 --arch arm
expect_rc gen-mismatch-exit 2
expect_true gen-failure-leaves-out-intact diff -r before libsel4
expect_true gen-no-temporary-left sh -c '! ls -d libsel4.tmp.* 2>/dev/null'
# A second run with the same inputs keeps the library (same stamp and bytes); a release build
# has other configuration headers, so another stamp.
cp libsel4/.selfe/libsel4.a.stamp stamp.first
run gen --source "$src" --kernel-build kb -o libsel4
expect_true gen-rerun-same-stamp cmp stamp.first libsel4/.selfe/libsel4.a.stamp
expect_true gen-rerun-same-library cmp before/lib/libsel4.a libsel4/lib/libsel4.a
run gen --source "$src" -o release --release
expect_rc gen-release-exit 0
expect_true gen-release-other-stamp sh -c '! cmp -s stamp.first release/.selfe/libsel4.a.stamp'
# Without --kernel-build selfe computes the CONFIG_ values itself: the result must be the same.
run gen --source "$src" -o native
expect_rc gen-native-exit 0
expect_true gen-native-same-as-cmake diff -r libsel4/include native/include

# Differential: the kernel's own Python generators, run by its build, against ours.  Text is
# compared without comments, blank lines and indentation; we also assert the sizes of fewer
# types (only those the interface names), so assert_size_correct lines are left out.
if ninja -C kb libsel4/sel4_generated >"$T/ninja.log" 2>&1; then
	norm() {
		gcc -fpreprocessed -dD -E -P -x c "$1" 2>/dev/null | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' |
			grep -v -e '^$' -e '^assert_size_correct('
	}
	for pair in include/sel4/invocation.h:sel4/invocation.h \
		arch_include/x86/sel4/arch/invocation.h:sel4/arch/invocation.h \
		sel4_arch_include/x86_64/sel4/sel4_arch/invocation.h:sel4/sel4_arch/invocation.h \
		include/sel4/syscall.h:sel4/syscall.h \
		include/interfaces/sel4_client.h:interfaces/sel4_client.h \
		include/sel4/shared_types_gen.h:sel4/shared_types_gen.h \
		sel4_arch_include/x86_64/sel4/sel4_arch/types_gen.h:sel4/sel4_arch/types_gen.h; do
		theirs=kb/libsel4/${pair%%:*}
		ours=libsel4/include/${pair##*:}
		expect_true "gen-same-as-kernel-${pair##*:}" cmp <(norm "$theirs") <(norm "$ours")
	done
	for h in kernel/gen_config.h sel4/gen_config.h; do
		theirs=$(find kb -path "*gen_config/$h" | head -n 1)
		expect_true "gen-same-as-kernel-$h" cmp "$theirs" "libsel4/include/$h"
	done
else
	echo "skip: gen-differential: the kernel's generators did not run (see below)"
	tail -n 5 "$T/ninja.log" | sed 's/^/skip:   /'
fi
