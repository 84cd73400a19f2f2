#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# The hardware generator on every ARM and RISC-V configuration of seL4 16.0.0
# (tests/hwgen/configs.txt): the kernel's own CMake configure runs once per configuration (its
# device tree blob made as the kernel makes it: dtc, or QEMU's dumpdtb), then
#   - with pyfdt (../shared/pyfdt, or importable): the kernel's tools/hardware_gen.py writes the
#     reference outputs during the configure, `selfe hardware-gen` replays the same command
#     line, and the four outputs and the elfloader header must be byte-identical;
#   - without pyfdt: the configure runs selfe itself as the kernel's Python (selfe-python), so
#     every configuration must configure with no pyfdt at all;
#   - always: tests/hwgen/dtcheck.py checks the outputs against dtc's reading of the same blob.
# Needs a tree ($SEL4_SOURCE, else ../shared/sel4-16.0.0), cmake, ninja, dtc, the cross
# compilers and QEMU; else prints "skip:".  About a minute on 2 cores.
#
# usage: tests/hwgen/differential.sh path/to/selfe
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
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
	echo "hwgen-differential: $pass passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

tree=${SEL4_SOURCE:-$REPO/../shared/sel4-16.0.0}
if [ ! -f "$tree/tools/hardware_gen.py" ]; then
	echo "skip: no seL4 tree with tools/hardware_gen.py (set SEL4_SOURCE, or put one at ../shared/sel4-16.0.0)"
	finish
fi
tree=$(cd "$tree" && pwd)
missing=
for p in cmake ninja dtc aarch64-linux-gnu-gcc arm-linux-gnueabihf-gcc riscv64-linux-gnu-gcc qemu-system-aarch64 \
	qemu-system-arm qemu-system-riscv64 qemu-system-riscv32; do
	command -v "$p" >/dev/null || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "skip: missing:$missing (scripts/install-deps)"
	finish
fi

# pyfdt, never a dependency: only the reference needs it.
# (SELFE_TEST_NO_PYFDT=1 runs the suite as on a machine without it)
pyfdt=
if [ -n "${SELFE_TEST_NO_PYFDT:-}" ]; then
	:
elif [ -d "$REPO/../shared/pyfdt/pyfdt" ]; then
	pyfdt=$(cd "$REPO/../shared/pyfdt" && pwd)
elif /usr/bin/python3 -c 'import pyfdt' 2>/dev/null; then
	pyfdt=importable
fi

mkdir -p "$REPO/build"
work=$(mktemp -d "$REPO/build/hwgen-diff.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The interpreter the configure runs: it records the generator's command line beside the
# blob, then hands everything to the reference Python (with pyfdt) or to selfe-python.
mkdir "$work/shim"
ln -s "$SELFE" "$work/shim/selfe-python"
if [ -n "$pyfdt" ]; then
	real="env PYTHONPATH=${pyfdt/importable/} /usr/bin/python3"
else
	echo "skip: differential: no pyfdt (../shared/pyfdt or importable); configuring with selfe's generator only"
	real="env SELFE_PYTHON_REAL=/usr/bin/python3 $work/shim/selfe-python"
fi
cat >"$work/py" <<EOS
#!/bin/bash
case "\${1##*/}" in
hardware_gen.py)
	prev=
	for a in "\$@"; do
		[ "\$prev" = --dtb ] && printf '%s\\0' "\$@" >"\$(dirname "\$a")/hwgen.args"
		prev=\$a
	done ;;
esac
exec $real "\$@"
EOS
chmod +x "$work/py"

# Configure every configuration, two at a time (odd and even lines).
configure_half() { # PARITY
	grep -v '^#' "$REPO/tests/hwgen/configs.txt" | awk -v p="$1" 'NF && NR % 2 == p' |
		while read -r plat arch setting; do
			n=$plat-$arch
			[ -n "$setting" ] && n=$n-${setting#*=}
			"$REPO/tests/hwgen/configure-one.sh" "$tree" "$work/$n" "$work/py" "$plat" "$arch" $setting
		done
}
configure_half 0 &
configure_half 1
wait

hw=tools/hardware.yml
schema=tools/hardware_schema.yml
while read -r plat arch setting; do
	n=$plat-$arch
	[ -n "$setting" ] && n=$n-${setting#*=}
	d=$work/$n
	gen=$d/gen_headers/plat/machine
	if [ ! -f "$gen/devices_gen.h" ] || [ ! -f "$d/hwgen.args" ]; then
		fail "configure-$n" "the kernel's configure failed: $(grep -m1 -iE 'error' "$d.log" 2>/dev/null)"
		continue
	fi
	ok "configure-$n"
	mapfile -d '' args <"$d/hwgen.args"
	top= sel4arch=
	for ((i = 1; i < ${#args[@]}; i++)); do
		case ${args[i]} in
		--addrspace-max) top=${args[i + 1]} ;;
		--sel4arch) sel4arch=${args[i + 1]} ;;
		esac
	done
	out=$d
	if [ -n "$pyfdt" ]; then
		# selfe on the very command line the configure ran, outputs to native/
		mkdir "$d/native"
		new=()
		for a in "${args[@]:1}"; do
			case $a in
			"$d"/kernel_compat.txt | "$gen"/*) new+=("$d/native/${a##*/}") ;;
			*) new+=("$a") ;;
			esac
		done
		if ! "$SELFE" hardware-gen "${new[@]}" 2>"$d/native.err"; then
			fail "identical-$n" "selfe hardware-gen failed: $(head -n 3 "$d/native.err")"
			continue
		fi
		diffs=
		for f in "$d/kernel_compat.txt" "$gen/devices_gen.h" "$gen/platform_gen.yaml" "$gen/platform_gen.json"; do
			cmp -s "$f" "$d/native/${f##*/}" || diffs="$diffs ${f##*/}"
		done
		if [ -z "$diffs" ]; then ok "identical-$n"; else fail "identical-$n" "differs from hardware_gen.py:$diffs"; fi
		# the elfloader pass (seL4_tools asks for it; the kernel's configure does not)
		common=(--dtb "$d/kernel.dtb" --hardware-config "$tree/$hw" --hardware-schema "$tree/$schema" --sel4arch "$sel4arch" --elfloader)
		$real "$tree/tools/hardware_gen.py" "${common[@]}" --elfloader-out "$d/elfloader.py.h" 2>/dev/null
		rp=$?
		"$SELFE" hardware-gen "${common[@]}" --elfloader-out "$d/elfloader.h" 2>/dev/null
		rs=$?
		if [ $rp -ne 0 ] || [ $rs -ne 0 ]; then
			[ $rp -ne 0 ] && [ $rs -ne 0 ] && ok "elfloader-$n (both refuse)" || fail "elfloader-$n" "exit $rs, hardware_gen.py $rp"
		elif cmp -s "$d/elfloader.py.h" "$d/elfloader.h"; then
			ok "elfloader-$n"
		else
			fail "elfloader-$n" "differs from hardware_gen.py's"
		fi
		out=$d/native
		gen=$d/native
	fi
	case $sel4arch in
	riscv64) pb=21 ;;
	riscv32) pb=22 ;;
	*) pb=12 ;;
	esac
	if r=$(/usr/bin/python3 "$REPO/tests/hwgen/dtcheck.py" "$d/kernel.dtb" "$gen/devices_gen.h" "$gen/platform_gen.json" "$top" "$pb" 2>&1); then
		ok "dtc-agrees-$n"
	else
		fail "dtc-agrees-$n" "$r"
	fi
	: "$out"
done < <(grep -v '^#' "$REPO/tests/hwgen/configs.txt" | awk 'NF')
finish
