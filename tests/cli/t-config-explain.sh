# SPDX-License-Identifier: BSD-2-Clause
# --explain names every table that sets a key, in the order applied, with file:line:col.
. "$(dirname "$0")/lib.sh"

cat >sel4.toml <<'TOML'
[sel4]
kernel = { path = "k" }
[sel4.config]
KernelPrinting = false
[sel4.config.debug]
KernelPrinting = true
[sel4.config.pc99]
KernelPrinting = false
[sel4.config.sabre]
KernelPrinting = true
[build.sabre]
[metadata.debug]
KernelPrinting = "meta"
TOML

run config --config sel4.toml --explain KernelPrinting
expect_rc explain-exit 0
expect_out_line explain-head "KernelPrinting in [sel4.config], applied in this order (later wins):"
expect_out_line explain-shared "  [sel4.config]                sel4.toml:4:1  KernelPrinting = false"
expect_out_line explain-debug "  [sel4.config.debug]          sel4.toml:6:1  KernelPrinting = true"
expect_out_line explain-platform "  [sel4.config.pc99]           sel4.toml:8:1  KernelPrinting = false   <- wins"
expect_out_line explain-skipped-head "KernelPrinting in [sel4.config], set but not applied to this selection:"
expect_out_line explain-skipped "  [sel4.config.sabre]          sel4.toml:10:1  KernelPrinting = true"
expect_out_line explain-metadata "  [metadata.debug]             sel4.toml:13:1  KernelPrinting = \"meta\"   <- wins"
# Order: shared before debug before pc99.
expect_true explain-order sh -c "grep -n 'sel4.toml:' '$T/out' | head -n 3 | cut -d: -f1 | tr '\n' ' ' | grep -qx '2 3 4 '"

run config --config sel4.toml --explain KernelPrinting -p sabre --release
expect_out_line explain-release-wins "  [sel4.config.sabre]          sel4.toml:10:1  KernelPrinting = true   <- wins"

run config --config sel4.toml --explain NoSuchKey
expect_rc explain-missing-exit 2
expect_err_line explain-missing-message "sel4.toml: error: no table sets 'NoSuchKey'"
