#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# seL4's kernel build with no Python at all, against the same build with seL4's own Python tools.
#
# zero-python-*  the kernel's CMake configure and Ninja build run with PYTHON3 = the selfe-python
#                shim, whose fall-back interpreter and every python3/python3.X/python first on
#                PATH are fakes that record being run: none may run.  For the first configuration
#                the build also runs under strace, counting every exec of a file named python*.
#                `selfe build` of examples/hello (pc99) is counted the same way.
# identical-*    the same configuration built again in the same folder with the tree's Python
#                tools (when /usr/bin/python3, or $SELFE_KERNEL_PYTHON, has jinja2, ply, lxml and
#                yaml; a `skip:` line otherwise): every generated header, .pbf, .json, .c and the
#                installed prefix byte for byte, and kernel.elf.
# Configurations: $SELFE_NOPY_CONFIGS, default "pc99-debug pc99-release pc99-mcs" (about 25 s
# each on 2 cores); any PLATFORM-PROFILE of pc99, sabre, qemu-arm-virt, qemu-riscv-virt and debug,
# release, mcs (the device-tree platforms' reference build needs pyfdt for seL4's hardware_gen.py,
# e.g. through PYTHONPATH).  Needs a seL4 16.0.0 tree ($SEL4_SOURCE, else
# ../shared/sel4-16.0.0 beside the repository), cmake, ninja, xmllint; `skip:` otherwise.
#
# usage: tests/nopython/run.sh path/to/selfe
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PY=${SELFE_KERNEL_PYTHON:-/usr/bin/python3}
pass=0
failed=0
ok() {
	echo "ok $1"
	pass=$((pass + 1))
}
fail() {
	echo "FAIL $1: $2"
	failed=$((failed + 1))
}
finish() {
	echo "nopython: $pass passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

tree=${SEL4_SOURCE:-}
[ -z "$tree" ] && [ -d "$REPO/../shared/sel4-16.0.0" ] && tree=$(cd "$REPO/../shared/sel4-16.0.0" && pwd)

# --- without a tree: the tools on small inputs -------------------------------------------------
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/shim" && ln -s "$SELFE" "$T/shim/selfe-python"
SHIM=$T/shim/selfe-python

printf '# 1 "k.c"\n# 1 "a.h" 1\n# 1 "b.h" 1\nint x;\n# 3 "a.h" 2\n# 1 "c.h" 1\n# 1 "b.h" 1\n' >"$T/ok.i"
"$SHIM" circular_includes.py --ignore kernel_all_copy.c <"$T/ok.i" >"$T/out" 2>&1
[ $? -eq 0 ] && [ ! -s "$T/out" ] && ok circular-none || fail circular-none "$(cat "$T/out")"
printf '# 1 "k.c"\n# 1 "a.h" 1\n# 1 "b.h" 1\n# 1 "a.h" 1\n' >"$T/loop.i"
"$SHIM" circular_includes.py <"$T/loop.i" >"$T/out" 2>&1
rc=$?
if [ $rc -eq 255 ] && [ "$(cat "$T/out")" = "$(printf 'Circular includes found:\nk.c\na.h\nb.h\na.h')" ]; then
	ok circular-found
else
	fail circular-found "exit $rc: $(cat "$T/out")"
fi
printf '# 1 "k.c"\n# 1 "a.h" 1\n# 1 "kernel_all_copy.c" 1\n# 1 "a.h" 1\n' >"$T/ign.i"
"$SHIM" circular_includes.py --ignore kernel_all_copy.c <"$T/ign.i" >"$T/out" 2>&1
[ $? -eq 255 ] && ok circular-ignore-skips-only-the-marker || fail circular-ignore-skips-only-the-marker "$(cat "$T/out")"

printf 'A: true # KernelA=ON\nB: "x \\"y\\""\nC: false\nA: false\nD: ""\nE: "caf\\u00e9"\n' >"$T/c.yaml"
if "$SHIM" config_gen.py "$T/c.yaml" --write-c "$T/c.h" --write-json "$T/c.json" 2>"$T/out"; then
	if [ -f "$tree/tools/config_gen.py" ] && "$PY" -c 'import yaml' 2>/dev/null; then
		"$PY" "$tree/tools/config_gen.py" "$T/c.yaml" --write-c "$T/r.h" --write-json "$T/r.json"
	fi
	if [ -f "$T/r.h" ]; then
		cmp -s "$T/c.h" "$T/r.h" && cmp -s "$T/c.json" "$T/r.json" && ok config-gen-as-seL4s ||
			fail config-gen-as-seL4s "$(diff "$T/c.h" "$T/r.h"; diff "$T/c.json" "$T/r.json")"
	else
		# without the reference: the rules the header follows, line by line
		grep -qx '/\* disabled: CONFIG_A \*/' "$T/c.h" && [ "$(sed -n 3p "$T/c.h")" = '/* disabled: CONFIG_A */' ] &&
			grep -qx '#define CONFIG_B  x "y"' "$T/c.h" && grep -qx '#define CONFIG_D  /\* empty \*/' "$T/c.h" &&
			grep -qx '    "E": "caf\\u00e9"' "$T/c.json" && ok config-gen-rules || fail config-gen-rules "$(cat "$T/c.h" "$T/c.json")"
	fi
else
	fail config-gen-runs "$(cat "$T/out")"
fi
printf 'A: true\nB: maybe\n' >"$T/bad.yaml"
"$SHIM" config_gen.py "$T/bad.yaml" --write-c "$T/bad.h" 2>"$T/out"
rc=$?
if [ $rc -eq 2 ] && grep -qF "bad.yaml:2:4: error: expected true, false or a double-quoted string" "$T/out" && [ ! -e "$T/bad.h" ]; then
	ok config-gen-bad-value
else
	fail config-gen-bad-value "exit $rc: $(cat "$T/out")"
fi
# Another release's scripts go to the real interpreter (here a fake that records being run).
mkdir -p "$T/old/tools" "$T/new/tools" && echo 15.0.0 >"$T/old/VERSION" && echo 16.0.0 >"$T/new/VERSION"
printf '#!/bin/sh\necho "$*" >>"%s"\nexit 97\n' "$T/real-runs" >"$T/real" && chmod +x "$T/real"
SELFE_PYTHON_REAL="$T/real" "$SHIM" "$T/old/tools/config_gen.py" "$T/c.yaml" --write-c "$T/old.h" 2>/dev/null
rc=$?
[ $rc -eq 97 ] && grep -q "old/tools/config_gen.py" "$T/real-runs" && ok shim-other-release-to-python || fail shim-other-release-to-python "exit $rc"
SELFE_PYTHON_REAL="$T/real" "$SHIM" "$T/new/tools/config_gen.py" "$T/c.yaml" --write-c "$T/new.h" 2>"$T/out"
rc=$?
[ $rc -eq 0 ] && cmp -s "$T/new.h" "$T/c.h" && ! grep -q "new/tools" "$T/real-runs" && ok shim-16-native || fail shim-16-native "exit $rc: $(cat "$T/out")"

# The Isabelle theory modes (only the proof build asks for them) go to seL4's own script.
: >"$T/real-runs"
SELFE_PYTHON_REAL="$T/real" "$SHIM" "$T/new/tools/bitfield_gen.py" --hol_defs "$T/x.bf" "$T/x.thy" 2>"$T/out"
rc=$?
[ $rc -eq 97 ] && grep -q "new/tools/bitfield_gen.py --hol_defs" "$T/real-runs" && ok bitfield-gen-theories-to-python ||
	fail bitfield-gen-theories-to-python "exit $rc: $(cat "$T/out")"
SELFE_PYTHON_REAL="$T/real" "$SHIM" "$T/new/tools/bitfield_gen.py" --hol_proofs --umm_types u.txt "$T/x.bf" "$T/x.thy" 2>/dev/null
[ $? -eq 97 ] && ok bitfield-gen-proofs-to-python || fail bitfield-gen-proofs-to-python "not passed on"

if [ -z "$tree" ] || [ "$(cat "$tree/VERSION" 2>/dev/null)" != "16.0.0" ]; then
	echo "skip: nopython: no seL4 16.0.0 tree (set SEL4_SOURCE)"
	finish
fi
for p in cmake ninja xmllint gcc; do
	if ! command -v "$p" >/dev/null; then
		echo "skip: nopython: '$p' is not installed"
		finish
	fi
done
. "$REPO/tests/tree-links.sh"
tree_with_links "$tree" "$T/sel4" || { fail tree-copy "cannot copy $tree"; finish; }
S=$T/sel4

# The fakes: each records its name and arguments, then fails.
mkdir "$T/fake"
for n in python python3 python3.9 python3.10 python3.11 python3.12 python3.13; do
	printf '#!/bin/sh\necho "%s $*" >>"%s"\nexit 97\n' "$n" "$T/python-runs" >"$T/fake/$n"
	chmod +x "$T/fake/$n"
done
options() { # PLATFORM-PROFILE (profile debug, release or mcs): the kernel's cache options
	local p
	case ${1%-*} in
	pc99) p="-DKernelPlatform=pc99 -DKernelSel4Arch=x86_64" ;;
	sabre) p="-DKernelPlatform=imx6 -DKernelARMPlatform=sabre -DKernelSel4Arch=aarch32 -DCROSS_COMPILER_PREFIX=arm-linux-gnueabihf-" ;;
	qemu-arm-virt) p="-DKernelPlatform=qemu-arm-virt -DKernelSel4Arch=aarch64 -DCROSS_COMPILER_PREFIX=aarch64-linux-gnu-" ;;
	qemu-riscv-virt) p="-DKernelPlatform=qemu-riscv-virt -DKernelSel4Arch=riscv64 -DCROSS_COMPILER_PREFIX=riscv64-linux-gnu-" ;;
	*) return 1 ;;
	esac
	case ${1##*-} in
	debug) echo "$p -DKernelDebugBuild=ON -DKernelPrinting=ON" ;;
	release) echo "$p -DKernelDebugBuild=OFF -DKernelPrinting=OFF" ;;
	mcs) echo "$p -DKernelDebugBuild=ON -DKernelPrinting=ON -DKernelIsMCS=ON" ;;
	*) return 1 ;;
	esac
}

# build CONFIG PYTHON [WRAPPER...]: configure and build in $T/b/CONFIG (always the same path:
# the build embeds it), log in $T/CONFIG.log.
build() {
	local cfg=$1 py=$2
	shift 2
	local o
	o=$(options "$cfg") || return 1
	case $o in *CROSS_COMPILER_PREFIX*) ;; *) o="$o -DCROSS_COMPILER_PREFIX=" ;; esac
	rm -rf "$T/b/$cfg" && mkdir -p "$T/b/$cfg" && cd "$T/b/$cfg" || return 1
	# shellcheck disable=SC2086
	"$@" cmake -G Ninja -DCMAKE_TOOLCHAIN_FILE="$S/gcc.cmake" -DCMAKE_INSTALL_PREFIX="$T/b/$cfg/prefix" \
		-DKernelVerificationBuild=OFF -DKernelMaxNumNodes=1 -DKernelSupportPCID=OFF -DKernelFPU=FXSAVE $o \
		-DPYTHON3="$py" "$S" >"$T/$cfg.log" 2>&1 &&
		"$@" ninja -j2 >>"$T/$cfg.log" 2>&1 && ninja install >>"$T/$cfg.log" 2>&1
	local rc=$?
	cd "$T" || return 1
	return $rc
}

reference=yes
if ! "$PY" -c 'import jinja2, ply, lxml, yaml' 2>/dev/null; then
	echo "skip: nopython: $PY lacks the kernel generators' modules (python3-jinja2 python3-ply python3-lxml python3-yaml): no comparison with seL4's own tools"
	reference=
fi

first=yes
for cfg in ${SELFE_NOPY_CONFIGS:-pc99-debug pc99-release pc99-mcs}; do
	: >"$T/python-runs"
	trace=()
	if [ -n "$first" ] && command -v strace >/dev/null; then
		# (LeakSanitizer cannot run under ptrace: a sanitizer build of selfe skips it there.)
		trace=(env ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=execve -o "$T/trace")
	fi
	first=
	if PATH="$T/fake:$PATH" SELFE_PYTHON_REAL="$T/fake/python3" build "$cfg" "$SHIM" "${trace[@]}"; then
		ok "native-build-$cfg"
	else
		fail "native-build-$cfg" "$(tail -n 15 "$T/$cfg.log")"
		continue
	fi
	if [ -s "$T/python-runs" ]; then
		fail "zero-python-$cfg" "Python was run: $(head -n 5 "$T/python-runs")"
	else
		ok "zero-python-$cfg"
	fi
	if [ ${#trace[@]} -gt 0 ]; then
		# every exec of a file called python, python3, python3.X (the shim is selfe-python)
		n=$(cat "$T"/trace* | grep -cE 'execve\("([^"]*/)?python[0-9.]*"' || true)
		execs=$(cat "$T"/trace* | grep -c 'execve(' || true)
		if [ "$n" -eq 0 ] && [ "$execs" -gt 50 ]; then
			ok "zero-python-strace-$cfg ($execs programs run, none of them Python)"
		else
			fail "zero-python-strace-$cfg" "$n Python execs among $execs"
		fi
		rm -f "$T"/trace*
	fi
	[ -z "$reference" ] && continue
	case $cfg in
	pc99*) ;;
	*)
		# seL4's hardware_gen.py imports pyfdt (not in Debian; e.g. PYTHONPATH=.../pyfdt)
		if ! "$PY" -c 'import pyfdt' 2>/dev/null; then
			echo "skip: nopython: $cfg: $PY cannot import pyfdt, which seL4's hardware_gen.py needs: no comparison"
			rm -rf "$T/b/$cfg"
			continue
		fi
		;;
	esac
	mv "$T/b/$cfg" "$T/native-$cfg"
	if ! build "$cfg" "$PY"; then
		fail "python-build-$cfg" "$(tail -n 15 "$T/$cfg.log")"
		continue
	fi
	files=0
	differ=
	while read -r f; do
		files=$((files + 1))
		cmp -s "$T/b/$cfg/$f" "$T/native-$cfg/$f" || differ="$differ $f"
	done < <(cd "$T/b/$cfg" && find . -type f \( -name '*.h' -o -name '*.pbf' -o -name '*.json' -o -name '*.c' -o -name '*.yaml' -o -name '*.elf' \) ! -path './CMakeFiles/*' | sort)
	if [ -z "$differ" ] && [ "$files" -gt 20 ]; then
		ok "identical-$cfg ($files generated files and kernel.elf)"
	else
		fail "identical-$cfg" "of $files files these differ:$differ"
	fi
	if cmp -s "$T/b/$cfg/kernel.elf" "$T/native-$cfg/kernel.elf"; then
		ok "identical-kernel-elf-$cfg"
	else
		fail "identical-kernel-elf-$cfg" "kernel.elf differs"
	fi
	rm -rf "$T/native-$cfg" "$T/b/$cfg"
done

# `selfe build` itself: examples/hello for pc99, every Python on PATH a fake.
if command -v x86_64-linux-gnu-gcc >/dev/null || [ "$(uname -m)" = x86_64 ]; then
	mkdir "$T/hello" && (cd "$REPO/examples/hello" && tar cf - --exclude=./target .) | (cd "$T/hello" && tar xf -)
	: >"$T/python-runs"
	if (cd "$T/hello" && PATH="$T/fake:$PATH" SELFE_PYTHON="$T/fake/python3" XDG_CACHE_HOME="$T/cache" \
		SEL4_SOURCE="$S" "$SELFE" build >"$T/selfe-build.log" 2>&1); then
		ok "selfe-build-pc99"
	else
		fail "selfe-build-pc99" "$(tail -n 15 "$T/selfe-build.log")"
	fi
	if [ -s "$T/python-runs" ]; then
		fail "zero-python-selfe-build" "Python was run: $(head -n 5 "$T/python-runs")"
	else
		ok "zero-python-selfe-build"
	fi
fi
finish
