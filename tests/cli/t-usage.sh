# SPDX-License-Identifier: BSD-2-Clause
# Usage errors exit 2 with a precise message; help exits 0.
. "$(dirname "$0")/lib.sh"

run
expect_rc no-command-exit 2
run --help
expect_rc help-exit 0
expect_out_line help-lists-config "  config     print the configuration resolved for a platform and profile"
run --version
expect_rc version-exit 0
run conifg
expect_rc unknown-command-exit 2
expect_err_line unknown-command-message "selfe: error: unknown command 'conifg'"
expect_err_line unknown-command-suggestion "selfe: note: did you mean 'config'?"
run config --frmat json
expect_rc unknown-option-exit 2
expect_err_line unknown-option-message "selfe: error: unknown option '--frmat'"
expect_err_line unknown-option-suggestion "selfe: note: did you mean '--format'?"
run build --relase
expect_rc misspelt-common-option-exit 2
expect_err_line misspelt-common-option-suggestion "selfe: note: did you mean '--release'?"
run build --zzzzzzzz
if grep -q 'did you mean' "$T/err"; then fail far-option-no-suggestion "suggested for a far word"; else ok far-option-no-suggestion; fi
run config --format
expect_rc missing-value-exit 2
expect_err_line missing-value-message "selfe: error: option '--format' needs a value"
run config extra
expect_rc extra-argument-exit 2
expect_err_line extra-argument-message "selfe: error: unexpected argument 'extra'"
run config --help
expect_rc command-help-exit 0
run config -p nosuch
expect_rc unknown-platform-exit 2
expect_err_line unknown-platform-message "<default sel4.toml>: error: platform 'nosuch' is not configured: no [sel4.config.nosuch] or [build.nosuch] table"
expect_err_line unknown-platform-known "selfe: note: configured platforms: pc99, sabre, qemu-arm-virt, qemu-riscv-virt"
run config --sel4_arch aarch64 --arch arm -p pc99
expect_rc underscore-spelling-exit 0
expect_out_line underscore-spelling-banner "# selfe config: platform pc99, sel4_arch aarch64, arch arm, profile debug"
