/* SPDX-License-Identifier: BSD-2-Clause */
/* The pc99 QEMU command line: -cpu flags from the kernel's configuration, the rest in order. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "kernel/kernel.h"
#include "sim/sim.h"
#include "util/diag.h"
#include "util/fs.h"

/* The keys of a pc99 gen_config.json the CPU flags depend on, as a default 16.0.0 x86_64
 * configuration sets them (FXSAVE, FSGSBASE instructions, no PCID, 1 GiB pages, syscall);
 * `changes` lists "KEY=true" / "KEY=false" words to set instead. */
static const char *config(const char *changes)
{
	static const char *const keys[] = { "ARCH_X86", "ARCH_X86_64", "HUGE_PAGE", "SUPPORT_PCID", "VTX",
					    "SYSCALL", "XSAVE", "FXSAVE", "XSAVE_XSAVEC", "XSAVE_XSAVES",
					    "FSGSBASE_INST" };
	static const bool defaults[] = { true, true, true, false, false, true, false, true, false, false, true };
	static struct sb s = SB_INIT;
	sb_reset(&s);
	sb_adds(&s, "{\"SEL4_ARCH\": \"x86_64\"");
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		bool v = defaults[i];
		struct sb word = SB_INIT;
		sb_addf(&word, "%s=", keys[i]);
		const char *at = strstr(changes, sb_str(&word));
		if (at && (at == changes || at[-1] == ' '))
			v = !strncmp(at + word.len, "true", 4);
		sb_release(&word);
		sb_addf(&s, ", \"%s\": %s", keys[i], v ? "true" : "false");
	}
	sb_adds(&s, "}");
	return sb_str(&s);
}

static const char *cpu(struct arena *a, const char *changes)
{
	const char *text = config(changes);
	return sim_pc99_cpu(a, "gen_config.json", json_parse(a, "gen_config.json", text, strlen(text)));
}

TEST(test_sim__cpu_flags_follow_the_kernel_configuration)
{
	struct arena *a = arena_new();
	CHECK_STR_EQ(cpu(a, ""), "Nehalem,-vme,+pdpe1gb,-xsave,-xsaveopt,-xsavec,+fsgsbase,-invpcid,+syscall,+lm,enforce");
	CHECK_STR_EQ(cpu(a, "HUGE_PAGE=false"),
		     "Nehalem,-vme,-pdpe1gb,-xsave,-xsaveopt,-xsavec,+fsgsbase,-invpcid,+syscall,+lm,enforce");
	CHECK_STR_EQ(cpu(a, "XSAVE=true XSAVE_XSAVEC=true FXSAVE=false"),
		     "Nehalem,-vme,+pdpe1gb,+xsave,+xsaveopt,+xsavec,+fsgsbase,-invpcid,+syscall,+lm,enforce");
	CHECK_STR_EQ(cpu(a, "SUPPORT_PCID=true VTX=true"),
		     "Nehalem,-vme,+pdpe1gb,-xsave,-xsaveopt,-xsavec,+fsgsbase,+pcid,+invpcid,+vmx,+syscall,+lm,enforce");
	CHECK_STR_EQ(cpu(a, "FSGSBASE_INST=false SYSCALL=false ARCH_X86_64=false"),
		     "Nehalem,-vme,+pdpe1gb,-xsave,-xsaveopt,-xsavec,-invpcid,enforce");
	arena_free(a);
}

TEST(test_sim__a_configuration_that_is_not_x86_is_refused)
{
	struct arena *a = arena_new();
	struct sb err = SB_INIT;
	diag_capture(&err);
	const char *arm = "{\"ARCH_X86\": false, \"ARCH_ARM\": true}";
	CHECK(sim_pc99_cpu(a, "g.json", json_parse(a, "g.json", arm, strlen(arm))) == NULL);
	CHECK_STR_CONTAINS(sb_str(&err), "g.json:1:1: error: not an x86 kernel configuration");
	sb_reset(&err);
	char dir[] = "/tmp/selfe-sim-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	const char *bad = arena_printf(a, "%s/g.json", dir);
	CHECK_INT_EQ(fs_write_atomic(bad, "{\"ARCH_X86\": tru", 16), 0);
	CHECK(kernel_config_read(a, bad) == NULL);
	CHECK_STR_CONTAINS(sb_str(&err), "g.json:1:");
	fs_remove_tree(dir);
	diag_capture(NULL);
	sb_release(&err);
	arena_free(a);
}

static const char *joined(const char **argv)
{
	static struct sb s = SB_INIT;
	sb_reset(&s);
	for (size_t i = 0; argv && argv[i]; i++)
		sb_addf(&s, "%s%s", i ? " " : "", argv[i]);
	return sb_str(&s);
}

TEST(test_sim__pc99_command_line)
{
	struct arena *a = arena_new();
	char dir[] = "/tmp/selfe-sim-test-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	const char *json = arena_printf(a, "%s/gen_config.json", dir);
	CHECK_INT_EQ(fs_write_atomic(json, config(""), strlen(config(""))), 0);
	struct sim_pc99_request req = { .qemu = "qemu-system-x86_64", .config = kernel_config_read(a, json), .config_path = json,
					.kernel_image = "k32", .root_image = "app", .memory_mib = 512 };
	const char *cpu_flags = "Nehalem,-vme,+pdpe1gb,-xsave,-xsaveopt,-xsavec,+fsgsbase,-invpcid,+syscall,+lm,enforce";
	CHECK_STR_EQ(joined(sim_pc99_argv(a, &req)),
		     arena_printf(a, "qemu-system-x86_64 -cpu %s -nographic -serial mon:stdio -m size=512M -no-reboot "
				     "-kernel k32 -initrd app", cpu_flags));
	const char *extra[] = { "-d", "int" };
	req.serial_override = "  -serial  tcp::4444,server  -display none ";
	req.gdb_port = 1234;
	req.memory_mib = 2048;
	req.extra = extra;
	req.nextra = 2;
	CHECK_STR_EQ(joined(sim_pc99_argv(a, &req)),
		     arena_printf(a, "qemu-system-x86_64 -cpu %s -serial tcp::4444,server -display none -m size=2048M "
				     "-no-reboot -gdb tcp::1234 -S -kernel k32 -initrd app -d int", cpu_flags));
	struct sb err = SB_INIT;
	diag_capture(&err);
	CHECK(kernel_config_read(a, arena_printf(a, "%s/missing.json", dir)) == NULL);
	diag_capture(NULL);
	CHECK_STR_CONTAINS(sb_str(&err), "missing.json");
	sb_release(&err);
	fs_remove_tree(dir);
	arena_free(a);
}
