/* SPDX-License-Identifier: BSD-2-Clause */
/* Matching serial output, line by line, against expected and fail patterns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "util/diag.h"
#include "util/xalloc.h"

/*
 * The texts are those the 16.0.0 kernel prints on its failure paths (src/assert.c: its fail()
 * and failed assertions; src/kernel/faulthandler.c: a fault with no handler to send it to, which
 * classic kernels introduce with "Caught" at the start of a line and MCS kernels with "Found
 * thread has no fault handler") and the prefix of selfe_panic() in runtime/lib/sel4/panic.c.
 */
const char *const sim_default_fail_patterns[] = {
	"seL4 called fail at",
	"seL4 failed assertion",
	"^Caught ",
	"Found thread has no fault handler",
	"^panic: ",
	/* selfe-start's line when main returns non-zero (start.c prints "main returned %d"):
	 * a failed program fails the run at once instead of idling until the timeout. */
	"main returned -?[1-9]",
	"^LDR\\|ERROR: ", /* selfe's loader refused the image or the machine */
	NULL,
};

static int compile_all(struct rx ***out, const char *const *src, size_t n)
{
	*out = n ? xcalloc(n, sizeof(struct rx *)) : NULL;
	for (size_t i = 0; i < n; i++) {
		struct rx_error err;
		(*out)[i] = rx_compile(src[i], &err);
		if (!(*out)[i]) {
			for (size_t j = 0; j < i; j++)
				rx_free((*out)[j]);
			free(*out);
			*out = NULL;
			return diag_error(NULL, "bad regular expression '%s': at offset %zu: %s", src[i], err.offset,
					  err.msg);
		}
	}
	return 0;
}

int sim_matcher_init(struct sim_matcher *m, const char *const *expect, size_t nexpect, const char *const *fail,
		     size_t nfail)
{
	memset(m, 0, sizeof(*m));
	if (compile_all(&m->expect, expect, nexpect))
		return -1;
	m->nexpect = nexpect;
	m->expect_src = expect;
	if (compile_all(&m->fail, fail, nfail)) {
		sim_matcher_free(m);
		return -1;
	}
	m->nfail = nfail;
	m->fail_src = fail;
	return 0;
}

void sim_matcher_free(struct sim_matcher *m)
{
	for (size_t i = 0; m->expect && i < m->nexpect; i++)
		rx_free(m->expect[i]);
	for (size_t i = 0; m->fail && i < m->nfail; i++)
		rx_free(m->fail[i]);
	free(m->expect);
	free(m->fail);
	free((char *)m->fail_line);
	sb_release(&m->line);
	memset(m, 0, sizeof(*m));
}

enum sim_verdict sim_matcher_verdict(const struct sim_matcher *m)
{
	if (m->failed_by)
		return SIM_FAIL_SEEN;
	return m->seen == m->nexpect && m->nexpect > 0 ? SIM_ALL_SEEN : SIM_UNDECIDED;
}

static void check_line(struct sim_matcher *m)
{
	const char *text = sb_str(&m->line);
	for (size_t i = 0; i < m->nfail; i++) {
		if (rx_search(m->fail[i], text, m->line.len, false, NULL, 0)) {
			m->failed_by = m->fail_src[i];
			m->fail_line = xstrdup(text);
			return;
		}
	}
	if (m->seen < m->nexpect && rx_search(m->expect[m->seen], text, m->line.len, false, NULL, 0))
		m->seen++;
}

enum sim_verdict sim_matcher_feed(struct sim_matcher *m, const char *data, size_t len)
{
	for (size_t i = 0; i < len && sim_matcher_verdict(m) == SIM_UNDECIDED; i++) {
		char c = data[i];
		if (m->in_escape) {
			/* A control sequence ends with a byte in @..~ after ESC [ and its parameters. */
			if (c >= '@' && c <= '~' && c != '[')
				m->in_escape = false;
			continue;
		}
		if (c == '\033') {
			m->in_escape = true;
		} else if (c == '\n') {
			check_line(m);
			sb_reset(&m->line);
		} else if (c != '\r' && c != '\0') {
			sb_addch(&m->line, c);
		}
	}
	return sim_matcher_verdict(m);
}

enum sim_verdict sim_matcher_finish(struct sim_matcher *m)
{
	if (sim_matcher_verdict(m) == SIM_UNDECIDED && m->line.len) {
		check_line(m);
		sb_reset(&m->line);
	}
	return sim_matcher_verdict(m);
}
