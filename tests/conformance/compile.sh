#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# usage: tests/conformance/compile.sh SEL4_ARCH VARIANT INCLUDE_DIR
#
# Compiles the source-compatibility program of SEL4_ARCH (tests/conformance/SEL4_ARCH.c) for
# VARIANT (debug, release, debug_mcs) against the libsel4 include tree INCLUDE_DIR, with the
# sel4_arch's Debian cross compiler, -O2 -Wall -Werror.  Exit status: the compiler's.
set -u
if [ $# -ne 3 ]; then
	echo "usage: $0 SEL4_ARCH VARIANT INCLUDE_DIR" >&2
	exit 2
fi
arch=$1 variant=$2 include=$3
here=$(cd "$(dirname "$0")" && pwd)
case "$arch" in
x86_64) cc=x86_64-linux-gnu-gcc ;;
aarch32) cc=arm-linux-gnueabihf-gcc ;;
aarch64) cc=aarch64-linux-gnu-gcc ;;
riscv64) cc=riscv64-linux-gnu-gcc ;;
*)
	echo "$0: no conformance program for sel4_arch \"$arch\"" >&2
	exit 2
	;;
esac
if [ ! -f "$here/$arch.c" ]; then
	echo "$0: $here/$arch.c is missing (tests/conformance/regenerate.sh writes it)" >&2
	exit 2
fi
# -O2 as programs are built (at -O0 aarch32 Thumb code keeps r7 as frame pointer, which
# libsel4's syscall wrappers need as an asm register operand).
exec "$cc" -std=gnu11 -O2 -Wall -Werror -ffreestanding -c -I "$include" "-DCONFORMANCE_$variant" \
	"$here/$arch.c" -o /dev/null
