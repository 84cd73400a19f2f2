/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel through its own CMake and Ninja.  The build folder's name is a hash of everything
 * that decides what CMake configures (the resolved config as an initial cache, the tree, the
 * compiler prefix, the interpreter), so a changed setting gets a fresh configure and an unchanged
 * one never reruns CMake.  Inside a folder, Ninja rebuilds what changed in the tree; when no file
 * of the tree changed since the last successful build (a stamp of names, sizes and times), not
 * even Ninja runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kernel/kernel.h"
#include "kernel/pytools.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/proc.h"
#include "util/sb.h"

static const char *config_cache(struct arena *a, const struct kernel_request *req)
{
	struct sb s = SB_INIT;
	cfg_emit(&s, req->r, CFG_FORMAT_CMAKE);
	const char *r = arena_strdup(a, sb_str(&s));
	sb_release(&s);
	return r;
}

/*
 * Where the kernel is built and installed (KERNEL_TARGET/kernel) and its boot images made
 * (KERNEL_TARGET/images): KERNEL_TARGET is TARGET, unless TARGET's path has a character the
 * kernel's CMake or QEMU cannot take.  The kernel's CMake leaves paths unquoted in its link command
 * (a space in "-Wl,-T DIR/linker.lds_pp" splits the linker script's name), and QEMU's -initrd reads
 * "PATH ARGS,PATH ARGS".  Then it is a folder in selfe's cache keyed by TARGET,
 * kernel-builds/HASH/, whose file "target" names TARGET.
 */
static bool cmake_safe(const char *path)
{
	return strcspn(path, " \t\n;,\"'$\\#") == strlen(path);
}

const char *kernel_target(struct arena *a, const struct kernel_request *req)
{
	if (cmake_safe(req->target))
		return req->target;
	uint64_t h = hash_add(HASH_INIT, req->target, strlen(req->target));
	char *root = path_cache_root();
	const char *dir = arena_printf(a, "%s/kernel-builds/%016llx", root, (unsigned long long)h);
	free(root);
	return dir;
}

static const char *kernel_folder(struct arena *a, const struct kernel_request *req)
{
	return arena_printf(a, "%s/kernel", kernel_target(a, req));
}

static const char *build_dir(struct arena *a, const struct kernel_request *req)
{
	const char *cache = config_cache(a, req);
	uint64_t h = HASH_INIT;
	/* Comment lines name the config file; the same settings from another file are the same
	 * kernel. */
	for (const char *line = cache; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (*line != '#')
			h = hash_add(h, line, len);
		line += len + (end ? 1 : 0);
	}
	h = hash_add(h, req->tree, strlen(req->tree));
	h = hash_add(h, req->cross_prefix, strlen(req->cross_prefix));
	/* Every tool the kernel's configure and build run is selfe's own (the selfe-python shim):
	 * another selfe may generate differently, so it gets its own configure.  Its size, time and
	 * inode stand for it (reading the executable would cost more than a no-op build). */
	struct stat self;
	if (stat("/proc/self/exe", &self) == 0) {
		char id[96];
		snprintf(id, sizeof(id), "%lld %lld.%09ld %llu", (long long)self.st_size, (long long)self.st_mtim.tv_sec,
			 self.st_mtim.tv_nsec, (unsigned long long)self.st_ino);
		h = hash_add(h, id, strlen(id));
	}
	return arena_printf(a, "%s/build-%016llx", kernel_folder(a, req), (unsigned long long)h);
}

/* Names, sizes and modification times of every file of the tree (not contents: fast). */
static int stamp_entry(const char *rel, const struct stat *st, void *ctx)
{
	uint64_t *h = ctx;
	if (!strncmp(rel, ".git/", 5))
		return 0;
	char info[80];
	snprintf(info, sizeof(info), "%lld %lld.%09ld", (long long)st->st_size, (long long)st->st_mtim.tv_sec,
		 st->st_mtim.tv_nsec);
	*h = hash_add(*h, rel, strlen(rel));
	*h = hash_add(*h, info, strlen(info));
	return 0;
}

static const char *tree_stamp(struct arena *a, const char *tree, const char *python)
{
	uint64_t h = hash_add(HASH_INIT, python, strlen(python));
	if (fs_walk_files_stat(tree, stamp_entry, &h))
		return NULL;
	return arena_printf(a, "%016llx\n", (unsigned long long)h);
}

/*
 * Ninja with its "[n/m] ..." progress lines condensed into one line that rewrites itself when
 * stdout is a terminal; every other line (warnings, errors) is passed on, except the linker's
 * warnings about the kernel image's own layout (an RWX LOAD segment, an executable stack: the
 * kernel's linker script and assembly make them on every build, and nothing a user can act on),
 * which go only to the build log (DIR.build.log, which keeps every line).  With `verbose`, Ninja
 * prints each command and everything is passed on as it is.
 */
struct ninja_output {
	bool verbose, tty, progress_shown;
	struct sb log;
	unsigned hidden;
};

static bool kernel_layout_warning(const char *line)
{
	return (strstr(line, "ld: warning: ") &&
		(strstr(line, "LOAD segment with RWX permissions") || strstr(line, "executable stack") ||
		 strstr(line, ".note.GNU-stack"))) ||
	       strstr(line, "ld: NOTE: This behaviour is deprecated and will be removed");
}

static void ninja_line(void *ctx, bool is_err, const char *line, size_t len)
{
	(void)is_err; /* standard error is merged into standard output */
	struct ninja_output *o = ctx;
	sb_add(&o->log, line, len);
	unsigned done, total;
	bool progress = !o->verbose && sscanf(line, "[%u/%u]", &done, &total) == 2;
	bool hide = !o->verbose && kernel_layout_warning(line);
	o->hidden += hide;
	if (progress && o->tty) {
		printf("\rkernel: [%u/%u]", done, total);
		fflush(stdout);
		o->progress_shown = true;
	} else if (!progress && !hide && strncmp(line, "ninja: Entering directory", 25) != 0 &&
		   (o->verbose || strncmp(line, "-- ", 3) != 0)) { /* "-- Installing: ..." */
		if (o->progress_shown)
			putchar('\n');
		o->progress_shown = false;
		fwrite(line, 1, len, stdout);
	}
}

static int run_ninja(struct arena *a, const char *build_dir, const char *target, bool verbose)
{
	struct ninja_output o = { verbose, isatty(STDOUT_FILENO) != 0, false, SB_INIT, 0 };
	const char *argv[] = { "ninja", "-C", build_dir, verbose ? "-v" : target, verbose ? target : NULL, NULL };
	struct proc_spec spec = { .argv = argv, .out = PROC_LINES, .err = PROC_TO_OUT, .on_line = ninja_line, .ctx = &o,
				  .quiet = true };
	int rc = proc_exec(&spec, NULL);
	if (o.progress_shown)
		putchar('\n');
	const char *log = arena_printf(a, "%s.build.log", build_dir);
	fs_write_atomic(log, o.log.buf ? o.log.buf : "", o.log.len);
	sb_release(&o.log);
	if (rc != 0) {
		diag_error(NULL, "the kernel build failed (ninja -C %s %s)", build_dir, target);
		diag_note(NULL, "its whole output is in %s", log);
		return -1;
	}
	return 0;
}

/*
 * CMake records the build folder's path in what it writes, so it configures the real folder;
 * on failure the folder is removed again, so no half-configured folder is ever reused.
 */
static int configure(struct arena *a, const struct kernel_request *req, const char *dir, const char *python,
		     const char *prefix)
{
	const char *cache = arena_printf(a, "%s/selfe-config.cmake", dir);
	const char *text = config_cache(a, req);
	if (fs_remove_tree(dir) || fs_mkdirs(dir) || fs_write_atomic(cache, text, strlen(text)))
		return -1;
	/* The build folder and the tree's place stay out of the kernel (its assertions' __FILE__
	 * strings, debug information): the same kernel from any project folder, byte for byte.
	 * The kernel's CMake appends its own flags to these. */
	const char *maps = arena_printf(a, "-ffile-prefix-map=%s=build -ffile-prefix-map=%s=seL4", dir, req->tree);
	const char *argv[] = { "cmake", "-G", "Ninja", "-C", cache, arena_printf(a, "-DCMAKE_C_FLAGS=%s", maps),
			       arena_printf(a, "-DCMAKE_ASM_FLAGS=%s", maps),
			       arena_printf(a, "-DCROSS_COMPILER_PREFIX=%s", req->cross_prefix),
			       arena_printf(a, "-DCMAKE_TOOLCHAIN_FILE=%s/gcc.cmake", req->tree),
			       arena_printf(a, "-DCMAKE_INSTALL_PREFIX=%s", prefix), arena_printf(a, "-DPYTHON3=%s", python),
			       "-S", req->tree, "-B", dir, NULL };
	if (req->verbose) {
		for (size_t i = 0; argv[i]; i++)
			printf("%s%s", i ? " " : "", argv[i]);
		putchar('\n');
	}
	/* CMake's chatter goes to a log beside the folder, shown on failure. */
	const char *log = arena_printf(a, "%s.configure.log", dir);
	struct sb out = SB_INIT;
	int rc = proc_run(argv, &out);
	fs_write_atomic(log, out.buf ? out.buf : "", out.len);
	sb_release(&out);
	if (rc != 0) {
		fs_remove_tree(dir);
		diag_note(NULL, "the kernel's CMake configure step failed; its output is in %s", log);
		return -1;
	}
	return 0;
}

void kernel_outputs_of(struct arena *a, const char *dir, const char *install, struct kernel_build *out)
{
	memset(out, 0, sizeof(*out));
	out->build_dir = dir;
	out->config_json = arena_printf(a, "%s/gen_config/kernel/gen_config.json", dir);
	out->sel4_config_json = arena_printf(a, "%s/libsel4/gen_config/sel4/gen_config.json", dir);
	if (install) {
		out->elf = arena_printf(a, "%s/bin/kernel.elf", install);
		out->include_dir = arena_printf(a, "%s/libsel4/include", install);
		out->dtb = arena_printf(a, "%s/support/kernel.dtb", install);
	}
}

/* The build folder the request maps to, and what it holds once built. */
static void kernel_outputs(struct arena *a, const struct kernel_request *req, struct kernel_build *out)
{
	kernel_outputs_of(a, build_dir(a, req), arena_printf(a, "%s/install", kernel_folder(a, req)), out);
}

int kernel_build(struct arena *a, const struct kernel_request *req, struct kernel_build *out)
{
	kernel_outputs(a, req, out);
	const char *dir = out->build_dir;
	const char *folder = kernel_folder(a, req);
	const char *prefix = arena_printf(a, "%s/install", folder);
	const char *done = arena_printf(a, "%s/selfe-built", dir);
	/* install/ is shared by every build folder of this target: it says which one filled it, so
	 * that switching back to an older configuration installs that one's kernel again. */
	const char *from = arena_printf(a, "%s/selfe-installed-from", prefix);
	const char *python;
	/* Up to date: the folder's last successful build saw this very tree, and installed last. */
	if (path_is_file(done) && path_is_file(out->elf) && path_is_file(arena_printf(a, "%s/python", dir)) &&
	    path_is_file(from)) {
		size_t len;
		char *py = fs_read_file(arena_printf(a, "%s/python", dir), &len);
		char *old = fs_read_file(done, &len);
		char *installed = path_is_file(from) ? fs_read_file(from, &len) : NULL;
		const char *now = py ? tree_stamp(a, req->tree, py) : NULL;
		bool same = old && now && !strcmp(old, now) && installed && !strcmp(installed, dir);
		free(py);
		free(old);
		free(installed);
		if (same)
			return 0;
	}
	if (kernel_check_host(a, req, &python))
		return -1;
	/* The kernel's CMake and Ninja run selfe as its Python (pytools.h): every tool the kernel
	 * build runs is native, in process; any other script would go to the real interpreter. */
	const char *real_python = python;
	if (pytools_make_shim(a, arena_printf(a, "%s/python", folder), real_python, &python))
		return -1;
	setenv(PYTOOLS_REAL_ENV, real_python, 1);
	if (!path_is_file(arena_printf(a, "%s/build.ninja", dir))) {
		printf("kernel: configuring %s for %s (%s)\n", req->tree, req->r->sel.platform,
		       cfg_profile_name(req->r->sel.profile));
		if (!cmake_safe(req->target)) {
			const char *kt = kernel_target(a, req);
			printf("kernel: building in %s: the project's path has a character the kernel's CMake cannot take (a space)\n",
			       folder);
			if (fs_mkdirs(kt) || fs_write_atomic(arena_printf(a, "%s/target", kt), req->target, strlen(req->target)))
				return -1;
		}
		fflush(stdout);
		if (configure(a, req, dir, python, prefix))
			return -1;
	}
	unlink(done);
	const char *stamp = tree_stamp(a, req->tree, real_python);
	if (!stamp || run_ninja(a, dir, "install", req->verbose))
		return -1;
	out->ran = true;
	if (!path_is_file(out->elf))
		return diag_error(NULL, "the kernel build finished without %s", out->elf);
	return fs_write_atomic(arena_printf(a, "%s/python", dir), real_python, strlen(real_python)) ||
			       fs_write_atomic(from, dir, strlen(dir)) || fs_write_atomic(done, stamp, strlen(stamp))
		       ? -1
		       : 0;
}
