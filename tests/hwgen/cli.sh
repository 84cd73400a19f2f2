#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# `selfe hardware-gen` and the selfe-python shim as the kernel's CMake runs them: the command
# line, exit codes, nothing left behind on failure, the pass-through to the real Python.
# Needs dtc (else "skip:").
#
# usage: tests/hwgen/cli.sh path/to/selfe
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
	echo "hwgen-cli: $pass passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}
command -v dtc >/dev/null || {
	echo "skip: hwgen-cli: no dtc (apt-get install device-tree-compiler)"
	finish
}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2

cat >rules.yml <<'EOS'
devices:
  - compatible:
      - arm,pl011
    regions:
      - index: 0
        kernel: UART_PPTR
        macro: CONFIG_PRINTING
        user: true
EOS
touch schema.yml
cat >good.dts <<'EOS'
/dts-v1/;
/ {
	#address-cells = <1>;
	#size-cells = <1>;
	chosen { seL4,kernel-devices = "/uart@9000000"; };
	memory@40000000 { device_type = "memory"; reg = <0x40000000 0x10000000>; };
	uart@9000000 { compatible = "arm,pl011"; reg = <0x9000000 0x1000>; };
};
EOS
sed 's|"/uart@9000000"|"/uart@1"|' good.dts >badpath.dts
dtc -q -I dts -O dtb -o good.dtb good.dts
dtc -q -I dts -O dtb -o badpath.dtb badpath.dts

gen() { # OUTDIR DTB: the kernel configure's command line
	"$SELFE" hardware-gen --dtb "$2" --compat-strings --compat-strings-out "$1/compat.txt" --c-header \
		--header-out "$1/devices_gen.h" --hardware-config rules.yml --hardware-schema schema.yml --yaml \
		--yaml-out "$1/platform_gen.yaml" --sel4arch aarch64 --addrspace-max 1099511627776 --json \
		--json-out "$1/platform_gen.json" --kernel-config-flags CONFIG_PRINTING=ON \
		CONFIG_ARM_HYPERVISOR_SUPPORT=OFF CONFIG_ARM_SMMU=OFF CONFIG_TK1_SMMU=OFF
}

mkdir good bad
if gen good good.dtb 2>err; then ok good-runs; else fail good-runs "$(cat err)"; fi
if [ "$(cat good/compat.txt)" = "arm,pl011;" ]; then ok good-compat; else fail good-compat "$(cat good/compat.txt)"; fi
if grep -qx '        .paddr = 0x9000000,' good/devices_gen.h; then ok good-header; else fail good-header "no frame"; fi
if [ "$(cat good/platform_gen.json)" = '{"devices": [{"start": 0, "end": 1073741824}, {"start": 1342177280, "end": 1099511627776}], "memory": [{"start": 1073741824, "end": 1342177280}]}' ]; then
	ok good-json
else
	fail good-json "$(cat good/platform_gen.json)"
fi

gen bad badpath.dtb 2>err
rc=$?
[ $rc -eq 2 ] && ok bad-path-exit-2 || fail bad-path-exit-2 "exit $rc"
if grep -qxF "badpath.dtb: error: /chosen seL4,kernel-devices names /uart@1, which does not exist in the device tree" err; then
	ok bad-path-says-which
else
	fail bad-path-says-which "$(cat err)"
fi
if [ -z "$(ls bad)" ]; then ok bad-path-writes-nothing; else fail bad-path-writes-nothing "$(ls bad)"; fi

"$SELFE" hardware-gen --dtb good.dtb --hardware-config rules.yml --hardware-schema schema.yml --sel4arch aarch64 --c-header 2>err
rc=$?
if [ $rc -eq 2 ] && grep -qxF "selfe: error: --c-header needs --header-out (the file to write)" err; then ok pass-needs-out; else fail pass-needs-out "exit $rc: $(cat err)"; fi
"$SELFE" hardware-gen --dtb good.dtb --hardware-config rules.yml --hardware-schema schema.yml --sel4arch x86_64 2>err
rc=$?
if [ $rc -eq 2 ] && grep -qxF "selfe: error: unsupported sel4arch 'x86_64'" err; then ok bad-sel4arch; else fail bad-sel4arch "exit $rc: $(cat err)"; fi
"$SELFE" hardware-gen --dtb good.dtb --hardware-config rules.yml --hardware-schema schema.yml --sel4arch aarch64 --kernel-config-flags PRINTING 2>err
rc=$?
if [ $rc -eq 2 ] && grep -qxF "selfe: error: kernel config flag 'PRINTING' is not NAME=VALUE" err; then ok bad-flag; else fail bad-flag "exit $rc: $(cat err)"; fi

# the shim: a script named hardware_gen.py runs natively (wherever it lies); anything else goes
# to the real interpreter with the same arguments and exit status
ln -s "$SELFE" selfe-python
mkdir -p tree/tools
touch tree/tools/hardware_gen.py
mkdir shim
if ./selfe-python tree/tools/hardware_gen.py --dtb good.dtb --hardware-config rules.yml --hardware-schema schema.yml \
	--sel4arch aarch64 --c-header --header-out shim/devices_gen.h 2>err && cmp -s shim/devices_gen.h good/devices_gen.h; then
	ok shim-runs-native
else
	fail shim-runs-native "$(cat err)"
fi
printf 'import sys\nprint("args", sys.argv[1:])\nsys.exit(3)\n' >other.py
out=$(SELFE_PYTHON_REAL=/usr/bin/python3 ./selfe-python other.py a "b c" 2>&1)
rc=$?
if [ $rc -eq 3 ] && [ "$out" = "args ['a', 'b c']" ]; then ok shim-passes-through; else fail shim-passes-through "exit $rc: $out"; fi
echo /usr/bin/python3 >real-python
out=$(env -u SELFE_PYTHON_REAL ./selfe-python -c 'print(6 * 7)' 2>&1)
if [ "$out" = 42 ]; then ok shim-reads-real-python-file; else fail shim-reads-real-python-file "$out"; fi
out=$(SELFE_PYTHON_REAL=/nonexistent/python ./selfe-python -c 1 2>&1)
rc=$?
if [ $rc -eq 2 ] && [ "$out" = "selfe: error: cannot run the Python interpreter '/nonexistent/python': No such file or directory
selfe: note: set SELFE_PYTHON_REAL to a Python 3 interpreter" ]; then
	ok shim-says-missing-python
else
	fail shim-says-missing-python "exit $rc: $out"
fi
# boards: a KernelPlatform or board setting the tree does not have is named before CMake runs
tree=${SEL4_SOURCE:-$REPO/../shared/sel4-16.0.0}
if [ -d "$tree/src/plat" ]; then
	mkdir proj
	cat >proj/sel4.toml <<'EOS'
[sel4]
kernel = { git = "https://github.com/seL4/seL4", tag = "16.0.0" }

[sel4.config.zcu]
KernelPlatform = "zcu102"
KernelSel4Arch = "aarch64"

[sel4.config.ex5]
KernelPlatform = "exynos5"
KernelSel4Arch = "aarch32"
KernelARMPlatform = "exynos9999"

[sel4.config.typo]
KernelPlatform = "zynqmq"
KernelSel4Arch = "aarch64"

[build.zcu]
cross_compiler_prefix = "aarch64-linux-gnu-"
[build.ex5]
cross_compiler_prefix = "arm-linux-gnueabihf-"
[build.typo]
cross_compiler_prefix = "aarch64-linux-gnu-"

[app]
name = "p"
sources = ["main.c"]
EOS
	echo 'int main(void) { return 0; }' >proj/main.c
	board() { # NAME PLATFORM LINE...: selfe build exits 2, and stderr has these lines
		local name=$1 p=$2
		shift 2
		(cd proj && SEL4_SOURCE=$tree "$SELFE" build -p "$p" >../out 2>../err)
		local rc=$?
		local missing=
		for line in "$@"; do grep -qxF -- "$line" err || missing=$line; done
		if [ $rc -eq 2 ] && [ -z "$missing" ]; then ok "$name"; else fail "$name" "exit $rc, no line '$missing': $(cat err)"; fi
	}
	board board-as-platform zcu "$PWD/proj/sel4.toml:5:1: error: 'zcu102' is a board of platform 'zynqmp', not a platform" \
		"$PWD/proj/sel4.toml:5:1: note: set KernelPlatform = \"zynqmp\" and KernelARMPlatform = \"zcu102\" in [sel4.config.zcu]"
	board unknown-board ex5 "$PWD/proj/sel4.toml:11:1: error: KernelARMPlatform = \"exynos9999\" is not a board of platform 'exynos5'" \
		"$PWD/proj/sel4.toml:11:1: note: the boards of exynos5 are exynos5250, exynos5410, exynos5422 (without KernelARMPlatform: exynos5250)"
	board unknown-platform typo "$PWD/proj/sel4.toml:14:1: error: the seL4 tree has no platform 'zynqmq'" \
		"$PWD/proj/sel4.toml:14:1: note: did you mean 'zynqmp'?"
else
	echo "skip: hwgen-cli: no seL4 tree for the board checks (SEL4_SOURCE or ../shared/sel4-16.0.0)"
fi
finish
