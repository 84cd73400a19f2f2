/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * circular_includes.py: reads the preprocessed kernel (cpp output) on stdin and fails when a
 * file is entered again while it is still open.  Followed exactly as the script reads line
 * markers: a marker `# N "file.x"` with N = 1 opens `file`, any other N returns to `file`
 * (closing everything opened after it); markers naming an ignored file and N 0 or 1 are skipped.
 * A loop prints "Circular includes found:", the open files and the repeated one, exit 255.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pytools/pytools_native.h"
#include "util/diag.h"

/* The file name of a marker line `# DIGITS "NAME"...`: NAME runs to the last `"` that follows
 * a '.' and one more character (the script's `"(.*\..)"`).  Returns its length, 0 if none. */
static size_t marker(const char *line, size_t len, unsigned long *num, const char **name)
{
	if (len < 4 || line[0] != '#' || line[1] != ' ' || line[2] < '0' || line[2] > '9')
		return 0;
	size_t i = 2;
	unsigned long n = 0;
	while (i < len && line[i] >= '0' && line[i] <= '9')
		n = n * 10 + (unsigned long)(line[i++] - '0');
	if (i + 1 >= len || line[i] != ' ' || line[i + 1] != '"')
		return 0;
	const char *start = line + i + 2;
	size_t rest = len - (i + 2);
	for (size_t k = rest; k-- > 2;)
		if (start[k] == '"' && start[k - 2] == '.') {
			*num = n;
			*name = start;
			return k;
		}
	return 0;
}

static bool ignored(const char *line, size_t len, const char *const *ignore, size_t nignore)
{
	/* `^# [01] ".*(IGNORED)"` */
	if (len < 5 || line[0] != '#' || line[1] != ' ' || (line[2] != '0' && line[2] != '1') || line[3] != ' ' ||
	    line[4] != '"')
		return false;
	for (size_t i = 0; i < nignore; i++) {
		size_t il = strlen(ignore[i]);
		for (size_t k = 5; k + il < len; k++)
			if (!memcmp(line + k, ignore[i], il) && line[k + il] == '"')
				return true;
	}
	return false;
}

int circular_includes_main(int argc, char **argv)
{
	/* argparse's --ignore takes one or more words: every word after it. */
	const char **ignore = NULL;
	size_t nignore = 0;
	bool in_ignore = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--ignore")) {
			in_ignore = true;
			continue;
		}
		if (!in_ignore || argv[i][0] == '-') {
			free(ignore);
			diag_error(NULL, "circular_includes: unexpected argument '%s' (usage: --ignore FILE...)", argv[i]);
			return 2;
		}
		ignore = realloc(ignore, (nignore + 1) * sizeof(*ignore));
		if (!ignore)
			abort();
		ignore[nignore++] = argv[i];
	}
	char **stack = NULL;
	size_t depth = 0, cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t n;
	int rc = 0;
	while ((n = getline(&line, &lcap, stdin)) > 0) {
		size_t len = (size_t)n;
		if (line[len - 1] == '\n')
			len--;
		if (line[0] != '#' || ignored(line, len, ignore, nignore))
			continue;
		unsigned long num;
		const char *name;
		size_t nl = marker(line, len, &num, &name);
		if (!nl)
			continue;
		if (num == 1) {
			for (size_t i = 0; i < depth; i++)
				if (strlen(stack[i]) == nl && !memcmp(stack[i], name, nl)) {
					printf("Circular includes found:\n");
					for (size_t k = 0; k < depth; k++)
						printf("%s\n", stack[k]);
					printf("%.*s\n", (int)nl, name);
					rc = 255;
					goto out;
				}
			if (depth == cap) {
				cap = cap ? cap * 2 : 64;
				stack = realloc(stack, cap * sizeof(*stack));
				if (!stack)
					abort();
			}
			stack[depth++] = strndup(name, nl);
		} else {
			while (depth > 0 && !(strlen(stack[depth - 1]) == nl && !memcmp(stack[depth - 1], name, nl)))
				free(stack[--depth]);
		}
	}
out:
	while (depth > 0)
		free(stack[--depth]);
	free(stack);
	free(line);
	free(ignore);
	fflush(stdout);
	return rc;
}
