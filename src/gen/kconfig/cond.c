/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * if()/while() conditions, reduced in CMake's order: parentheses, unary tests, binary tests, NOT,
 * AND, OR.  Policy CMP0054 NEW (quoted arguments are never variable names or keywords) and
 * CMP0012 NEW (numbers and boolean constants are recognised).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "kcfg_internal.h"
#include "util/regex.h"
#include "util/xalloc.h"

enum tok_kind { T_STR, T_QSTR, T_BOOL };

struct tok {
	const char *s;
	enum tok_kind kind;
	bool b;
};

static bool kcfg_is_false_const(const char *s)
{
	static const char *const f[] = { "", "0", "OFF", "NO", "FALSE", "N", "IGNORE", "NOTFOUND" };
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		if (strcasecmp(s, f[i]) == 0)
			return true;
	size_t n = strlen(s);
	return n >= 9 && strcasecmp(s + n - 9, "-NOTFOUND") == 0;
}

/* cmake's cmIsOn()/cmIsOff() as used for a variable's value: anything not false is true. */
bool kcfg_truthy(const char *s)
{
	return !kcfg_is_false_const(s);
}

bool kcfg_value_is_on(const char *value)
{
	return kcfg_truthy(value);
}

static bool is_true_const(const char *s)
{
	return strcmp(s, "1") == 0 || strcasecmp(s, "ON") == 0 || strcasecmp(s, "YES") == 0 ||
	       strcasecmp(s, "TRUE") == 0 || strcasecmp(s, "Y") == 0;
}

static bool boolean(struct kcfg *k, const struct tok *t)
{
	if (t->kind == T_BOOL)
		return t->b;
	if (is_true_const(t->s))
		return true;
	if (kcfg_is_false_const(t->s))
		return false;
	char *end;
	double d = strtod(t->s, &end);
	if (*t->s && *end == '\0')
		return d != 0.0;
	if (t->kind == T_QSTR)
		return false;
	const char *v = kcfg_get(k, t->s);
	return v && kcfg_truthy(v);
}

static const char *deref(struct kcfg *k, const struct tok *t)
{
	if (t->kind == T_BOOL)
		return t->b ? "1" : "0";
	if (t->kind == T_STR) {
		const char *v = kcfg_get(k, t->s);
		if (v)
			return v;
	}
	return t->s;
}

static bool kw(const struct tok *t, const char *word)
{
	return t->kind == T_STR && strcmp(t->s, word) == 0;
}

static void reduce(struct tok *v, size_t *n, size_t at, size_t count, bool b)
{
	v[at] = (struct tok){ b ? "1" : "0", T_BOOL, b };
	memmove(&v[at + 1], &v[at + count], (*n - at - count) * sizeof *v);
	*n -= count - 1;
}

struct rx *kcfg_regex_compile(struct kcfg *k, const char *re)
{
	struct rx_error err;
	struct rx *rx = rx_compile(re, &err);
	if (!rx)
		kcfg_err(k, "invalid regular expression \"%s\": at offset %zu: %s", re, err.offset, err.msg);
	return rx;
}

/* Compare two version strings component by component: <0, 0, >0. */
static int version_cmp(const char *a, const char *b)
{
	while (*a || *b) {
		unsigned long x = strtoul(a, (char **)&a, 10), y = strtoul(b, (char **)&b, 10);
		if (x != y)
			return x < y ? -1 : 1;
		if (*a == '.')
			a++;
		else
			while (*a && *a != '.')
				a++;
		if (*b == '.')
			b++;
		else
			while (*b && *b != '.')
				b++;
	}
	return 0;
}

static int matches(struct kcfg *k, const char *s, const char *re, bool *out)
{
	struct rx *rx = kcfg_regex_compile(k, re);
	if (!rx)
		return -1;
	struct rx_span m[10];
	*out = rx_search(rx, s, strlen(s), false, m, 10);
	if (*out) {
		for (int i = 0; i < 10; i++) {
			char name[] = "CMAKE_MATCH_0";
			name[12] = (char)('0' + i);
			if (m[i].start >= 0) {
				char *v = xstrndup(s + m[i].start, (size_t)(m[i].end - m[i].start));
				kcfg_set(k, name, v);
				free(v);
			} else {
				kcfg_unset(k, name);
			}
		}
	}
	rx_free(rx);
	return 0;
}

static bool num(const char *s, double *d)
{
	return sscanf(s, "%lf", d) == 1;
}

static bool defined(struct kcfg *k, const char *s)
{
	size_t n = strlen(s);
	if (strncmp(s, "ENV{", 4) == 0 && n > 5 && s[n - 1] == '}') {
		char *name = xstrndup(s + 4, n - 5);
		bool r = getenv(name) != NULL;
		deps_env(k->deps, name);
		free(name);
		return r;
	}
	if (strncmp(s, "CACHE{", 6) == 0 && n > 7 && s[n - 1] == '}') {
		char *name = xstrndup(s + 6, n - 7);
		bool r = kcfg_cache(k, name) != NULL;
		free(name);
		return r;
	}
	return kcfg_is_defined(k, s);
}

static int eval(struct kcfg *k, struct tok *v, size_t n, bool *result);

static int binary(struct kcfg *k, struct tok *v, size_t *n, size_t i, bool *done)
{
	const struct tok *op = &v[i + 1];
	static const char *const ops[] = { "EQUAL", "LESS", "GREATER", "LESS_EQUAL", "GREATER_EQUAL",
					   "STREQUAL", "STRLESS", "STRGREATER", "STRLESS_EQUAL",
					   "STRGREATER_EQUAL", "MATCHES", "VERSION_EQUAL", "VERSION_LESS",
					   "VERSION_GREATER", "VERSION_LESS_EQUAL",
					   "VERSION_GREATER_EQUAL", "IN_LIST" };
	size_t which = sizeof ops / sizeof *ops;
	for (size_t j = 0; j < which; j++)
		if (kw(op, ops[j])) {
			which = j;
			break;
		}
	*done = false;
	if (which == sizeof ops / sizeof *ops)
		return 0;
	const char *l = deref(k, &v[i]);
	const char *r = deref(k, &v[i + 2]);
	bool b = false;
	double x, y;
	int c;
	switch (which) {
	case 0: case 1: case 2: case 3: case 4:
		if (num(l, &x) && num(r, &y))
			b = which == 0 ? x == y : which == 1 ? x < y : which == 2 ? x > y : which == 3 ? x <= y : x >= y;
		break;
	case 5: case 6: case 7: case 8: case 9:
		c = strcmp(l, r);
		b = which == 5 ? c == 0 : which == 6 ? c < 0 : which == 7 ? c > 0 : which == 8 ? c <= 0 : c >= 0;
		break;
	case 10: {
		char *ls = xstrdup(l);
		int rc = matches(k, ls, r, &b);
		free(ls);
		if (rc)
			return -1;
		break;
	}
	case 11: case 12: case 13: case 14: case 15:
		c = version_cmp(l, r);
		b = which == 11 ? c == 0 : which == 12 ? c < 0 : which == 13 ? c > 0 : which == 14 ? c <= 0 : c >= 0;
		break;
	default: {
		/* IN_LIST: the right side always names a variable. */
		const char *list = v[i + 2].kind == T_STR ? kcfg_get(k, v[i + 2].s) : NULL;
		struct kcfg_args el = { 0 };
		kcfg_list_split(list ? list : "", true, &el);
		for (size_t j = 0; j < el.n; j++)
			if (strcmp(el.v[j].s, l) == 0)
				b = true;
		kcfg_args_free(&el);
		break;
	}
	}
	reduce(v, n, i, 3, b);
	*done = true;
	return 0;
}

static int eval(struct kcfg *k, struct tok *v, size_t n, bool *result)
{
	/* Parentheses, innermost first by recursion. */
	for (size_t i = 0; i < n; i++) {
		if (!kw(&v[i], "("))
			continue;
		size_t depth = 1, j = i + 1;
		for (; j < n; j++) {
			if (kw(&v[j], "("))
				depth++;
			else if (kw(&v[j], ")") && --depth == 0)
				break;
		}
		if (j == n)
			return kcfg_err(k, "mismatched parenthesis in condition");
		bool b;
		if (eval(k, &v[i + 1], j - i - 1, &b))
			return -1;
		reduce(v, &n, i, j - i + 1, b);
	}
	/* Unary tests. */
	for (size_t i = 0; i + 1 < n; i++) {
		const char *a = v[i + 1].s;
		if (kw(&v[i], "DEFINED"))
			reduce(v, &n, i, 2, defined(k, a));
		else if (kw(&v[i], "EXISTS")) {
			struct stat st;
			kcfg_note_probe(k, a);
			reduce(v, &n, i, 2, *a && stat(a, &st) == 0);
		} else if (kw(&v[i], "IS_DIRECTORY")) {
			struct stat st;
			kcfg_note_probe(k, a);
			reduce(v, &n, i, 2, stat(a, &st) == 0 && S_ISDIR(st.st_mode));
		} else if (kw(&v[i], "IS_ABSOLUTE"))
			reduce(v, &n, i, 2, a[0] == '/');
		else if (kw(&v[i], "COMMAND")) {
			char *lo = xstrdup(a);
			for (char *p = lo; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			bool b = kcfg_builtin(lo) || kcfg_sel4_builtin(lo);
			for (struct kcfg_def *d = k->defs; d && !b; d = d->next)
				b = strcmp(d->name, lo) == 0;
			free(lo);
			reduce(v, &n, i, 2, b);
		} else if (kw(&v[i], "POLICY"))
			reduce(v, &n, i, 2, strncmp(a, "CMP", 3) == 0 && atoi(a + 3) <= 155);
		else if (kw(&v[i], "TARGET"))
			reduce(v, &n, i, 2, false);
	}
	/* Binary tests. */
	for (size_t i = 0; i + 2 < n; i++) {
		bool done;
		if (binary(k, v, &n, i, &done))
			return -1;
	}
	/* NOT, right to left so that NOT NOT x works. */
	for (size_t i = n; i-- > 0;) {
		if (kw(&v[i], "NOT") && i + 1 < n)
			reduce(v, &n, i, 2, !boolean(k, &v[i + 1]));
	}
	for (size_t i = 1; i + 1 < n;) {
		if (kw(&v[i], "AND"))
			reduce(v, &n, i - 1, 3, boolean(k, &v[i - 1]) && boolean(k, &v[i + 1]));
		else
			i++;
	}
	for (size_t i = 1; i + 1 < n;) {
		if (kw(&v[i], "OR"))
			reduce(v, &n, i - 1, 3, boolean(k, &v[i - 1]) || boolean(k, &v[i + 1]));
		else
			i++;
	}
	if (n == 0) {
		*result = false;
		return 0;
	}
	if (n != 1)
		return kcfg_err(k, "unknown arguments specified in condition");
	*result = boolean(k, &v[0]);
	return 0;
}

int kcfg_cond(struct kcfg *k, const struct kcfg_arg *args, size_t n, bool *result)
{
	struct tok *v = xmalloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct tok){ args[i].s, args[i].quoted ? T_QSTR : T_STR, false };
	int rc = eval(k, v, n, result);
	free(v);
	return rc;
}
