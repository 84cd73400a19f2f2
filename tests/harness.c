/* SPDX-License-Identifier: BSD-2-Clause */
/* The harness's runner: registration table, failure recording, the closing count line. */
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

struct test {
	const char *name;
	harness_fn fn;
};

static struct test *tests;
static size_t ntests, captests;
static unsigned current_failures;
static int current_skipped;
static const char *current_name;

void harness_register(const char *name, harness_fn fn)
{
	if (ntests == captests) {
		captests = captests ? captests * 2 : 64;
		tests = realloc(tests, captests * sizeof(*tests));
		if (!tests)
			abort();
	}
	tests[ntests].name = name;
	tests[ntests].fn = fn;
	ntests++;
}

void harness_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:%d: %s: ", file, line, current_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	current_failures++;
}

void harness_skip(const char *why)
{
	printf("skip: %s: %s\n", current_name, why);
	current_skipped = 1;
}

const char *harness_data_dir(void)
{
	const char *d = getenv("SELFE_TEST_DATA");
	return d ? d : "tests";
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct test *)a)->name, ((const struct test *)b)->name);
}

int main(int argc, char **argv)
{
	const char *prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	unsigned passed = 0, failed = 0, skipped = 0;
	qsort(tests, ntests, sizeof(*tests), by_name);
	for (size_t i = 0; i < ntests; i++) {
		if (argc > 1 && !strstr(tests[i].name, argv[1]))
			continue;
		current_name = tests[i].name;
		current_failures = 0;
		current_skipped = 0;
		tests[i].fn();
		if (current_failures)
			failed++;
		else if (current_skipped)
			skipped++;
		else
			passed++;
	}
	free(tests);
	if (skipped)
		printf("%s: %u passed, %u failed, %u skipped\n", prog, passed, failed, skipped);
	else
		printf("%s: %u passed, %u failed\n", prog, passed, failed);
	return failed ? 1 : 0;
}
