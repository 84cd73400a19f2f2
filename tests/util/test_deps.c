/* SPDX-License-Identifier: BSD-2-Clause */
/* The up-to-date record (util/deps.h): current only while the key, every input, every variable
 * and every file of OUT are as recorded; never written for an opaque run or a fresh input. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "util/deps.h"
#include "util/fs.h"
#include "util/sb.h"

/* Past the file system's clock tick, so that files written before count as older. */
static void tick(void)
{
	struct timespec t = { 0, 30 * 1000 * 1000 };
	nanosleep(&t, NULL);
}

/* A record of OUT (two files) with "/" as the only file input (its change time is old) and
 * $SELFE_TEST_DEPS; written as OUT/.selfe/deps.  Returns its key. */
static uint64_t record(struct arena *a, const char *out)
{
	struct deps d;
	deps_init(&d, a);
	deps_key(&d, "request");
	deps_file(&d, "/");
	deps_env(&d, "SELFE_TEST_DEPS");
	deps_outputs(&d, out, ".selfe");
	struct sb text = SB_INIT;
	const char *why = NULL;
	CHECK_INT_EQ(deps_format(&d, &text, &why), 0);
	tick();
	CHECK_INT_EQ(fs_write_atomic(arena_printf(a, "%s/.selfe/deps", out), text.buf, text.len), 0);
	sb_release(&text);
	return d.key;
}

TEST(test_deps__current_until_anything_changes)
{
	struct arena *a = arena_new();
	char dir[] = "/tmp/selfe-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	const char *out = dir, *rec = arena_printf(a, "%s/.selfe/deps", dir);
	CHECK_INT_EQ(fs_mkdirs(arena_printf(a, "%s/.selfe", out)), 0);
	CHECK_INT_EQ(fs_mkdirs(arena_printf(a, "%s/sub", out)), 0);
	CHECK_INT_EQ(fs_write_atomic(arena_printf(a, "%s/a.h", out), "a", 1), 0);
	CHECK_INT_EQ(fs_write_atomic(arena_printf(a, "%s/sub/b.h", out), "b", 1), 0);
	unsetenv("SELFE_TEST_DEPS");
	tick();
	uint64_t key = record(a, out);
	const char *why = NULL;
	CHECK(deps_current(a, rec, key, out, ".selfe", &why));
	CHECK(!deps_current(a, rec, key + 1, out, ".selfe", &why));
	CHECK_STR_CONTAINS(why, "request");
	/* A variable set. */
	setenv("SELFE_TEST_DEPS", "1", 1);
	CHECK(!deps_current(a, rec, key, out, ".selfe", &why));
	CHECK_STR_CONTAINS(why, "SELFE_TEST_DEPS");
	unsetenv("SELFE_TEST_DEPS");
	CHECK(deps_current(a, rec, key, out, ".selfe", &why));
	/* A file of OUT added, then removed again: current again (the same files as recorded). */
	CHECK_INT_EQ(fs_write_atomic(arena_printf(a, "%s/sub/c.h", out), "c", 1), 0);
	CHECK(!deps_current(a, rec, key, out, ".selfe", &why));
	unlink(arena_printf(a, "%s/sub/c.h", out));
	CHECK(deps_current(a, rec, key, out, ".selfe", &why));
	/* Files below .selfe are not outputs. */
	CHECK_INT_EQ(fs_write_atomic(arena_printf(a, "%s/.selfe/other", out), "x", 1), 0);
	CHECK(deps_current(a, rec, key, out, ".selfe", &why));
	/* A file of OUT rewritten with the same bytes, or deleted. */
	CHECK_INT_EQ(fs_write_atomic(arena_printf(a, "%s/sub/b.h", out), "b", 1), 0);
	CHECK(!deps_current(a, rec, key, out, ".selfe", &why));
	CHECK_STR_CONTAINS(why, "sub/b.h");
	tick();
	key = record(a, out);
	CHECK(deps_current(a, rec, key, out, ".selfe", &why));
	unlink(arena_printf(a, "%s/sub/b.h", out));
	CHECK(!deps_current(a, rec, key, out, ".selfe", &why));
	/* No record, or a malformed one. */
	CHECK(!deps_current(a, arena_printf(a, "%s/none", out), key, out, ".selfe", &why));
	CHECK_INT_EQ(fs_write_atomic(rec, "selfe-deps 1\nkey 0\nF x\n", 23), 0);
	CHECK(!deps_current(a, rec, key, out, ".selfe", &why));
	fs_remove_tree(dir);
	arena_free(a);
}

TEST(test_deps__no_record_when_opaque_or_an_input_is_fresh)
{
	struct arena *a = arena_new();
	char dir[] = "/tmp/selfe-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	struct deps d;
	deps_init(&d, a);
	deps_file(&d, "/");
	deps_opaque(&d, "the configuration files run 'dtc'");
	struct sb text = SB_INIT;
	const char *why = NULL;
	CHECK_INT_EQ(deps_format(&d, &text, &why), -1);
	CHECK_STR_CONTAINS(why, "dtc");
	/* An input changed a moment ago: a change right after it was read could keep its stamps. */
	const char *fresh = arena_printf(a, "%s/fresh", dir);
	CHECK_INT_EQ(fs_write_atomic(fresh, "x", 1), 0);
	deps_init(&d, a);
	deps_file(&d, fresh);
	CHECK_INT_EQ(deps_format(&d, &text, &why), -1);
	CHECK_STR_CONTAINS(why, "too recently");
	/* A probe records the nearest existing folder; a path with a line break cannot be recorded. */
	deps_init(&d, a);
	deps_probe(&d, arena_printf(a, "%s/no/such/file", dir));
	CHECK_INT_EQ(d.n, 1);
	CHECK_STR_EQ(d.e[0].name, dir);
	deps_file(&d, "/tmp/a\nb");
	CHECK(d.opaque != NULL);
	sb_release(&text);
	fs_remove_tree(dir);
	arena_free(a);
}
