/* SPDX-License-Identifier: BSD-2-Clause */
/* Fact sets: building, canonical order, text form, and the comparison of two sets. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/xalloc.h"

/* Carries the insertion order so that sorting keeps the first-added fact of a key. */
struct ordered {
	struct fact fact;
	size_t seq;
};

void facts_add(struct facts *f, const char *kind, const char *name, const char *value)
{
	struct sb key = SB_INIT;
	sb_addf(&key, "%s %s", kind, name);
	f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof(*f->v));
	f->v[f->n].key = sb_detach(&key);
	f->v[f->n].value = xstrdup(value);
	f->n++;
	f->sorted = 0;
}

static int by_key_then_seq(const void *pa, const void *pb)
{
	const struct ordered *a = pa, *b = pb;
	int c = strcmp(a->fact.key, b->fact.key);
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void facts_canonicalize(struct facts *f)
{
	struct ordered *tmp = xcalloc(f->n ? f->n : 1, sizeof(*tmp));
	for (size_t i = 0; i < f->n; i++) {
		tmp[i].fact = f->v[i];
		tmp[i].seq = i;
	}
	qsort(tmp, f->n, sizeof(*tmp), by_key_then_seq);
	size_t out = 0;
	for (size_t i = 0; i < f->n; i++) {
		if (out && strcmp(f->v[out - 1].key, tmp[i].fact.key) == 0) {
			free(tmp[i].fact.key);
			free(tmp[i].fact.value);
			continue;
		}
		f->v[out++] = tmp[i].fact;
	}
	f->n = out;
	f->sorted = 1;
	free(tmp);
}

const char *facts_find(const struct facts *f, const char *key)
{
	size_t lo = 0, hi = f->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(f->v[mid].key, key);
		if (c == 0)
			return f->v[mid].value;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void facts_write(struct facts *f, struct sb *out)
{
	if (!f->sorted)
		facts_canonicalize(f);
	for (size_t i = 0; i < f->n; i++)
		sb_addf(out, "%s = %s\n", f->v[i].key, f->v[i].value);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int facts_parse(struct facts *f, const char *text, const char *path)
{
	unsigned line = 0;
	int rc = 0;
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		line++;
		if (len && p[len - 1] == '\r')
			len--;
		if (len && p[0] != '#') {
			char *l = xstrndup(p, len);
			char *eq = strstr(l, " = ");
			char *space = strchr(l, ' ');
			struct loc at = { path, line, 1 };
			if (!eq || !space || space == l || space >= eq) {
				rc = diag_error(&at, "not a fact: expected \"KIND NAME = VALUE\"");
			} else {
				*eq = '\0';
				*space = '\0';
				facts_add(f, l, space + 1, eq + 3);
			}
			free(l);
		}
		p += end ? (size_t)(end - p) + 1 : len;
	}
	if (rc)
		return rc;
	/* A key twice would make the file's meaning depend on which one a reader keeps. */
	const char **keys = xcalloc(f->n ? f->n : 1, sizeof(*keys));
	for (size_t i = 0; i < f->n; i++)
		keys[i] = f->v[i].key;
	qsort(keys, f->n, sizeof(*keys), by_string);
	for (size_t i = 1; i < f->n && rc == 0; i++) {
		if (strcmp(keys[i - 1], keys[i]) == 0) {
			struct loc at = { path, 0, 0 };
			rc = diag_error(&at, "fact \"%s\" given twice", keys[i]);
		}
	}
	free(keys);
	facts_canonicalize(f);
	return rc;
}

void facts_free(struct facts *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].key);
		free(f->v[i].value);
	}
	free(f->v);
	*f = (struct facts)FACTS_INIT;
}

const char *fact_key_name(const char *key, size_t *kind_len)
{
	const char *space = strchr(key, ' ');
	if (!space) {
		*kind_len = strlen(key);
		return key + *kind_len;
	}
	*kind_len = (size_t)(space - key);
	return space + 1;
}

size_t facts_compare(const struct facts *a, const struct facts *b, const char *name_a,
		     const char *name_b, struct sb *report, struct facts_diff_count *count)
{
	struct facts_diff_count c = { 0, 0, 0, 0 };
	size_t i = 0, j = 0;
	while (i < a->n || j < b->n) {
		int order = i == a->n ? 1 : j == b->n ? -1 : strcmp(a->v[i].key, b->v[j].key);
		c.compared++;
		if (order < 0) {
			sb_addf(report, "only in %s: %s = %s\n", name_a, a->v[i].key, a->v[i].value);
			c.only_a++;
			i++;
		} else if (order > 0) {
			sb_addf(report, "only in %s: %s = %s\n", name_b, b->v[j].key, b->v[j].value);
			c.only_b++;
			j++;
		} else {
			if (strcmp(a->v[i].value, b->v[j].value) != 0) {
				sb_addf(report, "different: %s\n    %s: %s\n    %s: %s\n", a->v[i].key,
					name_a, a->v[i].value, name_b, b->v[j].value);
				c.different++;
			}
			i++;
			j++;
		}
	}
	if (count)
		*count = c;
	return c.only_a + c.only_b + c.different;
}
