/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The client stubs (interfaces/sel4_client.h): one function per interface method that marshals
 * its arguments into a message, performs seL4_Call and unmarshals the reply, by the kernel's
 * rules:
 *  - the first cap parameter is the invoked object (_service); other caps go through the
 *    extra-caps slots (seL4_SetCap), counted in the message info;
 *  - data parameters are packed least-significant-first, each aligned to min(its size, a word);
 *    a 64-bit value on a 32-bit target takes two words, low word first; a multi-word struct is
 *    passed by pointer and sent one member per word; a bitfield type sends its words;
 *  - the first N words travel in registers (seL4_CallWithMRs), the rest in the IPC buffer; with
 *    the IPC-buffer-only option every word goes through the buffer;
 *  - the reply's label is the error; on error the register words are written back into the IPC
 *    buffer so the caller can read the kernel's error details there;
 *  - outputs that fit in words come back in a result struct, larger ones through pointers.
 */
#include <string.h>

#include "iface_internal.h"

#define MAX_MESSAGE_WORDS 64

struct param {
	const char *name;
	const struct iface_type *type;
	const struct iface_struct *members; /* IFACE_TYPE_STRUCT */
};

struct method {
	const char *iface, *name, *id;
	const char *doc;
	const struct iface_cond *cond;
	struct param *in, *out;
	size_t nin, nout;
};

struct stub_ctx {
	struct arena *a;
	const struct iface_types *types;
	const struct iface_api *const *apis;
	size_t napis;
	const struct iface_stub_options *opt;
	unsigned mrs; /* words passed in registers */
};

static const char *hex(struct arena *a, unsigned long long v)
{
	return arena_printf(a, "0x%llx", v);
}

static const struct iface_struct *find_struct(const struct stub_ctx *c, const char *name)
{
	for (size_t i = 0; i < c->napis; i++)
		for (size_t j = 0; j < c->apis[i]->nstructs; j++)
			if (!strcmp(c->apis[i]->structs[j].name, name))
				return &c->apis[i]->structs[j];
	return NULL;
}

static unsigned long align_up(unsigned long x, unsigned a)
{
	return x % a ? x + a - x % a : x;
}

/* Bit positions of parameters packed one after another; *end (if asked) is the first bit after. */
static unsigned long *positions(struct arena *a, const struct param *p, size_t n, unsigned word, unsigned long *end)
{
	unsigned long *first = arena_alloc(a, (n + 1) * sizeof(*first));
	unsigned long used = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned size = p[i].type->size_bits;
		used = align_up(used, size < word ? size : word);
		first[i] = used;
		used += size;
	}
	if (end)
		*end = used;
	return first;
}

static const char *member(const struct param *p, unsigned i)
{
	return p->members && i < p->members->nmembers ? p->members->members[i] : "?";
}

/* Expressions for each message word, each an OR of the parameter pieces that land in it. */
static size_t marshal(struct stub_ctx *c, const struct param *p, size_t n, struct sb *words)
{
	unsigned w = c->types->word_bits;
	unsigned long *first = positions(c->a, p, n, w, NULL);
	const char *suffix = w == 32 ? "ul" : "ull";
	for (size_t i = 0; i < n; i++) {
		const struct iface_type *t = p[i].type;
		unsigned word = (unsigned)(first[i] / w), offset = (unsigned)(first[i] % w);
		struct sb piece[2] = { SB_INIT, SB_INIT };
		unsigned npieces = 1;
		if (t->double_word) {
			sb_addf(&piece[0], "(seL4_Uint64) %s", p[i].name);
			sb_addf(&piece[1], "(seL4_Uint64) (%s >> %u)", p[i].name, w);
			npieces = 2;
		} else if (t->size_bits == w) {
			if (t->kind == IFACE_TYPE_BITFIELD)
				sb_addf(&piece[0], "%s.words[0]", p[i].name);
			else
				sb_adds(&piece[0], p[i].name);
		} else if (t->size_bits < w) {
			const char *e = t->kind == IFACE_TYPE_BITFIELD ? arena_printf(c->a, "%s.words[0]", p[i].name) : p[i].name;
			if (offset)
				sb_addf(&piece[0], "((%s & %s%s) << %u)", e, hex(c->a, (1ull << t->size_bits) - 1), suffix, offset);
			else
				sb_addf(&piece[0], "(%s & %s%s)", e, hex(c->a, (1ull << t->size_bits) - 1), suffix);
		} else {
			unsigned nw = t->size_bits / w;
			for (unsigned k = 0; k < nw; k++) {
				struct sb *dst = &words[word + k];
				if (dst->len)
					sb_adds(dst, " | ");
				if (t->kind == IFACE_TYPE_BITFIELD)
					sb_addf(dst, "%s.words[%u]", p[i].name, k);
				else
					sb_addf(dst, "%s->%s", p[i].name, member(&p[i], k));
			}
			continue;
		}
		for (unsigned k = 0; k < npieces; k++) {
			struct sb *dst = &words[word + k];
			if (dst->len)
				sb_adds(dst, " | ");
			sb_add(dst, piece[k].buf ? piece[k].buf : "", piece[k].len);
			sb_release(&piece[k]);
		}
	}
	size_t count = 0;
	for (size_t i = 0; i < MAX_MESSAGE_WORDS; i++)
		if (words[i].len)
			count = i + 1;
	return count;
}

static const char *source_word(struct stub_ctx *c, unsigned i)
{
	if (i < c->mrs)
		return arena_printf(c->a, "mr%u", i);
	return arena_printf(c->a, "seL4_GetMR(%u)", i);
}

static bool needs_result_struct(const struct method *m)
{
	for (size_t i = 0; i < m->nout; i++)
		if (!iface_type_by_reference(m->out[i].type))
			return true;
	return false;
}

static void emit_result_struct(struct sb *out, const struct method *m)
{
	if (!needs_result_struct(m))
		return;
	sb_addf(out, "struct %s_%s {\n\tint error;\n", m->iface, m->name);
	for (size_t i = 0; i < m->nout; i++)
		if (!iface_type_by_reference(m->out[i].type))
			sb_addf(out, "\t%s %s;\n", m->out[i].type->name, m->out[i].name);
	sb_addf(out, "};\ntypedef struct %s_%s %s_%s_t;\n\n", m->iface, m->name, m->iface, m->name);
}

static void emit_param_list(struct sb *out, const struct method *m)
{
	const char *sep = "";
	for (size_t i = 0; i < m->nin; i++) {
		bool ref = iface_type_by_reference(m->in[i].type);
		sb_addf(out, "%s%s %s%s", sep, m->in[i].type->name, ref ? "*" : "", m->in[i].name);
		sep = ", ";
	}
	for (size_t i = 0; i < m->nout; i++) {
		if (!iface_type_by_reference(m->out[i].type))
			continue;
		sb_addf(out, "%s%s *%s", sep, m->out[i].type->name, m->out[i].name);
		sep = ", ";
	}
}

static void emit_unmarshal(struct stub_ctx *c, struct sb *out, const struct method *m)
{
	unsigned w = c->types->word_bits;
	unsigned long *first = positions(c->a, m->out, m->nout, w, NULL);
	/* ReadRegisters copies the registers beyond the first few in a loop bounded by `count`. */
	bool read_loop = c->opt->registers_by_count && !strcmp(m->name, "ReadRegisters") && c->mrs >= 2;
	sb_adds(out, "\t/* Unmarshal result. */\n");
	for (size_t i = 0; i < m->nout; i++) {
		const struct param *p = &m->out[i];
		const struct iface_type *t = p->type;
		unsigned word = (unsigned)(first[i] / w), offset = (unsigned)(first[i] % w);
		if (iface_type_by_reference(t)) {
			unsigned nw = t->size_bits / w;
			if (read_loop) {
				for (unsigned k = 0; k < c->mrs; k++)
					sb_addf(out, "\t%s->%s = %s;\n", p->name, member(p, k), source_word(c, word + k));
				sb_addf(out, "\tfor (seL4_Word i = %u; i < count; i++) {\n", c->mrs);
				sb_addf(out, "\t\t((seL4_Word *) &%s->%s)[i - %u] = seL4_GetMR(i);\n", p->name, member(p, c->mrs), c->mrs);
				sb_adds(out, "\t}\n");
			} else {
				for (unsigned k = 0; k < nw; k++)
					sb_addf(out, "\t%s->%s = %s;\n", p->name, member(p, k), source_word(c, word + k));
			}
		} else if (t->double_word) {
			sb_addf(out, "\tresult.%s = ((seL4_Uint64)%s + ((seL4_Uint64)%s << 32));\n", p->name,
				source_word(c, word), source_word(c, word + 1));
		} else if (t->size_bits == w) {
			sb_addf(out, "\tresult.%s = %s;\n", p->name, source_word(c, word));
		} else if (offset == 0) {
			sb_addf(out, "\tresult.%s = (%s & %s);\n", p->name, source_word(c, word), hex(c->a, (1ull << t->size_bits) - 1));
		} else {
			sb_addf(out, "\tresult.%s = (%s >> %u) & %s;\n", p->name, source_word(c, word), offset,
				hex(c->a, (1ull << t->size_bits) - 1));
		}
	}
}

static void emit_stub(struct stub_ctx *c, struct sb *out, const struct method *m)
{
	bool buffer_only = c->opt->ipc_buffer_only;
	bool with_struct = needs_result_struct(m);
	const char *ret = with_struct ? arena_printf(c->a, "%s_%s_t", m->iface, m->name) : "seL4_Error";

	/* Caps after _service go through the extra-caps slots; data goes into message words. */
	struct param *data = arena_alloc(c->a, (m->nin + 1) * sizeof(*data));
	const char **caps = arena_alloc(c->a, (m->nin + 1) * sizeof(*caps));
	size_t ndata = 0, ncaps = 0;
	for (size_t i = 0; i < m->nin; i++) {
		if (m->in[i].type->kind == IFACE_TYPE_CAP)
			caps[ncaps++] = m->in[i].name;
		else
			data[ndata++] = m->in[i];
	}
	struct sb words[MAX_MESSAGE_WORDS + 2];
	memset(words, 0, sizeof(words));
	size_t nwords = marshal(c, data, ndata, words);

	sb_addf(out, "LIBSEL4_INLINE %s\n%s_%s(", ret, m->iface, m->name);
	emit_param_list(out, m);
	sb_adds(out, ")\n{\n");
	sb_addf(out, "\t%s result;\n", ret);
	sb_addf(out, "\tseL4_MessageInfo_t tag = seL4_MessageInfo_new(%s, 0, %zu, %zu);\n", m->id, ncaps - 1, nwords);
	sb_adds(out, "\tseL4_MessageInfo_t output_tag;\n");
	for (unsigned i = 0; i < c->mrs; i++)
		sb_addf(out, "\tseL4_Word mr%u;\n", i);
	sb_adds(out, "\n");
	if (ncaps > 1) {
		sb_adds(out, "\t/* Setup input capabilities. */\n");
		for (size_t i = 1; i < ncaps; i++)
			sb_addf(out, "\tseL4_SetCap(%zu, %s);\n", i - 1, caps[i]);
		sb_adds(out, "\n");
	}
	if (c->mrs > 0 || nwords > 0) {
		sb_adds(out, "\t/* Marshal and initialise parameters. */\n");
		for (unsigned i = 0; i < c->mrs; i++)
			sb_addf(out, "\tmr%u = %s;\n", i, i < nwords ? sb_str(&words[i]) : "0");
		/* WriteRegisters sends only `count` registers: the buffered ones go in a loop. */
		if (c->opt->registers_by_count && !strcmp(m->name, "WriteRegisters") && !strcmp(m->iface, "seL4_TCB") &&
		    c->mrs >= 2) {
			unsigned by_mrs = c->mrs - 2;
			sb_addf(out, "\tfor (seL4_Word i = %u; i < count; i++) {\n", by_mrs);
			sb_addf(out, "\t\tseL4_SetMR(i + 2, ((seL4_Word*)&%s)[i - %u]);\n", sb_str(&words[c->mrs]), by_mrs);
			sb_adds(out, "\t}\n\n");
		} else {
			for (size_t i = c->mrs; i < nwords; i++)
				sb_addf(out, "\tseL4_SetMR(%zu, %s);\n", i, sb_str(&words[i]));
			sb_adds(out, "\n");
		}
	}
	for (size_t i = 0; i < MAX_MESSAGE_WORDS + 2; i++)
		sb_release(&words[i]);

	if (buffer_only) {
		sb_adds(out, "\t/* Perform the call. */\n");
		sb_addf(out, "\toutput_tag = seL4_Call(%s, tag);\n", caps[0]);
	} else {
		sb_adds(out, "\t/* Perform the call, passing in-register arguments directly. */\n");
		sb_addf(out, "\toutput_tag = seL4_CallWithMRs(%s, tag,\n\t\t", caps[0]);
		for (unsigned i = 0; i < c->mrs; i++)
			sb_addf(out, "%s&mr%u", i ? ", " : "", i);
		sb_adds(out, ");\n");
	}
	const char *label = with_struct ? "result.error" : "result";
	sb_addf(out, "\t%s =%s seL4_MessageInfo_get_label(output_tag);\n\n", label, with_struct ? "" : " (seL4_Error)");
	if (!buffer_only) {
		sb_adds(out, "\t/* Unmarshal registers into IPC buffer on error. */\n");
		sb_addf(out, "\tif (%s != seL4_NoError) {\n", label);
		for (unsigned i = 0; i < c->mrs; i++)
			sb_addf(out, "\t\tseL4_SetMR(%u, mr%u);\n", i, i);
		sb_adds(out, "#ifdef CONFIG_KERNEL_INVOCATION_REPORT_ERROR_IPC\n"
			     "\t\tif (seL4_CanPrintError()) {\n"
			     "\t\t\tseL4_DebugPutString(seL4_GetDebugError());\n"
			     "\t\t}\n"
			     "#endif\n");
		if (with_struct)
			sb_adds(out, "\t\treturn result;\n");
		sb_adds(out, "\t}\n\n");
	}
	if (m->nout)
		emit_unmarshal(c, out, m);
	sb_adds(out, "\treturn result;\n}\n");
}

/* The message words a method's data inputs take.  seL4's stub generator marshals into a table
 * of MAX_MESSAGE_WORDS less the register words (a method needing more is an error there too);
 * emit_stub's words array is as large. */
static unsigned long input_words(struct stub_ctx *c, const struct method *m)
{
	struct param *data = arena_alloc(c->a, (m->nin + 1) * sizeof(*data));
	size_t ndata = 0;
	for (size_t i = 0; i < m->nin; i++)
		if (m->in[i].type->kind != IFACE_TYPE_CAP)
			data[ndata++] = m->in[i];
	unsigned w = c->types->word_bits;
	unsigned long end;
	positions(c->a, data, ndata, w, &end);
	return (end + w - 1) / w;
}

/* Resolve every parameter's type; -1 after reporting the unknown ones. */
static int collect_methods(struct stub_ctx *c, struct method **out, size_t *n)
{
	size_t total = 0;
	for (size_t i = 0; i < c->napis; i++)
		for (size_t j = 0; j < c->apis[i]->ninterfaces; j++)
			total += c->apis[i]->interfaces[j].nmethods;
	struct method *ms = arena_alloc(c->a, (total + 1) * sizeof(*ms));
	int status = 0;
	*n = 0;
	for (size_t i = 0; i < c->napis; i++) {
		for (size_t j = 0; j < c->apis[i]->ninterfaces; j++) {
			const struct iface_interface *in = &c->apis[i]->interfaces[j];
			struct iface_type *service = iface_type_find(c->types, in->name);
			if (!service || service->kind != IFACE_TYPE_CAP) {
				diag_error(&in->at, "interface '%s' is not a known capability type for %s", in->name, c->opt->sel4_arch);
				status = -1;
				continue;
			}
			service->used = true;
			for (size_t k = 0; k < in->nmethods; k++) {
				const struct iface_method *im = &in->methods[k];
				struct method *m = &ms[(*n)++];
				m->iface = in->name;
				m->name = im->name;
				m->id = im->id;
				m->doc = im->doc;
				m->cond = im->cond;
				m->in = arena_alloc(c->a, (im->nparams + 2) * sizeof(*m->in));
				m->out = arena_alloc(c->a, (im->nparams + 1) * sizeof(*m->out));
				m->in[m->nin++] = (struct param){ "_service", service, NULL };
				for (size_t p = 0; p < im->nparams; p++) {
					const struct iface_param *ip = &im->params[p];
					struct iface_type *t = iface_type_find(c->types, ip->type);
					if (!t) {
						diag_error(&ip->at, "parameter '%s' of %s_%s has unknown type '%s'", ip->name, in->name,
							   im->name, ip->type);
						status = -1;
						continue;
					}
					t->used = true;
					struct param pr = { ip->name, t, NULL };
					if (t->kind == IFACE_TYPE_STRUCT) {
						pr.members = find_struct(c, t->name);
						if (!pr.members || pr.members->nmembers < t->size_bits / t->word_bits) {
							diag_error(&ip->at, "struct '%s' needs %u <member> entries for %s", t->name,
								   t->size_bits / t->word_bits, c->opt->sel4_arch);
							status = -1;
						}
					}
					if (ip->out)
						m->out[m->nout++] = pr;
					else
						m->in[m->nin++] = pr;
				}
				unsigned long words = status == 0 ? input_words(c, m) : 0;
				if (words > MAX_MESSAGE_WORDS - c->mrs) {
					diag_error(&im->at, "the inputs of %s_%s take %lu message words; the stubs can marshal %u",
						   in->name, im->name, words, MAX_MESSAGE_WORDS - c->mrs);
					status = -1;
				}
			}
		}
	}
	*out = ms;
	return status;
}

int iface_emit_stubs(struct sb *out, struct arena *a, const struct iface_api *const *apis, size_t napis,
		     const struct iface_stub_options *opt)
{
	struct iface_types types;
	if (iface_types_init(&types, a, opt->sel4_arch, opt->mcs, opt->x86_vtx_64bit_guests) != 0)
		return diag_error(NULL, "no stub type table for sel4_arch '%s'", opt->sel4_arch);
	struct stub_ctx c = { a, &types, apis, napis, opt, opt->ipc_buffer_only ? 0 : types.message_registers };
	struct method *ms;
	size_t n;
	if (collect_methods(&c, &ms, &n) != 0)
		return -1;

	bool st = opt->sel4_text;
	sb_adds(out, st ? "\n/*\n * Automatically generated system call stubs.\n */\n\n" : "/* Generated by selfe from seL4's interface definitions. Do not edit. */\n");
	sb_adds(out, "#pragma once\n\n"
		     "#include <sel4/config.h>\n#include <sel4/types.h>\n#include <sel4/sel4_arch/constants.h>\n\n");
	sb_adds(out, st ? "/*\n * The following code generates a compile-time error if the system call\n"
			  " * stub generator has an incorrect understanding of how large a type is.\n *\n"
			  " * If you receive a compile-time error here, you will need to adjust\n"
			  " * the type information in the stub generator.\n */\n"
			: "/* Every type size the marshalling relies on, checked against the compiler (the basic\n"
			  " * integer types and each type the interface definitions name). */\n");
	sb_adds(out, "#define assert_size_correct(type, expected_bytes) \\\n"
			  "        typedef unsigned long __type_##type##_size_incorrect[ \\\n"
			  "                (sizeof(type) == expected_bytes) ? 1 : -1]\n\n");
	for (size_t i = 0; i < types.len; i++)
		if (types.items[i].basic || types.items[i].used)
			sb_addf(out, "assert_size_correct(%s, %u);\n", types.items[i].name, types.items[i].native_bits / 8);
	sb_adds(out, st ? "\n/*\n * Return types for generated methods.\n */\n" : "\n/* Return types of the stubs with outputs. */\n");
	for (size_t i = 0; i < n; i++)
		emit_result_struct(out, &ms[i]);
	sb_adds(out, st ? "/*\n * Generated stubs.\n */\n" : "/* The stubs. */\n");
	for (size_t i = 0; i < n; i++) {
		struct sb cond = SB_INIT;
		if (ms[i].cond)
			iface_cond_to_cpp(&cond, ms[i].cond);
		if (cond.len)
			sb_addf(out, "#if %s\n", sb_str(&cond));
		if (st && ms[i].doc)
			sb_addf(out, "%s\n", ms[i].doc);
		emit_stub(&c, out, &ms[i]);
		if (st) {
			/* seL4's generator joins its pieces with newlines: "}\n" "\n" "#endif" "\n". */
			sb_adds(out, cond.len ? "\n#endif\n" : "\n");
		} else {
			if (cond.len)
				sb_adds(out, "#endif\n");
			sb_addch(out, '\n');
		}
		sb_release(&cond);
	}
	/* ...and ends without a newline after its last piece. */
	if (st && out->len && out->buf[out->len - 1] == '\n')
		out->buf[--out->len] = 0;
	return 0;
}
