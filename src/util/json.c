/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Double-quoted strings with the escapes JSON (RFC 8259) and TOML's basic strings share: \" \\
 * \b \t \n \f \r, \uXXXX for the other control characters and DEL; bytes >= 0x80 pass
 * through as UTF-8.
 */
#include "json.h"

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
