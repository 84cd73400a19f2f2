/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Faults and panics at their source line.  After a failed run, the serial log is scanned for
 * code addresses in the root task: the PC a debug kernel prints when a thread faults with no
 * handler to send the fault to (a line ending "at address 0x..."), and the caller's address
 * selfe_panic and failed assertions print ("called from 0x...").  Each one goes through the
 * arch's addr2line on the root task's ELF and comes back as a note naming the function and
 * file:line.  The root task is built with -g, so its ELF has line tables (they are not loaded).
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim.h"
#include "util/diag.h"
#include "util/proc.h"

/* The function and file:line of `addr` in elf: "function (file:line)", or NULL when addr2line
 * knows nothing about it. */
static const char *where(struct arena *a, const char *addr2line, const char *elf, unsigned long long addr)
{
	char hex[32];
	snprintf(hex, sizeof hex, "0x%llx", addr);
	const char *argv[] = { addr2line, "-f", "-e", elf, hex, NULL };
	struct sb out = SB_INIT;
	const char *res = NULL;
	if (proc_run(argv, &out) == 0) {
		char *text = out.len ? out.buf : "";
		char *nl = strchr(text, '\n');
		if (nl) {
			*nl = '\0';
			char *file = nl + 1;
			char *end = strchr(file, '\n');
			if (end)
				*end = '\0';
			/* Drop addr2line's " (discriminator N)" tail. */
			char *disc = strstr(file, " (discriminator");
			if (disc)
				*disc = '\0';
			if (strcmp(text, "??") != 0)
				res = arena_printf(a, "%s (%s)", text, file);
		}
	}
	sb_release(&out);
	return res;
}

int sim_symbolize_log(struct arena *a, const char *log_path, const char *elf, const char *cross_prefix)
{
	FILE *f = fopen(log_path, "r");
	if (!f)
		return 0;
	const char *addr2line = arena_printf(a, "%saddr2line", cross_prefix ? cross_prefix : "");
	if (!proc_exists(addr2line)) {
		fclose(f);
		return 0;
	}
	regex_t fault, panic;
	regcomp(&fault, "at address (0x[0-9a-fA-F]+)[[:space:]]*$", REG_EXTENDED);
	regcomp(&panic, "called from (0x[0-9a-fA-F]+)", REG_EXTENDED);
	char line[1024];
	int found = 0;
	while (fgets(line, sizeof line, f) && found < 8) {
		regmatch_t mt[2];
		int is_fault = regexec(&fault, line, 2, mt, 0) == 0;
		if (!is_fault && regexec(&panic, line, 2, mt, 0) != 0)
			continue;
		unsigned long long addr = strtoull(line + mt[1].rm_so, NULL, 16);
		/* A return address is just past the call: look up the call itself. */
		const char *w = where(a, addr2line, elf, is_fault ? addr : addr - 1);
		if (!w)
			continue;
		diag_note(NULL, "%s 0x%llx is in %s", is_fault ? "the fault's PC" : "the panic was called from", addr, w);
		found++;
	}
	regfree(&fault);
	regfree(&panic);
	fclose(f);
	return found;
}

static bool contains(const char *buf, size_t len, const char *s, size_t n)
{
	for (size_t i = 0; i + n <= len; i++)
		if (buf[i] == s[0] && memcmp(buf + i, s, n) == 0)
			return true;
	return false;
}

bool sim_has_runtime_console(const char *image)
{
	/* runtime/lib/sel4/uart.c keeps this string in every root task whose runtime drives the
	 * UART itself on a kernel that does not print. */
	static const char marker[] = "selfe-runtime: console on the platform UART";
	FILE *f = fopen(image, "rb");
	if (!f)
		return false;
	char buf[65536 + sizeof marker];
	size_t keep = 0, n;
	bool found = false;
	while (!found && (n = fread(buf + keep, 1, sizeof buf - keep, f)) > 0) {
		size_t len = keep + n;
		found = contains(buf, len, marker, sizeof marker - 1);
		keep = len < sizeof marker ? len : sizeof marker - 1;
		memmove(buf, buf + len - keep, keep);
	}
	fclose(f);
	return found;
}
