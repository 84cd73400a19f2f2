/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The archive format (ar(5), GNU variant as binutils writes it with `rcsD`):
 *   "!<arch>\n"
 *   a 60-byte header per member: name (16, GNU short names end in '/'), date (12), uid (6),
 *   gid (6), mode (8, octal), size (10), "`\n" — decimal fields left-aligned, space-padded;
 *   with D the date, uid and gid are 0 and a member's mode 644;
 *   the symbol index first, named "/", mode 0: a big-endian 32-bit count, one 32-bit offset
 *   (of the defining member's header) per symbol, then the names, each NUL-terminated; the
 *   index lists the object's global, weak and unique symbols that it defines, in symbol table
 *   order;
 *   every member's data padded to an even length with '\n' (the index with '\0').
 */
#include "archive.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct elf {
	const unsigned char *d;
	size_t len;
	bool is64, big;
};

static uint64_t get(const struct elf *e, size_t off, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)e->d[off + (e->big ? n - 1 - i : i)] << (8 * i);
	return v;
}

static void header(struct sb *out, const char *name, const char *mode, size_t size)
{
	sb_addf(out, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name, "0", "0", "0", mode, size);
}

static void be32(struct sb *out, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v };
	sb_add(out, (const char *)b, 4);
}

int archive_one_object(struct sb *out, const char *name, const unsigned char *data, size_t len)
{
	struct elf e = { data, len, false, false };
	if (len < 52 || memcmp(data, "\177ELF", 4) || (data[4] != 1 && data[4] != 2) || (data[5] != 1 && data[5] != 2) ||
	    strlen(name) > 15)
		return 1;
	e.is64 = data[4] == 2;
	e.big = data[5] == 2;
	if (e.is64 && len < 64)
		return 1;
	uint64_t shoff = e.is64 ? get(&e, 0x28, 8) : get(&e, 0x20, 4);
	size_t shentsize = (size_t)get(&e, e.is64 ? 0x3a : 0x2e, 2), shnum = (size_t)get(&e, e.is64 ? 0x3c : 0x30, 2);
	size_t sh_size = e.is64 ? 64 : 40, sym_size = e.is64 ? 24 : 16;
	if (shnum == 0 || shentsize < sh_size || shoff > len || (len - shoff) / shentsize < shnum)
		return 1;
	/* Section header fields: type at 4; offset, size at 0x18/0x20 (64) or 0x10/0x14 (32); link at 0x28 / 0x18. */
#define SH(i, f64, f32, n64) get(&e, (size_t)shoff + (i) * shentsize + (e.is64 ? (f64) : (f32)), e.is64 ? (n64) : 4)
	size_t symtab = shnum;
	for (size_t i = 0; i < shnum; i++)
		if (get(&e, (size_t)shoff + i * shentsize + 4, 4) == 2 /* SHT_SYMTAB */) {
			if (symtab != shnum)
				return 1;
			symtab = i;
		}
	if (symtab == shnum)
		return 1;
	uint64_t sym_off = SH(symtab, 0x18, 0x10, 8), sym_len = SH(symtab, 0x20, 0x14, 8), link = SH(symtab, 0x28, 0x18, 4);
	if (link >= shnum)
		return 1;
	uint64_t str_off = SH(link, 0x18, 0x10, 8), str_len = SH(link, 0x20, 0x14, 8);
#undef SH
	if (sym_off > len || sym_len > len - sym_off || str_off > len || str_len > len - str_off || str_len == 0 ||
	    data[str_off + str_len - 1] != '\0')
		return 1;
	/* The index's names, in symbol table order. */
	struct sb names = SB_INIT;
	size_t count = 0;
	for (uint64_t s = sym_off; s + sym_size <= sym_off + sym_len; s += sym_size) {
		uint64_t name_at = get(&e, (size_t)s, 4);
		unsigned info = (unsigned)get(&e, (size_t)s + (e.is64 ? 4 : 12), 1);
		unsigned shndx = (unsigned)get(&e, (size_t)s + (e.is64 ? 6 : 14), 2);
		unsigned bind = info >> 4;
		if ((bind != 1 && bind != 2 && bind != 10) || shndx == 0 /* undefined */)
			continue; /* GLOBAL, WEAK, GNU_UNIQUE */
		if (name_at >= str_len) {
			sb_release(&names);
			return 1;
		}
		const char *n = (const char *)data + str_off + name_at;
		sb_add(&names, n, strlen(n) + 1);
		count++;
	}
	size_t index_len = 4 + 4 * count + names.len;
	size_t member_at = 8 + 60 + index_len + (index_len & 1);
	sb_add(out, "!<arch>\n", 8);
	header(out, "/", "0", index_len + (index_len & 1)); /* ar counts the pad byte in the size */
	be32(out, (uint32_t)count);
	for (size_t i = 0; i < count; i++)
		be32(out, (uint32_t)member_at);
	sb_add(out, names.buf ? names.buf : "", names.len);
	if (index_len & 1)
		sb_addch(out, '\0');
	sb_release(&names);
	char member[17];
	snprintf(member, sizeof(member), "%s/", name);
	header(out, member, "644", len);
	sb_add(out, (const char *)data, len);
	if (len & 1)
		sb_addch(out, '\n');
	return 0;
}
