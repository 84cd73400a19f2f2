/* SPDX-License-Identifier: BSD-2-Clause */
/* The string index (src/util/strindex.c) and the stale-temporary names (src/util/fs_stale.c). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "util/arena.h"
#include "util/fs.h"
#include "util/strindex.h"

TEST(strindex_finds_every_key_through_growth)
{
	struct arena *a = arena_new();
	struct str_index ix = { 0 };
	CHECK_INT_EQ(str_index_get(&ix, "missing"), -1);
	const char *keys[5000];
	for (size_t i = 0; i < 5000; i++) {
		keys[i] = arena_printf(a, "key_%zu", i);
		str_index_put(a, &ix, keys[i], i);
	}
	size_t wrong = 0;
	for (size_t i = 0; i < 5000; i++)
		wrong += str_index_get(&ix, arena_printf(a, "key_%zu", i)) != (long)i;
	CHECK_INT_EQ(wrong, 0);
	CHECK_INT_EQ(ix.len, 5000);
	str_index_put(a, &ix, keys[7], 42); /* a key again: replaced, not added */
	CHECK_INT_EQ(str_index_get(&ix, "key_7"), 42);
	CHECK_INT_EQ(ix.len, 5000);
	CHECK_INT_EQ(str_index_get(&ix, "key_5000"), -1);
	arena_free(a);
}

TEST(stale_temp_names)
{
	long pid = 0;
	CHECK(fs_temp_name_pid("libsel4.tmp.1234", &pid) && pid == 1234);
	CHECK(fs_temp_name_pid("out.old.77", &pid) && pid == 77);
	CHECK(!fs_temp_name_pid("main.c.o", &pid));
	CHECK(!fs_temp_name_pid("x.tmp.", &pid));
	CHECK(!fs_temp_name_pid("x.tmp.12a", &pid));
	CHECK(!fs_temp_name_pid(".tmp.5", &pid) || pid == 5);
}

TEST(stale_temps_of_dead_processes_go_live_ones_stay)
{
	char dir[] = "/tmp/selfe-stale-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0); /* its PID is now dead */
	char dead[128], live[128], other[128], sub[128], nested[160];
	snprintf(dead, sizeof dead, "%s/out.tmp.%ld", dir, (long)child);
	snprintf(live, sizeof live, "%s/out.tmp.%ld", dir, (long)getpid());
	snprintf(other, sizeof other, "%s/keep.c", dir);
	snprintf(sub, sizeof sub, "%s/sub", dir);
	snprintf(nested, sizeof nested, "%s/sub/lib.old.%ld", dir, (long)child);
	CHECK(mkdir(sub, 0755) == 0);
	const char *files[] = { dead, live, other, nested };
	for (size_t i = 0; i < 4; i++) {
		FILE *f = fopen(files[i], "w");
		CHECK(f != NULL);
		if (f)
			fclose(f);
	}
	CHECK_INT_EQ(fs_remove_stale_temps(dir, "other.", 1), 0); /* the prefix limits it */
	CHECK_INT_EQ(fs_remove_stale_temps(dir, NULL, 0), 1);     /* not into sub/ */
	CHECK(access(dead, F_OK) != 0);
	CHECK(access(live, F_OK) == 0);
	CHECK(access(other, F_OK) == 0);
	CHECK(access(nested, F_OK) == 0);
	CHECK_INT_EQ(fs_remove_stale_temps(dir, NULL, 1), 1);
	CHECK(access(nested, F_OK) != 0);
	fs_remove_tree(dir);
}
