/* SPDX-License-Identifier: BSD-2-Clause */
/* Evaluating arguments: escapes, ${...}/$ENV{...}/$CACHE{...} references (nested), list splitting. */
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/sb.h"
#include "util/xalloc.h"

void kcfg_args_push(struct kcfg_args *a, char *s, bool quoted)
{
	a->v = xgrow(a->v, &a->cap, a->n + 1, sizeof *a->v);
	a->v[a->n++] = (struct kcfg_arg){ s, quoted };
}

void kcfg_args_free(struct kcfg_args *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i].s);
	free(a->v);
	*a = (struct kcfg_args){ 0 };
}

static const char *lookup_ref(struct kcfg *k, const char *kind, const char *name)
{
	if (strcmp(kind, "ENV") == 0) {
		deps_env(k->deps, name);
		return getenv(name);
	}
	if (strcmp(kind, "CACHE") == 0)
		return kcfg_cache(k, name);
	if (k->macro) {
		char **v = kcfg_table_ref(&k->macro->map, name, false, NULL);
		if (v && *v)
			return *v;
	}
	return kcfg_get(k, name);
}

/* Evaluate s[*i..len) into out until `stop` (a '}' closing a reference) or the end. */
static int expand_into(struct kcfg *k, const char *s, size_t len, size_t *i, char stop, struct sb *out)
{
	while (*i < len) {
		char c = s[*i];
		if (stop && c == stop) {
			(*i)++;
			return 1;
		}
		if (c == '\\' && *i + 1 < len) {
			char e = s[*i + 1];
			*i += 2;
			switch (e) {
			case 'n': sb_addch(out, '\n'); break;
			case 't': sb_addch(out, '\t'); break;
			case 'r': sb_addch(out, '\r'); break;
			case '0': sb_addch(out, '\0'); break;
			case ';': sb_add(out, "\\;", 2); break;
			case '\n': break; /* line continuation in quoted arguments */
			default: sb_addch(out, e); break;
			}
			continue;
		}
		if (c == '$') {
			const char *kind = NULL;
			size_t skip = 0;
			if (*i + 1 < len && s[*i + 1] == '{') {
				kind = "";
				skip = 2;
			} else if (*i + 4 < len && strncmp(s + *i + 1, "ENV{", 4) == 0) {
				kind = "ENV";
				skip = 5;
			} else if (*i + 6 < len && strncmp(s + *i + 1, "CACHE{", 6) == 0) {
				kind = "CACHE";
				skip = 7;
			}
			if (kind) {
				size_t save = *i;
				*i += skip;
				struct sb name = SB_INIT;
				int r = expand_into(k, s, len, i, '}', &name);
				if (r < 0) {
					sb_release(&name);
					return -1;
				}
				if (r == 0) {
					sb_release(&name);
					struct loc at = k->at;
					(void)save;
					return diag_error(&at, "unterminated variable reference");
				}
				const char *v = lookup_ref(k, kind, sb_str(&name));
				if (v)
					sb_adds(out, v);
				sb_release(&name);
				continue;
			}
		}
		sb_addch(out, c);
		(*i)++;
	}
	return 0;
}

static char *kcfg_expand(struct kcfg *k, const char *s, size_t len, bool *err)
{
	struct sb out = SB_INIT;
	size_t i = 0;
	*err = expand_into(k, s, len, &i, 0, &out) < 0;
	return sb_detach(&out);
}

void kcfg_list_split(const char *s, bool keep_empty, struct kcfg_args *out)
{
	struct sb cur = SB_INIT;
	int square = 0;
	for (const char *p = s;; p++) {
		if (*p == '\\' && p[1] == ';') {
			sb_addch(&cur, ';');
			p++;
			continue;
		}
		if (*p == '[')
			square++;
		else if (*p == ']' && square)
			square--;
		if (!*p || (*p == ';' && !square)) {
			if (cur.len || keep_empty)
				kcfg_args_push(out, sb_detach(&cur), false);
			if (!*p)
				break;
			continue;
		}
		sb_addch(&cur, *p);
	}
	sb_release(&cur);
}

char *kcfg_list_join(char *const *v, size_t n)
{
	struct sb sb = SB_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_addch(&sb, ';');
		sb_adds(&sb, v[i]);
	}
	return sb_detach(&sb);
}

int kcfg_eval_args(struct kcfg *k, const struct kcfg_cmd *c, struct kcfg_args *out)
{
	for (size_t i = 0; i < c->nargs; i++) {
		const struct kcfg_rawarg *r = &c->args[i];
		if (r->kind == KCFG_BRACKET) {
			kcfg_args_push(out, xstrndup(r->text, r->len), true);
			continue;
		}
		bool err;
		char *v = kcfg_expand(k, r->text, r->len, &err);
		if (err) {
			free(v);
			kcfg_args_free(out); /* nothing half-evaluated goes back (callers may free again) */
			return -1;
		}
		if (r->kind == KCFG_QUOTED) {
			kcfg_args_push(out, v, true);
		} else {
			kcfg_list_split(v, false, out);
			free(v);
		}
	}
	return 0;
}
