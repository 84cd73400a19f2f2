/* SPDX-License-Identifier: BSD-2-Clause */
/* The diagnostic sink: the only place selfe formats errors for humans. */
#include "diag.h"

#include <stdarg.h>

static struct sb *capture;
static unsigned errors;

static void emit(const struct loc *at, const char *kind, const char *fmt, va_list ap)
{
	struct sb line = SB_INIT;
	if (at && at->path) {
		sb_adds(&line, at->path);
		if (at->line) {
			sb_addf(&line, ":%u", at->line);
			if (at->col)
				sb_addf(&line, ":%u", at->col);
		}
	} else {
		sb_adds(&line, "selfe");
	}
	if (kind)
		sb_addf(&line, ": %s: ", kind);
	else
		sb_adds(&line, ": ");
	sb_vaddf(&line, fmt, ap);
	sb_addch(&line, '\n');
	if (capture) {
		sb_add(capture, line.buf, line.len);
	} else {
		fputs(sb_str(&line), stderr);
		fflush(stderr);
	}
	sb_release(&line);
}

int diag_error(const struct loc *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(at, "error", fmt, ap);
	va_end(ap);
	errors++;
	return -1;
}

void diag_note(const struct loc *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(at, "note", fmt, ap);
	va_end(ap);
}

void diag_info(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(NULL, NULL, fmt, ap);
	va_end(ap);
}

unsigned diag_error_count(void)
{
	return errors;
}

void diag_capture(struct sb *sink)
{
	capture = sink;
	errors = 0;
}
