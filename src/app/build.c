/* SPDX-License-Identifier: BSD-2-Clause */
/* `selfe build` for an [app]: compile, pack, link — each step only when needed. */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/app.h"
#include "arc/arc.h"
#include "embed/folder.h"
#include "util/diag.h"
#include "platform/platform.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/proc.h"
#include "util/sb.h"

EMBED_FOLDER_SYMBOLS(selfe_runtime);
static const struct embed_folder runtime_embedded = { "runtime", "selfe-runtime", selfe_runtime_base,
						      &selfe_runtime_count, selfe_runtime_table };

const char *app_runtime_folder(struct arena *a)
{
	return embed_materialize(a, &runtime_embedded);
}

/* A growable argv in the arena. */
struct args {
	struct arena *a;
	const char **v;
	size_t n, cap;
};

static void add(struct args *l, const char *s)
{
	l->v = arena_grow(l->a, l->v, &l->cap, l->n + 2, sizeof(*l->v));
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

static void add_all(struct args *l, const char *const *v)
{
	for (size_t i = 0; v && v[i]; i++)
		add(l, v[i]);
}

static void add_strings(struct args *l, const struct cfg_strings *s)
{
	for (size_t i = 0; i < s->n; i++)
		add(l, s->v[i]);
}

struct build {
	struct arena *a;
	const struct app_request *req;
	struct step_stats *stats;
	const char *cc;
	struct args base;     /* flags every file is compiled with */
	struct args objects;  /* the application's objects, in order */
	struct args runtime;  /* selfe-start's and selfe-runtime's objects */
	struct args *collect; /* where compile() puts what it made */
};

/*
 * The compiler's own header folder (stddef.h, stdint.h, stdarg.h): the build passes -nostdinc so
 * a libc's headers for the host never leak into a root task.  Asking the compiler costs a
 * process, so the answer is kept in WORK, keyed by the compiler's path, size and time.
 */
static const char *compiler_include_dir(struct arena *a, const struct app_request *r)
{
	const char *cc = arena_printf(a, "%sgcc", r->cross_prefix);
	char *path = proc_which(cc);
	if (!path) {
		diag_error(NULL, "the cross compiler '%s' is not installed", cc);
		plat_note_missing_compiler(cc, r->arch->sel4_arch);
		return NULL;
	}
	struct stat st;
	stat(path, &st);
	const char *key = arena_printf(a, "%s %lld %lld.%09ld\n", path, (long long)st.st_size, (long long)st.st_mtim.tv_sec,
				       st.st_mtim.tv_nsec);
	free(path);
	const char *memo = arena_printf(a, "%s/compiler-include", r->work);
	size_t len;
	char *old = path_is_file(memo) ? fs_read_file(memo, &len) : NULL;
	const char *dir = NULL;
	if (old && !strncmp(old, key, strlen(key)))
		dir = arena_strdup(a, old + strlen(key));
	free(old);
	if (dir)
		return dir;
	struct sb out = SB_INIT;
	const char *argv[] = { cc, "-print-file-name=include", NULL };
	if (proc_run(argv, &out) == 0) {
		while (out.len && (out.buf[out.len - 1] == '\n' || out.buf[out.len - 1] == '\r'))
			out.buf[--out.len] = '\0';
		dir = arena_strdup(a, sb_str(&out));
		struct sb rec = SB_INIT;
		sb_addf(&rec, "%s%s", key, dir);
		if (fs_write_atomic(memo, rec.buf, rec.len))
			dir = NULL;
		sb_release(&rec);
	}
	sb_release(&out);
	return dir;
}

/* WORK/obj/GROUP/REL.o, with ".." made harmless so every object stays inside WORK. */
static const char *object_path(struct build *b, const char *group, const char *rel)
{
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/obj/%s/", b->req->work, group);
	for (const char *s = rel; *s; s++) {
		if (s[0] == '.' && s[1] == '.' && (s == rel || s[-1] == '/')) {
			sb_adds(&p, "__");
			s++;
		} else {
			sb_addch(&p, *s);
		}
	}
	sb_adds(&p, ".o");
	const char *r = arena_strdup(b->a, sb_str(&p));
	sb_release(&p);
	return r;
}

static int compile(struct build *b, const char *src, const char *obj, const char *const *extra)
{
	char *dir = path_dirname(obj);
	int rc = fs_mkdirs(dir);
	free(dir);
	if (rc)
		return -1;
	struct args cmd = { b->a, NULL, 0, 0 };
	add(&cmd, b->cc);
	add_all(&cmd, b->base.v);
	add_all(&cmd, extra);
	add_all(&cmd, (const char *const[]){ "-MMD", "-MP", "-MF", arena_printf(b->a, "%s.d", obj), "-c", src, "-o", obj, NULL });
	if (step_run(b->a, b->stats, obj, cmd.v, NULL))
		return -1;
	add(b->collect, obj);
	return 0;
}

/* Every file of `dir` whose name ends with `suffix`, sorted (fs_walk_files sorts). */
struct suffix_walk {
	struct build *b;
	const char *dir, *suffix, *group;
	const char *const *extra;
	int rc;
};

static int compile_if_suffix(const char *rel, void *ctx)
{
	struct suffix_walk *w = ctx;
	size_t n = strlen(rel), k = strlen(w->suffix);
	if (strchr(rel, '/') || n <= k || strcmp(rel + n - k, w->suffix))
		return 0;
	const char *src = arena_printf(w->b->a, "%s/%s", w->dir, rel);
	return compile(w->b, src, object_path(w->b, w->group, rel), w->extra);
}

static int compile_folder(struct build *b, const char *rel_dir, const char *suffix, const char *const *extra)
{
	const char *dir = arena_printf(b->a, "%s/%s", b->req->runtime, rel_dir);
	if (!path_is_dir(dir))
		return 0;
	struct suffix_walk w = { b, dir, suffix, arena_printf(b->a, "runtime/%s", rel_dir), extra, 0 };
	return fs_walk_files(dir, compile_if_suffix, &w);
}

/* WORK/lib/libselfe-runtime.a: selfe-start and selfe-runtime for one configuration. */
static const char *app_runtime_archive(struct arena *a, const char *work)
{
	return arena_printf(a, "%s/lib/libselfe-runtime.a", work);
}

/*
 * selfe-start and selfe-runtime.  The runtime folder's layout is part of this contract: the
 * .S files of start/<arch>/ (entry; the platform table names the folder), the .c files of start/
 * (the C start routine, built with the arch's folder on the include path and SELFE_STACK_SIZE),
 * and the .c files of lib/ and lib/sel4/ (the runtime), plus lib/libgcc/ where the compiler has
 * no libgcc for the ABI (riscv32 with Debian's riscv64 compiler).
 */
static int compile_runtime(struct build *b)
{
	const struct app_request *r = b->req;
	int64_t stack = r->app && r->app->stack_size ? r->app->stack_size : CFG_APP_DEFAULT_STACK_SIZE;
	const char *start = r->arch->start;
	if (!start || !path_is_dir(arena_printf(b->a, "%s/start/%s", r->runtime, start)))
		return diag_error(NULL, "selfe-start has no entry code for sel4_arch '%s'", r->arch->sel4_arch);
	const char *const start_extra[] = { arena_printf(b->a, "-I%s/start/%s", r->runtime, start),
					    arena_printf(b->a, "-DSELFE_STACK_SIZE=%lld", (long long)stack), NULL };
	b->collect = &b->runtime;
	if (compile_folder(b, arena_printf(b->a, "start/%s", start), ".S", NULL) ||
	    compile_folder(b, "start", ".c", start_extra) || compile_folder(b, "lib", ".c", NULL) ||
	    compile_folder(b, "lib/sel4", ".c", NULL) || (!r->arch->libgcc && compile_folder(b, "lib/libgcc", ".c", NULL)))
		return -1;
	/* One archive, so a user's own build (make_root_task, `selfe env`) links the same thing. */
	const char *archive = app_runtime_archive(b->a, r->work);
	struct args cmd = { b->a, NULL, 0, 0 };
	add_all(&cmd, (const char *const[]){ arena_printf(b->a, "%sar", r->cross_prefix), "rcsD", archive, NULL });
	add_all(&cmd, b->runtime.v);
	return step_run(b->a, b->stats, archive, cmd.v, b->runtime.v);
}


/* The [app] sources: each glob, relative to the config's folder, must match something. */
static int compile_app(struct build *b)
{
	b->collect = &b->objects;
	const struct cfg_app *app = b->req->app;
	struct args extra = { b->a, NULL, 0, 0 };
	for (size_t i = 0; i < app->include.n; i++) {
		char *inc = path_join(b->req->app_dir, app->include.v[i]);
		add(&extra, arena_printf(b->a, "-I%s", inc));
		free(inc);
	}
	add_strings(&extra, &app->cflags);
	static const char *const default_sources[] = { CFG_APP_DEFAULT_SOURCES };
	struct cfg_strings defaults = { (const char **)default_sources, 1 };
	const struct cfg_strings *sources = app->sources.v ? &app->sources : &defaults;
	int rc = 0;
	for (size_t i = 0; i < sources->n && rc == 0; i++) {
		char *pattern = path_join(b->req->app_dir, sources->v[i]);
		glob_t g;
		int grc = glob(pattern, 0, NULL, &g);
		if (grc != 0) {
			rc = diag_error(&app->at, "[app] sources: '%s' matches no file in %s", sources->v[i], b->req->app_dir);
			diag_note(NULL, "sources are globs relative to the folder of sel4.toml, e.g. \"src/*.c\"");
		}
		for (size_t k = 0; grc == 0 && k < g.gl_pathc && rc == 0; k++) {
			const char *src = g.gl_pathv[k];
			size_t dl = strlen(b->req->app_dir);
			const char *rel = !strncmp(src, b->req->app_dir, dl) && src[dl] == '/' ? src + dl + 1 : src;
			rc = compile(b, arena_strdup(b->a, src), object_path(b, "app", rel), extra.v);
		}
		if (grc == 0)
			globfree(&g);
		free(pattern);
	}
	return rc;
}

struct pack_job {
	const char *archive;
	const struct arc_input *in;
	size_t n;
};

static int pack_job_run(void *ctx)
{
	const struct pack_job *j = ctx;
	return arc_pack(j->archive, j->in, j->n);
}

struct text_job {
	const char *path, *text;
};

static int text_job_run(void *ctx)
{
	const struct text_job *j = ctx;
	return fs_write_atomic(j->path, j->text, strlen(j->text));
}

/*
 * [app] files: packed with selfe-arc (WORK/files.arc), then wrapped in an object whose
 * .selfe_arc section holds the archive between _selfe_arc_start and _selfe_arc_end.
 */
static int pack_files(struct build *b)
{
	const struct cfg_app *app = b->req->app;
	if (!app->files.n)
		return 0;
	struct arc_input *in = arena_alloc(b->a, app->files.n * sizeof(*in));
	const char **inputs = arena_alloc(b->a, (app->files.n + 1) * sizeof(*inputs));
	for (size_t i = 0; i < app->files.n; i++) {
		char *owned = NULL;
		arc_input_parse(app->files.v[i], &in[i], &owned);
		char *path = path_join(b->req->app_dir, in[i].path);
		in[i].name = arena_strdup(b->a, in[i].name);
		in[i].path = inputs[i] = arena_strdup(b->a, path);
		free(path);
		free(owned);
	}
	const char *archive = arena_printf(b->a, "%s/files.arc", b->req->work);
	/* The archive is a step whose recipe is the list of names and paths. */
	struct sb names = SB_INIT;
	for (size_t i = 0; i < app->files.n; i++)
		sb_addf(&names, "%s=%s\n", in[i].name, in[i].path);
	struct pack_job job = { archive, in, app->files.n };
	int rc = step_make(b->a, b->stats, archive, sb_str(&names), inputs, pack_job_run, &job);
	sb_release(&names);
	if (rc) {
		diag_note(&app->at, "while packing the files of [app]");
		return -1;
	}
	/* The wrapper is a step too: rewritten only when its text changes, so the object made from
	 * it is not rebuilt for nothing. */
	struct sb s = SB_INIT;
	sb_addf(&s,
		"/* Generated by selfe build: the [app] files as a selfe-arc archive. */\n"
		"\t.section .selfe_arc,\"a\"\n\t.balign 4096\n\t.globl _selfe_arc_start\n_selfe_arc_start:\n"
		"\t.incbin \"%s\"\n\t.globl _selfe_arc_end\n_selfe_arc_end:\n"
		"\t.section .note.GNU-stack,\"\",%%progbits\n",
		archive);
	struct text_job text = { arena_printf(b->a, "%s/files.S", b->req->work), sb_str(&s) };
	rc = step_make(b->a, b->stats, text.path, text.text, NULL, text_job_run, &text);
	const char *wrapper = text.path;
	sb_release(&s);
	if (rc)
		return -1;
	const char *obj = arena_printf(b->a, "%s/obj/files.o", b->req->work);
	struct args cmd = { b->a, NULL, 0, 0 };
	add_all(&cmd, (const char *const[]){ b->cc, "-c", wrapper, "-o", obj, NULL });
	add_all(&cmd, b->req->arch_cflags);
	if (fs_mkdirs(arena_printf(b->a, "%s/obj", b->req->work)) ||
	    step_run(b->a, b->stats, obj, cmd.v, (const char *const[]){ archive, NULL }))
		return -1;
	add(&b->objects, obj);
	return 0;
}

const char *const *app_link_flags(struct arena *a, const struct app_request *r)
{
	struct args l = { a, NULL, 0, 0 };
	add_all(&l, r->arch_cflags);
	add_all(&l, (const char *const[]){ "-static", "-nostdlib", "-no-pie", "-Wl,--build-id=none",
					   "-Wl,-z,max-page-size=0x1000",
					   arena_printf(a, "-Wl,-T,%s/start/%s/link.ld", r->runtime, r->arch->start),
					   /* _start lives in the runtime archive: pull it in.  The three
					    * libraries refer to each other (libgcc's helpers call the
					    * runtime's __aeabi_*div0), so they form one group. */
					   "-Wl,-u,_start", "-Wl,--start-group", app_runtime_archive(a, r->work),
					   arena_printf(a, "%s/lib/libsel4.a", r->libsel4), NULL });
	if (r->arch->libgcc) /* else the runtime's lib/libgcc stands in */
		add(&l, "-lgcc");
	add(&l, "-Wl,--end-group");
	return l.v;
}

static int link_image(struct build *b)
{
	const struct app_request *r = b->req;
	const char *script = arena_printf(b->a, "%s/start/%s/link.ld", r->runtime, r->arch->start);
	if (!path_is_file(script))
		return diag_error(NULL, "selfe-start has no linker script for sel4_arch '%s' (%s)", r->arch->sel4_arch, script);
	struct args cmd = { b->a, NULL, 0, 0 };
	add_all(&cmd, (const char *const[]){ b->cc, "-o", r->image, NULL });
	add_all(&cmd, b->objects.v);
	add_all(&cmd, app_link_flags(b->a, r));
	add_strings(&cmd, &r->app->ldflags);
	struct args inputs = { b->a, NULL, 0, 0 };
	add_all(&inputs, b->objects.v);
	add_all(&inputs, (const char *const[]){ app_runtime_archive(b->a, r->work),
						arena_printf(b->a, "%s/lib/libsel4.a", r->libsel4), script, NULL });
	char *dir = path_dirname(r->image);
	int rc = fs_mkdirs(dir);
	free(dir);
	return rc ? -1 : step_run(b->a, b->stats, r->image, cmd.v, inputs.v);
}

const char *const *app_cflags(struct arena *a, const struct app_request *req)
{
	if (fs_mkdirs(arena_printf(a, "%s/lib", req->work)))
		return NULL;
	const char *isystem = compiler_include_dir(a, req);
	if (!isystem)
		return NULL;
	struct args l = { a, NULL, 0, 0 };
	add_all(&l, req->arch_cflags);
	add_all(&l, (const char *const[]){ "-std=gnu11", "-g", req->profile == CFG_RELEASE ? "-O2" : "-Og", "-nostdinc",
					   "-isystem", isystem, arena_printf(a, "-I%s/include", req->runtime),
					   arena_printf(a, "-I%s/include", req->libsel4), NULL });
	if (req->profile == CFG_RELEASE)
		add(&l, "-DNDEBUG");
	add_all(&l, app_prefix_maps(a, req));
	return l.v;
}

int app_build(struct arena *a, const struct app_request *req, struct step_stats *stats)
{
	struct build b = { .a = a, .req = req, .stats = stats };
	b.base.a = b.objects.a = b.runtime.a = a;
	b.cc = arena_printf(a, "%sgcc", req->cross_prefix);
	const char *const *cflags = app_cflags(a, req);
	if (!cflags)
		return -1;
	add_all(&b.base, cflags);
	if (compile_runtime(&b))
		return -1;
	if (!req->app) /* the runtime alone, for a user's own build */
		return 0;
	if (compile_app(&b) || pack_files(&b))
		return -1;
	return link_image(&b);
}
