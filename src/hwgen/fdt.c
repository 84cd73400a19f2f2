/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The blob layout is the devicetree specification's: a big-endian header (magic 0xd00dfeed,
 * total size, offsets of the structure and strings blocks, version, sizes), then a structure
 * block of 4-byte-aligned tokens (BEGIN_NODE + NUL-terminated name, PROP + length + name
 * offset + value, END_NODE, NOP, END) and a strings block of property names.
 */
#include <string.h>

#include "hwgen/fdt.h"
#include "util/diag.h"

enum {
	MAGIC = 0xd00dfeedu,
	TOK_BEGIN = 1,
	TOK_END_NODE = 2,
	TOK_PROP = 3,
	TOK_NOP = 4,
	TOK_END = 9,
	HEADER = 40,
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int bad(const struct fdt *t, size_t off, const char *what)
{
	struct loc at = { t->file, 0, 0 };
	diag_error(&at, "offset 0x%zx: %s", off, what);
	diag_note(&at, "the device tree blob is damaged; rebuild it with dtc");
	return -1;
}

static void add_child(struct fdt *t, struct fdt_node *parent, struct fdt_node *n)
{
	if (parent) {
		parent->children = arena_grow(t->a, parent->children, &parent->cap_children, parent->nchildren + 1,
					      sizeof(*parent->children));
		parent->children[parent->nchildren++] = n;
	}
	t->nodes = arena_grow(t->a, t->nodes, &t->cap_nodes, t->nnodes + 1, sizeof(*t->nodes));
	t->nodes[t->nnodes++] = n;
}

int fdt_read(struct fdt *t, struct arena *a, const char *file, const unsigned char *b, size_t len)
{
	memset(t, 0, sizeof(*t));
	t->a = a;
	t->file = file;
	if (len < HEADER)
		return bad(t, len, "truncated blob: shorter than the 40-byte header");
	if (be32(b) != MAGIC)
		return bad(t, 0, "bad magic: not a device tree blob (expected 0xd00dfeed)");
	uint32_t total = be32(b + 4), off_struct = be32(b + 8), off_strings = be32(b + 12);
	uint32_t version = be32(b + 20), size_strings = be32(b + 32), size_struct = be32(b + 36);
	if (total > len)
		return bad(t, len, "truncated blob: the header says it is longer than the file");
	if (version < 16)
		return bad(t, 20, "device tree blob version older than 16 is not supported");
	if (off_struct > total || size_struct > total - off_struct || off_strings > total ||
	    size_strings > total - off_strings)
		return bad(t, 8, "structure or strings block lies outside the blob");
	if (off_struct % 4)
		return bad(t, 8, "structure block is not 4-byte aligned");
	const unsigned char *s = b + off_struct;
	size_t pos = 0, end = size_struct;
	struct fdt_node *cur = NULL;
	bool done = false;
	while (!done) {
		if (pos + 4 > end)
			return bad(t, off_struct + pos, "truncated structure block: no END token");
		uint32_t tok = be32(s + pos);
		size_t at = off_struct + pos;
		pos += 4;
		switch (tok) {
		case TOK_BEGIN: {
			const unsigned char *nul = memchr(s + pos, '\0', end - pos);
			if (!nul)
				return bad(t, at, "node name runs past the structure block");
			if (!cur && t->root)
				return bad(t, at, "a second root node");
			size_t nlen = (size_t)(nul - (s + pos));
			struct fdt_node *n = arena_alloc(a, sizeof(*n));
			n->name = arena_strndup(a, (const char *)s + pos, nlen);
			n->parent = cur;
			n->offset = (uint32_t)at;
			if (!cur) {
				n->path = "/";
				t->root = n;
			} else {
				n->path = arena_printf(a, "%s/%s", cur == t->root ? "" : cur->path, n->name);
			}
			add_child(t, cur, n);
			cur = n;
			pos = (pos + nlen + 1 + 3) & ~(size_t)3;
			break;
		}
		case TOK_END_NODE:
			if (!cur)
				return bad(t, at, "END_NODE without a node");
			cur = cur->parent;
			break;
		case TOK_PROP: {
			if (!cur)
				return bad(t, at, "property outside any node");
			if (pos + 8 > end)
				return bad(t, at, "truncated property header");
			uint32_t plen = be32(s + pos), nameoff = be32(s + pos + 4);
			pos += 8;
			if (plen > end - pos)
				return bad(t, at, "property value runs past the structure block");
			if (nameoff >= size_strings)
				return bad(t, at, "property name offset outside the strings block");
			const unsigned char *nm = b + off_strings + nameoff;
			const unsigned char *nul = memchr(nm, '\0', size_strings - nameoff);
			if (!nul)
				return bad(t, at, "property name runs past the strings block");
			cur->props = arena_grow(a, cur->props, &cur->cap_props, cur->nprops + 1, sizeof(*cur->props));
			cur->props[cur->nprops++] = (struct fdt_prop){ arena_strndup(a, (const char *)nm, (size_t)(nul - nm)),
								       s + pos, plen };
			pos = (pos + plen + 3) & ~(size_t)3;
			break;
		}
		case TOK_NOP:
			break;
		case TOK_END:
			if (cur)
				return bad(t, at, "END token inside a node");
			done = true;
			break;
		default:
			return bad(t, at, "unknown structure token");
		}
		if (pos > end)
			return bad(t, off_struct + end, "truncated structure block");
	}
	if (!t->root)
		return bad(t, off_struct, "the blob has no root node");
	return 0;
}

const struct fdt_prop *fdt_prop(const struct fdt_node *n, const char *name)
{
	for (size_t i = n->nprops; i-- > 0;)
		if (!strcmp(n->props[i].name, name))
			return &n->props[i];
	return NULL;
}

/* Printable ASCII (space to '~', tab, vertical tab, form feed), never CR or LF. */
static bool printable(unsigned char c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\v' || c == '\f';
}

bool fdt_is_strings(const struct fdt_prop *p)
{
	if (!p || p->len == 0 || p->data[p->len - 1] != '\0')
		return false;
	size_t i = 0;
	while (i < p->len) {
		size_t start = i;
		while (i < p->len && p->data[i] != '\0' && printable(p->data[i]))
			i++;
		if (i >= p->len || p->data[i] != '\0' || i == start)
			return false;
		i++;
	}
	return true;
}

bool fdt_is_cells(const struct fdt_prop *p)
{
	return p && !fdt_is_strings(p) && p->len > 0 && p->len % 4 == 0;
}

uint32_t fdt_cell(const struct fdt_prop *p, size_t i)
{
	return be32(p->data + 4 * i);
}

long fdt_cells(const struct fdt *t, const struct fdt_node *n, const char *name, const struct fdt_prop **out)
{
	const struct fdt_prop *p = fdt_prop(n, name);
	struct loc at = { t->file, 0, 0 };
	if (!p)
		return diag_error(&at, "node %s has no '%s' property", n->path, name);
	if (!fdt_is_cells(p))
		return diag_error(&at, "property '%s' of node %s is not a list of 32-bit cells (%u bytes)", name, n->path,
				  p->len);
	*out = p;
	return (long)(p->len / 4);
}

const char *fdt_first_string(const struct fdt_node *n, const char *name)
{
	const struct fdt_prop *p = fdt_prop(n, name);
	return fdt_is_strings(p) ? (const char *)p->data : NULL;
}

size_t fdt_strings(struct arena *a, const struct fdt_prop *p, const char **out, size_t max)
{
	(void)a;
	size_t n = 0;
	for (size_t i = 0; i < p->len;) {
		size_t l = strlen((const char *)p->data + i);
		if (l && n < max)
			out[n] = (const char *)p->data + i;
		if (l)
			n++;
		i += l + 1;
	}
	return n;
}

struct fdt_node *fdt_by_path(const struct fdt *t, const char *path)
{
	for (size_t i = 0; i < t->nnodes; i++)
		if (!strcmp(t->nodes[i]->path, path))
			return t->nodes[i];
	return NULL;
}

struct fdt_node *fdt_by_phandle(const struct fdt *t, uint32_t ph)
{
	struct fdt_node *r = NULL;
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct fdt_prop *p = fdt_prop(t->nodes[i], "phandle");
		if (fdt_is_cells(p) && fdt_cell(p, 0) == ph)
			r = t->nodes[i];
	}
	return r;
}
