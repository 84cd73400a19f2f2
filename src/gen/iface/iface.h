/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * seL4's interface definitions as a model: the object-method XML (interfaces, methods,
 * parameters, conditions, structs) and the syscall XML (API blocks and debug syscalls), plus
 * the emitters that turn them into libsel4's invocation.h, syscall.h and client stubs.
 *
 * Loading uses libxml2 (XInclude honoured); libxml2 objects never leave the loader.  The model
 * lives in the arena passed in.  Errors are reported as file:line: error: and signalled with NULL.
 */
#ifndef SELFE_IFACE_H
#define SELFE_IFACE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/diag.h"
#include "util/sb.h"

/* A condition on the configuration: <config var=.../>, <not>, <and>, <or>. */
enum iface_cond_kind { IFACE_COND_CONFIG, IFACE_COND_NOT, IFACE_COND_AND, IFACE_COND_OR };

struct iface_cond {
	enum iface_cond_kind kind;
	const char *var;            /* IFACE_COND_CONFIG: the CONFIG_ macro name */
	struct iface_cond **kids;   /* operands of not/and/or */
	size_t nkids;
};

struct iface_param {
	const char *name;
	const char *type;
	bool out; /* dir="out" */
	struct loc at;
};

struct iface_method {
	const char *id;   /* the invocation label, e.g. "UntypedRetype" */
	const char *name; /* e.g. "Retype" */
	const struct iface_cond *cond; /* NULL when unconditional */
	bool duplicate;   /* duplicate="true": the same id again under the same condition */
	/* The doxygen comment seL4's stub generator writes above the stub; NULL unless set by
	 * the caller (the loader does not read documentation). */
	const char *doc;
	struct iface_param *params;
	size_t nparams;
	struct loc at;
};

struct iface_interface {
	const char *name; /* e.g. "seL4_Untyped" */
	struct iface_method *methods;
	size_t nmethods;
	struct loc at;
};

struct iface_struct {
	const char *name;
	const char **members;
	size_t nmembers;
	struct loc at;
};

struct iface_api {
	const char *path;
	struct iface_interface *interfaces;
	size_t ninterfaces;
	struct iface_struct *structs;
	size_t nstructs;
	int included; /* files its XIncludes brought in (read by libxml2, not by us) */
};

/* A <config> group of syscalls sharing one condition. */
struct iface_syscall_group {
	const struct iface_cond *cond;
	const char **names;
	size_t nnames;
	struct loc at;
};

struct iface_syscalls {
	struct iface_syscall_group *master, *mcs, *debug;
	size_t nmaster, nmcs, ndebug;
	int included; /* as iface_api's */
};

struct iface_api *iface_load_api(struct arena *a, const char *path);
struct iface_syscalls *iface_load_syscalls(struct arena *a, const char *path);

/* A condition as a C preprocessor expression, spelt the way seL4's generators spell it:
 * defined(X), !e, (a && b), (a || b). */
void iface_cond_to_cpp(struct sb *out, const struct iface_cond *c);

/* --- emitters ------------------------------------------------------------------------------- */

enum iface_layer { IFACE_LAYER_GENERIC, IFACE_LAYER_SEL4_ARCH, IFACE_LAYER_ARCH };

/* sel4/invocation.h, sel4/sel4_arch/invocation.h or sel4/arch/invocation.h.  Returns -1 after
 * reporting a label repeated under the same condition without duplicate="true". */
int iface_emit_invocations(struct sb *out, const struct iface_api *api, enum iface_layer layer);

/* One invocation label of a layer: a method id, once per distinct condition, in document order. */
struct iface_label {
	const char *id;
	const char *cond; /* cpp text, "" when unconditional */
};
/* The layer's labels (in arena `a`).  A repeat under the same condition without
 * duplicate="true" is reported; returns the count, and *status -1 after such a report. */
size_t iface_labels(struct arena *a, const struct iface_api *api, struct iface_label **out, int *status);

/* sel4/syscall.h for the master or the MCS API. */
void iface_emit_syscalls(struct sb *out, const struct iface_syscalls *s, bool mcs);

struct iface_stub_options {
	const char *sel4_arch;     /* aarch32, aarch64, arm_hyp, ia32, x86_64, riscv32, riscv64 */
	bool mcs;                  /* KernelIsMCS */
	bool ipc_buffer_only;      /* LibSel4StubsUseIPCBufferOnly */
	bool x86_vtx_64bit_guests; /* KernelX86_64VTX64BitGuests */
	/* seL4 16.0.0 on: TCB Read/WriteRegisters move only `count` registers beyond those in
	 * message registers (a loop) instead of the whole context. */
	bool registers_by_count;
	/* The text of seL4's own generator: its banner and section comments, each stub's doc
	 * comment (iface_method.doc), its blank lines around #endif, no newline at the end. */
	bool sel4_text;
};

/* interfaces/sel4_client.h from the sel4_arch, arch and generic APIs (in that order).
 * Returns -1 after reporting an unknown type or an unknown sel4_arch. */
int iface_emit_stubs(struct sb *out, struct arena *a, const struct iface_api *const *apis, size_t napis,
		     const struct iface_stub_options *opt);

#endif
