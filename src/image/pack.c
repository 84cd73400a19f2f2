/* SPDX-License-Identifier: BSD-2-Clause */
/* Writing selfe boot images (image.h). */
#include <stdlib.h>
#include <string.h>

#include "image/image.h"
#include "ldr/check.h"
#include "ldr/image.h"
#include "util/diag.h"
#include "util/fs.h"

static void pad_to(struct sb *s, size_t len)
{
	static const char zeros[4096];
	while (s->len < len) {
		size_t n = len - s->len < sizeof(zeros) ? len - s->len : sizeof(zeros);
		sb_add(s, zeros, n);
	}
}

static uint64_t rd(const unsigned char *p, unsigned n)
{
	uint64_t v = 0;
	while (n--)
		v = (v << 8) | p[n];
	return v;
}

static void put(unsigned char *p, uint64_t v, unsigned n)
{
	for (unsigned i = 0; i < n; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

int image_payload(const struct image_parts *p, struct sb *out)
{
	if (p->kernel_len < 20)
		return diag_error(&(struct loc){ p->kernel_path, 0, 0 }, "not a kernel ELF (%zu bytes)", p->kernel_len);
	uint32_t machine = (uint32_t)rd(p->kernel + 18, 2);
	int is64 = p->kernel[4] == 2;
	struct ldr_err e;
	struct ldr_elf elf;
	if (ldr_elf_check("kernel ELF", p->kernel, p->kernel_len, machine, is64, &elf, &e))
		return diag_error(&(struct loc){ p->kernel_path, 0, 0 }, "%s", e.msg);
	if (ldr_elf_check("root-task ELF", p->root, p->root_len, machine, is64, &elf, &e))
		return diag_error(&(struct loc){ p->root_path, 0, 0 }, "%s", e.msg);
	if (p->dtb) {
		uint64_t size;
		struct ldr_ram ram;
		if (ldr_fdt_check(p->dtb, p->dtb_len, &size, &ram, &e))
			return diag_error(&(struct loc){ p->dtb_path, 0, 0 }, "%s", e.msg);
	}
	size_t base = out->len;
	struct ldr_header h;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, LDR_MAGIC, sizeof(h.magic));
	h.version = LDR_VERSION;
	h.header_size = sizeof(h);
	h.machine = machine;
	h.flags = p->flags;
	h.num_nodes = p->num_nodes;
	h.pa_bits = p->pa_bits;
	sb_add(out, &h, sizeof(h));
	const unsigned char *data[LDR_NPARTS] = { p->kernel, p->root, p->dtb };
	size_t len[LDR_NPARTS] = { p->kernel_len, p->root_len, p->dtb ? p->dtb_len : 0 };
	for (unsigned i = 0; i < LDR_NPARTS; i++) {
		if (!len[i])
			continue;
		pad_to(out, base + ((out->len - base + LDR_PART_ALIGN - 1) & ~(size_t)(LDR_PART_ALIGN - 1)));
		h.part[i].offset = out->len - base;
		h.part[i].size = len[i];
		h.part[i].crc = ldr_crc32(data[i], len[i]);
		sb_add(out, data[i], len[i]);
	}
	h.image_size = out->len - base;
	h.header_crc = ldr_crc32(&h, offsetof(struct ldr_header, header_crc));
	memcpy(out->buf + base, &h, sizeof(h));
	return 0;
}

/* The loader's loadable segments, copied to where they go relative to the lowest. */
int image_wrap(const unsigned char *l, size_t n, const char *path, const struct sb *payload, struct sb *out)
{
	struct loc at = { path, 0, 0 };
	if (n < 52 || memcmp(l, "\177ELF", 4) != 0 || (l[4] != 1 && l[4] != 2) || l[5] != 1)
		return diag_error(&at, "not a little-endian ELF file (the loader build went wrong)");
	int is64 = l[4] == 2;
	uint64_t phoff = is64 ? rd(l + 32, 8) : rd(l + 28, 4);
	uint64_t phent = rd(l + (is64 ? 54 : 42), 2), phnum = rd(l + (is64 ? 56 : 44), 2);
	uint64_t entry = is64 ? rd(l + 24, 8) : rd(l + 24, 4);
	if (phent != (is64 ? 56u : 32u) || phoff > n || phnum * phent > n - phoff)
		return diag_error(&at, "bad program headers");
	uint64_t lo = UINT64_MAX;
	for (uint64_t i = 0; i < phnum; i++) {
		const unsigned char *ph = l + phoff + i * phent;
		if (rd(ph, 4) == 1 && rd(ph + (is64 ? 32 : 16), is64 ? 8 : 4) != 0) {
			uint64_t pa = is64 ? rd(ph + 24, 8) : rd(ph + 12, 4);
			if (pa < lo)
				lo = pa;
		}
	}
	if (lo == UINT64_MAX)
		return diag_error(&at, "the loader has no loadable bytes");
	/* ELF header, one program header, then the segment at a page-aligned file offset. */
	size_t hdr = 4096, seg_len = LDR_PAYLOAD_OFFSET + payload->len;
	size_t start = out->len;
	pad_to(out, start + hdr + LDR_PAYLOAD_OFFSET);
	unsigned char *seg = (unsigned char *)out->buf + start + hdr;
	for (uint64_t i = 0; i < phnum; i++) {
		const unsigned char *ph = l + phoff + i * phent;
		if (rd(ph, 4) != 1)
			continue;
		uint64_t off = is64 ? rd(ph + 8, 8) : rd(ph + 4, 4), pa = is64 ? rd(ph + 24, 8) : rd(ph + 12, 4);
		uint64_t filesz = is64 ? rd(ph + 32, 8) : rd(ph + 16, 4), memsz = is64 ? rd(ph + 40, 8) : rd(ph + 20, 4);
		if (!memsz)
			continue;
		if (off > n || filesz > n - off || pa - lo + memsz > LDR_PAYLOAD_OFFSET)
			return diag_error(&at, "segment %u does not fit below the payload offset %#x", (unsigned)i,
					  LDR_PAYLOAD_OFFSET);
		memcpy(seg + (pa - lo), l + off, filesz);
	}
	sb_add(out, payload->buf, payload->len);
	unsigned char *e = (unsigned char *)out->buf + start;
	memcpy(e, l, 16); /* ident: class, data, version */
	e[7] = 0;
	put(e + 16, 2, 2); /* ET_EXEC */
	put(e + 18, rd(l + 18, 2), 2);
	put(e + 20, 1, 4);
	if (is64) {
		put(e + 24, entry, 8), put(e + 32, 64, 8), put(e + 40, 0, 8), put(e + 48, rd(l + 48, 4), 4);
		put(e + 52, 64, 2), put(e + 54, 56, 2), put(e + 56, 1, 2);
		unsigned char *ph = e + 64;
		put(ph, 1, 4), put(ph + 4, 7, 4), put(ph + 8, hdr, 8), put(ph + 16, lo, 8), put(ph + 24, lo, 8);
		put(ph + 32, seg_len, 8), put(ph + 40, seg_len, 8), put(ph + 48, 4096, 8);
	} else {
		put(e + 24, entry, 4), put(e + 28, 52, 4), put(e + 32, 0, 4), put(e + 36, rd(l + 36, 4), 4);
		put(e + 40, 52, 2), put(e + 42, 32, 2), put(e + 44, 1, 2);
		unsigned char *ph = e + 52;
		put(ph, 1, 4), put(ph + 4, hdr, 4), put(ph + 8, lo, 4), put(ph + 12, lo, 4);
		put(ph + 16, seg_len, 4), put(ph + 20, seg_len, 4), put(ph + 24, 7, 4), put(ph + 28, 4096, 4);
	}
	return 0;
}

int image_write(const char *loader_elf, const char *kernel_elf, const char *root_elf, const char *dtb,
		uint32_t num_nodes, uint32_t flags, uint32_t pa_bits, const char *out_path)
{
	size_t ln = 0, kn = 0, rn = 0, dn = 0;
	char *l = fs_read_file(loader_elf, &ln);
	char *k = l ? fs_read_file(kernel_elf, &kn) : NULL;
	char *r = k ? fs_read_file(root_elf, &rn) : NULL;
	char *d = r && dtb ? fs_read_file(dtb, &dn) : NULL;
	int rc = -1;
	if (r && (!dtb || (d && image_dtb_drop_seeds((unsigned char *)d, dn, dtb) == 0))) {
		struct image_parts p = { (unsigned char *)k, (unsigned char *)r, (unsigned char *)d, kn, rn, dn,
					 kernel_elf, root_elf, dtb, num_nodes, flags, pa_bits };
		struct sb payload = SB_INIT, img = SB_INIT;
		if (image_payload(&p, &payload) == 0 && image_wrap((unsigned char *)l, ln, loader_elf, &payload, &img) == 0)
			rc = fs_write_atomic(out_path, img.buf, img.len);
		sb_release(&payload);
		sb_release(&img);
	}
	free(l);
	free(k);
	free(r);
	free(d);
	return rc;
}
