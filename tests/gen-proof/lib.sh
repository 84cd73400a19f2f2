# SPDX-License-Identifier: BSD-2-Clause
# Shared by the gen-proof suites: the configurations, where a libsel4 for one comes from, and
# the count of passed and failed checks.  SELFE_PROOF_PLATFORMS / SELFE_PROOF_PROFILES narrow
# the configurations for a quicker run.
#
# Where libsel4 comes from is decided in one place, gen_libsel4, by SELFE_PROOF_SOURCE:
#   tree      (the default when $SEL4_SOURCE names a seL4 tree): `selfe gen --source`; for a
#             platform selfe cannot configure natively, a CMake-configured kernel build in
#             $SELFE_KERNEL_BUILDS/PLATFORM-PROFILE (`selfe gen --kernel-build`) if there is one;
#   snapshot  (the default otherwise): `selfe gen --offline`, the embedded seL4 snapshot.
# The proofs also read the interface definitions themselves (model_dir: the tree's libsel4/,
# or the snapshot's transcription in the repository).
# A configuration that cannot be generated is skipped with a `skip:` line, never failed.

CONFIGS=${SELFE_PROOF_PLATFORMS:-pc99 sabre qemu-arm-virt qemu-riscv-virt}
PROFILES=${SELFE_PROOF_PROFILES:-debug release}

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
# expect NAME COMMAND...: a check passes when the command exits 0; its output is shown otherwise.
expect() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		ok "$name"
	else
		bad "$name"
		printf '%s\n' "$out" | tail -n 30 | sed 's/^/    /'
	fi
}
# for_each_config FUNCTION: FUNCTION PLATFORM PROFILE for every configuration, in the
# background, $SELFE_PROOF_JOBS (default 2) at a time; each run counts into its own pass/fail
# and log under $T, and the logs are printed in order when all are done.
for_each_config() {
	local fn=$1 platform profile c p f jobs=${SELFE_PROOF_JOBS:-2} running=0
	local order=()
	for platform in $CONFIGS; do
		for profile in $PROFILES; do
			c=$platform-$profile
			order+=("$c")
			(
				pass=0
				fail=0
				"$fn" "$platform" "$profile"
				echo "$pass $fail" >"$T/$c.count"
			) >"$T/$c.log" 2>&1 &
			running=$((running + 1))
			if [ "$running" -ge "$jobs" ]; then
				wait -n
				running=$((running - 1))
			fi
		done
	done
	wait
	for c in "${order[@]}"; do
		cat "$T/$c.log"
		if read -r p f <"$T/$c.count" 2>/dev/null; then
			pass=$((pass + p))
			fail=$((fail + f))
		else
			bad "$c: the run ended without a count"
		fi
	done
}
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# platform_facts PLATFORM: sets sel4_arch, arch, word_bits, cross (compiler prefix), runner
# (how to run a static binary of that architecture here; empty for the host).
platform_facts() {
	case $1 in
	pc99) sel4_arch=x86_64 arch=x86 word_bits=64 cross=x86_64-linux-gnu- runner= ;;
	sabre) sel4_arch=aarch32 arch=arm word_bits=32 cross=arm-linux-gnueabihf- runner=qemu-arm ;;
	qemu-arm-virt) sel4_arch=aarch64 arch=arm word_bits=64 cross=aarch64-linux-gnu- runner=qemu-aarch64 ;;
	qemu-riscv-virt) sel4_arch=riscv64 arch=riscv word_bits=64 cross=riscv64-linux-gnu- runner=qemu-riscv64 ;;
	*) return 1 ;;
	esac
	if [ "$(uname -m)" != x86_64 ] && [ -z "$runner" ]; then
		runner=qemu-x86_64
	fi
}

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ -z "${SELFE_PROOF_SOURCE:-}" ]; then
	if [ -n "${SEL4_SOURCE:-}" ] && [ -f "$SEL4_SOURCE/VERSION" ]; then
		SELFE_PROOF_SOURCE=tree
	else
		SELFE_PROOF_SOURCE=snapshot
	fi
fi

model_dir() {
	if [ "$SELFE_PROOF_SOURCE" = tree ]; then
		printf '%s/libsel4\n' "$SEL4_SOURCE"
	else
		printf '%s/snapshot/sel4-16.0.0/libsel4\n' "$repo_root"
	fi
}

# gen_libsel4 PLATFORM PROFILE OUT: a libsel4 in OUT, or a `skip:` line and status 1.
gen_libsel4() {
	local platform=$1 profile=$2 out=$3 log
	if [ "$SELFE_PROOF_SOURCE" = snapshot ]; then
		if log=$("$SELFE" gen -p "$platform" "--$profile" --offline -o "$out" 2>&1); then
			return 0
		fi
		echo "skip: $platform-$profile: no seL4 tree (SEL4_SOURCE) and selfe gen --offline failed:"
		printf '%s\n' "$log" | head -n 3 | sed 's/^/skip:   /'
		return 1
	fi
	if [ -z "${SEL4_SOURCE:-}" ] || [ ! -f "$SEL4_SOURCE/VERSION" ]; then
		echo "skip: $platform-$profile: SELFE_PROOF_SOURCE=tree needs SEL4_SOURCE set to a seL4 tree"
		return 1
	fi
	if log=$("$SELFE" gen -p "$platform" "--$profile" --source "$SEL4_SOURCE" -o "$out" 2>&1); then
		return 0
	fi
	local kb="${SELFE_KERNEL_BUILDS:-}/$platform-$profile"
	if [ -n "${SELFE_KERNEL_BUILDS:-}" ] && [ -d "$kb" ] &&
		log=$("$SELFE" gen -p "$platform" "--$profile" --source "$SEL4_SOURCE" --kernel-build "$kb" -o "$out" 2>&1); then
		return 0
	fi
	echo "skip: $platform-$profile: selfe gen cannot make this libsel4 here:"
	printf '%s\n' "$log" | head -n 3 | sed 's/^/skip:   /'
	return 1
}

# source_ready: whether libsel4 can come from the chosen source at all; one `skip:` line if not
# (so that a missing source is reported once, not per configuration).
source_ready() {
	local log
	if [ "$SELFE_PROOF_SOURCE" = tree ]; then
		if [ -z "${SEL4_SOURCE:-}" ] || [ ! -f "$SEL4_SOURCE/VERSION" ]; then
			echo "skip: SELFE_PROOF_SOURCE=tree needs SEL4_SOURCE set to a seL4 tree"
			return 1
		fi
		return 0
	fi
	if ! log=$("$SELFE" gen -p pc99 --offline -o "$T/probe" 2>&1); then
		echo "skip: no seL4 tree (SEL4_SOURCE) and selfe gen --offline failed: $(printf '%s\n' "$log" | head -n 1)"
		return 1
	fi
	rm -rf "$T/probe"
}

# preprocess_bf OUT DEST [LIBSEL4]: the configuration's two .bf files (from LIBSEL4, default
# model_dir) after its preprocessor, as DEST/shared_types.i and DEST/types.i (platform_facts
# first).
preprocess_bf() {
	local out=$1 dest=$2 m=${3:-$(model_dir)}
	local inc="-I$out/include -I$m/include -I$m/arch_include/$arch -I$m/sel4_arch_include/$sel4_arch -I$m/mode_include/$word_bits"
	# shellcheck disable=SC2086
	"${cross}gcc" -E -P -x c $inc "$m/mode_include/$word_bits/sel4/shared_types.bf" -o "$dest/shared_types.i" &&
		"${cross}gcc" -E -P -x c $inc "$m/sel4_arch_include/$sel4_arch/sel4/sel4_arch/types.bf" -o "$dest/types.i"
}

# needs TOOL...: a `skip:` line and status 1 when one is missing.
needs() {
	local t
	for t in "$@"; do
		if ! command -v "$t" >/dev/null 2>&1; then
			echo "skip: $t is not installed"
			return 1
		fi
	done
}

# run_target BINARY: runs a static binary of the current platform.
run_target() {
	if [ -n "$runner" ]; then
		"$runner" "$1"
	else
		"$1"
	fi
}
