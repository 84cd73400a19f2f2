/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The host packer: its byte layout (the original selfe-arc version 1 format), packer -> reader
 * round trips through the runtime's reader, and the precise rejection of bad names and files.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arc/arc.h"
#include "harness.h"
#include "selfe/arc.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/sb.h"

/* A fresh temporary folder per test; paths inside it through tmp_path(). */
static char tmpdir[64];
static struct sb path_buf = SB_INIT;

static void tmp_setup(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "%s", "/tmp/selfe-arc-test-XXXXXX");
	if (!mkdtemp(tmpdir))
		abort();
}

static const char *tmp_path(const char *name)
{
	sb_reset(&path_buf);
	sb_addf(&path_buf, "%s/%s", tmpdir, name);
	return sb_str(&path_buf);
}

static char *tmp_file(const char *name, const void *data, size_t len)
{
	const char *p = tmp_path(name);
	if (fs_write_atomic(p, data, len))
		abort();
	char *copy = strdup(p);
	if (!copy)
		abort();
	return copy;
}

static void tmp_cleanup(void)
{
	fs_remove_tree(tmpdir);
	sb_release(&path_buf);
}

static uint64_t le(const unsigned char *p, int n)
{
	uint64_t v = 0;
	for (int k = n - 1; k >= 0; k--)
		v = v << 8 | p[k];
	return v;
}

TEST(test_arc__layout_matches_version_1)
{
	tmp_setup();
	char *a = tmp_file("a.bin", "hello", 5);
	char *b = tmp_file("b.bin", "world!", 6);
	struct arc_input in[] = { { "test", a }, { "second", b } };
	struct sb out = SB_INIT;
	CHECK_INT_EQ(arc_build(&out, in, 2), 0);
	const unsigned char *p = (const unsigned char *)out.buf;

	/* Header: magic, version 1, data start 0x1000, two files (the original's own example). */
	static const unsigned char header[17] = { 0x73, 0x65, 0x6c, 0x66, 0x65, 0x61, 0x72, 0x63, 0x01,
						  0x00, 0x10, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00 };
	CHECK(memcmp(p, header, sizeof(header)) == 0);
	/* First entry: length byte, name zero padded to 255 bytes, offset 0, length 5. */
	const unsigned char *e = p + 17;
	CHECK_INT_EQ(e[0], 4);
	CHECK(memcmp(e + 1, "test", 4) == 0);
	for (int k = 5; k < 256; k++)
		CHECK_INT_EQ(e[k], 0);
	CHECK_INT_EQ(le(e + 256, 8), 0);
	CHECK_INT_EQ(le(e + 264, 8), 5);
	/* Second entry at 17 + 272: the next page of the data area. */
	e = p + 17 + 272;
	CHECK_INT_EQ(e[0], 6);
	CHECK(memcmp(e + 1, "second", 6) == 0);
	CHECK_INT_EQ(le(e + 256, 8), 4096);
	CHECK_INT_EQ(le(e + 264, 8), 6);
	/* Zeros up to data start, the data, the first file padded, the last one not. */
	for (size_t k = 17 + 2 * 272; k < 4096; k++)
		CHECK_INT_EQ(p[k], 0);
	CHECK(memcmp(p + 4096, "hello", 5) == 0);
	for (size_t k = 4096 + 5; k < 8192; k++)
		CHECK_INT_EQ(p[k], 0);
	CHECK(memcmp(p + 8192, "world!", 6) == 0);
	CHECK_INT_EQ(out.len, 8192 + 6);

	sb_release(&out);
	free(a);
	free(b);
	tmp_cleanup();
}

/* Packs n files of the given sizes (content: a pattern per file) and reads them back. */
static void round_trip(size_t n, const size_t *sizes)
{
	tmp_setup();
	struct arc_input *in = calloc(n, sizeof(*in));
	char **names = calloc(n, sizeof(*names));
	unsigned char **contents = calloc(n, sizeof(*contents));
	if (!in || !names || !contents)
		abort();
	for (size_t i = 0; i < n; i++) {
		struct sb name = SB_INIT;
		sb_addf(&name, "file-%zu.dat", i);
		names[i] = sb_detach(&name);
		contents[i] = malloc(sizes[i] + 1);
		if (!contents[i])
			abort();
		for (size_t k = 0; k < sizes[i]; k++)
			contents[i][k] = (unsigned char)(i * 13 + k * 7 + 1);
		in[i].name = names[i];
		in[i].path = tmp_file(names[i], contents[i], sizes[i]);
	}
	const char *archive_path = tmp_path("out.arc");
	CHECK_INT_EQ(arc_pack(archive_path, in, n), 0);
	size_t size;
	char *bytes = fs_read_file(archive_path, &size);
	CHECK(bytes != NULL);

	struct selfe_arc arc;
	CHECK_INT_EQ(selfe_arc_open(&arc, bytes, size), SELFE_ARC_OK);
	CHECK_INT_EQ(selfe_arc_count(&arc), n);
	CHECK_INT_EQ(arc.data_start % SELFE_ARC_ALIGN, 0);
	CHECK(arc.data_start >= SELFE_ARC_HEADER_SIZE + n * SELFE_ARC_ENTRY_SIZE);
	CHECK(arc.data_start < SELFE_ARC_HEADER_SIZE + n * SELFE_ARC_ENTRY_SIZE + SELFE_ARC_ALIGN);
	for (size_t i = 0; i < n; i++) {
		const char *name;
		size_t name_len, len;
		const void *data;
		CHECK_INT_EQ(selfe_arc_entry(&arc, i, &name, &name_len, &data, &len), 0);
		CHECK(name_len == strlen(names[i]) && memcmp(name, names[i], name_len) == 0);
		CHECK_INT_EQ(len, sizes[i]);
		CHECK(memcmp(data, contents[i], sizes[i]) == 0);
		CHECK_INT_EQ(((const char *)data - bytes) % SELFE_ARC_ALIGN, 0); /* page-aligned */
		const void *found;
		size_t found_len;
		CHECK_INT_EQ(selfe_arc_find(&arc, names[i], &found, &found_len), 0);
		CHECK(found == data && found_len == len);
		if (i + 1 == n) /* the last file ends the archive */
			CHECK_INT_EQ((size_t)((const char *)data - bytes) + len, size);
	}
	free(bytes);
	for (size_t i = 0; i < n; i++) {
		free(names[i]);
		free(contents[i]);
		free((char *)in[i].path);
	}
	free(in);
	free(names);
	free(contents);
	tmp_cleanup();
}

TEST(test_arc__round_trip_sizes_around_page_boundaries)
{
	/* Empty files, exactly one page, one byte either side of it, several pages. */
	static const size_t sizes[] = { 0, 1, 4095, 4096, 4097, 0, 3 * 4096 + 17, 8192, 2 };
	round_trip(sizeof(sizes) / sizeof(sizes[0]), sizes);
}

TEST(test_arc__round_trip_directory_crossing_a_page)
{
	/* 14 entries end at byte 3825 (data at 4096); 15 end at 4097 (data at 8192). */
	size_t sizes[15];
	for (size_t i = 0; i < 15; i++)
		sizes[i] = i * 100;
	round_trip(14, sizes);
	round_trip(15, sizes);
}

TEST(test_arc__input_names_from_arguments)
{
	struct arc_input in;
	char *owned;
	arc_input_parse("dir/sub/data_file.txt", &in, &owned);
	CHECK_STR_EQ(in.name, "data_file.txt");
	CHECK_STR_EQ(in.path, "dir/sub/data_file.txt");
	CHECK(owned == NULL);
	arc_input_parse("plain", &in, &owned);
	CHECK_STR_EQ(in.name, "plain");
	CHECK_STR_EQ(in.path, "plain");
	arc_input_parse("config/boot.cfg=build/out=1/boot.cfg", &in, &owned);
	CHECK_STR_EQ(in.name, "config/boot.cfg"); /* names may contain '/' when chosen */
	CHECK_STR_EQ(in.path, "build/out=1/boot.cfg");
	free(owned);
	arc_input_parse("=x", &in, &owned);
	CHECK_STR_EQ(in.name, "");
	free(owned);
	arc_input_parse("dir/", &in, &owned);
	CHECK_STR_EQ(in.name, "");
}

/* Runs arc_pack and returns what it reported. */
static char *pack_errors(const struct arc_input *in, size_t n, int *status)
{
	struct sb errors = SB_INIT;
	diag_capture(&errors);
	*status = arc_pack(tmp_path("out.arc"), in, n);
	diag_capture(NULL);
	return sb_detach(&errors);
}

TEST(test_arc__rejects_bad_names_precisely)
{
	tmp_setup();
	char *a = tmp_file("a", "1", 1);
	char *b = tmp_file("b", "2", 1);
	char long_name[257];
	memset(long_name, 'n', 256);
	long_name[256] = '\0';
	int status;

	struct arc_input empty[] = { { "", a } };
	char *err = pack_errors(empty, 1, &status);
	CHECK_INT_EQ(status, -1);
	CHECK_STR_CONTAINS(err, "error: empty name for file '");
	CHECK_STR_CONTAINS(err, "note: name it explicitly with NAME=PATH");
	free(err);

	struct arc_input dup[] = { { "same", a }, { "other", a }, { "same", b } };
	err = pack_errors(dup, 3, &status);
	CHECK_INT_EQ(status, -1);
	struct sb want = SB_INIT;
	sb_addf(&want, "error: duplicate name 'same': files '%s' and '%s'", a, b);
	CHECK_STR_CONTAINS(err, sb_str(&want));
	sb_release(&want);
	free(err);

	struct arc_input too_long[] = { { long_name, a } };
	err = pack_errors(too_long, 1, &status);
	CHECK_INT_EQ(status, -1);
	CHECK_STR_CONTAINS(err, "is 256 bytes long, more than 255");
	free(err);

	long_name[255] = '\0'; /* 255 bytes is the limit, and allowed */
	err = pack_errors(too_long, 1, &status);
	CHECK_INT_EQ(status, 0);
	CHECK_STR_EQ(err, "");
	free(err);

	/* Every bad name is reported in one run, and nothing is written. */
	unlink(tmp_path("out.arc"));
	struct arc_input several[] = { { "", a }, { "x", a }, { "x", b } };
	err = pack_errors(several, 3, &status);
	CHECK_INT_EQ(status, -1);
	CHECK_STR_CONTAINS(err, "empty name");
	CHECK_STR_CONTAINS(err, "duplicate name 'x'");
	CHECK(access(tmp_path("out.arc"), F_OK) != 0);
	free(err);

	free(a);
	free(b);
	tmp_cleanup();
}

TEST(test_arc__rejects_unreadable_files_and_keeps_the_old_archive)
{
	tmp_setup();
	char *a = tmp_file("a", "1", 1);
	char *old = tmp_file("out.arc", "previous", 8);
	mkdir(tmp_path("folder"), 0700);
	char *folder = strdup(tmp_path("folder"));
	char *missing = strdup(tmp_path("missing"));
	int status;

	struct arc_input in[] = { { "a", a }, { "m", missing }, { "f", folder } };
	char *err = pack_errors(in, 3, &status);
	CHECK_INT_EQ(status, -1);
	struct sb want = SB_INIT;
	sb_addf(&want, "%s: error: cannot open file: No such file or directory", missing);
	CHECK_STR_CONTAINS(err, sb_str(&want));
	sb_reset(&want);
	sb_addf(&want, "%s: error: cannot read file: Is a directory", folder);
	CHECK_STR_CONTAINS(err, sb_str(&want));
	sb_release(&want);
	free(err);

	size_t len;
	char *kept = fs_read_file(old, &len);
	CHECK(kept && len == 8 && memcmp(kept, "previous", 8) == 0);
	free(kept);
	free(a);
	free(old);
	free(folder);
	free(missing);
	tmp_cleanup();
}
