/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Double-quoted strings with the escapes JSON (RFC 8259) and TOML's basic strings share: \" \\
 * \b \t \n \f \r, \uXXXX for the other control characters and DEL; bytes >= 0x80 pass
 * through as UTF-8.
 */
#include "json.h"

#include <stdint.h>

#include "utf8.h"

void json_write_string(struct sb *out, const char *s, size_t len)
{
	sb_addch(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"':
			sb_adds(out, "\\\"");
			break;
		case '\\':
			sb_adds(out, "\\\\");
			break;
		case '\b':
			sb_adds(out, "\\b");
			break;
		case '\t':
			sb_adds(out, "\\t");
			break;
		case '\n':
			sb_adds(out, "\\n");
			break;
		case '\f':
			sb_adds(out, "\\f");
			break;
		case '\r':
			sb_adds(out, "\\r");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				sb_addf(out, "\\u%04X", c);
			else
				sb_addch(out, (char)c);
		}
	}
	sb_addch(out, '"');
}

/* Python's json.dumps with ensure_ascii: every code point above 0x7e as \uXXXX (a surrogate
 * pair above 0xffff), bytes that are not UTF-8 as U+FFFD; DEL passes through. */
void json_write_string_python(struct sb *out, const char *s, size_t len)
{
	sb_addch(out, '"');
	for (size_t i = 0; i < len;) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 0x80) {
			uint32_t cp;
			size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
			if (!n) {
				cp = 0xfffd;
				n = 1;
			}
			i += n;
			if (cp >= 0x10000) {
				cp -= 0x10000;
				sb_addf(out, "\\u%04x\\u%04x", (unsigned)(0xd800 + (cp >> 10)), (unsigned)(0xdc00 + (cp & 0x3ff)));
			} else {
				sb_addf(out, "\\u%04x", (unsigned)cp);
			}
			continue;
		}
		i++;
		switch (ch) {
		case '"': sb_adds(out, "\\\""); break;
		case '\\': sb_adds(out, "\\\\"); break;
		case '\n': sb_adds(out, "\\n"); break;
		case '\r': sb_adds(out, "\\r"); break;
		case '\t': sb_adds(out, "\\t"); break;
		case '\b': sb_adds(out, "\\b"); break;
		case '\f': sb_adds(out, "\\f"); break;
		default:
			if (ch < 0x20)
				sb_addf(out, "\\u%04x", ch);
			else
				sb_addch(out, (char)ch);
		}
	}
	sb_addch(out, '"');
}
