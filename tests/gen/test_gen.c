/* SPDX-License-Identifier: BSD-2-Clause */
/* The JSON reader and the configuration headers made from seL4's gen_config.json. */
#include <string.h>

#include "gen/libsel4/libsel4.h"
#include "harness.h"
#include "util/json_read.h"

TEST(test_gen__json_keeps_object_order_and_decodes_strings)
{
	struct arena *a = arena_new();
	static const char text[] = "{\"b\": true, \"a\": \"x\\u00e9\\n\", \"n\": -1.5e3, \"l\": [1, null, {}], \"e\": {}}";
	struct json_value *v = json_parse(a, "t.json", text, strlen(text));
	CHECK(v != NULL);
	if (v) {
		CHECK_INT_EQ(v->count, 5);
		CHECK_STR_EQ(v->keys[0], "b");
		CHECK_STR_EQ(v->keys[1], "a");
		CHECK_STR_EQ(json_get(v, "a")->text, "x\xc3\xa9\n");
		CHECK_STR_EQ(json_get(v, "n")->text, "-1.5e3");
		CHECK_INT_EQ(json_get(v, "l")->count, 3);
		CHECK_INT_EQ(json_get(v, "l")->items[1].kind, JSON_NULL);
		CHECK(json_get(v, "missing") == NULL);
	}
	arena_free(a);
}

TEST(test_gen__json_errors_have_positions)
{
	static const struct {
		const char *text, *message;
	} bad[] = {
		{ "{\"a\": 1,\n \"b\" 2}", "t.json:2:6: error: invalid JSON: expected ':' after a key" },
		{ "[1, 2", "t.json:1:6: error: invalid JSON: expected ',' or ']'" },
		{ "\"abc", "t.json:1:5: error: invalid JSON: unterminated string" },
		{ "{} x", "t.json:1:4: error: invalid JSON: unexpected text after the value" },
		{ "\"\\q\"", "t.json:1:4: error: invalid JSON: unknown escape in a string" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct arena *a = arena_new();
		struct sb diag = SB_INIT;
		diag_capture(&diag);
		CHECK(json_parse(a, "t.json", bad[i].text, strlen(bad[i].text)) == NULL);
		diag_capture(NULL);
		CHECK_STR_CONTAINS(sb_str(&diag), bad[i].message);
		sb_release(&diag);
		arena_free(a);
	}
}

/* The header must say exactly what seL4's configure step says for each kind of value. */
TEST(test_gen__config_header_matches_the_kernel_format)
{
	struct arena *a = arena_new();
	static const char text[] = "{\"ARCH_X86_64\": true, \"ARCH_ARM\": false, \"SEL4_ARCH\": \"x86_64\", \"EMPTY\": \"\"}";
	struct json_value *v = json_parse(a, "g.json", text, strlen(text));
	struct sb out = SB_INIT;
	CHECK_INT_EQ(libsel4_config_header(&out, v, "g.json"), 0);
	CHECK_STR_EQ(sb_str(&out), "#pragma once\n\n"
				   "#define CONFIG_ARCH_X86_64  1\n"
				   "/* disabled: CONFIG_ARCH_ARM */\n"
				   "#define CONFIG_SEL4_ARCH  x86_64\n"
				   "#define CONFIG_EMPTY  /* empty */\n");
	sb_reset(&out);
	struct sb diag = SB_INIT;
	diag_capture(&diag);
	v = json_parse(a, "g.json", "{\"N\": 1}", 8);
	CHECK_INT_EQ(libsel4_config_header(&out, v, "g.json"), -1);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&diag), "g.json: error: value of 'N' must be a boolean or a string");
	sb_release(&diag);
	sb_release(&out);
	arena_free(a);
}
