# SPDX-License-Identifier: BSD-2-Clause
# tree_with_links SRC DST: copies the seL4 tree SRC to DST with its symbolic links as links again.
# A tree unpacked without symlink support (some archives, some checkouts) holds each link as a
# small file whose text is the target's relative path; seL4's Python tools import through such
# links (libsel4/tools/condition.py), so the suites that run them as a reference use a copy.
tree_with_links() {
	mkdir -p "$2" && cp -r "$1/." "$2/" && chmod -R u+w "$2" || return 1
	find "$2" -type f -size -200c | while read -r f; do
		t=$(cat "$f")
		case $t in *[!A-Za-z0-9_./-]* | "") continue ;; esac
		[ -e "$(dirname "$f")/$t" ] && rm "$f" && ln -s "$t" "$f"
	done
	return 0
}
