/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the CMake-subset evaluator on small scripts: scopes, conditions, lists, the cache. */
#include <stdlib.h>
#include <string.h>

#include "gen/kconfig/kconfig.h"
#include "harness.h"
#include "util/diag.h"
#include "util/sb.h"

/* Run `text` in a fresh evaluator; returns it for inspection (caller frees). */
static struct kcfg *run(const char *text, int *rc)
{
	struct kcfg *k = kcfg_new();
	*rc = kcfg_run_text(k, "src/t.cmake", text);
	return k;
}

TEST(test_kconfig__function_scope_and_parent_scope)
{
	int rc;
	struct kcfg *k = run("set(x outer)\n"
			     "function(f a)\n"
			     "  set(x inner)\n"
			     "  set(y \"${a}-${x}\" PARENT_SCOPE)\n"
			     "  set(z \"${y}\")\n"
			     "endfunction()\n"
			     "f(arg)\n"
			     "set(seen_z \"${z}\")\n",
			     &rc);
	CHECK_INT_EQ(rc, 0);
	CHECK_STR_EQ(kcfg_var(k, "x"), "outer");
	CHECK_STR_EQ(kcfg_var(k, "y"), "arg-inner");
	CHECK_STR_EQ(kcfg_var(k, "seen_z"), "");
	kcfg_free(k);
}

TEST(test_kconfig__macro_substitutes_text_in_caller_scope)
{
	int rc;
	struct kcfg *k = run("macro(m name)\n"
			     "  set(${name} \"${ARGN}\")\n"
			     "  set(count ${ARGC})\n"
			     "  if(name)\n"
			     "    set(name_is_var ON)\n"
			     "  endif()\n"
			     "endmacro()\n"
			     "m(v a b)\n",
			     &rc);
	CHECK_INT_EQ(rc, 0);
	CHECK_STR_EQ(kcfg_var(k, "v"), "a;b");
	CHECK_STR_EQ(kcfg_var(k, "count"), "3");
	CHECK(kcfg_var(k, "name_is_var") == NULL);
	kcfg_free(k);
}

TEST(test_kconfig__if_grammar)
{
	int rc;
	struct kcfg *k = run("set(A ON)\nset(B OFF)\nset(N 4)\nset(S \"x86\")\nset(L \"a;b;c\")\n"
			     "if(A AND NOT B) \n set(r1 yes)\n endif()\n"
			     "if(B OR (A AND N GREATER 3))\n set(r2 yes)\n endif()\n"
			     "if(\"${S}\" STREQUAL \"x86\" AND S MATCHES \"^x([0-9]+)$\")\n set(r3 ${CMAKE_MATCH_1})\n endif()\n"
			     "if(\"A\")\n set(r4 quoted_is_var)\n else()\n set(r4 quoted_is_string)\n endif()\n"
			     "if(b IN_LIST L AND DEFINED N AND NOT DEFINED nope)\n set(r5 yes)\n endif()\n"
			     "if(1.2.3 VERSION_LESS 1.10)\n set(r6 yes)\n endif()\n"
			     "if(foo-NOTFOUND OR IGNORE OR 0 OR \"\")\n set(r7 bad)\n elseif(2)\n set(r7 number)\n endif()\n",
			     &rc);
	CHECK_INT_EQ(rc, 0);
	CHECK_STR_EQ(kcfg_var(k, "r1"), "yes");
	CHECK_STR_EQ(kcfg_var(k, "r2"), "yes");
	CHECK_STR_EQ(kcfg_var(k, "r3"), "86");
	CHECK_STR_EQ(kcfg_var(k, "r4"), "quoted_is_string");
	CHECK_STR_EQ(kcfg_var(k, "r5"), "yes");
	CHECK_STR_EQ(kcfg_var(k, "r6"), "yes");
	CHECK_STR_EQ(kcfg_var(k, "r7"), "number");
	kcfg_free(k);
}

TEST(test_kconfig__lists_strings_math_loops)
{
	int rc;
	struct kcfg *k = run("set(l a b)\nlist(APPEND l \"c\\;d\" e)\nlist(LENGTH l n)\nlist(GET l 2 third)\n"
			     "list(GET l -1 last)\nlist(FIND l e at)\nlist(REMOVE_AT l 0)\n"
			     "string(REGEX REPLACE \" +\" \";\" sp \"x  y z\")\n"
			     "math(EXPR m \"(3 - 1) * 4 >> 1\")\n"
			     "set(acc \"\")\nforeach(i RANGE 1 3)\n string(APPEND acc ${i})\nendforeach()\n"
			     "foreach(w IN LISTS sp ITEMS q)\n if(w STREQUAL z)\n break()\n endif()\n string(APPEND acc ${w})\nendforeach()\n"
			     "set(c 0)\nwhile(c LESS 5)\n math(EXPR c \"${c} + 2\")\nendwhile()\n"
			     "set(nested_name l)\nset(deref \"${${nested_name}}\")\n"
			     "#[[ a bracket\ncomment ]] set(br [=[raw ${x}]=])\n",
			     &rc);
	CHECK_INT_EQ(rc, 0);
	CHECK_STR_EQ(kcfg_var(k, "n"), "4");
	CHECK_STR_EQ(kcfg_var(k, "third"), "c;d");
	CHECK_STR_EQ(kcfg_var(k, "last"), "e");
	CHECK_STR_EQ(kcfg_var(k, "at"), "3");
	CHECK_STR_EQ(kcfg_var(k, "l"), "b;c;d;e");
	CHECK_STR_EQ(kcfg_var(k, "sp"), "x;y;z");
	CHECK_STR_EQ(kcfg_var(k, "m"), "4");
	CHECK_STR_EQ(kcfg_var(k, "acc"), "123xy");
	CHECK_STR_EQ(kcfg_var(k, "c"), "6");
	CHECK_STR_EQ(kcfg_var(k, "deref"), "b;c;d;e");
	CHECK_STR_EQ(kcfg_var(k, "br"), "raw ${x}");
	CHECK(kcfg_var(k, "w") == NULL);
	kcfg_free(k);
}

TEST(test_kconfig__cache_precedence)
{
	struct kcfg *k = kcfg_new();
	kcfg_define(k, "User", "from_user");
	int rc = kcfg_run_text(k, "src/t.cmake",
			       "set(User default CACHE STRING \"\")\n"
			       "set(C1 first CACHE STRING \"\")\nset(C1 second CACHE STRING \"\")\n"
			       "set(C2 first CACHE STRING \"\")\nset(C2 forced CACHE STRING \"\" FORCE)\n"
			       "set(C3 cached CACHE STRING \"\")\nset(C3 normal)\nset(C3 again CACHE STRING \"\")\n"
			       "set(C4 normal)\nset(C4 internal CACHE INTERNAL \"\")\n");
	CHECK_INT_EQ(rc, 0);
	CHECK_STR_EQ(kcfg_var(k, "User"), "from_user");
	CHECK_STR_EQ(kcfg_var(k, "C1"), "first");
	CHECK_STR_EQ(kcfg_var(k, "C2"), "forced");
	/* A normal variable shadows the cache; a non-forced typed set leaves it in place. */
	CHECK_STR_EQ(kcfg_var(k, "C3"), "normal");
	CHECK_STR_EQ(kcfg_cache(k, "C3"), "cached");
	/* INTERNAL forces, and (policy CMP0126 OLD) drops the normal variable. */
	CHECK_STR_EQ(kcfg_var(k, "C4"), "internal");
	kcfg_free(k);
}

TEST(test_kconfig__config_helpers_and_emitters)
{
	struct kcfg *k = kcfg_new();
	kcfg_define(k, "Opt2", "ON");
	int rc = kcfg_run_text(k, "src/t.cmake",
			       "set(configure_string \"\")\n"
			       "config_option(Opt1 OPT1 \"doc\" DEFAULT ON)\n"
			       "config_option(Opt2 OPT2 \"doc\" DEFAULT OFF DEPENDS \"Opt1\")\n"
			       "config_option(Opt3 OPT3 \"doc\" DEFAULT ON DEPENDS \"NOT Opt1\" DEFAULT_DISABLED OFF)\n"
			       "config_string(Num NUM \"doc\" DEFAULT 7 UNQUOTE)\n"
			       "config_string(Name NAME \"doc\" DEFAULT abc)\n"
			       "config_string(Gone GONE \"doc\" DEFAULT 1 DEPENDS \"Opt3\" UNDEF_DISABLED)\n"
			       "config_choice(Ch CH \"doc\" \"a;ChA;CH_A;Opt3\" \"b;ChB;CH_B\" \"c;ChC;CH_C\")\n"
			       "config_set(Word WORD 64)\nconfig_set(Off OFFV OFF)\n"
			       "add_config_library(t \"${configure_string}\")\n");
	CHECK_INT_EQ(rc, 0);
	const struct kcfg_lib *l = kcfg_lib(k, "t");
	CHECK(l != NULL);
	if (!l) {
		kcfg_free(k);
		return;
	}
	struct sb h = SB_INIT, j = SB_INIT;
	kcfg_emit_h(&h, l);
	kcfg_emit_json(&j, l);
	CHECK_STR_EQ(sb_str(&h), "#pragma once\n\n"
				 "#define CONFIG_OPT1  1\n#define CONFIG_OPT2  1\n/* disabled: CONFIG_OPT3 */\n"
				 "#define CONFIG_NUM  7\n#define CONFIG_NAME  \"abc\"\n"
				 "/* disabled: CONFIG_CH_A */\n#define CONFIG_CH_B  1\n/* disabled: CONFIG_CH_C */\n"
				 "#define CONFIG_CH  b\n#define CONFIG_WORD  64\n/* disabled: CONFIG_OFFV */\n");
	CHECK_STR_CONTAINS(sb_str(&j), "{\n    \"OPT1\": true,\n");
	CHECK_STR_CONTAINS(sb_str(&j), "    \"NAME\": \"\\\"abc\\\"\",\n");
	CHECK_STR_CONTAINS(sb_str(&j), "    \"OFFV\": false\n}");
	CHECK_STR_EQ(kcfg_cache(k, "Opt3_DISABLED"), "TRUE");
	CHECK(kcfg_cache(k, "Gone") == NULL);
	CHECK_STR_EQ(kcfg_cache(k, "Ch_all_strings"), "a;b;c");
	/* Every option is named with its kind, whether or not its dependencies hold (Gone's do not). */
	struct kcfg_option o;
	CHECK(kcfg_option(k, "Opt3", &o) && !strcmp(o.kind, "bool"));
	CHECK(kcfg_option(k, "Gone", &o) && !strcmp(o.kind, "string"));
	CHECK(kcfg_option(k, "Ch", &o) && !strcmp(o.kind, "choice") && o.choices && !strcmp(o.choices, "a;b;c"));
	CHECK(kcfg_option(k, "Word", &o) && !strcmp(o.kind, "set"));
	CHECK(!kcfg_option(k, "Opt4", &o));
	struct arena *a = arena_new();
	const char **names = kcfg_option_names(k, a);
	const char *want[] = { "Ch", "Gone", "Name", "Num", "Off", "Opt1", "Opt2", "Opt3", "Word", NULL };
	for (size_t i = 0; want[i] || names[i]; i++)
		CHECK(want[i] && names[i] && !strcmp(want[i], names[i]));
	arena_free(a);
	sb_release(&h);
	sb_release(&j);
	kcfg_free(k);
}

TEST(test_kconfig__errors_carry_file_and_line)
{
	struct sb sink = SB_INIT;
	diag_capture(&sink);
	int rc;
	struct kcfg *k = run("set(a 1)\n\nif(a)\n  message(FATAL_ERROR \"bad \" \"${a}\")\nendif()\n", &rc);
	CHECK(rc != 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "src/t.cmake:4: error: bad 1");
	kcfg_free(k);
	sb_reset(&sink);
	k = run("foo_unknown(x)\n", &rc);
	CHECK(rc != 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "src/t.cmake:1: error: unknown command \"foo_unknown\"");
	kcfg_free(k);
	sb_reset(&sink);
	k = run("if(a)\nset(x \"open\n", &rc);
	CHECK(rc != 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "error: unterminated quoted argument");
	kcfg_free(k);
	sb_reset(&sink);
	k = run("endif()\n", &rc);
	CHECK(rc != 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "src/t.cmake:1: error:");
	kcfg_free(k);
	diag_capture(NULL);
	sb_release(&sink);
}

/* Found by fuzzing: a RANGE step or bound near the long limits must not overflow the loop
 * counter, and an ARGC a script sets must not drive cmake_parse_arguments for ever. */
TEST(test_kconfig__extreme_ranges_and_argc_are_bounded)
{
	int rc;
	struct kcfg *k = run("set(a \"\")\nforeach(i RANGE 1 5 9223372036854775807)\n string(APPEND a ${i})\nendforeach()\n"
			     "set(b \"\")\nforeach(i RANGE -9223372036854775807 9223372036854775807 9223372036854775807)\n"
			     " string(APPEND b \"${i},\")\nendforeach()\n",
			     &rc);
	CHECK_INT_EQ(rc, 0);
	CHECK_STR_EQ(kcfg_var(k, "a"), "1");
	CHECK_STR_EQ(kcfg_var(k, "b"), "-9223372036854775807,0,9223372036854775807,");
	kcfg_free(k);
	struct sb sink = SB_INIT;
	diag_capture(&sink);
	k = run("foreach(i RANGE 0 9223372036854775807)\nendforeach()\n", &rc);
	CHECK(rc != 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "src/t.cmake:1: error: foreach RANGE of more than a million values");
	kcfg_free(k);
	sb_reset(&sink);
	k = run("function(f)\n set(ARGC 99999999999)\n cmake_parse_arguments(PARSE_ARGV 0 P \"\" \"\" \"\")\nendfunction()\nf()\n",
		&rc);
	CHECK(rc != 0);
	CHECK_STR_CONTAINS(sb_str(&sink), "error: cmake_parse_arguments(PARSE_ARGV): ARGC is 99999999999");
	kcfg_free(k);
	diag_capture(NULL);
	sb_release(&sink);
}
