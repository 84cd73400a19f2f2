/* SPDX-License-Identifier: BSD-2-Clause */
/* The selfe-arc packer: names checked first, then header, directory and page-aligned data. */
#include "arc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "selfe/arc.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/xalloc.h"

void arc_input_parse(const char *arg, struct arc_input *in, char **owned)
{
	*owned = NULL;
	const char *eq = strchr(arg, '=');
	if (eq) {
		*owned = xstrndup(arg, (size_t)(eq - arg));
		in->name = *owned;
		in->path = eq + 1;
		return;
	}
	const char *slash = strrchr(arg, '/');
	in->name = slash ? slash + 1 : arg;
	in->path = arg;
}

static int check_names(const struct arc_input *in, size_t n)
{
	int status = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(in[i].name);
		if (len == 0) {
			status = diag_error(NULL, "empty name for file '%s'", in[i].path);
			diag_note(NULL, "name it explicitly with NAME=PATH");
		} else if (len > SELFE_ARC_NAME_MAX) {
			status = diag_error(NULL, "name '%.40s...' of file '%s' is %zu bytes long, more than %d",
					    in[i].name, in[i].path, len, SELFE_ARC_NAME_MAX);
			diag_note(NULL, "choose a shorter name with NAME=PATH");
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(in[i].name, in[j].name) == 0) {
				status = diag_error(NULL, "duplicate name '%s': files '%s' and '%s'", in[i].name,
						    in[j].path, in[i].path);
				diag_note(NULL, "give one of them another name with NAME=PATH");
				break;
			}
		}
	}
	return status;
}

static void add_le(struct sb *out, uint64_t v, int bytes)
{
	for (int k = 0; k < bytes; k++)
		sb_addch(out, (char)(v >> (8 * k)));
}

static void add_zeros(struct sb *out, uint64_t n)
{
	static const char zeros[SELFE_ARC_ALIGN];
	while (n) {
		size_t chunk = n < sizeof(zeros) ? (size_t)n : sizeof(zeros);
		sb_add(out, zeros, chunk);
		n -= chunk;
	}
}

static uint64_t align_up(uint64_t v)
{
	return (v + SELFE_ARC_ALIGN - 1) / SELFE_ARC_ALIGN * SELFE_ARC_ALIGN;
}

int arc_build(struct sb *out, const struct arc_input *in, size_t n)
{
	if (check_names(in, n))
		return -1;
	/* Data start is a u32: the directory must end below 4 GiB. */
	if (n > (UINT32_MAX - SELFE_ARC_ALIGN - SELFE_ARC_HEADER_SIZE) / SELFE_ARC_ENTRY_SIZE)
		return diag_error(NULL, "too many files for one archive: %zu", n);

	char **data = xcalloc(n ? n : 1, sizeof(*data));
	size_t *len = xcalloc(n ? n : 1, sizeof(*len));
	int status = 0;
	for (size_t i = 0; i < n; i++)
		if (!(data[i] = fs_read_file(in[i].path, &len[i])))
			status = -1;

	if (status == 0) {
		uint64_t data_start = align_up(SELFE_ARC_HEADER_SIZE + (uint64_t)n * SELFE_ARC_ENTRY_SIZE);
		size_t archive_start = out->len;
		sb_add(out, SELFE_ARC_MAGIC, 8);
		add_le(out, SELFE_ARC_VERSION, 1);
		add_le(out, data_start, 4);
		add_le(out, n, 4);
		/* Every file starts page-aligned so a root task can map it; the last one is not
		 * padded.  (The original packer added a whole page after an already aligned file;
		 * readers only follow offsets, so archives stay interchangeable.) */
		uint64_t offset = 0;
		for (size_t i = 0; i < n; i++) {
			size_t name_len = strlen(in[i].name);
			add_le(out, name_len, 1);
			sb_add(out, in[i].name, name_len);
			add_zeros(out, SELFE_ARC_NAME_MAX - name_len);
			add_le(out, offset, 8);
			add_le(out, len[i], 8);
			offset = align_up(offset + len[i]);
		}
		add_zeros(out, data_start - (out->len - archive_start));
		for (size_t i = 0; i < n; i++) {
			sb_add(out, data[i], len[i]);
			if (i + 1 < n)
				add_zeros(out, align_up(len[i]) - len[i]);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(data[i]);
	free(data);
	free(len);
	return status;
}

int arc_pack(const char *out_path, const struct arc_input *in, size_t n)
{
	struct sb archive = SB_INIT;
	int status = arc_build(&archive, in, n);
	if (status == 0)
		status = fs_write_atomic(out_path, archive.buf ? archive.buf : "", archive.len);
	sb_release(&archive);
	return status;
}
