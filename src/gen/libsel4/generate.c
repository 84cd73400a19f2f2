/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The libsel4 pipeline.  Everything is written below OUT.tmp.PID; only when every step has
 * succeeded does it replace OUT (rename), so an interrupted or failed run leaves OUT as it was.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/bf/bf.h"
#include "gen/iface/iface.h"
#include "libsel4.h"
#include "reuse.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/proc.h"

struct gen {
	struct arena *a;
	const struct libsel4_request *req;
	const char *tmp, *inc;
	const char *word_bits;
	const char *src_dirs[5]; /* the tree's libsel4 header folders for this configuration */
	bool mcs, buffer_only, vtx64;
	int major;               /* seL4 release, from the tree's VERSION */
	const char *version;
};

static const char *tree(struct gen *g, const char *rel)
{
	return arena_printf(g->a, "%s/libsel4/%s", g->req->source, rel);
}

static int write_header(struct gen *g, const char *rel, const struct sb *text)
{
	const char *path = arena_printf(g->a, "%s/%s", g->inc, rel);
	char *dir = path_dirname(path);
	int rc = fs_mkdirs(dir);
	free(dir);
	return rc ? rc : fs_write_atomic(path, text->buf ? text->buf : "", text->len);
}

/* --- hand-written headers ------------------------------------------------------------------- */

struct copy_ctx {
	struct gen *g;
	const char *from;
};

static int copy_one(const char *rel, void *vctx)
{
	struct copy_ctx *c = vctx;
	size_t n = strlen(rel);
	if (n < 2 || strcmp(rel + n - 2, ".h"))
		return 0;
	return fs_copy_file(arena_printf(c->g->a, "%s/%s", c->from, rel), arena_printf(c->g->a, "%s/%s", c->g->inc, rel));
}

static int copy_headers(struct gen *g)
{
	for (size_t i = 0; i < 5; i++) {
		if (!path_is_dir(g->src_dirs[i]))
			return diag_error(&(struct loc){ g->src_dirs[i], 0, 0 }, "missing libsel4 header folder (is this a seL4 tree?)");
		struct copy_ctx c = { g, g->src_dirs[i] };
		if (fs_walk_files(g->src_dirs[i], copy_one, &c))
			return -1;
	}
	return 0;
}

/* --- configuration headers -------------------------------------------------------------------- */

static const struct json_value *read_json(struct gen *g, const char *path)
{
	size_t len;
	char *text = fs_read_file(path, &len);
	if (!text) {
		diag_note(NULL, "point --kernel-build at a folder where the kernel's CMake configure step has run");
		return NULL;
	}
	const struct json_value *v = json_parse(g->a, path, text, len);
	free(text);
	return v;
}

static bool flag(const struct json_value *config, const char *key)
{
	const struct json_value *v = json_get(config, key);
	return v && v->kind == JSON_BOOL && v->b;
}

static int config_headers(struct gen *g)
{
	static const struct {
		const char *json, *header;
	} libs[] = {
		{ "gen_config/kernel/gen_config.json", "kernel/gen_config.h" },
		{ "libsel4/gen_config/sel4/gen_config.json", "sel4/gen_config.h" },
	};
	const char *texts[2] = { g->req->kernel_json, g->req->sel4_json };
	const struct json_value *kernel = NULL, *sel4 = NULL;
	for (size_t i = 0; i < 2; i++) {
		const char *path;
		const struct json_value *v;
		if (g->req->config_dir) {
			path = arena_printf(g->a, "%s/%s", g->req->config_dir, libs[i].json);
			v = read_json(g, path);
		} else {
			path = arena_printf(g->a, "<%s values>", libs[i].header);
			v = json_parse(g->a, path, texts[i], strlen(texts[i]));
		}
		struct sb text = SB_INIT;
		int rc = v ? libsel4_config_header(&text, v, path) : -1;
		if (rc == 0)
			rc = write_header(g, libs[i].header, &text);
		sb_release(&text);
		if (rc)
			return -1;
		*(i ? &sel4 : &kernel) = v;
	}
	const struct json_value *sa = json_get(kernel, "SEL4_ARCH");
	if (!sa || sa->kind != JSON_STRING || strcmp(sa->text, g->req->sel4_arch))
		return diag_error(&(struct loc){ g->req->config_dir ? g->req->config_dir : g->req->source, 0, 0 },
				  "the configuration is for sel4_arch '%s', not '%s'", sa && sa->text ? sa->text : "?",
				  g->req->sel4_arch);
	g->mcs = flag(kernel, "KERNEL_MCS");
	g->vtx64 = flag(kernel, "X86_64_VTX_64BIT_GUESTS");
	g->buffer_only = flag(sel4, "LIB_SEL4_STUBS_USE_IPC_BUFFER_ONLY");
	struct sb autoconf = SB_INIT;
	sb_adds(&autoconf, "#pragma once\n\n#include <kernel/gen_config.h>\n#include <sel4/gen_config.h>\n");
	int rc = write_header(g, "autoconf.h", &autoconf);
	sb_release(&autoconf);
	return rc;
}

/* --- generated headers ------------------------------------------------------------------------ */

static int interface_headers(struct gen *g)
{
	const char *xml[3] = {
		tree(g, arena_printf(g->a, "sel4_arch_include/%s/interfaces/object-api-sel4-arch.xml", g->req->sel4_arch)),
		tree(g, arena_printf(g->a, "arch_include/%s/interfaces/object-api-arch.xml", g->req->arch)),
		tree(g, "include/interfaces/object-api.xml"),
	};
	static const char *const label_headers[3] = { "sel4/sel4_arch/invocation.h", "sel4/arch/invocation.h", "sel4/invocation.h" };
	static const enum iface_layer layers[3] = { IFACE_LAYER_SEL4_ARCH, IFACE_LAYER_ARCH, IFACE_LAYER_GENERIC };
	const struct iface_api *apis[3];
	for (size_t i = 0; i < 3; i++) {
		struct sb text = SB_INIT;
		apis[i] = iface_load_api(g->a, xml[i]);
		int rc = apis[i] ? iface_emit_invocations(&text, apis[i], layers[i]) : -1;
		if (rc == 0)
			rc = write_header(g, label_headers[i], &text);
		sb_release(&text);
		if (rc)
			return -1;
	}
	struct iface_syscalls *sys = iface_load_syscalls(g->a, tree(g, "include/api/syscall.xml"));
	if (!sys)
		return -1;
	struct sb text = SB_INIT;
	iface_emit_syscalls(&text, sys, g->mcs);
	int rc = write_header(g, "sel4/syscall.h", &text);
	sb_reset(&text);
	struct iface_stub_options opt = {
		.sel4_arch = g->req->sel4_arch,
		.mcs = g->mcs,
		.ipc_buffer_only = g->buffer_only,
		.x86_vtx_64bit_guests = g->vtx64,
		.registers_by_count = g->major >= 16,
	};
	if (rc == 0)
		rc = iface_emit_stubs(&text, g->a, apis, 3, &opt);
	if (rc == 0)
		rc = write_header(g, "interfaces/sel4_client.h", &text);
	sb_release(&text);
	return rc;
}

/*
 * The .bf files go through the configuration's C preprocessor first (their conditions test
 * CONFIG_ macros), with line markers kept so errors point at the .bf source.  Both go through
 * one preprocessor run, a wrapper that includes one after the other: starting the compiler is
 * most of the cost.  The output is split back at the wrapper's own line markers.
 */
static int need_tool(struct gen *g, const char *tool);

struct bf_part {
	const char *rel; /* the .bf file, relative to libsel4/ */
	const char *out; /* the header, relative to include/ */
	struct sb text;  /* its share of the preprocessed output */
};

/* `# LINE "FILE" FLAGS` */
static bool line_marker(const char *line, size_t len, const char **file, size_t *flen, int *flag)
{
	if (len < 4 || line[0] != '#' || line[1] != ' ' || line[2] < '0' || line[2] > '9')
		return false;
	const char *q = memchr(line, '"', len);
	const char *e = q ? memchr(q + 1, '"', len - (size_t)(q + 1 - line)) : NULL;
	if (!e)
		return false;
	*file = q + 1;
	*flen = (size_t)(e - q - 1);
	*flag = 0;
	for (const char *p = e + 1; p < line + len; p++)
		if (*p >= '1' && *p <= '4')
			*flag = *p - '0';
	return true;
}

static int split_preprocessed(struct gen *g, const struct sb *pre, const char *wrapper, struct bf_part *parts, size_t n)
{
	size_t depth = 0, current = n; /* n: the wrapper itself */
	size_t entered = 0;
	const char *p = pre->buf ? pre->buf : "", *end = p + pre->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *file;
		size_t flen;
		int flag;
		if (line_marker(p, len, &file, &flen, &flag)) {
			bool in_wrapper = flen == strlen(wrapper) && !memcmp(file, wrapper, flen);
			if (flag == 1 && depth++ == 0 && !in_wrapper)
				current = entered < n ? entered++ : n; /* the next top-level include */
			else if (flag == 2 && depth > 0 && --depth == 0)
				current = n;
		}
		if (current < n) {
			sb_add(&parts[current].text, p, len);
			sb_addch(&parts[current].text, '\n');
		}
		p += len + 1;
	}
	(void)g;
	if (entered != n)
		return diag_error(&(struct loc){ wrapper, 0, 0 }, "the preprocessor's output holds %zu of the %zu .bf files", entered, n);
	return 0;
}

static int bitfield_headers(struct gen *g)
{
	struct bf_part parts[2] = {
		{ arena_printf(g->a, "mode_include/%s/sel4/shared_types.bf", g->word_bits), "sel4/shared_types_gen.h", SB_INIT },
		{ arena_printf(g->a, "sel4_arch_include/%s/sel4/sel4_arch/types.bf", g->req->sel4_arch), "sel4/sel4_arch/types_gen.h",
		  SB_INIT },
	};
	const char *wrapper = arena_printf(g->a, "%s/bitfields.c", g->tmp);
	struct sb text = SB_INIT;
	for (size_t i = 0; i < 2; i++)
		sb_addf(&text, "#include \"%s\"\n", tree(g, parts[i].rel));
	int rc = fs_write_atomic(wrapper, text.buf, text.len);
	sb_reset(&text);
	const char *argv[16];
	size_t n = 0;
	argv[n++] = arena_printf(g->a, "%sgcc", g->req->cross_prefix);
	argv[n++] = "-E";
	argv[n++] = arena_printf(g->a, "-I%s", g->inc);
	for (size_t i = 0; i < 5; i++)
		argv[n++] = arena_printf(g->a, "-I%s", g->src_dirs[i]);
	argv[n++] = wrapper;
	argv[n] = NULL;
	/* The preprocessor's output depends on the compiler, the .bf files and every header they can
	 * include: when none changed, the previous run's output is reused. */
	struct stamp st;
	stamp_init(&st, g->a);
	stamp_program(&st, argv[0]);
	for (size_t i = 0; i < 2; i++)
		stamp_string(&st, parts[i].rel);
	for (size_t i = 0; rc == 0 && i < 5; i++)
		rc = stamp_tree(&st, g->src_dirs[i]);
	if (rc == 0)
		rc = stamp_tree(&st, g->inc);
	const char *kept = arena_printf(g->a, "%s/.selfe/bitfields.i", g->tmp);
	struct sb pre = SB_INIT;
	if (rc == 0 && reuse_previous(g->a, g->req->out, "bitfields.i", arena_printf(g->a, "%s/.selfe/bitfields.i", g->req->out), &st,
				      kept)) {
		size_t len;
		char *data = fs_read_file(kept, &len);
		rc = data ? 0 : -1;
		if (data)
			sb_add(&pre, data, len);
		free(data);
	} else if (rc == 0) {
		if (need_tool(g, argv[0]) || proc_run(argv, &pre))
			rc = -1;
		if (rc == 0 && (fs_mkdirs(arena_printf(g->a, "%s/.selfe", g->tmp)) || fs_write_atomic(kept, pre.buf ? pre.buf : "", pre.len)))
			rc = -1;
	}
	if (rc == 0)
		rc = record_stamp(g->a, g->tmp, "bitfields.i", &st);
	if (rc == 0)
		rc = split_preprocessed(g, &pre, wrapper, parts, 2);
	for (size_t i = 0; i < 2; i++) {
		struct bf_file *f = rc == 0 ? bf_load(g->a, tree(g, parts[i].rel), parts[i].text.buf ? parts[i].text.buf : "",
						      parts[i].text.len) : NULL;
		if (rc == 0 && !f)
			rc = -1;
		if (rc == 0) {
			sb_reset(&text);
			bf_emit_libsel4(&text, f, parts[i].rel);
			rc = write_header(g, parts[i].out, &text);
		}
		sb_release(&parts[i].text);
	}
	unlink(wrapper);
	sb_release(&pre);
	sb_release(&text);
	return rc;
}

/* --- library ---------------------------------------------------------------------------------- */

static int need_tool(struct gen *g, const char *tool)
{
	if (proc_exists(tool))
		return 0;
	diag_error(NULL, "the compiler '%s' is not installed", tool);
	if (g->req->cross_prefix[0]) {
		struct sb pkg = SB_INIT;
		sb_adds(&pkg, "gcc-");
		sb_add(&pkg, g->req->cross_prefix, strlen(g->req->cross_prefix) - 1);
		for (size_t i = 0; i < pkg.len; i++)
			if (pkg.buf[i] == '_')
				pkg.buf[i] = '-';
		diag_note(NULL, "install it with: apt-get install %s (or set cross_compiler_prefix in [build.PLATFORM])", sb_str(&pkg));
		sb_release(&pkg);
	}
	return -1;
}

static int build_library(struct gen *g)
{
	const char *cc = arena_printf(g->a, "%sgcc", g->req->cross_prefix);
	const char *ar = arena_printf(g->a, "%sar", g->req->cross_prefix);
	const char *lib = arena_printf(g->a, "%s/lib", g->tmp);
	const char *obj = arena_printf(g->a, "%s/sel4_bootinfo.o", lib);
	if (fs_mkdirs(arena_printf(g->a, "%s/pkgconfig", lib)))
		return -1;
	/* libsel4's own sources use register variables and __thread: GNU C, freestanding. */
	const char *compile[] = { cc, "-std=gnu11", "-O2", "-g", "-ffreestanding", "-fno-pic", "-fno-stack-protector",
				  arena_printf(g->a, "-I%s", g->inc), "-c", tree(g, "src/sel4_bootinfo.c"), "-o", obj, NULL };
	/* The library is made of the compile command, the source and every header it could see. */
	struct stamp st;
	stamp_init(&st, g->a);
	for (size_t i = 0; compile[i]; i++)
		if (!strstr(compile[i], g->tmp)) /* the temporary folder's name changes every run */
			stamp_string(&st, compile[i]);
	stamp_program(&st, cc);
	if (stamp_file(&st, tree(g, "src/sel4_bootinfo.c")) || stamp_tree(&st, g->inc))
		return -1;
	const char *archive_path = arena_printf(g->a, "%s/libsel4.a", lib);
	if (!reuse_previous(g->a, g->req->out, "libsel4.a", arena_printf(g->a, "%s/lib/libsel4.a", g->req->out), &st,
			    archive_path)) {
		if (need_tool(g, cc) || need_tool(g, ar) || proc_run(compile, NULL))
			return -1;
		const char *archive[] = { ar, "rcs", archive_path, obj, NULL };
		if (proc_run(archive, NULL))
			return -1;
		unlink(obj);
	}
	if (record_stamp(g->a, g->tmp, "libsel4.a", &st))
		return -1;
	char *out_abs = path_absolute(g->req->out);
	struct sb pc = SB_INIT;
	sb_addf(&pc,
		"prefix=%s\nincludedir=${prefix}/include\nlibdir=${prefix}/lib\n\n"
		"Name: sel4\nDescription: libsel4 for %s (%s), generated by selfe\nVersion: %s\n"
		"Cflags: -I${includedir}\nLibs: -L${libdir} -lsel4\n",
		out_abs, g->req->kernel_platform, g->req->sel4_arch, g->version);
	free(out_abs);
	int rc = fs_write_atomic(arena_printf(g->a, "%s/pkgconfig/sel4.pc", lib), pc.buf, pc.len);
	sb_release(&pc);
	return rc;
}

/* --- the whole run -------------------------------------------------------------------------------- */

static int read_version(struct gen *g)
{
	const char *path = arena_printf(g->a, "%s/VERSION", g->req->source);
	size_t len;
	char *text = fs_read_file(path, &len);
	if (!text) {
		diag_note(NULL, "--source must name a seL4 source tree (it has a VERSION file at its top)");
		return -1;
	}
	while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
		text[--len] = '\0';
	g->version = arena_strdup(g->a, text);
	g->major = atoi(text);
	free(text);
	return 0;
}

static int generate(struct gen *g)
{
	int rc = copy_headers(g);
	if (rc == 0)
		rc = config_headers(g);
	if (rc == 0)
		rc = interface_headers(g);
	if (rc == 0)
		rc = bitfield_headers(g);
	if (rc == 0)
		rc = build_library(g);
	return rc;
}

/* Swap in the new tree: the old one moves aside first so OUT is never half-written. */
static int swap_in(struct gen *g)
{
	const struct libsel4_request *req = g->req;
	const char *old = arena_printf(g->a, "%s.old.%ld", req->out, (long)getpid());
	bool had_old = access(req->out, F_OK) == 0;
	if (had_old && rename(req->out, old) != 0) {
		fs_remove_tree(g->tmp);
		return diag_error(&(struct loc){ req->out, 0, 0 }, "cannot replace the folder: %s", strerror(errno));
	}
	if (rename(g->tmp, req->out) != 0) {
		int e = errno;
		if (had_old)
			rename(old, req->out);
		fs_remove_tree(g->tmp);
		return diag_error(&(struct loc){ req->out, 0, 0 }, "cannot write the folder: %s", strerror(e));
	}
	return had_old ? fs_remove_tree(old) : 0;
}

/*
 * Everything OUT is made of: selfe itself, the request, the configuration, every file of the
 * tree it reads, the compiler.  Equal stamps mean OUT would come out the same.
 */
static int request_stamp(struct gen *g, struct stamp *st)
{
	const struct libsel4_request *r = g->req;
	stamp_init(st, g->a);
	stamp_program(st, "/proc/self/exe");
	const char *fields[] = { r->source, r->out, r->sel4_arch, r->arch, r->kernel_platform, r->cross_prefix,
				 r->config_dir ? "" : r->kernel_json, r->config_dir ? "" : r->sel4_json };
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		stamp_string(st, fields[i] ? fields[i] : "");
	if (r->config_dir && (stamp_file(st, arena_printf(g->a, "%s/gen_config/kernel/gen_config.json", r->config_dir)) ||
			      stamp_file(st, arena_printf(g->a, "%s/libsel4/gen_config/sel4/gen_config.json", r->config_dir))))
		return -1;
	for (size_t i = 0; i < sizeof(g->src_dirs) / sizeof(g->src_dirs[0]); i++)
		if (stamp_tree(st, g->src_dirs[i]))
			return -1;
	stamp_program(st, arena_printf(g->a, "%sgcc", r->cross_prefix));
	return stamp_file(st, tree(g, "src/sel4_bootinfo.c")) || stamp_file(st, arena_printf(g->a, "%s/VERSION", r->source));
}

int libsel4_generate(struct arena *a, const struct libsel4_request *req)
{
	bool kept;
	return libsel4_generate_if_changed(a, req, false, &kept);
}

int libsel4_generate_if_changed(struct arena *a, const struct libsel4_request *req, bool keep_current, bool *kept)
{
	struct gen g = { .a = a, .req = req };
	*kept = false;
	g.word_bits = strstr(req->sel4_arch, "64") ? "64" : "32";
	g.tmp = arena_printf(a, "%s.tmp.%ld", req->out, (long)getpid());
	g.inc = arena_printf(a, "%s/include", g.tmp);
	g.src_dirs[0] = tree(&g, "include");
	g.src_dirs[1] = tree(&g, arena_printf(a, "arch_include/%s", req->arch));
	g.src_dirs[2] = tree(&g, arena_printf(a, "sel4_arch_include/%s", req->sel4_arch));
	g.src_dirs[3] = tree(&g, arena_printf(a, "sel4_plat_include/%s", req->kernel_platform));
	g.src_dirs[4] = tree(&g, arena_printf(a, "mode_include/%s", g.word_bits));
	struct stamp st;
	if (keep_current) {
		if (request_stamp(&g, &st))
			return -1;
		const char *lib = arena_printf(a, "%s/lib/libsel4.a", req->out);
		*kept = reuse_previous(a, req->out, "request", lib, &st, NULL);
		if (*kept)
			return 0;
	}
	if (read_version(&g) || fs_remove_tree(g.tmp) || fs_mkdirs(g.inc))
		return -1;
	int rc = generate(&g);
	if (rc == 0 && keep_current)
		rc = record_stamp(a, g.tmp, "request", &st);
	if (rc) {
		fs_remove_tree(g.tmp);
		return -1;
	}
	return swap_in(&g);
}

