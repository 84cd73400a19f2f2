#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# selfe new / build / env, offline (the embedded snapshot): projects that build as they are,
# incremental rebuilds, the four arches' ELF images, a user's own build through make_root_task
# and `selfe env`, and the errors of each.
. "$(dirname "$0")/lib.sh"

# --- selfe new: always ----------------------------------------------------------------------
run new demo
expect_rc new-ok 0
expect_out_line new-says "created demo: cd demo && selfe build"
expect_true new-toml-has-app grep -qx 'name = "demo"' demo/sel4.toml
expect_true new-has-main test -f demo/src/main.c
run new demo
expect_rc new-exists-rc 2
expect_err_line new-exists "selfe: error: 'demo' already exists"
run new .hidden
expect_rc new-bad-name-rc 2
expect_err_line new-bad-name "selfe: error: '.hidden' is not a usable project name"
expect_true new-leaves-nothing-half-written sh -c '! ls -d .hidden* *.tmp.* 2>/dev/null | grep -q .'

need() { # need PROGRAM...: all present, else a skip line and exit
	for p in "$@"; do
		if ! command -v "$p" >/dev/null; then
			echo "skip: build: '$p' is not installed (scripts/install-deps installs the cross compilers)"
			exit 0
		fi
	done
}
need x86_64-linux-gnu-gcc aarch64-linux-gnu-gcc arm-linux-gnueabihf-gcc riscv64-linux-gnu-gcc readelf

# --- selfe build of a new project --------------------------------------------------------------
cd demo || exit 1
run build --offline
expect_rc build-new-project 0
image=$T/demo/target/selfe/pc99-debug/demo
expect_true build-image-exists test -f "$image"
expect_true build-says-kernel-skipped grep -qx 'kernel: skipped, --offline builds from the embedded snapshot' "$T/out"
entry=$(readelf -h "$image" | sed -n 's/.*Entry point address: *//p')
start=$(readelf -s "$image" | awk '$8 == "_start" { print "0x" $2 }' | sed 's/0x0*/0x/')
expect_true build-entry-is-_start test -n "$entry" -a "$entry" = "$start"
expect_true build-x86-64-elf sh -c "readelf -h '$image' | grep -q 'Machine: *Advanced Micro Devices X86-64'"
expect_true build-has-tls-segment sh -c "readelf -lW '$image' | grep -q '^ *TLS '"
run build --offline
expect_rc rebuild-noop-rc 0
expect_true rebuild-noop-runs-nothing grep -q '(0 steps run, ' "$T/out"
touch src/main.c
run build --offline
expect_true rebuild-after-touch-compiles-and-links grep -q '(2 steps run, ' "$T/out"
sed -i 's/"-Wextra"/"-Wextra", "-DCHANGED=1"/' sel4.toml
run build --offline
expect_true rebuild-after-cflags-change grep -q '(2 steps run, ' "$T/out"
run build --offline --release
expect_rc build-release 0
expect_true release-image-exists test -f "$T/demo/target/selfe/pc99-release/demo"

# --- errors ------------------------------------------------------------------------------------
sed -i 's|sources = \["src/\*.c"\]|sources = ["lib/*.c"]|' sel4.toml
run build --offline
expect_rc build-glob-no-match-rc 2
expect_true build-glob-no-match grep -q "error: \[app\] sources: 'lib/\*.c' matches no file in $T/demo" "$T/err"
sed -i 's|sources = \["lib/\*.c"\]|sources = ["src/*.c"]|' sel4.toml
echo 'int main(void) { return undeclared; }' >src/main.c
run build --offline
expect_rc build-compile-error-rc 2
expect_true build-compile-error-shown grep -q "undeclared" "$T/err"
cd "$T" || exit 1

# --- the example, every platform and profile, offline -------------------------------------------
for p in pc99:X86-64:ELF64 sabre:ARM:ELF32 qemu-arm-virt:AArch64:ELF64 qemu-riscv-virt:RISC-V:ELF64; do
	plat=${p%%:*}
	rest=${p#*:}
	machine=${rest%%:*}
	class=${rest#*:}
	for prof in debug release; do
		cp -r "$SELFE_REPO/examples/hello" "hello-$plat-$prof"
		rm -rf "hello-$plat-$prof/target"
		(cd "hello-$plat-$prof" && "$SELFE" build --offline -p "$plat" --$prof >"$T/out" 2>"$T/err")
		rc=$?
		expect_rc "hello-$plat-$prof-builds" 0
		img=hello-$plat-$prof/target/selfe/$plat-$prof/hello
		expect_true "hello-$plat-$prof-is-$machine" sh -c "readelf -h '$img' | grep -q 'Machine: *.*$machine' && readelf -h '$img' | grep -q 'Class: *$class'"
		expect_true "hello-$plat-$prof-is-static-exec" sh -c "readelf -h '$img' | grep -q 'Type: *EXEC' && ! readelf -lW '$img' | grep -q INTERP"
		expect_true "hello-$plat-$prof-has-archive" sh -c "readelf -SW '$img' | grep -q ' .selfe_arc '"
	done
done

# --- selfe env and a build of one's own ------------------------------------------------------------
mkdir own && cd own || exit 1
printf '[sel4]\nkernel = { git = "https://github.com/seL4/seL4", tag = "16.0.0" }\n[sel4.config.pc99]\nKernelPlatform = "pc99"\nKernelSel4Arch = "x86_64"\n[build.pc99]\ncross_compiler_prefix = "x86_64-linux-gnu-"\n[build.pc99.debug]\nmake_root_task = "$SELFE_CC $SELFE_CFLAGS -c main.c -o main.o && $SELFE_CC -o out/root main.o $SELFE_LDFLAGS"\nroot_task_image = "out/root"\n' >sel4.toml
printf '#include <selfe/runtime.h>\nint main(void) { selfe_puts("own build"); return 0; }\n' >main.c
mkdir out
run env --offline
expect_rc env-rc 0
for v in SEL4_CONFIG_PATH SEL4_PLATFORM SELFE_CC SELFE_CFLAGS SELFE_LDFLAGS; do
	expect_true "env-prints-$v" grep -q "^export $v='" "$T/out"
done
expect_true env-evaluates-and-links sh -c ". '$T/out' && \$SELFE_CC \$SELFE_CFLAGS -c main.c -o env.o && \$SELFE_CC -o env.elf env.o \$SELFE_LDFLAGS && readelf -h env.elf | grep -q X86-64"
run build --offline
expect_rc make-root-task-rc 0
expect_true make-root-task-image grep -q "^root task: $T/own/out/root (.*libsel4 from the embedded seL4 16.0.0 snapshot)$" "$T/out"
expect_true make-root-task-summary-says-it-ran grep -q "^root task: $T/own/out/root (make_root_task ran; runtime: [0-9]* steps run, [0-9]* up to date; " "$T/out"
run build --offline
expect_true make-root-task-rebuild-not-called-noop sh -c "! grep -q '(0 steps run' '$T/out' && grep -q 'make_root_task ran; runtime: 0 steps run' '$T/out'"
sed -i 's|root_task_image = "out/root"|root_task_image = "out/missing"|' sel4.toml
run build --offline
expect_rc make-root-task-missing-image-rc 2
expect_true make-root-task-missing-image grep -q "make_root_task succeeded but root_task_image 'out/missing' does not exist" "$T/err"
sed -i 's|make_root_task = ".*"|make_root_task = "exit 3"|' sel4.toml
run build --offline
expect_rc make-root-task-fails-rc 2
expect_true make-root-task-fails grep -q "command failed with status 3: sh -c exit 3" "$T/err"
