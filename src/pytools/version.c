/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Which trees the native tools stand in for.  They write what seL4 16.0.0's scripts write; the
 * scripts' output changed between releases (templates, stub loops), so a script from a tree whose
 * VERSION (in the script's folder or one or two above: tools/, libsel4/tools/) says otherwise is
 * left to the real interpreter.  A script path with no VERSION near it counts as 16.0.0.
 */
#include <stdlib.h>
#include <string.h>

#include "pytools/pytools_native.h"
#include "util/fs.h"
#include "util/path.h"

bool pytools_native_for(const char *script)
{
	const char *slash = strrchr(script, '/');
	struct sb dir = SB_INIT;
	if (slash)
		sb_add(&dir, script, (size_t)(slash - script));
	else
		sb_adds(&dir, ".");
	bool native = true;
	for (int up = 0; up < 3; up++) {
		struct sb v = SB_INIT;
		sb_addf(&v, "%s/VERSION", sb_str(&dir));
		if (path_is_file(sb_str(&v))) {
			size_t len;
			char *text = fs_read_file(sb_str(&v), &len);
			while (text && len && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' '))
				text[--len] = '\0';
			native = text && !strcmp(text, "16.0.0");
			free(text);
			sb_release(&v);
			break;
		}
		sb_release(&v);
		sb_adds(&dir, "/..");
	}
	sb_release(&dir);
	return native;
}
