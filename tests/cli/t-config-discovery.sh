# SPDX-License-Identifier: BSD-2-Clause
# Which config: --config > SEL4_CONFIG_PATH > nearest sel4.toml upwards > embedded default.
. "$(dirname "$0")/lib.sh"

mkdir -p proj/src/deep other
cat >proj/sel4.toml <<'TOML'
[sel4]
kernel = { path = "../seL4" }
[sel4.config]
Which = "walked-up"
[build.pc99]
TOML
cat >other/env.toml <<'TOML'
[sel4]
kernel = { path = "seL4" }
[sel4.config]
Which = "env"
[build.pc99]
TOML
cat >other/flag.toml <<'TOML'
[sel4]
kernel = { path = "seL4" }
[sel4.config]
Which = "flag"
[build.pc99]
TOML

(cd proj/src/deep && "$SELFE" config >"$T/out" 2>"$T/err")
expect_out_line walks-up 'Which = "walked-up"'
expect_out_line path-relative-to-config "kernel = { path = \"$T/seL4\" }"

(cd proj/src/deep && SEL4_CONFIG_PATH="$T/other/env.toml" "$SELFE" config >"$T/out" 2>"$T/err")
expect_out_line env-beats-walk 'Which = "env"'
expect_out_line env-path-relative "kernel = { path = \"$T/other/seL4\" }"

(cd proj/src/deep && SEL4_CONFIG_PATH="$T/other/env.toml" "$SELFE" config --config ../../../other/flag.toml >"$T/out" 2>"$T/err")
expect_out_line flag-beats-env 'Which = "flag"'

(cd other && "$SELFE" config >"$T/out" 2>"$T/err")
expect_out_line default-elsewhere "# resolved from <default sel4.toml>"

run config --config missing.toml
expect_rc missing-file-exit 2
expect_err_line missing-file-message "missing.toml: error: cannot open file: No such file or directory"
expect_out_empty missing-file-no-output

SEL4_CONFIG_PATH="$T/nowhere.toml" run config
expect_rc env-missing-exit 2
expect_err_line env-missing-message "$T/nowhere.toml: error: cannot open file: No such file or directory"
expect_err_line env-missing-note "selfe: note: SEL4_CONFIG_PATH names '$T/nowhere.toml'; unset it to use the nearest sel4.toml"
