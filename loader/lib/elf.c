/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reading the kernel's and the root task's ELF headers: only what loading needs (class,
 * machine, entry, PT_LOAD segments), every offset and size checked against the file before use.
 * Fields are read byte by byte (little-endian), so the file may sit at any alignment.
 */
#include "ldr/check.h"

#define PT_LOAD 1
#define ET_EXEC 2

static uint64_t rd(const unsigned char *p, unsigned n)
{
	uint64_t v = 0;
	while (n--)
		v = (v << 8) | p[n];
	return v;
}

const char *ldr_machine_name(uint32_t machine)
{
	switch (machine) {
	case 3: return "x86 (EM_386)";
	case 40: return "aarch32 (EM_ARM)";
	case 62: return "x86_64 (EM_X86_64)";
	case 183: return "aarch64 (EM_AARCH64)";
	case 243: return "riscv (EM_RISCV)";
	default: return "an unknown machine";
	}
}

static int overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return alen && blen && a < b + blen && b < a + alen;
}

int ldr_elf_check(const char *what, const void *data, uint64_t size, uint32_t machine, int is64, struct ldr_elf *out,
		  struct ldr_err *e)
{
	const unsigned char *d = data;
	unsigned ehsize = is64 ? 64 : 52;
	if (size < ehsize)
		return ldr_fail(e, "%s: truncated (%u bytes, an ELF header needs %u)", what, size, (uint64_t)ehsize);
	if (d[0] != 0x7f || d[1] != 'E' || d[2] != 'L' || d[3] != 'F')
		return ldr_fail(e, "%s: not an ELF file (bad magic)", what);
	if (d[4] != (is64 ? 2 : 1))
		return ldr_fail(e, "%s: %s-bit ELF, this loader needs %s-bit", what, d[4] == 2 ? "64" : "32",
				is64 ? "64" : "32");
	if (d[5] != 1)
		return ldr_fail(e, "%s: not little-endian", what);
	uint32_t m = (uint32_t)rd(d + 18, 2);
	if (m != machine)
		return ldr_fail(e, "%s: built for %s, this loader needs %s", what, ldr_machine_name(m),
				ldr_machine_name(machine));
	if (rd(d + 16, 2) != ET_EXEC)
		return ldr_fail(e, "%s: not an executable (e_type %u)", what, rd(d + 16, 2));
	uint64_t phoff = is64 ? rd(d + 32, 8) : rd(d + 28, 4);
	uint64_t phentsize = rd(d + (is64 ? 54 : 42), 2);
	uint64_t phnum = rd(d + (is64 ? 56 : 44), 2);
	out->entry = is64 ? rd(d + 24, 8) : rd(d + 24, 4);
	if (phentsize != (is64 ? 56u : 32u))
		return ldr_fail(e, "%s: program header size %u, expected %u", what, phentsize, (uint64_t)(is64 ? 56 : 32));
	if (phoff > size || phnum * phentsize > size - phoff)
		return ldr_fail(e, "%s: truncated (program headers at %x..%x, file is %u bytes)", what, phoff,
				phoff + phnum * phentsize, size);
	out->data = d;
	out->nseg = 0;
	for (uint64_t i = 0; i < phnum; i++) {
		const unsigned char *ph = d + phoff + i * phentsize;
		if (rd(ph, 4) != PT_LOAD)
			continue;
		struct ldr_seg s;
		if (is64) {
			s.offset = rd(ph + 8, 8), s.vaddr = rd(ph + 16, 8), s.paddr = rd(ph + 24, 8);
			s.filesz = rd(ph + 32, 8), s.memsz = rd(ph + 40, 8);
		} else {
			s.offset = rd(ph + 4, 4), s.vaddr = rd(ph + 8, 4), s.paddr = rd(ph + 12, 4);
			s.filesz = rd(ph + 16, 4), s.memsz = rd(ph + 20, 4);
		}
		if (s.memsz == 0)
			continue;
		if (s.filesz > s.memsz)
			return ldr_fail(e, "%s: segment %u has more file bytes (%u) than memory bytes (%u)", what, i, s.filesz,
					s.memsz);
		if (s.offset > size || s.filesz > size - s.offset)
			return ldr_fail(e, "%s: truncated (segment %u needs bytes %x..%x, file is %u bytes)", what, i,
					s.offset, s.offset + s.filesz, size);
		uint64_t top = is64 ? ~(uint64_t)0 : 0xffffffffu;
		if (s.vaddr > top - s.memsz || s.paddr > top - s.memsz)
			return ldr_fail(e, "%s: segment %u wraps around the address space", what, i);
		if (out->nseg == LDR_ELF_MAX_SEGS)
			return ldr_fail(e, "%s: more than %u loadable segments", what, (uint64_t)LDR_ELF_MAX_SEGS);
		for (unsigned j = 0; j < out->nseg; j++) {
			const struct ldr_seg *o = &out->seg[j];
			if (overlap(o->vaddr, o->memsz, s.vaddr, s.memsz) || overlap(o->paddr, o->memsz, s.paddr, s.memsz))
				return ldr_fail(e, "%s: loadable segments overlap (%x..%x and %x..%x)", what, o->vaddr,
						o->vaddr + o->memsz, s.vaddr, s.vaddr + s.memsz);
		}
		out->seg[out->nseg++] = s;
	}
	if (out->nseg == 0)
		return ldr_fail(e, "%s: no loadable segment", what);
	out->vmin = out->pmin = ~(uint64_t)0;
	out->vend = out->pend = 0;
	for (unsigned j = 0; j < out->nseg; j++) {
		const struct ldr_seg *s = &out->seg[j];
		if (s->vaddr < out->vmin)
			out->vmin = s->vaddr;
		if (s->paddr < out->pmin)
			out->pmin = s->paddr;
		if (s->vaddr + s->memsz > out->vend)
			out->vend = s->vaddr + s->memsz;
		if (s->paddr + s->memsz > out->pend)
			out->pend = s->paddr + s->memsz;
	}
	if (out->entry < out->vmin || out->entry >= out->vend)
		return ldr_fail(e, "%s: entry point %x is outside its segments (%x..%x)", what, out->entry, out->vmin,
				out->vend);
	return 0;
}
