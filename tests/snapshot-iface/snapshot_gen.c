/* SPDX-License-Identifier: BSD-2-Clause */
/* Generating and compiling libsel4's interface headers from a tree: see snapshot_gen.h. */
#include "snapshot_gen.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "gen/bf/bf.h"
#include "gen/iface/iface_internal.h"
#include "harness.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/proc.h"

/* The four sel4_arches the snapshot supports, with the arch selectors their kernel
 * configuration defines and the Debian cross compiler that builds for them. */
const struct snap_target snap_targets[] = {
	{ "x86_64", "x86", "x86_64-linux-gnu-", 64, "CONFIG_ARCH_X86 CONFIG_ARCH_X86_64" },
	{ "aarch32", "arm", "arm-linux-gnueabihf-", 32, "CONFIG_ARCH_ARM CONFIG_ARCH_AARCH32" },
	{ "aarch64", "arm", "aarch64-linux-gnu-", 64, "CONFIG_ARCH_ARM CONFIG_ARCH_AARCH64" },
	{ "riscv64", "riscv", "riscv64-linux-gnu-", 64, "CONFIG_ARCH_RISCV CONFIG_ARCH_RISCV64" },
};
const size_t snap_ntargets = sizeof(snap_targets) / sizeof(snap_targets[0]);

const char *const snap_output_names[SNAP_NOUTPUTS] = {
	"sel4/sel4_arch/invocation.h", "sel4/arch/invocation.h",  "sel4/invocation.h",         "sel4/syscall.h",
	"interfaces/sel4_client.h",    "sel4/shared_types_gen.h", "sel4/sel4_arch/types_gen.h",
};

const char *snap_snapshot_root(struct arena *a)
{
	return arena_printf(a, "%s/../snapshot/sel4-16.0.0", harness_data_dir());
}

static const char *lib(struct arena *a, const char *root, const char *rel)
{
	return arena_printf(a, "%s/libsel4/%s", root, rel);
}

static void api_paths(struct arena *a, const char *root, const struct snap_target *t, const char *paths[3])
{
	paths[0] = lib(a, root, arena_printf(a, "sel4_arch_include/%s/interfaces/object-api-sel4-arch.xml", t->sel4_arch));
	paths[1] = lib(a, root, arena_printf(a, "arch_include/%s/interfaces/object-api-arch.xml", t->arch));
	paths[2] = lib(a, root, "include/interfaces/object-api.xml");
}

/* The .bf files of a target, relative to libsel4/: the mode file, the sel4_arch file and the arch
 * file the latter includes. */
static void bf_rels(struct arena *a, const struct snap_target *t, const char *rels[3])
{
	rels[0] = arena_printf(a, "mode_include/%u/sel4/shared_types.bf", t->word_bits);
	rels[1] = arena_printf(a, "sel4_arch_include/%s/sel4/sel4_arch/types.bf", t->sel4_arch);
	rels[2] = arena_printf(a, "arch_include/%s/sel4/arch/shared_types.bf", t->arch);
}

/* --- the options conditions test ------------------------------------------------------------- */

static void add_option(struct arena *a, struct snap_options *o, const char *name, size_t len)
{
	if (len == strlen("CONFIG_KERNEL_MCS") && !strncmp(name, "CONFIG_KERNEL_MCS", len))
		return;
	if (len >= strlen("CONFIG_ARCH_") && !strncmp(name, "CONFIG_ARCH_", strlen("CONFIG_ARCH_")))
		return;
	for (size_t i = 0; i < o->len; i++)
		if (strlen(o->names[i]) == len && !strncmp(o->names[i], name, len))
			return;
	o->names = arena_grow(a, o->names, &o->cap, o->len + 1, sizeof(*o->names));
	o->names[o->len++] = arena_strndup(a, name, len);
}

static void add_cond_options(struct arena *a, struct snap_options *o, const struct iface_cond *c)
{
	if (!c)
		return;
	if (c->kind == IFACE_COND_CONFIG)
		add_option(a, o, c->var, strlen(c->var));
	for (size_t i = 0; i < c->nkids; i++)
		add_cond_options(a, o, c->kids[i]);
}

/* Every CONFIG_ word on the .bf file's #if / #ifdef / #ifndef / #elif lines. */
static void add_bf_options(struct arena *a, struct snap_options *o, const char *text)
{
	for (const char *line = text; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *p = line;
		while (p < line + len && isspace((unsigned char)*p))
			p++;
		if (p < line + len && *p == '#') {
			const char *q = p + 1;
			while (q < line + len && isspace((unsigned char)*q))
				q++;
			if (!strncmp(q, "if", 2) || !strncmp(q, "elif", 4)) {
				for (const char *w = q; w < line + len; w++) {
					if (!strncmp(w, "CONFIG_", 7) && (w == q || !(isalnum((unsigned char)w[-1]) || w[-1] == '_'))) {
						const char *e = w;
						while (e < line + len && (isalnum((unsigned char)*e) || *e == '_'))
							e++;
						add_option(a, o, w, (size_t)(e - w));
						w = e - 1;
					}
				}
			}
		}
		line = end ? end + 1 : NULL;
	}
}

int snap_collect_options(struct arena *a, const char *root, const struct snap_target *t, struct snap_options *o)
{
	const char *paths[3];
	api_paths(a, root, t, paths);
	for (size_t i = 0; i < 3; i++) {
		const struct iface_api *api = iface_load_api(a, paths[i]);
		if (!api)
			return -1;
		for (size_t j = 0; j < api->ninterfaces; j++)
			for (size_t k = 0; k < api->interfaces[j].nmethods; k++)
				add_cond_options(a, o, api->interfaces[j].methods[k].cond);
	}
	const struct iface_syscalls *s = iface_load_syscalls(a, lib(a, root, "include/api/syscall.xml"));
	if (!s)
		return -1;
	for (size_t i = 0; i < s->ndebug; i++)
		add_cond_options(a, o, s->debug[i].cond);
	const char *rels[3];
	bf_rels(a, t, rels);
	for (size_t i = 0; i < 3; i++) {
		size_t len;
		char *text = fs_read_file(lib(a, root, rels[i]), &len);
		if (!text)
			return -1;
		add_bf_options(a, o, text);
		free(text);
	}
	return 0;
}

/* --- configuration -------------------------------------------------------------------------- */

int snap_write_config_standin(struct arena *a, const char *dir)
{
	static const char text[] = "/* Test stand-in: the configuration comes from -D flags. */\n"
				   "#ifndef STANDIN_SEL4_CONFIG_H\n#define STANDIN_SEL4_CONFIG_H\n"
				   "#define LIBSEL4_INLINE static inline\n"
				   "#define LIBSEL4_INLINE_FUNC static inline\n"
				   "#define CONST __attribute__((__const__))\n"
				   "#define PURE __attribute__((__pure__))\n"
				   "#define SEL4_FORCE_LONG_ENUM(type) type##_force_long = __LONG_MAX__\n"
				   "#endif\n";
	const char *sel4 = arena_printf(a, "%s/sel4", dir);
	if (fs_mkdirs(sel4))
		return -1;
	return fs_write_atomic(arena_printf(a, "%s/config.h", sel4), text, strlen(text));
}

static bool is_x86_64(const struct snap_config *c)
{
	return !strcmp(c->t->sel4_arch, "x86_64");
}

size_t snap_macros(struct arena *a, const struct snap_config *c, const char **argv, size_t max)
{
	size_t n = 0;
	const char *s = c->t->arch_macros;
	while (*s && n < max) {
		size_t len = strcspn(s, " ");
		argv[n++] = arena_printf(a, "-D%.*s", (int)len, s);
		s += len;
		s += strspn(s, " ");
	}
	if (c->mcs && n < max)
		argv[n++] = "-DCONFIG_KERNEL_MCS";
	if (c->debug && n + 3 <= max) {
		argv[n++] = "-DCONFIG_DEBUG_BUILD";
		argv[n++] = "-DCONFIG_PRINTING";
		argv[n++] = "-DCONFIG_KERNEL_INVOCATION_REPORT_ERROR_IPC";
	}
	for (size_t i = 0; c->every_option && c->options && i < c->options->len && n < max; i++)
		argv[n++] = arena_printf(a, "-D%s", c->options->names[i]);
	return n;
}

/* --- generation -------------------------------------------------------------------------------- */

static int read_major(struct arena *a, const char *root)
{
	size_t len;
	char *text = fs_read_file(arena_printf(a, "%s/VERSION", root), &len);
	int major = text ? atoi(text) : -1;
	free(text);
	return major;
}

static int interface_outputs(struct arena *a, const char *root, const struct snap_config *c, struct snap_result *r)
{
	const char *paths[3];
	api_paths(a, root, c->t, paths);
	static const enum iface_layer layers[3] = { IFACE_LAYER_SEL4_ARCH, IFACE_LAYER_ARCH, IFACE_LAYER_GENERIC };
	for (size_t i = 0; i < 3; i++) {
		r->apis[i] = iface_load_api(a, paths[i]);
		if (!r->apis[i] || iface_emit_invocations(&r->text[SNAP_LABELS_SEL4_ARCH + i], r->apis[i], layers[i]))
			return -1;
	}
	const struct iface_syscalls *s = iface_load_syscalls(a, lib(a, root, "include/api/syscall.xml"));
	if (!s)
		return -1;
	iface_emit_syscalls(&r->text[SNAP_SYSCALLS], s, c->mcs);
	int major = read_major(a, root);
	if (major < 0)
		return -1;
	struct iface_stub_options opt = {
		.sel4_arch = c->t->sel4_arch,
		.mcs = c->mcs,
		.ipc_buffer_only = c->every_option,
		.x86_vtx_64bit_guests = c->every_option && is_x86_64(c),
		.registers_by_count = major >= 16,
	};
	return iface_emit_stubs(&r->text[SNAP_STUBS], a, r->apis, 3, &opt);
}

static int bitfield_output(struct arena *a, const char *root, const struct snap_config *c, const char *standin_dir,
			   const char *rel, struct sb *out)
{
	const char *argv[64];
	size_t n = 0;
	argv[n++] = arena_printf(a, "%sgcc", c->t->cross_prefix);
	argv[n++] = "-E";
	argv[n++] = "-x";
	argv[n++] = "c";
	argv[n++] = arena_printf(a, "-I%s", standin_dir);
	argv[n++] = arena_printf(a, "-I%s", lib(a, root, arena_printf(a, "arch_include/%s", c->t->arch)));
	n += snap_macros(a, c, argv + n, 60 - n);
	argv[n++] = lib(a, root, rel);
	argv[n] = NULL;
	struct sb pre = SB_INIT;
	int rc = proc_run(argv, &pre);
	struct bf_file *f = rc == 0 ? bf_load(a, argv[n - 1], pre.buf ? pre.buf : "", pre.len) : NULL;
	if (f)
		bf_emit_libsel4(out, f, rel);
	sb_release(&pre);
	return f ? 0 : -1;
}

int snap_generate(struct arena *a, const char *root, const struct snap_config *c, const char *standin_dir,
		  struct snap_result *r)
{
	for (size_t i = 0; i < SNAP_NOUTPUTS; i++)
		r->text[i] = (struct sb)SB_INIT;
	const char *rels[3];
	bf_rels(a, c->t, rels);
	if (interface_outputs(a, root, c, r))
		return -1;
	if (bitfield_output(a, root, c, standin_dir, rels[0], &r->text[SNAP_SHARED_TYPES]))
		return -1;
	return bitfield_output(a, root, c, standin_dir, rels[1], &r->text[SNAP_TYPES]);
}

void snap_result_release(struct snap_result *r)
{
	for (size_t i = 0; i < SNAP_NOUTPUTS; i++)
		sb_release(&r->text[i]);
}

/* --- compiling ---------------------------------------------------------------------------------- */

static int write_text(struct arena *a, const char *dir, const char *rel, const char *text, size_t len)
{
	const char *path = arena_printf(a, "%s/%s", dir, rel);
	char *parent = path_dirname(path);
	int rc = fs_mkdirs(parent);
	free(parent);
	return rc ? rc : fs_write_atomic(path, text, len);
}

static int write_sb(struct arena *a, const char *dir, const char *rel, const struct sb *s)
{
	return write_text(a, dir, rel, s->buf ? s->buf : "", s->len);
}

static const struct iface_struct *find_struct(const struct snap_result *r, const char *name)
{
	for (size_t i = 0; i < 3; i++)
		for (size_t j = 0; j < r->apis[i]->nstructs; j++)
			if (!strcmp(r->apis[i]->structs[j].name, name))
				return &r->apis[i]->structs[j];
	return NULL;
}

/*
 * What seL4's hand-written types.h provides, reduced to what the generated headers use.  The
 * capability and attribute types are words; a struct the stubs marshal holds its first XML
 * members, as many as the type table says it has words (the VT-x VCPU context grows with an
 * option, and the XML lists its longest form).
 */
static int types_standin(struct arena *a, const struct snap_config *c, const struct snap_result *r, struct sb *out)
{
	struct iface_types types;
	if (iface_types_init(&types, a, c->t->sel4_arch, c->mcs, c->every_option && is_x86_64(c)))
		return -1;
	sb_adds(out, "#ifndef STANDIN_SEL4_TYPES_H\n#define STANDIN_SEL4_TYPES_H\n"
		     "#include <sel4/simple_types.h>\n"
		     "typedef seL4_Word seL4_CPtr;\n"
		     "typedef enum { seL4_NoError = 0 } seL4_Error;\n"
		     "#include <sel4/shared_types_gen.h>\n#include <sel4/sel4_arch/types_gen.h>\n"
		     "#include <sel4/invocation.h>\n#include <sel4/sel4_arch/invocation.h>\n#include <sel4/arch/invocation.h>\n"
		     "#include <sel4/syscall.h>\n");
	for (size_t i = 0; i < types.len; i++) {
		const struct iface_type *t = &types.items[i];
		if (t->basic || !strcmp(t->name, "seL4_CPtr"))
			continue;
		if (t->kind == IFACE_TYPE_CAP) {
			sb_addf(out, "typedef seL4_CPtr %s;\n", t->name);
		} else if (t->kind == IFACE_TYPE_PLAIN) {
			sb_addf(out, "typedef seL4_Word %s;\n", t->name);
		} else if (t->kind == IFACE_TYPE_STRUCT) {
			const struct iface_struct *s = find_struct(r, t->name);
			size_t words = t->size_bits / t->word_bits;
			if (!s)
				continue; /* no XML struct: a stub naming it fails to compile */
			sb_addf(out, "typedef struct {\n");
			for (size_t m = 0; m < s->nmembers && m < words; m++)
				sb_addf(out, "\tseL4_Word %s;\n", s->members[m]);
			sb_addf(out, "} %s;\n", t->name);
		}
	}
	sb_adds(out, "seL4_MessageInfo_t seL4_CallWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo");
	for (unsigned i = 0; i < types.message_registers; i++)
		sb_addf(out, ", seL4_Word *mr%u", i);
	sb_adds(out, ");\n"
		     "seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t msgInfo);\n"
		     "void seL4_SetMR(int i, seL4_Word mr);\n"
		     "seL4_Word seL4_GetMR(int i);\n"
		     "void seL4_SetCap(int i, seL4_CPtr cptr);\n"
		     "seL4_Bool seL4_CanPrintError(void);\n"
		     "const char *seL4_GetDebugError(void);\n"
		     "void seL4_DebugPutString(const char *str);\n"
		     "#endif\n");
	return 0;
}

int snap_compile(struct arena *a, const struct snap_config *c, const struct snap_result *r, const char *dir)
{
	const char *inc = arena_printf(a, "%s/include", dir);
	static const char simple_types[] =
		"#ifndef STANDIN_SEL4_SIMPLE_TYPES_H\n#define STANDIN_SEL4_SIMPLE_TYPES_H\n"
		"typedef __INT8_TYPE__ seL4_Int8;\ntypedef __INT16_TYPE__ seL4_Int16;\n"
		"typedef __INT32_TYPE__ seL4_Int32;\ntypedef __INT64_TYPE__ seL4_Int64;\n"
		"typedef __UINT8_TYPE__ seL4_Uint8;\ntypedef __UINT16_TYPE__ seL4_Uint16;\n"
		"typedef __UINT32_TYPE__ seL4_Uint32;\ntypedef __UINT64_TYPE__ seL4_Uint64;\n"
		"typedef __UINTPTR_TYPE__ seL4_Word;\ntypedef seL4_Int8 seL4_Bool;\ntypedef seL4_Uint64 seL4_Time;\n"
		"#endif\n";
	static const char debug_assert[] = "#pragma once\n"
					   "#define seL4_DebugAssert(expr) do { if (!(expr)) __builtin_trap(); } while (0)\n";
	static const char constants[] = "#pragma once\n";
	static const char program[] = "#include <sel4/types.h>\n#include <interfaces/sel4_client.h>\n";
	struct sb types = SB_INIT;
	int rc = snap_write_config_standin(a, inc);
	for (size_t i = 0; rc == 0 && i < SNAP_NOUTPUTS; i++)
		rc = write_sb(a, inc, snap_output_names[i], &r->text[i]);
	if (rc == 0)
		rc = types_standin(a, c, r, &types);
	if (rc == 0)
		rc = write_sb(a, inc, "sel4/types.h", &types);
	if (rc == 0)
		rc = write_text(a, inc, "sel4/simple_types.h", simple_types, strlen(simple_types));
	if (rc == 0)
		rc = write_text(a, inc, "sel4/debug_assert.h", debug_assert, strlen(debug_assert));
	if (rc == 0)
		rc = write_text(a, inc, "sel4/sel4_arch/constants.h", constants, strlen(constants));
	if (rc == 0)
		rc = write_text(a, dir, "program.c", program, strlen(program));
	sb_release(&types);
	if (rc)
		return -1;
	const char *argv[64];
	size_t n = 0;
	argv[n++] = arena_printf(a, "%sgcc", c->t->cross_prefix);
	static const char *const flags[] = { "-std=gnu11", "-ffreestanding", "-Wall", "-Wextra", "-Werror", "-fsyntax-only" };
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		argv[n++] = flags[i];
	argv[n++] = arena_printf(a, "-I%s", inc);
	n += snap_macros(a, c, argv + n, 60 - n);
	argv[n++] = arena_printf(a, "%s/program.c", dir);
	argv[n] = NULL;
	return proc_run(argv, NULL);
}
