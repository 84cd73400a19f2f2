/* SPDX-License-Identifier: BSD-2-Clause */
/* toml-test-run: runs a toml-test decoder over the suite and checks write/parse round trips. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "toml/toml.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* --- a small JSON reader (just what tagged toml-test JSON needs) --------------------------- */

enum jkind { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jval {
	enum jkind kind;
	char *str; /* J_STR (decoded, may hold NUL), J_NUM (text) */
	size_t slen;
	bool b;
	struct jval *items; /* J_ARR items, J_OBJ values */
	char **keys;        /* J_OBJ */
	size_t *klens;
	size_t len, cap, kcap;
};

struct jreader {
	const char *s;
	size_t n, i;
	int depth;
};

static void jws(struct jreader *r)
{
	while (r->i < r->n && strchr(" \t\r\n", r->s[r->i]) && r->s[r->i])
		r->i++;
}

static int jhex(struct jreader *r, unsigned *v)
{
	*v = 0;
	for (int k = 0; k < 4; k++) {
		if (r->i >= r->n)
			return 0;
		char c = r->s[r->i++];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
						    : 99;
		if (d == 99)
			return 0;
		*v = *v * 16 + d;
	}
	return 1;
}

static int jstring(struct jreader *r, char **out, size_t *olen)
{
	struct sb b = SB_INIT;
	r->i++; /* opening quote */
	for (;;) {
		if (r->i >= r->n)
			goto bad;
		char c = r->s[r->i++];
		if (c == '"')
			break;
		if (c != '\\') {
			sb_addch(&b, c);
			continue;
		}
		if (r->i >= r->n)
			goto bad;
		c = r->s[r->i++];
		switch (c) {
		case 'n':
			sb_addch(&b, '\n');
			break;
		case 't':
			sb_addch(&b, '\t');
			break;
		case 'r':
			sb_addch(&b, '\r');
			break;
		case 'b':
			sb_addch(&b, '\b');
			break;
		case 'f':
			sb_addch(&b, '\f');
			break;
		case '/':
		case '\\':
		case '"':
			sb_addch(&b, c);
			break;
		case 'u': {
			unsigned v, lo;
			if (!jhex(r, &v))
				goto bad;
			if (v >= 0xD800 && v < 0xDC00 && r->i + 1 < r->n && r->s[r->i] == '\\' && r->s[r->i + 1] == 'u') {
				r->i += 2;
				if (!jhex(r, &lo))
					goto bad;
				v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
			}
			char u[4];
			sb_add(&b, u, utf8_encode(v, u));
			break;
		}
		default:
			goto bad;
		}
	}
	*olen = b.len;
	*out = b.len ? sb_detach(&b) : xstrdup("");
	sb_release(&b);
	return 1;
bad:
	sb_release(&b);
	return 0;
}

static void jfree(struct jval *v)
{
	free(v->str);
	for (size_t i = 0; i < v->len; i++) {
		if (v->items)
			jfree(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->klens);
}

static int jvalue(struct jreader *r, struct jval *v)
{
	memset(v, 0, sizeof(*v));
	jws(r);
	if (r->i >= r->n || ++r->depth > 1000)
		return 0;
	char c = r->s[r->i];
	int ok = 1;
	if (c == '"') {
		v->kind = J_STR;
		ok = jstring(r, &v->str, &v->slen);
	} else if (c == '[' || c == '{') {
		bool obj = c == '{';
		v->kind = obj ? J_OBJ : J_ARR;
		r->i++;
		jws(r);
		if (r->i < r->n && r->s[r->i] == (obj ? '}' : ']')) {
			r->i++;
		} else {
			for (;;) {
				v->items = xgrow(v->items, &v->cap, v->len + 1, sizeof(*v->items));
				if (obj) {
					size_t kc = v->kcap;
					v->keys = xgrow(v->keys, &v->kcap, v->len + 1, sizeof(*v->keys));
					v->klens = xgrow(v->klens, &kc, v->len + 1, sizeof(*v->klens));
					jws(r);
					if (r->i >= r->n || r->s[r->i] != '"' ||
					    !jstring(r, &v->keys[v->len], &v->klens[v->len])) {
						ok = 0;
						break;
					}
					jws(r);
					if (r->i >= r->n || r->s[r->i++] != ':') {
						free(v->keys[v->len]);
						ok = 0;
						break;
					}
				}
				if (!jvalue(r, &v->items[v->len])) {
					jfree(&v->items[v->len]);
					if (obj)
						free(v->keys[v->len]);
					ok = 0;
					break;
				}
				v->len++;
				jws(r);
				if (r->i < r->n && r->s[r->i] == ',') {
					r->i++;
					continue;
				}
				if (r->i < r->n && r->s[r->i] == (obj ? '}' : ']')) {
					r->i++;
					break;
				}
				ok = 0;
				break;
			}
		}
	} else if (r->n - r->i >= 4 && !strncmp(r->s + r->i, "true", 4)) {
		v->kind = J_BOOL;
		v->b = true;
		r->i += 4;
	} else if (r->n - r->i >= 5 && !strncmp(r->s + r->i, "false", 5)) {
		v->kind = J_BOOL;
		r->i += 5;
	} else if (r->n - r->i >= 4 && !strncmp(r->s + r->i, "null", 4)) {
		r->i += 4;
	} else {
		size_t st = r->i;
		while (r->i < r->n && strchr("+-.0123456789eE", r->s[r->i]) && r->s[r->i])
			r->i++;
		if (r->i == st)
			return 0;
		v->kind = J_NUM;
		v->str = xstrndup(r->s + st, r->i - st);
		v->slen = r->i - st;
	}
	r->depth--;
	return ok;
}

static int json_parse(const char *s, size_t n, struct jval *out)
{
	struct jreader r = { s, n, 0, 0 };
	if (!jvalue(&r, out))
		return 0;
	jws(&r);
	return r.i == r.n;
}

/* --- semantic comparison of tagged JSON -------------------------------------------------- */

static const struct jval *jget(const struct jval *o, const char *key)
{
	for (size_t i = 0; i < o->len; i++)
		if (o->klens[i] == strlen(key) && !memcmp(o->keys[i], key, o->klens[i]))
			return &o->items[i];
	return NULL;
}

/* A toml-test leaf: {"type": "...", "value": "..."} with both strings. */
static bool is_leaf(const struct jval *v)
{
	if (v->kind != J_OBJ || v->len != 2)
		return false;
	const struct jval *t = jget(v, "type"), *x = jget(v, "value");
	return t && x && t->kind == J_STR && x->kind == J_STR;
}

static double parse_float(const char *s)
{
	const char *b = s + (*s == '+' || *s == '-');
	if (!strcmp(b, "inf"))
		return *s == '-' ? -HUGE_VAL : HUGE_VAL;
	if (!strcmp(b, "nan"))
		return NAN;
	return strtod(s, NULL);
}

/* RFC 3339 text in one canonical spelling: 'T', 'Z', no trailing fraction zeros. */
static void norm_datetime(const char *in, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; in[i] && o + 1 < cap; i++) {
		char c = in[i];
		if (i == 10 && (c == ' ' || c == 't'))
			c = 'T';
		if (c == 'z')
			c = 'Z';
		out[o++] = c;
	}
	out[o] = '\0';
	size_t len = o;
	if (len >= 6 && (!strcmp(out + len - 6, "+00:00") || !strcmp(out + len - 6, "-00:00"))) {
		len -= 6;
		out[len++] = 'Z';
		out[len] = '\0';
	}
	char *dot = strchr(out, '.');
	if (dot) {
		char *e = dot + 1;
		while (*e >= '0' && *e <= '9')
			e++;
		char *z = e;
		while (z > dot + 1 && z[-1] == '0')
			z--;
		if (z == dot + 1)
			z = dot;
		memmove(z, e, strlen(e) + 1);
	}
}

static bool leaf_equal(const struct jval *a, const struct jval *b, const char **why)
{
	const char *ta = jget(a, "type")->str, *tb = jget(b, "type")->str;
	const struct jval *va = jget(a, "value"), *vb = jget(b, "value");
	if (strcmp(ta, tb)) {
		*why = "type differs";
		return false;
	}
	bool eq;
	if (!strcmp(ta, "integer")) {
		eq = strtoll(va->str, NULL, 10) == strtoll(vb->str, NULL, 10);
	} else if (!strcmp(ta, "float")) {
		double x = parse_float(va->str), y = parse_float(vb->str);
		eq = (isnan(x) && isnan(y)) || x == y;
	} else if (!strcmp(ta, "datetime") || !strcmp(ta, "datetime-local") || !strcmp(ta, "date-local") ||
		   !strcmp(ta, "time-local")) {
		char x[128], y[128];
		norm_datetime(va->str, x, sizeof(x));
		norm_datetime(vb->str, y, sizeof(y));
		eq = !strcmp(x, y);
	} else {
		eq = va->slen == vb->slen && !memcmp(va->str, vb->str, va->slen);
	}
	if (!eq)
		*why = "value differs";
	return eq;
}

static bool jequal(const struct jval *got, const struct jval *want, struct sb *path, const char **why)
{
	if (is_leaf(want) || is_leaf(got)) {
		if (!is_leaf(want) || !is_leaf(got)) {
			*why = "leaf vs container";
			return false;
		}
		return leaf_equal(got, want, why);
	}
	if (got->kind != want->kind) {
		*why = "kind differs";
		return false;
	}
	if (got->kind == J_ARR) {
		if (got->len != want->len) {
			*why = "array length differs";
			return false;
		}
		for (size_t i = 0; i < got->len; i++) {
			size_t keep = path->len;
			sb_addf(path, "[%zu]", i);
			if (!jequal(&got->items[i], &want->items[i], path, why))
				return false;
			path->len = keep;
			path->buf[keep] = '\0';
		}
		return true;
	}
	if (got->kind != J_OBJ) {
		*why = "unexpected JSON value";
		return false;
	}
	if (got->len != want->len) {
		*why = "number of keys differs";
		return false;
	}
	for (size_t i = 0; i < want->len; i++) {
		const struct jval *g = NULL;
		for (size_t j = 0; j < got->len && !g; j++)
			if (got->klens[j] == want->klens[i] && !memcmp(got->keys[j], want->keys[i], want->klens[i]))
				g = &got->items[j];
		size_t keep = path->len;
		sb_addch(path, '.');
		sb_add(path, want->keys[i], want->klens[i]);
		if (!g) {
			*why = "key missing";
			return false;
		}
		if (!jequal(g, &want->items[i], path, why))
			return false;
		path->len = keep;
		path->buf[keep] = '\0';
	}
	return true;
}

/* --- running the decoder ------------------------------------------------------------------ */

static bool read_file(const char *path, struct sb *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(out, buf, n);
	bool ok = !ferror(f);
	fclose(f);
	return ok;
}

/* Runs decoder < input; fills its stdout; returns the exit status (-1 when it died). */
static int run_decoder(const char *decoder, const char *input, struct sb *out)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int in = open(input, O_RDONLY);
		int devnull = open("/dev/null", O_WRONLY);
		if (in < 0 || devnull < 0)
			_exit(127);
		dup2(in, 0);
		dup2(fds[1], 1);
		dup2(devnull, 2);
		close(fds[0]);
		close(fds[1]);
		execl(decoder, decoder, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	char buf[65536];
	ssize_t n;
	while ((n = read(fds[0], buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		sb_add(out, buf, (size_t)n);
	}
	close(fds[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* --- walking the suite ------------------------------------------------------------------- */

struct list {
	char **v;
	size_t len, cap;
};

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *dir, struct list *out)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		struct sb p = SB_INIT;
		sb_addf(&p, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(sb_str(&p), &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(sb_str(&p), out);
			sb_release(&p);
		} else if (p.len > 5 && !strcmp(sb_str(&p) + p.len - 5, ".toml")) {
			out->v = xgrow(out->v, &out->cap, out->len + 1, sizeof(*out->v));
			out->v[out->len++] = sb_detach(&p);
		} else {
			sb_release(&p);
		}
	}
	closedir(d);
}

static void collect(const char *suite, const char *sub, struct list *out)
{
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/%s", suite, sub);
	walk(sb_str(&p), out);
	sb_release(&p);
	if (out->len)
		qsort(out->v, out->len, sizeof(*out->v), by_str);
}

static const char *rel(const char *path, const char *suite)
{
	size_t n = strlen(suite);
	return !strncmp(path, suite, n) && path[n] == '/' ? path + n + 1 : path;
}

static bool check_valid(const char *decoder, const char *path, const char **why, struct sb *where)
{
	struct sb want_text = SB_INIT, got_text = SB_INIT, jpath = SB_INIT;
	struct sb jp = SB_INIT;
	sb_add(&jp, path, strlen(path) - 5);
	sb_adds(&jp, ".json");
	bool ok = false;
	struct jval want, got;
	bool have_want = false, have_got = false;
	if (!read_file(sb_str(&jp), &want_text)) {
		*why = "cannot read the expected .json";
		goto out;
	}
	int rc = run_decoder(decoder, path, &got_text);
	if (rc != 0) {
		*why = rc < 0 ? "decoder crashed" : "decoder rejected a valid document";
		goto out;
	}
	have_want = json_parse(want_text.buf, want_text.len, &want);
	if (!have_want) {
		*why = "expected .json does not parse";
		goto out;
	}
	have_got = json_parse(got_text.buf, got_text.len, &got);
	if (!have_got) {
		*why = "decoder output is not JSON";
		goto out;
	}
	ok = jequal(&got, &want, &jpath, why);
	if (!ok)
		sb_adds(where, sb_str(&jpath));
out:
	if (have_want)
		jfree(&want);
	if (have_got)
		jfree(&got);
	sb_release(&want_text);
	sb_release(&got_text);
	sb_release(&jpath);
	sb_release(&jp);
	return ok;
}

static bool check_round_trip(const char *path, const char **why)
{
	struct sb text = SB_INIT, out = SB_INIT;
	struct arena *a = arena_new();
	struct toml_error err;
	bool ok = false;
	if (!read_file(path, &text)) {
		*why = "cannot read the file";
		goto done;
	}
	struct toml_table *t1 = toml_parse(a, text.buf, text.len, &err);
	if (!t1) {
		*why = "does not parse";
		goto done;
	}
	toml_write(&out, t1);
	struct toml_table *t2 = toml_parse(a, out.buf, out.len, &err);
	if (!t2) {
		fprintf(stderr, "%s: written form fails at %u:%u: %s\n--- written form:\n%s---\n", path,
			err.pos.line, err.pos.col, err.msg, sb_str(&out));
		*why = "written form does not parse";
		goto done;
	}
	ok = toml_table_equal(t1, t2);
	if (!ok)
		*why = "re-parsed tree differs";
done:
	arena_free(a);
	sb_release(&text);
	sb_release(&out);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: toml-test-run DECODER SUITE_DIR\n");
		return 2;
	}
	const char *decoder = argv[1], *suite = argv[2];
	struct stat st;
	if (stat(suite, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("toml-test: suite directory %s not found, skipping\n", suite);
		printf("toml-test: 0 passed, 0 failed\n");
		return 0;
	}
	struct list valid = { 0 }, invalid = { 0 };
	collect(suite, "valid", &valid);
	collect(suite, "invalid", &invalid);
	size_t vpass = 0, ipass = 0, rpass = 0;
	for (size_t i = 0; i < valid.len; i++) {
		const char *why = "";
		struct sb where = SB_INIT;
		if (check_valid(decoder, valid.v[i], &why, &where))
			vpass++;
		else
			printf("FAIL valid %s: %s%s%s\n", rel(valid.v[i], suite), why, where.len ? " at " : "",
			       sb_str(&where));
		sb_release(&where);
		if (check_round_trip(valid.v[i], &why))
			rpass++;
		else
			printf("FAIL round-trip %s: %s\n", rel(valid.v[i], suite), why);
	}
	for (size_t i = 0; i < invalid.len; i++) {
		struct sb out = SB_INIT;
		int rc = run_decoder(decoder, invalid.v[i], &out);
		sb_release(&out);
		if (rc > 0 && rc != 127)
			ipass++;
		else
			printf("FAIL invalid %s: %s\n", rel(invalid.v[i], suite),
			       rc == 0 ? "decoder accepted an invalid document" : "decoder crashed or did not run");
	}
	size_t total = valid.len * 2 + invalid.len, passed = vpass + ipass + rpass;
	printf("toml-test valid: %zu/%zu\n", vpass, valid.len);
	printf("toml-test invalid: %zu/%zu rejected\n", ipass, invalid.len);
	printf("toml-test round-trip: %zu/%zu\n", rpass, valid.len);
	printf("toml-test: %zu passed, %zu failed\n", passed, total - passed);
	for (size_t i = 0; i < valid.len; i++)
		free(valid.v[i]);
	for (size_t i = 0; i < invalid.len; i++)
		free(invalid.v[i]);
	free(valid.v);
	free(invalid.v);
	return passed == total ? 0 : 1;
}
