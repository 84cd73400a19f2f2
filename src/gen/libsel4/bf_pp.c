/* SPDX-License-Identifier: BSD-2-Clause */
/* The preprocessor subset libsel4's .bf files use (bf_pp.h). */
#include "bf_pp.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/deps.h"
#include "util/fs.h"
#include "util/path.h"

/* Where the output stands: the file and line its next line belongs to. */
struct printer {
	const char *file;
	long line;
};

/* The conditions around the current line. */
struct cond {
	bool active;    /* this branch's lines are taken */
	bool taken;     /* some branch of this #if has been taken */
	bool outer;     /* the enclosing lines are taken */
	bool seen_else;
};

struct file_state {
	struct bf_pp *pp;
	const char *path;
	bool header; /* a .h file: only directives, comments and blank lines */
	struct printer *pr;
	struct sb *out;
	struct cond conds[32];
	int nconds;
};

static bool unsupported(struct bf_pp *pp, const char *path, long line, const char *what)
{
	if (!pp->unsupported)
		pp->unsupported = arena_printf(pp->a, "%s:%ld: %s", path, line, what);
	return false;
}

static bool is_id_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_id(char c)
{
	return is_id_start(c) || (c >= '0' && c <= '9');
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && is_space(*p))
		p++;
	return p;
}

static bool defined(const struct bf_pp *pp, const char *name, size_t len)
{
	for (size_t i = 0; i < pp->nmacros; i++)
		if (strlen(pp->macros[i]) == len && !memcmp(pp->macros[i], name, len))
			return true;
	return false;
}

/* Names cpp could replace in text besides #defined ones: the compilers' predefined macros
 * outside the reserved name space (gcc -dM -E: unix, linux, and i386 with -m32), and every
 * reserved name (__x, _X), which is where all other predefined macros live. */
static bool predefined(const char *name, size_t len)
{
	static const char *const plain[] = { "unix", "linux", "i386" };
	if (len >= 2 && name[0] == '_' && (name[1] == '_' || (name[1] >= 'A' && name[1] <= 'Z')))
		return true;
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
		if (strlen(plain[i]) == len && !memcmp(plain[i], name, len))
			return true;
	return false;
}

/* --- #if over defined() -------------------------------------------------------------------------- */

struct expr {
	const struct bf_pp *pp;
	const char *p, *end;
	bool ok;
};

static bool expr_or(struct expr *e);

static bool take(struct expr *e, const char *tok)
{
	e->p = skip_space(e->p, e->end);
	size_t n = strlen(tok);
	if ((size_t)(e->end - e->p) >= n && !memcmp(e->p, tok, n)) {
		e->p += n;
		return true;
	}
	return false;
}

static bool identifier(struct expr *e, const char **name, size_t *len)
{
	e->p = skip_space(e->p, e->end);
	if (e->p >= e->end || !is_id_start(*e->p))
		return false;
	*name = e->p;
	while (e->p < e->end && is_id(*e->p))
		e->p++;
	*len = (size_t)(e->p - *name);
	return true;
}

/* primary := 'defined' ( '(' ID ')' | ID ) | '(' or ')' | '0' | '1' | ID (not a macro: 0) */
static bool expr_primary(struct expr *e)
{
	const char *name;
	size_t len;
	if (take(e, "(")) {
		bool v = expr_or(e);
		if (!take(e, ")"))
			e->ok = false;
		return v;
	}
	if (take(e, "0"))
		return false;
	if (take(e, "1"))
		return true;
	if (!identifier(e, &name, &len)) {
		e->ok = false;
		return false;
	}
	if (len == 7 && !memcmp(name, "defined", 7)) {
		bool paren = take(e, "(");
		if (!identifier(e, &name, &len) || (paren && !take(e, ")"))) {
			e->ok = false;
			return false;
		}
		return defined(e->pp, name, len);
	}
	/* A macro's value would need expanding: not this subset. */
	if (defined(e->pp, name, len) || predefined(name, len))
		e->ok = false;
	return false;
}

static bool expr_unary(struct expr *e)
{
	if (take(e, "!"))
		return !expr_unary(e);
	return expr_primary(e);
}

static bool expr_and(struct expr *e)
{
	bool v = expr_unary(e);
	while (e->ok && take(e, "&&"))
		v = expr_unary(e) && v;
	return v;
}

static bool expr_or(struct expr *e)
{
	bool v = expr_and(e);
	while (e->ok && take(e, "||"))
		v = expr_and(e) || v;
	return v;
}

/* --- output ------------------------------------------------------------------------------------ */

static void marker(struct file_state *f, long line, const char *file, int flag)
{
	sb_addf(f->out, "# %ld \"%s\"", line, file);
	if (flag)
		sb_addf(f->out, " %d", flag);
	sb_addch(f->out, '\n');
	f->pr->file = file;
	f->pr->line = line;
}

/* A line of text at (file, line): blank lines bridge a small gap, as cpp does; a marker a large
 * one. */
static void text_line(struct file_state *f, long line, const char *text, size_t len)
{
	struct printer *pr = f->pr;
	if (pr->file == f->path && line >= pr->line && line - pr->line < 8) {
		for (; pr->line < line; pr->line++)
			sb_addch(f->out, '\n');
	} else {
		marker(f, line, f->path, 0);
	}
	sb_add(f->out, text, len);
	sb_addch(f->out, '\n');
	pr->line = line + 1;
}

/* A .bf text line cpp would copy unchanged: no comment, quote, backslash or name of a macro. */
static bool plain_text(struct file_state *f, long line, const char *p, const char *end)
{
	struct bf_pp *pp = f->pp;
	const char *s = skip_space(p, end);
	if (end - s >= 2 && s[0] == '%' && s[1] == ':')
		return unsupported(pp, f->path, line, "a digraph directive");
	for (const char *q = p; q < end;) {
		char c = *q;
		if (c == '\'' || c == '"' || c == '\\')
			return unsupported(pp, f->path, line, "a quote or backslash in text");
		if (c == '/' && q + 1 < end && (q[1] == '*' || q[1] == '/'))
			return unsupported(pp, f->path, line, "a C comment in text");
		if (c >= '0' && c <= '9') { /* a preprocessing number: no names inside */
			for (q++; q < end && (is_id(*q) || *q == '.' || ((*q == '+' || *q == '-') && strchr("eEpP", q[-1])));)
				q++;
			continue;
		}
		if (is_id_start(c)) {
			const char *name = q;
			while (q < end && is_id(*q))
				q++;
			if (defined(pp, name, (size_t)(q - name)) || predefined(name, (size_t)(q - name)))
				return unsupported(pp, f->path, line, arena_printf(pp->a, "the macro '%.*s' in text", (int)(q - name), name));
			continue;
		}
		q++;
	}
	return true;
}

/* --- directives -------------------------------------------------------------------------------- */

static bool active(const struct file_state *f)
{
	return f->nconds == 0 || f->conds[f->nconds - 1].active;
}

static int process(struct bf_pp *pp, const char *path, bool header, struct printer *pr, struct sb *out);

/* The file `#include <name>` or "name" means (quotes: the including file's folder first). */
static const char *find_include(struct file_state *f, const char *name, bool quoted)
{
	struct bf_pp *pp = f->pp;
	if (quoted) {
		const char *dir = path_dirname_in(pp->a, f->path);
		const char *p = name[0] == '/' ? name : arena_printf(pp->a, "%s/%s", dir, name);
		if (path_is_file(p))
			return p;
	}
	for (size_t i = 0; i < pp->ndirs; i++) {
		const char *p = arena_printf(pp->a, "%s/%s", pp->dirs[i], name);
		if (path_is_file(p))
			return p;
	}
	return NULL;
}

static int include(struct file_state *f, long line, const char *p, const char *end)
{
	struct bf_pp *pp = f->pp;
	p = skip_space(p, end);
	char close = p < end && *p == '<' ? '>' : p < end && *p == '"' ? '"' : 0;
	const char *stop = close ? memchr(p + 1, close, (size_t)(end - p - 1)) : NULL;
	if (!stop || skip_space(stop + 1, end) != end)
		return unsupported(pp, f->path, line, "an #include that is not <file> or \"file\""), 1;
	const char *name = arena_strndup(pp->a, p + 1, (size_t)(stop - p - 1));
	const char *file = find_include(f, name, close == '"');
	if (!file)
		return unsupported(pp, f->path, line, arena_printf(pp->a, "'%s' is not in the include folders", name)), 1;
	for (size_t i = 0; i < pp->nonce; i++)
		if (!strcmp(pp->once[i], file))
			return 0;
	if (pp->depth >= 16)
		return unsupported(pp, f->path, line, "#include nested too deeply"), 1;
	if (++pp->includes > 256)
		return unsupported(pp, f->path, line, "more than 256 #includes"), 1;
	size_t n = strlen(file);
	bool header = n >= 2 && !strcmp(file + n - 2, ".h");
	if (!header && (n < 3 || strcmp(file + n - 3, ".bf")))
		return unsupported(pp, f->path, line, "an #include of a file that is neither .h nor .bf"), 1;
	marker(f, 1, file, 1);
	pp->depth++;
	int rc = process(pp, file, header, f->pr, f->out);
	pp->depth--;
	if (rc == 0)
		marker(f, line + 1, f->path, 2);
	return rc;
}

static void add_name(struct bf_pp *pp, const char ***list, size_t *n, size_t *cap, const char *name, size_t len)
{
	*list = arena_grow(pp->a, *list, cap, *n + 1, sizeof(**list));
	(*list)[(*n)++] = arena_strndup(pp->a, name, len);
}

static int condition(struct file_state *f, long line, const char *dir, size_t dlen, const char *p, const char *end)
{
	struct bf_pp *pp = f->pp;
	bool outer = active(f);
	if (f->nconds == (int)(sizeof(f->conds) / sizeof(f->conds[0])))
		return unsupported(pp, f->path, line, "conditions nested too deeply"), 1;
	bool v = false;
	if (outer) {
		struct expr e = { pp, p, end, true };
		if (dlen == 2) { /* #if */
			v = expr_or(&e);
		} else { /* #ifdef NAME, #ifndef NAME */
			const char *name;
			size_t len;
			e.ok = identifier(&e, &name, &len);
			v = e.ok && defined(pp, name, len) == (dlen == 5);
		}
		if (!e.ok || skip_space(e.p, end) != end)
			return unsupported(pp, f->path, line, arena_printf(pp->a, "an #%.*s beyond defined()", (int)dlen, dir)), 1;
	}
	f->conds[f->nconds++] = (struct cond){ outer && v, outer && v, outer, false };
	return 0;
}

static int directive(struct file_state *f, long line, const char *p, const char *end)
{
	struct bf_pp *pp = f->pp;
	p = skip_space(p + 1, end);
	const char *dir = p;
	while (p < end && is_id(*p))
		p++;
	size_t dlen = (size_t)(p - dir);
#define IS(word) (dlen == strlen(word) && !memcmp(dir, word, dlen))
	if (IS("if") || IS("ifdef") || IS("ifndef"))
		return condition(f, line, dir, dlen, p, end);
	if (IS("elif") || IS("elifdef") || IS("elifndef"))
		return unsupported(pp, f->path, line, arena_printf(pp->a, "the directive '#%.*s'", (int)dlen, dir)), 1;
	if (IS("else") || IS("endif")) {
		if (f->nconds == 0)
			return unsupported(pp, f->path, line, "an unmatched conditional"), 1;
		struct cond *c = &f->conds[f->nconds - 1];
		if (IS("endif")) {
			f->nconds--;
		} else {
			if (c->seen_else)
				return unsupported(pp, f->path, line, "a second #else"), 1;
			c->seen_else = true;
			c->active = c->outer && !c->taken;
			c->taken = true;
		}
		return 0;
	}
	if (!active(f))
		return 0; /* cpp skips every other directive in a false branch */
	if (dlen == 0 && skip_space(p, end) == end)
		return 0; /* the null directive */
	if (IS("include"))
		return include(f, line, p, end);
	if (IS("define") || IS("undef")) {
		struct expr e = { pp, p, end, true };
		const char *name;
		size_t len;
		if (!identifier(&e, &name, &len))
			return unsupported(pp, f->path, line, "a #define without a name"), 1;
		if (IS("define")) {
			add_name(pp, &pp->macros, &pp->nmacros, &pp->macros_cap, name, len);
		} else {
			for (size_t i = 0; i < pp->nmacros; i++)
				if (strlen(pp->macros[i]) == len && !memcmp(pp->macros[i], name, len))
					pp->macros[i] = "";
		}
		return 0;
	}
	if (IS("pragma")) {
		struct expr e = { pp, p, end, true };
		const char *word;
		size_t len;
		if (identifier(&e, &word, &len) && len == 4 && !memcmp(word, "once", 4) && skip_space(e.p, end) == end) {
			add_name(pp, &pp->once, &pp->nonce, &pp->once_cap, f->path, strlen(f->path));
			return 0;
		}
	}
#undef IS
	return unsupported(pp, f->path, line, arena_printf(pp->a, "the directive '#%.*s'", (int)dlen, dir)), 1;
}

/* --- a file, line by line ------------------------------------------------------------------------ */

/* The line [p, end) with C comments replaced by a space (a comment may run on from the previous
 * line: *in_comment).  NULL when the line holds something comments would hide badly. */
static const char *strip_comments(struct bf_pp *pp, const char *p, const char *end, bool *in_comment, size_t *len)
{
	struct sb s = SB_INIT;
	for (const char *q = p; q < end;) {
		if (*in_comment) {
			if (q + 1 < end && q[0] == '*' && q[1] == '/') {
				*in_comment = false;
				sb_addch(&s, ' ');
				q += 2;
			} else {
				q++;
			}
		} else if (q + 1 < end && q[0] == '/' && q[1] == '*') {
			*in_comment = true;
			q += 2;
		} else if (q + 1 < end && q[0] == '/' && q[1] == '/') {
			break;
		} else {
			sb_addch(&s, *q++);
		}
	}
	*len = s.len;
	const char *text = arena_strndup(pp->a, s.buf ? s.buf : "", s.len);
	sb_release(&s);
	return text;
}

static bool has_comment(const char *p, const char *end)
{
	for (; p + 1 < end; p++)
		if (p[0] == '/' && (p[1] == '*' || p[1] == '/'))
			return true;
	return false;
}

/* What cpp reads differently from us on any line, taken or skipped: a backslash at the end
 * (before trailing blanks too: cpp continues the line), a carriage return, a digraph `%:`
 * (a directive), and a quote on a line with a comment opener (a string can hide one). */
static const char *odd_line(const char *p, const char *end)
{
	const char *e = end;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\f' || e[-1] == '\v'))
		e--;
	if (e > p && e[-1] == '\\')
		return "a line continued with a backslash";
	bool quote = false;
	for (const char *q = p; q < end; q++) {
		if (*q == '\r')
			return "a carriage return";
		if (*q == '%' && q + 1 < end && q[1] == ':')
			return "a digraph directive";
		quote |= *q == '"' || *q == '\'';
	}
	if (quote && has_comment(p, end))
		return "a quote on a line with a comment";
	return NULL;
}

static int process(struct bf_pp *pp, const char *path, bool header, struct printer *pr, struct sb *out)
{
	size_t size;
	size_t glen = pp->generated ? strlen(pp->generated) : 0;
	if (!glen || strncmp(path, pp->generated, glen) || path[glen] != '/')
		deps_file(pp->deps, path);
	char *data = fs_read_file(path, &size);
	if (!data)
		return -1;
	struct file_state f = { .pp = pp, .path = path, .header = header, .pr = pr, .out = out };
	int rc = 0;
	bool in_comment = false;
	long line = 1;
	for (const char *p = data, *end = data + size; rc == 0 && p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		const char *why = odd_line(p, stop);
		if (why) {
			unsupported(pp, path, line, why);
			rc = 1;
			break;
		}
		bool comment_before = in_comment;
		size_t len;
		const char *text = in_comment || has_comment(p, stop) ? strip_comments(pp, p, stop, &in_comment, &len) : NULL;
		const char *t = text ? text : p, *tend = text ? text + len : stop;
		const char *s = skip_space(t, tend);
		if (s < tend && *s == '#' && !comment_before) {
			rc = directive(&f, line, s, tend);
		} else if (!active(&f) || s == tend) {
			/* skipped, or blank: the next line's position says it */
		} else if (header || text) {
			unsupported(pp, path, line, header ? "text in a header" : "a C comment in text");
			rc = 1;
		} else if (!plain_text(&f, line, p, stop)) {
			rc = 1;
		} else {
			const char *e = stop;
			while (e > p && is_space(e[-1]))
				e--;
			text_line(&f, line, p, (size_t)(e - p));
		}
		p = nl ? nl + 1 : end;
	}
	if (rc == 0 && f.nconds)
		rc = (unsupported(pp, path, line, "an #if without #endif"), 1);
	if (rc == 0 && in_comment)
		rc = (unsupported(pp, path, line, "a comment without its end"), 1);
	free(data);
	return rc;
}

int bf_pp_file(struct bf_pp *pp, const char *path, struct sb *out)
{
	struct printer pr = { NULL, 0 };
	struct file_state top = { .pp = pp, .path = path, .pr = &pr, .out = out };
	marker(&top, 1, path, 1);
	return process(pp, path, false, &pr, out);
}
