#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Proof 4: the kernel's own Python generators against selfe, for every configuration in lib.sh.
# For each, the seven generated headers are made a second time by the tree's tools
# (invocation_header_gen.py x3, syscall_header_gen.py, syscall_stub_gen.py, bitfield_gen.py x2,
# with the command lines the kernel's CMake files use, our configuration headers and the .bf
# files preprocessed with -P as the kernel's build does) into a copy of selfe's include tree;
# then both trees are compiled with the configuration's cross compiler and compared:
#   prototypes-*  every function the generated headers define, as the compiler sees it
#                 after preprocessing (-aux-info), the same on both sides;
#   constants-*   every enumerator (values from the debug info) and every macro that a
#                 generated header defines, the same names with the same values;
#   code-*        every such function compiled at -O2, one section per function
#                 (-ffunction-sections -fkeep-inline-functions), disassembled with its
#                 relocations: identical instructions, function by function.
# The last line per configuration: "identical: N/M (P %)" functions.  For pc99 debug a copy of
# our tree with one getter changed shows that the comparison finds exactly that function.
# Configurations run two at a time (SELFE_PROOF_JOBS); SELFE_PROOF_KEEP=1 keeps the work.
# The kernel's side always reads the tree's own definitions; ours come from where lib.sh says
# (SELFE_PROOF_SOURCE=snapshot compares the embedded snapshot with the tree).
# Skipped with a `skip:` line without a tree (SEL4_SOURCE) or the generators' Python modules.
#
# usage: differential.sh SELFE
set -u
SELFE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
PY=${SELFE_KERNEL_PYTHON:-/usr/bin/python3}
T=$(mktemp -d)
[ -n "${SELFE_PROOF_KEEP:-}" ] && echo "keeping $T" || trap 'rm -rf "$T"' EXIT

if [ -z "${SEL4_SOURCE:-}" ] || [ ! -f "$SEL4_SOURCE/VERSION" ]; then
	echo "skip: differential: set SEL4_SOURCE to a seL4 tree to compare with the kernel's own generators"
	finish
	exit
fi
if ! "$PY" -c 'import jinja2, ply, lxml, yaml' 2>/dev/null; then
	echo "skip: differential: $PY lacks the kernel generators' modules (Debian: python3-jinja2 python3-ply python3-lxml python3-yaml)"
	finish
	exit
fi
# seL4's tools run from a copy whose symbolic links are links (tests/tree-links.sh).
. "$here/../tree-links.sh"
S=$T/sel4-tree
tree_with_links "$SEL4_SOURCE" "$S" || { echo "cannot copy $SEL4_SOURCE" >&2; exit 2; }
GENERATED="interfaces/sel4_client.h sel4/shared_types_gen.h sel4/sel4_arch/types_gen.h sel4/invocation.h sel4/sel4_arch/invocation.h sel4/arch/invocation.h sel4/syscall.h"

config_set() { # HEADER MACRO: is MACRO defined to something true in the config header
	grep -qE "^#define $2 +1\b" "$1"
}

# kernel_generators OURS THEIRS WORK: THEIRS is OURS with the generated headers the kernel's way.
kernel_generators() {
	local ours=$1 theirs=$2 w=$3 m=$S/libsel4 i
	i=$theirs/include
	rm -rf "$theirs" && cp -r "$ours" "$theirs" || return 1
	local mcs=() buffer=() vtx=()
	config_set "$i/kernel/gen_config.h" CONFIG_KERNEL_MCS && mcs=(--mcs)
	config_set "$i/sel4/gen_config.h" CONFIG_LIB_SEL4_STUBS_USE_IPC_BUFFER_ONLY && buffer=(--buffer)
	config_set "$i/kernel/gen_config.h" CONFIG_X86_64_VTX_64BIT_GUESTS && vtx=(--x86-vtx-64-bit-guests)
	local xml_sa=$m/sel4_arch_include/$sel4_arch/interfaces/object-api-sel4-arch.xml
	local xml_a=$m/arch_include/$arch/interfaces/object-api-arch.xml
	local xml_g=$m/include/interfaces/object-api.xml
	"$PY" "$S/tools/invocation_header_gen.py" --xml "$xml_g" --libsel4 --dest "$i/sel4/invocation.h" &&
		"$PY" "$S/tools/invocation_header_gen.py" --xml "$xml_sa" --libsel4 --sel4_arch --dest "$i/sel4/sel4_arch/invocation.h" &&
		"$PY" "$S/tools/invocation_header_gen.py" --xml "$xml_a" --libsel4 --arch --dest "$i/sel4/arch/invocation.h" &&
		"$PY" "$S/tools/syscall_header_gen.py" --xml "$m/include/api/syscall.xml" --libsel4_header "$i/sel4/syscall.h" "${mcs[@]}" &&
		"$PY" "$m/tools/syscall_stub_gen.py" "${buffer[@]}" "${vtx[@]}" "${mcs[@]}" -a "$sel4_arch" \
			-o "$i/interfaces/sel4_client.h" "$xml_sa" "$xml_a" "$xml_g" || return 1
	mkdir -p "$w/pbf" && preprocess_bf "$ours" "$w/pbf" "$m" || return 1
	"$PY" "$S/tools/bitfield_gen.py" --environment libsel4 --from_file "$m/mode_include/$word_bits/sel4/shared_types.bf" \
		"$w/pbf/shared_types.i" "$i/sel4/shared_types_gen.h" &&
		"$PY" "$S/tools/bitfield_gen.py" --environment libsel4 \
			--from_file "$m/sel4_arch_include/$sel4_arch/sel4/sel4_arch/types.bf" \
			"$w/pbf/types.i" "$i/sel4/sel4_arch/types_gen.h"
}

# facts TREE DEST: DEST/protos (name<TAB>prototype), DEST/code (name<TAB>instructions),
# DEST/constants (kind name<TAB>value) for the functions and names the generated headers define.
facts() {
	local tree=$1 d=$2 h
	mkdir -p "$d"
	# Assertions name their file and line, which differ with comments and banners: the code is
	# compared with both fixed (the asserted expression and the function still count).
	cat >"$d/all.c" <<-'C'
		#include <sel4/assert.h>
		#undef seL4_Assert
		#define seL4_Assert(expr) do { if (!(expr)) { __assert_fail(#expr, "", 0, __func__); } } while (0)
		#include <sel4/sel4.h>
	C
	local cc=("${cross}gcc" -std=gnu11 -O2 -ffreestanding -fno-pic -fno-stack-protector -I"$tree/include")
	# one compile: prototypes (-aux-info), debug info for the enumerators, a section per function
	"${cc[@]}" -aux-info "$d/aux" -g -fno-eliminate-unused-debug-types -fkeep-inline-functions -ffunction-sections \
		-c "$d/all.c" -o "$d/all.o" || return 1
	local pattern
	pattern=$(printf '%s\n' $GENERATED | sed 's/[.]/[.]/g; s|^|/include/|; s/$/:/' | paste -sd'|')
	# /* FILE:LINE:NF */ PROTOTYPE; /* old-style parameter list */
	grep -E "^/\\* [^ ]*($pattern)[0-9]+:NF \\*/" "$d/aux" | sed -E 's|^/\* [^ ]* \*/ ||; s| /\*.*\*/$||' |
		awk '{ n = $0; sub(/ \(.*/, "", n); sub(/.* \**/, "", n); print n "\t" $0 }' | sort >"$d/protos"
	"${cross}objdump" -d -r --no-show-raw-insn "$d/all.o" |
		awk -v names="$d/protos" '
			BEGIN { while ((getline l < names) > 0) { split(l, part, "\t"); want[part[1]] = 1 } }
			/^[0-9a-f]+ <.*>:$/ { fn = $2; gsub(/[<>:]/, "", fn); base = fn; sub(/\..*/, "", base); keep = (base in want); next }
			/^Disassembly of section/ { keep = 0; next }
			keep && NF {
				sub(/^ *[0-9a-f]+:[ \t]*/, ""); gsub(/[ \t]+/, " ")
				# where a string sits in .rodata depends on the other strings of the file
				gsub(/[.]rodata[.A-Za-z0-9_]*[+-]0x[0-9a-f]+/, ".rodata+N")
				body[fn] = body[fn] $0 " ; "
			}
			END { for (name in body) print name "\t" body[name] }' | sort >"$d/code"
	# names a generated header defines: its macros and its enumerators
	for h in $GENERATED; do
		grep -ohE '^[[:space:]]*#[[:space:]]*define[[:space:]]+[A-Za-z_][A-Za-z0-9_]*' "$tree/include/$h" | awk '{print $NF}'
		"${cc[@]}" -E -P -x c "$tree/include/$h" 2>/dev/null | grep -oE '^[[:space:]]*[A-Za-z_][A-Za-z0-9_]*[[:space:]]*(=[^,]*)?,?[[:space:]]*$' |
			sed -E 's/^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*).*/\1/'
	done | sort -u >"$d/names"
	{
		"${cc[@]}" -E -dM "$d/all.c" | awk '$1 == "#define" { n = $2; sub(/\(.*/, "", n); v = $0; sub(/^#define [^ ]* ?/, "", v); print "macro " n "\t" v }'
		"${cross}readelf" --debug-dump=info "$d/all.o" | awk '
			/DW_TAG_enumerator/ { e = 1; name = ""; next }
			/DW_TAG/ { e = 0 }
			e && /DW_AT_name/ { name = $NF }
			e && /DW_AT_const_value/ { print "enum " name "\t" $NF; e = 0 }'
	} | awk -v names="$d/names" 'BEGIN { while ((getline l < names) > 0) want[l] = 1 }
		{ split($0, part, "\t"); n = part[1]; sub(/^[a-z]+ /, "", n); if (n in want) print }' | sort -u >"$d/constants"
}

# compare_sets NAME OURS THEIRS: name<TAB>value lines, compared name by name.
compare_sets() {
	local what=$1 a=$2 b=$3 total same
	total=$(cat "$a" "$b" | cut -f1 | sort -u | wc -l)
	same=$(comm -12 "$a" "$b" | wc -l)
	echo "$c $what: $same/$total identical"
	if [ "$same" -eq "$total" ] && [ "$total" -gt 0 ]; then
		ok "$what-$c ($total)"
	else
		bad "$what-$c: $same of $total identical"
		diff "$a" "$b" | head -n 12 | cut -c1-220 | sed 's/^/    /'
	fi
}

# differing A B: the names whose lines differ between two sorted name<TAB>... files.
differing() {
	comm -3 "$1" "$2" | sed 's/^\t//' | cut -f1 | sort -u
}

# compare_code NAME OURS THEIRS: the per-function code files; prints "identical: N/M (P %)".
compare_code() {
	local what=$1 a=$2 b=$3 total same pct
	total=$(cat "$a" "$b" | cut -f1 | sort -u | wc -l)
	same=$(comm -12 "$a" "$b" | wc -l)
	pct=$(awk -v s="$same" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * s / t : 0 }')
	echo "$what identical: $same/$total ($pct %)"
	echo "$same $total" >"$T/$what.code"
	if [ "$same" -eq "$total" ] && [ "$total" -gt 0 ]; then
		ok "code-$what ($total functions)"
	else
		bad "code-$what: $same of $total functions compile to the same code"
		differing "$a" "$b" | head -n 8 | sed 's/^/    differs: /'
	fi
}

one_config() { # PLATFORM PROFILE
	local platform=$1 profile=$2 c=$1-$2
	local w=$T/$c.work
	local ours=$w/ours
	platform_facts "$platform"
	needs "${cross}gcc" "${cross}objdump" "${cross}readelf" || return 0
	mkdir -p "$w"
	gen_libsel4 "$platform" "$profile" "$ours" || return 0
	if ! kernel_generators "$ours" "$w/theirs" "$w" >"$w/gen.log" 2>&1; then
		bad "kernel-generators-$c"
		tail -n 10 "$w/gen.log" | sed 's/^/    /'
		return 0
	fi
	if ! facts "$ours" "$w/f-ours" || ! facts "$w/theirs" "$w/f-theirs"; then
		bad "compile-$c"
		return 0
	fi
	compare_sets prototypes "$w/f-ours/protos" "$w/f-theirs/protos"
	compare_sets constants "$w/f-ours/constants" "$w/f-theirs/constants"
	compare_code "$c" "$w/f-ours/code" "$w/f-theirs/code"
	if [ "$c" = pc99-debug ]; then
		# control: one getter with a narrower mask must show up as exactly that function
		cp -r "$ours" "$w/mutant"
		sed -i '0,/& 0x7full) >> 0;/s//\& 0x3full) >> 0;/' "$w/mutant/include/sel4/shared_types_gen.h"
		if facts "$w/mutant" "$w/f-mutant"; then
			expect control-code-catches-one-changed-getter \
				test "$(differing "$w/f-mutant/code" "$w/f-theirs/code" | paste -sd' ')" = \
				"seL4_MessageInfo_get_length"
		else
			bad "control-code-catches-one-changed-getter: the mutant does not compile"
		fi
	fi
	[ -n "${SELFE_PROOF_KEEP:-}" ] || rm -rf "$w"
}

if source_ready; then
	for_each_config one_config
	cat "$T"/*.code 2>/dev/null | awk '{ s += $1; t += $2 }
		END { if (t) printf "all configurations identical: %d/%d (%.1f %%)\n", s, t, 100 * s / t }'
fi
finish
