/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The conformance-program generator: what it writes from fact text, and that a program
 * generated from the fixture's facts compiles with -Wall -Werror against the fixture (and
 * fails against the same tree for another word size, so its assertions bite).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "lib/conformance.h"
#include "lib/extract.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/proc.h"

static int generate(const char *debug_text, const char *release_text, const char *const *exclude, size_t nexclude,
		    struct sb *out)
{
	struct conformance_variant v[2] = { { (char *)"debug", FACTS_INIT }, { (char *)"release", FACTS_INIT } };
	int rc = facts_parse(&v[0].facts, debug_text, "debug.facts");
	if (rc == 0)
		rc = facts_parse(&v[1].facts, release_text, "release.facts");
	if (rc == 0) {
		struct conformance_options o = { "test", exclude, nexclude };
		rc = conformance_generate(v, 2, &o, out);
	}
	facts_free(&v[0].facts);
	facts_free(&v[1].facts);
	return rc;
}

TEST(test_abi__conformance_guards_facts_of_some_variants_only)
{
	struct sb out = SB_INIT;
	CHECK_INT_EQ(generate("enum E = 3\nenum _hidden = 1\nfunction dbg = static inline void (int); abi void (int)\n"
			      "function f = extern seL4_Word (seL4_CPtr, seL4_Word *); abi unsigned long (unsigned long, unsigned long *)\n",
			      "enum E = 3\nfunction f = extern seL4_Word (seL4_CPtr); abi unsigned long (unsigned long)\n", NULL, 0, &out),
		     0);
	const char *s = sb_str(&out);
	CHECK_STR_CONTAINS(s, "#if defined(CONFORMANCE_debug) + defined(CONFORMANCE_release) != 1\n#error");
	/* in both: no guard */
	CHECK_STR_CONTAINS(s, "\n_Static_assert((E) == 3LL, \"E\");\n");
	CHECK(strstr(s, "_hidden") == NULL);
	CHECK_STR_CONTAINS(s, "#if defined(CONFORMANCE_debug)\nvoid conformance_call_dbg(int a0);\n"
			      "void conformance_call_dbg(int a0)\n{\n\tdbg(a0);\n}\n");
	/* one function, two prototypes: one wrapper per variant */
	CHECK_STR_CONTAINS(s, "seL4_Word conformance_call_f(seL4_CPtr a0, seL4_Word *a1)\n{\n\treturn f(a0, a1);\n}\n");
	CHECK_STR_CONTAINS(s, "#if defined(CONFORMANCE_release)\nseL4_Word conformance_call_f(seL4_CPtr a0);\n");
	sb_release(&out);
}

TEST(test_abi__conformance_checks_values_types_and_layouts)
{
	struct sb out = SB_INIT;
	const char *facts = "macro M = 18446744073709551615 (unsigned long)\nmacro N = -9223372036854775808 (long)\n"
			    "macro CONFIG_WORD = tokens x86\nmacro GUARD = empty\n"
			    "type struct s = size 16 align 8\nmember struct s.a = offset 8 size 8 type long\n"
			    "member struct s.b = bit 3 width 2 type unsigned int\n"
			    "typedef cb_t = void (*)(int); size 8 align 8\ntypedef fn_t = void (int); size 1 align 4\n"
			    "function g = extern void (cb_t, const char *, ...); abi void (void (*)(int), const char *, ...)\n"
			    "function h = extern int (void (*)(int)); abi int (void (*)(int))\n";
	CHECK_INT_EQ(generate(facts, facts, NULL, 0, &out), 0);
	const char *s = sb_str(&out);
	CHECK_STR_CONTAINS(s, "_Static_assert((M) == 18446744073709551615ULL && _Generic((M), unsigned long: 1, default: 0), \"M\");");
	CHECK_STR_CONTAINS(s, "_Static_assert((N) == (-9223372036854775807LL - 1) && _Generic((N), long: 1, default: 0), \"N\");");
	CHECK_STR_CONTAINS(s, "#ifndef CONFIG_WORD\n#error \"CONFIG_WORD is not defined\"\n#endif\n");
	CHECK_STR_CONTAINS(s, "#ifndef GUARD\n");
	CHECK_STR_CONTAINS(s, "_Static_assert(sizeof(struct s) == 16 && _Alignof(struct s) == 8, \"struct s\");");
	CHECK_STR_CONTAINS(s, "_Static_assert(__builtin_offsetof(struct s, a) == 8 && sizeof(((struct s *)0)->a) == 8, \"struct s.a\");");
	CHECK_STR_CONTAINS(s, "\tstruct s v;\n\t__builtin_memcpy(&v, in, sizeof(v));\n\t(void)v.a;\n\t(void)v.b;\n");
	/* a function type is used through a pointer; a variadic function gets its fixed part */
	CHECK_STR_CONTAINS(s, "void conformance_type_fn_t(fn_t **out, fn_t *in)");
	CHECK_STR_CONTAINS(s, "void conformance_call_g(cb_t a0, const char *a1)\n{\n\tg(a0, a1);\n}");
	CHECK_STR_CONTAINS(s, "int conformance_call_h(__typeof__(void (*)(int)) a0)");
	sb_release(&out);
}

TEST(test_abi__conformance_refuses_a_macro_it_cannot_use)
{
	struct sb out = SB_INIT, errors = SB_INIT;
	diag_capture(&errors);
	CHECK_INT_EQ(generate("macro UNKNOWN_FN = function (a)\n", "", NULL, 0, &out), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&errors), "no known use of the macro \"UNKNOWN_FN\"");
	/* excluded, it is left out */
	const char *ex[] = { "UNKNOWN_FN" };
	sb_reset(&out);
	CHECK_INT_EQ(generate("macro UNKNOWN_FN = function (a)\n", "", ex, 1, &out), 0);
	CHECK(strstr(sb_str(&out), "UNKNOWN_FN(") == NULL);
	CHECK_STR_CONTAINS(sb_str(&out), " * Left out on purpose: UNKNOWN_FN.\n");
	sb_release(&errors);
	sb_release(&out);
}

TEST(test_abi__conformance_variant_names_must_be_identifiers)
{
	struct conformance_variant v[1] = { { (char *)"debug-mcs", FACTS_INIT } };
	struct conformance_options o = { NULL, NULL, 0 };
	struct sb out = SB_INIT, errors = SB_INIT;
	diag_capture(&errors);
	CHECK_INT_EQ(conformance_generate(v, 1, &o, &out), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&errors), "variant name \"debug-mcs\" is not an identifier");
	sb_release(&errors);
	sb_release(&out);
}

/* cc -std=gnu11 -Wall -Werror -c PROGRAM against the fixture; returns the exit status.  The
 * compiler's messages go to /dev/null when failure is what the caller expects. */
static int compile(const char *compiler, const char *program, const char *define, int quiet)
{
	struct sb inc = SB_INIT;
	sb_addf(&inc, "-I%s/abi/fixture/include", harness_data_dir());
	const char *argv[] = { compiler, "-std=gnu11", "-Wall", "-Werror", "-ffreestanding", "-c", sb_str(&inc), define, program,
			       "-o", "/dev/null", NULL };
	struct sb errors = SB_INIT;
	int saved = -1;
	if (quiet) {
		diag_capture(&errors);
		fflush(stderr);
		saved = dup(2);
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, 2);
			close(null);
		}
	}
	int rc = proc_run(argv, NULL);
	if (quiet) {
		fflush(stderr);
		if (saved >= 0) {
			dup2(saved, 2);
			close(saved);
		}
		diag_capture(NULL);
	}
	sb_release(&errors);
	sb_release(&inc);
	return rc;
}

TEST(test_abi__a_program_generated_from_the_fixture_compiles_against_it)
{
	if (!proc_exists("cc")) {
		harness_skip("no cc");
		return;
	}
	struct sb dir = SB_INIT;
	sb_addf(&dir, "%s/abi/fixture/include", harness_data_dir());
	const char *dirs[] = { sb_str(&dir) };
	struct extract_options eo = { NULL, "fx/fx.h", dirs, 1, NULL, 0, NULL, 0 };
	struct conformance_variant v[1] = { { (char *)"host", FACTS_INIT } };
	CHECK_INT_EQ(abi_extract(&eo, &v[0].facts), 0);
	/* the fixture's own attribute and function-like macros are not libsel4's: leave them out */
	const char *ex[] = { "FX_ATTR", "FX_TWICE" };
	struct conformance_options o = { "fixture", ex, 2 };
	struct sb prog = SB_INIT;
	CHECK_INT_EQ(conformance_generate(v, 1, &o, &prog), 0);
	/* the generator writes #include <sel4/sel4.h>: point it at the fixture's header */
	struct sb text = SB_INIT;
	const char *inc = strstr(sb_str(&prog), "#include <sel4/sel4.h>");
	CHECK(inc != NULL);
	if (inc) {
		sb_add(&text, prog.buf, (size_t)(inc - prog.buf));
		sb_adds(&text, "#include <fx/fx.h>");
		sb_adds(&text, inc + strlen("#include <sel4/sel4.h>"));
	}
	CHECK_STR_CONTAINS(sb_str(&text), "fx_word_t conformance_call_fx_add(fx_word_t a0, fx_word_t a1)");
	char tmpl[] = "/tmp/selfe-abi-XXXXXX";
	CHECK(mkdtemp(tmpl) != NULL);
	struct sb path = SB_INIT;
	sb_addf(&path, "%s/conformance.c", tmpl);
	CHECK_INT_EQ(fs_write_atomic(sb_str(&path), text.buf, text.len), 0);
	CHECK_INT_EQ(compile("cc", sb_str(&path), "-DCONFORMANCE_host", 0), 0);
	/* no variant selected: the program refuses to compile */
	CHECK(compile("cc", sb_str(&path), "-DCONFORMANCE_none", 1) != 0);
	/* another word size breaks the layout and value assertions */
	if (proc_exists("arm-linux-gnueabihf-gcc"))
		CHECK(compile("arm-linux-gnueabihf-gcc", sb_str(&path), "-DCONFORMANCE_host", 1) != 0);
	unlink(sb_str(&path));
	rmdir(tmpl);
	sb_release(&path);
	sb_release(&text);
	sb_release(&prog);
	sb_release(&dir);
	facts_free(&v[0].facts);
}
