#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Builds examples/hello (or another app) as a root task with nothing but the cross compiler: the
# reference build of selfe-start's folder layout and linker scripts, independent of `selfe build`.
#     tests/start/build-hello.sh SEL4_ARCH LIBSEL4_DIR OUT_DIR [SELFE [APP_DIR]]
# SEL4_ARCH is x86_64, aarch32, aarch64 or riscv64; LIBSEL4_DIR is a `selfe gen` output for a
# platform of that arch; SELFE (default: selfe on PATH) packs APP_DIR/data_file.txt, when there
# is one, with `selfe arc pack`; APP_DIR (default examples/hello) has the sources in src/*.c.
# Compiles selfe-start, selfe-runtime and the app with the arch's Debian cross compiler, links
# them with libsel4 and the arch's linker script: OUT_DIR/<name of APP_DIR>.
set -eu
if [ $# -lt 3 ]; then
	echo "usage: $0 SEL4_ARCH LIBSEL4_DIR OUT_DIR [SELFE [APP_DIR]]" >&2
	exit 2
fi
arch=$1
libsel4=$(cd "$2" && pwd)
mkdir -p "$3"
out=$(cd "$3" && pwd)
selfe=${4:-selfe}
repo=$(cd "$(dirname "$0")/../.." && pwd)
app=$(cd "${5:-$repo/examples/hello}" && pwd)
name=$(basename "$app")
stack_size=65536

start=$arch
case $arch in
x86_64) prefix=x86_64-linux-gnu- arch_flags="" ;;
# -marm: ARM state, as the kernel expects of interrupted system calls (Debian defaults to Thumb).
# -mtp=soft: thread pointer through __aeabi_read_tp (runtime/start/aarch32/read_tp.S), which
# reads the register the kernel keeps the TLS base in.
aarch32) prefix=arm-linux-gnueabihf- arch_flags="-marm -mtp=soft" ;;
aarch64) prefix=aarch64-linux-gnu- arch_flags="" ;;
riscv64) prefix=riscv64-linux-gnu- arch_flags="-mcmodel=medany" start=riscv ;;
*)
	echo "$0: unknown sel4_arch '$arch' (x86_64, aarch32, aarch64, riscv64)" >&2
	exit 2
	;;
esac
cc=${prefix}gcc
if ! command -v "$cc" >/dev/null; then
	echo "$0: the compiler '$cc' is not installed" >&2
	exit 2
fi

# Freestanding: the compiler's own headers (stddef.h, stdint.h, stdarg.h), never a libc's.
cflags="-std=gnu11 -O2 -g -ffreestanding -nostdinc -isystem $($cc -print-file-name=include)
	-fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables -ftls-model=local-exec
	-Wall -Wextra -Werror -I$repo/runtime/include -I$libsel4/include $arch_flags"

rm -rf "$out/obj"
mkdir -p "$out/obj"
objs=()
compile() { # compile SOURCE OBJECT-NAME [EXTRA FLAGS...]
	local src=$1 obj=$out/obj/$2
	shift 2
	# shellcheck disable=SC2086
	$cc $cflags "$@" -c "$src" -o "$obj"
	objs+=("$obj")
}

# selfe-start: the arch's entry code, then the shared C start routine, TLS and stack.
for s in "$repo"/runtime/start/"$start"/*.S; do
	compile "$s" "start-$arch-$(basename "${s%.S}").o"
done
for c in "$repo"/runtime/start/*.c; do
	compile "$c" "start-$(basename "${c%.c}").o" -I"$repo/runtime/start/$start" -DSELFE_STACK_SIZE=$stack_size
done
# selfe-runtime
for c in "$repo"/runtime/lib/*.c "$repo"/runtime/lib/sel4/*.c; do
	compile "$c" "rt-$(basename "${c%.c}").o"
done
# the application
for c in "$app"/src/*.c; do
	compile "$c" "app-$(basename "${c%.c}").o" -I"$app/src"
done

# The data files: one selfe-arc archive, linked in as the .selfe_arc section.  An app without
# data_file.txt gets no archive (the runtime's default archive is then empty).
if [ -f "$app/data_file.txt" ]; then
	"$selfe" arc pack "$out/obj/files.arc" "$app/data_file.txt"
	cat >"$out/obj/files.S" <<ASM
	.section .selfe_arc, "a", %progbits
	.balign 4096
	.global _selfe_arc_start
_selfe_arc_start:
	.incbin "$out/obj/files.arc"
	.global _selfe_arc_end
_selfe_arc_end:
	.section .note.GNU-stack, "", %progbits
ASM
	compile "$out/obj/files.S" files.o
fi

$cc -static -nostdlib -no-pie -Wl,--build-id=none -Wl,-z,max-page-size=0x1000 \
	-Wl,-T,"$repo/runtime/start/$start/link.ld" \
	"${objs[@]}" "$libsel4/lib/libsel4.a" -lgcc -o "$out/$name.tmp"
mv "$out/$name.tmp" "$out/$name"
echo "$out/$name"
