/* SPDX-License-Identifier: BSD-2-Clause */
/* Trees whose symbolic links are stored as files: used through a copy with the links restored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "source/source.h"
#include "util/fs.h"
#include "util/path.h"

static void put(struct arena *a, const char *dir, const char *rel, const char *text, int mode)
{
	const char *p = arena_printf(a, "%s/%s", dir, rel);
	char *parent = path_dirname(p);
	if (fs_mkdirs(parent) || fs_write_atomic(p, text, strlen(text)) || chmod(p, (mode_t)mode))
		abort();
	free(parent);
}

TEST(test_source__placeholders_become_links_in_a_copy)
{
	struct arena *a = arena_new();
	char dir[] = "/tmp/selfe-links-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	const char *tree = arena_printf(a, "%s/tree", dir);
	setenv("XDG_CACHE_HOME", arena_printf(a, "%s/cache", dir), 1);
	put(a, tree, "tools/condition.py", "def condition(): pass\n", 0644);
	put(a, tree, "tools/cpp_gen.sh", "#!/bin/sh\n", 0755);
	put(a, tree, "libsel4/tools/condition.py", "../../tools/condition.py", 0644);
	put(a, tree, "include/a.h", "../include/missing.h", 0644); /* no such target: left alone */
	struct sb err = SB_INIT;
	diag_capture(&err);
	const char *copy = source_with_links(a, tree);
	CHECK(copy != NULL && strcmp(copy, tree) != 0);
	if (copy) {
		char target[256];
		ssize_t n = readlink(arena_printf(a, "%s/libsel4/tools/condition.py", copy), target, sizeof(target) - 1);
		CHECK(n > 0);
		target[n > 0 ? n : 0] = '\0';
		CHECK_STR_EQ(target, "../../tools/condition.py");
		size_t len;
		char *text = fs_read_file(arena_printf(a, "%s/libsel4/tools/condition.py", copy), &len);
		CHECK_STR_EQ(text, "def condition(): pass\n");
		free(text);
		CHECK(access(arena_printf(a, "%s/tools/cpp_gen.sh", copy), X_OK) == 0);
		text = fs_read_file(arena_printf(a, "%s/include/a.h", copy), &len);
		CHECK_STR_EQ(text, "../include/missing.h");
		free(text);
		/* the same tree: the same copy, not made again */
		CHECK_STR_EQ(source_with_links(a, tree), copy);
		/* a changed tree: a new copy */
		put(a, tree, "tools/condition.py", "def condition(): return 1\n", 0644);
		const char *again = source_with_links(a, tree);
		CHECK(again != NULL && strcmp(again, copy) != 0);
	}
	diag_capture(NULL);
	CHECK_STR_EQ(sb_str(&err), "");
	sb_release(&err);
	fs_remove_tree(dir);
	arena_free(a);
}

TEST(test_source__a_tree_with_real_links_is_used_as_it_is)
{
	struct arena *a = arena_new();
	char dir[] = "/tmp/selfe-links-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	const char *tree = arena_printf(a, "%s/tree", dir);
	put(a, tree, "tools/condition.py", "x\n", 0644);
	CHECK_INT_EQ(fs_mkdirs(arena_printf(a, "%s/libsel4/tools", tree)), 0);
	CHECK_INT_EQ(symlink("../../tools/condition.py", arena_printf(a, "%s/libsel4/tools/condition.py", tree)), 0);
	CHECK_STR_EQ(source_with_links(a, tree), tree);
	fs_remove_tree(dir);
	arena_free(a);
}
