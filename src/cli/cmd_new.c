/* SPDX-License-Identifier: BSD-2-Clause */
/* selfe new: a project that builds as it is (sel4.toml with the default platforms and [app]). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "util/fs.h"
#include "util/path.h"
#include "util/sb.h"

static const char usage[] =
	"usage: selfe new NAME\n"
	"\n"
	"Creates the folder NAME with a sel4.toml (the embedded default configuration: seL4 16.0.0\n"
	"on pc99, sabre, qemu-arm-virt and qemu-riscv-virt, plus an [app] table and a [test] table\n"
	"that its boot passes) and src/main.c, a root task that greets and returns.  Then:\n"
	"cd NAME && selfe build [-p PLATFORM] && selfe test.\n";

static const char main_c[] =
	"/* %s: a seL4 root task built with selfe. */\n"
	"#include <selfe/runtime.h>\n"
	"#include <selfe/start.h>\n"
	"\n"
	"int main(void)\n"
	"{\n"
	"\tconst seL4_BootInfo *bi = selfe_bootinfo();\n"
	"\tselfe_printf(\"Hello from %s: %%lu untyped objects\\n\", (unsigned long)(bi->untyped.end - bi->untyped.start));\n"
	"\treturn 0;\n"
	"}\n";

static bool is_project_name(const char *s)
{
	if (!*s || *s == '.' || *s == '-')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_' ||
		      *s == '-' || *s == '.'))
			return false;
	return true;
}

static int write_project(struct arena *a, const char *dir, const char *name)
{
	size_t len;
	const char *def = cfg_default_text(&len);
	struct sb toml = SB_INIT, c = SB_INIT;
	sb_addf(&toml, "# %s: a seL4 root task.  selfe build -p pc99|sabre|qemu-arm-virt|qemu-riscv-virt [--release]\n", name);
	sb_add(&toml, def, len);
	sb_addf(&toml,
		"\n# The root task: compiled with selfe-start and selfe-runtime by `selfe build`.\n"
		"[app]\nname = \"%s\"\nsources = [\"src/*.c\"]\ncflags = [\"-Wall\", \"-Wextra\"]\n"
		"\n# What `selfe test` expects of a boot, in order: the greeting, then selfe-start's line for\n"
		"# main's return value (a non-zero one fails the run at once).\n"
		"[test]\nexpect = [\"Hello from %s: [0-9]+ untyped objects\", \"main returned 0\"]\n",
		name, name);
	sb_addf(&c, main_c, name, name);
	int rc = fs_mkdirs(arena_printf(a, "%s/src", dir)) || fs_write_atomic(arena_printf(a, "%s/sel4.toml", dir), toml.buf, toml.len) ||
			 fs_write_atomic(arena_printf(a, "%s/src/main.c", dir), c.buf, c.len)
		 ? -1
		 : 0;
	sb_release(&toml);
	sb_release(&c);
	return rc;
}

int cmd_new(int argc, char **argv)
{
	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs(usage, stdout);
		return 0;
	}
	if (argc != 2)
		return cli_usage_error(usage, argc < 2 ? "missing NAME" : "unexpected argument '%s'", argv[argc < 2 ? 0 : 2]);
	const char *name = argv[1];
	if (!is_project_name(name)) {
		diag_error(NULL, "'%s' is not a usable project name", name);
		diag_note(NULL, "use letters, digits, '_', '-' and '.', not starting with '.' or '-' (it names the folder and the image)");
		return EXIT_TROUBLE;
	}
	if (access(name, F_OK) == 0) {
		diag_error(NULL, "'%s' already exists", name);
		diag_note(NULL, "choose another name, or remove it first");
		return EXIT_TROUBLE;
	}
	struct arena *a = arena_new();
	/* Written under a temporary name, then renamed: never half a project. */
	const char *tmp = arena_printf(a, "%s.tmp.%ld", name, (long)getpid());
	int status = 0;
	if (write_project(a, tmp, name) != 0) {
		status = EXIT_TROUBLE;
	} else if (rename(tmp, name) != 0) {
		diag_error(NULL, "cannot create '%s': %s", name, strerror(errno));
		status = EXIT_TROUBLE;
	} else {
		printf("created %s: cd %s && selfe build\n", name, name);
	}
	fs_remove_tree(tmp);
	arena_free(a);
	return status;
}
