/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree step of ARM and RISC-V configurations: execute_process and the file writes it
 * works with.  Those platforms' config.cmake files build a device tree at configure time (dump it
 * from QEMU or take the tree's DTS files, compile it with dtc) and read one fact back from the
 * kernel's hardware generator: the kernel devices' compatible strings.  So the
 * evaluator gives each evaluation a scratch build folder (CMAKE_BINARY_DIR), performs file
 * WRITE/APPEND/REMOVE/MAKE_DIRECTORY inside it (writes elsewhere are build outputs and stay
 * ignored), runs the few programs that step needs — qemu-system-*, dtc and stat, exactly as the
 * kernel's CMake would — and replaces the Python hardware generator with selfe's own
 * (src/hwgen).  Any other program is refused with an error, so a new tree that starts running
 * something at configure time is noticed instead of silently evaluated wrong.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hwgen/hwgen.h"
#include "kcfg_internal.h"
#include "platform/platform.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/proc.h"
#include "util/sb.h"
#include "util/xalloc.h"

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* Is `path` inside the scratch build folder?  Relative paths are relative to it. */
static char *scratch_path(struct kcfg *k, const char *path)
{
	if (!k->bindir || !*path)
		return NULL;
	char *full = path[0] == '/' ? path_normalize(path) : path_join(k->bindir, path);
	size_t n = strlen(k->bindir);
	if (strncmp(full, k->bindir, n) == 0 && (full[n] == '/' || full[n] == '\0'))
		return full;
	free(full);
	return NULL;
}

int kcfg_file_output(struct kcfg *k, struct kcfg_args *a)
{
	const char *sub = a->v[0].s;
	if (strcmp(sub, "MAKE_DIRECTORY") == 0 || strcmp(sub, "REMOVE") == 0 || strcmp(sub, "REMOVE_RECURSE") == 0) {
		int rc = 0;
		for (size_t i = 1; i < a->n && !rc; i++) {
			char *p = scratch_path(k, a->v[i].s);
			if (!p)
				continue;
			if (sub[0] == 'M')
				rc = fs_mkdirs(p) ? kcfg_err(k, "file(MAKE_DIRECTORY) could not create \"%s\"", p) : 0;
			else if (strcmp(p, k->bindir) != 0)
				rc = fs_remove_tree(p) ? kcfg_err(k, "file(%s) could not remove \"%s\"", sub, p) : 0;
			free(p);
		}
		return rc;
	}
	if (strcmp(sub, "WRITE") != 0 && strcmp(sub, "APPEND") != 0)
		return 0;
	if (a->n < 2)
		return kcfg_err(k, "file(%s) needs a file name", sub);
	char *p = scratch_path(k, a->v[1].s);
	if (!p)
		return 0;
	int rc = 0;
	char *dir = path_dirname(p);
	FILE *f = fs_mkdirs(dir) ? NULL : fopen(p, sub[0] == 'W' ? "w" : "a");
	if (!f) {
		rc = kcfg_err(k, "file(%s) could not open \"%s\": %s", sub, p, strerror(errno));
	} else {
		for (size_t i = 2; i < a->n; i++)
			fputs(a->v[i].s, f);
		if (fclose(f) != 0)
			rc = kcfg_err(k, "file(%s) could not write \"%s\": %s", sub, p, strerror(errno));
	}
	free(dir);
	free(p);
	return rc;
}

/* Run argv with stdout and stderr collected, standard input empty. */
static int run_collect(char **argv, const char *workdir, struct sb *out, struct sb *err, int *status)
{
	struct proc_spec spec = { .argv = (const char *const *)argv, .cwd = workdir && *workdir ? workdir : NULL,
				  .stdin_path = "/dev/null", .out = PROC_CAPTURE, .err = PROC_CAPTURE, .out_buf = out,
				  .err_buf = err, .quiet = true };
	struct proc_result res;
	int rc = proc_exec(&spec, &res);
	*status = res.status;
	return rc < 0 ? -1 : 0;
}

static void strip_trailing(struct sb *s)
{
	while (s->len && strchr(" \t\r\n\f\v", s->buf[s->len - 1]))
		s->buf[--s->len] = '\0';
}

/* The hardware generator's command line, done by selfe's own (src/hwgen): at configure time
 * only its compat-strings output is read back (--dtb, --hardware-config, --compat-strings-out);
 * its other outputs are build inputs. */
static int hardware_gen(struct kcfg *k, char **argv, size_t argc, int *status)
{
	const char *dtb = NULL, *rules = NULL, *compat_out = NULL;
	for (size_t i = 0; i + 1 < argc; i++) {
		if (strcmp(argv[i], "--dtb") == 0)
			dtb = argv[i + 1];
		else if (strcmp(argv[i], "--hardware-config") == 0)
			rules = argv[i + 1];
		else if (strcmp(argv[i], "--compat-strings-out") == 0)
			compat_out = argv[i + 1];
	}
	*status = 0;
	if (!compat_out)
		return 0;
	if (!dtb || !rules)
		return kcfg_err(k, "the hardware generator's command line names no --dtb or --hardware-config");
	struct sb list = SB_INIT;
	int rc = hwgen_compat_strings(dtb, rules, &list);
	if (rc)
		kcfg_err(k, "the hardware generator could not list the kernel devices' compatible strings");
	char *p = rc ? NULL : scratch_path(k, compat_out);
	if (!rc && !p)
		rc = kcfg_err(k, "the compat strings output \"%s\" lies outside the build folder", compat_out);
	if (!rc && fs_write_atomic(p, list.buf, list.len))
		rc = -1;
	free(p);
	sb_release(&list);
	return rc;
}

/*
 * A program the device-tree step needs is not installed.  For dtc that is simply an error (the
 * kernel's own configure needs it too).  For QEMU we also stop with an error rather than fall
 * back to a table of QEMU's device tree of our own: the values come from the device tree the
 * installed QEMU generates for the chosen machine options (CPU, GIC version, memory, SMP), which
 * the kernel build will dump again when it configures, so a table of ours could silently
 * disagree with the kernel actually built.  Air-gapped users of the default configurations have
 * the offline snapshot, which carries these values; others can point QEMU_DTB at a dumped blob.
 */
static int missing_tool(struct kcfg *k, const char *prog)
{
	const char *b = base_name(prog);
	int rc = kcfg_err(k, "\"%s\" was not found on PATH; seL4's configuration runs it for this platform", b);
	if (strncmp(b, "qemu-system-", 12) == 0) {
		/* a QEMU the table does not know: the device-tree platforms' own are ARM's or RISC-V's */
		const struct plat_arch *pa = plat_arch_of_qemu(b);
		if (!pa)
			pa = plat_arch(strstr(b, "riscv") ? "riscv64" : "aarch64");
		diag_note(NULL, "the platform's device tree comes from QEMU (-machine virt,dumpdtb=...): install QEMU (Debian: %s)",
			  pa->qemu_package);
		diag_note(NULL, "or set QEMU_DTB to a device tree blob dumped with that QEMU, or use the offline snapshot (--offline)");
	} else if (strcmp(b, "dtc") == 0) {
		diag_note(NULL, "install the device tree compiler (Debian: device-tree-compiler)");
	}
	return rc;
}

static bool allowed_program(const char *prog)
{
	const char *b = base_name(prog);
	return strcmp(b, "dtc") == 0 || strcmp(b, "stat") == 0 || strncmp(b, "qemu-system-", 12) == 0;
}

static bool is_keyword(const char *s)
{
	static const char *const kw[] = {
		"COMMAND", "WORKING_DIRECTORY", "TIMEOUT", "RESULT_VARIABLE", "RESULTS_VARIABLE",
		"OUTPUT_VARIABLE", "ERROR_VARIABLE", "INPUT_FILE", "OUTPUT_FILE", "ERROR_FILE",
		"OUTPUT_QUIET", "ERROR_QUIET", "COMMAND_ECHO", "OUTPUT_STRIP_TRAILING_WHITESPACE",
		"ERROR_STRIP_TRAILING_WHITESPACE", "ENCODING", "ECHO_OUTPUT_VARIABLE",
		"ECHO_ERROR_VARIABLE", "COMMAND_ERROR_IS_FATAL",
	};
	for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
		if (strcmp(s, kw[i]) == 0)
			return true;
	return false;
}

int kcfg_cmd_execute_process(struct kcfg *k, struct kcfg_args *a)
{
	char **argv = xmalloc((a->n + 1) * sizeof *argv);
	size_t argc = 0, commands = 0;
	const char *result_var = NULL, *out_var = NULL, *err_var = NULL, *workdir = NULL;
	bool strip_out = false, strip_err = false;
	for (size_t i = 0; i < a->n; i++) {
		const char *s = a->v[i].s;
		const char **slot = NULL;
		if (strcmp(s, "COMMAND") == 0) {
			commands++;
			for (i++; i < a->n && !is_keyword(a->v[i].s); i++)
				if (commands == 1)
					argv[argc++] = a->v[i].s;
			i--;
			continue;
		}
		if (strcmp(s, "RESULT_VARIABLE") == 0)
			slot = &result_var;
		else if (strcmp(s, "OUTPUT_VARIABLE") == 0)
			slot = &out_var;
		else if (strcmp(s, "ERROR_VARIABLE") == 0)
			slot = &err_var;
		else if (strcmp(s, "WORKING_DIRECTORY") == 0)
			slot = &workdir;
		else if (strcmp(s, "OUTPUT_STRIP_TRAILING_WHITESPACE") == 0)
			strip_out = true;
		else if (strcmp(s, "ERROR_STRIP_TRAILING_WHITESPACE") == 0)
			strip_err = true;
		if (slot && i + 1 < a->n)
			*slot = a->v[++i].s;
	}
	argv[argc] = NULL;
	int rc = 0, status = 0;
	struct sb out = SB_INIT, err = SB_INIT;
	bool is_hwgen = false;
	for (size_t i = 0; i < argc && i < 2; i++)
		if (strcmp(base_name(argv[i]), "hardware_gen.py") == 0)
			is_hwgen = true;
	/* What a program reads is not known here: the configuration cannot be taken as unchanged. */
	deps_opaque(k->deps, arena_printf(k->arena, "the configuration files run '%s'", argc ? base_name(argv[0]) : "?"));
	if (commands != 1 || argc == 0)
		rc = kcfg_err(k, "execute_process: selfe's evaluator runs exactly one COMMAND");
	else if (!k->bindir)
		rc = kcfg_err(k, "execute_process needs a build folder; evaluate a whole tree");
	else if (is_hwgen)
		rc = hardware_gen(k, argv, argc, &status);
	else if (!allowed_program(argv[0]))
		rc = kcfg_err(k, "execute_process of \"%s\" is not supported by selfe's configuration evaluator",
			      base_name(argv[0]));
	else if (!proc_exists(argv[0]))
		rc = missing_tool(k, argv[0]);
	else
		rc = run_collect(argv, workdir, &out, &err, &status);
	if (!rc) {
		if (strip_out)
			strip_trailing(&out);
		if (strip_err)
			strip_trailing(&err);
		if (result_var) {
			char num[16];
			snprintf(num, sizeof num, "%d", status);
			kcfg_set(k, result_var, num);
		}
		if (out_var)
			kcfg_set(k, out_var, sb_str(&out));
		if (err_var)
			kcfg_set(k, err_var, sb_str(&err));
	}
	sb_release(&out);
	sb_release(&err);
	free(argv);
	return rc;
}
