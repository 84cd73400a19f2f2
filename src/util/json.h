/* SPDX-License-Identifier: BSD-2-Clause */
/* Writing JSON strings (RFC 8259 escaping; bytes >= 0x80 pass through as UTF-8).  TOML's basic
 * strings use the same escapes, so the TOML writer calls this too. */
#ifndef SELFE_JSON_H
#define SELFE_JSON_H

#include <stddef.h>

#include "sb.h"

void json_write_string(struct sb *out, const char *s, size_t len);

/* The same as Python's json.dumps writes it (ASCII only): for files seL4's own Python tools
 * write, byte for byte (gen_config.json). */
void json_write_string_python(struct sb *out, const char *s, size_t len);

#endif
