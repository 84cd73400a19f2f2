/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The libsel4 pipeline.  Everything is written below OUT.tmp.PID; only when every step has
 * succeeded does it replace OUT (one atomic exchange where the system has it, else two renames),
 * so an interrupted or failed run leaves OUT as it was.
 *
 * Speed: the files of the new tree that come out byte for byte as in the previous OUT are hard
 * links to the previous OUT's files (manifest.h says how that is known without reading them),
 * so a run writes only what changed; inside the private OUT.tmp.PID files need no temporary
 * names of their own.  Creating and deleting a folder entry is what costs most on a busy disk,
 * so the tree OUT held before is not deleted after the exchange: it stays as the spare
 * (.NAME.selfe-spare next to OUT), and the next run claims it (one rename, so two runs never
 * share it) and starts from there: its files that already hold the right bytes stay, the others
 * are replaced, the ones this run does not make are deleted.  OUT itself is never written into.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen/bf/bf.h"
#include "gen/iface/iface.h"
#include "archive.h"
#include "bf_pp.h"
#include "libsel4.h"
#include "manifest.h"
#include "reuse.h"
#include "util/deps.h"
#include "util/diag.h"
#include "platform/platform.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/proc.h"

struct gen {
	struct arena *a;
	const struct libsel4_request *req;
	const char *tmp, *inc;
	const char *word_bits;
	const char *src_dirs[5]; /* the tree's libsel4 header folders for this configuration */
	bool mcs, buffer_only, vtx64;
	const struct json_value *kernel_config; /* the kernel's configuration values */
	int major;               /* seL4 release, from the tree's VERSION */
	const char *version;
	struct manifest previous; /* OUT/.selfe/files of the previous run (empty when none) */
	struct manifest next;     /* the new tree's */
	const char *previous_inc; /* OUT/include */
	long long racy_after;     /* tree files modified since then are hashed again next time */
	uint64_t tree_hash;       /* names and bytes of every file in src_dirs */
	uint64_t inc_hash;        /* names and bytes of every file written below include/ so far */
	struct header *headers;   /* the hand-written headers, in src_dirs then name order */
	size_t header_count, header_cap;
	const char **dirs;        /* folders already made below the new tree */
	size_t dir_count, dir_cap;
	const char *spare;        /* the tree OUT held before the previous run (see above) */
	bool staged;              /* the new tree started as the spare */
	struct manifest staging;  /* the spare's own OUT/.selfe/files */
};

struct header {
	const char *from, *rel;
	uint64_t hash;
	char *data; /* its bytes when they had to be read (malloc'd), else NULL */
	size_t len;
};

static const char *tree(struct gen *g, const char *rel)
{
	return arena_printf(g->a, "%s/libsel4/%s", g->req->source, rel);
}

/* --- files of the tree and of the new OUT ---------------------------------------------------------- */

/* The hash of a tree file's bytes: from the previous run's manifest while the file's identity
 * is unchanged, else read (its bytes then handed back through *data when data is non-NULL). */
static int tree_file(struct gen *g, const char *path, const struct stat *st, uint64_t *hash, char **data, size_t *len)
{
	struct file_id id;
	file_id_of(&id, st);
	const struct manifest_entry *e = manifest_find(&g->previous, 'T', path);
	if (e && file_id_equal(&e->id, &id)) {
		*hash = e->hash;
	} else {
		size_t n;
		char *bytes = fs_read_file(path, &n);
		if (!bytes)
			return -1;
		*hash = content_hash(bytes, n);
		if (data) {
			*data = bytes;
			*len = n;
		} else {
			free(bytes);
		}
	}
	/* A file changed within the last moments could change again without its identity
	 * changing (time stamps are coarse): recorded so that the next run reads it again. */
	if (id.mtime_sec >= g->racy_after)
		id.size = -1;
	manifest_put(&g->next, 'T', path, *hash, &id);
	deps_file_stat(g->req->deps, path, st);
	return 0;
}

/* mkdir -p below the new tree, one mkdir per new folder (the parents made first, once). */
static int make_dir(struct gen *g, const char *dir)
{
	for (size_t i = 0; i < g->dir_count; i++)
		if (!strcmp(g->dirs[i], dir))
			return 0;
	int e = mkdir(dir, 0777) == 0 ? 0 : errno;
	if (e == ENOENT) {
		char *parent = path_dirname(dir);
		int rc = strcmp(parent, dir) ? make_dir(g, parent) : 0;
		free(parent);
		if (rc)
			return -1;
		e = mkdir(dir, 0777) == 0 ? 0 : errno;
	}
	if (e && e != EEXIST)
		return diag_error(&(struct loc){ dir, 0, 0 }, "cannot create folder: %s", strerror(e));
	g->dirs = arena_grow(g->a, g->dirs, &g->dir_cap, g->dir_count + 1, sizeof(*g->dirs));
	g->dirs[g->dir_count++] = arena_strdup(g->a, dir);
	return 0;
}

/*
 * Put one file below the new include/: a hard link to the previous OUT's file when that holds
 * exactly these bytes, else written.  `data` NULL: the bytes are those of the tree file `from`.
 */
static int install(struct gen *g, const char *rel, uint64_t hash, const char *data, size_t len, const char *from)
{
	const char *path = arena_printf(g->a, "%s/%s", g->inc, rel);
	char *dir = path_dirname(path);
	int rc = make_dir(g, dir);
	free(dir);
	if (rc)
		return -1;
	g->inc_hash = hash_add(g->inc_hash, rel, strlen(rel));
	g->inc_hash = hash_add(g->inc_hash, &hash, sizeof(hash));
	const struct manifest_entry *e;
	if (g->staged) {
		/* Already there from the spare, with these bytes and untouched since: kept. */
		e = manifest_find(&g->staging, 'O', rel);
		struct stat st;
		struct file_id now;
		if (e && e->hash == hash && (from || e->id.size == (long long)len) && stat(path, &st) == 0 &&
		    (file_id_of(&now, &st), file_id_equal(&now, &e->id))) {
			manifest_put(&g->next, 'O', rel, hash, &e->id);
			return 0;
		}
		if (unlink(path) != 0 && errno != ENOENT)
			return diag_error(&(struct loc){ path, 0, 0 }, "cannot remove: %s", strerror(errno));
	}
	e = manifest_find(&g->previous, 'O', rel);
	if (e && e->hash == hash && (from || e->id.size == (long long)len)) {
		const char *previous = arena_printf(g->a, "%s/%s", g->previous_inc, rel);
		struct stat st;
		struct file_id now;
		if (stat(previous, &st) == 0 && (file_id_of(&now, &st), file_id_equal(&now, &e->id)) && link(previous, path) == 0) {
			manifest_put(&g->next, 'O', rel, hash, &e->id);
			return 0;
		}
	}
	char *read = NULL;
	if (!data) {
		read = fs_read_file(from, &len);
		if (!read)
			return -1;
		data = read;
	}
	struct stat st;
	rc = fs_write_new(path, data, len, &st);
	free(read);
	if (rc == 0) {
		struct file_id id;
		file_id_of(&id, &st);
		manifest_put(&g->next, 'O', rel, hash, &id);
	}
	return rc;
}

static int write_header(struct gen *g, const char *rel, const struct sb *text)
{
	const char *data = text->buf ? text->buf : "";
	return install(g, rel, content_hash(data, text->len), data, text->len, NULL);
}

/* --- hand-written headers ------------------------------------------------------------------- */

struct scan_ctx {
	struct gen *g;
	const char *dir;
};

/* Every file of the folders counts for the stamps (the .bf files are there too); the .h files
 * are the hand-written headers. */
static int scan_one(const char *rel, const struct stat *st, void *vctx)
{
	struct scan_ctx *c = vctx;
	struct gen *g = c->g;
	const char *path = arena_printf(g->a, "%s/%s", c->dir, rel);
	size_t n = strlen(rel);
	bool header = n >= 2 && !strcmp(rel + n - 2, ".h");
	struct header h = { path, arena_strdup(g->a, rel), 0, NULL, 0 };
	if (tree_file(g, path, st, &h.hash, header ? &h.data : NULL, &h.len))
		return -1;
	g->tree_hash = hash_add(g->tree_hash, path, strlen(path));
	g->tree_hash = hash_add(g->tree_hash, &h.hash, sizeof(h.hash));
	if (header) {
		g->headers = arena_grow(g->a, g->headers, &g->header_cap, g->header_count + 1, sizeof(*g->headers));
		g->headers[g->header_count++] = h;
	}
	return 0;
}

/* A folder's listing decides which headers there are: noted for the up-to-date check. */
static int scan_dir(const char *rel, const struct stat *st, void *vctx)
{
	struct scan_ctx *c = vctx;
	deps_file_stat(c->g->req->deps, arena_printf(c->g->a, "%s/%s", c->dir, rel), st);
	return 0;
}

static int scan_tree(struct gen *g)
{
	g->tree_hash = HASH_INIT;
	for (size_t i = 0; i < 5; i++) {
		deps_probe(g->req->deps, g->src_dirs[i]);
		if (!path_is_dir(g->src_dirs[i]))
			return diag_error(&(struct loc){ g->src_dirs[i], 0, 0 }, "missing libsel4 header folder (is this a seL4 tree?)");
		deps_file(g->req->deps, g->src_dirs[i]);
		struct scan_ctx c = { g, g->src_dirs[i] };
		if (fs_walk_stat(g->src_dirs[i], scan_one, scan_dir, &c))
			return -1;
	}
	return 0;
}

static int copy_headers(struct gen *g)
{
	int rc = 0;
	for (size_t i = 0; i < g->header_count; i++) {
		struct header *h = &g->headers[i];
		if (rc == 0)
			rc = install(g, h->rel, h->hash, h->data, h->len, h->from);
		free(h->data);
		h->data = NULL;
	}
	return rc;
}

static void release_headers(struct gen *g)
{
	for (size_t i = 0; i < g->header_count; i++)
		free(g->headers[i].data);
	g->header_count = 0;
}

/* --- configuration headers -------------------------------------------------------------------- */

static const struct json_value *read_json(struct gen *g, const char *path)
{
	size_t len;
	deps_file(g->req->deps, path);
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

static bool config_flag(void *config, const char *key)
{
	return flag(config, key);
}

static int config_headers(struct gen *g)
{
	static const char *const headers[2] = { "kernel/gen_config.h", "sel4/gen_config.h" };
	const char *texts[2] = { g->req->kernel_json, g->req->sel4_json };
	const struct json_value *kernel = NULL, *sel4 = NULL;
	for (size_t i = 0; i < 2; i++) {
		const char *path;
		const struct json_value *v;
		if (g->req->config_files[i]) {
			path = g->req->config_files[i];
			v = read_json(g, path);
		} else {
			path = arena_printf(g->a, "<%s values>", headers[i]);
			v = json_parse(g->a, path, texts[i], strlen(texts[i]));
		}
		struct sb text = SB_INIT;
		int rc = v ? libsel4_config_header(&text, v, path) : -1;
		if (rc == 0)
			rc = write_header(g, headers[i], &text);
		sb_release(&text);
		if (rc)
			return -1;
		*(i ? &sel4 : &kernel) = v;
	}
	const struct json_value *sa = json_get(kernel, "SEL4_ARCH");
	if (!sa || sa->kind != JSON_STRING || strcmp(sa->text, g->req->sel4_arch))
		return diag_error(&(struct loc){ g->req->config_files[0] ? g->req->config_files[0] : g->req->source, 0, 0 },
				  "the configuration is for sel4_arch '%s', not '%s'", sa && sa->text ? sa->text : "?",
				  g->req->sel4_arch);
	g->kernel_config = kernel;
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
		/* Files an XInclude brings in are libxml2's reads, not recorded: no up-to-date claim. */
		if (apis[i] && apis[i]->included)
			deps_opaque(g->req->deps, "an interface file includes others (XInclude)");
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
	if (sys->included)
		deps_opaque(g->req->deps, "an interface file includes others (XInclude)");
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
 * The .bf files are preprocessed first (their conditions test CONFIG_ macros), with line
 * markers kept so errors point at the .bf source: in-process where they use only what bf_pp.h
 * covers, which libsel4's do.  Otherwise both go through one run of the configuration's C
 * preprocessor, a wrapper that includes one after the other (starting the compiler is most of
 * the cost), and the output is split back at the wrapper's own line markers.
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

/*
 * The .bf files preprocessed in-process (bf_pp.h), both as one translation unit as through the
 * wrapper: 0 with each part's text filled; 1 when a file needs the compiler's preprocessor (or
 * SELFE_BF_PREPROCESSOR=cpp asks for it: the tests compare the two); -1 after reporting.
 */
static int preprocess_natively(struct gen *g, struct bf_part *parts, size_t n)
{
	deps_env(g->req->deps, "SELFE_BF_PREPROCESSOR");
	const char *force = getenv("SELFE_BF_PREPROCESSOR");
	if (force && !strcmp(force, "cpp"))
		return 1;
	const char *dirs[6] = { g->inc };
	for (size_t i = 0; i < 5; i++)
		dirs[i + 1] = g->src_dirs[i];
	struct bf_pp pp = { .a = g->a, .dirs = dirs, .ndirs = 6, .deps = g->req->deps, .generated = g->inc };
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = bf_pp_file(&pp, tree(g, parts[i].rel), &parts[i].text);
	if (rc)
		for (size_t i = 0; i < n; i++)
			sb_reset(&parts[i].text);
	return rc;
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
	int rc = 0;
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
	int native = preprocess_natively(g, parts, 2);
	struct stamp st;
	stamp_init(&st, g->a);
	stamp_string(&st, native == 0 ? "in-process" : "cpp"); /* (their texts differ) */
	stamp_program(&st, argv[0]);
	for (size_t i = 0; i < 2; i++)
		stamp_string(&st, parts[i].rel);
	stamp_value(&st, g->tree_hash); /* the .bf files and the tree's headers */
	stamp_value(&st, g->inc_hash);  /* and every header written so far */
	const char *kept = arena_printf(g->a, "%s/.selfe/bitfields.i", g->tmp);
	struct sb pre = SB_INIT;
	if (native < 0) {
		rc = -1;
	} else if (native == 0) {
		/* Kept beside the stamp as the preprocessor's would be (what was read, for a look). */
		for (size_t i = 0; i < 2; i++)
			sb_add(&pre, parts[i].text.buf, parts[i].text.len);
		rc = make_dir(g, arena_printf(g->a, "%s/.selfe", g->tmp)) || fs_write_new(kept, pre.buf ? pre.buf : "", pre.len, NULL) ? -1 : 0;
	} else if (reuse_previous(g->a, g->req->out, "bitfields.i", arena_printf(g->a, "%s/.selfe/bitfields.i", g->req->out), &st,
				      kept)) {
		size_t len;
		char *data = fs_read_file(kept, &len);
		rc = data ? 0 : -1;
		if (data)
			sb_add(&pre, data, len);
		free(data);
	} else if (rc == 0) {
		for (size_t i = 0; i < 2; i++)
			sb_addf(&text, "#include \"%s\"\n", tree(g, parts[i].rel));
		rc = fs_write_new(wrapper, text.buf, text.len, NULL);
		sb_reset(&text);
		if (rc == 0 && (need_tool(g, argv[0]) || proc_run(argv, &pre)))
			rc = -1;
		if (rc == 0 && (make_dir(g, arena_printf(g->a, "%s/.selfe", g->tmp)) || fs_write_new(kept, pre.buf ? pre.buf : "", pre.len, NULL)))
			rc = -1;
		unlink(wrapper);
	}
	if (rc == 0)
		rc = record_stamp(g->a, g->tmp, "bitfields.i", &st);
	if (rc == 0 && native)
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
	plat_note_missing_compiler(tool, g->req->sel4_arch);
	return -1;
}

/* A small file the spare may hold already: left alone when its bytes are these (its time stamps
 * then stay old, which the up-to-date check wants), else written. */
static int keep_or_write(struct gen *g, const char *path, const struct sb *text)
{
	size_t len;
	char *old = g->staged && path_is_file(path) ? fs_read_file(path, &len) : NULL;
	bool same = old && len == text->len && !memcmp(old, text->buf, len);
	free(old);
	return same ? 0 : fs_write_new(path, text->buf, text->len, NULL);
}

/* libsel4.a of the one object: written here (archive.h), or by ar for an object that writer
 * does not read.  D: no time stamps, owners or modes in the archive (reproducible). */
static int archive(struct gen *g, const char *ar, const char *archive_path, const char *obj)
{
	size_t len;
	char *data = fs_read_file(obj, &len);
	if (!data)
		return -1;
	struct sb a = SB_INIT;
	int rc = archive_one_object(&a, "sel4_bootinfo.o", (const unsigned char *)data, len);
	free(data);
	if (rc == 0)
		rc = fs_write_new(archive_path, a.buf, a.len, NULL);
	sb_release(&a);
	if (rc <= 0)
		return rc;
	const char *argv[] = { ar, "rcsD", archive_path, obj, NULL };
	return need_tool(g, ar) || proc_run(argv, NULL) ? -1 : 0;
}

static int build_library(struct gen *g)
{
	const char *cc = arena_printf(g->a, "%sgcc", g->req->cross_prefix);
	const char *ar = arena_printf(g->a, "%sar", g->req->cross_prefix);
	const char *lib = arena_printf(g->a, "%s/lib", g->tmp);
	const char *obj = arena_printf(g->a, "%s/sel4_bootinfo.o", lib);
	if (make_dir(g, arena_printf(g->a, "%s/pkgconfig", lib)))
		return -1;
	/* libsel4's own sources use register variables and __thread: GNU C, freestanding, with the
	 * sel4_arch's ABI switches (the platform table's).  The prefix maps keep the temporary
	 * folder (its name changes every run), the tree's place and the current folder out of the
	 * debug information: the same inputs give the same library in any folder.  (gcc tries the
	 * maps last first: the specific ones go last.) */
	const struct plat_arch *pa = plat_arch(g->req->sel4_arch);
	const char *const *abi = pa ? plat_abi_cflags(g->a, pa, config_flag, (void *)g->kernel_config) : NULL;
	const char *cwd = path_absolute_in(g->a, ".");
	const char *head[] = { cc, "-pipe", "-std=gnu11", "-O2", "-g", "-ffreestanding", "-fno-pic", "-fno-stack-protector",
			       arena_printf(g->a, "-ffile-prefix-map=%s=.", cwd),
			       arena_printf(g->a, "-ffile-prefix-map=%s=sel4", g->req->source),
			       arena_printf(g->a, "-ffile-prefix-map=%s=libsel4", g->tmp), NULL };
	const char *tail[] = { arena_printf(g->a, "-I%s", g->inc), "-c", tree(g, "src/sel4_bootinfo.c"), "-o", obj, NULL };
	const char *compile[32];
	size_t nc = 0;
	for (size_t i = 0; head[i]; i++)
		compile[nc++] = head[i];
	for (size_t i = 0; abi && abi[i] && nc < 24; i++)
		compile[nc++] = abi[i];
	for (size_t i = 0; i < sizeof(tail) / sizeof(tail[0]); i++)
		compile[nc++] = tail[i];
	/* The library is made of the compile command, the source and every header it could see. */
	struct stamp st;
	stamp_init(&st, g->a);
	for (size_t i = 0; compile[i]; i++)
		if (!strstr(compile[i], g->tmp) && strncmp(compile[i], "-ffile-prefix-map=", 18)) /* folder names */
			stamp_string(&st, compile[i]);
	stamp_program(&st, cc);
	if (stamp_file(&st, tree(g, "src/sel4_bootinfo.c")))
		return -1;
	stamp_value(&st, g->inc_hash); /* every header it could include */
	const char *archive_path = arena_printf(g->a, "%s/libsel4.a", lib);
	if (!reuse_previous(g->a, g->req->out, "libsel4.a", arena_printf(g->a, "%s/lib/libsel4.a", g->req->out), &st,
			    archive_path)) {
		unlink(archive_path); /* ar would add to an archive the spare left, not start anew */
		if (need_tool(g, cc) || proc_run(compile, NULL) || archive(g, ar, archive_path, obj))
			return -1;
		unlink(obj);
	}
	if (record_stamp(g->a, g->tmp, "libsel4.a", &st))
		return -1;
	/* The prefix is found from the file's own place (pkg-config's pcfiledir), not written as
	 * a path: OUT can move, and one project gives the same bytes in any folder. */
	struct sb pc = SB_INIT;
	sb_addf(&pc,
		"prefix=${pcfiledir}/../..\nincludedir=${prefix}/include\nlibdir=${prefix}/lib\n\n"
		"Name: sel4\nDescription: libsel4 for %s (%s), generated by selfe\nVersion: %s\n"
		"Cflags: -I${includedir}\nLibs: -L${libdir} -lsel4\n",
		g->req->kernel_platform, g->req->sel4_arch, g->version);
	int rc = keep_or_write(g, arena_printf(g->a, "%s/pkgconfig/sel4.pc", lib), &pc);
	sb_release(&pc);
	return rc;
}

/* --- the whole run -------------------------------------------------------------------------------- */

static int read_version(struct gen *g)
{
	const char *path = arena_printf(g->a, "%s/VERSION", g->req->source);
	size_t len;
	deps_file(g->req->deps, path);
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

/* A file the spare had and this run did not make. */
static int drop_stale(const char *rel, const struct stat *st, void *vctx)
{
	struct gen *g = vctx;
	(void)st;
	if (manifest_find(&g->next, 'O', rel))
		return 0;
	const char *path = arena_printf(g->a, "%s/%s", g->inc, rel);
	if (unlink(path) != 0 && errno != ENOENT)
		return diag_error(&(struct loc){ path, 0, 0 }, "cannot remove: %s", strerror(errno));
	return 0;
}

/* Variables the compiler reads (gcc(1), ENVIRONMENT) that could change what it makes here. */
static const char *const compiler_env[] = { "CPATH", "C_INCLUDE_PATH", "GCC_EXEC_PREFIX", "COMPILER_PATH", "GCC_COMPARE_DEBUG",
					    "DEPENDENCIES_OUTPUT", "SUNPRO_DEPENDENCIES", "SOURCE_DATE_EPOCH" };

/*
 * OUT/.selfe/deps (util/deps.h): everything this run read besides what the caller noted (the
 * request, the configuration files), the compiler, and every file of the new OUT with its
 * identity, so that the next selfe gen can tell that OUT is current without remaking it.  Not
 * written (d->opaque then says why) when something cannot be followed or an input changed
 * moments ago.
 */
static int record_deps(struct gen *g)
{
	struct deps *d = g->req->deps;
	deps_file(d, tree(g, "src/sel4_bootinfo.c"));
	deps_program(d, arena_printf(g->a, "%sgcc", g->req->cross_prefix));
	deps_program(d, arena_printf(g->a, "%sar", g->req->cross_prefix));
	for (size_t i = 0; i < sizeof(compiler_env) / sizeof(compiler_env[0]); i++)
		deps_env(d, compiler_env[i]);
	deps_outputs(d, g->tmp, ".selfe");
	struct sb text = SB_INIT;
	const char *why;
	int rc = 0;
	if (deps_format(d, &text, &why) == 0)
		rc = fs_write_new(arena_printf(g->a, "%s/.selfe/deps", g->tmp), text.buf, text.len, NULL);
	else
		deps_opaque(d, why); /* (for the caller's -v) */
	sb_release(&text);
	return rc;
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
	if (rc == 0 && g->staged)
		rc = fs_walk_files_stat(g->inc, drop_stale, g);
	if (rc == 0) {
		struct sb text = SB_INIT;
		manifest_format(&g->next, &text);
		rc = make_dir(g, arena_printf(g->a, "%s/.selfe", g->tmp)) ||
		     fs_write_new(arena_printf(g->a, "%s/.selfe/files", g->tmp), text.buf ? text.buf : "", text.len, NULL);
		sb_release(&text);
	}
	if (rc == 0 && g->req->deps)
		rc = record_deps(g);
	return rc;
}

/* Swap in the new tree: in one step where the file system can exchange two folders, else the
 * old one moves aside first; either way OUT is never half-written. */
static int swap_in(struct gen *g)
{
	const struct libsel4_request *req = g->req;
	int exchanged = access(req->out, F_OK) == 0 ? fs_exchange(g->tmp, req->out) : 1;
	if (exchanged < 0) {
		fs_remove_tree(g->tmp);
		return -1;
	}
	if (exchanged == 0) {
		/* g->tmp now holds the previous tree: kept as the next run's spare. */
		if (rename(g->tmp, g->spare) != 0)
			return fs_remove_tree(g->tmp); /* another run's spare is there already */
		return 0;
	}
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
				 r->config_files[0] ? "" : r->kernel_json, r->config_files[0] ? "" : r->sel4_json };
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		stamp_string(st, fields[i] ? fields[i] : "");
	if (r->config_files[0] && (stamp_file(st, r->config_files[0]) || stamp_file(st, r->config_files[1])))
		return -1;
	stamp_value(st, g->tree_hash);
	stamp_program(st, arena_printf(g->a, "%sgcc", r->cross_prefix));
	return stamp_file(st, tree(g, "src/sel4_bootinfo.c")) || stamp_file(st, arena_printf(g->a, "%s/VERSION", r->source));
}

static const char *spare_path(struct arena *a, const char *out)
{
	char *norm = path_normalize(out); /* "lib/" and "lib" name the same OUT */
	char *dir = path_dirname(norm);
	const char *base = strrchr(norm, '/') ? strrchr(norm, '/') + 1 : norm;
	const char *spare = arena_printf(a, "%s/.%s.selfe-spare", dir, base);
	free(dir);
	free(norm);
	return spare;
}

/*
 * Start the new tree as the spare when there is one.  Its manifest says which of its files can
 * be trusted; what else it holds (OUT/.selfe: stamps that describe the old tree, leftovers of an
 * interrupted run) goes.
 */
static int claim_spare(struct gen *g)
{
	manifest_init(&g->staging, g->a);
	if (rename(g->spare, g->tmp) != 0)
		return 0; /* none (or another run took it): start empty */
	g->staged = true;
	const char *selfe = arena_printf(g->a, "%s/.selfe", g->tmp);
	manifest_load(&g->staging, arena_printf(g->a, "%s/files", selfe));
	if (fs_remove_tree(selfe))
		return -1;
	unlink(arena_printf(g->a, "%s/bitfields.c", g->tmp));
	unlink(arena_printf(g->a, "%s/lib/sel4_bootinfo.o", g->tmp));
	return 0;
}

/* OUT.tmp.PID and OUT.old.PID of killed runs (never this run's, nor a live run's). */
static void remove_stale(struct arena *a, const char *out)
{
	const char *norm = path_normalize_in(a, out);
	const char *base = strrchr(norm, '/') ? strrchr(norm, '/') + 1 : norm;
	fs_remove_stale_temps(path_dirname_in(a, norm), arena_printf(a, "%s.", base), 0);
}

int libsel4_generate(struct arena *a, const struct libsel4_request *req, bool keep_current, bool *kept)
{
	struct gen g = { .a = a, .req = req };
	*kept = false;
	g.word_bits = strstr(req->sel4_arch, "64") ? "64" : "32";
	g.tmp = arena_printf(a, "%s.tmp.%ld", req->out, (long)getpid());
	remove_stale(a, req->out);
	g.spare = spare_path(a, req->out);
	g.inc = arena_printf(a, "%s/include", g.tmp);
	g.src_dirs[0] = tree(&g, "include");
	g.src_dirs[1] = tree(&g, arena_printf(a, "arch_include/%s", req->arch));
	g.src_dirs[2] = tree(&g, arena_printf(a, "sel4_arch_include/%s", req->sel4_arch));
	g.src_dirs[3] = tree(&g, arena_printf(a, "sel4_plat_include/%s", req->kernel_platform));
	g.src_dirs[4] = tree(&g, arena_printf(a, "mode_include/%s", g.word_bits));
	manifest_init(&g.previous, a);
	manifest_init(&g.next, a);
	manifest_load(&g.previous, arena_printf(a, "%s/.selfe/files", req->out));
	g.previous_inc = arena_printf(a, "%s/include", req->out);
	g.inc_hash = HASH_INIT;
	g.racy_after = (long long)time(NULL) - 2;
	/* The VERSION first: without it this is no seL4 tree, which says more than a missing folder. */
	if (read_version(&g) || scan_tree(&g)) {
		release_headers(&g);
		return -1;
	}
	struct stamp st;
	if (keep_current) {
		if (request_stamp(&g, &st)) {
			release_headers(&g);
			return -1;
		}
		const char *lib = arena_printf(a, "%s/lib/libsel4.a", req->out);
		*kept = reuse_previous(a, req->out, "request", lib, &st, NULL);
		if (*kept) {
			release_headers(&g);
			return 0;
		}
	}
	if (fs_remove_tree(g.tmp) || claim_spare(&g) || make_dir(&g, g.inc)) {
		release_headers(&g);
		return -1;
	}
	int rc = generate(&g);
	release_headers(&g);
	if (rc == 0 && keep_current)
		rc = record_stamp(a, g.tmp, "request", &st);
	if (rc) {
		fs_remove_tree(g.tmp);
		return -1;
	}
	return swap_in(&g);
}

