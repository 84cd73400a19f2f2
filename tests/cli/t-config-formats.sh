# SPDX-License-Identifier: BSD-2-Clause
# Every output format is checked by the tool that consumes it: cmake, the C compiler, a JSON parser.
. "$(dirname "$0")/lib.sh"

cat >sel4.toml <<'TOML'
[sel4]
kernel = { path = "k" }
[sel4.config]
KernelPrinting = true
KernelVerificationBuild = false
KernelMaxNumNodes = 4
KernelBig = 5000000000
KernelPlatform = "pc99"
KernelOdd = "quote \" back \\ dollar $HOME semi a;b"
[build.pc99]
cross_compiler_prefix = "x86_64-linux-gnu-"
[build.pc99.debug]
make_root_task = "make"
root_task_image = "out/root"
[metadata]
Name = "demo"
TOML

# cmake: load the initial cache in script mode and print what it set.
run config --format cmake
expect_rc cmake-exit 0
cp "$T/out" init.cmake
cat >show.cmake <<'CMAKE'
include(${CMAKE_ARGV3})
foreach(v KernelPrinting KernelVerificationBuild KernelMaxNumNodes KernelBig KernelPlatform KernelOdd)
  message("${v}=${${v}}")
endforeach()
CMAKE
cmake -P show.cmake init.cmake >cmake.out 2>&1
for line in 'KernelPrinting=ON' 'KernelVerificationBuild=OFF' 'KernelMaxNumNodes=4' 'KernelBig=5000000000' \
	'KernelPlatform=pc99' 'KernelOdd=quote " back \ dollar $HOME semi a;b'; do
	expect_true "cmake-sees-${line%%=*}" grep -qxF -- "$line" cmake.out
done

# header: the values must be what a C compiler sees.
run config --format header
expect_rc header-exit 0
cp "$T/out" cfg.h
cat >h.c <<'C'
#include <string.h>
#include "cfg.h"
_Static_assert(KernelPrinting == 1, "bool true");
_Static_assert(KernelVerificationBuild == 0, "bool false");
_Static_assert(KernelMaxNumNodes == 4, "int");
_Static_assert(KernelBig == 5000000000LL, "big int");
int main(void) { return strcmp(KernelPlatform, "pc99") || strcmp(KernelOdd, "quote \" back \\ dollar $HOME semi a;b"); }
C
expect_true header-compiles-and-matches sh -c 'cc -std=c11 -Wall -Werror h.c -o h && ./h'

# flags: one shell line of -D options with the same values.
run config --format flags
expect_rc flags-exit 0
cat >f.c <<'C'
#include <string.h>
_Static_assert(KernelPrinting == 1 && KernelMaxNumNodes == 4 && KernelBig == 5000000000LL, "flags");
int main(void) { return strcmp(KernelPlatform, "pc99") || strcmp(KernelOdd, "quote \" back \\ dollar $HOME semi a;b"); }
C
expect_true flags-one-line test "$(wc -l <"$T/out")" -eq 1
expect_true flags-compile-and-match sh -c "cc -std=c11 -Wall -Werror $(cat "$T/out") f.c -o f && ./f"

# json: parses, and carries sources, build settings and metadata.
run config --format json
expect_rc json-exit 0
cat >check.py <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["selection"] == {"platform": "pc99", "sel4_arch": "x86_64", "arch": "x86", "profile": "debug"}, d["selection"]
assert d["config"]["KernelPrinting"] is True and d["config"]["KernelMaxNumNodes"] == 4
assert d["config"]["KernelOdd"] == 'quote " back \\ dollar $HOME semi a;b'
assert d["sources"]["kernel"]["path"].endswith("/k")
assert d["build"]["cross_compiler_prefix"] == "x86_64-linux-gnu-"
assert d["build"]["make_root_task"] == "make" and d["build"]["root_task_image"].endswith("/out/root")
assert d["metadata"] == {"Name": "demo"}
PY
expect_true json-parses-with-content /usr/bin/python3 check.py "$T/out"

run config --format yaml
expect_rc bad-format-exit 2
expect_err_line bad-format-message "selfe: error: unknown format 'yaml' (expected toml, json, cmake, header or flags)"
