/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * abi-facts: the ABI facts of a C include tree (libclang), the comparison of two fact files,
 * and the generation of source-compatibility programs from fact files.  A test tool of selfe,
 * built on its own (`make build/abi-facts`): neither libselfe.a nor `selfe` link libclang.
 *
 * Exit status: 0 success (no difference), 1 differences found, 2 could not do the job.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/conformance.h"
#include "lib/extract.h"
#include "lib/facts.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/xalloc.h"

static const char usage_text[] =
	"usage: abi-facts [--target TRIPLE] [-I DIR]... [-D NAME[=VALUE]]... [--header H]\n"
	"                 [-o OUT] [-- CLANG-ARG...]\n"
	"       abi-facts compare A.facts B.facts\n"
	"       abi-facts conformance [--title TEXT] [--exclude NAME]... VARIANT=FACTS... [-o OUT.c]\n"
	"\n"
	"Prints the ABI facts of the include tree made of the -I folders, compiled as one\n"
	"translation unit `#include <H>` (default sel4/sel4.h) for TRIPLE (default: the host):\n"
	"every enumerator's value, every object-like macro's integer value and type, the size and\n"
	"alignment of every struct, union, enum and typedef, every member's offset (bit offset\n"
	"and width for bitfields), every function's linkage and prototype; one sorted\n"
	"`KIND NAME = VALUE` line each.  Only declarations in files below the -I folders count.\n"
	"\n"
	"compare: every fact missing on one side or with another value; exit 1 when any.\n"
	"conformance: a C program that uses every function, macro and type of the fact files;\n"
	"facts found only in some variants are guarded by `#if` on the variant's macro.\n";

static int usage(void)
{
	fputs(usage_text, stderr);
	return 2;
}

static int write_out(const char *path, const struct sb *text)
{
	if (!path) {
		fwrite(text->buf ? text->buf : "", 1, text->len, stdout);
		return fflush(stdout) == 0 ? 0 : -1;
	}
	return fs_write_atomic(path, text->buf ? text->buf : "", text->len);
}

static int load(const char *path, struct facts *f)
{
	size_t len;
	char *text = fs_read_file(path, &len);
	if (!text)
		return -1;
	int rc = facts_parse(f, text, path);
	free(text);
	return rc;
}

static int cmd_compare(int argc, char **argv)
{
	if (argc != 3)
		return usage();
	struct facts a = FACTS_INIT, b = FACTS_INIT;
	if (load(argv[1], &a) != 0 || load(argv[2], &b) != 0) {
		facts_free(&a);
		facts_free(&b);
		return 2;
	}
	struct sb report = SB_INIT;
	struct facts_diff_count count;
	size_t diffs = facts_compare(&a, &b, argv[1], argv[2], &report, &count);
	fputs(sb_str(&report), stdout);
	printf("abi-facts: %zu facts compared (%zu in %s, %zu in %s): %zu differences (%zu only in %s, "
	       "%zu only in %s, %zu different values)\n",
	       count.compared, a.n, argv[1], b.n, argv[2], diffs, count.only_a, argv[1], count.only_b, argv[2],
	       count.different);
	sb_release(&report);
	facts_free(&a);
	facts_free(&b);
	return diffs ? 1 : 0;
}

static int cmd_conformance(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "title", required_argument, 0, 't' },
		{ "exclude", required_argument, 0, 'x' },
		{ "output", required_argument, 0, 'o' },
		{ 0, 0, 0, 0 },
	};
	const char *title = NULL, *out = NULL;
	const char **exclude = NULL;
	size_t nexclude = 0, capexclude = 0;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 't':
			title = optarg;
			break;
		case 'x':
			exclude = xgrow(exclude, &capexclude, nexclude + 1, sizeof(*exclude));
			exclude[nexclude++] = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			free(exclude);
			return usage();
		}
	}
	size_t nvariants = (size_t)(argc - optind);
	if (nvariants == 0) {
		free(exclude);
		return usage();
	}
	struct conformance_variant *variants = xcalloc(nvariants, sizeof(*variants));
	int rc = 0;
	for (size_t i = 0; i < nvariants && rc == 0; i++) {
		const char *arg = argv[optind + (int)i];
		const char *eq = strchr(arg, '=');
		if (!eq || eq == arg) {
			rc = diag_error(NULL, "\"%s\" is not VARIANT=FACTS", arg);
			break;
		}
		variants[i].name = xstrndup(arg, (size_t)(eq - arg));
		variants[i].facts = (struct facts)FACTS_INIT;
		rc = load(eq + 1, &variants[i].facts);
	}
	struct sb text = SB_INIT;
	if (rc == 0) {
		struct conformance_options o = { title, exclude, nexclude };
		rc = conformance_generate(variants, nvariants, &o, &text);
	}
	if (rc == 0)
		rc = write_out(out, &text);
	sb_release(&text);
	for (size_t i = 0; i < nvariants; i++) {
		free(variants[i].name);
		facts_free(&variants[i].facts);
	}
	free(variants);
	free(exclude);
	return rc ? 2 : 0;
}

static int cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "target", required_argument, 0, 't' },
		{ "header", required_argument, 0, 'H' },
		{ "output", required_argument, 0, 'o' },
		{ "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 },
	};
	struct extract_options o;
	memset(&o, 0, sizeof(o));
	const char *out = NULL;
	const char **inc = NULL, **def = NULL;
	size_t capinc = 0, capdef = 0, ninc = 0, ndef = 0;
	int ch;
	while ((ch = getopt_long(argc, argv, "I:D:o:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 't':
			o.target = optarg;
			break;
		case 'H':
			o.header = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'I':
			inc = xgrow(inc, &capinc, ninc + 1, sizeof(*inc));
			inc[ninc++] = optarg;
			break;
		case 'D':
			def = xgrow(def, &capdef, ndef + 1, sizeof(*def));
			def[ndef++] = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			free(inc);
			free(def);
			return 0;
		default:
			free(inc);
			free(def);
			return usage();
		}
	}
	if (ninc == 0) {
		diag_error(NULL, "no include folder: give the tree with -I DIR");
		free(inc);
		free(def);
		return 2;
	}
	o.include_dirs = inc;
	o.n_include_dirs = ninc;
	o.defines = def;
	o.n_defines = ndef;
	o.extra_args = (const char *const *)(argv + optind);
	o.n_extra_args = (size_t)(argc - optind);
	struct facts f = FACTS_INIT;
	int rc = abi_extract(&o, &f);
	if (rc == 0) {
		struct sb text = SB_INIT;
		sb_addf(&text, "# abi-facts of <%s> for %s\n", o.header ? o.header : "sel4/sel4.h",
			o.target ? o.target : "the host");
		facts_write(&f, &text);
		rc = write_out(out, &text);
		sb_release(&text);
	}
	facts_free(&f);
	free(inc);
	free(def);
	return rc ? 2 : 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "compare") == 0)
		return cmd_compare(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "conformance") == 0)
		return cmd_conformance(argc - 1, argv + 1);
	return cmd_extract(argc, argv);
}
