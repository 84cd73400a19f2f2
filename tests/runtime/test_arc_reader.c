/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The selfe-arc reader on archives built here byte by byte (the host packer has its own tests
 * in tests/arc/), then corrupted field by field: every corruption must give its error code, and
 * ASan (on the host) sees any read outside the archive.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "selfe/arc.h"

#define DATA_START 4096u /* header + up to 15 entries fit before it */

struct archive {
	unsigned char *bytes;
	size_t size;
};

static void put_le(unsigned char *p, uint64_t v, int n)
{
	for (int k = 0; k < n; k++)
		p[k] = (unsigned char)(v >> (8 * k));
}

static unsigned char *entry_at(struct archive *a, size_t i)
{
	return a->bytes + SELFE_ARC_HEADER_SIZE + i * SELFE_ARC_ENTRY_SIZE;
}

/* Three files: "alpha" (5 bytes at 0), "b" (empty, at 4096), "gamma.txt" (10 bytes at 4096). */
static struct archive make_archive(void)
{
	struct archive a;
	a.size = DATA_START + 4096 + 10;
	a.bytes = calloc(1, a.size);
	if (!a.bytes)
		abort();
	memcpy(a.bytes, "selfearc", 8);
	a.bytes[8] = 1;
	put_le(a.bytes + 9, DATA_START, 4);
	put_le(a.bytes + 13, 3, 4);
	static const struct {
		const char *name;
		uint64_t offset, length;
		const char *content;
	} files[] = { { "alpha", 0, 5, "AAAAA" }, { "b", 4096, 0, "" }, { "gamma.txt", 4096, 10, "0123456789" } };
	for (size_t i = 0; i < 3; i++) {
		unsigned char *e = entry_at(&a, i);
		e[0] = (unsigned char)strlen(files[i].name);
		memcpy(e + 1, files[i].name, strlen(files[i].name));
		put_le(e + 256, files[i].offset, 8);
		put_le(e + 264, files[i].length, 8);
		memcpy(a.bytes + DATA_START + files[i].offset, files[i].content, files[i].length);
	}
	return a;
}

/* Volatile, so the reads that feed it cannot be optimised away. */
static volatile unsigned touched_sum;

/* A copy of exactly `size` bytes, so ASan catches a read past the end. */
static int open_exact(const unsigned char *bytes, size_t size, struct selfe_arc *arc)
{
	unsigned char *copy = malloc(size ? size : 1);
	if (!copy)
		abort();
	memcpy(copy, bytes, size);
	int status = selfe_arc_open(arc, copy, size);
	if (status == 0) {
		/* Touch every entry and byte of data the reader hands out. */
		for (size_t i = 0; i < selfe_arc_count(arc); i++) {
			const void *data;
			size_t len;
			CHECK_INT_EQ(selfe_arc_entry(arc, i, NULL, NULL, &data, &len), 0);
			for (size_t k = 0; k < len; k++)
				touched_sum += ((const unsigned char *)data)[k];
		}
	}
	free(copy);
	return status;
}

TEST(test_runtime__arc_reads_a_valid_archive)
{
	struct archive a = make_archive();
	struct selfe_arc arc;
	CHECK_INT_EQ(selfe_arc_open(&arc, a.bytes, a.size), SELFE_ARC_OK);
	CHECK_INT_EQ(selfe_arc_count(&arc), 3);

	const char *name;
	size_t name_len, len;
	const void *data;
	CHECK_INT_EQ(selfe_arc_entry(&arc, 2, &name, &name_len, &data, &len), SELFE_ARC_OK);
	CHECK_INT_EQ(name_len, 9);
	CHECK(memcmp(name, "gamma.txt", 9) == 0);
	CHECK_INT_EQ(len, 10);
	CHECK(memcmp(data, "0123456789", 10) == 0);
	CHECK((const unsigned char *)data == a.bytes + DATA_START + 4096);
	CHECK_INT_EQ(selfe_arc_entry(&arc, 3, &name, &name_len, &data, &len), SELFE_ARC_ERR_INDEX);

	CHECK_INT_EQ(selfe_arc_find(&arc, "alpha", &data, &len), SELFE_ARC_OK);
	CHECK_INT_EQ(len, 5);
	CHECK(memcmp(data, "AAAAA", 5) == 0);
	CHECK_INT_EQ(selfe_arc_find(&arc, "b", &data, &len), SELFE_ARC_OK);
	CHECK_INT_EQ(len, 0);
	/* Prefixes and extensions of a name are other names. */
	CHECK_INT_EQ(selfe_arc_find(&arc, "alph", &data, &len), SELFE_ARC_ERR_NOT_FOUND);
	CHECK_INT_EQ(selfe_arc_find(&arc, "alphabet", &data, &len), SELFE_ARC_ERR_NOT_FOUND);
	CHECK_INT_EQ(selfe_arc_find(&arc, "", &data, &len), SELFE_ARC_ERR_NOT_FOUND);
	CHECK_INT_EQ(selfe_arc_find(&arc, NULL, &data, &len), SELFE_ARC_ERR_ARGUMENT);
	free(a.bytes);
}

TEST(test_runtime__arc_reads_at_any_alignment)
{
	struct archive a = make_archive();
	unsigned char *shifted = malloc(a.size + 3);
	if (!shifted)
		abort();
	memcpy(shifted + 3, a.bytes, a.size);
	struct selfe_arc arc;
	const void *data;
	size_t len;
	CHECK_INT_EQ(selfe_arc_open(&arc, shifted + 3, a.size), SELFE_ARC_OK);
	CHECK_INT_EQ(selfe_arc_find(&arc, "gamma.txt", &data, &len), SELFE_ARC_OK);
	CHECK(memcmp(data, "0123456789", 10) == 0);
	free(shifted);
	free(a.bytes);
}

TEST(test_runtime__arc_empty_archive_has_no_files)
{
	unsigned char header[SELFE_ARC_HEADER_SIZE] = "selfearc\x01";
	put_le(header + 9, SELFE_ARC_HEADER_SIZE, 4);
	put_le(header + 13, 0, 4);
	struct selfe_arc arc;
	CHECK_INT_EQ(open_exact(header, sizeof(header), &arc), SELFE_ARC_OK);
	CHECK_INT_EQ(selfe_arc_count(&arc), 0);
	CHECK_INT_EQ(selfe_arc_find(&arc, "x", NULL, NULL), SELFE_ARC_ERR_NOT_FOUND);
}

/* One corruption: which bytes to change, the size to cut to (0: keep), the expected result. */
struct corruption {
	const char *what;
	size_t at;        /* offset of the field to overwrite */
	int width;        /* bytes of the field; 0: none */
	uint64_t value;   /* new little-endian value */
	size_t cut;       /* archive length to keep; ALL: whole */
	int expected;
};

#define E(i, field) (SELFE_ARC_HEADER_SIZE + (i) * SELFE_ARC_ENTRY_SIZE + (field))
#define NAME_LEN 0
#define OFFSET 256
#define LENGTH 264
#define WHOLE (DATA_START + 4096 + 10)
#define ALL SIZE_MAX

static const struct corruption corruptions[] = {
	{ "empty", 0, 0, 0, 0, SELFE_ARC_ERR_TRUNCATED },
	{ "header cut at 16 bytes", 0, 0, 0, 16, SELFE_ARC_ERR_TRUNCATED },
	{ "header cut at 8 bytes", 0, 0, 0, 8, SELFE_ARC_ERR_TRUNCATED },
	{ "bad magic", 0, 1, 'S', ALL, SELFE_ARC_ERR_MAGIC },
	{ "bad magic, last byte", 7, 1, 'C', ALL, SELFE_ARC_ERR_MAGIC },
	{ "version 0", 8, 1, 0, ALL, SELFE_ARC_ERR_VERSION },
	{ "version 2", 8, 1, 2, ALL, SELFE_ARC_ERR_VERSION },
	{ "data start past the end", 9, 4, WHOLE + 1, ALL, SELFE_ARC_ERR_DATA_START },
	{ "data start 0xffffffff", 9, 4, 0xffffffffu, ALL, SELFE_ARC_ERR_DATA_START },
	{ "data start inside the header", 9, 4, 16, ALL, SELFE_ARC_ERR_DATA_START },
	{ "directory overlaps data start", 9, 4, E(2, 271), ALL, SELFE_ARC_ERR_COUNT },
	{ "count too large", 13, 4, 16, ALL, SELFE_ARC_ERR_COUNT },
	{ "count 0xffffffff (multiplication would wrap)", 13, 4, 0xffffffffu, ALL, SELFE_ARC_ERR_COUNT },
	{ "count 0x0f0f0f10 (272 * count wraps to a small 32-bit number)", 13, 4, 0x0f0f0f10u, ALL,
	  SELFE_ARC_ERR_COUNT },
	{ "archive cut inside the directory", 0, 0, 0, E(1, 100), SELFE_ARC_ERR_DATA_START },
	{ "archive cut inside the last file", 0, 0, 0, WHOLE - 1, SELFE_ARC_ERR_BOUNDS },
	{ "empty name", E(1, NAME_LEN), 1, 0, ALL, SELFE_ARC_ERR_NAME },
	{ "name length 255 running into NUL padding", E(0, NAME_LEN), 1, 255, ALL, SELFE_ARC_ERR_NAME },
	{ "NUL inside a name", E(2, 1 + 3), 1, 0, ALL, SELFE_ARC_ERR_NAME },
	{ "offset past the end", E(0, OFFSET), 8, 4096 + 11, ALL, SELFE_ARC_ERR_BOUNDS },
	{ "offset + length one past the end", E(2, LENGTH), 8, 11, ALL, SELFE_ARC_ERR_BOUNDS },
	{ "length past the end", E(0, LENGTH), 8, 0x100000, ALL, SELFE_ARC_ERR_BOUNDS },
	{ "offset 2^64 - 1", E(1, OFFSET), 8, UINT64_MAX, ALL, SELFE_ARC_ERR_BOUNDS },
	{ "length 2^64 - 1", E(2, LENGTH), 8, UINT64_MAX, ALL, SELFE_ARC_ERR_BOUNDS },
	{ "offset + length wraps to 0", E(2, LENGTH), 8, UINT64_MAX - 4095, ALL, SELFE_ARC_ERR_BOUNDS },
	{ "offset past 4 GiB (wraps a 32-bit size_t)", E(1, OFFSET), 8, 0x100000000ULL, ALL, SELFE_ARC_ERR_BOUNDS },
	{ "length past 4 GiB (wraps a 32-bit size_t)", E(2, LENGTH), 8, 0x100000000ULL + 5, ALL, SELFE_ARC_ERR_BOUNDS },
};

TEST(test_runtime__arc_rejects_every_corruption)
{
	for (size_t i = 0; i < sizeof(corruptions) / sizeof(corruptions[0]); i++) {
		const struct corruption *c = &corruptions[i];
		struct archive a = make_archive();
		if (c->width)
			put_le(a.bytes + c->at, c->value, c->width);
		size_t size = c->cut == ALL ? a.size : c->cut;
		struct selfe_arc arc = { a.bytes, 1, 99, 5 }; /* garbage: must be reset on failure */
		int status = open_exact(a.bytes, size, &arc);
		if (status != c->expected)
			harness_fail(__FILE__, __LINE__, "%s: got %d (%s), expected %d (%s)", c->what, status,
				     selfe_arc_strerror(status), c->expected, selfe_arc_strerror(c->expected));
		CHECK_INT_EQ(selfe_arc_count(&arc), 0);
		const void *data = NULL;
		CHECK(selfe_arc_find(&arc, "alpha", &data, NULL) == SELFE_ARC_ERR_NOT_FOUND && data == NULL);
		free(a.bytes);
	}
}

TEST(test_runtime__arc_accepts_data_ending_exactly_at_the_end)
{
	struct archive a = make_archive();
	struct selfe_arc arc;
	/* gamma.txt ends at the last byte; an empty file may sit right at the end. */
	put_le(entry_at(&a, 1) + OFFSET, 4096 + 10, 8);
	CHECK_INT_EQ(open_exact(a.bytes, a.size, &arc), SELFE_ARC_OK);
	free(a.bytes);
}

TEST(test_runtime__arc_null_arguments)
{
	struct selfe_arc arc;
	CHECK_INT_EQ(selfe_arc_open(NULL, "selfearc", 8), SELFE_ARC_ERR_ARGUMENT);
	CHECK_INT_EQ(selfe_arc_open(&arc, NULL, 17), SELFE_ARC_ERR_ARGUMENT);
	CHECK_INT_EQ(selfe_arc_open(&arc, NULL, 0), SELFE_ARC_ERR_TRUNCATED);
	CHECK_INT_EQ(selfe_arc_count(NULL), 0);
	CHECK_INT_EQ(selfe_arc_entry(NULL, 0, NULL, NULL, NULL, NULL), SELFE_ARC_ERR_ARGUMENT);
	CHECK_INT_EQ(selfe_arc_find(NULL, "x", NULL, NULL), SELFE_ARC_ERR_ARGUMENT);
}

TEST(test_runtime__arc_every_status_has_its_own_description)
{
	const char *seen[16] = { 0 };
	for (int s = 0; s >= SELFE_ARC_ERR_INDEX; s--) {
		const char *d = selfe_arc_strerror(s);
		for (int t = 0; t > s; t--)
			CHECK(strcmp(d, seen[-t]) != 0);
		seen[-s] = d;
	}
	CHECK_STR_EQ(selfe_arc_strerror(-99), "unknown selfe-arc status");
}

TEST(test_runtime__arc_default_is_empty_without_linked_archive)
{
	/* This test binary links no _selfe_arc_start/_selfe_arc_end. */
	struct selfe_arc arc;
	CHECK_INT_EQ(selfe_arc_default(&arc), SELFE_ARC_OK);
	CHECK_INT_EQ(selfe_arc_count(&arc), 0);
	const void *data;
	size_t len;
	CHECK_INT_EQ(selfe_arc_find_default("data_file.txt", &data, &len), SELFE_ARC_ERR_NOT_FOUND);
	CHECK_INT_EQ(selfe_arc_default(NULL), SELFE_ARC_ERR_ARGUMENT);
}

/* A small deterministic generator (xorshift), so every run and every arch tries the same cases. */
static uint32_t next_random(uint32_t *state)
{
	uint32_t x = *state;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

TEST(test_runtime__arc_random_corruptions_never_escape_the_archive)
{
	/* Random bytes written over the header and directory, random cuts: whatever the reader
	 * accepts, every name and data range it hands out must lie inside the archive (checked
	 * here on every arch, and by ASan on the host). */
	uint32_t state = 0x5e1fea7c;
	unsigned accepted = 0, rejected = 0;
	for (int round = 0; round < 4000; round++) {
		struct archive a = make_archive();
		int writes = 1 + (int)(next_random(&state) % 4);
		for (int w = 0; w < writes; w++) {
			size_t at = next_random(&state) % (SELFE_ARC_HEADER_SIZE + 3 * SELFE_ARC_ENTRY_SIZE);
			/* Mostly the numeric fields' bytes, whose values matter most. */
			if (next_random(&state) % 2) {
				static const size_t fields[] = { 8, 9, 12, 13, 16, E(0, 0), E(0, 256), E(0, 263), E(1, 264),
								 E(1, 271), E(2, 0), E(2, 256), E(2, 264), E(2, 270) };
				at = fields[next_random(&state) % (sizeof(fields) / sizeof(fields[0]))];
			}
			a.bytes[at] = (unsigned char)next_random(&state);
		}
		size_t size = next_random(&state) % 8 ? a.size : next_random(&state) % (a.size + 1);
		unsigned char *copy = malloc(size ? size : 1);
		if (!copy)
			abort();
		memcpy(copy, a.bytes, size);
		struct selfe_arc arc;
		int status = selfe_arc_open(&arc, copy, size);
		if (status == SELFE_ARC_OK) {
			accepted++;
			for (size_t i = 0; i < selfe_arc_count(&arc); i++) {
				const char *name;
				size_t name_len, len;
				const void *data;
				CHECK_INT_EQ(selfe_arc_entry(&arc, i, &name, &name_len, &data, &len), 0);
				uintptr_t lo = (uintptr_t)copy, hi = lo + size;
				CHECK((uintptr_t)name >= lo && (uintptr_t)name + name_len <= hi);
				CHECK((uintptr_t)data >= lo && (uintptr_t)data <= hi && len <= hi - (uintptr_t)data);
				for (size_t k = 0; k < len; k++)
					touched_sum += ((const unsigned char *)data)[k];
			}
		} else {
			rejected++;
			CHECK_INT_EQ(selfe_arc_count(&arc), 0);
		}
		free(copy);
		free(a.bytes);
	}
	/* Both outcomes occur, or the mutations test nothing. */
	CHECK(accepted > 100);
	CHECK(rejected > 100);
}
