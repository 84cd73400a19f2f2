/* SPDX-License-Identifier: BSD-2-Clause */
/* File input/output with errors reported through diag. */
#include "fs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "sb.h"
#include "xalloc.h"

char *fs_read_file(const char *path, size_t *len)
{
	struct loc at = { path, 0, 0 };
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(&at, "cannot open file: %s", strerror(errno));
		return NULL;
	}
	struct sb sb = SB_INIT;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(&sb, buf, n);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed) {
		sb_release(&sb);
		diag_error(&at, "cannot read file: %s", strerror(saved));
		return NULL;
	}
	*len = sb.len;
	return sb_detach(&sb);
}

int fs_write_atomic(const char *path, const void *data, size_t len)
{
	struct loc at = { path, 0, 0 };
	struct sb tmp = SB_INIT;
	sb_addf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(sb_str(&tmp), "wb");
	if (!f) {
		int e = errno;
		sb_release(&tmp);
		return diag_error(&at, "cannot create file: %s", strerror(e));
	}
	size_t written = fwrite(data, 1, len, f);
	int failed = written != len || fflush(f) != 0 || ferror(f);
	int e = errno;
	if (fclose(f) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	if (failed || rename(sb_str(&tmp), path) != 0) {
		if (!failed)
			e = errno;
		unlink(sb_str(&tmp));
		sb_release(&tmp);
		return diag_error(&at, "cannot write file: %s", strerror(e));
	}
	sb_release(&tmp);
	return 0;
}
