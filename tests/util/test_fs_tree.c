/* SPDX-License-Identifier: BSD-2-Clause */
/* The file helpers used to fill and swap whole folders: new files, links, exchange, removal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/sb.h"

static const char *at(struct sb *sb, const char *dir, const char *rel)
{
	sb_reset(sb);
	sb_addf(sb, "%s/%s", dir, rel);
	return sb_str(sb);
}

static char *slurp(const char *path)
{
	size_t len;
	return fs_read_file(path, &len);
}

TEST(test_fs__write_new_never_writes_through_a_link)
{
	char dir[] = "/tmp/selfe-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	struct sb a = SB_INIT, b = SB_INIT;
	struct stat st;
	CHECK_INT_EQ(fs_write_new(at(&a, dir, "a"), "old", 3, &st), 0);
	CHECK_INT_EQ(st.st_size, 3);
	CHECK_INT_EQ(fs_link_or_copy(sb_str(&a), at(&b, dir, "b")), 0);
	struct stat sa, sb_;
	CHECK(stat(sb_str(&a), &sa) == 0 && stat(sb_str(&b), &sb_) == 0);
	CHECK(sa.st_ino == sb_.st_ino); /* same file system: a link, not a copy */
	/* Rewriting b gives b a file of its own; a keeps its bytes. */
	CHECK_INT_EQ(fs_write_new(sb_str(&b), "newer", 5, &st), 0);
	char *ta = slurp(sb_str(&a)), *tb = slurp(sb_str(&b));
	CHECK_STR_EQ(ta, "old");
	CHECK_STR_EQ(tb, "newer");
	CHECK(st.st_ino != sa.st_ino);
	free(ta);
	free(tb);
	/* Linking over an existing file replaces it. */
	CHECK_INT_EQ(fs_link_or_copy(sb_str(&a), sb_str(&b)), 0);
	tb = slurp(sb_str(&b));
	CHECK_STR_EQ(tb, "old");
	free(tb);
	CHECK_INT_EQ(fs_remove_tree(dir), 0);
	CHECK(access(dir, F_OK) != 0);
	sb_release(&a);
	sb_release(&b);
}

TEST(test_fs__exchange_swaps_two_folders)
{
	char dir[] = "/tmp/selfe-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	struct sb x = SB_INIT, y = SB_INIT, f = SB_INIT;
	CHECK_INT_EQ(fs_mkdirs(at(&x, dir, "x")), 0);
	CHECK_INT_EQ(fs_mkdirs(at(&y, dir, "y")), 0);
	CHECK_INT_EQ(fs_write_new(at(&f, dir, "x/in-x"), "", 0, NULL), 0);
	int rc = fs_exchange(sb_str(&x), sb_str(&y));
	CHECK(rc == 0 || rc == 1);
	if (rc == 0) {
		CHECK(access(at(&f, dir, "y/in-x"), F_OK) == 0);
		CHECK(access(at(&f, dir, "x/in-x"), F_OK) != 0);
	} else {
		CHECK(access(at(&f, dir, "x/in-x"), F_OK) == 0); /* unsupported: nothing moved */
	}
	/* A missing side is an error, reported, not "unsupported". */
	struct sb diag = SB_INIT;
	diag_capture(&diag);
	rc = fs_exchange(sb_str(&x), at(&f, dir, "missing"));
	diag_capture(NULL);
	CHECK(rc == -1 || rc == 1);
	if (rc == -1)
		CHECK_STR_CONTAINS(sb_str(&diag), "missing: error: cannot replace the folder");
	CHECK_INT_EQ(fs_remove_tree(dir), 0);
	sb_release(&diag);
	sb_release(&x);
	sb_release(&y);
	sb_release(&f);
}

TEST(test_fs__remove_tree_removes_everything_and_follows_no_link)
{
	char dir[] = "/tmp/selfe-test-XXXXXX", outside[] = "/tmp/selfe-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	CHECK(mkdtemp(outside) != NULL);
	struct sb p = SB_INIT, q = SB_INIT;
	CHECK_INT_EQ(fs_mkdirs(at(&p, dir, "a/b/c")), 0);
	CHECK_INT_EQ(fs_mkdirs(at(&p, dir, "a/empty")), 0);
	CHECK_INT_EQ(fs_write_new(at(&p, dir, "a/b/c/f"), "x", 1, NULL), 0);
	CHECK_INT_EQ(fs_write_new(at(&p, dir, "a/g"), "y", 1, NULL), 0);
	CHECK_INT_EQ(fs_write_new(at(&q, outside, "keep"), "z", 1, NULL), 0);
	CHECK(symlink(outside, at(&p, dir, "a/b/link")) == 0);
	CHECK_INT_EQ(fs_remove_tree(dir), 0);
	CHECK(access(dir, F_OK) != 0);
	CHECK(access(at(&q, outside, "keep"), F_OK) == 0);
	CHECK_INT_EQ(fs_remove_tree(dir), 0); /* already gone: not an error */
	/* A single file. */
	CHECK_INT_EQ(fs_remove_tree(sb_str(&q)), 0);
	CHECK(access(sb_str(&q), F_OK) != 0);
	CHECK(rmdir(outside) == 0);
	sb_release(&p);
	sb_release(&q);
}

struct seen {
	struct sb names;
	long long bytes;
};

static int note(const char *rel, const struct stat *st, void *ctx)
{
	struct seen *s = ctx;
	sb_addf(&s->names, "%s;", rel);
	s->bytes += (long long)st->st_size;
	return 0;
}

TEST(test_fs__walk_hands_over_each_files_stat_in_name_order)
{
	char dir[] = "/tmp/selfe-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	struct sb p = SB_INIT;
	CHECK_INT_EQ(fs_mkdirs(at(&p, dir, "m/n")), 0);
	CHECK_INT_EQ(fs_write_new(at(&p, dir, "z"), "12345", 5, NULL), 0);
	CHECK_INT_EQ(fs_write_new(at(&p, dir, "m/n/b"), "12", 2, NULL), 0);
	CHECK_INT_EQ(fs_write_new(at(&p, dir, "m/a"), "1", 1, NULL), 0);
	struct seen s = { SB_INIT, 0 };
	CHECK_INT_EQ(fs_walk_files_stat(dir, note, &s), 0);
	CHECK_STR_EQ(sb_str(&s.names), "m/a;m/n/b;z;");
	CHECK_INT_EQ(s.bytes, 8);
	CHECK_INT_EQ(fs_remove_tree(dir), 0);
	sb_release(&s.names);
	sb_release(&p);
}
