# SPDX-License-Identifier: BSD-2-Clause
# selfe arc: pack and list, names from paths or NAME=PATH, precise rejections, corrupt archives.
. "$(dirname "$0")/lib.sh"

mkdir -p in/sub
printf 'hello from selfe-arc\n' >in/data_file.txt
head -c 4096 /dev/zero | tr '\0' 'p' >in/sub/page.bin
: >in/empty

run arc pack out.arc in/data_file.txt in/sub/page.bin boot.cfg=in/empty
expect_rc pack-exit 0
expect_out_empty pack-quiet
run arc list out.arc
expect_rc list-exit 0
expect_out_line list-basename "21	data_file.txt"
expect_out_line list-nested-basename "4096	page.bin"
expect_out_line list-chosen-name "0	boot.cfg"
if [ "$(sed -n 1p "$T/out")" = "21	data_file.txt" ] && [ "$(sed -n 3p "$T/out")" = "0	boot.cfg" ]; then
	ok list-keeps-order
else
	fail list-keeps-order "files not listed in packing order"
fi

# The bytes: header fields, and each file's data at data start + its offset, page-aligned.
expect_true header-magic-version sh -c '[ "$(head -c 9 out.arc | od -An -c | tr -d " \n")" = "selfearc001" ]'
expect_true header-data-start-4096 sh -c '[ "$(od -An -tu4 -j9 -N4 out.arc | tr -d " ")" = 4096 ]'
expect_true header-count-3 sh -c '[ "$(od -An -tu4 -j13 -N4 out.arc | tr -d " ")" = 3 ]'
expect_true first-file-at-data-start sh -c 'tail -c +4097 out.arc | head -c 21 | cmp -s - in/data_file.txt'
expect_true second-file-on-next-page sh -c 'tail -c +8193 out.arc | head -c 4096 | cmp -s - in/sub/page.bin'
expect_true archive-ends-after-last-file sh -c '[ "$(wc -c <out.arc)" = 12288 ]'

# Rejections: exit 2, a precise message, and no archive written.
run arc pack bad.arc in/data_file.txt other/data_file.txt
expect_rc duplicate-exit 2
expect_err_line duplicate-message "selfe: error: duplicate name 'data_file.txt': files 'in/data_file.txt' and 'other/data_file.txt'"
expect_err_line duplicate-note "selfe: note: give one of them another name with NAME=PATH"
expect_true duplicate-writes-nothing test ! -e bad.arc

run arc pack bad.arc =in/empty
expect_rc empty-name-exit 2
expect_err_line empty-name-message "selfe: error: empty name for file 'in/empty'"
run arc pack bad.arc in/sub/
expect_rc empty-basename-exit 2
expect_err_line empty-basename-message "selfe: error: empty name for file 'in/sub/'"

long=$(printf 'n%.0s' $(seq 256))
run arc pack bad.arc "$long=in/empty"
expect_rc long-name-exit 2
expect_err_line long-name-message "selfe: error: name 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...' of file 'in/empty' is 256 bytes long, more than 255"
run arc pack ok255.arc "${long:1}=in/empty"
expect_rc name-255-accepted 0

run arc pack bad.arc in/missing.txt
expect_rc missing-file-exit 2
expect_err_line missing-file-message "in/missing.txt: error: cannot open file: No such file or directory"
expect_true missing-file-writes-nothing test ! -e bad.arc

cp out.arc keep.arc
run arc pack out.arc in/missing.txt
expect_true failed-pack-keeps-old-archive cmp -s out.arc keep.arc

# Usage.
run arc
expect_rc no-subcommand-exit 2
expect_err_line no-subcommand-message "selfe: error: 'selfe arc' needs a subcommand: pack or list"
run arc unpack x
expect_rc unknown-subcommand-exit 2
expect_err_line unknown-subcommand-message "selfe: error: unknown 'selfe arc' subcommand 'unpack' (pack or list)"
run arc pack out.arc
expect_rc pack-needs-files-exit 2
expect_err_line pack-needs-files-message "selfe: error: 'selfe arc pack' needs at least one FILE to pack"
run arc pack --force out.arc in/empty
expect_rc unknown-option-exit 2
expect_err_line unknown-option-message "selfe: error: unknown option '--force'"
run arc list a b
expect_rc list-extra-exit 2
expect_err_line list-extra-message "selfe: error: unexpected argument 'b'"
run arc --help
expect_rc help-exit 0
expect_out_line help-usage "usage: selfe arc pack OUT FILE..."

# Corrupt archives are refused with the reader's reason, never read out of bounds (ASan build).
printf 'selfearc' >short.arc
run arc list short.arc
expect_rc truncated-exit 2
expect_err_line truncated-message "short.arc: error: not a valid selfe-arc archive: archive shorter than its header"
cp out.arc badmagic.arc
printf 'X' | dd of=badmagic.arc bs=1 seek=0 conv=notrunc status=none
run arc list badmagic.arc
expect_err_line bad-magic-message "badmagic.arc: error: not a valid selfe-arc archive: not a selfe-arc archive (bad magic)"
cp out.arc badlen.arc
# the second entry's length (at 17 + 272 + 264) set to 0xff..ff
printf '\377\377\377\377\377\377\377\377' | dd of=badlen.arc bs=1 seek=$((17 + 272 + 264)) conv=notrunc status=none
run arc list badlen.arc
expect_rc bad-length-exit 2
expect_err_line bad-length-message "badlen.arc: error: not a valid selfe-arc archive: file data outside the archive"
head -c 12000 out.arc >cut.arc
run arc list cut.arc
expect_err_line cut-message "cut.arc: error: not a valid selfe-arc archive: file data outside the archive"
