#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# A build of one's own (make_root_task) links the [app] files through `selfe env`'s
# SELFE_FILES_OBJ: the packed selfe-arc archive in an object, nothing copied out of target/.
. "$(dirname "$0")/lib.sh"
if ! command -v x86_64-linux-gnu-gcc >/dev/null || ! command -v x86_64-linux-gnu-objcopy >/dev/null; then
	echo "skip: env-files: x86_64-linux-gnu-gcc is not installed"
	exit 0
fi
mkdir own own/out && cd own || exit 1
cat >sel4.toml <<'TOML'
[sel4]
kernel = { git = "https://github.com/seL4/seL4", tag = "16.0.0" }
[sel4.config.pc99]
KernelPlatform = "pc99"
KernelSel4Arch = "x86_64"
[build.pc99]
cross_compiler_prefix = "x86_64-linux-gnu-"
[build.pc99.debug]
make_root_task = "make -s"
root_task_image = "out/root"
[app]
name = "own"
files = ["greeting.txt=data/greeting.txt"]
TOML
mkdir data && echo 'a file for the root task: 7f3a9c' >data/greeting.txt
printf '#include <selfe/arc.h>\n#include <selfe/runtime.h>\nint main(void)\n{\n\tconst void *d;\n\tsize_t n;\n\tif (selfe_arc_find_default("greeting.txt", &d, &n))\n\t\treturn 1;\n\tselfe_printf("%%.*s", (int)n, (const char *)d);\n\treturn 0;\n}\n' >main.c
# The Makefile a user writes: everything from `selfe env` (make_root_task exports the same).
printf 'out/root: main.c\n\t$(SELFE_CC) $(SELFE_CFLAGS) -c main.c -o out/main.o\n\t$(SELFE_CC) -o $@ out/main.o $(SELFE_FILES_OBJ) $(SELFE_LDFLAGS)\n' >Makefile

run env --offline
expect_rc env-rc 0
expect_true env-prints-files-obj grep -q "^export SELFE_FILES_OBJ='.*/files.o'$" "$T/out"
run build --offline
expect_rc make-root-task-with-files-rc 0
x86_64-linux-gnu-objcopy -O binary -j .selfe_arc out/root arc.bin 2>/dev/null
expect_true image-holds-the-file grep -q 'a file for the root task: 7f3a9c' arc.bin
run arc list arc.bin
expect_true archive-lists-the-name grep -q 'greeting.txt' "$T/out"

# A missing file is a config error at its item, before any work.
sed -i 's|data/greeting.txt"|data/missing.txt"|' sel4.toml
run build --offline
expect_rc missing-file-rc 2
expect_err_line missing-file-at-item "$T/own/sel4.toml:13:10: error: [app] files: 'data/missing.txt' is not a file in $T/own"
