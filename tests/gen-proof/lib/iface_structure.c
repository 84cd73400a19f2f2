/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Compile-time facts of the interface: every invocation label, every syscall number and every
 * interface struct.
 *
 * A label's value is restated as a running sum rather than an enum position: PROOF_ON_<l>_<k>
 * is 1 when label k's condition holds (plain 1 when it has none) and PROOF_AT_<l>_<k> is the
 * first free value before label k.  The generated enum must give label k exactly that value, and
 * the layer's count name the sum over all of them; this holds only when the header puts each
 * conditional label under the right #if, in the right order, starting at the right value.
 */
#include <string.h>

#include "proof.h"
#include "util/arena.h"

static size_t layer_facts(struct sb *out, struct arena *a, const struct iface_api *api, const char *tag, const char *first,
			  const char *count)
{
	struct iface_label *labels;
	int status; /* a repeated label was reported when the header was generated */
	size_t n = iface_labels(a, api, &labels, &status), facts = 0;
	sb_addf(out, "/* %s */\n#define PROOF_AT_%s_0 (%s)\n", api->path, tag, first);
	for (size_t k = 0; k < n; k++) {
		if (labels[k].cond[0])
			sb_addf(out, "#if %s\n#define PROOF_ON_%s_%zu 1\n#else\n#define PROOF_ON_%s_%zu 0\n#endif\n", labels[k].cond, tag, k,
				tag, k);
		else
			sb_addf(out, "#define PROOF_ON_%s_%zu 1\n", tag, k);
		sb_addf(out, "#define PROOF_AT_%s_%zu (PROOF_AT_%s_%zu + PROOF_ON_%s_%zu)\n", tag, k + 1, tag, k, tag, k);
		if (labels[k].cond[0])
			sb_addf(out, "#if PROOF_ON_%s_%zu\n", tag, k);
		sb_addf(out, "_Static_assert((long)%s == (long)PROOF_AT_%s_%zu, \"label %s\");\n", labels[k].id, tag, k, labels[k].id);
		if (labels[k].cond[0])
			sb_adds(out, "#endif\n");
		facts++;
	}
	sb_addf(out, "_Static_assert((long)%s == (long)PROOF_AT_%s_%zu, \"%s\");\n", count, tag, n, count);
	return facts + 1;
}

static size_t syscall_facts(struct sb *out, const struct iface_syscall_group *g, size_t n, long *next)
{
	size_t facts = 0;
	for (size_t i = 0; i < n; i++) {
		struct sb cond = SB_INIT;
		if (g[i].cond)
			iface_cond_to_cpp(&cond, g[i].cond);
		if (cond.len)
			sb_addf(out, "#if %s\n", sb_str(&cond));
		for (size_t j = 0; j < g[i].nnames; j++, facts++)
			sb_addf(out, "_Static_assert(seL4_Sys%s == %ld, \"syscall %s\");\n", g[i].names[j], (*next)--, g[i].names[j]);
		if (cond.len)
			sb_adds(out, "#endif\n");
		sb_release(&cond);
	}
	return facts;
}

/*
 * Members the XML lists but the C struct has only under a condition (the XML says so in a
 * comment only): x86's VCPU context grows by r8-r15 for 64-bit VT-x guests.
 */
static const struct {
	const char *name;
	size_t from;
	const char *macro;
} conditional_members[] = {
	{ "seL4_VCPUContext", 7, "CONFIG_X86_64_VTX_64BIT_GUESTS" },
};

/* An interface struct is marshalled one word per member, in order: it must be laid out so. */
static size_t struct_facts(struct sb *out, const struct iface_api *api)
{
	size_t facts = 0;
	for (size_t i = 0; i < api->nstructs; i++) {
		const struct iface_struct *s = &api->structs[i];
		size_t always = s->nmembers;
		const char *macro = NULL;
		for (size_t c = 0; c < sizeof(conditional_members) / sizeof(conditional_members[0]); c++)
			if (!strcmp(s->name, conditional_members[c].name) && conditional_members[c].from < s->nmembers) {
				always = conditional_members[c].from;
				macro = conditional_members[c].macro;
			}
		if (macro)
			sb_addf(out, "#ifdef %s\n", macro);
		sb_addf(out, "_Static_assert(sizeof(%s) == %zu * sizeof(seL4_Word), \"%s: one word per member\");\n", s->name,
			s->nmembers, s->name);
		for (size_t m = always; m < s->nmembers; m++)
			sb_addf(out, "_Static_assert(offsetof(%s, %s) == %zu * sizeof(seL4_Word), \"%s.%s is word %zu\");\n", s->name,
				s->members[m], m, s->name, s->members[m], m);
		if (macro)
			sb_addf(out, "#else\n_Static_assert(sizeof(%s) == %zu * sizeof(seL4_Word), \"%s: one word per member\");\n#endif\n",
				s->name, always, s->name);
		for (size_t m = 0; m < always; m++)
			sb_addf(out, "_Static_assert(offsetof(%s, %s) == %zu * sizeof(seL4_Word), \"%s.%s is word %zu\");\n", s->name,
				s->members[m], m, s->name, s->members[m], m);
		facts += 1 + s->nmembers;
	}
	return facts;
}

size_t proof_emit_iface_structure(struct sb *out, const struct iface_api *const apis[3], const struct iface_syscalls *sys)
{
	struct arena *a = arena_new();
	size_t facts = 0;
	sb_adds(out, "_Static_assert(InvalidInvocation == 0, \"InvalidInvocation\");\n");
	facts += 1 + layer_facts(out, a, apis[2], "generic", "1", "nInvocationLabels");
	facts += layer_facts(out, a, apis[0], "sel4_arch", "nInvocationLabels", "nSeL4ArchInvocationLabels");
	facts += layer_facts(out, a, apis[1], "arch", "nSeL4ArchInvocationLabels", "nArchInvocationLabels");
	for (size_t i = 0; i < 3; i++)
		facts += struct_facts(out, apis[i]);
	if (sys) {
		/* Debug syscalls continue below the chosen API block, counted whatever their condition. */
		long next = -1;
		sb_adds(out, "/* syscalls */\n#ifdef CONFIG_KERNEL_MCS\n");
		facts += syscall_facts(out, sys->mcs, sys->nmcs, &next);
		long after_mcs = next;
		next = -1;
		sb_adds(out, "#else\n");
		facts += syscall_facts(out, sys->master, sys->nmaster, &next);
		sb_adds(out, "#endif\n");
		long after_master = next;
		next = after_mcs;
		sb_adds(out, "#ifdef CONFIG_KERNEL_MCS\n");
		facts += syscall_facts(out, sys->debug, sys->ndebug, &next);
		sb_adds(out, "#else\n");
		next = after_master;
		facts += syscall_facts(out, sys->debug, sys->ndebug, &next);
		sb_adds(out, "#endif\n");
	}
	arena_free(a);
	return facts;
}
