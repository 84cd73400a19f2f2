/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ABI facts from an include tree through libclang.
 *
 * Two parses.  The first compiles `#include <HEADER>` and walks the declarations: enumerators,
 * record/enum/typedef layouts, members, functions, variables, and the list of macros.  Macro
 * values cannot be read from the preprocessor's record, so the second parse appends one probe
 * line per object-like macro that both stores the macro in a typed static and uses it in an
 * enumerator's value: a line that compiles without any diagnostic is an integer constant
 * expression, and libclang's evaluator gives its value; the static's type is the
 * macro's type.
 */
#include "extract.h"

#include <clang-c/Index.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/xalloc.h"

#define PROBE_FILE "abi-facts-probe.c"
#define PROBE_PREFIX "abi_facts_probe_"
#define GONE_PREFIX "abi_facts_gone_"

struct tree_file {
	char *name;
	int inside;
};

struct macro {
	char *name;
	int function_like;
	char *params; /* "(a, b)" for a function-like macro */
	size_t body_tokens;
	char *body; /* the replacement tokens, separated by one space */
};

struct ctx {
	const struct extract_options *o;
	char **roots; /* realpath of each include folder */
	char **spelled; /* each include folder as given, made absolute (symlinks kept) */
	size_t nroots;
	struct tree_file *files;
	size_t nfiles, capfiles;
	struct macro *macros;
	size_t nmacros, capmacros;
	struct facts *out;
	int failed;
};

char *abi_clean_type_name(const char *spelling)
{
	struct sb out = SB_INIT;
	const char *p = spelling;
	while (*p) {
		if (*p == '(' && (strncmp(p, "(unnamed", 8) == 0 || strncmp(p, "(anonymous", 10) == 0)) {
			int depth = 0;
			const char *q = p;
			for (; *q; q++) {
				if (*q == '(')
					depth++;
				else if (*q == ')' && --depth == 0)
					break;
			}
			sb_adds(&out, "(anonymous)");
			p = *q ? q + 1 : q;
			continue;
		}
		sb_addch(&out, *p++);
	}
	return sb_detach(&out);
}

/* A clang string as a malloc'd C string, the clang string disposed of. */
static char *take(CXString s)
{
	const char *c = clang_getCString(s);
	char *r = xstrdup(c ? c : "");
	clang_disposeString(s);
	return r;
}

static char *type_name(CXType t)
{
	char *raw = take(clang_getTypeSpelling(t));
	char *clean = abi_clean_type_name(raw);
	free(raw);
	return clean;
}

static char *canonical_type_name(CXType t)
{
	return type_name(clang_getCanonicalType(t));
}

static char *absolute(const char *path)
{
	if (path[0] == '/')
		return xstrdup(path);
	struct sb s = SB_INIT;
	char *cwd = getcwd(NULL, 0);
	sb_addf(&s, "%s/%s", cwd ? cwd : ".", path);
	free(cwd);
	return sb_detach(&s);
}

static int below_any(char *const *dirs, size_t n, const char *path)
{
	for (size_t i = 0; i < n; i++) {
		if (!dirs[i])
			continue;
		size_t len = strlen(dirs[i]);
		while (len > 1 && dirs[i][len - 1] == '/')
			len--;
		if (strncmp(path, dirs[i], len) == 0 && path[len] == '/')
			return 1;
	}
	return 0;
}

static int file_inside(struct ctx *c, CXFile file)
{
	if (!file)
		return 0;
	char *name = take(clang_getFileName(file));
	for (size_t i = 0; i < c->nfiles; i++) {
		if (strcmp(c->files[i].name, name) == 0) {
			free(name);
			return c->files[i].inside;
		}
	}
	/* Below a folder either as the path clang found it (a tree of symlinks counts as the
	 * tree) or with every symlink resolved. */
	char *as_found = absolute(name);
	char *real = realpath(name, NULL);
	int inside = below_any(c->spelled, c->nroots, as_found) || (real && below_any(c->roots, c->nroots, real));
	free(as_found);
	free(real);
	c->files = xgrow(c->files, &c->capfiles, c->nfiles + 1, sizeof(*c->files));
	c->files[c->nfiles].name = name;
	c->files[c->nfiles].inside = inside;
	c->nfiles++;
	return inside;
}

static int cursor_inside(struct ctx *c, CXCursor cur)
{
	CXFile file;
	clang_getExpansionLocation(clang_getCursorLocation(cur), &file, NULL, NULL, NULL);
	return file_inside(c, file);
}

static void add(struct ctx *c, const char *kind, const char *name, const char *value)
{
	facts_add(c->out, kind, name, value);
}

static void add_layout(struct sb *v, CXType t)
{
	long long size = clang_Type_getSizeOf(t);
	long long align = clang_Type_getAlignOf(t);
	if (size < 0 || align < 0)
		sb_adds(v, "incomplete");
	else
		sb_addf(v, "size %lld align %lld", size, align);
}

/* Is this type a struct or union with neither a tag nor a typedef name? */
static int is_anonymous_record(CXType t)
{
	CXType canon = clang_getCanonicalType(t);
	if (canon.kind != CXType_Record)
		return 0;
	return clang_Cursor_isAnonymous(clang_getTypeDeclaration(canon)) != 0;
}

struct member_walk {
	struct ctx *c;
	const char *owner;
	const char *prefix;
	long long base_bits;
};

static void add_members(struct ctx *c, const char *owner, CXType record, const char *prefix,
			long long base_bits);

static enum CXVisitorResult member_visit(CXCursor field, CXClientData data)
{
	struct member_walk *w = data;
	CXType ft = clang_getCursorType(field);
	long long off = clang_Cursor_getOffsetOfField(field);
	char *name = take(clang_getCursorSpelling(field));
	long long at = w->base_bits + (off < 0 ? 0 : off);
	if (name[0] == '\0' || clang_Cursor_isAnonymousRecordDecl(clang_getTypeDeclaration(ft))) {
		/* A C11 anonymous member: its fields belong to the enclosing record. */
		add_members(w->c, w->owner, ft, w->prefix, at);
		free(name);
		return CXVisit_Continue;
	}
	struct sb path = SB_INIT, v = SB_INIT;
	sb_addf(&path, "%s.%s%s", w->owner, w->prefix, name);
	char *tn = type_name(ft);
	if (clang_Cursor_isBitField(field)) {
		sb_addf(&v, "bit %lld width %d type %s", at, clang_getFieldDeclBitWidth(field), tn);
	} else {
		long long size = clang_Type_getSizeOf(ft);
		if (size < 0) /* a flexible array member */
			sb_addf(&v, "offset %lld size none type %s", at / 8, tn);
		else
			sb_addf(&v, "offset %lld size %lld type %s", at / 8, size, tn);
	}
	add(w->c, "member", sb_str(&path), sb_str(&v));
	/* A member of an unnamed record type has no facts of its own elsewhere: walk into it. */
	CXType inner = ft;
	struct sb sub = SB_INIT;
	sb_addf(&sub, "%s%s", w->prefix, name);
	while (clang_getCanonicalType(inner).kind == CXType_ConstantArray) {
		inner = clang_getArrayElementType(clang_getCanonicalType(inner));
		sb_adds(&sub, "[0]");
	}
	if (is_anonymous_record(inner)) {
		sb_addch(&sub, '.');
		add_members(w->c, w->owner, inner, sb_str(&sub), at);
	}
	sb_release(&sub);
	free(tn);
	sb_release(&path);
	sb_release(&v);
	free(name);
	return CXVisit_Continue;
}

static void add_members(struct ctx *c, const char *owner, CXType record, const char *prefix,
			long long base_bits)
{
	struct member_walk w = { c, owner, prefix, base_bits };
	clang_Type_visitFields(clang_getCanonicalType(record), member_visit, &w);
}

static void add_enumerators(struct ctx *c, CXCursor en);

static void add_tag(struct ctx *c, CXCursor cur)
{
	if (!clang_isCursorDefinition(cur) || clang_Cursor_isAnonymous(cur))
		return; /* anonymous records are described through their enclosing record */
	CXType t = clang_getCursorType(cur);
	char *name = type_name(t);
	struct sb v = SB_INIT;
	add_layout(&v, t);
	if (cur.kind == CXCursor_EnumDecl) {
		char *it = canonical_type_name(clang_getEnumDeclIntegerType(cur));
		sb_addf(&v, " integer %s", it);
		free(it);
	}
	add(c, "type", name, sb_str(&v));
	if (cur.kind != CXCursor_EnumDecl)
		add_members(c, name, t, "", 0);
	sb_release(&v);
	free(name);
}

static enum CXChildVisitResult enumerator_visit(CXCursor cur, CXCursor parent, CXClientData data)
{
	struct ctx *c = data;
	if (cur.kind != CXCursor_EnumConstantDecl)
		return CXChildVisit_Continue;
	CXType it = clang_getCanonicalType(clang_getEnumDeclIntegerType(parent));
	int is_unsigned = it.kind == CXType_UInt || it.kind == CXType_ULong || it.kind == CXType_ULongLong ||
			  it.kind == CXType_UShort || it.kind == CXType_UChar || it.kind == CXType_Bool ||
			  it.kind == CXType_UInt128 || it.kind == CXType_Char_U;
	struct sb v = SB_INIT;
	if (is_unsigned)
		sb_addf(&v, "%llu", clang_getEnumConstantDeclUnsignedValue(cur));
	else
		sb_addf(&v, "%lld", clang_getEnumConstantDeclValue(cur));
	char *name = take(clang_getCursorSpelling(cur));
	add(c, "enum", name, sb_str(&v));
	free(name);
	sb_release(&v);
	return CXChildVisit_Continue;
}

static void add_enumerators(struct ctx *c, CXCursor en)
{
	clang_visitChildren(en, enumerator_visit, c);
}

static void add_typedef(struct ctx *c, CXCursor cur)
{
	char *name = take(clang_getCursorSpelling(cur));
	char *under = type_name(clang_getTypedefDeclUnderlyingType(cur));
	struct sb v = SB_INIT;
	sb_addf(&v, "%s; ", under);
	add_layout(&v, clang_getCursorType(cur));
	add(c, "typedef", name, sb_str(&v));
	sb_release(&v);
	free(under);
	free(name);
}

/* "RET (A, B, ...)" from a function type, written or canonical types. */
static void add_prototype(struct sb *v, CXType fn, int canonical)
{
	char *ret = canonical ? canonical_type_name(clang_getResultType(fn)) : type_name(clang_getResultType(fn));
	sb_addf(v, "%s (", ret);
	free(ret);
	int n = clang_getNumArgTypes(fn);
	for (int i = 0; i < n; i++) {
		CXType a = clang_getArgType(fn, (unsigned)i);
		char *an = canonical ? canonical_type_name(a) : type_name(a);
		sb_addf(v, "%s%s", i ? ", " : "", an);
		free(an);
	}
	if (fn.kind == CXType_FunctionProto) {
		if (clang_isFunctionTypeVariadic(fn))
			sb_adds(v, n ? ", ..." : "...");
		else if (n == 0)
			sb_adds(v, "void");
	}
	sb_addch(v, ')');
}

static void add_function(struct ctx *c, CXCursor cur)
{
	/* Every declaration of a function gives the same fact: read it from the definition when
	 * there is one, and the linkage (not the storage class of this declaration). */
	CXCursor def = clang_getCursorDefinition(cur);
	if (clang_Cursor_isNull(def))
		def = clang_getCanonicalCursor(cur);
	char *name = take(clang_getCursorSpelling(def));
	struct sb v = SB_INIT;
	sb_adds(&v, clang_getCursorLinkage(def) == CXLinkage_Internal ? "static " : "extern ");
	if (clang_Cursor_isFunctionInlined(def))
		sb_adds(&v, "inline ");
	CXType fn = clang_getCursorType(def);
	add_prototype(&v, fn, 0);
	sb_adds(&v, "; abi ");
	add_prototype(&v, fn, 1);
	add(c, "function", name, sb_str(&v));
	sb_release(&v);
	free(name);
}

static void add_variable(struct ctx *c, CXCursor cur)
{
	char *name = take(clang_getCursorSpelling(cur));
	char *tn = type_name(clang_getCursorType(cur));
	char *cn = canonical_type_name(clang_getCursorType(cur));
	struct sb v = SB_INIT;
	sb_addf(&v, "%s %s; abi %s", clang_getCursorLinkage(cur) == CXLinkage_Internal ? "static" : "extern", tn,
		cn);
	add(c, "variable", name, sb_str(&v));
	sb_release(&v);
	free(cn);
	free(tn);
	free(name);
}

static void add_macro_definition(struct ctx *c, CXTranslationUnit tu, CXCursor cur)
{
	if (clang_Cursor_isMacroBuiltin(cur))
		return;
	CXToken *tokens = NULL;
	unsigned n = 0;
	clang_tokenize(tu, clang_getCursorExtent(cur), &tokens, &n);
	if (n == 0)
		return;
	struct macro m = { 0, 0, 0, 0, 0 };
	m.name = take(clang_getTokenSpelling(tu, tokens[0]));
	size_t body = 1;
	if (clang_Cursor_isMacroFunctionLike(cur)) {
		struct sb params = SB_INIT;
		m.function_like = 1;
		for (body = 1; body < n; body++) {
			char *t = take(clang_getTokenSpelling(tu, tokens[body]));
			int close = strcmp(t, ")") == 0;
			if (strcmp(t, ",") == 0)
				sb_adds(&params, ", ");
			else
				sb_adds(&params, t);
			free(t);
			if (close) {
				body++;
				break;
			}
		}
		m.params = sb_detach(&params);
	}
	m.body_tokens = n - body;
	struct sb text = SB_INIT;
	for (size_t i = body; i < n; i++) {
		char *t = take(clang_getTokenSpelling(tu, tokens[i]));
		sb_addf(&text, "%s%s", i > body ? " " : "", t);
		free(t);
	}
	m.body = sb_detach(&text);
	clang_disposeTokens(tu, tokens, n);
	/* A later definition of the same name (after #undef) replaces the earlier one. */
	for (size_t i = 0; i < c->nmacros; i++) {
		if (strcmp(c->macros[i].name, m.name) == 0) {
			free(c->macros[i].name);
			free(c->macros[i].params);
			free(c->macros[i].body);
			c->macros[i] = m;
			return;
		}
	}
	c->macros = xgrow(c->macros, &c->capmacros, c->nmacros + 1, sizeof(*c->macros));
	c->macros[c->nmacros++] = m;
}

struct walk {
	struct ctx *c;
	CXTranslationUnit tu;
};

static enum CXChildVisitResult decl_visit(CXCursor cur, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct walk *w = data;
	struct ctx *c = w->c;
	if (!cursor_inside(c, cur))
		return CXChildVisit_Continue;
	switch (cur.kind) {
	case CXCursor_MacroDefinition:
		add_macro_definition(c, w->tu, cur);
		break;
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
		add_tag(c, cur);
		/* C puts tags declared inside a record at file scope: look for them too. */
		clang_visitChildren(cur, decl_visit, w);
		break;
	case CXCursor_EnumDecl:
		add_tag(c, cur);
		add_enumerators(c, cur);
		break;
	case CXCursor_TypedefDecl:
		add_typedef(c, cur);
		break;
	case CXCursor_FunctionDecl:
		add_function(c, cur);
		break;
	case CXCursor_VarDecl:
		if (parent.kind == CXCursor_TranslationUnit)
			add_variable(c, cur);
		break;
	case CXCursor_FieldDecl:
		/* a member's type may be a record defined right there: look inside */
		clang_visitChildren(cur, decl_visit, w);
		break;
	default:
		break;
	}
	return CXChildVisit_Continue;
}

/* Include guards are not part of an interface: an empty macro named like a header. */
static int is_include_guard(const struct macro *m)
{
	if (m->function_like || m->body_tokens)
		return 0;
	size_t len = strlen(m->name);
	while (len && m->name[len - 1] == '_')
		len--;
	return len >= 2 && m->name[len - 1] == 'H' && m->name[len - 2] == '_';
}

static void build_args(const struct extract_options *o, const char ***argv, size_t *argc)
{
	size_t cap = 0, n = 0;
	const char **a = NULL;
#define ARG(s)                                                  \
	do {                                                    \
		a = xgrow(a, &cap, n + 1, sizeof(*a));          \
		a[n++] = (s);                                   \
	} while (0)
	ARG("-x");
	ARG("c");
	ARG("-std=gnu11");
	ARG("-ffreestanding");
	if (o->target) {
		ARG("-target");
		ARG(o->target);
	}
	for (size_t i = 0; i < o->n_include_dirs; i++) {
		ARG("-I");
		ARG(o->include_dirs[i]);
	}
	for (size_t i = 0; i < o->n_defines; i++) {
		ARG("-D");
		ARG(o->defines[i]);
	}
	for (size_t i = 0; i < o->n_extra_args; i++)
		ARG(o->extra_args[i]);
#undef ARG
	*argv = a;
	*argc = n;
}

static CXTranslationUnit parse(CXIndex idx, const struct extract_options *o, const char *text)
{
	const char **argv;
	size_t argc;
	build_args(o, &argv, &argc);
	struct CXUnsavedFile probe = { PROBE_FILE, text, (unsigned long)strlen(text) };
	CXTranslationUnit tu = NULL;
	enum CXErrorCode err = clang_parseTranslationUnit2(
		idx, PROBE_FILE, argv, (int)argc, &probe, 1,
		CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_SkipFunctionBodies, &tu);
	free(argv);
	if (err != CXError_Success) {
		diag_error(NULL, "libclang could not parse the tree (error %d)", (int)err);
		return NULL;
	}
	return tu;
}

/* Report the tree's own compile errors; the facts of a broken tree would mean nothing. */
static int check_diagnostics(CXTranslationUnit tu)
{
	int rc = 0;
	unsigned n = clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			CXFile file;
			unsigned line, col;
			clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file, &line, &col, NULL);
			char *path = file ? take(clang_getFileName(file)) : xstrdup(PROBE_FILE);
			char *msg = take(clang_getDiagnosticSpelling(d));
			struct loc at = { path, line, col };
			rc = diag_error(&at, "%s", msg);
			free(msg);
			free(path);
		}
		clang_disposeDiagnostic(d);
	}
	return rc;
}

static int is_integer_kind(enum CXTypeKind k)
{
	return (k >= CXType_Bool && k <= CXType_Int128) || k == CXType_Enum;
}

struct probe_walk {
	struct ctx *c;
	const unsigned char *bad_line; /* indexed by probe number */
	size_t nprobes;
	char **values; /* per probe: "VALUE (TYPE)" or NULL */
	unsigned char *gone; /* per macro: #undef'd by the end of the header */
	size_t nmacros;
};

static enum CXChildVisitResult probe_visit(CXCursor cur, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct probe_walk *w = data;
	if (cur.kind != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	char *name = take(clang_getCursorSpelling(cur));
	if (strncmp(name, GONE_PREFIX, strlen(GONE_PREFIX)) == 0) {
		size_t i = strtoul(name + strlen(GONE_PREFIX), NULL, 10);
		if (i < w->nmacros)
			w->gone[i] = 1;
	} else if (strncmp(name, PROBE_PREFIX, strlen(PROBE_PREFIX)) == 0) {
		size_t i = strtoul(name + strlen(PROBE_PREFIX), NULL, 10);
		CXType t = clang_getCanonicalType(clang_getCursorType(cur));
		if (i < w->nprobes && !w->bad_line[i] && is_integer_kind(t.kind)) {
			CXEvalResult r = clang_Cursor_Evaluate(cur);
			if (r && clang_EvalResult_getKind(r) == CXEval_Int) {
				char *tn = type_name(t);
				struct sb v = SB_INIT;
				if (clang_EvalResult_isUnsignedInt(r))
					sb_addf(&v, "%llu (%s)", clang_EvalResult_getAsUnsigned(r), tn);
				else
					sb_addf(&v, "%lld (%s)", clang_EvalResult_getAsLongLong(r), tn);
				w->values[i] = sb_detach(&v);
				free(tn);
			}
			if (r)
				clang_EvalResult_dispose(r);
		}
	}
	free(name);
	return CXChildVisit_Continue;
}

static int add_macros(struct ctx *c, CXIndex idx, const char *include_line)
{
	struct sb text = SB_INIT;
	size_t *probe_of = xcalloc(c->nmacros ? c->nmacros : 1, sizeof(*probe_of));
	size_t nprobes = 0;
	/* After the tree: no warning counts but the two that tell a constant that is not an
	 * integer constant expression (the probes' own tautologies must not). */
	static const char pragmas[] = "#pragma clang diagnostic ignored \"-Weverything\"\n"
				      "#pragma clang diagnostic error \"-Wgnu-folding-constant\"\n"
				      "#pragma clang diagnostic error \"-Wvla\"\n";
	unsigned first_line = 5;
	sb_adds(&text, include_line);
	sb_adds(&text, pragmas);
	for (size_t i = 0; i < c->nmacros; i++) {
		const struct macro *m = &c->macros[i];
		probe_of[i] = SIZE_MAX;
		if (m->function_like || m->body_tokens == 0)
			continue;
		probe_of[i] = nprobes;
		sb_addf(&text,
			"static __attribute__((unused)) __typeof__((%s)) " PROBE_PREFIX "%zu = (%s); "
			"enum { " PROBE_PREFIX "ice_%zu = (%s) ? 1 : 1 };\n",
			m->name, nprobes, m->name, nprobes, m->name);
		nprobes++;
	}
	/* A macro a header defines for its own use and #undefs is no part of the interface (and
	 * libclang no longer knows whether it took parameters). */
	for (size_t i = 0; i < c->nmacros; i++)
		sb_addf(&text, "#ifndef %s\nstatic int " GONE_PREFIX "%zu;\n#endif\n", c->macros[i].name, i);
	CXTranslationUnit tu = parse(idx, c->o, sb_str(&text));
	sb_release(&text);
	if (!tu) {
		free(probe_of);
		return -1;
	}
	unsigned char *bad = xcalloc(nprobes ? nprobes : 1, 1);
	unsigned nd = clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < nd; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		CXFile file;
		unsigned line;
		clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file, &line, NULL, NULL);
		char *path = file ? take(clang_getFileName(file)) : xstrdup("");
		if (strcmp(path, PROBE_FILE) == 0 && line >= first_line && line - first_line < nprobes)
			bad[line - first_line] = 1;
		free(path);
		clang_disposeDiagnostic(d);
	}
	struct probe_walk w = { c, bad, nprobes, xcalloc(nprobes ? nprobes : 1, sizeof(char *)),
				xcalloc(c->nmacros ? c->nmacros : 1, 1), c->nmacros };
	clang_visitChildren(clang_getTranslationUnitCursor(tu), probe_visit, &w);
	for (size_t i = 0; i < c->nmacros; i++) {
		const struct macro *m = &c->macros[i];
		if (is_include_guard(m) || w.gone[i])
			continue;
		if (m->function_like) {
			struct sb v = SB_INIT;
			sb_addf(&v, "function %s", m->params);
			add(c, "macro", m->name, sb_str(&v));
			sb_release(&v);
		} else if (m->body_tokens == 0) {
			add(c, "macro", m->name, "empty");
		} else if (w.values[probe_of[i]]) {
			add(c, "macro", m->name, w.values[probe_of[i]]);
		} else {
			/* Not a number: the tokens are what a program sees (attributes, strings,
			 * expressions of other types). */
			struct sb v = SB_INIT;
			sb_addf(&v, "tokens %s", m->body);
			add(c, "macro", m->name, sb_str(&v));
			sb_release(&v);
		}
	}
	for (size_t i = 0; i < nprobes; i++)
		free(w.values[i]);
	free(w.values);
	free(w.gone);
	free(bad);
	free(probe_of);
	clang_disposeTranslationUnit(tu);
	return 0;
}

int abi_extract(const struct extract_options *o, struct facts *out)
{
	struct ctx c;
	memset(&c, 0, sizeof(c));
	c.o = o;
	c.out = out;
	c.roots = xcalloc(o->n_include_dirs ? o->n_include_dirs : 1, sizeof(*c.roots));
	c.spelled = xcalloc(o->n_include_dirs ? o->n_include_dirs : 1, sizeof(*c.spelled));
	int rc = 0;
	for (size_t i = 0; i < o->n_include_dirs; i++) {
		c.roots[i] = realpath(o->include_dirs[i], NULL);
		c.spelled[i] = absolute(o->include_dirs[i]);
		if (!c.roots[i]) {
			struct loc at = { o->include_dirs[i], 0, 0 };
			rc = diag_error(&at, "include folder not found");
		}
		c.nroots++;
	}
	struct sb include_line = SB_INIT;
	sb_addf(&include_line, "#include <%s>\n", o->header ? o->header : "sel4/sel4.h");
	CXIndex idx = clang_createIndex(0, 0);
	CXTranslationUnit tu = rc ? NULL : parse(idx, o, sb_str(&include_line));
	if (!tu)
		rc = -1;
	if (tu && check_diagnostics(tu) != 0)
		rc = -1;
	if (rc == 0) {
		struct walk w = { &c, tu };
		clang_visitChildren(clang_getTranslationUnitCursor(tu), decl_visit, &w);
		rc = add_macros(&c, idx, sb_str(&include_line));
	}
	if (tu)
		clang_disposeTranslationUnit(tu);
	clang_disposeIndex(idx);
	sb_release(&include_line);
	for (size_t i = 0; i < c.nroots; i++) {
		free(c.roots[i]);
		free(c.spelled[i]);
	}
	free(c.roots);
	free(c.spelled);
	for (size_t i = 0; i < c.nfiles; i++)
		free(c.files[i].name);
	free(c.files);
	for (size_t i = 0; i < c.nmacros; i++) {
		free(c.macros[i].name);
		free(c.macros[i].params);
		free(c.macros[i].body);
	}
	free(c.macros);
	facts_canonicalize(out);
	return rc;
}
