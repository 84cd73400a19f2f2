/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target: the bounded regex engine (src/util/regex.c).  The input is PATTERN NUL TEXT.
 * A pattern compiles or names an offset inside itself; a match's groups lie inside the text and
 * inside the whole match; the match/no-match answer does not depend on asking for groups.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/regex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t plen = nul ? (size_t)(nul - data) : size;
	char *pat = malloc(plen + 1);
	memcpy(pat, data, plen);
	pat[plen] = 0;
	const char *text = nul ? (const char *)nul + 1 : "";
	size_t tlen = nul ? size - plen - 1 : 0;
	struct rx_error err;
	struct rx *re = rx_compile(pat, &err);
	if (!re) {
		if (err.offset > plen || !err.msg[0])
			abort();
		free(pat);
		return 0;
	}
	struct rx_span g[RX_MAX_GROUPS];
	bool with = rx_search(re, text, tlen, false, g, RX_MAX_GROUPS);
	bool without = rx_search(re, text, tlen, false, NULL, 0);
	if (with != without)
		abort();
	for (size_t i = 0; with && i < RX_MAX_GROUPS; i++) {
		if (g[i].start == -1 && g[i].end == -1 && i > 0)
			continue;
		if (g[i].start < 0 || g[i].end < g[i].start || (size_t)g[i].end > tlen)
			abort();
		if (g[i].start < g[0].start || g[i].end > g[0].end)
			abort();
	}
	rx_search(re, text, tlen, true, NULL, 0);
	rx_free(re);
	free(pat);
	return 0;
}
