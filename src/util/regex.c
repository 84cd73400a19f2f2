/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bounded regular-expression engine (regex.h): a recursive-descent parser builds a tree
 * whose program size is known at every node (so an oversized pattern is refused while parsing,
 * before anything is expanded), the tree is emitted as a program, and a Pike VM runs it.
 * Why: glibc's regcomp has no bound on time or memory ("a++++++++++++++++++++++++" takes
 * gigabytes), and patterns come from users' sel4.toml and from CMake files.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/regex.h"
#include "util/xalloc.h"

enum node_kind { N_EMPTY, N_CHAR, N_ANY, N_SET, N_BOL, N_EOL, N_CAT, N_ALT, N_REP, N_GROUP };

struct node {
	enum node_kind kind;
	int a, b;      /* children (CAT, ALT: both; REP, GROUP: a) */
	int c;         /* CHAR: the byte; SET: set index; GROUP: number (0 = not captured) */
	int min, max;  /* REP: bounds, max -1 = unbounded */
	size_t size;   /* instructions this node emits */
};

enum op { I_CHAR, I_ANY, I_SET, I_BOL, I_EOL, I_SPLIT, I_JMP, I_SAVE, I_MATCH };

struct inst {
	enum op op;
	int x, y; /* CHAR: byte; SET: set; SPLIT: x preferred, y; JMP: x; SAVE: slot */
};

struct rx {
	struct inst *prog;
	size_t len;
	uint8_t (*sets)[32];
	int ngroups; /* groups 0..ngroups-1 have SAVE instructions */
};

struct parser {
	const char *pat;
	size_t at;
	struct node *nodes;
	size_t nnodes, cap;
	uint8_t (*sets)[32];
	size_t nsets, setcap;
	int ngroups;
	struct rx_error *err;
	bool failed;
};

static int fail_at(struct parser *p, size_t offset, const char *fmt, ...)
{
	if (!p->failed) {
		p->failed = true;
		p->err->offset = offset;
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static size_t clamp(size_t n)
{
	return n > RX_MAX_PROGRAM + 1 ? RX_MAX_PROGRAM + 1 : n;
}

/* Add a node; its size is computed here, so a pattern too large fails at the place it grows. */
static int add(struct parser *p, struct node n)
{
	if (p->failed)
		return -1;
	switch (n.kind) {
	/* Every node counts at least 1 (an upper bound: empty ones emit nothing), so the node
	 * count, the tree's depth and the work of emitting are all bounded by the cap too. */
	case N_EMPTY: n.size = 1; break;
	case N_CAT: n.size = clamp(p->nodes[n.a].size + p->nodes[n.b].size); break;
	case N_ALT: n.size = clamp(p->nodes[n.a].size + p->nodes[n.b].size + 2); break;
	case N_GROUP: n.size = clamp(p->nodes[n.a].size + (n.c ? 2 : 1)); break;
	case N_REP: {
		size_t s = p->nodes[n.a].size;
		size_t copies = (size_t)n.min * s;
		size_t tail = n.max < 0 ? (n.min ? 1 : s + 2) : (size_t)(n.max - n.min) * (s + 1);
		n.size = clamp(copies + tail);
		break;
	}
	default: n.size = 1; break;
	}
	if (n.size > RX_MAX_PROGRAM)
		return fail_at(p, p->at, "pattern too large (over %d instructions once repetitions are expanded)",
			       RX_MAX_PROGRAM);
	if (p->nnodes == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 32;
		p->nodes = xrealloc(p->nodes, p->cap * sizeof *p->nodes);
	}
	p->nodes[p->nnodes] = n;
	return (int)p->nnodes++;
}

static int peek(const struct parser *p)
{
	return (unsigned char)p->pat[p->at];
}

static int parse_alt(struct parser *p, int depth);

static const struct {
	const char *name;
	int (*test)(int);
} classes[] = {
	{ "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum }, { "upper", isupper },
	{ "lower", islower }, { "space", isspace }, { "blank", isblank }, { "punct", ispunct },
	{ "print", isprint }, { "graph", isgraph }, { "cntrl", iscntrl }, { "xdigit", isxdigit },
};

/* bracket -> '[' '^'? ']'? (char | char '-' char | '[:' class ':]')* ']' */
static int parse_bracket(struct parser *p)
{
	size_t open = p->at++;
	uint8_t set[32] = { 0 };
	bool neg = peek(p) == '^';
	if (neg)
		p->at++;
	bool first = true;
	for (;;) {
		int c = peek(p);
		if (c == 0)
			return fail_at(p, open, "missing ']' to close this bracket expression");
		if (c == ']' && !first)
			break;
		first = false;
		if (c == '[' && (p->pat[p->at + 1] == '=' || p->pat[p->at + 1] == '.'))
			return fail_at(p, p->at, "[%c ... %c] is not supported; write the character itself",
				       p->pat[p->at + 1], p->pat[p->at + 1]);
		if (c == '[' && p->pat[p->at + 1] == ':') {
			size_t start = p->at + 2;
			const char *end = strstr(p->pat + start, ":]");
			size_t n = end ? (size_t)(end - (p->pat + start)) : 0;
			size_t k;
			for (k = 0; end && k < sizeof classes / sizeof classes[0]; k++)
				if (strlen(classes[k].name) == n && memcmp(classes[k].name, p->pat + start, n) == 0)
					break;
			if (!end || k == sizeof classes / sizeof classes[0])
				return fail_at(p, p->at, "unknown character class (known: alpha digit alnum upper lower "
							 "space blank punct print graph cntrl xdigit)");
			for (int ch = 1; ch < 256; ch++)
				if (ch < 128 && classes[k].test(ch))
					set[ch / 8] |= (uint8_t)(1u << (ch % 8));
			p->at = start + n + 2;
			continue;
		}
		int lo = c, hi = c;
		p->at++;
		if (peek(p) == '-' && p->pat[p->at + 1] != ']' && p->pat[p->at + 1] != 0) {
			size_t range_at = p->at - 1;
			p->at++;
			hi = peek(p);
			if (hi == '[' && (p->pat[p->at + 1] == '.' || p->pat[p->at + 1] == '=' || p->pat[p->at + 1] == ':'))
				return fail_at(p, p->at, "a range must end in a plain character");
			p->at++;
			if (hi < lo)
				return fail_at(p, range_at, "range %c-%c is out of order", lo, hi);
		}
		for (int ch = lo; ch <= hi; ch++)
			set[ch / 8] |= (uint8_t)(1u << (ch % 8));
	}
	p->at++; /* ']' */
	if (neg)
		for (int i = 0; i < 32; i++)
			set[i] = (uint8_t)~set[i];
	set[0] &= (uint8_t)~1u; /* never NUL */
	if (p->nsets == p->setcap) {
		p->setcap = p->setcap ? 2 * p->setcap : 8;
		p->sets = xrealloc(p->sets, p->setcap * sizeof *p->sets);
	}
	memcpy(p->sets[p->nsets], set, sizeof set);
	return add(p, (struct node){ .kind = N_SET, .c = (int)p->nsets++ });
}

/* A bound "{m}", "{m,}" or "{m,n}" at p->at: 1 and the values, 0 when it is not one (a literal
 * '{'), -1 after an error. */
static int parse_bound(struct parser *p, int *min, int *max)
{
	const char *s = p->pat + p->at + 1;
	if (!isdigit((unsigned char)*s))
		return 0;
	long m = 0, n;
	for (; isdigit((unsigned char)*s); s++)
		m = m > RX_MAX_REPEAT ? m : m * 10 + (*s - '0');
	n = m;
	if (*s == ',') {
		s++;
		n = -1;
		if (isdigit((unsigned char)*s))
			for (n = 0; isdigit((unsigned char)*s); s++)
				n = n > RX_MAX_REPEAT ? n : n * 10 + (*s - '0');
	}
	if (*s != '}')
		return 0;
	if (m > RX_MAX_REPEAT || n > RX_MAX_REPEAT)
		return fail_at(p, p->at, "repetition count over %d", RX_MAX_REPEAT);
	if (n >= 0 && n < m)
		return fail_at(p, p->at, "repetition {%ld,%ld}: the maximum is below the minimum", m, n);
	*min = (int)m;
	*max = (int)n;
	p->at = (size_t)(s + 1 - p->pat);
	return 1;
}

/* atom -> '(' alt ')' | bracket | '.' | '^' | '$' | '\' punct | char */
static int parse_atom(struct parser *p, int depth)
{
	size_t at = p->at;
	int c = peek(p);
	int min, max;
	switch (c) {
	case '(': {
		if (depth >= RX_MAX_DEPTH)
			return fail_at(p, at, "groups nested deeper than %d", RX_MAX_DEPTH);
		p->at++;
		int num = p->ngroups < RX_MAX_GROUPS ? p->ngroups++ : 0;
		int inner = parse_alt(p, depth + 1);
		if (inner < 0)
			return -1;
		if (peek(p) != ')')
			return fail_at(p, at, "missing ')' to close this group");
		p->at++;
		return add(p, (struct node){ .kind = N_GROUP, .a = inner, .c = num });
	}
	case '[':
		return parse_bracket(p);
	case '.': p->at++; return add(p, (struct node){ .kind = N_ANY });
	case '^': p->at++; return add(p, (struct node){ .kind = N_BOL });
	case '$': p->at++; return add(p, (struct node){ .kind = N_EOL });
	case '*': case '+': case '?':
		return fail_at(p, at, "'%c' repeats nothing; write \\%c for the character itself", c, c);
	case '{': {
		int b = parse_bound(p, &min, &max);
		if (b != 0)
			return b < 0 ? -1 : fail_at(p, at, "a bound repeats nothing; write \\{ for the character itself");
		p->at++;
		return add(p, (struct node){ .kind = N_CHAR, .c = '{' });
	}
	case '\\': {
		int e = (unsigned char)p->pat[at + 1];
		if (e == 0)
			return fail_at(p, at, "a pattern cannot end in a single '\\'; write \\\\ for a backslash");
		if (isdigit(e))
			return fail_at(p, at, "back-references (\\%c) are not supported", e);
		if (isalpha(e) || e >= 0x80)
			return fail_at(p, at, "\\%c is not supported: '\\' escapes only punctuation", e);
		p->at += 2;
		return add(p, (struct node){ .kind = N_CHAR, .c = e });
	}
	default:
		p->at++;
		return add(p, (struct node){ .kind = N_CHAR, .c = c });
	}
}

/* rep -> atom ('*' | '+' | '?' | bound)* */
static int parse_rep(struct parser *p, int depth)
{
	int n = parse_atom(p, depth);
	while (n >= 0) {
		int c = peek(p), min, max;
		if (c == '*' || c == '+' || c == '?') {
			p->at++;
			min = c == '+';
			max = c == '?' ? 1 : -1;
		} else if (c == '{') {
			int b = parse_bound(p, &min, &max);
			if (b <= 0)
				return b < 0 ? -1 : n;
		} else {
			break;
		}
		n = add(p, (struct node){ .kind = N_REP, .a = n, .min = min, .max = max });
	}
	return n;
}

/* cat -> rep* */
static int parse_cat(struct parser *p, int depth)
{
	int n = add(p, (struct node){ .kind = N_EMPTY });
	while (n >= 0 && peek(p) && peek(p) != '|' && peek(p) != ')') {
		int r = parse_rep(p, depth);
		if (r < 0)
			return -1;
		n = p->nodes[n].kind == N_EMPTY ? r : add(p, (struct node){ .kind = N_CAT, .a = n, .b = r });
	}
	return n;
}

/* alt -> cat ('|' cat)* */
static int parse_alt(struct parser *p, int depth)
{
	int n = parse_cat(p, depth);
	while (n >= 0 && peek(p) == '|') {
		p->at++;
		int r = parse_cat(p, depth);
		if (r < 0)
			return -1;
		n = add(p, (struct node){ .kind = N_ALT, .a = n, .b = r });
	}
	return n;
}

static size_t emit(struct rx *re, const struct node *nodes, int i);

static size_t put(struct rx *re, enum op op, int x, int y)
{
	re->prog[re->len] = (struct inst){ op, x, y };
	return re->len++;
}

static size_t emit(struct rx *re, const struct node *nodes, int i)
{
	const struct node *n = &nodes[i];
	size_t start = re->len;
	switch (n->kind) {
	case N_EMPTY: break;
	case N_CHAR: put(re, I_CHAR, n->c, 0); break;
	case N_ANY: put(re, I_ANY, 0, 0); break;
	case N_SET: put(re, I_SET, n->c, 0); break;
	case N_BOL: put(re, I_BOL, 0, 0); break;
	case N_EOL: put(re, I_EOL, 0, 0); break;
	case N_CAT: emit(re, nodes, n->a); emit(re, nodes, n->b); break;
	case N_ALT: {
		size_t split = put(re, I_SPLIT, 0, 0);
		re->prog[split].x = (int)re->len;
		emit(re, nodes, n->a);
		size_t jmp = put(re, I_JMP, 0, 0);
		re->prog[split].y = (int)re->len;
		emit(re, nodes, n->b);
		re->prog[jmp].x = (int)re->len;
		break;
	}
	case N_GROUP:
		if (n->c)
			put(re, I_SAVE, 2 * n->c, 0);
		emit(re, nodes, n->a);
		if (n->c)
			put(re, I_SAVE, 2 * n->c + 1, 0);
		break;
	case N_REP: {
		for (int k = 0; k + 1 < n->min; k++)
			emit(re, nodes, n->a);
		if (n->max < 0 && n->min > 0) { /* x+ : x, then split back */
			size_t body = emit(re, nodes, n->a);
			put(re, I_SPLIT, (int)body, (int)re->len + 1);
		} else if (n->max < 0) { /* x* : split over x, jump back */
			size_t split = put(re, I_SPLIT, (int)re->len + 1, 0);
			emit(re, nodes, n->a);
			put(re, I_JMP, (int)split, 0);
			re->prog[split].y = (int)re->len;
		} else {
			if (n->min > 0)
				emit(re, nodes, n->a);
			/* (x(x(x)?)?)? : every optional copy skips to the end.  Until the end is known
			 * the splits are chained through their y (no array on the stack: emit recurses
			 * as deep as the pattern is long). */
			int chain = -1;
			for (int k = 0; k < n->max - n->min; k++) {
				chain = (int)put(re, I_SPLIT, (int)re->len + 1, chain);
				emit(re, nodes, n->a);
			}
			while (chain >= 0) {
				int next = re->prog[chain].y;
				re->prog[chain].y = (int)re->len;
				chain = next;
			}
		}
		break;
	}
	}
	return start;
}

struct rx *rx_compile(const char *pattern, struct rx_error *err)
{
	struct parser p = { .pat = pattern, .err = err, .ngroups = 1 };
	int root = parse_alt(&p, 0);
	if (root >= 0 && peek(&p) == ')')
		root = fail_at(&p, p.at, "unmatched ')'; write \\) for the character itself");
	if (root < 0 || p.failed) {
		free(p.nodes);
		free(p.sets);
		return NULL;
	}
	struct rx *re = xcalloc(1, sizeof *re);
	re->prog = xcalloc(p.nodes[root].size + 3, sizeof *re->prog);
	put(re, I_SAVE, 0, 0);
	emit(re, p.nodes, root);
	put(re, I_SAVE, 1, 0);
	put(re, I_MATCH, 0, 0);
	re->sets = p.sets;
	re->ngroups = p.ngroups;
	free(p.nodes);
	return re;
}

void rx_free(struct rx *re)
{
	if (!re)
		return;
	free(re->prog);
	free(re->sets);
	free(re);
}

/* --- the Pike VM ------------------------------------------------------------------------------ */

struct list {
	int *pc;
	long *slots; /* nslots per thread */
	size_t n;
};

struct vm {
	const struct rx *re;
	const char *text;
	size_t len;
	bool notbol;
	size_t nslots;
	unsigned *mark; /* per instruction: the generation of the list it was last added to */
	unsigned gen;
};

/* Follow the empty transitions from pc at text position pos, adding the threads that wait for
 * a character (or match) to l, in priority order.  Each instruction enters a list once. */
static void add_thread(struct vm *vm, struct list *l, int pc, long *slots, size_t pos)
{
	if (vm->mark[pc] == vm->gen)
		return;
	vm->mark[pc] = vm->gen;
	const struct inst *in = &vm->re->prog[pc];
	switch (in->op) {
	case I_JMP: add_thread(vm, l, in->x, slots, pos); return;
	case I_SPLIT:
		add_thread(vm, l, in->x, slots, pos);
		add_thread(vm, l, in->y, slots, pos);
		return;
	case I_BOL:
		if (pos == 0 && !vm->notbol)
			add_thread(vm, l, pc + 1, slots, pos);
		return;
	case I_EOL:
		if (pos == vm->len)
			add_thread(vm, l, pc + 1, slots, pos);
		return;
	case I_SAVE:
		if ((size_t)in->x < vm->nslots) {
			long old = slots[in->x];
			slots[in->x] = (long)pos;
			add_thread(vm, l, pc + 1, slots, pos);
			slots[in->x] = old;
		} else {
			add_thread(vm, l, pc + 1, slots, pos);
		}
		return;
	default:
		l->pc[l->n] = pc;
		if (vm->nslots)
			memcpy(&l->slots[l->n * vm->nslots], slots, vm->nslots * sizeof *slots);
		l->n++;
		return;
	}
}

static bool step_ok(const struct rx *re, const struct inst *in, const char *text, size_t len, size_t pos)
{
	if (pos >= len)
		return false;
	unsigned char c = (unsigned char)text[pos];
	switch (in->op) {
	case I_CHAR: return c == (unsigned char)in->x;
	case I_ANY: return true;
	case I_SET: return re->sets[in->x][c / 8] >> (c % 8) & 1;
	default: return false;
	}
}

bool rx_search(const struct rx *re, const char *text, size_t len, bool notbol, struct rx_span *groups,
	       size_t ngroups)
{
	struct vm vm = { .re = re, .text = text, .len = len, .notbol = notbol };
	if (ngroups > RX_MAX_GROUPS)
		ngroups = RX_MAX_GROUPS;
	vm.nslots = 2 * ngroups;
	vm.mark = xcalloc(re->len, sizeof *vm.mark);
	struct list lists[2];
	for (int i = 0; i < 2; i++) {
		lists[i].pc = xcalloc(re->len, sizeof(int));
		lists[i].slots = xcalloc(re->len * vm.nslots + 1, sizeof(long));
		lists[i].n = 0;
	}
	long scratch[2 * RX_MAX_GROUPS], best[2 * RX_MAX_GROUPS];
	struct list *cur = &lists[0], *next = &lists[1];
	bool matched = false;
	vm.gen = 1;
	for (size_t pos = 0;; pos++) {
		if (!matched) { /* a new start, at lower priority than the threads already running */
			for (size_t k = 0; k < vm.nslots; k++)
				scratch[k] = -1;
			add_thread(&vm, cur, 0, scratch, pos);
		}
		if (cur->n == 0)
			break;
		vm.gen++;
		next->n = 0;
		for (size_t i = 0; i < cur->n; i++) {
			const struct inst *in = &re->prog[cur->pc[i]];
			long *slots = &cur->slots[i * vm.nslots];
			if (in->op == I_MATCH) {
				matched = true;
				if (vm.nslots)
					memcpy(best, slots, vm.nslots * sizeof *slots);
				break; /* the threads after this one have lower priority */
			}
			if (step_ok(re, in, text, len, pos))
				add_thread(&vm, next, cur->pc[i] + 1, slots, pos + 1);
		}
		if ((matched && vm.nslots == 0) || pos >= len)
			break;
		struct list *t = cur;
		cur = next;
		next = t;
	}
	for (size_t k = 0; matched && k < ngroups; k++) {
		groups[k].start = best[2 * k];
		groups[k].end = best[2 * k + 1];
	}
	for (int i = 0; i < 2; i++) {
		free(lists[i].pc);
		free(lists[i].slots);
	}
	free(vm.mark);
	return matched;
}
