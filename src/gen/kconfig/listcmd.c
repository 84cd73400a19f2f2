/* SPDX-License-Identifier: BSD-2-Clause */
/* list(), string() and math(EXPR) sub-commands used by configuration scripts. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcfg_internal.h"
#include "util/regex.h"
#include "util/sb.h"
#include "util/xalloc.h"

static void set_list(struct kcfg *k, const char *var, const struct kcfg_args *l)
{
	struct sb sb = SB_INIT;
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			sb_addch(&sb, ';');
		/* Like CMake, rewriting a list loses the escapes of elements that held ';'. */
		sb_adds(&sb, l->v[i].s);
	}
	kcfg_set(k, var, sb_str(&sb));
	sb_release(&sb);
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(((const struct kcfg_arg *)x)->s, ((const struct kcfg_arg *)y)->s);
}

static bool index_of(struct kcfg *k, const char *s, size_t n, size_t *out)
{
	long i = atol(s);
	if (i < 0)
		i += (long)n;
	if (i < 0 || (size_t)i >= n)
		return kcfg_err(k, "list index %s out of range (%zu elements)", s, n), false;
	*out = (size_t)i;
	return true;
}

int kcfg_cmd_list(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 2)
		return kcfg_err(k, "list needs a sub-command and a variable");
	const char *sub = a->v[0].s, *var = a->v[1].s;
	const char *cur = kcfg_get(k, var);
	struct kcfg_args l = { 0 };
	/* Appending keeps the text as is; other sub-commands work on elements. */
	if (strcmp(sub, "APPEND") == 0 || strcmp(sub, "PREPEND") == 0) {
		if (a->n <= 2)
			return 0;
		char **items = xmalloc(a->n * sizeof *items);
		for (size_t i = 2; i < a->n; i++)
			items[i - 2] = a->v[i].s;
		char *add = kcfg_list_join(items, a->n - 2);
		free(items);
		struct sb sb = SB_INIT;
		if (cur && *cur)
			sb_addf(&sb, "%s;%s", sub[0] == 'P' ? add : cur, sub[0] == 'P' ? cur : add);
		else
			sb_adds(&sb, add);
		free(add);
		kcfg_set(k, var, sb_str(&sb));
		sb_release(&sb);
		return 0;
	}
	kcfg_list_split(cur ? cur : "", false, &l);
	int rc = 0;
	if (strcmp(sub, "LENGTH") == 0 && a->n >= 3) {
		char buf[32];
		snprintf(buf, sizeof buf, "%zu", l.n);
		kcfg_set(k, a->v[2].s, buf);
	} else if (strcmp(sub, "GET") == 0 && a->n >= 4) {
		struct kcfg_args out = { 0 };
		for (size_t i = 2; i + 1 < a->n; i++) {
			size_t at;
			if (!index_of(k, a->v[i].s, l.n, &at)) {
				rc = -1;
				break;
			}
			kcfg_args_push(&out, xstrdup(l.v[at].s), false);
		}
		if (!rc)
			set_list(k, a->v[a->n - 1].s, &out);
		kcfg_args_free(&out);
	} else if (strcmp(sub, "FIND") == 0 && a->n >= 4) {
		long at = -1;
		for (size_t i = 0; i < l.n && at < 0; i++)
			if (strcmp(l.v[i].s, a->v[2].s) == 0)
				at = (long)i;
		char buf[32];
		snprintf(buf, sizeof buf, "%ld", at);
		kcfg_set(k, a->v[3].s, buf);
	} else if (strcmp(sub, "JOIN") == 0 && a->n >= 4) {
		struct sb sb = SB_INIT;
		for (size_t i = 0; i < l.n; i++) {
			if (i)
				sb_adds(&sb, a->v[2].s);
			sb_adds(&sb, l.v[i].s);
		}
		kcfg_set(k, a->v[3].s, sb_str(&sb));
		sb_release(&sb);
	} else if (strcmp(sub, "REMOVE_ITEM") == 0 || strcmp(sub, "REMOVE_DUPLICATES") == 0 ||
		   strcmp(sub, "REMOVE_AT") == 0) {
		bool *drop = xcalloc(l.n + 1, sizeof *drop);
		for (size_t i = 0; i < l.n; i++) {
			if (sub[7] == 'I') {
				for (size_t j = 2; j < a->n; j++)
					drop[i] |= strcmp(l.v[i].s, a->v[j].s) == 0;
			} else if (sub[7] == 'D') {
				for (size_t j = 0; j < i; j++)
					drop[i] |= !drop[j] && strcmp(l.v[i].s, l.v[j].s) == 0;
			}
		}
		if (sub[7] == 'A') {
			for (size_t j = 2; j < a->n && !rc; j++) {
				size_t at;
				if (index_of(k, a->v[j].s, l.n, &at))
					drop[at] = true;
				else
					rc = -1;
			}
		}
		struct kcfg_args out = { 0 };
		for (size_t i = 0; i < l.n; i++)
			if (!drop[i])
				kcfg_args_push(&out, xstrdup(l.v[i].s), false);
		if (!rc && cur)
			set_list(k, var, &out);
		kcfg_args_free(&out);
		free(drop);
	} else if (strcmp(sub, "INSERT") == 0 && a->n >= 3) {
		size_t at = (size_t)atol(a->v[2].s);
		if (at > l.n) {
			rc = kcfg_err(k, "list index %zu out of range", at);
		} else {
			struct kcfg_args out = { 0 };
			for (size_t i = 0; i <= l.n; i++) {
				if (i == at)
					for (size_t j = 3; j < a->n; j++)
						kcfg_args_push(&out, xstrdup(a->v[j].s), false);
				if (i < l.n)
					kcfg_args_push(&out, xstrdup(l.v[i].s), false);
			}
			set_list(k, var, &out);
			kcfg_args_free(&out);
		}
	} else if (strcmp(sub, "SORT") == 0) {
		if (l.n) /* an empty list has no array (qsort wants one) */
			qsort(l.v, l.n, sizeof *l.v, cmp_str);
		if (cur)
			set_list(k, var, &l);
	} else if (strcmp(sub, "REVERSE") == 0) {
		for (size_t i = 0; i < l.n / 2; i++) {
			struct kcfg_arg t = l.v[i];
			l.v[i] = l.v[l.n - 1 - i];
			l.v[l.n - 1 - i] = t;
		}
		if (cur)
			set_list(k, var, &l);
	} else {
		rc = kcfg_err(k, "list(%s) is not supported", sub);
	}
	kcfg_args_free(&l);
	return rc;
}

/* REGEX REPLACE: \0..\9 in the replacement name the whole match and groups. */
static int regex_replace(struct kcfg *k, const char *re, const char *rep, const char *in, struct sb *out)
{
	struct rx *rx = kcfg_regex_compile(k, re);
	if (!rx)
		return -1;
	struct rx_span m[10];
	const char *p = in;
	bool notbol = false;
	while (*p && rx_search(rx, p, strlen(p), notbol, m, 10)) {
		sb_add(out, p, (size_t)m[0].start);
		for (const char *r = rep; *r; r++) {
			if (*r == '\\' && r[1] >= '0' && r[1] <= '9') {
				int g = r[1] - '0';
				if (m[g].start >= 0)
					sb_add(out, p + m[g].start, (size_t)(m[g].end - m[g].start));
				r++;
			} else if (*r == '\\' && r[1] == 'n') {
				sb_addch(out, '\n');
				r++;
			} else {
				sb_addch(out, *r);
			}
		}
		if (m[0].end == m[0].start) {
			if (!p[m[0].end])
				break;
			sb_addch(out, p[m[0].end]);
			p += m[0].end + 1;
		} else {
			p += m[0].end;
		}
		notbol = true;
	}
	sb_adds(out, p);
	rx_free(rx);
	return 0;
}

static char *concat(const struct kcfg_args *a, size_t from, size_t to)
{
	struct sb sb = SB_INIT;
	for (size_t i = from; i < to; i++)
		sb_adds(&sb, a->v[i].s);
	return sb_detach(&sb);
}

int kcfg_cmd_string(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 2)
		return kcfg_err(k, "string needs a sub-command");
	const char *sub = a->v[0].s;
	struct sb out = SB_INIT;
	const char *dest = NULL;
	int rc = 0;
	if (strcmp(sub, "APPEND") == 0 || strcmp(sub, "PREPEND") == 0) {
		const char *cur = kcfg_get(k, a->v[1].s);
		char *add = concat(a, 2, a->n);
		if (sub[0] == 'P')
			sb_adds(&out, add);
		sb_adds(&out, cur ? cur : "");
		if (sub[0] == 'A')
			sb_adds(&out, add);
		free(add);
		dest = a->v[1].s;
	} else if (strcmp(sub, "CONCAT") == 0) {
		char *s = concat(a, 2, a->n);
		sb_adds(&out, s);
		free(s);
		dest = a->v[1].s;
	} else if (strcmp(sub, "REPLACE") == 0 && a->n >= 4) {
		const char *from = a->v[1].s, *to = a->v[2].s;
		char *in = concat(a, 4, a->n);
		size_t fl = strlen(from);
		for (const char *p = in; *p;) {
			if (fl && strncmp(p, from, fl) == 0) {
				sb_adds(&out, to);
				p += fl;
			} else {
				sb_addch(&out, *p++);
			}
		}
		free(in);
		dest = a->v[3].s;
	} else if (strcmp(sub, "REGEX") == 0 && a->n >= 5 && strcmp(a->v[1].s, "REPLACE") == 0) {
		if (a->n < 6) {
			sb_release(&out);
			return kcfg_err(k, "string(REGEX REPLACE) needs a regex, replacement, variable and input");
		}
		char *in = concat(a, 5, a->n);
		rc = regex_replace(k, a->v[2].s, a->v[3].s, in, &out);
		free(in);
		dest = a->v[4].s;
	} else if (strcmp(sub, "REGEX") == 0 && a->n >= 4 && strcmp(a->v[1].s, "MATCH") == 0) {
		char *in = concat(a, 4, a->n);
		struct rx *rx = kcfg_regex_compile(k, a->v[2].s);
		rc = rx ? 0 : -1;
		if (rx) {
			struct rx_span m[1];
			if (rx_search(rx, in, strlen(in), false, m, 1))
				sb_add(&out, in + m[0].start, (size_t)(m[0].end - m[0].start));
			rx_free(rx);
		}
		free(in);
		dest = a->v[3].s;
	} else if ((strcmp(sub, "TOLOWER") == 0 || strcmp(sub, "TOUPPER") == 0) && a->n >= 3) {
		for (const char *p = a->v[1].s; *p; p++)
			sb_addch(&out, (char)(sub[2] == 'L' ? tolower((unsigned char)*p) : toupper((unsigned char)*p)));
		dest = a->v[2].s;
	} else if (strcmp(sub, "STRIP") == 0 && a->n >= 3) {
		const char *s = a->v[1].s, *e = s + strlen(s);
		while (isspace((unsigned char)*s))
			s++;
		while (e > s && isspace((unsigned char)e[-1]))
			e--;
		sb_add(&out, s, (size_t)(e - s));
		dest = a->v[2].s;
	} else if (strcmp(sub, "LENGTH") == 0 && a->n >= 3) {
		sb_addf(&out, "%zu", strlen(a->v[1].s));
		dest = a->v[2].s;
	} else if (strcmp(sub, "SUBSTRING") == 0 && a->n >= 5) {
		const char *s = a->v[1].s;
		size_t n = strlen(s), b = (size_t)atol(a->v[2].s);
		long len = atol(a->v[3].s);
		if (b > n) {
			sb_release(&out);
			return kcfg_err(k, "string(SUBSTRING) begin index out of range");
		}
		size_t l = len < 0 || b + (size_t)len > n ? n - b : (size_t)len;
		sb_add(&out, s + b, l);
		dest = a->v[4].s;
	} else if (strcmp(sub, "FIND") == 0 && a->n >= 4) {
		const char *hit = strstr(a->v[1].s, a->v[2].s);
		if (a->n >= 5 && strcmp(a->v[4].s, "REVERSE") == 0 && hit) {
			for (const char *p = hit; (p = strstr(p + 1, a->v[2].s));)
				hit = p;
		}
		sb_addf(&out, "%ld", hit ? (long)(hit - a->v[1].s) : -1L);
		dest = a->v[3].s;
	} else if (strcmp(sub, "CONFIGURE") == 0 && a->n >= 3) {
		bool escape = false;
		for (size_t i = 3; i < a->n; i++)
			escape |= strcmp(a->v[i].s, "ESCAPE_QUOTES") == 0;
		/* @VAR@ only: the kernel's templates never use ${VAR} here. */
		const char *s = a->v[1].s;
		for (const char *p = s; *p; p++) {
			const char *e = *p == '@' ? strchr(p + 1, '@') : NULL;
			size_t nl = e ? (size_t)(e - p - 1) : 0;
			bool ident = e && nl;
			for (size_t i = 0; ident && i < nl; i++)
				ident = isalnum((unsigned char)p[1 + i]) || strchr("_./+-", p[1 + i]);
			if (!ident) {
				sb_addch(&out, *p);
				continue;
			}
			char *name = xstrndup(p + 1, nl);
			const char *v = kcfg_get(k, name);
			for (; v && *v; v++) {
				if (escape && *v == '"')
					sb_addch(&out, '\\');
				sb_addch(&out, *v);
			}
			free(name);
			p = e;
		}
		dest = a->v[2].s;
	} else {
		rc = kcfg_err(k, "string(%s) is not supported", sub);
	}
	if (!rc && dest)
		kcfg_set(k, dest, sb_str(&out));
	sb_release(&out);
	return rc;
}

/* math(EXPR): 64-bit integers, C operator precedence, decimal or 0x input. */
struct mexpr {
	const char *p;
	bool bad;
};

static int64_t m_or(struct mexpr *m);

static void m_ws(struct mexpr *m)
{
	while (isspace((unsigned char)*m->p))
		m->p++;
}

static int64_t m_unary(struct mexpr *m)
{
	m_ws(m);
	char c = *m->p;
	if (c == '-' || c == '+' || c == '~') {
		m->p++;
		int64_t v = m_unary(m);
		return c == '-' ? (int64_t)(0 - (uint64_t)v) : c == '~' ? ~v : v;
	}
	if (c == '(') {
		m->p++;
		int64_t v = m_or(m);
		m_ws(m);
		if (*m->p != ')')
			m->bad = true;
		else
			m->p++;
		return v;
	}
	char *end;
	long long v = strtoll(m->p, &end, 0);
	if (end == m->p)
		m->bad = true;
	m->p = end;
	return v;
}

static int64_t m_mul(struct mexpr *m)
{
	int64_t v = m_unary(m);
	for (;;) {
		m_ws(m);
		char c = *m->p;
		if (c != '*' && c != '/' && c != '%')
			return v;
		m->p++;
		int64_t r = m_unary(m);
		if (c == '*')
			v = (int64_t)((uint64_t)v * (uint64_t)r);
		else if (r == 0)
			m->bad = true;
		else
			v = c == '/' ? v / r : v % r;
	}
}

static int64_t m_add(struct mexpr *m)
{
	int64_t v = m_mul(m);
	for (;;) {
		m_ws(m);
		char c = *m->p;
		if (c != '+' && c != '-')
			return v;
		m->p++;
		int64_t r = m_mul(m);
		v = (int64_t)(c == '+' ? (uint64_t)v + (uint64_t)r : (uint64_t)v - (uint64_t)r);
	}
}

static int64_t m_shift(struct mexpr *m)
{
	int64_t v = m_add(m);
	for (;;) {
		m_ws(m);
		if (!((m->p[0] == '<' || m->p[0] == '>') && m->p[1] == m->p[0]))
			return v;
		bool left = m->p[0] == '<';
		m->p += 2;
		int64_t r = m_add(m);
		if (r < 0 || r > 63)
			m->bad = true;
		else
			v = left ? (int64_t)((uint64_t)v << r) : v >> r;
	}
}

static int64_t m_and(struct mexpr *m)
{
	int64_t v = m_shift(m);
	for (m_ws(m); *m->p == '&'; m_ws(m)) {
		m->p++;
		v &= m_shift(m);
	}
	return v;
}

static int64_t m_xor(struct mexpr *m)
{
	int64_t v = m_and(m);
	for (m_ws(m); *m->p == '^'; m_ws(m)) {
		m->p++;
		v ^= m_and(m);
	}
	return v;
}

static int64_t m_or(struct mexpr *m)
{
	int64_t v = m_xor(m);
	for (m_ws(m); *m->p == '|'; m_ws(m)) {
		m->p++;
		v |= m_xor(m);
	}
	return v;
}

int kcfg_cmd_math(struct kcfg *k, struct kcfg_args *a)
{
	if (a->n < 3 || strcmp(a->v[0].s, "EXPR") != 0)
		return kcfg_err(k, "math supports only EXPR <variable> <expression>");
	struct mexpr m = { a->v[2].s, false };
	int64_t v = m_or(&m);
	m_ws(&m);
	if (m.bad || *m.p)
		return kcfg_err(k, "math cannot evaluate \"%s\"", a->v[2].s);
	char buf[32];
	bool hex = a->n >= 5 && strcmp(a->v[4].s, "HEXADECIMAL") == 0;
	snprintf(buf, sizeof buf, hex ? "0x%llx" : "%lld", (long long)v);
	kcfg_set(k, a->v[1].s, buf);
	return 0;
}
