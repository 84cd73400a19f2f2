/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The loader's pure part (loader/lib), compiled for the host: images made by selfe's packer
 * (src/image) are accepted, and every kind of corruption is rejected with its own message --
 * the line the loader prints after "LDR|ERROR: ".
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "hwgen/fdt.h"
#include "image/image.h"
#include "ldr/check.h"
#include "util/diag.h"
#include "util/sb.h"

#define EM_AARCH64 183
#define EM_RISCV 243

struct seg {
	uint64_t vaddr, paddr, filesz, memsz;
};

static void put(unsigned char *p, uint64_t v, unsigned n)
{
	for (unsigned i = 0; i < n; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

/* A 64-bit little-endian executable: header, program headers, then each segment's file bytes
 * (filled with its index + 1). */
static unsigned char *make_elf(uint32_t machine, uint64_t entry, const struct seg *s, unsigned n, size_t *len)
{
	size_t off = 64 + 56 * n, total = off;
	for (unsigned i = 0; i < n; i++)
		total += s[i].filesz;
	unsigned char *e = calloc(1, total);
	memcpy(e, "\177ELF", 4);
	e[4] = 2, e[5] = 1, e[6] = 1;
	put(e + 16, 2, 2), put(e + 18, machine, 2), put(e + 20, 1, 4), put(e + 24, entry, 8), put(e + 32, 64, 8);
	put(e + 52, 64, 2), put(e + 54, 56, 2), put(e + 56, n, 2);
	for (unsigned i = 0; i < n; i++) {
		unsigned char *ph = e + 64 + 56 * i;
		put(ph, 1, 4), put(ph + 4, 7, 4), put(ph + 8, off, 8), put(ph + 16, s[i].vaddr, 8);
		put(ph + 24, s[i].paddr, 8), put(ph + 32, s[i].filesz, 8), put(ph + 40, s[i].memsz, 8);
		memset(e + off, (int)i + 1, s[i].filesz);
		off += s[i].filesz;
	}
	*len = total;
	return e;
}

static void be(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16), p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* A device tree with 2/2 cells and one memory node: RAM [start, start + size). */
static unsigned char *make_dtb(uint64_t start, uint64_t size, size_t *len)
{
	static const char strings[] = "#address-cells\0#size-cells\0reg";
	unsigned char st[256];
	size_t n = 0;
#define W(v) (be(st + n, (v)), n += 4)
	W(1), W(0);                      /* root node, empty name */
	W(3), W(4), W(0), W(2);          /* #address-cells = 2 */
	W(3), W(4), W(15), W(2);         /* #size-cells = 2 */
	W(1);                            /* memory@40000000 */
	memcpy(st + n, "memory@40000000", 16), n += 16;
	W(3), W(16), W(27);              /* reg */
	W((uint32_t)(start >> 32)), W((uint32_t)start), W((uint32_t)(size >> 32)), W((uint32_t)size);
	W(2), W(2), W(9);
#undef W
	size_t total = 40 + n + sizeof(strings);
	unsigned char *d = calloc(1, total);
	be(d, 0xd00dfeed), be(d + 4, (uint32_t)total), be(d + 8, 40), be(d + 12, (uint32_t)(40 + n));
	be(d + 32, sizeof(strings)), be(d + 36, (uint32_t)n);
	memcpy(d + 40, st, n);
	memcpy(d + 40 + n, strings, sizeof(strings));
	*len = total;
	return d;
}

/* A packed image for aarch64: kernel at 0x40000000 (virtual 0xffffff8040000000), a root task,
 * a DTB with 1 GiB of RAM at 0x40000000. */
struct fixture {
	unsigned char *kernel, *root, *dtb;
	size_t kn, rn, dn;
	struct sb payload;
};

static void fixture(struct fixture *f)
{
	struct seg k[] = { { 0xffffff8040000000, 0x40000000, 0x3000, 0x23d000 } };
	struct seg r[] = { { 0x400000, 0x400000, 0x2000, 0x2000 }, { 0x403000, 0x403000, 0x100, 0x5000 } };
	f->kernel = make_elf(EM_AARCH64, 0xffffff8040000000, k, 1, &f->kn);
	f->root = make_elf(EM_AARCH64, 0x400010, r, 2, &f->rn);
	f->dtb = make_dtb(0x40000000, 0x40000000, &f->dn);
	f->payload = (struct sb)SB_INIT;
	struct image_parts p = { f->kernel, f->root, f->dtb, f->kn, f->rn, f->dn, "kernel.elf", "root", "kernel.dtb", 1, 0, 40 };
	CHECK_INT_EQ(image_payload(&p, &f->payload), 0);
}

static void release(struct fixture *f)
{
	free(f->kernel), free(f->root), free(f->dtb);
	sb_release(&f->payload);
}

/* The loader reads the payload from a page-aligned address; so do the tests. */
static unsigned char *aligned_copy(const struct sb *s)
{
	unsigned char *p = aligned_alloc(4096, (s->len + 4095) & ~(size_t)4095);
	memcpy(p, s->buf, s->len);
	return p;
}

TEST(test_loader__crc32_matches_the_ieee_check_value)
{
	CHECK_INT_EQ(ldr_crc32("123456789", 9), 0xcbf43926u);
	CHECK_INT_EQ(ldr_crc32("", 0), 0);
}

TEST(test_loader__format_prints_decimal_and_hex)
{
	struct ldr_err e;
	ldr_fail(&e, "%s %u %x %u", "a", (uint64_t)0, (uint64_t)0xffffff8040000000, (uint64_t)18446744073709551615u);
	CHECK_STR_EQ(e.msg, "a 0 0xffffff8040000000 18446744073709551615");
}

TEST(test_loader__packed_image_is_accepted_and_placed)
{
	struct fixture f;
	fixture(&f);
	unsigned char *img = aligned_copy(&f.payload);
	struct ldr_image im;
	struct ldr_err e = { "" };
	CHECK_INT_EQ(ldr_image_check(img, f.payload.len, EM_AARCH64, &im, &e), 0);
	CHECK_STR_EQ(e.msg, "");
	CHECK_INT_EQ(im.size[LDR_PART_KERNEL], f.kn);
	CHECK(memcmp(im.part[LDR_PART_ROOT], f.root, f.rn) == 0);
	struct ldr_elf k, r;
	CHECK_INT_EQ(ldr_elf_check("kernel ELF", im.part[0], im.size[0], EM_AARCH64, 1, &k, &e), 0);
	CHECK_INT_EQ(ldr_elf_check("root-task ELF", im.part[1], im.size[1], EM_AARCH64, 1, &r, &e), 0);
	CHECK_INT_EQ(r.nseg, 2);
	CHECK_INT_EQ(r.vend, 0x408000);
	struct ldr_ram ram;
	uint64_t dtb_size;
	CHECK_INT_EQ(ldr_fdt_check(im.part[2], im.size[2], &dtb_size, &ram, &e), 0);
	CHECK_INT_EQ(ram.n, 1);
	CHECK_INT_EQ(ram.start[0], 0x40000000);
	CHECK_INT_EQ(ram.end[0], 0x80000000);
	struct ldr_place p;
	struct ldr_place_in in = { &k, &r, dtb_size, 0x70000000, 0x70400000, &ram };
	CHECK_INT_EQ(ldr_place(&in, &p, &e), 0);
	/* kernel, then the DTB, then the root task, page aligned: the kernel's reserved-region order */
	CHECK_INT_EQ(p.kernel_end, 0x4023d000);
	CHECK_INT_EQ(p.dtb_p, 0x4023d000);
	CHECK_INT_EQ(p.ui_p_start, 0x4023e000);
	CHECK_INT_EQ(p.ui_p_end, 0x4023e000 + 0x8000);
	CHECK_INT_EQ(p.pv_offset, 0x4023e000 - 0x400000);
	CHECK_INT_EQ(p.v_entry, 0x400010);
	free(img);
	release(&f);
}

static const char *image_error(struct fixture *f, unsigned char *img, uint64_t len, uint32_t machine)
{
	static struct ldr_err e;
	struct ldr_image im;
	e.msg[0] = 0;
	if (ldr_image_check(img, len, machine, &im, &e) == 0)
		return "(accepted)";
	(void)f;
	return e.msg;
}

TEST(test_loader__truncated_image_is_rejected)
{
	struct fixture f;
	fixture(&f);
	unsigned char *img = aligned_copy(&f.payload);
	CHECK_STR_CONTAINS(image_error(&f, img, f.payload.len - 1, EM_AARCH64), "image truncated: the header says");
	CHECK_STR_CONTAINS(image_error(&f, img, 20, EM_AARCH64), "image truncated: 20 bytes, the header alone needs");
	free(img);
	release(&f);
}

TEST(test_loader__bad_checksums_are_rejected)
{
	struct fixture f;
	fixture(&f);
	unsigned char *img = aligned_copy(&f.payload);
	const struct ldr_header *h = (const void *)img;
	img[h->part[LDR_PART_ROOT].offset + 100] ^= 1;
	CHECK_STR_CONTAINS(image_error(&f, img, f.payload.len, EM_AARCH64), "root-task ELF: checksum 0x");
	CHECK_STR_CONTAINS(image_error(&f, img, f.payload.len, EM_AARCH64), "(corrupt image)");
	img[h->part[LDR_PART_ROOT].offset + 100] ^= 1;
	img[offsetof(struct ldr_header, num_nodes)] = 3; /* a changed header field */
	CHECK_STR_CONTAINS(image_error(&f, img, f.payload.len, EM_AARCH64), "image header: checksum");
	img[0] = 'X';
	CHECK_STR_CONTAINS(image_error(&f, img, f.payload.len, EM_AARCH64), "image header: bad magic");
	free(img);
	release(&f);
}

TEST(test_loader__image_for_another_machine_is_rejected)
{
	struct fixture f;
	fixture(&f);
	unsigned char *img = aligned_copy(&f.payload);
	CHECK_STR_EQ(image_error(&f, img, f.payload.len, EM_RISCV),
		     "image is for aarch64 (EM_AARCH64), this loader runs on riscv (EM_RISCV)");
	free(img);
	release(&f);
}

static const char *elf_error(const struct seg *s, unsigned n, uint32_t machine, size_t cut)
{
	static struct ldr_err e;
	size_t len;
	unsigned char *elf = make_elf(EM_AARCH64, s[0].vaddr, s, n, &len);
	struct ldr_elf out;
	e.msg[0] = 0;
	int rc = ldr_elf_check("kernel ELF", elf, len - cut, machine, 1, &out, &e);
	free(elf);
	return rc == 0 ? "(accepted)" : e.msg;
}

TEST(test_loader__elf_faults_are_rejected_with_their_message)
{
	struct seg one[] = { { 0x1000, 0x1000, 0x100, 0x1000 } };
	CHECK_STR_EQ(elf_error(one, 1, EM_AARCH64, 0), "(accepted)");
	CHECK_STR_CONTAINS(elf_error(one, 1, EM_AARCH64, 1), "kernel ELF: truncated (segment 0 needs bytes 0x78..0x178");
	CHECK_STR_CONTAINS(elf_error(one, 1, EM_AARCH64, 0x100 + 56), "kernel ELF: truncated (program headers");
	CHECK_STR_CONTAINS(elf_error(one, 1, EM_AARCH64, 0x100 + 56 + 40), "kernel ELF: truncated (");
	CHECK_STR_EQ(elf_error(one, 1, EM_RISCV, 0),
		     "kernel ELF: built for aarch64 (EM_AARCH64), this loader needs riscv (EM_RISCV)");
	struct seg overlap[] = { { 0x1000, 0x1000, 0x10, 0x2000 }, { 0x2000, 0x9000, 0x10, 0x1000 } };
	CHECK_STR_EQ(elf_error(overlap, 2, EM_AARCH64, 0),
		     "kernel ELF: loadable segments overlap (0x1000..0x3000 and 0x2000..0x3000)");
	struct seg phys_overlap[] = { { 0x1000, 0x1000, 0x10, 0x1000 }, { 0x8000, 0x1800, 0x10, 0x1000 } };
	CHECK_STR_CONTAINS(elf_error(phys_overlap, 2, EM_AARCH64, 0), "loadable segments overlap");
	struct seg fat[] = { { 0x1000, 0x1000, 0x20, 0x10 } };
	CHECK_STR_EQ(elf_error(fat, 1, EM_AARCH64, 0),
		     "kernel ELF: segment 0 has more file bytes (32) than memory bytes (16)");
	struct seg wrap[] = { { 0xfffffffffffff000, 0x1000, 0x10, 0x2000 } };
	CHECK_STR_EQ(elf_error(wrap, 1, EM_AARCH64, 0), "kernel ELF: segment 0 wraps around the address space");
}

TEST(test_loader__elf_of_the_wrong_class_or_kind_is_rejected)
{
	struct ldr_err e;
	struct ldr_elf out;
	size_t len;
	struct seg one[] = { { 0x1000, 0x1000, 0x10, 0x10 } };
	unsigned char *elf = make_elf(EM_AARCH64, 0x1000, one, 1, &len);
	CHECK_INT_EQ(ldr_elf_check("root-task ELF", elf, len, EM_AARCH64, 0, &out, &e), -1);
	CHECK_STR_EQ(e.msg, "root-task ELF: 64-bit ELF, this loader needs 32-bit");
	put(elf + 24, 0x5000, 8);
	CHECK_INT_EQ(ldr_elf_check("root-task ELF", elf, len, EM_AARCH64, 1, &out, &e), -1);
	CHECK_STR_EQ(e.msg, "root-task ELF: entry point 0x5000 is outside its segments (0x1000..0x1010)");
	elf[0] = 0;
	CHECK_INT_EQ(ldr_elf_check("root-task ELF", elf, len, EM_AARCH64, 1, &out, &e), -1);
	CHECK_STR_EQ(e.msg, "root-task ELF: not an ELF file (bad magic)");
	free(elf);
}

static const char *place_error(uint64_t kpaddr, uint64_t root_size, uint64_t ram_start, uint64_t ram_size,
			       uint64_t loader)
{
	static struct ldr_err e;
	size_t kn, rn;
	struct seg k[] = { { 0xffffff8000000000 + kpaddr, kpaddr, 0x100, 0x10000 } };
	struct seg r[] = { { 0x400000, 0x400000, 0x100, root_size } };
	unsigned char *ke = make_elf(EM_AARCH64, k[0].vaddr, k, 1, &kn), *re = make_elf(EM_AARCH64, 0x400000, r, 1, &rn);
	struct ldr_elf kernel, root;
	CHECK_INT_EQ(ldr_elf_check("kernel ELF", ke, kn, EM_AARCH64, 1, &kernel, &e), 0);
	CHECK_INT_EQ(ldr_elf_check("root-task ELF", re, rn, EM_AARCH64, 1, &root, &e), 0);
	struct ldr_ram ram = { 1, { ram_start }, { ram_start + ram_size } };
	struct ldr_place_in in = { &kernel, &root, 0x2000, loader, loader + 0x200000, &ram };
	struct ldr_place p;
	e.msg[0] = 0;
	int rc = ldr_place(&in, &p, &e);
	free(ke), free(re);
	return rc == 0 ? "(accepted)" : e.msg;
}

TEST(test_loader__placement_outside_ram_or_over_the_loader_is_rejected)
{
	CHECK_STR_EQ(place_error(0x40000000, 0x1000, 0x40000000, 0x40000000, 0x70000000), "(accepted)");
	CHECK_STR_EQ(place_error(0x30000000, 0x1000, 0x40000000, 0x40000000, 0x70000000),
		     "kernel ELF: segment 0 (0x30000000..0x30010000) is outside RAM");
	CHECK_STR_EQ(place_error(0x40000000, 0x1000, 0x40000000, 0x12000, 0x70000000),
		     "root task: 4096 bytes after the kernel and DTB (0x40012000..0x40013000) do not fit in RAM");
	CHECK_STR_EQ(place_error(0x40000000, 0x100000, 0x40000000, 0x40000000, 0x40080000),
		     "root task: 0x40012000..0x40112000 would overwrite the loader (0x40080000..0x40280000)");
	CHECK_STR_EQ(place_error(0x40000000, 0x1000, 0x40000000, 0x40000000, 0x40008000),
		     "kernel ELF: 0x40000000..0x40010000 would overwrite the loader (0x40008000..0x40208000)");
}

TEST(test_loader__bad_dtb_is_rejected)
{
	size_t n;
	unsigned char *d = make_dtb(0x80000000, 0xc0000000, &n);
	struct ldr_ram ram;
	uint64_t size;
	struct ldr_err e;
	CHECK_INT_EQ(ldr_fdt_check(d, n, &size, &ram, &e), 0);
	CHECK_INT_EQ(size, n);
	CHECK_INT_EQ(ram.end[0], 0x140000000);
	CHECK_INT_EQ(ldr_fdt_check(d, n - 1, &size, &ram, &e), -1);
	CHECK_STR_CONTAINS(e.msg, "DTB: truncated (its header says");
	d[0] = 0;
	CHECK_INT_EQ(ldr_fdt_check(d, n, &size, &ram, &e), -1);
	CHECK_STR_EQ(e.msg, "DTB: bad magic 0xdfeed (not a flattened device tree)");
	free(d);
}

TEST(test_loader__packer_refuses_what_the_loader_would)
{
	struct seg k[] = { { 0xffffff8040000000, 0x40000000, 0x30, 0x1000 } };
	size_t kn, rn;
	unsigned char *kernel = make_elf(EM_AARCH64, k[0].vaddr, k, 1, &kn);
	unsigned char *root = make_elf(EM_RISCV, k[0].vaddr, k, 1, &rn);
	struct sb err = SB_INIT, out = SB_INIT;
	diag_capture(&err);
	struct image_parts p = { kernel, root, NULL, kn, rn, 0, "kernel.elf", "build/hello", NULL, 1, 0, 0 };
	CHECK_INT_EQ(image_payload(&p, &out), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&err), "build/hello");
	CHECK_STR_CONTAINS(sb_str(&err), "root-task ELF: built for riscv (EM_RISCV), this loader needs aarch64");
	sb_release(&err), sb_release(&out);
	free(kernel), free(root);
}

/* make_dtb's tree plus /chosen { bootargs; rng-seed (32 bytes); kaslr-seed (8 bytes) } whose
 * seed bytes all equal `seed`: QEMU's ARM virt board dumps such a /chosen with random seeds. */
static unsigned char *make_dtb_with_seeds(unsigned char seed, size_t *len)
{
	static const char strings[] = "#address-cells\0#size-cells\0reg\0bootargs\0rng-seed\0kaslr-seed";
	unsigned char st[512];
	size_t n = 0;
#define W(v) (be(st + n, (v)), n += 4)
	W(1), W(0);
	W(3), W(4), W(0), W(2);
	W(3), W(4), W(15), W(2);
	W(1), memcpy(st + n, "memory@40000000", 16), n += 16;
	W(3), W(16), W(27), W(0), W(0x40000000), W(0), W(0x40000000);
	W(2);
	W(1), memcpy(st + n, "chosen\0", 8), n += 8;
	W(3), W(6), W(31), memcpy(st + n, "quiet\0\0", 8), n += 8; /* bootargs = "quiet", padded */
	W(3), W(32), W(40), memset(st + n, seed, 32), n += 32;
	W(3), W(8), W(49), memset(st + n, seed, 8), n += 8;
	W(2), W(2), W(9);
#undef W
	size_t total = 40 + n + sizeof(strings);
	unsigned char *d = calloc(1, total);
	be(d, 0xd00dfeed), be(d + 4, (uint32_t)total), be(d + 8, 40), be(d + 12, (uint32_t)(40 + n));
	be(d + 20, 17), be(d + 32, sizeof(strings)), be(d + 36, (uint32_t)n);
	memcpy(d + 40, st, n);
	memcpy(d + 40 + n, strings, sizeof(strings));
	*len = total;
	return d;
}

TEST(test_loader__qemu_seeds_are_dropped_so_images_repeat)
{
	size_t n1, n2;
	unsigned char *d1 = make_dtb_with_seeds(0x5a, &n1), *d2 = make_dtb_with_seeds(0xc3, &n2);
	CHECK(memcmp(d1, d2, n1) != 0);
	CHECK_INT_EQ(image_dtb_drop_seeds(d1, n1, "one.dtb"), 0);
	CHECK_INT_EQ(image_dtb_drop_seeds(d2, n2, "two.dtb"), 0);
	CHECK_INT_EQ(n1, n2);
	CHECK(memcmp(d1, d2, n1) == 0);
	/* The tree still reads, without the seeds and with everything else. */
	struct arena *a = arena_new();
	struct fdt t;
	CHECK_INT_EQ(fdt_read(&t, a, "one.dtb", d1, n1), 0);
	const struct fdt_node *chosen = fdt_by_path(&t, "/chosen");
	CHECK(chosen != NULL);
	CHECK(fdt_prop(chosen, "rng-seed") == NULL);
	CHECK(fdt_prop(chosen, "kaslr-seed") == NULL);
	CHECK_STR_EQ(fdt_first_string(chosen, "bootargs"), "quiet");
	arena_free(a);
	/* So does the loader's reader (it skips the NOPs), finding the same RAM. */
	struct ldr_ram ram;
	uint64_t size;
	struct ldr_err e;
	CHECK_INT_EQ(ldr_fdt_check(d1, n1, &size, &ram, &e), 0);
	CHECK_INT_EQ(ram.end[0], 0x80000000);
	/* A second pass changes nothing; a tree without /chosen is left as it was. */
	unsigned char *again = malloc(n1);
	memcpy(again, d1, n1);
	CHECK_INT_EQ(image_dtb_drop_seeds(again, n1, "one.dtb"), 0);
	CHECK(memcmp(again, d1, n1) == 0);
	free(again);
	size_t n3;
	unsigned char *plain = make_dtb(0x40000000, 0x40000000, &n3), *copy = malloc(n3);
	be(plain + 20, 17); /* version: the hardware generator's reader wants >= 16 */
	memcpy(copy, plain, n3);
	CHECK_INT_EQ(image_dtb_drop_seeds(plain, n3, "plain.dtb"), 0);
	CHECK(memcmp(plain, copy, n3) == 0);
	/* Not a device tree: reported, not written. */
	struct sb err = SB_INIT;
	diag_capture(&err);
	plain[0] = 0;
	CHECK_INT_EQ(image_dtb_drop_seeds(plain, n3, "plain.dtb"), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(err.buf, "plain.dtb");
	sb_release(&err);
	free(plain), free(copy), free(d1), free(d2);
}
