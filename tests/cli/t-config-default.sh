# SPDX-License-Identifier: BSD-2-Clause
# `selfe config` with no sel4.toml anywhere uses the embedded default, for every platform.
. "$(dirname "$0")/lib.sh"

run config
expect_rc default-exit 0
expect_out_line default-banner "# selfe config: platform pc99, sel4_arch x86_64, arch x86, profile debug"
expect_out_line default-kernel 'kernel = { git = "https://github.com/seL4/seL4", tag = "16.0.0" }'
expect_out_line default-platform 'KernelPlatform = "pc99"'
expect_out_line default-prints 'KernelPrinting = true'
expect_out_line default-fpu 'KernelFPU = "FXSAVE"'
expect_out_line default-prefix 'cross_compiler_prefix = "x86_64-linux-gnu-"'

run config --release -p sabre
expect_rc sabre-release-exit 0
expect_out_line sabre-banner "# selfe config: platform sabre, sel4_arch aarch32, arch arm, profile release"
expect_out_line sabre-platform 'KernelPlatform = "imx6"'
expect_out_line sabre-variant 'KernelARMPlatform = "sabre"'
expect_out_line sabre-quiet 'KernelPrinting = false'

# The toml format is itself a sel4.toml that resolves to the same configuration.
for p in pc99 sabre qemu-arm-virt qemu-riscv-virt; do
	for prof in --debug --release; do
		run config -p "$p" "$prof"
		cp "$T/out" "$T/resolved.toml"
		grep -v '^# resolved from' "$T/out" >"$T/first"
		run config --config "$T/resolved.toml" -p "$p" "$prof"
		grep -v '^# resolved from' "$T/out" >"$T/second"
		expect_true "toml-output-resolves-the-same-$p$prof" cmp "$T/first" "$T/second"
	done
done

# SEL4_PLATFORM picks the platform; -p beats it.
SEL4_PLATFORM=qemu-riscv-virt run config
expect_out_line env-platform 'KernelPlatform = "qemu-riscv-virt"'
SEL4_PLATFORM=qemu-riscv-virt run config -p qemu-arm-virt
expect_out_line flag-beats-env 'KernelPlatform = "qemu-arm-virt"'
