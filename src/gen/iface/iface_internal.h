/* SPDX-License-Identifier: BSD-2-Clause */
/* The type table the stub emitter marshals by; private to src/gen/iface. */
#ifndef SELFE_IFACE_INTERNAL_H
#define SELFE_IFACE_INTERNAL_H

#include "iface.h"

enum iface_type_kind {
	IFACE_TYPE_PLAIN,    /* an integer type: packed into message words */
	IFACE_TYPE_BOOL,     /* one bit when packed, a byte in C */
	IFACE_TYPE_CAP,      /* a capability: travels in the extra-caps slots */
	IFACE_TYPE_STRUCT,   /* several words, passed by pointer, one XML member per word */
	IFACE_TYPE_BITFIELD, /* a generated bitfield struct: marshalled as .words[i] */
};

struct iface_type {
	const char *name;
	enum iface_type_kind kind;
	unsigned size_bits;   /* when packed into a message */
	unsigned native_bits; /* sizeof in C, in bits */
	unsigned word_bits;
	bool double_word;     /* a 64-bit value split into two 32-bit words */
	bool basic;           /* one of the integer types every release has */
	bool used;            /* named by the interface definitions being emitted */
};

struct iface_types {
	struct iface_type *items;
	size_t len;
	unsigned word_bits;
	unsigned message_registers;
};

int iface_types_init(struct iface_types *t, struct arena *a, const char *sel4_arch, bool mcs, bool vtx64);
struct iface_type *iface_type_find(const struct iface_types *t, const char *name);
bool iface_type_by_reference(const struct iface_type *t);

#endif
