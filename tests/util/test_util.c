/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests for the host utilities: string buffer, arena, paths, suggestions, atomic writes. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "util/arena.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/json.h"
#include "util/path.h"
#include "util/sb.h"
#include "util/suggest.h"

TEST(test_util__sb_is_always_a_string)
{
	struct sb sb = SB_INIT;
	CHECK_STR_EQ(sb_str(&sb), "");
	sb_addf(&sb, "%s-%d", "a", 42);
	sb_addch(&sb, '!');
	CHECK_STR_EQ(sb_str(&sb), "a-42!");
	CHECK_INT_EQ(sb.len, 5);
	sb_reset(&sb);
	CHECK_STR_EQ(sb_str(&sb), "");
	char *s = sb_detach(&sb);
	CHECK_STR_EQ(s, "");
	free(s);
	for (int i = 0; i < 10000; i++)
		sb_adds(&sb, "xyz");
	CHECK_INT_EQ(sb.len, 30000);
	sb_release(&sb);
}

TEST(test_util__arena_memory_is_zeroed_and_grows)
{
	struct arena *a = arena_new();
	int *small = arena_alloc(a, 16 * sizeof(int));
	for (int i = 0; i < 16; i++)
		CHECK_INT_EQ(small[i], 0);
	char *big = arena_alloc(a, 1 << 20);
	CHECK_INT_EQ(big[(1 << 20) - 1], 0);
	int *arr = NULL;
	size_t cap = 0;
	for (int i = 0; i < 1000; i++) {
		arr = arena_grow(a, arr, &cap, (size_t)i + 1, sizeof(int));
		arr[i] = i;
	}
	CHECK_INT_EQ(arr[999], 999);
	CHECK_INT_EQ(arr[0], 0);
	CHECK_STR_EQ(arena_printf(a, "%s=%d", "k", 7), "k=7");
	arena_free(a);
}

TEST(test_util__path_normalize)
{
	static const char *cases[][2] = {
		{ "a/./b/../c", "a/c" }, { "/x/../../y", "/y" }, { "../a/..", ".." }, { "a//b/", "a/b" },
		{ ".", "." },		 { "/", "/" },		 { "a/..", "." },      { "../../x", "../../x" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *n = path_normalize(cases[i][0]);
		CHECK_STR_EQ(n, cases[i][1]);
		free(n);
	}
	char *j = path_join("/base/dir", "../seL4");
	CHECK_STR_EQ(j, "/base/seL4");
	free(j);
	j = path_join("/base/dir", "/abs/x");
	CHECK_STR_EQ(j, "/abs/x");
	free(j);
	char *d = path_dirname("a/b/c.toml");
	CHECK_STR_EQ(d, "a/b");
	free(d);
	d = path_dirname("c.toml");
	CHECK_STR_EQ(d, ".");
	free(d);
	d = path_dirname("/c.toml");
	CHECK_STR_EQ(d, "/");
	free(d);
}

TEST(test_util__suggest_finds_typos_only)
{
	static const char *const words[] = { "kernel", "tools", "util_libs", "config", NULL };
	CHECK_STR_EQ(suggest_closest("kernal", words), "kernel");
	CHECK_STR_EQ(suggest_closest("cnofig", words), "config");
	CHECK_STR_EQ(suggest_closest("Tools", words), "tools");
	CHECK(suggest_closest("platform", words) == NULL);
	CHECK_INT_EQ(suggest_distance("abc", "abc"), 0);
	CHECK_INT_EQ(suggest_distance("ab", "ba"), 1);
	CHECK_INT_EQ(suggest_distance("", "abc"), 3);
}

TEST(test_util__json_escapes_control_characters)
{
	struct sb sb = SB_INIT;
	json_write_string(&sb, "a\"b\\c\n\x01\xc3\xa9", 9);
	CHECK_STR_EQ(sb_str(&sb), "\"a\\\"b\\\\c\\n\\u0001\xc3\xa9\"");
	sb_release(&sb);
}

TEST(test_util__atomic_write_replaces_whole_file)
{
	char dir[] = "/tmp/selfe-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	struct sb path = SB_INIT;
	sb_addf(&path, "%s/out.txt", dir);
	CHECK_INT_EQ(fs_write_atomic(sb_str(&path), "first", 5), 0);
	CHECK_INT_EQ(fs_write_atomic(sb_str(&path), "second", 6), 0);
	size_t len = 0;
	char *text = fs_read_file(sb_str(&path), &len);
	CHECK_STR_EQ(text, "second");
	CHECK_INT_EQ(len, 6);
	free(text);
	unlink(sb_str(&path));
	/* A folder that does not exist: an error, and no temporary file left behind. */
	struct sb diag = SB_INIT;
	diag_capture(&diag);
	sb_reset(&path);
	sb_addf(&path, "%s/missing/out.txt", dir);
	CHECK_INT_EQ(fs_write_atomic(sb_str(&path), "x", 1), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&diag), "missing/out.txt: error: cannot create file");
	CHECK(rmdir(dir) == 0);
	sb_release(&diag);
	sb_release(&path);
}

TEST(test_util__diag_formats_locations)
{
	struct sb out = SB_INIT;
	diag_capture(&out);
	CHECK_INT_EQ(diag_error(&(struct loc){ "f.toml", 3, 7 }, "bad '%s'", "x"), -1);
	diag_note(&(struct loc){ "f.toml", 3, 0 }, "fix it");
	diag_error(NULL, "plain");
	CHECK_INT_EQ(diag_error_count(), 2);
	diag_capture(NULL);
	CHECK_STR_EQ(sb_str(&out), "f.toml:3:7: error: bad 'x'\nf.toml:3: note: fix it\nselfe: error: plain\n");
	sb_release(&out);
}
