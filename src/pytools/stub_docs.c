/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The doxygen comment seL4's stub generator writes above each stub, built from the method's
 * documentation elements as that generator reads them:
 *   @xmlonly <manual name=".." label=".."/> @endxmlonly     manual_name / manual_label, else
 *                                                          "<interface>_<method>" lowercased,
 *                                                          spaces to '_', '/' dropped, after
 *                                                          the api's label_prefix
 *   @brief @xmlonly BRIEF @endxmlonly                      the first <brief> below the method
 *   (blank) @xmlonly DESCRIPTION @endxmlonly (blank)       the first <description> below it
 *   @param[in] _service CAP_DESCRIPTION(+append_description of the first <cap_param>)
 *   @param[dir] name DESCRIPTION                           inputs, and outputs too big for a word
 *   @return ...  @retval NAME DESCRIPTION                  <return>, each <error>
 * "First below" is the first in document order among all descendants (so a method without its
 * own <description> takes its first parameter's, as the generator does).  Element content is
 * written back as XML the way Python's minidom writes it (attributes in document order, & < " >
 * escaped, empty elements as <x/>); descriptions have each line trimmed and blank lines at
 * either end dropped; parameter and error descriptions wrap elements in @xmlonly/@endxmlonly.
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xinclude.h>

#include "gen/iface/iface_internal.h"
#include "pytools/stub_docs.h"

static void escaped(struct sb *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': sb_adds(out, "&amp;"); break;
		case '<': sb_adds(out, "&lt;"); break;
		case '"': sb_adds(out, "&quot;"); break;
		case '>': sb_adds(out, "&gt;"); break;
		default: sb_addch(out, *s);
		}
	}
}

static void qname(struct sb *out, const xmlNode *n)
{
	if (n->ns && n->ns->prefix)
		sb_addf(out, "%s:", (const char *)n->ns->prefix);
	sb_adds(out, (const char *)n->name);
}

static void to_xml(struct sb *out, const xmlNode *n)
{
	switch (n->type) {
	case XML_TEXT_NODE:
		escaped(out, (const char *)n->content);
		break;
	case XML_CDATA_SECTION_NODE:
		sb_addf(out, "<![CDATA[%s]]>", (const char *)n->content);
		break;
	case XML_COMMENT_NODE:
		sb_addf(out, "<!--%s-->", (const char *)n->content);
		break;
	case XML_PI_NODE:
		sb_addf(out, "<?%s %s?>", (const char *)n->name, n->content ? (const char *)n->content : "");
		break;
	case XML_ELEMENT_NODE:
		sb_addch(out, '<');
		qname(out, n);
		for (const xmlAttr *at = n->properties; at; at = at->next) {
			xmlChar *v = xmlNodeListGetString(n->doc, at->children, 1);
			sb_addch(out, ' ');
			if (at->ns && at->ns->prefix)
				sb_addf(out, "%s:", (const char *)at->ns->prefix);
			sb_addf(out, "%s=\"", (const char *)at->name);
			escaped(out, (const char *)v);
			sb_addch(out, '"');
			xmlFree(v);
		}
		if (!n->children) {
			sb_adds(out, "/>");
			break;
		}
		sb_addch(out, '>');
		for (const xmlNode *c = n->children; c; c = c->next)
			to_xml(out, c);
		sb_adds(out, "</");
		qname(out, n);
		sb_addch(out, '>');
		break;
	default:
		break;
	}
}

static bool is_text(const xmlNode *n)
{
	return n->type == XML_TEXT_NODE;
}

static void contents(struct sb *out, const xmlNode *e, bool xmlonly)
{
	bool prev_element = false;
	for (const xmlNode *c = e->children; c; c = c->next) {
		if (c->type != XML_TEXT_NODE && c->type != XML_ELEMENT_NODE && c->type != XML_COMMENT_NODE &&
		    c->type != XML_CDATA_SECTION_NODE && c->type != XML_PI_NODE)
			continue;
		if (xmlonly) {
			if (is_text(c) && prev_element)
				sb_adds(out, " @endxmlonly ");
			else if (!is_text(c) && !prev_element)
				sb_adds(out, " @xmlonly ");
			prev_element = !is_text(c);
		}
		to_xml(out, c);
	}
}

static bool space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Each line trimmed, blank lines at both ends dropped. */
static void normalise(struct sb *out, const char *text)
{
	struct sb lines = SB_INIT;
	size_t first_nonblank = (size_t)-1, end_nonblank = 0;
	const char *p = text;
	while (1) {
		const char *eol = strchr(p, '\n');
		const char *e = eol ? eol : p + strlen(p);
		const char *s = p;
		while (s < e && space(*s))
			s++;
		while (e > s && space(e[-1]))
			e--;
		if (lines.len || p != text)
			sb_addch(&lines, '\n');
		size_t at = lines.len;
		sb_add(&lines, s, (size_t)(e - s));
		if (e > s) {
			if (first_nonblank == (size_t)-1)
				first_nonblank = at;
			end_nonblank = lines.len;
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	if (first_nonblank != (size_t)-1)
		sb_add(out, lines.buf + first_nonblank, end_nonblank - first_nonblank);
	sb_release(&lines);
}

static bool named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* The first descendant element named `name`, in document order. */
static const xmlNode *first_below(const xmlNode *e, const char *name)
{
	for (const xmlNode *c = e->children; c; c = c->next) {
		if (named(c, name))
			return c;
		const xmlNode *d = first_below(c, name);
		if (d)
			return d;
	}
	return NULL;
}

struct nodes {
	const xmlNode **items;
	size_t n, cap;
};

static void all_below(struct arena *a, const xmlNode *e, const char *name, struct nodes *out)
{
	for (const xmlNode *c = e->children; c; c = c->next) {
		if (named(c, name)) {
			out->items = arena_grow(a, out->items, &out->cap, out->n + 1, sizeof(*out->items));
			out->items[out->n++] = c;
		}
		all_below(a, c, name, out);
	}
}

static char *attr(const xmlNode *e, const char *name)
{
	return (char *)xmlGetProp(e, (const xmlChar *)name);
}

/* attribute `name` of e, "" when absent, as an arena string */
static const char *attr_or(struct arena *a, const xmlNode *e, const char *name, const char *dflt)
{
	char *v = attr(e, name);
	const char *r = arena_strdup(a, v && *v ? v : dflt);
	xmlFree(v);
	return r;
}

static void description_of(struct arena *a, struct sb *out, const xmlNode *e)
{
	const char *d = attr_or(a, e, "description", "");
	if (*d) {
		sb_adds(out, d);
		return;
	}
	const xmlNode *de = first_below(e, "description");
	if (de) {
		struct sb raw = SB_INIT;
		contents(&raw, de, true);
		normalise(out, sb_str(&raw));
		sb_release(&raw);
	}
}

static bool by_reference(const struct iface_types *t, const char *type)
{
	const struct iface_type *ty = iface_type_find(t, type);
	return ty && ty->size_bits > ty->word_bits && !ty->double_word;
}

static const char *method_doc(struct arena *a, const struct iface_types *types, const char *prefix, const xmlNode *iface,
			      const xmlNode *m)
{
	struct sb c = SB_INIT, tmp = SB_INIT;
	const char *iname = attr_or(a, iface, "name", "");
	const char *imanual = attr_or(a, iface, "manual_name", iname);
	const char *mname = attr_or(a, m, "name", "");
	const char *mmanual = attr_or(a, m, "manual_name", mname);
	const char *label = attr_or(a, m, "manual_label", "");
	sb_addf(&c, "@xmlonly <manual name=\"%s\" label=\"%s", mmanual, prefix);
	if (*label) {
		sb_adds(&c, label);
	} else {
		sb_reset(&tmp);
		sb_addf(&tmp, "%s_%s", imanual, mmanual);
		for (const char *p = sb_str(&tmp); *p; p++)
			if (*p == ' ')
				sb_addch(&c, '_');
			else if (*p != '/')
				sb_addch(&c, *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p);
	}
	sb_adds(&c, "\"/> @endxmlonly");
	const xmlNode *e = first_below(m, "brief");
	if (e) {
		sb_reset(&tmp);
		contents(&tmp, e, false);
		sb_adds(&c, "\n@brief @xmlonly ");
		normalise(&c, sb_str(&tmp));
		sb_adds(&c, " @endxmlonly");
	}
	if ((e = first_below(m, "description"))) {
		sb_reset(&tmp);
		contents(&tmp, e, false);
		sb_adds(&c, "\n\n@xmlonly\n");
		normalise(&c, sb_str(&tmp));
		sb_adds(&c, "\n@endxmlonly\n");
	}
	sb_addf(&c, "\n@param[in] _service %s", attr_or(a, iface, "cap_description", ""));
	if ((e = first_below(m, "cap_param")))
		sb_adds(&c, attr_or(a, e, "append_description", ""));
	struct nodes ps = { 0 };
	all_below(a, m, "param", &ps);
	bool result_struct = false;
	for (size_t i = 0; i < ps.n; i++) {
		const char *dir = attr_or(a, ps.items[i], "dir", "");
		bool ref = by_reference(types, attr_or(a, ps.items[i], "type", ""));
		if (!strcmp(dir, "out") && !ref)
			result_struct = true;
		if (strcmp(dir, "in") && !ref)
			continue;
		sb_addf(&c, "\n@param[%s] %s ", dir, attr_or(a, ps.items[i], "name", ""));
		description_of(a, &c, ps.items[i]);
		sb_addch(&c, ' ');
	}
	if ((e = first_below(m, "return"))) {
		sb_adds(&c, "\n@return @xmlonly ");
		contents(&c, e, false);
		sb_adds(&c, " @endxmlonly");
	} else {
		sb_adds(&c, result_struct ? "\n@return @xmlonly @endxmlonly" : "\n@return @xmlonly <errorenumdesc/> @endxmlonly");
	}
	struct nodes es = { 0 };
	all_below(a, m, "error", &es);
	for (size_t i = 0; i < es.n; i++) {
		sb_addf(&c, "\n@retval %s ", attr_or(a, es.items[i], "name", ""));
		description_of(a, &c, es.items[i]);
		sb_addch(&c, ' ');
	}
	/* Every line behind " * " in a C comment. */
	struct sb doc = SB_INIT;
	sb_adds(&doc, "/**\n * ");
	for (const char *p = sb_str(&c); *p; p++) {
		sb_addch(&doc, *p);
		if (*p == '\n')
			sb_adds(&doc, " * ");
	}
	sb_adds(&doc, "\n */");
	const char *r = arena_strdup(a, sb_str(&doc));
	sb_release(&doc);
	sb_release(&c);
	sb_release(&tmp);
	return r;
}

int stub_docs_attach(struct arena *a, struct iface_api *api, const char *path, const char *sel4_arch, bool mcs, bool vtx64)
{
	struct iface_types types;
	if (iface_types_init(&types, a, sel4_arch, mcs, vtx64) != 0)
		return diag_error(NULL, "no stub type table for sel4_arch '%s'", sel4_arch);
	xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!doc || xmlXIncludeProcessFlags(doc, XML_PARSE_NONET) < 0) {
		xmlFreeDoc(doc);
		struct loc at = { path, 0, 0 };
		return diag_error(&at, "cannot read the interface definitions again for their documentation");
	}
	int rc = 0;
	const xmlNode *root = xmlDocGetRootElement(doc);
	struct nodes apis = { 0 }, ifaces = { 0 };
	if (root && named(root, "api"))
		apis.n = 1, apis.items = &root;
	else if (root)
		all_below(a, root, "api", &apis);
	const char *prefix = apis.n ? attr_or(a, apis.items[0], "label_prefix", "") : "";
	if (root && named(root, "interface"))
		ifaces.n = 1, ifaces.items = &root;
	else if (root)
		all_below(a, root, "interface", &ifaces);
	if (ifaces.n != api->ninterfaces)
		rc = -1;
	for (size_t i = 0; !rc && i < ifaces.n; i++) {
		struct nodes ms = { 0 };
		all_below(a, ifaces.items[i], "method", &ms);
		if (ms.n != api->interfaces[i].nmethods) {
			rc = -1;
			break;
		}
		for (size_t j = 0; j < ms.n; j++)
			api->interfaces[i].methods[j].doc = method_doc(a, &types, prefix, ifaces.items[i], ms.items[j]);
	}
	xmlFreeDoc(doc);
	if (rc) {
		struct loc at = { path, 0, 0 };
		diag_error(&at, "the interfaces and methods found for documentation do not match those loaded");
	}
	return rc;
}
