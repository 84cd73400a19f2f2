/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Faults and panics at their source line (src/sim/symbolize.c), with the real tools: a small
 * program compiled here with -g, its function's address from nm, a serial log holding a kernel
 * fault report and a panic's caller line, and the notes addr2line makes of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "sim/sim.h"
#include "util/arena.h"
#include "util/diag.h"
#include "util/proc.h"
#include "util/sb.h"

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

TEST(test_sim__symbolize_names_function_and_line)
{
	if (!proc_exists("cc") || !proc_exists("addr2line") || !proc_exists("nm")) {
		harness_skip("cc, nm or addr2line is not installed");
		return;
	}
	char dir[] = "/tmp/selfe-symbolize-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	struct arena *a = arena_new();
	const char *src = arena_printf(a, "%s/prog.c", dir), *elf = arena_printf(a, "%s/prog", dir);
	write_file(src, "int faulty(int *p);\n"
			"int faulty(int *p)\n"
			"{\n"
			"\treturn *p + 1;\n" /* line 4 */
			"}\n"
			"int main(void) { return faulty(0); }\n");
	const char *cc[] = { "cc", "-g", "-O1", "-o", elf, src, NULL };
	CHECK_INT_EQ(proc_run(cc, NULL), 0);
	const char *nm[] = { "nm", elf, NULL };
	struct sb syms = SB_INIT;
	CHECK_INT_EQ(proc_run(nm, &syms), 0);
	const char *at = strstr(syms.buf ? syms.buf : "", " T faulty");
	CHECK(at != NULL);
	if (!at) {
		sb_release(&syms);
		arena_free(a);
		return;
	}
	while (at > syms.buf && at[-1] != '\n')
		at--;
	unsigned long long addr = strtoull(at, NULL, 16);
	sb_release(&syms);

	/* The kernel's report ends with the PC; a panic prints its caller's return address. */
	const char *log = arena_printf(a, "%s/serial.log", dir);
	write_file(log, arena_printf(a,
				     "Caught cap fault in send phase at address 0\r\n"
				     "vm fault on data at address 0x0 with status 0x4\r\n"
				     "in thread 0xffffff801fe08400 \"rootserver\" at address 0x%llx\r\n"
				     "panic: the answer is 41\r\n"
				     "panic: called from 0x%llx\r\n"
				     "unrelated at address 0x1\r\n",
				     addr, addr + 1));
	struct sb notes = SB_INIT;
	diag_capture(&notes);
	int found = sim_symbolize_log(a, log, elf, "");
	diag_capture(NULL);
	CHECK_INT_EQ(found, 2);
	CHECK_STR_CONTAINS(notes.buf, arena_printf(a, "the fault's PC 0x%llx is in faulty (", addr));
	CHECK_STR_CONTAINS(notes.buf, "prog.c:");
	CHECK_STR_CONTAINS(notes.buf, "the panic was called from");
	/* A log that is not there, or an addr2line that is not: nothing, quietly. */
	CHECK_INT_EQ(sim_symbolize_log(a, arena_printf(a, "%s/none.log", dir), elf, ""), 0);
	CHECK_INT_EQ(sim_symbolize_log(a, log, elf, "no-such-prefix-"), 0);
	sb_release(&notes);

	/* The runtime console's marker, found anywhere in an image (across read boundaries too). */
	const char *img = arena_printf(a, "%s/image", dir);
	FILE *f = fopen(img, "wb");
	for (int i = 0; f && i < 65530; i++)
		fputc('x', f);
	if (f) {
		fputs("selfe-runtime: console on the platform UART", f);
		fclose(f);
	}
	CHECK(sim_has_runtime_console(img));
	CHECK(!sim_has_runtime_console(src));
	CHECK(!sim_has_runtime_console(arena_printf(a, "%s/none", dir)));

	const char *rm[] = { "rm", "-rf", dir, NULL };
	proc_run(rm, NULL);
	arena_free(a);
}
