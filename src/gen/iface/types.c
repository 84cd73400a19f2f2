/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The C types that interface parameters may have, with their sizes per sel4_arch.  Sizes are
 * ABI facts the XML does not carry; the emitted client header re-checks every one of them
 * against the compiler with a compile-time assertion, so a wrong entry cannot go unnoticed.
 */
#include <string.h>

#include "iface_internal.h"

/* Sizes in words are written as W(n); 0 in `bits` means "one word". */
#define WORD 0

struct type_spec {
	const char *name;
	enum iface_type_kind kind;
	unsigned bits;        /* WORD for a machine word */
	unsigned struct_words; /* IFACE_TYPE_STRUCT: size in words */
};

static const struct type_spec generic_types[] = {
	{ "int", IFACE_TYPE_PLAIN, 32, 0 },
	{ "long", IFACE_TYPE_PLAIN, WORD, 0 },
	{ "seL4_Uint8", IFACE_TYPE_PLAIN, 8, 0 },
	{ "seL4_Uint16", IFACE_TYPE_PLAIN, 16, 0 },
	{ "seL4_Uint32", IFACE_TYPE_PLAIN, 32, 0 },
	{ "seL4_Uint64", IFACE_TYPE_PLAIN, 64, 0 },
	{ "seL4_Time", IFACE_TYPE_PLAIN, 64, 0 },
	{ "seL4_Word", IFACE_TYPE_PLAIN, WORD, 0 },
	{ "seL4_Bool", IFACE_TYPE_BOOL, 1, 0 },
	{ "seL4_CapRights_t", IFACE_TYPE_BITFIELD, WORD, 0 },
	{ "seL4_CPtr", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_CNode", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_IRQHandler", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_IRQControl", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_TCB", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_Untyped", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_DomainSet", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_SchedContext", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_SchedControl", IFACE_TYPE_CAP, WORD, 0 },
	{ NULL, 0, 0, 0 },
};

#define ARM_SMMU_TYPES                                                                            \
	{ "seL4_ARM_SIDControl", IFACE_TYPE_CAP, WORD, 0 }, { "seL4_ARM_SID", IFACE_TYPE_CAP, WORD, 0 }, \
		{ "seL4_ARM_CBControl", IFACE_TYPE_CAP, WORD, 0 }, { "seL4_ARM_CB", IFACE_TYPE_CAP, WORD, 0 }

/* aarch32 and arm_hyp share one table: a 19-word user context and page directories. */
static const struct type_spec arm32_types[] = {
	{ "seL4_ARM_VMAttributes", IFACE_TYPE_PLAIN, WORD, 0 },
	{ "seL4_ARM_Page", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_PageTable", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_PageDirectory", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_ASIDControl", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_ASIDPool", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_VCPU", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_IOSpace", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_IOPageTable", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_UserContext", IFACE_TYPE_STRUCT, 0, 19 },
	{ "seL4_VCPUReg", IFACE_TYPE_PLAIN, WORD, 0 },
	ARM_SMMU_TYPES,
	{ NULL, 0, 0, 0 },
};

static const struct type_spec aarch64_types[] = {
	{ "seL4_ARM_VMAttributes", IFACE_TYPE_PLAIN, WORD, 0 },
	{ "seL4_ARM_Page", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_PageTable", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_VSpace", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_ASIDControl", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_ASIDPool", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_VCPU", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_IOSpace", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_IOPageTable", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_ARM_SMC", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_UserContext", IFACE_TYPE_STRUCT, 0, 36 },
	{ "seL4_ARM_SMCContext", IFACE_TYPE_STRUCT, 0, 8 },
	{ "seL4_VCPUReg", IFACE_TYPE_PLAIN, WORD, 0 },
	ARM_SMMU_TYPES,
	{ NULL, 0, 0, 0 },
};

#define X86_COMMON_TYPES                                                                                      \
	{ "seL4_X86_VMAttributes", IFACE_TYPE_PLAIN, WORD, 0 }, { "seL4_X86_EPT_VMAttributes", IFACE_TYPE_PLAIN, WORD, 0 }, \
		{ "seL4_X86_IOPort", IFACE_TYPE_CAP, WORD, 0 }, { "seL4_X86_IOPortControl", IFACE_TYPE_CAP, WORD, 0 },     \
		{ "seL4_X86_ASIDControl", IFACE_TYPE_CAP, WORD, 0 }, { "seL4_X86_ASIDPool", IFACE_TYPE_CAP, WORD, 0 },     \
		{ "seL4_X86_IOSpace", IFACE_TYPE_CAP, WORD, 0 }, { "seL4_X86_Page", IFACE_TYPE_CAP, WORD, 0 }

#define X86_PAGING_TYPES                                                                                      \
	{ "seL4_X86_PageDirectory", IFACE_TYPE_CAP, WORD, 0 }, { "seL4_X86_PageTable", IFACE_TYPE_CAP, WORD, 0 },   \
		{ "seL4_X86_IOPageTable", IFACE_TYPE_CAP, WORD, 0 }, { "seL4_X86_VCPU", IFACE_TYPE_CAP, WORD, 0 },     \
		{ "seL4_X86_EPTPML4", IFACE_TYPE_CAP, WORD, 0 }, { "seL4_X86_EPTPDPT", IFACE_TYPE_CAP, WORD, 0 },      \
		{ "seL4_X86_EPTPD", IFACE_TYPE_CAP, WORD, 0 }, { "seL4_X86_EPTPT", IFACE_TYPE_CAP, WORD, 0 }

static const struct type_spec ia32_types[] = {
	X86_COMMON_TYPES,
	X86_PAGING_TYPES,
	{ "seL4_VCPUContext", IFACE_TYPE_STRUCT, 0, 7 },
	{ "seL4_UserContext", IFACE_TYPE_STRUCT, 0, 12 },
	{ NULL, 0, 0, 0 },
};

/* The VCPU context grows to 15 words when VT-x guests may be 64-bit (patched in below). */
static const struct type_spec x86_64_types[] = {
	X86_COMMON_TYPES,
	{ "seL4_X64_PML4", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_X86_PDPT", IFACE_TYPE_CAP, WORD, 0 },
	X86_PAGING_TYPES,
	{ "seL4_VCPUContext", IFACE_TYPE_STRUCT, 0, 7 },
	{ "seL4_UserContext", IFACE_TYPE_STRUCT, 0, 20 },
	{ NULL, 0, 0, 0 },
};

static const struct type_spec riscv_types[] = {
	{ "seL4_RISCV_VMAttributes", IFACE_TYPE_PLAIN, WORD, 0 },
	{ "seL4_RISCV_Page", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_RISCV_PageTable", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_RISCV_ASIDControl", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_RISCV_ASIDPool", IFACE_TYPE_CAP, WORD, 0 },
	{ "seL4_UserContext", IFACE_TYPE_STRUCT, 0, 32 },
	{ NULL, 0, 0, 0 },
};

/* Word size, message registers (classic, MCS) and the arch type table of each sel4_arch. */
static const struct {
	const char *sel4_arch;
	unsigned word_bits;
	unsigned mrs, mrs_mcs;
	const struct type_spec *types;
} arches[] = {
	{ "aarch32", 32, 4, 4, arm32_types },  { "arm_hyp", 32, 4, 4, arm32_types },
	{ "aarch64", 64, 4, 4, aarch64_types }, { "ia32", 32, 2, 1, ia32_types },
	{ "x86_64", 64, 4, 4, x86_64_types },   { "riscv32", 32, 4, 4, riscv_types },
	{ "riscv64", 64, 4, 4, riscv_types },
};

static void add_type(struct iface_types *t, const struct type_spec *s, unsigned w, bool vtx64, bool generic)
{
	struct iface_type *ty = &t->items[t->len++];
	ty->basic = generic && (s->kind == IFACE_TYPE_PLAIN || s->kind == IFACE_TYPE_BOOL);
	ty->name = s->name;
	ty->kind = s->kind;
	ty->word_bits = w;
	if (s->kind == IFACE_TYPE_STRUCT) {
		unsigned words = s->struct_words;
		if (vtx64 && !strcmp(s->name, "seL4_VCPUContext"))
			words = 15;
		ty->size_bits = words * w;
	} else {
		ty->size_bits = s->bits == WORD ? w : s->bits;
	}
	/* A bool is packed as one bit but occupies a byte in C. */
	ty->native_bits = s->kind == IFACE_TYPE_BOOL ? 8 : ty->size_bits;
	ty->double_word = ty->kind == IFACE_TYPE_PLAIN && ty->size_bits == 64 && w == 32;
}

int iface_types_init(struct iface_types *t, struct arena *a, const char *sel4_arch, bool mcs, bool vtx64)
{
	for (size_t i = 0; i < sizeof(arches) / sizeof(arches[0]); i++) {
		if (strcmp(arches[i].sel4_arch, sel4_arch))
			continue;
		size_t n = 0;
		for (const struct type_spec *s = generic_types; s->name; s++)
			n++;
		for (const struct type_spec *s = arches[i].types; s->name; s++)
			n++;
		/* Only x86_64 has VCPU contexts sized for 64-bit guests (the option means nothing on ia32). */
		vtx64 = vtx64 && !strcmp(sel4_arch, "x86_64");
		t->items = arena_alloc(a, n * sizeof(*t->items));
		t->len = 0;
		for (const struct type_spec *s = generic_types; s->name; s++)
			add_type(t, s, arches[i].word_bits, vtx64, true);
		for (const struct type_spec *s = arches[i].types; s->name; s++)
			add_type(t, s, arches[i].word_bits, vtx64, false);
		t->word_bits = arches[i].word_bits;
		t->message_registers = mcs ? arches[i].mrs_mcs : arches[i].mrs;
		return 0;
	}
	return -1;
}

struct iface_type *iface_type_find(const struct iface_types *t, const char *name)
{
	for (size_t i = 0; i < t->len; i++)
		if (!strcmp(t->items[i].name, name))
			return &t->items[i];
	return NULL;
}

bool iface_type_by_reference(const struct iface_type *t)
{
	return t->size_bits > t->word_bits && !t->double_word;
}
