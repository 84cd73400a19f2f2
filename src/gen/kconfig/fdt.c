/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A reader for flattened device tree blobs (the format `dtc -O dtb` writes), just enough to look
 * up one property of one node by its full path.  The blob layout is the public devicetree
 * specification's: a big-endian header giving the offsets of the structure block (a token
 * stream: begin-node + name, property + length + name offset + data, end-node, nop, end) and the
 * strings block (property names).
 */
#include <stdint.h>
#include <string.h>

#include "kcfg_internal.h"

enum {
	FDT_MAGIC = 0xd00dfeedu,
	FDT_BEGIN_NODE = 1,
	FDT_END_NODE = 2,
	FDT_PROP = 3,
	FDT_NOP = 4,
	FDT_END = 9,
	FDT_HEADER_SIZE = 40,
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

int kcfg_fdt_open(struct kcfg_fdt *f, const void *blob, size_t len)
{
	const unsigned char *b = blob;
	if (len < FDT_HEADER_SIZE || be32(b) != FDT_MAGIC)
		return -1;
	uint32_t total = be32(b + 4), off_struct = be32(b + 8), off_strings = be32(b + 12);
	uint32_t size_strings = be32(b + 32), size_struct = be32(b + 36);
	if (total > len || off_struct > total || size_struct > total - off_struct || off_strings > total ||
	    size_strings > total - off_strings)
		return -1;
	*f = (struct kcfg_fdt){ b, off_struct, size_struct, off_strings, size_strings };
	return 0;
}

/* Does the next component of `path` (after *pos, which sits on a '/') equal `name`? */
static bool next_component_is(const char *path, size_t pos, const char *name, size_t *after)
{
	const char *c = path + pos + 1;
	size_t n = strcspn(c, "/");
	if (n != strlen(name) || memcmp(c, name, n) != 0)
		return false;
	*after = pos + 1 + n;
	return true;
}

const void *kcfg_fdt_prop(const struct kcfg_fdt *f, const char *path, const char *prop, size_t *len)
{
	if (path[0] != '/')
		return NULL;
	/* Walk the token stream tracking the depth, and how many leading levels match `path`:
	 * matched == depth means every node entered so far is on the path. */
	size_t path_len = strlen(path);
	if (path[path_len - 1] == '/')
		path_len--; /* "/" becomes the empty remainder: the root itself */
	size_t depth = 0, matched = 0, pos = 0; /* pos: offset in path where the matched prefix ends */
	size_t stack[64];
	const unsigned char *s = f->blob + f->off_struct, *end = s + f->size_struct;
	while (s + 4 <= end) {
		uint32_t tok = be32(s);
		s += 4;
		if (tok == FDT_BEGIN_NODE) {
			const unsigned char *nul = memchr(s, '\0', (size_t)(end - s));
			if (!nul)
				return NULL;
			const char *name = (const char *)s;
			s += ((size_t)(nul - s) + 1 + 3) & ~(size_t)3;
			if (depth >= sizeof stack / sizeof *stack)
				return NULL;
			stack[depth] = pos;
			if (depth == 0) {
				/* The root node: its name is empty, the path's leading '/'. */
				matched = name[0] == '\0' ? 1 : 0;
				pos = 0;
			} else if (matched == depth && pos < path_len) {
				size_t after;
				if (next_component_is(path, pos, name, &after)) {
					matched++;
					pos = after;
				}
			}
			depth++;
		} else if (tok == FDT_END_NODE) {
			if (depth == 0)
				return NULL;
			depth--;
			if (matched > depth)
				matched = depth;
			pos = stack[depth];
		} else if (tok == FDT_PROP) {
			if (s + 8 > end)
				return NULL;
			uint32_t plen = be32(s), nameoff = be32(s + 4);
			s += 8;
			if (plen > (size_t)(end - s) || nameoff >= f->size_strings)
				return NULL;
			const char *pname = (const char *)f->blob + f->off_strings + nameoff;
			if (matched == depth && pos >= path_len &&
			    memchr(pname, '\0', f->size_strings - nameoff) && strcmp(pname, prop) == 0) {
				*len = plen;
				return s;
			}
			s += (plen + 3) & ~(size_t)3;
		} else if (tok == FDT_END) {
			break;
		} else if (tok != FDT_NOP) {
			return NULL;
		}
	}
	return NULL;
}

int kcfg_fdt_strings(const struct kcfg_fdt *f, const char *path, const char *prop, struct kcfg_args *out)
{
	size_t len;
	const char *v = kcfg_fdt_prop(f, path, prop, &len);
	if (!v)
		return -1;
	/* A string list property: NUL-terminated strings back to back. */
	for (size_t i = 0; i < len;) {
		const char *nul = memchr(v + i, '\0', len - i);
		if (!nul)
			return -1;
		struct sb one = SB_INIT;
		sb_add(&one, v + i, (size_t)(nul - (v + i)));
		kcfg_args_push(out, sb_detach(&one), false);
		i = (size_t)(nul - v) + 1;
	}
	return 0;
}
