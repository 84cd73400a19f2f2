/* SPDX-License-Identifier: BSD-2-Clause */
/* OUT/.selfe/files: what one selfe gen run tells the next about the files it read and wrote. */
#include <string.h>

#include "gen/libsel4/manifest.h"
#include "harness.h"

TEST(test_manifest__round_trips_and_replaces_entries)
{
	struct arena *a = arena_new();
	struct manifest m, back;
	manifest_init(&m, a);
	struct file_id x = { 10, 1700000000, 123456789, 42, 65024, 1700000001, 5 }, y = { -1, 5, 0, 7, 1, 6, 0 };
	manifest_put(&m, 'T', "/tree/libsel4/include/sel4/sel4.h", 0x0123456789abcdefull, &x);
	manifest_put(&m, 'O', "sel4/sel4.h", 0xfedcba9876543210ull, &y);
	manifest_put(&m, 'O', "name with spaces.h", 1, &x);
	manifest_put(&m, 'O', "sel4/sel4.h", 2, &x); /* replaces, keeps its place */
	CHECK_INT_EQ(m.count, 3);
	struct sb text = SB_INIT;
	manifest_format(&m, &text);
	manifest_init(&back, a);
	CHECK(manifest_parse(&back, text.buf, text.len));
	CHECK_INT_EQ(back.count, 3);
	const struct manifest_entry *e = manifest_find(&back, 'O', "sel4/sel4.h");
	CHECK(e != NULL);
	if (e) {
		CHECK(e->hash == 2);
		CHECK(file_id_equal(&e->id, &x));
	}
	e = manifest_find(&back, 'T', "/tree/libsel4/include/sel4/sel4.h");
	CHECK(e != NULL && e->hash == 0x0123456789abcdefull && file_id_equal(&e->id, &x));
	e = manifest_find(&back, 'O', "name with spaces.h");
	CHECK(e != NULL && e->hash == 1);
	/* The kind is part of the key. */
	CHECK(manifest_find(&back, 'T', "sel4/sel4.h") == NULL);
	/* Formatting the parsed manifest gives the same text. */
	struct sb again = SB_INIT;
	manifest_format(&back, &again);
	CHECK_STR_EQ(sb_str(&again), sb_str(&text));
	sb_release(&again);
	sb_release(&text);
	arena_free(a);
}

TEST(test_manifest__malformed_text_gives_an_empty_manifest)
{
	static const char *const bad[] = {
		"X 0 1 2 3 4 5 name\n",          /* unknown kind */
		"T 0 1 2 3 4 5\n",               /* no name */
		"T 0 1 2 3 4 name\n",            /* a number missing */
		"T zz 1 2 3 4 5 name\n",         /* not a hash */
		"O 1 1 2 3 4 5 a\nO 1 1 2 3",    /* cut short */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct arena *a = arena_new();
		struct manifest m;
		manifest_init(&m, a);
		CHECK(!manifest_parse(&m, bad[i], strlen(bad[i])));
		CHECK_INT_EQ(m.count, 0);
		CHECK(manifest_find(&m, 'O', "a") == NULL);
		arena_free(a);
	}
	struct arena *a = arena_new();
	struct manifest m;
	manifest_init(&m, a);
	manifest_load(&m, "/nonexistent/selfe/manifest"); /* missing: empty, and no error */
	CHECK_INT_EQ(m.count, 0);
	CHECK(manifest_parse(&m, "", 0));
	arena_free(a);
}

TEST(test_manifest__identities_and_hashes_tell_files_apart)
{
	struct stat st;
	memset(&st, 0, sizeof(st));
	st.st_size = 5;
	st.st_mtim.tv_sec = 100;
	st.st_mtim.tv_nsec = 7;
	st.st_ino = 9;
	st.st_dev = 3;
	struct file_id a, b;
	file_id_of(&a, &st);
	b = a;
	CHECK(file_id_equal(&a, &b));
	long long *fields[] = { &b.size, &b.mtime_sec, &b.mtime_nsec, &b.ino, &b.dev, &b.ctime_sec, &b.ctime_nsec };
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		b = a;
		++*fields[i]; /* each field on its own makes a different file */
		CHECK(!file_id_equal(&a, &b));
	}
	/* Every length around the word size, and a change in any byte, changes the hash. */
	char buf[40];
	memset(buf, 'x', sizeof(buf));
	uint64_t seen[sizeof(buf) + 1];
	for (size_t n = 0; n <= sizeof(buf); n++) {
		seen[n] = content_hash(buf, n);
		for (size_t k = 0; k < n; k++)
			CHECK(seen[k] != seen[n]);
	}
	for (size_t i = 0; i < sizeof(buf); i++) {
		buf[i] = 'y';
		CHECK(content_hash(buf, sizeof(buf)) != seen[sizeof(buf)]);
		buf[i] = 'x';
	}
	CHECK(content_hash(buf, sizeof(buf)) == seen[sizeof(buf)]);
	CHECK(content_hash("", 0) != content_hash("\0", 1));
}
