/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reading the interface XML with libxml2 into the iface model.  Everything libxml2 allocates is
 * copied into the arena and freed before returning.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xinclude.h>
#include <string.h>

#include "iface.h"

struct xml_ctx {
	struct arena *a;
	const char *path;
	int failed;
};

static const char *name_of(const xmlNode *n)
{
	return (const char *)n->name;
}

static bool is_element(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && (!name || !strcmp(name_of(n), name));
}

/* The file a node came from: XInclude leaves a start marker (holding the xi:include element)
 * before the nodes it brought in, so the innermost unclosed marker names the file. */
static const char *node_file(struct xml_ctx *x, xmlNode *n)
{
	for (xmlNode *up = n; up; up = up->parent) {
		for (xmlNode *s = up->prev; s; s = s->prev) {
			if (s->type == XML_XINCLUDE_END)
				break;
			if (s->type != XML_XINCLUDE_START)
				continue;
			/* xmlGetProp() only reads element nodes: read the marker's attribute directly. */
			xmlChar *href = NULL;
			for (xmlAttr *p = s->properties; p && !href; p = p->next)
				if (!strcmp((const char *)p->name, "href") && p->children)
					href = xmlNodeGetContent(p->children);
			xmlChar *base = xmlNodeGetBase(s->doc, s);
			xmlChar *uri = href ? xmlBuildURI(href, base) : NULL;
			const char *path = uri ? arena_strdup(x->a, (const char *)uri) : x->path;
			xmlFree(uri);
			xmlFree(base);
			xmlFree(href);
			return path;
		}
	}
	return x->path;
}

static struct loc node_loc(struct xml_ctx *x, xmlNode *n)
{
	return (struct loc){ node_file(x, n), (unsigned)xmlGetLineNo(n), 0 };
}

/* The attribute's value copied into the arena; NULL when absent. */
static const char *attr(struct xml_ctx *x, xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	const char *s = arena_strdup(x->a, (const char *)v);
	xmlFree(v);
	return s;
}

static const char *required_attr(struct xml_ctx *x, xmlNode *n, const char *name)
{
	const char *v = attr(x, n, name);
	if (!v || !*v) {
		struct loc at = node_loc(x, n);
		diag_error(&at, "<%s> needs a non-empty '%s' attribute", name_of(n), name);
		x->failed = 1;
		return NULL;
	}
	return v;
}

/* Depth-first, document-order search for descendants named `name` (DOM getElementsByTagName). */
static void collect(xmlNode *n, const char *name, xmlNode ***out, size_t *len, size_t *cap, struct arena *a)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (!is_element(c, NULL))
			continue;
		if (!strcmp(name_of(c), name)) {
			*out = arena_grow(a, *out, cap, *len + 1, sizeof(**out));
			(*out)[(*len)++] = c;
		}
		collect(c, name, out, len, cap, a);
	}
}

struct nodes {
	xmlNode **items;
	size_t len, cap;
};

static struct nodes descendants(struct xml_ctx *x, xmlNode *n, const char *name)
{
	struct nodes r = { 0 };
	collect(n, name, &r.items, &r.len, &r.cap, x->a);
	return r;
}

/* condition-expr = <config var=V/> | <not> expr </not> | <and> expr* </and> | <or> expr* </or> */
static struct iface_cond *parse_cond_expr(struct xml_ctx *x, xmlNode *n)
{
	struct iface_cond *c = arena_alloc(x->a, sizeof(*c));
	struct loc at = node_loc(x, n);
	if (is_element(n, "config")) {
		c->kind = IFACE_COND_CONFIG;
		c->var = required_attr(x, n, "var");
		return c->var ? c : NULL;
	}
	if (is_element(n, "not"))
		c->kind = IFACE_COND_NOT;
	else if (is_element(n, "and"))
		c->kind = IFACE_COND_AND;
	else if (is_element(n, "or"))
		c->kind = IFACE_COND_OR;
	else {
		diag_error(&at, "unknown element <%s> in a condition (expected config, not, and, or)", name_of(n));
		x->failed = 1;
		return NULL;
	}
	size_t cap = 0;
	for (xmlNode *k = n->children; k; k = k->next) {
		if (!is_element(k, NULL))
			continue;
		struct iface_cond *kid = parse_cond_expr(x, k);
		if (!kid)
			return NULL;
		c->kids = arena_grow(x->a, c->kids, &cap, c->nkids + 1, sizeof(*c->kids));
		c->kids[c->nkids++] = kid;
	}
	if (c->kind == IFACE_COND_NOT && c->nkids != 1) {
		diag_error(&at, "<not> takes exactly one operand, not %zu", c->nkids);
		x->failed = 1;
		return NULL;
	}
	return c;
}

/* The condition of an element: at most one <condition> below it, holding at most one expression. */
static const struct iface_cond *parse_condition(struct xml_ctx *x, xmlNode *owner)
{
	struct nodes conds = descendants(x, owner, "condition");
	if (conds.len == 0)
		return NULL;
	if (conds.len > 1) {
		struct loc at = node_loc(x, conds.items[1]);
		diag_error(&at, "<%s> has more than one <condition>", name_of(owner));
		x->failed = 1;
		return NULL;
	}
	xmlNode *expr = NULL;
	for (xmlNode *k = conds.items[0]->children; k; k = k->next) {
		if (!is_element(k, NULL))
			continue;
		if (expr) {
			struct loc at = node_loc(x, k);
			diag_error(&at, "<condition> holds more than one expression; combine them with <and> or <or>");
			x->failed = 1;
			return NULL;
		}
		expr = k;
	}
	return expr ? parse_cond_expr(x, expr) : NULL;
}

void iface_cond_to_cpp(struct sb *out, const struct iface_cond *c)
{
	switch (c->kind) {
	case IFACE_COND_CONFIG:
		sb_addf(out, "defined(%s)", c->var);
		break;
	case IFACE_COND_NOT:
		sb_addch(out, '!');
		iface_cond_to_cpp(out, c->kids[0]);
		break;
	case IFACE_COND_AND:
	case IFACE_COND_OR:
		sb_addch(out, '(');
		for (size_t i = 0; i < c->nkids; i++) {
			if (i)
				sb_adds(out, c->kind == IFACE_COND_AND ? " && " : " || ");
			iface_cond_to_cpp(out, c->kids[i]);
		}
		sb_addch(out, ')');
		break;
	}
}

/* libxml2 reports through a callback: keep its first error for our own message. */
static void keep_first_error(void *ctx, xmlErrorPtr e)
{
	xmlError *first = ctx;
	if (!first->message && e && e->level >= XML_ERR_ERROR)
		xmlCopyError(e, first);
}

/* The document, its XIncludes done (*included counts the files they brought in). */
static xmlDoc *read_doc(const char *path, int *included_files)
{
	struct loc at = { path, 0, 0 };
	xmlError first;
	memset(&first, 0, sizeof(first));
	xmlSetStructuredErrorFunc(&first, keep_first_error);
	xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT);
	int included = doc ? xmlXIncludeProcessFlags(doc, XML_PARSE_NONET) : 0;
	*included_files = included > 0 ? included : 0;
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!doc || included < 0) {
		if (first.file && strcmp(first.file, path))
			at.path = first.file;
		at.line = first.line > 0 ? (unsigned)first.line : 0;
		at.col = first.int2 > 0 ? (unsigned)first.int2 : 0;
		struct sb msg = SB_INIT;
		sb_adds(&msg, first.message ? first.message : "cannot read the file");
		while (msg.len && (msg.buf[msg.len - 1] == '\n' || msg.buf[msg.len - 1] == ' '))
			msg.buf[--msg.len] = '\0';
		diag_error(&at, "%s: %s", doc ? "XInclude failed" : "invalid XML", sb_str(&msg));
		sb_release(&msg);
		xmlResetError(&first);
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlResetError(&first);
	return doc;
}

static void load_method(struct xml_ctx *x, xmlNode *m, struct iface_method *out)
{
	out->at = node_loc(x, m);
	out->id = required_attr(x, m, "id");
	out->name = required_attr(x, m, "name");
	const char *dup = attr(x, m, "duplicate");
	out->duplicate = dup && (!strcmp(dup, "true") || !strcmp(dup, "1"));
	out->cond = parse_condition(x, m);
	struct nodes params = descendants(x, m, "param");
	out->params = arena_alloc(x->a, (params.len + 1) * sizeof(*out->params));
	for (size_t i = 0; i < params.len; i++) {
		struct iface_param *p = &out->params[out->nparams++];
		p->at = node_loc(x, params.items[i]);
		p->name = required_attr(x, params.items[i], "name");
		p->type = required_attr(x, params.items[i], "type");
		const char *dir = required_attr(x, params.items[i], "dir");
		if (dir && strcmp(dir, "in") && strcmp(dir, "out")) {
			diag_error(&p->at, "parameter '%s' has dir=\"%s\" (expected \"in\" or \"out\")", p->name ? p->name : "?", dir);
			x->failed = 1;
		}
		p->out = dir && !strcmp(dir, "out");
	}
}

struct iface_api *iface_load_api(struct arena *a, const char *path)
{
	int included;
	xmlDoc *doc = read_doc(path, &included);
	if (!doc)
		return NULL;
	struct xml_ctx x = { .a = a, .path = arena_strdup(a, path) };
	struct iface_api *api = arena_alloc(a, sizeof(*api));
	api->path = x.path;
	api->included = included;
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || !is_element(root, "api")) {
		struct loc at = { x.path, root ? (unsigned)xmlGetLineNo(root) : 0, 0 };
		diag_error(&at, "the root element must be <api>, not <%s>", root ? name_of(root) : "(none)");
		xmlFreeDoc(doc);
		return NULL;
	}
	struct nodes structs = descendants(&x, root, "struct");
	api->structs = arena_alloc(a, (structs.len + 1) * sizeof(*api->structs));
	for (size_t i = 0; i < structs.len; i++) {
		struct iface_struct *s = &api->structs[api->nstructs++];
		s->at = node_loc(&x, structs.items[i]);
		s->name = required_attr(&x, structs.items[i], "name");
		struct nodes members = descendants(&x, structs.items[i], "member");
		s->members = arena_alloc(a, (members.len + 1) * sizeof(*s->members));
		for (size_t j = 0; j < members.len; j++)
			s->members[s->nmembers++] = required_attr(&x, members.items[j], "name");
	}
	struct nodes ifaces = descendants(&x, root, "interface");
	api->interfaces = arena_alloc(a, (ifaces.len + 1) * sizeof(*api->interfaces));
	for (size_t i = 0; i < ifaces.len; i++) {
		struct iface_interface *in = &api->interfaces[api->ninterfaces++];
		in->at = node_loc(&x, ifaces.items[i]);
		in->name = required_attr(&x, ifaces.items[i], "name");
		struct nodes methods = descendants(&x, ifaces.items[i], "method");
		in->methods = arena_alloc(a, (methods.len + 1) * sizeof(*in->methods));
		for (size_t j = 0; j < methods.len; j++)
			load_method(&x, methods.items[j], &in->methods[in->nmethods++]);
	}
	/* A method outside any interface would be numbered by the kernel but get no stub. */
	struct nodes all = descendants(&x, root, "method");
	size_t counted = 0;
	for (size_t i = 0; i < api->ninterfaces; i++)
		counted += api->interfaces[i].nmethods;
	if (all.len != counted) {
		struct loc at = { x.path, 0, 0 };
		diag_error(&at, "%zu <method> elements are outside any <interface>", all.len - counted);
		x.failed = 1;
	}
	xmlFreeDoc(doc);
	return x.failed ? NULL : api;
}

/* <api-master|api-mcs|debug> <config> <condition/>? <syscall name=N/>* </config>* </...> */
static struct iface_syscall_group *load_groups(struct xml_ctx *x, xmlNode *block, size_t *n)
{
	struct nodes configs = descendants(x, block, "config");
	/* <config var=...> inside a <condition> is a condition leaf, not a group. */
	struct iface_syscall_group *groups = arena_alloc(x->a, (configs.len + 1) * sizeof(*groups));
	*n = 0;
	for (size_t i = 0; i < configs.len; i++) {
		xmlNode *c = configs.items[i];
		if (!c->parent || !is_element(c->parent, name_of(block)))
			continue;
		struct iface_syscall_group *g = &groups[(*n)++];
		g->at = node_loc(x, c);
		g->cond = parse_condition(x, c);
		struct nodes calls = descendants(x, c, "syscall");
		g->names = arena_alloc(x->a, (calls.len + 1) * sizeof(*g->names));
		for (size_t j = 0; j < calls.len; j++)
			g->names[g->nnames++] = required_attr(x, calls.items[j], "name");
	}
	return groups;
}

struct iface_syscalls *iface_load_syscalls(struct arena *a, const char *path)
{
	int included;
	xmlDoc *doc = read_doc(path, &included);
	if (!doc)
		return NULL;
	struct xml_ctx x = { .a = a, .path = arena_strdup(a, path) };
	struct iface_syscalls *s = arena_alloc(a, sizeof(*s));
	s->included = included;
	xmlNode *root = xmlDocGetRootElement(doc);
	xmlNode *master = NULL, *mcs = NULL, *debug = NULL;
	for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		xmlNode **slot = is_element(c, "api-master") ? &master : is_element(c, "api-mcs") ? &mcs : is_element(c, "debug") ? &debug : NULL;
		if (!slot)
			continue;
		if (*slot) {
			struct loc at = node_loc(&x, c);
			diag_error(&at, "more than one <%s> element", name_of(c));
			x.failed = 1;
		}
		*slot = c;
	}
	if (!root || !is_element(root, "syscalls") || !master || !mcs) {
		struct loc at = { x.path, 0, 0 };
		diag_error(&at, "expected <syscalls> holding <api-master>, <api-mcs> and <debug>");
		xmlFreeDoc(doc);
		return NULL;
	}
	s->master = load_groups(&x, master, &s->nmaster);
	s->mcs = load_groups(&x, mcs, &s->nmcs);
	if (debug)
		s->debug = load_groups(&x, debug, &s->ndebug);
	/* The API blocks are numbered unconditionally: one unnamed, unconditional group each. */
	const struct {
		struct iface_syscall_group *g;
		size_t n;
		const char *what;
	} apis[] = { { s->master, s->nmaster, "api-master" }, { s->mcs, s->nmcs, "api-mcs" } };
	for (size_t i = 0; i < 2; i++) {
		if (apis[i].n != 1 || apis[i].g[0].cond) {
			struct loc at = { x.path, apis[i].n ? apis[i].g[0].at.line : 0, 0 };
			diag_error(&at, "<%s> must hold exactly one <config> without a condition", apis[i].what);
			x.failed = 1;
		}
	}
	xmlFreeDoc(doc);
	return x.failed ? NULL : s;
}
