/* SPDX-License-Identifier: BSD-2-Clause */
/* libsel4.a written in-process (src/gen/libsel4/archive.h): the GNU ar layout of one ELF object,
 * and "run ar instead" for anything it does not read.  (tests/gen/bf-pp.sh compares real
 * archives with ar's byte for byte.) */
#include <stdlib.h>
#include <string.h>

#include "gen/libsel4/archive.h"
#include "harness.h"
#include "util/fs.h"
#include "util/sb.h"

/* A 64-bit little-endian ELF relocatable with a symbol table of a local, an undefined global and
 * two defined globals (one weak), names in a string table. */
static size_t tiny_elf(unsigned char *d)
{
	memset(d, 0, 512);
	memcpy(d, "\177ELF", 4);
	d[4] = 2; /* 64-bit */
	d[5] = 1; /* little-endian */
	const size_t shoff = 256, str = 128, sym = 160;
	d[0x28] = (unsigned char)shoff;
	d[0x28 + 1] = (unsigned char)(shoff >> 8);
	d[0x3a] = 64; /* shentsize */
	d[0x3c] = 3;  /* shnum: null, symtab, strtab */
	memcpy(d + str, "\0loc\0und\0one\0weak\0", 19);
	/* symbols: null, loc (local, defined), und (global, undefined), one (global), weak (weak) */
	const unsigned char names[] = { 0, 1, 5, 9, 13 }, info[] = { 0, 0x01, 0x10, 0x11, 0x21 }, shndx[] = { 0, 1, 0, 1, 1 };
	for (size_t i = 0; i < 5; i++) {
		d[sym + i * 24] = names[i];
		d[sym + i * 24 + 4] = info[i];
		d[sym + i * 24 + 6] = shndx[i];
	}
	unsigned char *sh = d + shoff + 64; /* symtab */
	sh[4] = 2;
	sh[0x18] = (unsigned char)sym;
	sh[0x20] = 5 * 24;
	sh[0x28] = 2; /* link: strtab */
	sh = d + shoff + 128;
	sh[4] = 3;
	sh[0x18] = (unsigned char)str;
	sh[0x20] = 19;
	return shoff + 3 * 64;
}

TEST(test_archive__writes_gnu_layout_with_defined_globals)
{
	unsigned char elf[512];
	size_t len = tiny_elf(elf);
	struct sb out = SB_INIT;
	CHECK_INT_EQ(archive_one_object(&out, "x.o", elf, len), 0);
	/* index: count 2, two offsets, "one\0weak\0" = 4 + 8 + 9 = 21 bytes, padded to 22: ar counts the pad */
	const char *expect = "!<arch>\n/               0           0     0     0       22        `\n";
	CHECK(out.len > strlen(expect) && !memcmp(out.buf, expect, strlen(expect)));
	const unsigned char *ix = (const unsigned char *)out.buf + 68;
	CHECK(ix[3] == 2 && ix[7] == 8 + 60 + 22 && ix[11] == 8 + 60 + 22);
	CHECK(!memcmp(ix + 12, "one\0weak\0\0", 10));
	const char *member = "x.o/            0           0     0     644     448       `\n";
	CHECK(!memcmp(out.buf + 8 + 60 + 22, member, 60));
	CHECK_INT_EQ(out.len, 8 + 60 + 22 + 60 + len);
	sb_release(&out);
}

TEST(test_archive__leaves_what_it_does_not_read_to_ar)
{
	unsigned char elf[512];
	size_t len = tiny_elf(elf);
	struct sb out = SB_INIT;
	CHECK_INT_EQ(archive_one_object(&out, "x.o", (const unsigned char *)"not an object", 13), 1);
	CHECK_INT_EQ(archive_one_object(&out, "a-name-longer-than-15.o", elf, len), 1);
	CHECK_INT_EQ(archive_one_object(&out, "x.o", elf, 200), 1); /* section headers cut off */
	elf[256 + 64 + 4] = 1;                                     /* no symbol table left */
	CHECK_INT_EQ(archive_one_object(&out, "x.o", elf, len), 1);
	sb_release(&out);
}

/* Against GNU ar itself, for objects whose symbol index has an odd size (which ar pads, counting
 * the pad in the size) and an even one. */
TEST(test_archive__same_bytes_as_ar_for_odd_and_even_indexes)
{
	if (system("command -v gcc >/dev/null 2>&1 && command -v ar >/dev/null 2>&1") != 0) {
		harness_skip("needs gcc and ar");
		return;
	}
	static const char *const sources[] = { "int one = 1;\n__attribute__((weak)) int weak = 2;\n",
					       "int one = 1;\nint two = 2;\nint f(void) { return 3; }\n" };
	char dir[] = "/tmp/selfe-archive-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
		struct sb p = SB_INIT, cmd = SB_INIT, out = SB_INIT;
		sb_addf(&p, "%s/x.c", dir);
		CHECK_INT_EQ(fs_write_atomic(sb_str(&p), sources[i], strlen(sources[i])), 0);
		sb_addf(&cmd, "cd %s && rm -f t.a && gcc -c x.c -o x.o && ar rcsD t.a x.o", dir);
		CHECK_INT_EQ(system(sb_str(&cmd)), 0);
		size_t olen, alen;
		sb_reset(&p);
		sb_addf(&p, "%s/x.o", dir);
		char *obj = fs_read_file(sb_str(&p), &olen);
		sb_reset(&p);
		sb_addf(&p, "%s/t.a", dir);
		char *ar = fs_read_file(sb_str(&p), &alen);
		CHECK(obj && ar);
		CHECK_INT_EQ(archive_one_object(&out, "x.o", (const unsigned char *)obj, olen), 0);
		CHECK_INT_EQ(out.len, alen);
		CHECK(out.len == alen && !memcmp(out.buf, ar, alen));
		free(obj), free(ar);
		sb_release(&p), sb_release(&cmd), sb_release(&out);
	}
	CHECK_INT_EQ(fs_remove_tree(dir), 0);
}
