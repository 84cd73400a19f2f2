/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The source-compatibility program generator (see conformance.h).  Everything it writes comes
 * from the fact files: names, written prototypes, values, sizes.  Only macros that are not plain
 * integer constants need knowledge of how a program uses them: `macro_uses` below.
 */
#include "conformance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/xalloc.h"

struct item {
	char *key;
	char *kind;       /* "enum", "macro", ... */
	const char *name; /* into key */
	unsigned mask;    /* variants that have the fact */
	const char *value[CONFORMANCE_MAX_VARIANTS];
};

struct gen {
	struct sb *out;
	const struct conformance_variant *v;
	size_t n;
	unsigned all;
	unsigned open; /* the mask the current top-level #if selects (all: none open) */
	const struct conformance_options *o;
	struct item *items;
	size_t nitems;
	struct sb body; /* lines of conformance_macros(), each guarded */
};

/* ---- small text helpers --------------------------------------------------------------------- */

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Appends `code` with every '@' replaced by `name`. */
static void add_template(struct sb *out, const char *code, const char *name)
{
	for (const char *p = code; *p; p++) {
		if (*p == '@')
			sb_adds(out, name);
		else
			sb_addch(out, *p);
	}
}

/* An identifier made from a type name: "struct seL4_Foo" -> "struct_seL4_Foo". */
static char *ident_of(const char *name)
{
	struct sb s = SB_INIT;
	for (const char *p = name; *p; p++) {
		char c = *p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
		sb_addch(&s, ok ? c : '_');
	}
	return sb_detach(&s);
}

/* A type in declarator position: complex declarators go through __typeof__. */
static void add_declaration(struct sb *out, const char *type, const char *name)
{
	if (strpbrk(type, "(["))
		sb_addf(out, "__typeof__(%s) %s", type, name);
	else if (type[0] && type[strlen(type) - 1] == '*')
		sb_addf(out, "%s%s", type, name);
	else
		sb_addf(out, "%s %s", type, name);
}

/* An integer literal of the value's signedness, valid for every 64-bit value. */
static void add_literal(struct sb *out, const char *value, int is_unsigned)
{
	if (value[0] == '-') {
		if (strcmp(value, "-9223372036854775808") == 0)
			sb_adds(out, "(-9223372036854775807LL - 1)");
		else
			sb_addf(out, "(%sLL)", value);
	} else if (is_unsigned || strlen(value) > 19 ||
		   (strlen(value) == 19 && strcmp(value, "9223372036854775807") > 0)) {
		sb_addf(out, "%sULL", value);
	} else {
		sb_addf(out, "%sLL", value);
	}
}

/* ---- variants and guards ---------------------------------------------------------------------- */

static void add_condition(struct gen *g, struct sb *s, unsigned mask)
{
	int first = 1;
	for (size_t i = 0; i < g->n; i++) {
		if (!(mask & (1u << i)))
			continue;
		sb_addf(s, "%sdefined(CONFORMANCE_%s)", first ? "" : " || ", g->v[i].name);
		first = 0;
	}
}

/* Top level: make `mask` the selection in force (closing and opening #if as needed). */
static void top_guard(struct gen *g, unsigned mask)
{
	if (mask == g->open)
		return;
	if (g->open != g->all)
		sb_adds(g->out, "#endif\n");
	if (mask != g->all) {
		sb_adds(g->out, "#if ");
		add_condition(g, g->out, mask);
		sb_addch(g->out, '\n');
	}
	g->open = mask;
}

/* One line (or block) inside a function that is itself under `outer`. */
static void add_guarded(struct gen *g, struct sb *out, unsigned outer, unsigned mask, const char *text)
{
	if (mask != outer) {
		sb_adds(out, "#if ");
		add_condition(g, out, mask);
		sb_addch(out, '\n');
	}
	sb_addf(out, "\t%s\n", text);
	if (mask != outer)
		sb_adds(out, "#endif\n");
}

/* The distinct values of an item and, for each, the variants that have it. */
static size_t value_groups(const struct gen *g, const struct item *it, const char **values, unsigned *masks)
{
	size_t n = 0;
	for (size_t i = 0; i < g->n; i++) {
		if (!(it->mask & (1u << i)))
			continue;
		size_t j;
		for (j = 0; j < n; j++)
			if (strcmp(values[j], it->value[i]) == 0)
				break;
		if (j == n) {
			values[n] = it->value[i];
			masks[n++] = 0;
		}
		masks[j] |= 1u << i;
	}
	return n;
}

static int is_public(const struct gen *g, const char *name)
{
	if (name[0] == '_')
		return 0;
	for (size_t i = 0; i < g->o->n_exclude; i++)
		if (strcmp(g->o->exclude[i], name) == 0)
			return 0;
	return 1;
}

/* ---- enumerators ------------------------------------------------------------------------------ */

static void gen_enumerators(struct gen *g)
{
	sb_adds(g->out, "\n/* Every enumerator, used in a constant expression with its value. */\n");
	for (size_t i = 0; i < g->nitems; i++) {
		struct item *it = &g->items[i];
		if (strcmp(it->kind, "enum") != 0 || !is_public(g, it->name))
			continue;
		const char *values[CONFORMANCE_MAX_VARIANTS];
		unsigned masks[CONFORMANCE_MAX_VARIANTS];
		size_t n = value_groups(g, it, values, masks);
		for (size_t k = 0; k < n; k++) {
			top_guard(g, masks[k]);
			sb_addf(g->out, "_Static_assert((%s) == ", it->name);
			add_literal(g->out, values[k], 0);
			sb_addf(g->out, ", \"%s\");\n", it->name);
		}
	}
	top_guard(g, g->all);
}

/* ---- macros ----------------------------------------------------------------------------------- */

/*
 * How a program uses the macros that are not integer constants.  `@` stands for the macro's
 * name.  `file` goes at file scope, `body` into conformance_macros(int x).  A macro that is
 * neither here, nor an integer, nor empty, nor a CONFIG_ value, nor usable as an expression
 * stops the generator.
 */
struct macro_use {
	const char *name;
	int prefix; /* name is a prefix */
	const char *file;
	const char *body;
};

static const struct macro_use macro_uses[] = {
	/* attributes and specifiers of functions */
	{ "CONST", 0, "@ int conformance_macro_@(int x);\nint conformance_macro_@(int x)\n{\n\treturn x;\n}\n",
	  "(void)conformance_macro_@(x);" },
	{ "PURE", 0, "@ int conformance_macro_@(int x);\nint conformance_macro_@(int x)\n{\n\treturn x;\n}\n",
	  "(void)conformance_macro_@(x);" },
	{ "LIBSEL4_NOINLINE", 0, "@ int conformance_macro_@(int x);\nint conformance_macro_@(int x)\n{\n\treturn x;\n}\n",
	  "(void)conformance_macro_@(x);" },
	{ "LIBSEL4_WEAK", 0, "@ int conformance_macro_@(int x);\nint conformance_macro_@(int x)\n{\n\treturn x;\n}\n",
	  "(void)conformance_macro_@(x);" },
	{ "LIBSEL4_UNUSED", 0, "@ int conformance_macro_@(int x);\nint conformance_macro_@(int x)\n{\n\treturn x;\n}\n",
	  "(void)conformance_macro_@(x);" },
	{ "LIBSEL4_INLINE", 0, "@ int conformance_macro_@(int x)\n{\n\treturn x;\n}\n", "(void)conformance_macro_@(x);" },
	{ "LIBSEL4_INLINE_FUNC", 0, "@ int conformance_macro_@(int x)\n{\n\treturn x;\n}\n",
	  "(void)conformance_macro_@(x);" },
	{ "LIBSEL4_THREAD_LOCAL", 0, "@ int conformance_macro_@;\n", "conformance_macro_@ = x;" },
	{ "SEL4_PACKED", 0,
	  "struct conformance_macro_@ {\n\tchar c;\n\tint i;\n} @;\n"
	  "_Static_assert(sizeof(struct conformance_macro_@) == sizeof(char) + sizeof(int), \"@\");\n",
	  NULL },
	/* printf length modifiers: string literals that concatenate */
	{ "SEL4_PRI", 1, "const char *const conformance_macro_@ = \"%\" @;\n", NULL },
	/* function-like */
	{ "LIBSEL4_BIT", 0, "_Static_assert(@(3) == 8, \"@\");\n", "(void)@(x);" },
	{ "SEL4_COMPILE_ASSERT", 0, NULL, "{\n\t\t@(conformance_macro_@, 1)\n\t}" },
	{ "seL4_CompileTimeAssert", 0, NULL, "{\n\t\t@(1)\n\t}" },
	{ "SEL4_SIZE_SANITY", 0, NULL,
	  "{\n\t\tenum { conformance_index = 1, conformance_entry = 2, conformance_size = 3 };\n"
	  "\t\t@(conformance_index, conformance_entry, conformance_size)\n\t}" },
	{ "SEL4_DEPRECATED", 0, "@(\"conformance\") int conformance_macro_@(int x);\n", NULL },
	{ "SEL4_DEPRECATE_MACRO", 0, NULL, "(void)(@(x));" },
	{ "SEL4_FORCE_LONG_ENUM", 0,
	  "enum conformance_macro_@ {\n\tconformance_macro_@_first,\n\t@(conformance_macro_@)\n};\n"
	  "_Static_assert(sizeof(enum conformance_macro_@) == sizeof(long), \"@\");\n",
	  NULL },
	{ "seL4_Fail", 0, NULL, "if (x == 1)\n\t\t@(\"conformance\");" },
	{ "seL4_Assert", 0, NULL, "@(x != 2);" },
	{ "seL4_DebugAssert", 0, NULL, "@(x != 3);" },
	{ "seL4_integer_size_assert", 0, NULL,
	  "{\n\t\ttypedef char conformance_macro_@_t;\n\t\t@(conformance_macro_@_t, 1)\n\t}" },
	{ "assert_size_correct", 0, "typedef seL4_Word conformance_macro_@_t;\n@(conformance_macro_@_t, sizeof(seL4_Word));\n",
	  NULL },
};

static const struct macro_use *find_macro_use(const char *name)
{
	for (size_t i = 0; i < sizeof(macro_uses) / sizeof(macro_uses[0]); i++) {
		const struct macro_use *u = &macro_uses[i];
		if (u->prefix ? starts_with(name, u->name) : strcmp(name, u->name) == 0)
			return u;
	}
	return NULL;
}

/* "V (T)": the value and its type; returns 0 when the value is not an integer. */
static int split_integer(const char *value, struct sb *number, struct sb *type)
{
	const char *open = strstr(value, " (");
	size_t len = strlen(value);
	if (!open || value[len - 1] != ')' || !(value[0] == '-' || (value[0] >= '0' && value[0] <= '9')))
		return 0;
	sb_add(number, value, (size_t)(open - value));
	sb_add(type, open + 2, (size_t)(value + len - 1 - (open + 2)));
	return 1;
}

/* "tokens X" where X is a typedef name of some variant. */
static int names_a_type(const struct gen *g, const char *value)
{
	if (!starts_with(value, "tokens ") || strchr(value + 7, ' '))
		return 0;
	struct sb key = SB_INIT;
	sb_addf(&key, "typedef %s", value + 7);
	int found = 0;
	for (size_t i = 0; i < g->n && !found; i++)
		found = facts_find(&g->v[i].facts, sb_str(&key)) != NULL;
	sb_release(&key);
	return found;
}

static int gen_macro_group(struct gen *g, const struct item *it, const char *value, unsigned mask)
{
	struct sb number = SB_INIT, type = SB_INIT;
	int rc = 0;
	const struct macro_use *use = find_macro_use(it->name);
	if (split_integer(value, &number, &type)) {
		top_guard(g, mask);
		sb_addf(g->out, "_Static_assert((%s) == ", it->name);
		add_literal(g->out, sb_str(&number), starts_with(sb_str(&type), "unsigned") || strcmp(sb_str(&type), "_Bool") == 0);
		sb_addf(g->out, " && _Generic((%s), %s: 1, default: 0), \"%s\");\n", it->name, sb_str(&type), it->name);
	} else if (use) {
		top_guard(g, mask);
		if (use->file)
			add_template(g->out, use->file, it->name);
		if (use->body) {
			struct sb line = SB_INIT;
			add_template(&line, use->body, it->name);
			add_guarded(g, &g->body, g->all, mask, sb_str(&line));
			sb_release(&line);
		}
	} else if (strcmp(value, "empty") == 0 || starts_with(it->name, "CONFIG_")) {
		/* Empty macros and configuration words are only tested with #if/#ifdef. */
		top_guard(g, mask);
		sb_addf(g->out, "#ifndef %s\n#error \"%s is not defined\"\n#endif\n", it->name, it->name);
	} else if (names_a_type(g, value)) {
		/* another name for a type (deprecated aliases): declare a variable of it */
		top_guard(g, mask);
		sb_addf(g->out, "%s conformance_macro_%s;\n", it->name, it->name);
	} else if (starts_with(value, "tokens ")) {
		struct sb line = SB_INIT;
		sb_addf(&line, "(void)(%s);", it->name);
		add_guarded(g, &g->body, g->all, mask, sb_str(&line));
		sb_release(&line);
	} else {
		rc = diag_error(NULL, "no known use of the macro \"%s\" (%s)", it->name, value);
		diag_note(NULL, "add it to macro_uses in tools/abi-facts/lib/conformance.c, or --exclude it");
	}
	sb_release(&number);
	sb_release(&type);
	return rc;
}

static int gen_macros(struct gen *g)
{
	int rc = 0;
	sb_adds(g->out, "\n/* Every macro: integers checked with value and type, the others used. */\n");
	for (size_t i = 0; i < g->nitems; i++) {
		struct item *it = &g->items[i];
		if (strcmp(it->kind, "macro") != 0 || !is_public(g, it->name))
			continue;
		const char *values[CONFORMANCE_MAX_VARIANTS];
		unsigned masks[CONFORMANCE_MAX_VARIANTS];
		size_t n = value_groups(g, it, values, masks);
		for (size_t k = 0; k < n; k++)
			if (gen_macro_group(g, it, values[k], masks[k]) != 0)
				rc = -1;
	}
	top_guard(g, g->all);
	sb_adds(g->out, "\nvoid conformance_macros(int x);\nvoid conformance_macros(int x)\n{\n");
	sb_add(g->out, g->body.buf ? g->body.buf : "", g->body.len);
	sb_adds(g->out, "\t(void)x;\n}\n");
	return rc;
}

/* ---- types and members ------------------------------------------------------------------------ */

/* "OWNER.PATH": the owner's length, or 0. */
static size_t owner_len(const char *member_name)
{
	const char *dot = strchr(member_name, '.');
	return dot ? (size_t)(dot - member_name) : 0;
}

static void gen_member_asserts(struct gen *g, const struct item *m)
{
	size_t ol = owner_len(m->name);
	const char *path = m->name + ol + 1;
	const char *values[CONFORMANCE_MAX_VARIANTS];
	unsigned masks[CONFORMANCE_MAX_VARIANTS];
	size_t n = value_groups(g, m, values, masks);
	for (size_t k = 0; k < n; k++) {
		long long off, size;
		if (sscanf(values[k], "offset %lld size %lld", &off, &size) == 2) {
			top_guard(g, masks[k]);
			sb_addf(g->out, "_Static_assert(__builtin_offsetof(%.*s, %s) == %lld && sizeof(((%.*s *)0)->%s) == %lld, \"%s\");\n",
				(int)ol, m->name, path, off, (int)ol, m->name, path, size, m->name);
		} else if (sscanf(values[k], "offset %lld", &off) == 1) {
			top_guard(g, masks[k]);
			sb_addf(g->out, "_Static_assert(__builtin_offsetof(%.*s, %s) == %lld, \"%s\");\n", (int)ol, m->name,
				path, off, m->name);
		}
		/* bitfields ("bit B width W") have no offsetof: the access below uses them */
	}
}

/* Does any variant describe the type as incomplete or as a function type? */
static int only_by_pointer(const struct gen *g, const struct item *it)
{
	for (size_t i = 0; i < g->n; i++) {
		if (!(it->mask & (1u << i)))
			continue;
		const char *v = it->value[i];
		if (strstr(v, "incomplete"))
			return 1;
		if (strcmp(it->kind, "typedef") == 0) {
			const char *semi = strrchr(v, ';');
			size_t ul = semi ? (size_t)(semi - v) : strlen(v);
			/* "RET (ARGS)" without a "(*": a function type */
			if (ul && v[ul - 1] == ')' && !strstr(v, "(*"))
				return 1;
		}
	}
	return 0;
}

static void gen_type(struct gen *g, const struct item *it)
{
	const char *values[CONFORMANCE_MAX_VARIANTS];
	unsigned masks[CONFORMANCE_MAX_VARIANTS];
	size_t n = value_groups(g, it, values, masks);
	for (size_t k = 0; k < n; k++) {
		const char *layout = strcmp(it->kind, "typedef") == 0 ? strrchr(values[k], ';') : values[k];
		long long size, align;
		if (layout && *layout == ';')
			layout += 2;
		if (layout && sscanf(layout, "size %lld align %lld", &size, &align) == 2) {
			top_guard(g, masks[k]);
			sb_addf(g->out, "_Static_assert(sizeof(%s) == %lld && _Alignof(%s) == %lld, \"%s\");\n", it->name,
				size, it->name, align, it->name);
		}
	}
	/* the members' layout, then a variable of the type that reads every member */
	struct sb prefix = SB_INIT;
	sb_addf(&prefix, "member %s.", it->name);
	for (size_t i = 0; i < g->nitems; i++)
		if (starts_with(g->items[i].key, sb_str(&prefix)))
			gen_member_asserts(g, &g->items[i]);
	top_guard(g, it->mask);
	char *id = ident_of(it->name);
	if (only_by_pointer(g, it)) {
		sb_addf(g->out, "void conformance_type_%s(%s **out, %s *in);\n", id, it->name, it->name);
		sb_addf(g->out, "void conformance_type_%s(%s **out, %s *in)\n{\n\t%s *v = in;\n\t*out = v;\n}\n", id,
			it->name, it->name, it->name);
	} else {
		sb_addf(g->out, "void conformance_type_%s(void *out, const void *in);\n", id);
		sb_addf(g->out, "void conformance_type_%s(void *out, const void *in)\n{\n\t", id);
		add_declaration(g->out, it->name, "v");
		sb_adds(g->out, ";\n\t__builtin_memcpy(&v, in, sizeof(v));\n");
		for (size_t i = 0; i < g->nitems; i++) {
			const struct item *m = &g->items[i];
			if (!starts_with(m->key, sb_str(&prefix)))
				continue;
			struct sb line = SB_INIT;
			sb_addf(&line, "(void)v.%s;", m->name + owner_len(m->name) + 1);
			add_guarded(g, g->out, it->mask, m->mask & it->mask, sb_str(&line));
			sb_release(&line);
		}
		sb_adds(g->out, "\t__builtin_memcpy(out, &v, sizeof(v));\n}\n");
	}
	free(id);
	sb_release(&prefix);
}

static void gen_types(struct gen *g)
{
	sb_adds(g->out, "\n/* Every type: size, alignment, member offsets; a variable of it reads every member. */\n");
	for (size_t i = 0; i < g->nitems; i++) {
		struct item *it = &g->items[i];
		if (strcmp(it->kind, "typedef") == 0) {
			if (is_public(g, it->name))
				gen_type(g, it);
		} else if (strcmp(it->kind, "type") == 0) {
			/* "struct X", "union X", "enum X"; an unnamed type with a typedef name is its typedef */
			const char *space = strchr(it->name, ' ');
			if (space && is_public(g, space + 1) && is_public(g, it->name))
				gen_type(g, it);
		}
	}
	top_guard(g, g->all);
}

/* ---- functions and variables ----------------------------------------------------------------- */

struct prototype {
	struct sb ret;
	char **params;
	size_t nparams, cap;
};

/* "[static|extern] [inline] RET (P, ...); abi ..." -> written return and parameter types. */
static int parse_prototype(const char *value, struct prototype *p)
{
	const char *end = strstr(value, "; abi ");
	size_t len = end ? (size_t)(end - value) : strlen(value);
	const char *s = value;
	if (starts_with(s, "static ") || starts_with(s, "extern "))
		s += 7;
	if (starts_with(s, "inline "))
		s += 7;
	len -= (size_t)(s - value);
	if (len == 0 || s[len - 1] != ')')
		return -1;
	int depth = 0;
	size_t open = len;
	while (open-- > 0) {
		if (s[open] == ')')
			depth++;
		else if (s[open] == '(' && --depth == 0)
			break;
	}
	if (open >= len || open == 0)
		return -1;
	size_t rl = open;
	while (rl && s[rl - 1] == ' ')
		rl--;
	sb_add(&p->ret, s, rl);
	const char *a = s + open + 1, *stop = s + len - 1;
	depth = 0;
	const char *start = a;
	for (const char *q = a; q <= stop; q++) {
		if (q < stop && (*q == '(' || *q == '['))
			depth++;
		else if (q < stop && (*q == ')' || *q == ']'))
			depth--;
		else if (q == stop || (*q == ',' && depth == 0)) {
			while (start < q && *start == ' ')
				start++;
			char *param = xstrndup(start, (size_t)(q - start));
			p->params = xgrow(p->params, &p->cap, p->nparams + 1, sizeof(*p->params));
			p->params[p->nparams++] = param;
			start = q + 1;
		}
	}
	/* "(void)" is no parameter, "..." takes nothing from the wrapper */
	if (p->nparams == 1 && (strcmp(p->params[0], "void") == 0 || p->params[0][0] == '\0')) {
		free(p->params[0]);
		p->nparams = 0;
	}
	if (p->nparams && strcmp(p->params[p->nparams - 1], "...") == 0)
		free(p->params[--p->nparams]);
	return 0;
}

static void free_prototype(struct prototype *p)
{
	for (size_t i = 0; i < p->nparams; i++)
		free(p->params[i]);
	free(p->params);
	sb_release(&p->ret);
}

static int gen_functions(struct gen *g)
{
	int rc = 0;
	sb_adds(g->out, "\n/* Every function, called with arguments of its parameter types. */\n");
	for (size_t i = 0; i < g->nitems; i++) {
		struct item *it = &g->items[i];
		if (strcmp(it->kind, "function") != 0 || !is_public(g, it->name))
			continue;
		const char *values[CONFORMANCE_MAX_VARIANTS];
		unsigned masks[CONFORMANCE_MAX_VARIANTS];
		size_t n = value_groups(g, it, values, masks);
		for (size_t k = 0; k < n; k++) {
			struct prototype p = { SB_INIT, NULL, 0, 0 };
			if (parse_prototype(values[k], &p) != 0) {
				rc = diag_error(NULL, "function \"%s\": cannot read the prototype \"%s\"", it->name, values[k]);
				free_prototype(&p);
				continue;
			}
			top_guard(g, masks[k]);
			struct sb head = SB_INIT, fname = SB_INIT;
			sb_addf(&fname, "conformance_call_%s", it->name);
			struct sb params = SB_INIT;
			for (size_t j = 0; j < p.nparams; j++) {
				struct sb an = SB_INIT;
				sb_addf(&an, "a%zu", j);
				if (j)
					sb_adds(&params, ", ");
				add_declaration(&params, p.params[j], sb_str(&an));
				sb_release(&an);
			}
			if (!p.nparams)
				sb_adds(&params, "void");
			add_declaration(&head, sb_str(&p.ret), sb_str(&fname));
			sb_addf(&head, "(%s)", sb_str(&params));
			sb_addf(g->out, "%s;\n%s\n{\n\t%s%s(", sb_str(&head), sb_str(&head),
				strcmp(sb_str(&p.ret), "void") == 0 ? "" : "return ", it->name);
			for (size_t j = 0; j < p.nparams; j++)
				sb_addf(g->out, "%sa%zu", j ? ", " : "", j);
			sb_adds(g->out, ");\n}\n");
			sb_release(&params);
			sb_release(&head);
			sb_release(&fname);
			free_prototype(&p);
		}
	}
	top_guard(g, g->all);
	return rc;
}

static void gen_variables(struct gen *g)
{
	struct sb body = SB_INIT;
	for (size_t i = 0; i < g->nitems; i++) {
		struct item *it = &g->items[i];
		if (strcmp(it->kind, "variable") != 0 || !is_public(g, it->name))
			continue;
		struct sb line = SB_INIT;
		sb_addf(&line, "(void)&%s;", it->name);
		add_guarded(g, &body, g->all, it->mask, sb_str(&line));
		sb_release(&line);
	}
	sb_adds(g->out, "\n/* Every variable. */\nvoid conformance_variables(void);\nvoid conformance_variables(void)\n{\n");
	sb_add(g->out, body.buf ? body.buf : "", body.len);
	sb_adds(g->out, "}\n");
	sb_release(&body);
}

/* ---- the program ---------------------------------------------------------------------------- */

static int valid_variant_name(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static void collect_items(struct gen *g)
{
	struct facts keys = FACTS_INIT;
	for (size_t i = 0; i < g->n; i++) {
		for (size_t j = 0; j < g->v[i].facts.n; j++) {
			size_t kl;
			const char *key = g->v[i].facts.v[j].key;
			const char *name = fact_key_name(key, &kl);
			char *kind = xstrndup(key, kl);
			facts_add(&keys, kind, name, "");
			free(kind);
		}
	}
	facts_canonicalize(&keys);
	g->items = xcalloc(keys.n ? keys.n : 1, sizeof(*g->items));
	g->nitems = keys.n;
	for (size_t k = 0; k < keys.n; k++) {
		struct item *it = &g->items[k];
		size_t kl;
		it->key = xstrdup(keys.v[k].key);
		it->name = fact_key_name(it->key, &kl);
		it->kind = xstrndup(it->key, kl);
		for (size_t i = 0; i < g->n; i++) {
			it->value[i] = facts_find(&g->v[i].facts, it->key);
			if (it->value[i])
				it->mask |= 1u << i;
		}
	}
	facts_free(&keys);
}

int conformance_generate(const struct conformance_variant *v, size_t n, const struct conformance_options *o,
			 struct sb *out)
{
	if (n == 0 || n > CONFORMANCE_MAX_VARIANTS)
		return diag_error(NULL, "between 1 and %d variants, not %zu", CONFORMANCE_MAX_VARIANTS, n);
	for (size_t i = 0; i < n; i++) {
		if (!valid_variant_name(v[i].name))
			return diag_error(NULL, "variant name \"%s\" is not an identifier", v[i].name);
		for (size_t j = 0; j < i; j++)
			if (strcmp(v[i].name, v[j].name) == 0)
				return diag_error(NULL, "variant \"%s\" given twice", v[i].name);
	}
	struct gen g;
	memset(&g, 0, sizeof(g));
	g.out = out;
	g.v = v;
	g.n = n;
	g.all = n == 32 ? ~0u : (1u << n) - 1;
	g.open = g.all;
	g.o = o;
	collect_items(&g);

	sb_addf(out, "/* SPDX-License-Identifier: BSD-2-Clause */\n/*\n * %s\n",
		o->title ? o->title : "libsel4 source-compatibility program");
	sb_adds(out, " * Generated by `abi-facts conformance` from ABI facts: do not edit (tests/conformance/README.md\n"
		     " * says how to regenerate).  Compile with exactly one of");
	for (size_t i = 0; i < n; i++)
		sb_addf(out, "%s -DCONFORMANCE_%s", i ? "," : "", v[i].name);
	sb_adds(out, ".\n");
	if (o->n_exclude) {
		sb_adds(out, " * Left out on purpose:");
		for (size_t i = 0; i < o->n_exclude; i++)
			sb_addf(out, " %s", o->exclude[i]);
		sb_adds(out, ".\n");
	}
	sb_adds(out, " */\n#include <sel4/sel4.h>\n\n#if ");
	for (size_t i = 0; i < n; i++)
		sb_addf(out, "%sdefined(CONFORMANCE_%s)", i ? " + " : "", v[i].name);
	sb_adds(out, " != 1\n#error \"define exactly one CONFORMANCE_<variant>\"\n#endif\n\n");
	sb_adds(out, "/* Deprecated names are part of the interface: use them without the warning. */\n"
		     "#pragma GCC diagnostic ignored \"-Wdeprecated-declarations\"\n"
		     "#pragma GCC diagnostic ignored \"-Wunknown-pragmas\"\n");
	int rc = 0;
	gen_enumerators(&g);
	if (gen_macros(&g) != 0)
		rc = -1;
	gen_types(&g);
	if (gen_functions(&g) != 0)
		rc = -1;
	gen_variables(&g);

	for (size_t i = 0; i < g.nitems; i++) {
		free(g.items[i].key);
		free(g.items[i].kind);
	}
	free(g.items);
	sb_release(&g.body);
	return rc;
}
